"""Write stored facts as JSONL (the record ../shared/gold/SCORING.md reads) or flattened CSV.

Output goes to a temporary file beside `out` and is renamed into place only when complete, so a
failed export never leaves half a file where the last good one was.
"""
from __future__ import annotations

import csv
import json
import os
import tempfile
from pathlib import Path
from typing import Callable, Iterable, TextIO

from .store import Store

CSV_COLUMNS = ("kind", "document", "group_name", "group_name_zh", "group_canonical", "person_name",
               "person_name_zh", "person_canonical", "role", "event", "date", "date_precision",
               "to_group_name", "evidence", "status", "confidence", "fact_id")
FORMATS = ("jsonl", "csv")


def export(store: Store, fmt: str, out: Path, status: str = "accepted") -> int:
    """Write every fact with `status` ("all" = any) to `out`; returns the number written."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}")
    writer = _write_jsonl if fmt == "jsonl" else _write_csv
    return _atomic_write(Path(out), lambda handle: writer(store.iter_fact_records(status), handle))


def _write_jsonl(records: Iterable[dict], handle: TextIO) -> int:
    count = 0
    for record in records:
        handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


def csv_row(record: dict) -> dict:
    """A record flattened to CSV_COLUMNS (names of the group, person and renamed-to group)."""
    group, person, to_group = (record.get(k) or {} for k in ("group", "person", "to_group"))
    return {"kind": record["kind"], "document": record["document"],
            "group_name": group.get("name"), "group_name_zh": group.get("name_zh"),
            "group_canonical": group.get("canonical"), "person_name": person.get("name"),
            "person_name_zh": person.get("name_zh"), "person_canonical": person.get("canonical"),
            "role": record.get("role"), "event": record.get("event"), "date": record.get("date"),
            "date_precision": record.get("date_precision"), "to_group_name": to_group.get("name"),
            "evidence": record["evidence"], "status": record["status"],
            "confidence": record.get("confidence"), "fact_id": record.get("fact_id")}


def _write_csv(records: Iterable[dict], handle: TextIO) -> int:
    writer = csv.DictWriter(handle, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    count = 0
    for record in records:
        writer.writerow(csv_row(record))
        count += 1
    return count


def _atomic_write(out: Path, write: Callable[[TextIO], int]) -> int:
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    try:
        # newline="" lets the csv module write its own line endings; JSONL writes "\n" itself.
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            count = write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, 0o644)  # mkstemp's 0600 would make the export private to us
        os.replace(tmp_name, out)
        return count
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
