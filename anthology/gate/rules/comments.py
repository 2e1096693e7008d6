"""Comments: valid front matter, a published target by someone else, and real engagement."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from pathlib import PurePosixPath

from ...comments import COMMENTS_DIR, Comment
from ...findings import Finding
from ...text import count_words, prose
from ..context import PostContext
from ..engagement import engagement, word_key
from .frontmatter import future_date

DEFAULT_MIN_WORDS = 40
DEFAULT_GENERIC_EXTRA_WORDS = 8
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def _comment(ctx: PostContext) -> Comment | None:
    parsed = ctx.comment
    return parsed.comment if parsed is not None else None


def comment_front_matter(ctx: PostContext) -> Iterator[Finding]:
    """The comment model's findings: closed front matter, known keys, author, post, date."""
    if ctx.comment is not None:
        yield from ctx.comment.findings
    comment = _comment(ctx)
    if comment is not None:
        late = future_date(ctx, "date", comment.date.date(), comment.line_of("date"))
        if late is not None:
            yield late


def _known_slugs(ctx: PostContext) -> list[str]:
    """URL names of posts, from file names: enough for a "did you mean" hint."""
    names = {post.slug for post in ctx.gate.posts}
    folder = ctx.gate.paths.posts
    if folder.is_dir():
        names.update(path.stem for path in folder.rglob("*.md"))
    return sorted(names)


def comment_target(ctx: PostContext) -> Iterator[Finding]:
    """The post discussed exists, is published, and is not the commenter's own."""
    comment = _comment(ctx)
    if comment is None:
        return
    line = comment.line_of("post")
    target = ctx.gate.posts_by_slug.get(comment.post)
    if target is None:
        close = difflib.get_close_matches(comment.post, _known_slugs(ctx), n=1, cutoff=0.6)
        yield ctx.error(
            "comment-target-missing",
            line,
            f"no post has the URL name `{comment.post}`",
            f"Did you mean `post: {close[0]}`?"
            if close
            else "Copy the post's URL name from its address: /posts/<url-name>/.",
        )
        return
    if not target.is_public:
        yield ctx.error(
            "comment-target-unpublished",
            line,
            f"the post `{comment.post}` ({target.path}) is {target.status}, not published",
            "Comment on a published post; this one is not on the site yet.",
        )
    if comment.author.id in {author.id for author in target.authors}:
        yield ctx.error(
            "comment-self",
            comment.line_of("author"),
            f"`{comment.author.id}` is an author of `{comment.post}`",
            "Comment on another student's post, not on your own.",
        )


def words_of(markdown_text: str) -> list[str]:
    """The readable words of a Markdown text, lowercased, without punctuation."""
    return _WORD.findall(prose(markdown_text).casefold())


def generic_phrases(words: list[str], phrases: list[str], extra: int) -> list[str]:
    """The generic phrases a text amounts to (in text order); empty when it says more.

    A text is generic when it contains listed phrases and, with every one of them
    removed, fewer than `extra` different words remain ("Great post!" and forty "really"s
    is generic).
    """
    original = " " + " ".join(words) + " "
    text = original
    found: list[tuple[int, str]] = []
    for phrase in sorted(phrases, key=len, reverse=True):
        key = " " + " ".join(words_of(phrase)) + " "
        if key.strip() and key in text:
            found.append((original.find(key), phrase))
            text = text.replace(key, " ")
    if not found or len({word_key(word) for word in text.split()}) >= extra:
        return []
    return [phrase for _at, phrase in sorted(found)]


def _generic(ctx: PostContext, comment: Comment) -> list[str]:
    setting = ctx.course.setting
    phrases = [str(p) for p in setting("comments", "generic_phrases", default=[]) or []]
    extra = int(setting("comments", "generic_extra_words", default=DEFAULT_GENERIC_EXTRA_WORDS))
    return generic_phrases(words_of(comment.body), phrases, extra)


def comment_engagement(ctx: PostContext) -> Iterator[Finding]:
    """Not just a generic phrase, long enough, and saying enough in its own words."""
    comment = _comment(ctx)
    if comment is None:
        return
    phrases = _generic(ctx, comment)
    if phrases:
        said = " and ".join(f"“{phrase}”" for phrase in phrases)
        yield ctx.error(
            "comment-generic",
            ctx.first_text_line,
            f"the comment says little more than {said}",
            "Engage with the post: ask a question about it, add your own experience with "
            "the tool, or say what you learned and why it matters.",
        )
        return
    minimum = int(ctx.course.setting("comments", "min_words", default=DEFAULT_MIN_WORDS))
    words = count_words(comment.body)
    if words < minimum:
        yield ctx.error(
            "comment-too-short",
            ctx.first_text_line,
            f"the comment has {words} words; at least {minimum} are needed",
            "Say more about the post: a question, an experience of your own, or an insight "
            "you gained from it.",
        )
        return
    yield from _padding(ctx, comment)


def _padding(ctx: PostContext, comment: Comment) -> Iterator[Finding]:
    target = ctx.gate.posts_by_slug.get(comment.post)
    found = engagement(comment.body, target.body if target is not None else "")
    # Unset, half of `min_words`: a real comment of N words has at least N/2 of its own.
    minimum = int(ctx.course.setting("comments", "min_words", default=DEFAULT_MIN_WORDS))
    needed = int(ctx.course.setting("comments", "min_distinct_words", default=max(1, minimum // 2)))
    if len(found.own) >= needed:
        return
    aside = [
        f"{found.copied} copied from the post" if found.copied else "",
        f"{found.filler} of lorem ipsum" if found.filler else "",
    ]
    besides = "; " + ", ".join(a for a in aside if a) if any(aside) else ""
    yield ctx.error(
        "comment-padding",
        ctx.first_text_line,
        f"the comment has {found.words} words but only {len(found.own)} different words of "
        f"its own{besides}; at least {needed} are needed",
        "Write what you think in your own words: a question about the post, your experience "
        "with the tool, or what you learned. Repeated, copied and filler text does not count.",
    )


def comment_placement(ctx: PostContext) -> Iterator[Finding]:
    """The file is `<post>/<author id>.md`: its name says who wrote it, its folder on what."""
    comment = _comment(ctx)
    if comment is None:
        return
    path = PurePosixPath(ctx.shown)
    author = comment.author.id
    if path.stem != author:
        yield ctx.error(
            "comment-file-name",
            comment.line_of("author"),
            f"the file is named `{path.name}` but the comment's author id is `{author}`",
            f"Name your comment after your own course id: "
            f"content/comments/{comment.post}/{author}.md (one comment per post and person).",
        )
    if path.parent.name != comment.post or path.parent.parent.name != COMMENTS_DIR:
        yield ctx.error(
            "comment-folder",
            comment.line_of("post"),
            f"the comment is in `{path.parent.as_posix()}/` but says `post: {comment.post}`",
            f"Put it in content/comments/{comment.post}/ (the folder is the post's URL name), "
            "or correct `post:`.",
        )
