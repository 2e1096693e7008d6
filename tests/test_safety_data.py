"""Escaping by default: data files hold plain text and http(s) links, templates escape.

Every data file a pull request can touch is validated when it is loaded (the gate and the
build load it the same way), and every template autoescapes, so a value that got past
validation would still print as text: the last tests switch validation off to show that.
"""

from __future__ import annotations

import contextlib
import html
import io
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from anthology import cli
from anthology.site.commands import BuildFailed

from .conftest import build_site, copy_content

MLFLOW = "    aliases: []\n    homepage: https://mlflow.org\n"
FAST = {"ANTHOLOGY": {"SEARCH": False, "SOCIAL_CARDS": False, "FEEDS": False}}
POST = "posts/F2026/pandera-rating-schema-checks.md"
MARKUP_NAMES = [
    'MLflow</h1><meta http-equiv="refresh" content="0;url=https://evil.example/">',
    "<script src=/images/x.js></script>",
    "<style>body{visibility:hidden}</style>",
    "<a href=https://evil.example/login>Sign in again</a>",
    "<svg onload=alert(1)>",
    "<iframe src=https://evil.example>",
    'Pandas" onmouseover="alert(1)',
    "`${alert(1)}`",
    "Pan\u202edas",  # right-to-left override
    "Pan\x00das",
    "line\nbreak",
]
BAD_URLS = [
    "javascript:alert(1)",
    " JaVaScRiPt:alert(1)",
    "java\tscript:alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html,<script>alert(1)</script>",
    'https://example.org/"><script>alert(1)</script>',
    "https://example.org/' onmouseover='alert(1)",
    "https://example.org/a b",
    "https://example.org/\\evil",
    "https://example.org/\u202e",
    "//evil.example/x",
    "https:evil.example",
    "ftp://example.org/x",
]


def run(*argv: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(list(argv))
    return code, out.getvalue() + err.getvalue()


def gate(content: Path) -> tuple[int, str]:
    return run("--content", str(content), "check")


def build(content: Path, tmp_path: Path) -> str | None:
    try:
        build_site(content, tmp_path / "output", **FAST)
    except BuildFailed as exc:
        return str(exc)
    return None


@pytest.fixture
def content(tmp_path: Path) -> Path:
    return copy_content(tmp_path / "content")


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _quoted(value: str) -> str:
    """A YAML double-quoted scalar holding `value` exactly."""
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    escaped = escaped.replace("\x00", "\\0").replace("\u202e", "\\u202E").replace("\t", "\\t")
    return f'"{escaped}"'


def _refused(content: Path, tmp_path: Path, file: str, line_hint: str) -> None:
    code, report = gate(content)
    assert code in (1, 2), report
    assert file in report and line_hint in report, report
    failure = build(content, tmp_path)
    assert failure is not None and file in failure
    assert not (tmp_path / "output" / "index.html").exists()


@pytest.mark.parametrize("name", MARKUP_NAMES)
def test_markup_in_a_tool_alias_is_refused(content: Path, tmp_path: Path, name: str) -> None:
    _edit(content / "tools.yaml", MLFLOW, MLFLOW.replace("[]", f"[ML Flow, {_quoted(name)}]"))
    _refused(content, tmp_path, "tools.yaml", "alias")


@pytest.mark.parametrize("url", BAD_URLS)
def test_a_tool_homepage_must_be_a_plain_http_link(content: Path, tmp_path: Path, url: str) -> None:
    _edit(content / "tools.yaml", MLFLOW, MLFLOW.replace("https://mlflow.org", _quoted(url)))
    _refused(content, tmp_path, "tools.yaml", "homepage")


@pytest.mark.parametrize("name", MARKUP_NAMES[:6])
def test_markup_in_an_earlier_posts_name_is_refused_with_its_line(
    content: Path, tmp_path: Path, name: str
) -> None:
    catalog = content / "prior" / "2020-2022.yaml"
    _edit(catalog, "- name: MLflow\n", f"- name: {_quoted(name)}\n")
    line = 1 + catalog.read_text(encoding="utf-8").split(f"- name: {_quoted(name)}")[0].count("\n")
    _refused(content, tmp_path, f"prior/2020-2022.yaml:{line}", "name")


@pytest.mark.parametrize("url", BAD_URLS)
def test_an_earlier_posts_url_must_be_a_plain_http_link(
    content: Path, tmp_path: Path, url: str
) -> None:
    catalog = content / "prior" / "2020-2022.yaml"
    old = "  url: https://medium.com/@kevin.n.lu123/"
    text = catalog.read_text(encoding="utf-8")
    start = text.index(old)
    end = text.index("\n", start)
    catalog.write_text(text[:start] + f"  url: {_quoted(url)}" + text[end:], encoding="utf-8")
    _refused(content, tmp_path, "prior/2020-2022.yaml", "url")


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("tags", "[ok, {v}]"),
        ("tool", "{v}"),
        ("authors", "[{{name: {v}, id: praman}}]"),
        ("authors", "[{{name: Priya Raman, id: {v}}}]"),
    ],
)
@pytest.mark.parametrize("name", MARKUP_NAMES[1:5])
def test_markup_in_a_posts_tags_tools_and_authors_is_a_gate_and_build_error(
    content: Path, tmp_path: Path, field: str, value: str, name: str
) -> None:
    post = content / POST
    text = post.read_text(encoding="utf-8")
    text = re.sub(
        r"(?m)^authors:\n(?:  .*\n)+", "authors: [{name: Priya Raman, id: praman}]\n", text
    )
    text = re.sub(rf"(?m)^{field}: .*$", f"{field}: " + value.format(v=_quoted(name)), text)
    post.write_text(text, encoding="utf-8")
    code, report = run("--content", str(content), "check", str(post))
    assert code == 1, report
    assert "front-matter-text" in report and POST in report
    failure = build(content, tmp_path)
    assert failure is not None and "front-matter-text" in failure


def test_markup_in_a_comment_authors_name_is_a_gate_error(content: Path) -> None:
    comment = content / "comments" / "pandera-rating-schema-checks" / "mtanaka.md"
    _edit(comment, "name: Mei Tanaka", 'name: "<img src=x onerror=alert(1)>"')
    code, report = run("--content", str(content), "check", str(comment))
    assert code == 1 and "mtanaka.md" in report and "`<`" in report, report


def test_ampersands_are_names_and_are_shown_escaped(content: Path, tmp_path: Path) -> None:
    post = content / POST
    _edit(post, "tags: [data quality, validation, pandas]", 'tags: [R&D, "AT&T", "&lt;b&gt;"]')
    code, report = run("--content", str(content), "check", str(post))
    assert code == 0, report
    assert build(content, tmp_path) is None
    page = (tmp_path / "output/posts/pandera-rating-schema-checks/index.html").read_text("utf-8")
    soup = BeautifulSoup(page, "html.parser")
    tags = [a.get_text() for a in soup.select("ul.tag-list a.tag")]
    assert tags == ["R&D", "AT&T", "&lt;b&gt;"]
    assert "R&amp;D" in page and "&amp;lt;b&amp;gt;" in page
    # Filter values for Pagefind are escaped twice more (see anthology/site/filters.py).
    filters = [s.get_text() for s in soup.select('[data-pagefind-filter="tag"]')]
    assert filters == [html.escape(html.escape(t)) for t in ("R&D", "AT&T", "&lt;b&gt;")]


CSV = "Student,Tool,Blog post link,Semester\n{rows}"


@pytest.mark.parametrize("name", MARKUP_NAMES[:8])
def test_a_claims_spreadsheet_cannot_import_markup(
    content: Path, tmp_path: Path, name: str
) -> None:
    rows = (
        f'Mallory,"{name.replace(chr(34), chr(34) * 2)}",https://example.org/a,S2025\n'
        'Mallory,MLflow,"https://example.org/b""onmouseover=x",S2025\n'
        "Mallory,MLflow,javascript:alert(1),S2025\n"
        '"<b>Mallory</b>",MLflow,https://example.org/c,S2025\n'
        "Alice,R&D Tool,https://example.org/ok,S2025\n"
    )
    sheet = tmp_path / "claims.csv"
    sheet.write_text(CSV.format(rows=rows), encoding="utf-8")
    code, report = run("--content", str(content), "import-prior", str(sheet))
    assert code in (0, 1), report
    written = (content / "prior" / "s2025.yaml").read_text(encoding="utf-8")
    assert "example.org/ok" in written
    for bad in ("example.org/a", "example.org/b", "javascript", "<b>", "example.org/c"):
        assert bad not in written, bad
    assert "row 2" in report and "row 3" in report and "row 4" in report and "row 5" in report
    assert gate(content)[0] == 0  # what was written loads


def test_a_handout_cannot_import_markup(content: Path, tmp_path: Path) -> None:
    links = ", ".join(
        f"[{name}](https://example.org/{index})"
        for index, name in enumerate(["Evil\u202eTool", "Great &lt;Tool&gt;", "A `tick`", "Good"])
    )
    handout = tmp_path / "handout.md"
    handout.write_text(f'Earlier posts: {links}, [Bad](https://example.org/x"y).\n', "utf-8")
    _code, report = run(
        "--content", str(content), "import-prior", str(handout), "--semester", "S2025"
    )
    written = (content / "prior" / "s2025.yaml").read_text(encoding="utf-8")
    assert "example.org/3" in written and "example.org/1" in written  # `&` is fine
    assert "example.org/0" not in written and "example.org/2" not in written
    assert 'x"y' not in written and 'x\\"y' not in written
    assert gate(content)[0] == 0, report


# ---- Defence in depth: with validation switched off, the templates still escape. ----


@pytest.fixture
def no_validation(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pretend validation missed everything (as a future data path might)."""
    for module in ("anthology.prior", "anthology.tools", "anthology.model"):
        monkeypatch.setattr(f"{module}.text_problem", lambda _value: None)
        monkeypatch.setattr(f"{module}.url_problem", lambda _value: None, raising=False)


HOSTILE_NAME = 'MLflow</h1><meta http-equiv="refresh" content="0;url=https://evil.example/">'
HOSTILE_URL = 'https://example.org/x" onmouseover="alert(1)'


def hostile_catalog(content: Path) -> None:
    catalog = content / "prior" / "2020-2022.yaml"
    _edit(catalog, "- name: MLflow\n", f"- name: {_quoted(HOSTILE_NAME)}\n")
    _edit(
        catalog,
        "  title: MLflow managing your ML pipeline from training to deployment\n",
        f"  title: {_quoted(HOSTILE_NAME)}\n",
    )
    text = catalog.read_text(encoding="utf-8")
    old = "  url: https://medium.com/@kevin.n.lu123/"
    start = text.index(old)
    end = text.index("\n", start)
    catalog.write_text(text[:start] + f"  url: {_quoted(HOSTILE_URL)}" + text[end:], "utf-8")
    hostile = MLFLOW.replace("[]", '["<script src=/images/x.js></script>"]')
    _edit(content / "tools.yaml", MLFLOW, hostile.replace("https://mlflow.org", "javascript:x()"))


def scripts_of(soup: BeautifulSoup) -> list[str]:
    """Each script's src, or its whole text when inline."""
    return [s.get("src") or s.get_text() for s in soup.find_all("script")]


def _expected_scripts() -> list[str]:
    from anthology.site.inline import THEME_SCRIPT

    return [str(THEME_SCRIPT), "/theme/js/theme-toggle.js"]


EXPECTED_SCRIPTS = _expected_scripts()


@pytest.mark.usefixtures("no_validation")
def test_templates_print_unvalidated_values_as_text(content: Path, tmp_path: Path) -> None:
    hostile_catalog(content)
    assert build(content, tmp_path) is None
    output = tmp_path / "output"
    stubs = [p for p in (output / "earlier").glob("*/index.html") if "evil" in p.read_text("utf-8")]
    assert len(stubs) == 1
    soup = BeautifulSoup(stubs[0].read_text(encoding="utf-8"), "html.parser")
    assert [m["http-equiv"] for m in soup.find_all("meta", attrs={"http-equiv": True})] == [
        "Content-Security-Policy"
    ]
    assert soup.h1.get_text() == HOSTILE_NAME
    assert scripts_of(soup) == EXPECTED_SCRIPTS
    assert soup.find("a", string=re.compile("Read the post"))["href"] == ""  # not a web link
    assert not [t for t in soup.find_all(True) if any(a.startswith("on") for a in t.attrs)]
    assert "<script src=/images/x.js></script>" in soup.get_text()
    tool = BeautifulSoup((output / "tools/mlflow/index.html").read_text("utf-8"), "html.parser")
    assert scripts_of(tool) == EXPECTED_SCRIPTS
    assert "<script src=/images/x.js></script>" in tool.get_text()
    hrefs = [a["href"] for a in tool.find_all("a", href=True)]
    assert not [h for h in hrefs if "javascript" in h.lower()]
    assert not tool.find("a", string="Project homepage")


# ---- Markup in a post's body: the gate refuses it, the build's nh3 allow-list drops it. ----

BODY_PAYLOADS = [
    "<img src=x onerror=alert(1)>",
    "<IMG SRC=x OnError=alert(1)>",
    "<svg onload=alert(1)><circle r=1 /></svg>",
    "<svg><script>alert(1)</script></svg>",
    '<iframe src="https://evil.example"></iframe>',
    "<iframe srcdoc='<script>alert(1)</script>'></iframe>",
    "<details open ontoggle=alert(1)><summary>x</summary></details>",
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<a href=" &#14; javascript:alert(1)">x</a>',
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
    "[x](JaVaScRiPt:alert(1))",
    "[x](javascript&#58;alert(1))",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[x](VBScript:msgbox(1))",
    "![x](data:image/svg+xml,<svg onload=alert(1)>)",
    '<a href="https://example.org/" style="position:fixed;inset:0">x</a>',
    "<style>body{display:none}</style>",
    "<form action=https://evil.example><input name=p></form>",
    "<object data=https://evil.example/x.swf></object>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<base href=https://evil.example/>",
    '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
]


@pytest.mark.parametrize("payload", BODY_PAYLOADS)
def test_markup_in_a_post_body_is_refused_and_never_runs(
    content: Path, tmp_path: Path, payload: str
) -> None:
    post = content / "posts" / "F2026" / "welcome-fall-2026.md"
    post.write_text(post.read_text(encoding="utf-8") + f"\n\n{payload}\n", encoding="utf-8")
    code, report = run("--content", str(content), "check", str(post))
    assert code == 1, report
    assert build(content, tmp_path) is None  # the build drops what the gate refuses
    page = (tmp_path / "output/posts/welcome-fall-2026/index.html").read_text(encoding="utf-8")
    body = BeautifulSoup(page, "html.parser").select_one(".prose")
    assert body is not None
    assert not body.find_all(
        ["script", "style", "iframe", "svg", "math", "object", "form", "base", "meta", "input"]
    )
    for tag in body.find_all(True):
        assert not [a for a in tag.attrs if a.startswith("on") or a in ("style", "srcdoc")], tag
        for name in ("href", "src", "action", "data"):
            value = re.sub(r"[\x00-\x20]", "", str(tag.get(name, ""))).lower()
            assert not value.startswith(("javascript:", "data:", "vbscript:")), tag
