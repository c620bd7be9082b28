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


LEAD_NOTE = """
==== NOTE FROM THE LEAD (18:25 UTC) — please read ====
A sealed blind set (not in your hands) shows that tuning on corpora/eval is OVERFITTING:
while corpora/eval rose to F1 0.98, sealed-set membership F1 fell 0.65 -> 0.57 (Chinese
precision 1.00 -> 0.76). Stop adding narrow rules for single sentences. Prioritise BROAD
mechanisms, e.g.:
 1. group mentions not named "Leading Group"/"Commission": "... Headquarters", "... Committee"
    (never Central Committee / Standing Committee), "Special Commission"; short back-references
    ("the Hainan group", "the group", "the leading group", "the panel") linked to the most
    recent matching full name; 该小组 / 领导小组 / 小组 to the antecedent.
 2. verbs: took over (from Y: Y held the role too), passed to, was led by, under X (as head),
    served as / were named deputy heads, "has two deputy heads, A and B", with X as
    commander-in-chief / deputy commanders, its secretary was; 出任…组长/主席,
    …组长由X担任 / 同样由X担任, 由…担任组长 (antecedent = nearest group).
 3. lists: bullet lists under a role or title header ("Vice-premiers:" then "- Name" lines),
    Chinese "有A、B、C…等N位" member lists.
 4. events: "presided over the first meeting" with weekday dates resolved from the dateline;
    组建 (in reform plans) = established; 恢复原名 / 更名为 = renamed; 同年 / 次年 year carry-over.
 5. precision: never let a verb or connective (任, 还有, 成立, 或, 和) leak into a group name;
    "A或B" names two bodies.
Keep dev and corpora/eval from regressing, but value broad rules over per-sentence fixes.
=====================================================
"""

if __name__ == "__main__":
    main()
    import sys

    print(LEAD_NOTE, file=sys.stderr)
