"""What an earlier post's address says about it: title, author and date, offline.

Blog platforms put the post's title in the address (`medium.com/@user/a-title-8a491c220b59`,
`name.blogspot.com/2022/03/a-title.html`), its author in the host or path, and often the
date. No library reads these platform conventions (URL parsers split, they do not
interpret), so the few rules are written here, one per kind of platform. Anything the
address does not say stays unknown: `anthology enrich-prior` can read it from the page.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from urllib.parse import unquote, urlsplit

# Medium ends a post's slug with a 10-12 digit hexadecimal id.
_MEDIUM_ID = re.compile(r"^(?:(?P<slug>.*?)-)?(?P<id>[0-9a-f]{10,12})$")
_DATE_PATH = re.compile(
    r"^(?P<y>(?:19|20)\d\d)/(?P<m>0?[1-9]|1[0-2])(?:/(?P<d>0?[1-9]|[12]\d|3[01]))?$"
)
_EXTENSION = re.compile(r"\.(?:html?|php|aspx?|pdf|md)$", re.IGNORECASE)
_HEX_OR_NUMBER = re.compile(r"^(?:\d+|[0-9a-f]{8,})$")
# Hosts where the first label is the author's account (`name.medium.com`, `name.github.io`).
_ACCOUNT_HOSTS = (
    "medium.com",
    "github.io",
    "blogspot.com",
    "wordpress.com",
    "tistory.com",
    "substack.com",
    "hashnode.dev",
    "netlify.app",
    "gitlab.io",
    "velog.io",
)
_VIDEO_HOSTS = ("youtube.com", "youtu.be", "vimeo.com")
# Words whose usual spelling is not what capitalising the first letter gives. Tool names
# and aliases from the registry are added by the caller.
_KNOWN_WORDS = (
    "AI ML MLOps API APIs AWS GCP ETL SQL NoSQL CI CD CI/CD GPU GPUs NLP LLM LLMs "
    "UI UX IBM EDA MLP CLI SDK JSON YAML CSV HTTP AutoML PyTorch TensorFlow "
    "Python Flask Django Docker GitHub GitLab Jupyter Spark PySpark Apache Google "
    "Amazon Azure Microsoft Spotify Sony Kafka Kubernetes Netflix Android iOS "
    "JavaScript Pandas NumPy Scikit scikit-learn A/B I"
)
_SPELLINGS = {word.casefold(): word for word in _KNOWN_WORDS.split()}


@dataclass(frozen=True)
class Derived:
    """What the address tells: each field None when it does not say."""

    title: str | None = None
    author: str | None = None
    published: str | None = None  # ISO date, or year-month when the address has no day


def _host(url: str) -> str:
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.").removeprefix("m.")


def _account(host: str) -> tuple[str | None, str | None]:
    """(platform, account) for `account.platform` hosts, else (None, None)."""
    for platform in _ACCOUNT_HOSTS:
        if host.endswith("." + platform):
            account = host[: -len(platform) - 1]
            if account and "." not in account and account not in {"www", "blog", "m"}:
                return platform, account
    return None, None


def _date(parts: list[str]) -> tuple[str | None, list[str]]:
    """An ISO date from `/YYYY/MM[/DD]/` path segments, and the segments after it."""
    for start in range(len(parts)):
        for length in (3, 2):
            chunk = parts[start : start + length]
            if len(chunk) != length:
                continue
            match = _DATE_PATH.match("/".join(chunk))
            if not match:
                continue
            year, month, day = match.group("y"), int(match.group("m")), match.group("d")
            try:
                if day:
                    return date(int(year), month, int(day)).isoformat(), parts[start + 3 :]
                return f"{year}-{month:02d}", parts[start + 2 :]
            except ValueError:
                continue
    return None, parts


def title_from_slug(slug: str, spellings: dict[str, str]) -> str | None:
    """`deploying-a-flask-application-with-kubernetes` → "Deploying a Flask application
    with Kubernetes": sentence case, known names spelt as their owners spell them."""
    text = _EXTENSION.sub("", unquote(slug))
    words = [w for w in re.split(r"[-_+\s]+", text) if w]
    if not words or all(_HEX_OR_NUMBER.match(w) for w in words):
        return None
    if len(words) == 1 and len(words[0]) < 3:
        return None
    out: list[str] = []
    index = 0
    while index < len(words):
        # The longest known multi-word name starting here ("apache airflow").
        for size in (3, 2, 1):
            chunk = " ".join(words[index : index + size]).casefold()
            if size > 1 and index + size > len(words):
                continue
            known = spellings.get(chunk) or (size == 1 and spellings.get(chunk.replace(".", "")))
            if known:
                out.append(known)
                index += size
                break
        else:
            word = words[index]
            out.append(word if any(c.isupper() for c in word[1:]) else word.lower())
            index += 1
    first = out[0]
    if first == first.lower():
        out[0] = first[:1].upper() + first[1:]
    return " ".join(out)


def spellings_for(names: Iterable[str]) -> dict[str, str]:
    """The casing table: common technical words plus the given tool names and aliases."""
    table = dict(_SPELLINGS)
    for name in names:
        words = re.split(r"[-_\s]+", name.strip())
        spoken = [w for w in words if any(c.isalnum() for c in w)]  # "Weights & Biases"
        for key in (words, spoken):
            if 1 <= len(key) <= 3:
                table.setdefault(" ".join(key).casefold(), " ".join(words))
    return table


def derive(url: str, spellings: dict[str, str] | None = None) -> Derived:
    """Title, author and date as far as the address of a post on a blog platform says."""
    table = spellings if spellings is not None else _SPELLINGS
    parts = [p for p in urlsplit(url).path.split("/") if p]
    host = _host(url)
    if any(host == h or host.endswith("." + h) for h in _VIDEO_HOSTS):
        return Derived()
    platform, account = _account(host)
    author: str | None = None
    if host == "medium.com" and parts and parts[0].startswith("@"):
        author, parts = parts[0], parts[1:]
    elif host == "medium.com" and len(parts) >= 2:
        parts = parts[1:]  # a publication: medium.com/<publication>/<slug>
    elif platform == "medium.com" and account:
        author = "@" + account
    elif host in {"github.com", "gitlab.com"} and parts:
        author = parts[0]
        parts = parts[-1:] if len(parts) > 2 else []
    elif account:
        author = account
    published, rest = _date(parts)
    if published:
        parts = rest
    if not parts:
        return Derived(None, author, published)
    slug = parts[-1]
    medium = _MEDIUM_ID.match(slug)
    if medium and (platform == "medium.com" or host == "medium.com" or medium.group("slug")):
        slug = medium.group("slug") or ""
    title = title_from_slug(slug, table) if slug else None
    return Derived(title, author, published)
