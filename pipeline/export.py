"""Write stored facts, or tenures, as JSONL (the record ../shared/gold/SCORING.md reads),
flattened CSV, Parquet, FollowTheMoney JSON lines or GEXF (pipeline/exports/ holds the last three).

Output goes to a temporary file beside `out` and is renamed into place only when complete, so a
failed export never leaves half a file where the last good one was. Every export also writes
`out.manifest.json` (counts, extractor versions, source documents, time, sha256).
"""
from __future__ import annotations

import csv
import json
import os
import tempfile
from pathlib import Path
from typing import Callable, Iterable, Iterator, TextIO

from .exports import ftm, gexf, parquet
from .exports.manifest import Tally, write_manifest
from .store import Store
from .store.datasets import iter_dataset_rows
from .tenures import Tenure, tenure_record, tenures as collect_tenures

CSV_COLUMNS = ("kind", "document", "group_name", "group_name_zh", "group_canonical", "person_name",
               "person_name_zh", "person_canonical", "role", "event", "date", "date_precision",
               "to_group_name", "evidence", "status", "confidence", "fact_id")
TENURE_COLUMNS = ("lineage", "group_key", "group_name", "group_name_zh", "bodies", "person_key",
                  "person_name", "person_name_zh", "role", "start", "start_precision", "last_seen",
                  "last_seen_precision", "end", "end_precision", "end_status", "end_source",
                  "tenure_end_id", "documents", "fact_ids")
FORMATS = ("jsonl", "csv", "parquet", "ftm", "gexf")
_WRITERS = {"parquet": parquet, "ftm": ftm, "gexf": gexf}


def export(store: Store, fmt: str, out: Path, status: str = "accepted", tenures: bool = False) -> int:
    """Write every fact (or, with `tenures`, every tenure) built from facts with `status`
    ("all" = any) to `out`, plus its manifest; returns the number of facts or tenures written.

    Tenures carry the end dates saved for review; run pipeline.tenures.infer_ends(store) first
    to refresh them (the CLI does).
    """
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}")
    out, tally = Path(out), Tally()
    if tenures:
        counts = _export_tenures(collect_tenures(store, status), fmt, out, tally)
    elif fmt in ("jsonl", "csv"):
        writer = _write_jsonl if fmt == "jsonl" else _write_csv
        records = _tallied(store.iter_fact_records(status), tally)
        counts = {"facts": _atomic_write(out, lambda handle: writer(records, handle))}
    else:
        with store.session() as session:
            counts = _WRITERS[fmt].write_facts(iter_dataset_rows(session, status), out, tally)
    write_manifest(out, fmt=fmt, status=status, tenures=tenures, tally=tally, counts=counts,
                   store_path=str(store.path))
    return tally.rows


def _tallied(records: Iterable[dict], tally: Tally) -> Iterator[dict]:
    for record in records:
        tally.saw([record["document"]], [record.get("extractor_version")])
        yield record


def _export_tenures(tenures: list[Tenure], fmt: str, out: Path, tally: Tally) -> dict:
    if fmt in _WRITERS:
        return _WRITERS[fmt].write_tenures(tenures, out, tally)
    records = []
    for tenure in tenures:
        tally.saw(tenure.documents, tenure.extractor_versions)
        records.append(tenure_record(tenure))
    if fmt == "jsonl":
        return {"tenures": _atomic_write(out, lambda handle: _write_jsonl(records, handle))}
    return {"tenures": _atomic_write(out, lambda handle: _write_tenure_csv(records, handle))}


def _write_tenure_csv(records: list[dict], handle: TextIO) -> int:
    """Lists (bodies, documents, fact ids) are joined with " | "."""
    writer = csv.DictWriter(handle, fieldnames=TENURE_COLUMNS)
    writer.writeheader()
    for record in records:
        writer.writerow({k: " | ".join(map(str, v)) if isinstance(v, list) else v
                         for k, v in record.items()})
    return len(records)


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
