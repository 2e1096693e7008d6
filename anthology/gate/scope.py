"""What a student's pull request may touch: the files of one author, and new tools.

Every file the pull request adds, changes, renames or deletes is attributed to the people
it belongs to:

- a post to the ids in its `authors` (for a changed, renamed or deleted post, as the base
  has them: new front matter cannot claim someone else's file);
- a comment to its file name (`comments/<post-slug>/<author-id>.md`);
- an image to the authors of every post (and comment) that uses it, on the base for a
  changed or deleted image, in the pull request for a new one.

One author (the one whose files the pull request adds, else the one who owns most of it)
must own every file; each other file is a finding that names it and its owner. Files
outside `posts/`, `comments/` and `images/` are refused, except new entries in
`tools.yaml` (see :mod:`anthology.gate.registry`). An instructor's pull request skips all
of this (`anthology check --instructor`).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import quote, unquote, urlsplit

from .. import frontmatter, yamlsafe
from ..findings import Finding, error
from . import git
from .git import Change
from .pullrequest import PullRequest
from .registry import RegistryReview
from .scan import Body

SCOPE_OTHER_AUTHOR = "scope-other-author"
SCOPE_AUTHORS_CHANGED = "scope-authors-changed"
SCOPE_PROTECTED = "scope-protected"
SCOPE_SYMLINK = "scope-symlink"
SCOPE_FILE_KIND = "scope-file-kind"
SCOPE_UNATTRIBUTED = "scope-unattributed"

POSTS, COMMENTS, IMAGES, REGISTRY = "posts", "comments", "images", "tools.yaml"
IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".webp"})
_REGULAR_MODES = frozenset({"000000", "100644", "100755"})
_HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Co", "Cs", "Cn", "Zl", "Zp"})
_ASK_STAFF = (
    "If the change is intended, ask the course staff: an instructor can apply the "
    "pull request's instructor label."
)


def _fix_scope() -> str:
    return "Undo the change to this file, or open one pull request per author. " + _ASK_STAFF


@dataclass(frozen=True)
class Owned:
    """One file the pull request touches, and whose it is.

    Every group in `groups` must contain the pull request's author; `owner` says in words
    whose the file is, for the finding.
    """

    shown: str
    verb: str
    groups: tuple[frozenset[str], ...]
    owner: str
    added: bool
    logins: tuple[frozenset[str], ...] = ()  # GitHub accounts declared per group, on the base


def _norm_id(value: object) -> str:
    return unicodedata.normalize("NFKC", str(value)).strip().casefold()


def _people(value: object) -> dict[str, str | None] | None:
    """Author id → declared GitHub login (or None), from an `authors`/`author` value."""
    if isinstance(value, dict):
        value = [value]
    if not isinstance(value, list):
        return None
    people = {
        _norm_id(item["id"]): (_norm_id(item["github"]).removeprefix("@") or None)
        if item.get("github")
        else None
        for item in value
        if isinstance(item, dict) and str(item.get("id") or "").strip()
    }
    return people or None


def authors_in(text: str | None, key: str = "authors") -> dict[str, str | None] | None:
    """The authors (id → GitHub login) a file's front matter names; None when unreadable."""
    if text is None:
        return None
    doc = frontmatter.split(text)
    if doc.front_matter is None or not doc.closed:
        return None
    try:
        raw = yamlsafe.load(doc.front_matter, doc.front_matter_line)
    except yamlsafe.YamlProblem:
        return None
    if not isinstance(raw, dict):
        return None
    return _people(raw.get(key, raw.get("author")))


def _describe(people: dict[str, str | None]) -> str:
    return " and ".join(
        f"{person} (GitHub {login})" if login else person
        for person, login in sorted(people.items())
    )


def _logins(people: dict[str, str | None] | None) -> frozenset[str]:
    return frozenset(login for login in (people or {}).values() if login)


def _decode(data: bytes | None) -> str | None:
    if data is None:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _hidden_characters(name: str) -> bool:
    return any(unicodedata.category(ch) in _HIDDEN_CATEGORIES for ch in name)


def _protected_kind(rel: PurePosixPath | None, name: str) -> str:
    """What a file outside the students' folders is, in words."""
    if rel is not None:
        first = rel.parts[0] if rel.parts else ""
        return {
            "course.yaml": "the course configuration",
            "prior": "the prior-semester catalog",
            "pages": "a site page",
            "link-status.yaml": "the link-status record",
        }.get(first, "a content file outside posts, comments and images")
    top = PurePosixPath(name).parts[0]
    if top == ".github":
        return "the workflows and repository settings"
    if top == "theme":
        return "the theme"
    if name.endswith(".py") or top in {"anthology", "tests", "benchmarks"}:
        return "code"
    if top in {"pyproject.toml", "package.json", "package-lock.json", ".ci"}:
        return "the build settings"
    return "a file outside content/posts, content/comments and content/images"


class _Scope:
    """Collects the owned files and the findings of one pull request."""

    def __init__(self, pr: PullRequest, content_root: Path):
        self.pr = pr
        self.root = content_root.resolve()
        self.findings: list[Finding] = []
        self.owned: list[Owned] = []
        self.base_texts: dict[str, str | None] = {}  # posts and comments on the base

    # -- naming ---------------------------------------------------------------------------

    def shown(self, name: str) -> str:
        path = self.pr.absolute(name)
        try:
            return path.relative_to(self.root.parent).as_posix()
        except ValueError:
            return name

    def refuse(self, rule: str, name: str, message: str, fix: str) -> None:
        self.findings.append(error(rule, self.shown(name), None, message, fix))

    # -- attribution ----------------------------------------------------------------------

    def area(self, name: str) -> tuple[str | None, PurePosixPath | None]:
        """(area, content-relative path): area is posts/comments/images/tools.yaml or None."""
        rel = self.pr.in_content(name)
        if rel is None or not rel.parts:
            return None, rel
        if rel.parts[0] in (POSTS, COMMENTS, IMAGES) and len(rel.parts) > 1:
            return rel.parts[0], rel
        if rel == PurePosixPath(REGISTRY):
            return REGISTRY, rel
        return None, rel

    def kind_problem(self, area: str, rel: PurePosixPath) -> str | None:
        if area == POSTS and rel.suffix != ".md":
            return "only Markdown posts (`.md`) belong in content/posts/"
        if area == COMMENTS and (len(rel.parts) != 3 or rel.suffix != ".md"):
            return "a comment is content/comments/<post-slug>/<your-id>.md"
        if area == IMAGES and rel.suffix.lower() not in IMAGE_SUFFIXES:
            kinds = ", ".join(sorted(IMAGE_SUFFIXES))
            return f"only images ({kinds}) belong in content/images/"
        return None

    def head_text(self, name: str) -> str | None:
        path = self.pr.absolute(name)
        if path.is_symlink():
            return None
        try:
            return path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None

    def post_owner(
        self, name: str, people: dict[str, str | None] | None, verb: str, added: bool
    ) -> None:
        if people is None:
            if not added:
                self.refuse(
                    SCOPE_UNATTRIBUTED,
                    name,
                    f"this pull request {verb} {self.shown(name)}, whose authors cannot be "
                    "read on the base, so it cannot be told whose it is",
                    _fix_scope(),
                )
            return  # a new post without readable authors fails its front-matter check
        ids = frozenset(people)
        self.owned.append(
            Owned(
                self.shown(name),
                verb,
                (ids,),
                " and ".join(sorted(ids)),
                added,
                (_logins(people),),
            )
        )

    def comment_owner(self, name: str, text: str | None, verb: str, added: bool) -> None:
        owner = _norm_id(PurePosixPath(name).stem)
        people = authors_in(text, key="author") or {}
        login = people.get(owner)
        logins = (frozenset({login}) if login else frozenset(),)
        self.owned.append(
            Owned(self.shown(name), verb, (frozenset({owner}),), owner, added, logins)
        )

    # -- images ---------------------------------------------------------------------------

    def image_users(
        self, rel: PurePosixPath, commit: str | None
    ) -> list[tuple[str, frozenset[str], frozenset[str]]]:
        """(user file, owner ids, their logins) for each post or comment that uses `rel`."""
        base = rel.name
        needles = list(dict.fromkeys([base, quote(base)]))
        content = self.pr.content
        specs = [f":/{(content / POSTS).as_posix()}", f":/{(content / COMMENTS).as_posix()}"]
        names = git.files_mentioning(self.pr.top, commit, needles, specs)
        texts = (
            {n: _decode(b) for n, b in git.read_blobs(self.pr.top, commit, names).items()}
            if commit
            else {n: self.head_text(n) for n in names}
        )
        users = []
        for name, text in sorted(texts.items()):
            user_rel = self.pr.in_content(name)
            if text is None or user_rel is None or not _uses(text, user_rel, rel):
                continue
            if user_rel.parts[0] == COMMENTS:
                owner = _norm_id(user_rel.stem)
                login = (authors_in(text, key="author") or {}).get(owner)
                people: dict[str, str | None] = {owner: login}
            else:
                people = authors_in(text) or {}
            users.append((name, frozenset(people), _logins(people)))
        return users

    def image_owner(self, name: str, rel: PurePosixPath, verb: str, added: bool) -> None:
        commit = None if added else self.pr.fork_point
        users = self.image_users(rel, commit)
        if not users:
            where = "no post or comment in this pull request" if added else "nothing on the base"
            self.refuse(
                SCOPE_UNATTRIBUTED,
                name,
                f"this pull request {verb} the image {self.shown(name)}, which {where} uses, "
                "so it cannot be told whose it is",
                "Use the image in your post (e.g. `![what it shows](../../images/…)`) in the "
                "same pull request, or leave it out. " + _ASK_STAFF,
            )
            return
        owner = "; ".join(
            f"{' and '.join(sorted(ids)) or 'nobody'} (through {self.shown(user)})"
            for user, ids, _logins in users
        )
        groups = tuple(ids for _user, ids, _logins in users)
        logins = tuple(found for _user, _ids, found in users)
        self.owned.append(Owned(self.shown(name), verb, groups, owner, added, logins))

    # -- one change -----------------------------------------------------------------------

    def side(self, change: Change, name: str, old: bool) -> None:
        """Attribute one side (old: as on the base; new: as in the pull request)."""
        area, rel = self.area(name)
        verb = {"A": "adds", "D": "deletes", "R": "renames"}.get(change.status, "changes")
        added = change.status == "A" or (change.status == "R" and not old)
        if area is None:
            self.refuse(
                SCOPE_PROTECTED,
                name,
                f"this pull request {verb} {self.shown(name)} "
                f"({_protected_kind(rel, name)}); a student's pull request may change only "
                "posts, comments and images, and add tools to content/tools.yaml",
                "Leave this file out of the pull request. " + _ASK_STAFF,
            )
            return
        if area == REGISTRY:
            if change.status in ("D", "R"):
                self.refuse(
                    SCOPE_PROTECTED,
                    name,
                    f"this pull request {verb} the tool registry {self.shown(name)}",
                    "Keep content/tools.yaml; only add new entries to it. " + _ASK_STAFF,
                )
            return  # additions are reviewed entry by entry
        assert rel is not None
        problem = self.kind_problem(area, rel)
        if problem:
            self.refuse(
                SCOPE_FILE_KIND,
                name,
                f"this pull request {verb} {self.shown(name)}: {problem}",
                "Rename or remove the file. " + _ASK_STAFF,
            )
            return
        text = self.base_texts.get(name) if old else self.head_text(name)
        if area == POSTS:
            self.post_owner(name, authors_in(text), verb, added)
        elif area == COMMENTS:
            self.comment_owner(name, text, verb, added)
        else:
            self.image_owner(name, rel, verb, added)

    def authors_kept(self, change: Change) -> None:
        """A changed or renamed post keeps its authors: who a post belongs to is not edited."""
        assert change.old is not None and change.new is not None
        if self.area(change.old)[0] != POSTS or self.area(change.new)[0] != POSTS:
            return
        before = authors_in(self.base_texts.get(change.old))
        after = authors_in(self.head_text(change.new))
        if before is None or after is None:
            return
        same = set(before) == set(after) and all(
            login is None or after[person] == login for person, login in before.items()
        )
        if same:
            return
        self.refuse(
            SCOPE_AUTHORS_CHANGED,
            change.new,
            f"{self.shown(change.new)} belongs to {_describe(before)} on the base; this pull "
            f"request makes its authors {_describe(after)}",
            "Keep the post's authors (and their GitHub accounts) as they are. " + _ASK_STAFF,
        )

    def change(self, change: Change) -> None:
        names = [n for n in (change.old, change.new) if n is not None]
        odd = [n for n in names if _hidden_characters(n)]
        if odd:
            self.refuse(
                SCOPE_FILE_KIND,
                odd[0],
                f"the file name {odd[0]!r} has invisible or control characters",
                "Name files with letters, digits, `-` and `_` only.",
            )
            return
        if change.new is not None and change.new_mode not in _REGULAR_MODES:
            what = "a symbolic link" if change.new_mode == "120000" else "not a regular file"
            self.refuse(
                SCOPE_SYMLINK,
                change.new,
                f"{self.shown(change.new)} is {what} (mode {change.new_mode}); the anthology "
                "takes regular files only",
                "Commit the file itself instead of a link to it.",
            )
            return
        if change.old is not None and change.status != "A":
            self.side(change, change.old, old=True)
        if change.new is not None and change.status in ("A", "R"):
            self.side(change, change.new, old=False)
        if change.status in ("M", "R", "T"):
            self.authors_kept(change)

    # -- the verdict ----------------------------------------------------------------------

    def judge(self, pr_author: str | None) -> None:
        """Pick the pull request's author and report every file that is not theirs.

        With `pr_author` (the GitHub account that opened the pull request), a file whose
        authors declare GitHub accounts must also list that account.
        """
        ids = sorted({person for owned in self.owned for g in owned.groups for person in g})
        if not ids:
            return
        login = _norm_id(pr_author).removeprefix("@") if pr_author else None

        def fits(person: str, owned: Owned) -> bool:
            return all(person in group for group in owned.groups)

        def score(person: str) -> tuple[int, int]:
            mine = [owned for owned in self.owned if fits(person, owned)]
            return sum(owned.added for owned in mine), len(mine)

        author = min(ids, key=lambda person: (*(-n for n in score(person)), person))
        mine = [owned.shown for owned in self.owned if fits(author, owned)]
        for owned in self.owned:
            if not fits(author, owned):
                self.findings.append(
                    error(
                        SCOPE_OTHER_AUTHOR,
                        owned.shown,
                        None,
                        f"this pull request {owned.verb} {owned.shown}, which belongs to "
                        f"{owned.owner}; the rest of the pull request is {author}'s "
                        f"({', '.join(mine[:3])}{' …' if len(mine) > 3 else ''}), and a "
                        "student's pull request may change the files of one author (or of a "
                        "pair post's two authors) only",
                        _fix_scope(),
                    )
                )
                continue
            declared = [group for group in owned.logins if group]
            if login is not None and any(login not in group for group in declared):
                accounts = " or ".join(sorted(set().union(*declared)))
                self.findings.append(
                    error(
                        SCOPE_OTHER_AUTHOR,
                        owned.shown,
                        None,
                        f"this pull request {owned.verb} {owned.shown}, which belongs to "
                        f"{owned.owner} (GitHub {accounts}); the pull request was opened by "
                        f"GitHub user {pr_author}",
                        "Only the author's own GitHub account (or an instructor) may change "
                        "this file. " + _ASK_STAFF,
                    )
                )


def _uses(text: str, user: PurePosixPath, image: PurePosixPath) -> bool:
    """Whether the Markdown file `user` (content-relative) links to `image`."""
    doc = frontmatter.split(text)
    body = Body(doc.body if doc.closed else text, doc.body_line)
    for link in body.links:
        target = link.target.strip()
        for prefix in ("{static}", "{filename}", "{attach}"):
            target = target.removeprefix(prefix)
        parts = urlsplit(target)
        if parts.scheme or parts.netloc or not parts.path:
            continue
        path = unquote(parts.path)
        joined = (
            PurePosixPath(path.lstrip("/"))
            if path.startswith("/")
            else PurePosixPath(user.parent, path)
        )
        if _normal(joined) == image:
            return True
    return False


def _normal(path: PurePosixPath) -> PurePosixPath:
    parts: list[str] = []
    for part in path.parts:
        if part == "..":
            if parts:
                parts.pop()
        elif part != ".":
            parts.append(part)
    return PurePosixPath(*parts)


def check_scope(
    pr: PullRequest,
    content_root: Path,
    registry: RegistryReview,
    pr_author: str | None = None,
) -> list[Finding]:
    """Every scope finding of a student's pull request (registry findings included).

    `pr_author` is the GitHub account that opened the pull request, when known.
    """
    scope = _Scope(pr, content_root)
    old_files = [
        c.old
        for c in pr.changes
        if c.old is not None and c.status != "A" and scope.area(c.old)[0] in (POSTS, COMMENTS)
    ]
    blobs = git.read_blobs(pr.top, pr.fork_point, old_files)
    scope.base_texts = {name: _decode(data) for name, data in blobs.items()}
    for change in pr.changes:
        scope.change(change)
    scope.judge(pr_author)
    return [*scope.findings, *registry.findings]


def placed_posts(pr: PullRequest) -> frozenset[Path]:
    """Posts the pull request puts into a folder: added, or moved from another folder."""
    placed = set()
    for change in pr.changes:
        if change.new is None or change.status not in ("A", "R"):
            continue
        rel = pr.in_content(change.new)
        if rel is None or not rel.parts or rel.parts[0] != POSTS:
            continue
        old = pr.in_content(change.old) if change.old else None
        if change.status == "A" or old is None or old.parent != rel.parent:
            placed.add(pr.absolute(change.new))
    return frozenset(placed)
