"""What a rule sees: the post being checked and the corpus around it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from functools import cached_property
from pathlib import Path

from ..comments import ParsedComment, parse_comment
from ..corpus import ContentPaths
from ..course import Course, Option
from ..findings import Finding, Severity
from ..model import ParsedPost, Post
from ..prior import PriorPost
from ..tools import ToolRegistry
from . import git
from .index import title_key
from .naming import first_shown
from .reading import Reading, read_sections, with_code
from .scan import Body
from .sections import Heading, Paragraph, outline, paragraphs, reading_outline
from .shape import Excess, excesses, limits_of, line_outline
from .vocabulary import singulars, stems, vocabulary
from .weighing import NamesIn

SHAPE_PARAGRAPHS = 1_000

# Which rules a file gets depends on its kind.
STUB, ANNOUNCEMENT, TOOL_POST, BROKEN, PAGE, UNREADABLE, COMMENT = (
    "stub",
    "announcement",
    "tool-post",
    "broken",
    "page",
    "unreadable",
    "comment",
)


@dataclass
class History:
    """When (and in which order) files reached the branch, from git; fetched once, on demand."""

    folder: Path
    use_git: bool = True
    base: str | None = None  # the branch files must be on ("main"); None: the current one
    origins: dict[Path, Path] = field(default_factory=dict)  # renamed file → its base name
    _dates: dict[Path, datetime] | None = field(default=None, repr=False)
    _ranks: dict[Path, int] | None = field(default=None, repr=False)

    def _load(self) -> dict[Path, datetime]:
        if self._dates is None:
            found = (
                git.first_added(self.folder, merge_order=True, ref=self.base)
                if self.use_git
                else {}
            )
            self._dates = found
            self._ranks = {path: rank for rank, path in enumerate(found)}
        return self._dates

    def _origin(self, file: Path) -> Path:
        file = file.resolve()
        return self.origins.get(file, file)

    def added(self, file: Path) -> datetime | None:
        """When the file (under its base name, if renamed since) first reached the branch."""
        return self._load().get(self._origin(file))

    def rank(self, file: Path) -> int | None:
        """Position in merge order (0 first); breaks ties between equal commit times."""
        self._load()
        assert self._ranks is not None
        return self._ranks.get(self._origin(file))


@dataclass
class GateContext:
    """The course, the registry and every post a rule may compare against."""

    paths: ContentPaths
    course: Course
    registry: ToolRegistry
    posts: list[Post]
    prior: list[PriorPost]
    history: History
    in_pull_request: frozenset[Path] = frozenset()
    placed: frozenset[Path] = frozenset()  # posts a student's pull request puts in a folder
    today: date = field(default_factory=date.today)  # the check date, for future dates
    # where each link target of a folder's posts leads, read once per check: the files do
    # not change while it runs, and every post of a folder links the same images
    link_targets: dict[tuple[Path, str], object] = field(default_factory=dict)

    @cached_property
    def semester_rank(self) -> dict[str, int]:
        return {semester.id: index for index, semester in enumerate(self.course.semesters)}

    @cached_property
    def by_claim(self) -> dict[tuple[str, frozenset[str]], list[Post]]:
        """Posts per (semester, set of tool slugs)."""
        index: dict[tuple[str, frozenset[str]], list[Post]] = {}
        for post in self.posts:
            index.setdefault((post.semester, post.tool_key), []).append(post)
        return index

    @cached_property
    def published_by_tool(self) -> dict[str, list[tuple[int, Post]]]:
        """(semester rank, post) per tool slug, oldest semester first; combinations under each."""
        index: dict[str, list[tuple[int, Post]]] = {}
        for post in self.posts:
            if post.status != "published":
                continue
            rank = self.semester_rank.get(post.semester, -1)
            for slug in post.tool_key:
                index.setdefault(slug, []).append((rank, post))
        for entries in index.values():
            entries.sort(key=lambda entry: (entry[0], entry[1].path))
        return index

    @cached_property
    def all_by_slug(self) -> dict[str, list[Post]]:
        """Every post per URL name."""
        index: dict[str, list[Post]] = {}
        for post in self.posts:
            index.setdefault(post.slug, []).append(post)
        return index

    @cached_property
    def by_title(self) -> dict[str, list[Post]]:
        """Posts other than claim stubs (whose titles are placeholders) per title key."""
        index: dict[str, list[Post]] = {}
        for post in self.posts:
            key = title_key(post.title)
            if post.status != "claimed" and key:
                index.setdefault(key, []).append(post)
        return index

    @cached_property
    def posts_by_slug(self) -> dict[str, Post]:
        """The first post (by path) of each URL name."""
        index: dict[str, Post] = {}
        for post in self.posts:
            index.setdefault(post.slug, post)
        return index

    @cached_property
    def prior_by_tool(self) -> dict[str, list[PriorPost]]:
        index: dict[str, list[PriorPost]] = {}
        for entry in self.prior:
            for slug in entry.tool_key:
                index.setdefault(slug, []).append(entry)
        return index

    @cached_property
    def root(self) -> Path:
        return self.paths.root.resolve()

    @cached_property
    def root_parent(self) -> Path:
        return self.root.parent

    def file_of(self, shown: str) -> Path:
        """The absolute file of a path as shown in messages."""
        return self.root_parent / shown


@dataclass
class PostContext:
    """One file under check, with lazily computed views of its body."""

    gate: GateContext
    file: Path
    shown: str
    text: str | None
    parsed: ParsedPost | None
    kind: str
    hints_left: int = 20  # "did you mean" searches left (each one reads every file name)

    @property
    def post(self) -> Post | None:
        return self.parsed.post if self.parsed else None

    @property
    def course(self) -> Course:
        return self.gate.course

    @cached_property
    def comment(self) -> ParsedComment | None:
        """The parsed comment, for files of kind COMMENT."""
        if self.kind != COMMENT:
            return None
        return parse_comment(self.shown, self.text or "")

    @cached_property
    def body(self) -> Body:
        """The body: the post's, or for files without a usable post, the text after front matter."""
        if self.post is not None:
            return Body(self.post.body, self.post.body_line)
        from ..frontmatter import split

        doc = split(self.text or "")
        return Body(doc.body if doc.closed else "", doc.body_line)

    @cached_property
    def shape(self) -> list[Excess]:
        """Shapes over the course's limits that the renderer cannot read in linear time."""
        return excesses(self.body, limits_of(self.course))

    @cached_property
    def headings(self) -> list[Heading]:
        if self.shape:  # kept from the renderer: read line by line
            return line_outline(self.body, limits_of(self.course).headings)
        return outline(self.body)

    @cached_property
    def option(self) -> Option | None:
        """The post's option, as this post reads it: a post that names none of the
        scenario's own words (those other domains do not share: "movie", not "watch out"
        or "recommendation") but the team's own system ("our Kafka stream", "the
        `/recommend` handler") tells the scenario in those (`scenario_system`)."""
        post = self.post
        option = self.course.find_option(post.option) if post and post.option else None
        if option is None or not option.scenario_system or self._names_scenario(option):
            return option
        system = tuple(w for w in option.scenario_system if w not in option.scenario_keywords)
        return replace(
            option,
            scenario_keywords=(*option.scenario_keywords, *system),
            scenario_shared=(*option.scenario_shared, *system),
        )

    def _names_scenario(self, option: Option) -> bool:
        """Whether the post's title, headings or paragraphs name a scenario keyword that
        other domains do not share (`scenario_shared`)."""
        keywords = vocabulary(option.scenario_own, exact=True)
        texts = (
            self.post.title if self.post else "",
            *(heading.text for heading in self.headings),
            *(with_code(paragraph) for paragraph in self.paragraphs),
        )
        return any(keywords.find(singulars(text)) for text in texts)

    @cached_property
    def paragraphs(self) -> list[Paragraph]:
        # A body over the shape limits is refused anyway: its sections are read from its
        # first paragraphs only, so tens of thousands of one-word lines stay fast.
        return paragraphs(self.body, self.headings, SHAPE_PARAGRAPHS if self.shape else None)

    @cached_property
    def reading_outline(self) -> tuple[list[Heading], list[Paragraph]]:
        """The headings a reader sees (bold lines used as headings among them) and the
        paragraphs under each."""
        if self.shape:  # refused anyway: read as the renderer's outline, first paragraphs only
            return self.headings, self.paragraphs
        return reading_outline(self.body, self.headings, self.paragraphs)

    @cached_property
    def readings(self) -> list[Reading]:
        """Which parts of the post serve each required section of its option."""
        post = self.post
        if self.option is None or post is None:
            return []
        body = self.body
        span = (body.first_line, body.first_line + len(body.lines))
        headings, found = self.reading_outline
        return read_sections(
            self.option,
            headings,
            found,
            post.sections,
            span,
            self.own_words,
            self.tool_shown,
            post.title,
            self.tool_names,
        )

    @cached_property
    def tool_names(self) -> tuple[str, ...]:
        """The post's tool names, as written in front matter and as registered."""
        post = self.post
        if post is None:
            return ()
        return (*post.tool_written, *(tool.name for tool in post.tools))

    @cached_property
    def tool_shown(self) -> int | None:
        """The file line where the body first names the post's tool or shows code."""
        if self.post is None:
            return None
        return first_shown(self.body, self.tool_names)

    @cached_property
    def own_words(self) -> frozenset[str]:
        """The words of the post's tool and title, folded: every section names them."""
        post = self.post
        if post is None:
            return frozenset()
        written = " ".join((*self.tool_names, post.title))
        return frozenset(word.casefold() for word in re.findall(r"[\w.-]+", written))

    @cached_property
    def tool_words(self) -> frozenset[str]:
        """The stemmed words of the post's tool names, as written and as registered."""
        return frozenset(stems(" ".join(self.tool_names)))

    @cached_property
    def product_names(self) -> NamesIn:
        """The capitalised names the post's prose uses inside its sentences: the products
        it speaks of ("than the Serverless Framework"), for `weighing.weighs`."""
        # each list item on its own line: "… no distro packages" then "Not 100% compatible"
        # is no name inside a sentence
        return NamesIn(
            "\n".join(
                "\n".join(paragraph.item_texts) or paragraph.text for paragraph in self.paragraphs
            )
        )

    @cached_property
    def first_text_line(self) -> int:
        """The file line of the body's first non-blank line (for findings about the whole post)."""
        body = self.body
        for index, line in enumerate(body.lines):
            if line.strip():
                return body.file_line(index)
        return body.first_line

    def line_of(self, key: str) -> int:
        """The front-matter line of `key`, else the first front-matter line."""
        post = self.post
        if post is None:
            return 1
        return post.line_of(key) or min(post.key_lines.values(), default=2)

    def finding(
        self,
        severity: Severity,
        rule: str,
        line: int | None,
        message: str,
        fix: str,
        column: int | None = None,
    ) -> Finding:
        return Finding(rule, severity, self.shown, line, message, fix, column)

    def error(
        self, rule: str, line: int | None, message: str, fix: str, column: int | None = None
    ) -> Finding:
        return self.finding(Severity.ERROR, rule, line, message, fix, column)

    def warning(
        self, rule: str, line: int | None, message: str, fix: str, column: int | None = None
    ) -> Finding:
        return self.finding(Severity.WARNING, rule, line, message, fix, column)
