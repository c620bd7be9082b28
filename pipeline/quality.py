"""`lsg evaluate`: ingest gold texts into a temporary store, export, score, compare with floors.

The gold texts can be fed as they are or rendered first (web pages, a feed of them, PDF
reports: pipeline/renditions), so each way documents reach lsg is measured the same way.
"""
from __future__ import annotations

import json
import tempfile
from collections.abc import Callable
from pathlib import Path

from pipeline.evaluate import Report, load_gold, score
from pipeline.export import export
from pipeline.ingest import ingest
from pipeline.renditions import rendition
from pipeline.store import open_store

Note = Callable[[str], None]


def run_evaluation(gold_dir: Path, progress=None, via: str = "text",
                   on_note: Note | None = None) -> Report:
    """Score what the whole pipeline (fetch, parse, extract, store, export) makes of the gold
    texts reaching it `via` text files, HTML pages, an RSS feed of those pages, or PDFs."""
    note = on_note or (lambda message: None)
    gold = load_gold(gold_dir)
    with tempfile.TemporaryDirectory(prefix="lsg-eval-") as tmp:
        store = open_store(Path(tmp) / "eval.sqlite")
        with rendition(via, gold_dir, list(gold), Path(tmp)) as rendered:
            for message in rendered.notes:
                note(message)
            outcomes = ingest(rendered.inputs, store, source="gold", progress=progress)
            if rendered.feed_url and not any(o.origin != rendered.feed_url for o in outcomes):
                outcomes = _ingest_feed_items(rendered.feed_url, store, progress, note)
        for outcome in outcomes:
            if outcome.status == "failed":
                note(f"{outcome.origin}: failed: {outcome.reason}")
        out = Path(tmp) / "facts.jsonl"
        export(store, "jsonl", out, status="all")
        records = [json.loads(line) for line in out.read_text("utf-8").splitlines() if line.strip()]
    return score(records, gold)


def _ingest_feed_items(feed_url: str, store, progress, note: Note) -> list:
    """Ingest what a feed lists when `ingest` took the feed for a document of its own."""
    from pipeline.renditions.feed import item_links

    links = item_links(feed_url)
    note(f"ingest did not expand the feed; ingested its {len(links)} item links instead")
    return ingest(links, store, source="gold", progress=progress)


def floors_for(floors: dict, gold_dir: Path, via: str = "text") -> dict[str, float]:
    """The floors that apply to one gold set: a flat mapping applies to any set; otherwise the
    entry named after the gold directory (e.g. "dev"), or "dev/pdf" for another path."""
    if not any(isinstance(v, dict) for v in floors.values()):
        return floors
    name = Path(gold_dir).resolve().name
    return floors.get(f"{name}/{via}" if via != "text" else name, {})


def below_floors(report: Report, floors: dict[str, float]) -> list[str]:
    """Each 'key.metric' floor (e.g. 'memberships/en.f1': 0.5) the report falls below."""
    failures = []
    for name, floor in sorted(floors.items()):
        key, _, metric = name.rpartition(".")
        tally = report.tallies.get(key)
        value = getattr(tally, metric) if tally is not None else 0.0
        if value + 1e-9 < floor:
            failures.append(f"{name} = {value:.3f} < floor {floor:.3f}")
    return failures
