"""FILE.manifest.json beside every export: what went in, what came out, and its checksum."""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from .files import atomic_path


def manifest_path(out: Path) -> Path:
    return Path(out).with_name(Path(out).name + ".manifest.json")


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@dataclass
class Tally:
    """Sources and extractor versions of the rows a writer consumed (a writer adds its counts)."""

    rows: int = 0
    documents: set[str] = field(default_factory=set)
    extractor_versions: set[str] = field(default_factory=set)

    def saw(self, documents, extractor_versions) -> None:
        self.rows += 1
        self.documents.update(documents)
        self.extractor_versions.update(v for v in extractor_versions if v)


def write_manifest(out: Path, *, fmt: str, status: str, tenures: bool, tally: Tally,
                   counts: dict, store_path: str | None = None) -> Path:
    """Write the manifest for the export at `out` (already in place) and return its path."""
    out = Path(out)
    manifest = {
        "file": out.name, "format": fmt, "status": status,
        "rows": "tenures" if tenures else "facts",
        "created_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "store": store_path,
        "counts": {"rows": tally.rows, "source_documents": len(tally.documents), **counts},
        "extractor_versions": sorted(tally.extractor_versions),
        "source_documents": sorted(tally.documents),
        "sha256": {out.name: sha256_file(out)},
    }
    target = manifest_path(out)
    with atomic_path(target) as tmp:
        tmp.write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return target
