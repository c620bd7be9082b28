"""Content-addressed archive of raw responses, so re-parsing never re-fetches.

Bodies live at data/archive/<sha[:2]>/<sha>, named by the sha256 of their bytes (the store's
`document.content_hash`); identical bodies are kept once. A small JSON index per origin records
the last response seen there (body hash, media type, charset, validators), which is how a
listing that answers 304 Not Modified is read again from disk. Every write goes to a temporary
file renamed into place, so a run killed mid-write never leaves a torn file.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from datetime import datetime
from pathlib import Path

from pipeline.records import RawDocument

DEFAULT_ARCHIVE = Path("data/archive")


class Archive:
    def __init__(self, root: Path | str = DEFAULT_ARCHIVE):
        self.root = Path(root)

    def body_path(self, sha: str) -> Path:
        return self.root / sha[:2] / sha

    def _index_path(self, origin: str) -> Path:
        return self.root / "origins" / (hashlib.sha256(origin.encode("utf-8")).hexdigest() + ".json")

    def put(self, raw: RawDocument, requested: str | None = None) -> str:
        """Store the body (once per distinct content) and index it under its origin(s)."""
        sha = raw.content_hash
        body = self.body_path(sha)
        if not body.exists():
            _atomic_write(body, raw.content)
        entry = {"origin": raw.origin, "sha256": sha, "media_type": raw.media_type,
                 "charset": raw.charset, "status": raw.status, "etag": raw.etag,
                 "last_modified": raw.last_modified,
                 "fetched_at": raw.fetched_at.isoformat() if raw.fetched_at else None}
        for origin in {raw.origin, requested or raw.origin}:
            _atomic_write(self._index_path(origin),
                          json.dumps({**entry, "requested": origin}, ensure_ascii=False).encode())
        return sha

    def get(self, sha: str) -> bytes | None:
        try:
            return self.body_path(sha).read_bytes()
        except FileNotFoundError:
            return None

    def _entry(self, origin: str) -> dict | None:
        try:
            return json.loads(self._index_path(origin).read_text("utf-8"))
        except (FileNotFoundError, ValueError):
            return None

    def final_origin(self, origin: str) -> str | None:
        """Where `origin` led last time (itself, or the end of its redirects)."""
        entry = self._entry(origin)
        return entry["origin"] if entry else None

    def latest(self, origin: str) -> RawDocument | None:
        """The last response archived for `origin` (requested or final URL), if its body is kept."""
        entry = self._entry(origin)
        if entry is None:
            return None
        content = self.get(entry["sha256"])
        if content is None:
            return None
        fetched = entry.get("fetched_at")
        return RawDocument(origin=entry["origin"], content=content, media_type=entry.get("media_type"),
                           charset=entry.get("charset"), status=entry.get("status"),
                           etag=entry.get("etag"), last_modified=entry.get("last_modified"),
                           fetched_at=datetime.fromisoformat(fetched) if fetched else None)

    def validators(self, origin: str) -> dict | None:
        raw = self.latest(origin)
        if raw is None or not (raw.etag or raw.last_modified):
            return None
        return {"etag": raw.etag, "last_modified": raw.last_modified}


def _atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
