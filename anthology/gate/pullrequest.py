"""A pull request as git sees it: the base it is judged against and every file it changes.

`--changed-since BASE` reads this once. The base is trusted (its configuration and history
decide); the changes are what the pull request brings, compared with where it left the
base (the merge base), so work merged into the base since then is not counted as its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from . import git
from .git import Change


@dataclass
class PullRequest:
    """The base commit, the merge base and the changes of the branch checked out."""

    top: Path  # the top of the work tree
    content: PurePosixPath  # the content folder, relative to `top`
    base: str  # commit id of BASE: configuration and first-come order come from here
    fork_point: str  # merge base of BASE and HEAD: the diff starts here
    changes: list[Change] = field(default_factory=list)

    @classmethod
    def read(cls, content_root: Path, ref: str) -> PullRequest:
        """Raises git.GitError when `content_root` is not in a repository or `ref` is unknown."""
        top = git.toplevel(content_root)
        if top is None:
            raise git.GitError(f"{content_root} is not inside a git repository")
        base = git.commit_of(content_root, ref)
        fork_point = git.merge_base(content_root, base)
        try:
            content = PurePosixPath(content_root.resolve().relative_to(top).as_posix())
        except ValueError:
            raise git.GitError(f"{content_root} is outside the repository at {top}") from None
        changes = git.branch_changes(content_root, fork_point)
        return cls(top, content, base, fork_point, changes)

    def absolute(self, name: str) -> Path:
        return self.top / name

    def in_content(self, name: str) -> PurePosixPath | None:
        """`name` relative to the content folder, or None when it lies outside it."""
        path = PurePosixPath(name)
        if self.content == PurePosixPath("."):
            return path
        try:
            return path.relative_to(self.content)
        except ValueError:
            return None

    @property
    def present(self) -> list[Path]:
        """Files that exist after the change (added, modified, renamed), absolute."""
        return sorted({self.absolute(c.new) for c in self.changes if c.new is not None})

    @property
    def added(self) -> frozenset[Path]:
        """Files new in the pull request (renamed ones follow their origin instead)."""
        return frozenset(
            self.absolute(c.new) for c in self.changes if c.status == "A" and c.new is not None
        )

    @property
    def origins(self) -> dict[Path, Path]:
        """Renamed file → the file it was on the base (for first-come order)."""
        return {
            self.absolute(c.new): self.absolute(c.old)
            for c in self.changes
            if c.status == "R" and c.new is not None and c.old is not None
        }
