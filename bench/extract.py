"""Throughput of English extraction against plain spaCy on the same texts, in one run.

    .venv/bin/python bench/extract.py [FILE ...] [--repeat N]

Without files it reads the English dev texts in ../shared/gold/dev. Prints words/s of the full
extraction (reflow, chunking, all components, records) and of nlp.pipe with the base model
(same disabled components, same batch size), and their ratio (the target is >= 0.7).
"""
from __future__ import annotations

import argparse
import hashlib
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import spacy  # noqa: E402

from pipeline.extract.en import BASE_MODEL, load_nlp  # noqa: E402
from pipeline.extract.english import BATCH_SIZE, extract_english  # noqa: E402
from pipeline.records import ParsedDocument  # noqa: E402

DEFAULT_DIR = ROOT.parent / "shared" / "gold" / "dev"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=20, help="documents = files x repeat")
    args = ap.parse_args()
    files = args.files or sorted([*DEFAULT_DIR.glob("en-*.txt"), *DEFAULT_DIR.glob("seed-*.txt")])
    if not files:
        sys.exit("no input texts: pass files")
    texts = [f.read_text("utf-8") for f in files] * args.repeat
    words = sum(len(t.split()) for t in texts)
    docs = [ParsedDocument(origin=f"bench-{n}", text=t, content_hash=hashlib.sha256(t.encode()).hexdigest(),
                           media_type="text/plain", lang="en") for n, t in enumerate(texts)]
    load_nlp()  # model loading is not throughput
    plain = spacy.load(BASE_MODEL, disable=["lemmatizer"])
    list(plain.pipe(texts[:2]))

    start = time.perf_counter()
    facts = sum(len(x.facts) for x in extract_english(docs))
    full = words / (time.perf_counter() - start)

    start = time.perf_counter()
    for _ in plain.pipe(texts, batch_size=BATCH_SIZE):
        pass
    base = words / (time.perf_counter() - start)

    print(f"documents {len(docs)}, words {words}, facts {facts}")
    print(f"full extraction  {full:10.0f} words/s")
    print(f"plain nlp.pipe   {base:10.0f} words/s")
    print(f"ratio            {full / base:10.2f}  (target >= 0.70)")


if __name__ == "__main__":
    main()
