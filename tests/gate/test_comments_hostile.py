"""Comments a hostile pull request might try: impersonation, misfiled, and padded."""

from __future__ import annotations

from pathlib import Path

import pytest

from anthology.gate.engagement import engagement

from .conftest import HERE, Runner
from .pullrequest import on_main, pull_request, rules_on, start

POST = (HERE / "good" / "two-authors.md").read_text(encoding="utf-8")
POST_BODY = POST.split("---\n", 2)[2]
TARGET = "deepchecks-ratings"  # the post above, published on main by ghopper and aturing
OWN = (
    "I wonder how Deepchecks kept the online store fresh when the nightly job failed halfway. "
    "Did stale features ever reach the ranking model, and how did you notice? We saw "
    "the same drift with Redis last spring and ended up adding a freshness check before "
    "serving, which caught two broken batches."
)


def comment(author: str, post: str, body: str) -> str:
    return (
        f"---\nauthor: {{name: {author.title()}, id: {author}}}\npost: {post}\n"
        f"date: 2026-10-26\n---\n\n{body}\n"
    )


def submit(run: Runner, content: Path, path: str, text: str) -> tuple[int, list[dict]]:
    start(content)
    on_main(content, {f"posts/F2026/{TARGET}.md": POST}, "2026-10-12T12:00:00+00:00")
    return pull_request(run, content, {path: text})


def test_a_genuine_comment_passes(content: Path, run: Runner) -> None:
    path = f"comments/{TARGET}/mtanaka.md"
    code, findings = submit(run, content, path, comment("mtanaka", TARGET, OWN))
    assert (code, rules_on(findings, "content/" + path)) == (0, set())


def test_a_comment_filed_under_someone_elses_id_is_refused(content: Path, run: Runner) -> None:
    path = f"comments/{TARGET}/mallory.md"
    code, findings = submit(run, content, path, comment("mtanaka", TARGET, OWN))
    assert code == 1
    found = [f for f in findings if f["rule"] == "comment-file-name"]
    assert [f["path"] for f in found] == ["content/" + path]
    assert "`mallory.md`" in found[0]["message"] and "`mtanaka`" in found[0]["message"]
    assert f"content/comments/{TARGET}/mtanaka.md" in found[0]["fix"]


@pytest.mark.parametrize("name", ["MTanaka.md", "mtanaka.markdown.md", "mtanaka-2.md"])
def test_the_file_name_is_exactly_the_id(name: str, content: Path, run: Runner) -> None:
    path = f"comments/{TARGET}/{name}"
    code, findings = submit(run, content, path, comment("mtanaka", TARGET, OWN))
    assert code == 1 and "comment-file-name" in rules_on(findings, "content/" + path)


def test_a_comment_in_another_posts_folder_is_refused(content: Path, run: Runner) -> None:
    path = "comments/holder-kserve/mtanaka.md"
    code, findings = submit(run, content, path, comment("mtanaka", TARGET, OWN))
    assert code == 1
    found = [f for f in findings if f["rule"] == "comment-folder"]
    assert [f["path"] for f in found] == ["content/" + path]
    assert f"post: {TARGET}" in found[0]["message"]


def test_a_comment_outside_a_post_folder_is_refused(content: Path, run: Runner) -> None:
    path = "comments/mtanaka.md"
    code, findings = submit(run, content, path, comment("mtanaka", TARGET, OWN))
    assert code == 1 and "comment-folder" in rules_on(findings, "content/" + path)


PADDED = {
    "great post and forty reallys": "Great post! " + "really " * 40,
    "one thought and forty reallys": "I liked the caching idea. " + "really " * 40,
    "a sentence pasted over and over": "Deepchecks made our nightly checks simple. " * 8,
    "lorem ipsum": "Nice work on Deepchecks. "
    + "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor. " * 4,
    "the post's own text": "Good summary: " + " ".join(POST_BODY.split()[:80]),
    "look-alike copies of one word": "Interesting approach, "
    + " ".join(["really", "reаlly", "reaIly", "re\u200blly", "REALLY", "reallyyy"] * 8),
    "numbered filler": "Cool. " + " ".join(f"word{n}" for n in range(60)),
    "emoji between words": "Great post 👍 " + "👍 wow 🎉 " * 30,
}


@pytest.mark.parametrize("body", list(PADDED.values()), ids=list(PADDED))
def test_padding_does_not_count_as_engagement(body: str, content: Path, run: Runner) -> None:
    path = f"comments/{TARGET}/mtanaka.md"
    code, findings = submit(run, content, path, comment("mtanaka", TARGET, body))
    assert code == 1
    rules = rules_on(findings, "content/" + path)
    assert rules & {"comment-generic", "comment-padding", "comment-too-short"}, findings


def test_the_padding_message_says_what_was_set_aside(content: Path, run: Runner) -> None:
    path = f"comments/{TARGET}/mtanaka.md"
    body = "Good summary: " + " ".join(POST_BODY.split()[:80])
    _code, findings = submit(run, content, path, comment("mtanaka", TARGET, body))
    found = next(f for f in findings if f["rule"] == "comment-padding")
    assert "copied from the post" in found["message"]


def test_a_short_quote_from_the_post_is_fine() -> None:
    quote = " ".join(POST_BODY.split()[:5])
    found = engagement(f"You wrote “{quote}”. " + OWN, POST_BODY)
    assert found.copied == 0 and len(found.own) >= 20


def test_engagement_counts_distinct_content_words() -> None:
    found = engagement("The the THE cache, caches and Cache! " * 3)
    assert found.words == 21 and found.own == frozenset({"cache", "caches"})
