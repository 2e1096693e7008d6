"""Values remembered for objects found by identity, for lookups too frequent to hash them.

A course's term lists and sections are the same objects for every post, and hashing a
tuple of hundreds of terms on every lookup costs more than the lookup saves. Each entry
keeps the objects it was made for, so their ids cannot be reused while it stands; the
memory starts afresh when full (objects built on the fly come and go).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

V = TypeVar("V")


class IdentityMemo(Generic[V]):
    """`make()`'s value per (`plain` key, the identities of `objects`), at most `size`."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._entries: dict[tuple[Hashable, ...], tuple[tuple[object, ...], V]] = {}

    def remembered(self, plain: Hashable, objects: tuple[object, ...], make: Callable[[], V]) -> V:
        key = (plain, *map(id, objects))
        known = self._entries.get(key)
        if known is not None:  # the entry keeps its objects alive: same ids, same objects
            return known[1]
        value = make()
        if len(self._entries) >= self._size:
            self._entries.clear()
        self._entries[key] = (objects, value)
        return value
