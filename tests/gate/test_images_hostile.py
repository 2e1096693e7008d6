"""Images a hostile or careless post might carry: local hosts, plain http, placeholder alt."""

from __future__ import annotations

from pathlib import Path

import pytest

from anthology.addresses import host_of
from anthology.gate.rules.images import DEFAULT_PLACEHOLDER_ALT, placeholder_alt

from .conftest import HERE, Runner
from .pullrequest import pull_request, rules_on, start

MINE = "posts/F2026/mallory-deepchecks.md"
SHOWN = "content/" + MINE
POST = (HERE / "good" / "two-authors.md").read_text(encoding="utf-8")


def with_body(extra: str) -> str:
    return POST.rstrip("\n") + "\n\n" + extra + "\n"


def findings_of(run: Runner, content: Path, extra: str) -> tuple[int, list[dict]]:
    start(content)
    return pull_request(run, content, {MINE: with_body(extra)})


PRIVATE = [
    "http://localhost/pixel.png",
    "https://localhost:8443/pixel.png",
    "https://LOCALHOST./pixel.png",
    "https://app.localhost/pixel.png",
    "https://printer.local/pixel.png",
    "https://metadata.google.internal/computeMetadata/v1/",
    "https://intranet/pixel.png",
    "http://169.254.169.254/latest/meta-data/",
    "https://127.0.0.1/pixel.png",
    "https://127.1/pixel.png",
    "https://10.1.2.3/pixel.png",
    "https://172.16.0.9/pixel.png",
    "https://192.168.0.1/pixel.png",
    "https://100.64.0.1/pixel.png",
    "https://0.0.0.0/pixel.png",
    "http://2852039166/",  # 169.254.169.254 as one decimal number
    "https://0xA9FEA9FE/",  # ... in hex
    "https://0251.0376.0251.0376/",  # ... in octal parts
    "https://0x7f.1/pixel.png",
    "https://[::1]/pixel.png",
    "https://[fe80::1]/pixel.png",
    "https://[fc00::1]/pixel.png",
    "https://[::ffff:127.0.0.1]/pixel.png",
    "https://[::ffff:a9fe:a9fe]/pixel.png",
    "https://attacker.example@127.0.0.1/pixel.png",
    "https://１２７.０.０.１/pixel.png",  # fullwidth digits
    "https://%31%32%37.0.0.1/pixel.png",  # percent-escaped
    "https:\\localhost\\pixel.png",  # backslashes read as slashes
    "https:localhost/pixel.png",  # no slashes at all
]


@pytest.mark.parametrize("url", PRIVATE)
def test_an_image_from_a_private_or_local_host_is_an_error(
    url: str, content: Path, run: Runner
) -> None:
    code, findings = findings_of(run, content, f"![The ratings dashboard]({url})")
    assert code == 1
    assert "image-host-private" in rules_on(findings, SHOWN), findings


@pytest.mark.parametrize(
    "markup",
    [
        '<img alt="The ratings dashboard" src="http://169.254.169.254/x.png">',
        '<img alt="The ratings dashboard" src="https://example.org/a.png" '
        'srcset="https://example.org/a.png 1x, http://10.0.0.1/a.png 2x">',
        '<video poster="https://192.168.1.10/still.png" src="https://example.org/v.mp4"></video>',
        '<picture><source srcset="https://[::1]/a.webp"><img alt="The dashboard" '
        'src="https://example.org/a.png"></picture>',
        "![The ratings dashboard][shot]\n\n[shot]: http://localhost/shot.png",
    ],
)
def test_html_and_reference_images_are_checked_too(markup: str, content: Path, run: Runner) -> None:
    code, findings = findings_of(run, content, markup)
    assert code == 1
    assert "image-host-private" in rules_on(findings, SHOWN), findings


def test_an_image_over_plain_http_is_an_error(content: Path, run: Runner) -> None:
    code, findings = findings_of(
        run, content, "![The ratings dashboard](http://images.example.org/dash.png)"
    )
    assert code == 1
    found = [f for f in findings if f["rule"] == "image-not-https"]
    assert [f["path"] for f in found] == [SHOWN]
    assert "content/images/" in found[0]["fix"]


def test_a_public_https_image_passes(content: Path, run: Runner) -> None:
    code, findings = findings_of(
        run, content, "![The ratings dashboard](https://images.example.org/dash.png)"
    )
    rules = {f["rule"] for f in findings if f["path"] == SHOWN}
    assert not rules & {"image-host-private", "image-not-https", "image-alt-placeholder"}
    # The host is fine; the only finding is that the site shows committed images only
    # (its Content-Security-Policy has `img-src 'self'`).
    assert rules == {"image-external"} and code == 1


@pytest.mark.parametrize(
    "alt",
    [
        "image",
        "Image",
        "an image",
        "Screenshot",
        "screenshot 2026-10-01 at 10.00.00",
        "enter image description here",
        "Alt text",
        "IMG_1234",
        "ok.png",
        "ok",
        "figure 3",
        "1",
        "photo.JPEG",
    ],
)
def test_placeholder_alt_text_is_a_warning(alt: str, content: Path, run: Runner) -> None:
    code, findings = findings_of(run, content, f"![{alt}](../../images/test/ok.png)")
    found = [f for f in findings if f["rule"] == "image-alt-placeholder"]
    assert [(f["path"], f["severity"]) for f in found] == [(SHOWN, "warning")], findings
    assert code == 0  # a warning: fails only under --strict


def test_descriptive_alt_text_is_fine() -> None:
    phrases = frozenset(DEFAULT_PLACEHOLDER_ALT)
    for alt in (
        "Screenshot of the MLflow run comparison",
        "Bar chart of ratings per genre",
        "Image classifier confusion matrix",
    ):
        assert not placeholder_alt(alt, "../../images/x/run-comparison.png", phrases), alt
    assert placeholder_alt("run comparison", "../../images/x/run-comparison.png", phrases)
    assert placeholder_alt("run-comparison.png", "https://e.org/x/run-comparison.png", phrases)


def test_placeholders_can_be_added_in_the_course(content: Path, run: Runner) -> None:
    course = content / "course.yaml"
    text = course.read_text(encoding="utf-8")
    course.write_text(
        text.replace("images:\n", "images:\n  placeholder_alt: [image, bild]\n", 1),
        encoding="utf-8",
    )
    _code, findings = findings_of(run, content, "![Bild](../../images/test/ok.png)")
    assert "image-alt-placeholder" in {f["rule"] for f in findings if f["path"] == SHOWN}


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/a.png",
        "https://8.8.8.8/a.png",
        "https://[2001:4860:4860::8888]/a.png",
        "https://1.2.3.4.5/a.png",
        "../../images/test/ok.png",
    ],
)
def test_public_or_local_file_urls_are_not_private(url: str) -> None:
    host = host_of(url)
    assert host is None or host.private is None
