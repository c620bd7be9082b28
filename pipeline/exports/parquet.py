"""Apache Parquet via pyarrow: typed columns, dates kept as text beside their precision.

Dates stay strings ("2018", "2018-03", "2018-03-21") with a *_precision column, because a
year-only date forced into a date type would claim a day nobody stated.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

import pyarrow as pa
import pyarrow.parquet as pq

from ..tenures import Tenure, precision, tenure_record
from .files import atomic_path
from .manifest import Tally

_BATCH = 10_000
_TEXT = pa.string()
_NAMES = pa.list_(pa.string())

FACT_SCHEMA = pa.schema([
    ("fact_id", pa.int64()), ("key", _TEXT), ("kind", _TEXT), ("status", _TEXT),
    ("document", _TEXT), ("document_title", _TEXT), ("document_published", _TEXT),
    ("document_published_precision", _TEXT),
    ("group_name", _TEXT), ("group_name_zh", _TEXT), ("group_canonical", _TEXT),
    ("group_kind", _TEXT), ("group_aliases", _NAMES),
    ("person_name", _TEXT), ("person_name_zh", _TEXT), ("person_canonical", _TEXT),
    ("person_aliases", _NAMES), ("role", _TEXT),
    ("event", _TEXT), ("date", _TEXT), ("date_precision", _TEXT), ("to_group_name", _TEXT),
    ("evidence", _TEXT), ("evidence_start", pa.int64()), ("evidence_end", pa.int64()),
    ("confidence", pa.float64()), ("needs_rereview", pa.bool_()), ("edited", pa.bool_()),
    ("extractor_version", _TEXT),
])

TENURE_SCHEMA = pa.schema([
    ("lineage", _TEXT), ("group_key", _TEXT), ("group_name", _TEXT), ("group_name_zh", _TEXT),
    ("bodies", _NAMES), ("person_key", _TEXT), ("person_name", _TEXT), ("person_name_zh", _TEXT),
    ("role", _TEXT), ("start", _TEXT), ("start_precision", _TEXT), ("last_seen", _TEXT),
    ("last_seen_precision", _TEXT), ("end", _TEXT), ("end_precision", _TEXT),
    ("end_status", _TEXT), ("end_source", _TEXT), ("tenure_end_id", pa.int64()),
    ("documents", _NAMES), ("fact_ids", pa.list_(pa.int64())),
])


def fact_row(row: dict) -> dict:
    """A dataset row (pipeline.store.datasets) as one FACT_SCHEMA row; names as the document wrote
    them, with the entity's Chinese, canonical and alias forms beside them."""
    group, person, to_group = row["group"], row["person"] or {}, row["to_group"] or {}
    published = row["document_published"]
    return {
        "fact_id": row["fact_id"], "key": row["key"], "kind": row["kind"], "status": row["status"],
        "document": row["document"], "document_title": row["document_title"],
        "document_published": published, "document_published_precision": precision(published),
        "group_name": group["surface"], "group_name_zh": group["name_zh"],
        "group_canonical": group["canonical"], "group_kind": group["kind"],
        "group_aliases": group["aliases"],
        "person_name": person.get("surface"), "person_name_zh": person.get("name_zh"),
        "person_canonical": person.get("canonical"), "person_aliases": person.get("aliases", []),
        "role": row["role"], "event": row["event"], "date": row["date"],
        "date_precision": row["date_precision"], "to_group_name": to_group.get("surface"),
        "evidence": row["evidence"], "evidence_start": row["evidence_start"],
        "evidence_end": row["evidence_end"], "confidence": row["confidence"],
        "needs_rereview": bool(row["needs_rereview"]), "edited": row["edited"],
        "extractor_version": row["extractor_version"],
    }


def write_facts(rows: Iterable[dict], out: Path, tally: Tally) -> dict:
    def table_rows():
        for row in rows:
            tally.saw([row["document"]], [row["extractor_version"]])
            yield fact_row(row)
    return {"facts": _write(table_rows(), FACT_SCHEMA, out)}


def write_tenures(tenures: Iterable[Tenure], out: Path, tally: Tally) -> dict:
    def rows():
        for tenure in tenures:
            tally.saw(tenure.documents, tenure.extractor_versions)
            yield tenure_record(tenure)
    return {"tenures": _write(rows(), TENURE_SCHEMA, out)}


def _write(rows: Iterable[dict], schema: pa.Schema, out: Path) -> int:
    count, batch = 0, []
    with atomic_path(out) as tmp, pq.ParquetWriter(tmp, schema, compression="zstd") as writer:
        for row in rows:
            batch.append(row)
            if len(batch) >= _BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                count, batch = count + len(batch), []
        if batch or count == 0:  # an empty export is still a readable file with the schema
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            count += len(batch)
    return count
