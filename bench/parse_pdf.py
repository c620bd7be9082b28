"""Throughput of the layout-aware PDF parse against plain pdfplumber extract_text().

    .venv/bin/python bench/parse_pdf.py                 # generated two-column reports
    .venv/bin/python bench/parse_pdf.py a.pdf b.pdf     # your own PDFs
    .venv/bin/python bench/parse_pdf.py --pages 40 --repeat 5

Both readers run on the same PDFs in the same process, interleaved, so machine load hits both
alike; the best of `--repeat` runs is reported. Target: layout/plain >= 0.67.
"""
from __future__ import annotations

import argparse
import io
import random
import sys
import time
from pathlib import Path

import pdfplumber
from fpdf import FPDF

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipeline.parse.pdf import parse_pdf  # noqa: E402
from pipeline.parse.pdf_spans import page_ranges  # noqa: E402
from pipeline.records import RawDocument  # noqa: E402

_SENTENCES = [
    "The leading small group coordinates work that cuts across ministries and provinces.",
    "Its office drafts the agenda, follows up decisions and reports to the group leader.",
    "Members usually include ministers, vice premiers and heads of party departments.",
    "Several groups were upgraded to commissions during the reform of party institutions.",
    "Meetings are announced after the fact, often with a short list of the decisions taken.",
    "Local governments mirror the central groups with provincial and county counterparts.",
    "Researchers reconstruct membership from notices, speeches and official biographies.",
]


def make_report(pages: int, seed: int) -> bytes:
    """A two-column report with running header, page numbers, footnotes and pull quotes."""
    rng = random.Random(seed)

    class Report(FPDF):
        def header(self) -> None:
            self.set_font("Helvetica", size=8)
            self.set_xy(50, 20)
            self.cell(300, 10, "Working Papers on Chinese Party Institutions")

        def footer(self) -> None:
            self.set_font("Helvetica", size=8)
            self.set_xy(285, 805)
            self.cell(30, 10, str(self.page_no()))

    pdf = Report(unit="pt", format="A4")
    pdf.set_auto_page_break(False)
    for page in range(pages):
        pdf.add_page()
        for x in (50, 310):
            pdf.set_xy(x, 60)
            pdf.set_font("Times", size=10)
            paragraphs = ["  ".join(rng.choice(_SENTENCES) for _ in range(rng.randint(3, 6)))
                          for _ in range(5)]
            pdf.multi_cell(235, 12.5, "\n\n".join(paragraphs)[:3200], align="J")
        if page % 3 == 0:
            pdf.set_font("Helvetica", size=15)
            pdf.set_xy(310, 640)
            pdf.multi_cell(235, 18, rng.choice(_SENTENCES))
        pdf.set_font("Times", size=7)
        pdf.set_xy(50, 770)
        pdf.cell(400, 9, f"{page + 1} Note: {rng.choice(_SENTENCES).lower()}")
    return bytes(pdf.output())


def plain(data: bytes) -> int:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            page.extract_text()
        return len(pdf.pages)


def layout(data: bytes) -> int:
    doc = parse_pdf(RawDocument(origin="bench.pdf", content=data))
    return len(page_ranges(doc.pages))  # doc.pages holds a span per line, not per page


def best_rate(reader, documents: list[bytes]) -> tuple[float, int]:
    start = time.perf_counter()
    pages = sum(reader(data) for data in documents)
    return pages / (time.perf_counter() - start), pages


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("pdfs", nargs="*", type=Path)
    ap.add_argument("--pages", type=int, default=20, help="pages per generated report")
    ap.add_argument("--docs", type=int, default=3, help="generated reports")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    if args.pdfs:
        documents = [path.read_bytes() for path in args.pdfs]
    else:
        documents = [make_report(args.pages, seed) for seed in range(args.docs)]
    plain_rates, layout_rates = [], []
    for _ in range(args.repeat):
        rate, pages = best_rate(plain, documents)
        plain_rates.append(rate)
        layout_rates.append(best_rate(layout, documents)[0])
    plain_best, layout_best = max(plain_rates), max(layout_rates)
    print(f"{len(documents)} PDFs, {pages} pages, best of {args.repeat} runs")
    print(f"plain extract_text : {plain_best:8.1f} pages/s")
    print(f"layout-aware parse : {layout_best:8.1f} pages/s")
    print(f"ratio layout/plain : {layout_best / plain_best:8.2f}  (target >= 0.67)")


if __name__ == "__main__":
    main()
