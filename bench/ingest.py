"""Ingestion figures, side by side in one run:

  (a) layout-aware PDF parsing against plain pdfplumber extract_text() on the same PDFs
      (pages/s; target ratio >= 0.67), using bench/parse_pdf.py's readers;
  (b) a scheduled feed source of N items served from 127.0.0.1 with ETags: the second run over
      unchanged items against the first (target <= 5 % of the first run's time). The second run
      must send only conditional requests and extract nothing.

    .venv/bin/python bench/ingest.py                 # 200 items, 3 PDFs of 20 pages
    .venv/bin/python bench/ingest.py --items 50 --repeat 1
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from parse_pdf import best_rate, layout, make_report, plain  # noqa: E402

from pipeline.ingest import extract_and_save  # noqa: E402
from pipeline.sources.archive import Archive  # noqa: E402
from pipeline.sources.config import SourceConfig  # noqa: E402
from pipeline.sources.runner import run_source  # noqa: E402
from pipeline.store import open_store  # noqa: E402
from tests.feed_builders import rss_feed, serve_articles  # noqa: E402
from tests.http_server import Route, TestHTTPServer  # noqa: E402


def pdf_figures(pages: int, docs: int, repeat: int) -> None:
    documents = [make_report(pages, seed) for seed in range(docs)]
    plain_rates, layout_rates = [], []
    for _ in range(repeat):  # interleaved, so machine load hits both readers alike
        rate, total = best_rate(plain, documents)
        plain_rates.append(rate)
        layout_rates.append(best_rate(layout, documents)[0])
    plain_best, layout_best = max(plain_rates), max(layout_rates)
    print(f"(a) PDF parsing: {docs} PDFs, {total} pages, best of {repeat}")
    print(f"    plain extract_text : {plain_best:8.1f} pages/s")
    print(f"    layout-aware parse : {layout_best:8.1f} pages/s")
    print(f"    ratio layout/plain : {layout_best / plain_best:8.2f}  (target >= 0.67)")


def incremental_figures(items: int) -> None:
    server = TestHTTPServer().start()
    extracted: list[int] = []

    def counting_save(docs, store, source, progress=None, raw_meta=None):
        extracted.append(len(docs))
        return extract_and_save(docs, store, source, progress, raw_meta=raw_meta)

    try:
        server.routes["/feed.xml"] = Route(rss_feed(serve_articles(server, items)),
                                           content_type="application/rss+xml", etag='"feed-v1"')
        config = SourceConfig(name="bench-feed", kind="feed", url=server.url("/feed.xml"),
                              rate_limit=1000, fetch={"max_items": items})
        with tempfile.TemporaryDirectory() as work:
            store, archive = open_store(Path(work) / "db.sqlite"), Archive(Path(work) / "archive")
            runs = []
            for _ in range(2):
                extracted.clear()
                before = len(server.requests)
                start = time.perf_counter()
                report = run_source(config, store, archive, save_step=counting_save)
                runs.append((time.perf_counter() - start, report, server.requests[before:],
                             sum(extracted)))
    finally:
        server.stop()
    (first_s, first, _, first_extracted), (second_s, second, requests, second_extracted) = runs
    fetches = [r for r in requests if r.path != "/robots.txt"]
    conditional = sum(1 for r in fetches if "if-none-match" in r.headers)
    print(f"(b) scheduled feed of {items} items from 127.0.0.1 with ETags")
    print(f"    first run  : {first_s:8.2f} s  ({first.count('new')} new, {first_extracted} extracted)")
    print(f"    second run : {second_s:8.2f} s  ({second.unchanged} unchanged, "
          f"{second_extracted} extracted, {conditional}/{len(fetches)} requests conditional)")
    print(f"    ratio second/first : {100 * second_s / first_s:6.2f} %  (target <= 5 %)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--items", type=int, default=200, help="feed items for (b)")
    ap.add_argument("--pages", type=int, default=20, help="pages per generated PDF for (a)")
    ap.add_argument("--docs", type=int, default=3, help="generated PDFs for (a)")
    ap.add_argument("--repeat", type=int, default=3, help="runs of (a); the best is reported")
    args = ap.parse_args()
    pdf_figures(args.pages, args.docs, args.repeat)
    incremental_figures(args.items)


if __name__ == "__main__":
    main()
