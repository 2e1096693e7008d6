"""Published files are an allow-list: what a pull request adds under content/ and what the
build copies out of it. Each attack is tried twice on the same files: the gate on a real git
repository (a branch against `main`) and a real build into tmp_path."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

from anthology import cli
from anthology.site.commands import BuildFailed

from .conftest import build_site, copy_content

ROSTER = "Andrew ID,Name,Email\nmallory,Mallory Example,mallory@example.org\n"
SECRET = "mallory@example.org"
ANNOUNCEMENT = "posts/F2026/welcome-fall-2026.md"
FAST = {"ANTHOLOGY": {"SEARCH": False, "SOCIAL_CARDS": False, "FEEDS": False}}


def git(repo: Path, *args: str) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.org",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.org",
    }
    done = subprocess.run(
        ["git", "-C", str(repo), *args], env=env, capture_output=True, text=True, check=True
    )
    return done.stdout


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A repository with the shipped content and a private roster, committed on main."""
    root = tmp_path_factory.mktemp("base") / "repo"
    copy_content(root / "content")
    (root / ".gitignore").write_text("private/\nreports/\noutput/\n", encoding="utf-8")
    (root / "private").mkdir()
    (root / "private" / "roster.csv").write_text(ROSTER, encoding="utf-8")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "base")
    return root


@pytest.fixture
def repo(base: Path, tmp_path: Path) -> Path:
    """A clone of the base with the roster, on a pull-request branch."""
    root = tmp_path / "repo"
    shutil.copytree(base, root, symlinks=True)
    git(root, "checkout", "-q", "-b", "pull-request")
    return root


def check(repo: Path) -> tuple[int, str]:
    """`anthology check --changed-since main` after committing the branch's changes."""
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "attack", "--allow-empty")
    out, err = io.StringIO(), io.StringIO()
    import contextlib

    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(
            [
                "--content",
                str(repo / "content"),
                "check",
                "--changed-since",
                "main",
                "--format",
                "text",
            ]
        )
    return code, out.getvalue() + err.getvalue()


def build(repo: Path, tmp_path: Path) -> tuple[Path, str | None]:
    """Build the branch's content; (output folder, the build error or None)."""
    output = tmp_path / "output"
    try:
        build_site(repo / "content", output, **FAST)
    except BuildFailed as exc:
        return output, str(exc)
    return output, None


def published_text(output: Path) -> str:
    """Every byte the build wrote, as text (binary files decoded leniently)."""
    if not output.exists():
        return ""
    return "\n".join(
        p.read_bytes().decode("utf-8", "replace") for p in output.rglob("*") if p.is_file()
    )


def png_bytes() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (24, 16), (30, 120, 200)).save(out, "PNG")
    return out.getvalue()


def gif_bytes() -> bytes:
    out = io.BytesIO()
    Image.new("P", (24, 16), 3).save(out, "GIF")
    return out.getvalue()


SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>'
HTML = b"<!doctype html><script>alert(document.cookie)</script>"
JS = b"alert(document.domain)\n"
# Files that are not images Pillow can identify by content, or not in a course format,
# or named for another format: each is a gate error on the file and stops the build.
NOT_PUBLISHABLE: dict[str, Callable[[], bytes]] = {
    "evil.svg": lambda: SVG,
    "evil.png.svg": lambda: SVG,
    "page.html": lambda: HTML,
    "x.js": lambda: JS,
    "script.png": lambda: JS,  # a script named as an image
    "no-extension": png_bytes,  # a real PNG without a name Pillow maps to its format
    "gif-named.png": lambda: b"GIF89a/*" + gif_bytes()[8:] + b"*/=alert(1);",  # GIF/JS polyglot
    "bitmap.bmp": lambda: _encoded("BMP"),  # an image, but not a course format
}


def _encoded(fmt: str) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (8, 8)).save(out, fmt)
    return out.getvalue()


@pytest.mark.parametrize("name", sorted(NOT_PUBLISHABLE))
def test_a_file_that_is_not_an_allowed_image_is_refused_and_never_published(
    repo: Path, tmp_path: Path, name: str
) -> None:
    target = repo / "content" / "images" / "mallory" / name
    target.parent.mkdir(parents=True)
    data = NOT_PUBLISHABLE[name]()
    target.write_bytes(data)
    output, failure = build(repo, tmp_path)
    assert not (output / "images" / "mallory" / name).exists()
    code, report = check(repo)
    assert code == 1, report
    assert f"content/images/mallory/{name}" in report
    assert failure is not None and f"content/images/mallory/{name}" in failure


def test_a_hidden_file_in_images_is_a_gate_error_and_never_published(
    repo: Path, tmp_path: Path
) -> None:
    target = repo / "content" / "images" / "mallory" / ".htaccess"
    target.parent.mkdir(parents=True)
    target.write_bytes(b"AddType text/html .png\n")
    output, _failure = build(repo, tmp_path)  # a local .DS_Store must not stop a build
    assert not (output / "images" / "mallory" / ".htaccess").exists()
    code, report = check(repo)
    assert code == 1 and "content/images/mallory/.htaccess" in report, report


def test_image_polyglots_are_published_only_as_clean_re_encoded_images(
    repo: Path, tmp_path: Path
) -> None:
    folder = repo / "content" / "images" / "mallory"
    folder.mkdir(parents=True)
    payload = b"<html><script>alert(document.cookie)</script></html>"
    (folder / "appended.png").write_bytes(png_bytes() + payload)  # HTML after IEND
    exif = Image.Exif()
    exif[0x010E] = "<script>alert(1)</script>"  # ImageDescription
    exif[0x8825] = {2: (40.0, 26.0, 0.0)}  # GPS latitude
    photo = io.BytesIO()
    Image.new("RGB", (32, 20), (90, 90, 90)).save(photo, "JPEG", exif=exif)
    (folder / "photo.jpg").write_bytes(photo.getvalue() + payload)
    gif = io.BytesIO()
    Image.new("P", (24, 16), 3).save(gif, "GIF", comment=b"*/alert(1)/*")
    (folder / "comment.gif").write_bytes(gif.getvalue())
    post = repo / "content" / ANNOUNCEMENT
    post.write_text(
        post.read_text(encoding="utf-8")
        + "\n![A PNG](../../images/mallory/appended.png)\n"
        + "\n![A photo](../../images/mallory/photo.jpg)\n"
        + "\n![A GIF](../../images/mallory/comment.gif)\n",
        encoding="utf-8",
    )
    code, report = check(repo)
    assert code == 0, report  # real images: the gate lets them through
    output, failure = build(repo, tmp_path)
    assert failure is None, failure
    for name in ("appended.png", "photo.jpg", "comment.gif"):
        published = (output / "images" / "mallory" / name).read_bytes()
        assert b"script" not in published and b"alert" not in published, name
        with Image.open(io.BytesIO(published)) as image:
            image.load()
            assert image.size in ((24, 16), (32, 20))
            assert not image.getexif().get_ifd(0x8825), "GPS metadata was published"
    html = (output / "posts" / "welcome-fall-2026" / "index.html").read_text(encoding="utf-8")
    assert "/images/mallory/appended.png" in html


def _roster_link(repo: Path) -> Path:
    return repo / "private" / "roster.csv"


# Where a pull request can put a symbolic link: every content folder and data file.
SYMLINKS: dict[str, tuple[str, Callable[[Path], Path]]] = {
    "image to the roster": ("images/roster.png", _roster_link),
    "image folder to private/": ("images/private", lambda repo: repo / "private"),
    "post": ("posts/F2026/roster.md", _roster_link),
    "semester folder": ("posts/F2025", lambda repo: repo / "private"),
    "comment": ("comments/pandera-rating-schema-checks/mallory.md", _roster_link),
    "page": ("pages/roster.md", _roster_link),
    "prior catalog folder": ("prior", lambda repo: repo / "private"),
    "prior catalog file": ("prior/extra.yaml", _roster_link),
    "tools.yaml": ("tools.yaml", lambda repo: repo / "private" / "tools.yaml"),
    "course.yaml": ("course.yaml", lambda repo: repo / "private" / "course.yaml"),
}


@pytest.mark.parametrize("case", sorted(SYMLINKS))
def test_a_symbolic_link_anywhere_under_content_is_refused_by_gate_and_build(
    repo: Path, tmp_path: Path, case: str
) -> None:
    where, target_of = SYMLINKS[case]
    link = repo / "content" / where
    target = target_of(repo)
    if where in ("tools.yaml", "course.yaml"):
        shutil.copy(link, target)  # a link to a real copy: looks harmless, still refused
        link.unlink()
    elif link.exists():
        shutil.rmtree(link) if link.is_dir() else link.unlink()
    link.parent.mkdir(parents=True, exist_ok=True)
    link.symlink_to(os.path.relpath(target, link.parent))
    code, report = check(repo)
    assert code == 1, report
    assert f"content/{where}" in report and "content-symlink" in report
    output, failure = build(repo, tmp_path)
    assert failure is not None and f"content/{where}" in failure and "symbolic link" in failure
    assert SECRET not in published_text(output)


def test_a_hard_linked_private_file_is_refused_by_content(repo: Path, tmp_path: Path) -> None:
    link = repo / "content" / "images" / "roster.png"
    os.link(_roster_link(repo), link)
    assert link.stat().st_nlink == 2
    code, report = check(repo)
    assert code == 1 and "content/images/roster.png" in report, report
    output, failure = build(repo, tmp_path)
    assert failure is not None and "content/images/roster.png" in failure
    assert SECRET not in published_text(output)


# Links that try to reach a file that is not a post, page or image.
OUTSIDE_LINKS = [
    "[course](../../course.yaml)",
    "[tools](../../tools.yaml)",
    "[catalog](../../prior/2020-2022.yaml)",
    "[comment](../../comments/pandera-rating-schema-checks/mtanaka.md)",
    "[course]({static}/course.yaml)",
    "[course]({attach}../../course.yaml)",
    "[course](../../images/../course.yaml)",
    "[course](../..%2Fcourse.yaml)",
    "[course](%2e%2e/%2e%2e/course.yaml)",
    '<a href="../../course.yaml">course</a>',
    "![course](../../course.yaml)",
    "[roster](../../../private/roster.csv)",
]


@pytest.mark.parametrize("link", OUTSIDE_LINKS)
def test_links_reach_only_posts_pages_and_images(repo: Path, tmp_path: Path, link: str) -> None:
    post = repo / "content" / ANNOUNCEMENT
    post.write_text(post.read_text(encoding="utf-8") + f"\nSee {link}.\n", encoding="utf-8")
    code, report = check(repo)
    assert code == 1, report
    assert ANNOUNCEMENT in report
    output, _failure = build(repo, tmp_path)
    written = {p.name for p in output.rglob("*") if p.is_file()}
    assert not written & {"course.yaml", "tools.yaml", "2020-2022.yaml", "roster.csv", "mtanaka.md"}
    assert SECRET not in published_text(output)


def test_links_to_posts_pages_and_images_still_work(repo: Path, tmp_path: Path) -> None:
    post = repo / "content" / ANNOUNCEMENT
    post.write_text(
        post.read_text(encoding="utf-8")
        + "\nSee [a post](pandera-rating-schema-checks.md), [a page](../../pages/about.md) "
        "and [a diagram](../../images/lakefs/branch-diagram.png).\n",
        encoding="utf-8",
    )
    code, report = check(repo)
    assert code == 0, report
    output, failure = build(repo, tmp_path)
    assert failure is None, failure
    html = (output / "posts" / "welcome-fall-2026" / "index.html").read_text(encoding="utf-8")
    assert 'href="/posts/pandera-rating-schema-checks/"' in html
    assert 'href="/about/"' in html
    assert 'href="/images/lakefs/branch-diagram.png"' in html
    assert (output / "images" / "lakefs" / "branch-diagram.png").is_file()


@pytest.mark.parametrize(
    "image",
    [
        "![pixel](https://tracker.example/pixel.png)",
        "![pixel](HTTP://tracker.example/p.gif)",
        '<img src="https://tracker.example/p.gif" alt="pixel">',
        "![pixel](//tracker.example/p.gif)",
    ],
)
def test_external_images_are_a_gate_error(repo: Path, image: str) -> None:
    post = repo / "content" / ANNOUNCEMENT
    post.write_text(post.read_text(encoding="utf-8") + f"\n{image}\n", encoding="utf-8")
    code, report = check(repo)
    assert code == 1, report
    assert "image-external" in report or "link-scheme" in report
    assert "Commit the image" in report or "https://" in report
