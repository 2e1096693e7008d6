"""The configuration a pull request is judged by: the base commit's, never its own.

`course.yaml`, `tools.yaml` and the prior catalog are read from the base commit with git
(`git cat-file`), whatever the work tree holds, so a pull request that lowers a threshold,
adds an alias or edits the catalog changes nothing about its own verdict. Only new
`tools.yaml` entries that pass :mod:`anthology.gate.registry` are added to the registry.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath

from ..course import Course, parse_course
from ..findings import ContentError, error
from ..prior import PriorPost, check_unique, parse_catalog
from ..tools import ToolRegistry, parse_registry
from . import git
from .pullrequest import PullRequest


@dataclass(frozen=True)
class BaseConfig:
    """Course, registry, registry text and prior catalog as the base commit has them."""

    course: Course
    registry: ToolRegistry
    tools_text: str
    prior_texts: dict[str, str]

    def prior(self, registry: ToolRegistry) -> list[PriorPost]:
        """The base's catalog, its tools resolved with `registry`."""
        posts: list[PriorPost] = []
        for shown, text in sorted(self.prior_texts.items()):
            posts.extend(parse_catalog(text, registry, shown))
        check_unique(posts)
        return posts


def _text(data: bytes | None, shown: str, rule: str) -> str | None:
    if data is None:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise ContentError(
            [error(rule, shown, None, "the base commit's file is not UTF-8", "Fix it on the base.")]
        ) from None


def load_base_config(pr: PullRequest) -> BaseConfig:
    """Read the base commit's configuration; ContentError when it is missing or broken."""
    content = pr.content
    shown_root = PurePosixPath(content.name or ".")

    def top(name: str) -> str:
        return (content / name).as_posix()

    prior_names = [
        name
        for name in git.files_at(pr.top, pr.base, top("prior"))
        if name.endswith(".yaml") and PurePosixPath(name).parent == content / "prior"
    ]
    blobs = git.read_blobs(pr.top, pr.base, [top("course.yaml"), top("tools.yaml"), *prior_names])
    course_shown = (shown_root / "course.yaml").as_posix()
    course_text = _text(blobs[top("course.yaml")], course_shown, "course-config")
    if course_text is None:
        raise ContentError(
            [
                error(
                    "course-config",
                    course_shown,
                    None,
                    f"the base commit {pr.base[:12]} has no {top('course.yaml')}",
                    "Check against the branch the pull request goes to (e.g. origin/main).",
                )
            ]
        )
    tools_shown = (shown_root / "tools.yaml").as_posix()
    tools_text = _text(blobs[top("tools.yaml")], tools_shown, "tools-registry") or "tools: []\n"
    prior_texts = {}
    for name in prior_names:
        shown = (shown_root / PurePosixPath(name).relative_to(content)).as_posix()
        text = _text(blobs[name], shown, "prior-catalog")
        if text is not None:
            prior_texts[shown] = text
    return BaseConfig(
        parse_course(course_text, course_shown),
        parse_registry(tools_text, tools_shown),
        tools_text,
        prior_texts,
    )
