"""Results that stay valid until the next review decision: network layouts, timeline charts."""
from __future__ import annotations

from typing import Any


class ReviewStateCache:
    """Recent results, each valid while the store's latest review row is the same.

    Every change to accepted facts (a decision, an edit, a note, a merge, a re-review flag, a
    tenure end decided) appends a review row, so the newest review id versions what was drawn
    from them.
    """

    def __init__(self, size: int = 8):
        self.size = size
        self._entries: dict[tuple, tuple[int | None, Any]] = {}

    def get(self, key: tuple, version: int | None) -> Any | None:
        found = self._entries.get(key)
        return found[1] if found is not None and found[0] == version else None

    def put(self, key: tuple, version: int | None, value: Any) -> None:
        self._entries.pop(key, None)
        self._entries[key] = (version, value)
        while len(self._entries) > self.size:
            self._entries.pop(next(iter(self._entries)))
