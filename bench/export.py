"""Export benchmark on a SYNTHETIC store (made-up groups, people and sentences; not real data).

Builds a store of --facts facts (default 200,000: documents of 100 facts over 300 groups and
5,000 people, 90% memberships, 10% events) through store.save_document, then times every export
format, per fact and per tenure, and prints the seconds each took. Target: under a minute each.

    .venv/bin/python bench/export.py [--facts 200000] [--dir /tmp/lsg-bench] [--keep]
"""
from __future__ import annotations

import argparse
import hashlib
import random
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipeline.export import FORMATS, export  # noqa: E402
from pipeline.records import (ROLES, Event, Evidence, Extraction, GroupRef, Membership,  # noqa: E402
                              ParsedDocument, PersonRef)
from pipeline.store import open_store  # noqa: E402
from pipeline.tenures import infer_ends  # noqa: E402

FACTS_PER_DOCUMENT = 100
GROUPS, PEOPLE = 300, 5000
SUFFIX = {"jsonl": "jsonl", "csv": "csv", "parquet": "parquet", "ftm": "ftm.json", "gexf": "gexf"}


def synthetic_document(n: int, rng: random.Random) -> tuple[ParsedDocument, Extraction]:
    year = 2000 + n % 25
    published = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    group = GroupRef(name=f"Synthetic Leading Group {rng.randrange(GROUPS):03d}",
                     name_zh=None, kind="leading_group")
    facts, lines = [], []
    people = rng.sample(range(PEOPLE), FACTS_PER_DOCUMENT)  # distinct: every fact has its own key
    for i in range(FACTS_PER_DOCUMENT):
        if i % 10 == 9:  # a tenth of the facts are events, each on its own day
            line = f"Synthetic event {i} of document {n} in {year}."
            facts.append(Event(group, "meeting", f"{published[:7]}-{i // 10 + 1:02d}",
                               Evidence(line, 0, len(line)), confidence=rng.random()))
        else:
            person = PersonRef(name=f"Synthperson {people[i]:04d}")
            role = ROLES[0] if i == 0 else rng.choice(ROLES[1:])
            line = f"{person.name} serves as {role} ({i})."
            facts.append(Membership(group, person, role, Evidence(line, 0, len(line)), rng.random()))
        lines.append(line)
        # a document lists rosters: about fifty facts about one group, then the next group
        if rng.random() < 0.02:
            group = GroupRef(name=f"Synthetic Leading Group {rng.randrange(GROUPS):03d}",
                             kind="leading_group")
    text = "\n".join(lines)
    doc = ParsedDocument(origin=f"synthetic://bench/{n:05d}.txt", text=text, media_type="text/plain",
                         lang="en", published=published,
                         content_hash=hashlib.sha256(text.encode()).hexdigest())
    return doc, Extraction(facts, [], "bench-synthetic")


def timed(label: str, action):
    started = time.perf_counter()
    result = action()
    seconds = time.perf_counter() - started
    print(f"{label:<28} {seconds:8.1f} s   {result}", flush=True)
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--facts", type=int, default=200_000)
    parser.add_argument("--dir", type=Path, default=Path("/tmp/lsg-bench-export"))
    parser.add_argument("--keep", action="store_true", help="Reuse a store built by an earlier run.")
    args = parser.parse_args()
    db = args.dir / "bench.db"
    if not (args.keep and db.exists()):
        shutil.rmtree(args.dir, ignore_errors=True)
        args.dir.mkdir(parents=True)
        store = open_store(db)
        rng = random.Random(7)
        documents = args.facts // FACTS_PER_DOCUMENT
        timed(f"build {documents} documents", lambda: sum(
            store.save_document(*synthetic_document(n, rng)).facts_added for n in range(documents)))
    store = open_store(db)
    print(f"store: {store.stats()['facts']} facts (SYNTHETIC), exporting status=all", flush=True)
    results = {}
    for fmt in FORMATS:
        out = args.dir / f"facts.{SUFFIX[fmt]}"
        results[f"{fmt} facts"] = timed(f"{fmt} facts", lambda: export(store, fmt, out, "all"))
    timed("infer tenure ends", lambda: infer_ends(store))
    for fmt in FORMATS:
        out = args.dir / f"tenures.{SUFFIX[fmt]}"
        results[f"{fmt} tenures"] = timed(f"{fmt} tenures",
                                          lambda: export(store, fmt, out, "all", tenures=True))
    slow = [name for name, seconds in results.items() if seconds >= 60]
    print("all under a minute" if not slow else f"over a minute: {', '.join(slow)}")


if __name__ == "__main__":
    main()
