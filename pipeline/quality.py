"""`lsg evaluate`: ingest gold texts into a temporary store, export, score, compare with floors."""
from __future__ import annotations

import json
import tempfile
from pathlib import Path

from pipeline.evaluate import Report, load_gold, score
from pipeline.export import export
from pipeline.ingest import ingest
from pipeline.store import open_store


def run_evaluation(gold_dir: Path, progress=None) -> Report:
    """Score what the whole pipeline (parse, extract, store, export) makes of the gold texts."""
    gold = load_gold(gold_dir)
    texts = [str(Path(gold_dir) / f"{doc_id}.txt") for doc_id in gold]
    with tempfile.TemporaryDirectory(prefix="lsg-eval-") as tmp:
        store = open_store(Path(tmp) / "eval.sqlite")
        ingest(texts, store, source="gold", progress=progress)
        out = Path(tmp) / "facts.jsonl"
        export(store, "jsonl", out, status="all")
        records = [json.loads(line) for line in out.read_text("utf-8").splitlines() if line.strip()]
    return score(records, gold)


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
