"""'Show in context' for a PDF fact: the page named, and its lines drawn from the parser's boxes."""
from __future__ import annotations

import re

from pipeline.parse import parse
from pipeline.records import Evidence, Extraction, Membership, PageSpan, RawDocument
from pipeline.review.pdf_page import drawing, page_holding
from tests import pdf_builders
from tests.review_client import client, db, store  # noqa: F401 (fixtures)
from tests.review_sample import LIU, REFORM_COMMISSION, fact_id


def test_evidence_on_a_parsed_two_column_pdf_is_placed_on_its_page(client, store):
    doc = parse(RawDocument(origin="/data/reports/two-columns.pdf",
                            content=pdf_builders.two_column_report(), media_type="application/pdf"))
    first, last = (i for i, s in enumerate(doc.pages) if doc.text[s.start:s.end] in (
        "that the commission office is run by a", "director appointed by the Politburo."))
    start, end = doc.pages[first].start, doc.pages[last].end
    fact = Membership(REFORM_COMMISSION, LIU, "office_director",
                      Evidence(doc.text[start:end], start, end), confidence=0.5)
    store.save_document(doc, Extraction([fact], [], "v1"), source="reports")
    html = client.get(f"/facts/{fact_id(store, 'commission office is run')}/context").text
    assert "On page 1: lines 11–12 of 15, top third of the page&#39;s text, right column." in html
    marked = re.findall(r'<rect class="evidence" x="([\d.]+)"', html)
    lines = re.findall(r'<rect class="line" x="([\d.]+)"', html)
    assert len(marked) == 2 and len(lines) == 13
    assert min(map(float, marked)) > max(map(float, lines[:8]))  # right of the left column
    assert ">The right column begins here and says</text>" in html
    assert "On the second page" not in html  # page 2 is neither drawn nor quoted


def test_spans_without_boxes_name_the_page_but_draw_nothing(client, store):
    html = client.get(f"/facts/{fact_id(store, 'Liu He')}/context").text  # one span per page
    assert "page 2" in html and "<svg" not in html


def test_page_holding_and_drawing_on_line_spans():
    text = "Title\n\nOne line.\nThe evidence line.\n\nNext page."
    spans = [PageSpan(1, 0, 5, (100, 50, 300, 70)),
             PageSpan(2, 7, 16, (100, 100, 200, 110)), PageSpan(2, 17, 35, (100, 400, 400, 410)),
             PageSpan(3, 37, 47, (100, 50, 200, 60))]
    assert page_holding(spans, 20) == PageSpan(2, 7, 35)
    assert page_holding(spans, 6).page == 1  # a separator belongs to the page before it
    drawn = drawing(spans, text, 2, 17, 35)
    assert [line.evidence for line in drawn.lines] == [False, True]
    assert drawn.where == "line 2 of 2, bottom third of the page's text"
    assert drawn.lines[1].text == "The evidence line." and drawn.width == 640
    assert drawing(spans, text, 2, 36, 37) is None  # no line overlaps
