"""Evidence: a link to where the author tried the tool, ideally a code repository."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

from ...findings import Finding
from ...prior import host_of
from ..context import PostContext

# Hosts whose repository addresses are /owner/name: a shorter path is a profile page.
_OWNER_REPO_HOSTS = ("github.com", "gitlab.com", "bitbucket.org", "codeberg.org")


def _on_host(host: str, hosts: tuple[str, ...]) -> bool:
    return any(host == known or host.endswith("." + known) for known in hosts)


def evidence(ctx: PostContext) -> Iterator[Finding]:
    """At least one evidence link; a warning for links that are not a repository or similar."""
    post = ctx.post
    if post is None:
        return
    line = ctx.line_of("evidence")
    if not post.evidence:
        yield ctx.error(
            "evidence-missing",
            line,
            "no `evidence` link to your work",
            "Add `evidence:` with a link to your repository (or notebook) holding what you "
            "tried or analysed: configuration, code and the scenario data you used.",
        )
        return
    hosts = tuple(h.casefold() for h in ctx.course.evidence_hosts)
    for url in post.evidence:
        host = host_of(url)
        segments = [part for part in urlsplit(url).path.split("/") if part]
        if hosts and not _on_host(host, hosts):
            yield ctx.warning(
                "evidence-not-repository",
                line,
                f"the evidence link {url} is not on a code host ({', '.join(hosts[:4])}, …)",
                "Link the repository, gist or notebook with your configuration.",
            )
        elif host in _OWNER_REPO_HOSTS and len(segments) < 2:
            yield ctx.warning(
                "evidence-not-repository",
                line,
                f"the evidence link {url} is a profile, not a repository",
                "Link the repository itself, e.g. https://github.com/you/project.",
            )
