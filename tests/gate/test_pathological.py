"""Bodies shaped to be slow or to crash a Markdown checker: findings, never a crash.

How fast the gate is on them is measured by `benchmarks/bench_check.py` (the worst 200 KB
shape), not here; these tests hold what must be true whatever the machine's speed.
"""

from __future__ import annotations

import json
import re
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from anthology.corpus import load_config
from anthology.gate.engine import INTERNAL_ERROR, check_all
from anthology.gate.loading import load
from anthology.gate.scan import Body, _blank_code_spans, fenced_lines
from anthology.gate.shape import Limits, excesses, nesting_depth
from benchmarks.pathological import SHAPES

from .conftest import HERE, REPO, Runner
from .pullrequest import pull_request, rules_on, start

FRONT = "---\n" + (HERE / "good" / "two-authors.md").read_text(encoding="utf-8").split("---\n")[1]
FRONT += "---\n"
MAX_BYTES = 200_000


def post_of(body: str) -> str:
    return FRONT + body


def fill(shape: str, size: int = MAX_BYTES) -> str:
    """A post of `shape` as close to `size` bytes as the shape allows, never over it."""
    body = SHAPES[shape](size - len(FRONT.encode("utf-8")))
    return post_of(body)


def check_text(content: Path, text: str) -> list[dict]:
    post = content / "posts" / "F2026" / "shape.md"
    post.write_text(text, encoding="utf-8")
    paths, course, registry = load_config(content)
    _gate, contexts = load(paths, course, registry, [post], use_git=False)
    return [finding.to_dict() for finding in check_all(contexts)]


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_every_shape_at_the_size_limit_gets_findings_not_a_crash(shape: str, content: Path) -> None:
    text = fill(shape)
    assert len(text.encode("utf-8")) <= MAX_BYTES
    found = check_text(content, text)
    assert [f for f in found if f["rule"] == INTERNAL_ERROR] == []
    assert all(f["path"] == "content/posts/F2026/shape.md" for f in found)


def test_a_list_nested_300_deep_is_reported_with_its_line(content: Path) -> None:
    body = "".join("    " * depth + "- item\n" for depth in range(300))
    found = check_text(content, post_of(body))
    assert [f for f in found if f["rule"] == INTERNAL_ERROR] == []
    deep = [f for f in found if f["rule"] == "markdown-too-deep"]
    first_body_line = FRONT.count("\n") + 1
    assert len(deep) == 1 and first_body_line + 8 <= deep[0]["line"] < first_body_line + 300
    assert "nested 300 deep" in deep[0]["message"]


def test_a_quote_nested_1000_deep_on_one_line(content: Path) -> None:
    found = check_text(content, post_of(">" * 1000 + " deep\n"))
    assert "markdown-too-deep" in {f["rule"] for f in found}
    assert INTERNAL_ERROR not in {f["rule"] for f in found}


@pytest.mark.parametrize("tag", ["<script>x</script>", "<div>x</div>", "<!-- note -->"])
def test_a_list_nested_after_a_block_of_raw_html_on_its_line(content: Path, tag: str) -> None:
    """The renderer reads the text after a block-level element as a line of its own:
    "<script>x</script>1. 1. 1. …" is a list nested as deep as its markers (it once
    crashed the sections check with a RecursionError)."""
    found = check_text(content, post_of(tag + "1. " * 1_500 + "x\n"))
    assert INTERNAL_ERROR not in {f["rule"] for f in found}
    deep = [f for f in found if f["rule"] == "markdown-too-deep"]
    assert len(deep) == 1
    nested = re.search(r"nested (\d+) deep", deep[0]["message"])
    assert nested is not None and int(nested[1]) >= 1_500


def test_ordinary_nesting_and_markup_are_within_the_limits() -> None:
    text = (HERE / "good" / "two-authors.md").read_text(encoding="utf-8")
    assert excesses(Body(text, 1), Limits()) == []
    assert nesting_depth("- a") == 1
    assert nesting_depth("    - b") == 2
    assert nesting_depth("> > 1. c") == 3
    assert nesting_depth("plain text") == 0
    # inline HTML before a short list is no nesting: the renderer keeps one paragraph
    assert excesses(Body("<b>Note</b> 1. 2. 3.\n", 1), Limits()) == []


def test_thousands_of_one_line_paragraphs_are_reported_at_the_first_one_over(
    content: Path,
) -> None:
    found = check_text(content, post_of("Short line.\n\n" * 1_500))
    over = [f for f in found if f["rule"] == "markdown-too-many-paragraphs"]
    first_body_line = FRONT.count("\n") + 1
    assert len(over) == 1 and over[0]["line"] == first_body_line + 2 * 1_000
    assert INTERNAL_ERROR not in {f["rule"] for f in found}
    # 1,000 blocks are still a post (a long one): no shape finding.
    found = check_text(content, post_of("Short line.\n\n" * 1_000))
    assert "markdown-too-many-paragraphs" not in {f["rule"] for f in found}


def test_the_limits_come_from_the_course(content: Path) -> None:
    course = content / "course.yaml"
    course.write_text(
        course.read_text(encoding="utf-8").replace("max_nesting: 8", "max_nesting: 1"),
        encoding="utf-8",
    )
    found = check_text(content, post_of("- a\n    - b\n"))
    assert "markdown-too-deep" in {f["rule"] for f in found}
    course.write_text(
        course.read_text(encoding="utf-8").replace("max_paragraphs: 1000", "max_paragraphs: 2"),
        encoding="utf-8",
    )
    found = check_text(content, post_of("one\n\ntwo\n\nthree\n"))
    assert "markdown-too-many-paragraphs" in {f["rule"] for f in found}


def test_a_pull_request_of_one_long_line_of_a_tags_is_refused(content: Path, run: Runner) -> None:
    start(content)
    mine = "posts/F2026/mallory-tags.md"
    code, findings = pull_request(run, content, {mine: post_of("<a " * 50_000)})
    assert code == 1
    assert {"markdown-unclosed", "markdown-too-many-tags"} <= rules_on(findings, "content/" + mine)
    assert INTERNAL_ERROR not in {f["rule"] for f in findings}


def test_code_spans_pair_backtick_runs_of_equal_length() -> None:
    assert _blank_code_spans("a `b` c") == "a ` ` c"
    assert _blank_code_spans("``a ` b`` `c") == "``     `` `c"
    assert _blank_code_spans("`" * 5) == "`" * 5
    assert _blank_code_spans("` `` `") == "`    `"


def test_fenced_blocks_match_the_renderer_on_unclosed_openers() -> None:
    assert fenced_lines("```a\n```b\nx\n```\n") == frozenset({0, 1, 2, 3})
    assert fenced_lines("```\nx\n````\n") == frozenset()
    assert fenced_lines("~~~\n```\n~~~\n") == frozenset({0, 1, 2})


def _huge_png(path: Path, side: int) -> None:
    """A valid grey PNG of side × side pixels, compressed to a few kilobytes."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    packer = zlib.compressobj(9)
    row = b"\x00" * (side + 1)
    data = b"".join(packer.compress(row) for _ in range(side)) + packer.flush()
    header = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")
    )


def test_an_81_megapixel_image_is_refused_from_its_header(content: Path) -> None:
    _huge_png(content / "images" / "test" / "huge.png", 9000)
    post = content / "posts" / "F2026" / "huge.md"
    post.write_text(post_of("![A huge grey square](../../images/test/huge.png)\n"))
    # VmHWM is the peak of this process image alone; ru_maxrss would also count the RSS of
    # the (large) test process it was forked from, since Linux keeps it across exec.
    measured = (
        "import sys\n"
        "from pathlib import Path\n"
        "from anthology.cli import main\n"
        "code = main(sys.argv[1:])\n"
        "status = Path('/proc/self/status').read_text().split('VmHWM:', 1)[1].split()[0]\n"
        "print('maxrss', status, file=sys.stderr)\n"
        "sys.exit(code)\n"
    )
    done = subprocess.run(
        [
            *(sys.executable, "-c", measured, "--content", str(content)),
            "check",
            str(post),
            "--format",
            "json",
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    rules = {f["rule"] for f in json.loads(done.stdout)["findings"]}
    assert "image-too-large" in rules
    # Decoding it would take 81 MB (and more for Pillow's working copies); the check reads
    # only its header and stays far below 200 MB.
    peak_kb = int(done.stderr.split("maxrss", 1)[1].split()[0])
    assert peak_kb < 200 * 1024
