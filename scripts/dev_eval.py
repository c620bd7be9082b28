"""Run extraction straight over the dev gold texts (no store, no Prefect) and print scores.

For reading errors while improving the extractor:
    .venv/bin/python scripts/dev_eval.py [--gold ../shared/gold/dev] [--lang en|zh] [--errors]
The official figure is `lsg evaluate`, which goes through the store and the export.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from pipeline.evaluate import load_gold, score
from pipeline.extract import extract_many
from pipeline.parse import parse_file
from pipeline.records import fact_record


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", default=str(Path(__file__).resolve().parents[1].parent / "shared/gold/dev"))
    ap.add_argument("--lang")
    ap.add_argument("--doc")
    ap.add_argument("--errors", action="store_true")
    args = ap.parse_args()
    gold = load_gold(Path(args.gold))
    if args.lang:
        gold = {k: v for k, v in gold.items() if v.get("lang") == args.lang}
    if args.doc:
        gold = {k: v for k, v in gold.items() if k == args.doc}
    docs = [parse_file(Path(args.gold) / f"{doc_id}.txt") for doc_id in gold]
    records = [fact_record(f, doc.origin) for doc, ex in extract_many(docs) for f in ex.facts]
    report = score(records, gold)
    if args.errors:
        for e in report.errors:
            print(json.dumps(e, ensure_ascii=False))
    for key, t in sorted(report.tallies.items()):
        print(f"{key:40s} P={t.precision:.3f} R={t.recall:.3f} F1={t.f1:.3f} (tp={t.tp} fp={t.fp} gold={t.gold})")


if __name__ == "__main__":
    main()
