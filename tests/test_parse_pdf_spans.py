"""Line spans of PDF text (pipeline.parse.pdf_spans): exact offsets, pages and word boxes,
checked against what pdfplumber itself finds inside each box."""
import io
import re

import pdfplumber
import pytest

from pipeline.parse import parse
from pipeline.parse.pdf_spans import page_of, page_ranges, spans_for
from pipeline.records import PageSpan, ParsedDocument, RawDocument
from tests import pdf_builders
from tests.test_parse_pdf_layout import PROSE, ROSTER

GUTTER = (pdf_builders.LEFT_X + pdf_builders.COLUMN_WIDTH + pdf_builders.RIGHT_X) / 2


def parsed(data: bytes) -> ParsedDocument:
    return parse(RawDocument(origin="report.pdf", content=data, media_type="application/pdf"))


def _letters(text: str) -> str:
    # Word spaces, table cell bars and hyphens differ between a line as printed and as joined.
    return re.sub(r"[\s|\-]+", "", text)


def assert_spans_exact(data: bytes, doc: ParsedDocument) -> None:
    """Every span is in text order, inside its page, and holds exactly the characters that
    pdfplumber finds inside its box; the text between spans is only whitespace."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        sizes = [(page.width, page.height) for page in pdf.pages]
        covered_to = 0
        for span in doc.pages:
            width, height = sizes[span.page - 1]
            x0, top, x1, bottom = span.bbox
            assert 0 <= x0 < x1 <= width and 0 <= top < bottom <= height
            assert covered_to <= span.start < span.end <= len(doc.text)
            assert doc.text[covered_to:span.start].strip() == ""
            covered_to = span.end
            box = (x0 - 0.5, top - 0.5, x1 + 0.5, bottom + 0.5)
            printed = pdf.pages[span.page - 1].within_bbox(box).extract_text()
            assert _letters(doc.text[span.start:span.end]) == _letters(printed), span
        assert doc.text[covered_to:].strip() == ""


@pytest.fixture(scope="module")
def report_pdf():
    return pdf_builders.two_column_report()


@pytest.fixture(scope="module")
def report(report_pdf):
    return parsed(report_pdf)


def test_two_column_report_spans_are_exact(report_pdf, report):
    assert len(report.pages) == 20  # title, 13 body lines and a footnote, then 5 lines
    assert_spans_exact(report_pdf, report)


def test_spans_know_their_page_and_column(report):
    for number, page in enumerate(pdf_builders.REPORT_PAGES, start=1):
        for side in ("left", "right"):
            for line in (line for paragraph in page[side] for line in paragraph):
                if line.endswith("-"):
                    continue  # its hyphen is gone from the text
                (span,) = [s for s in report.pages if report.text[s.start:s.end] == line]
                assert span.page == number
                assert (span.bbox[2] < GUTTER) if side == "left" else (span.bbox[0] > GUTTER)
    assert page_of(report, report.text.index("outlook for 2024")) == 2
    assert page_of(report, report.text.index("Our own summary")) == 1
    assert page_of(report, 0) == 1


def test_footnote_span_sits_at_the_bottom_of_its_page(report):
    start = report.text.index("1 Our own summary")
    (span,) = spans_for(report, start, start + 5)
    assert span.page == 1 and span.bbox[1] > 700


def test_spans_for_a_sentence_across_two_lines(report):
    sentence = "Its staff draft the agenda and follow up on every decision the members take."
    start = report.text.index(sentence)
    first, second = spans_for(report, start, start + len(sentence))
    assert report.text[first.start:second.end] == sentence
    assert first.page == second.page == 1 and first.bbox[0] > GUTTER
    assert first.bbox[3] <= second.bbox[1]  # one line above the next


def test_hyphen_joined_word_covers_both_lines(report):
    start = report.text.index("information")
    first, second = spans_for(report, start, start + len("information"))
    assert report.text[first.start:first.end] == "economic infor"
    assert report.text[second.start:second.end].startswith("mation gathered")
    assert first.end == second.start == start + len("infor")
    assert first.bbox[3] <= second.bbox[1] and first.bbox[2] < GUTTER


def test_page_ranges_cover_each_page(report):
    first, second = page_ranges(report.pages)
    assert (first.page, first.start, second.page, second.end) == (1, 0, 2, len(report.text))
    assert first.bbox is None and first.end < second.start


def test_justified_pages_and_short_lines_keep_exact_spans():
    closing = [["The group met again in May."], ["Its office drafted the plan."]]
    data = pdf_builders.justified_report([[[PROSE, PROSE], ROSTER, [PROSE]], [[PROSE], closing[0]],
                                          [closing[1]]], title="Annual review of the groups")
    doc = parsed(data)
    assert_spans_exact(data, doc)
    assert [r.page for r in page_ranges(doc.pages)] == [1, 2, 3]
    roster = doc.text.index(ROSTER[1])
    (span,) = spans_for(doc, roster, roster + len(ROSTER[1]))
    assert doc.text[span.start:span.end] == ROSTER[1] and span.page == 1


def test_table_row_with_a_wrapped_cell_is_one_span_boxing_both_lines():
    value = ("Vice Premier of the State Council, who also chairs the financial stability and "
             "development committee")
    data = pdf_builders.table_between_columns([[PROSE]], [("Leader", "Xi Jinping"),
                                                          ("Deputy leader", value)], [[PROSE]])
    doc = parsed(data)
    assert_spans_exact(data, doc)
    row = doc.text.index("| Deputy leader")
    (span,) = spans_for(doc, row, row + 3)
    assert doc.text[span.start:span.end].endswith("committee |")
    assert span.bbox[3] - span.bbox[1] > 20  # two lines of the cell


def test_chinese_lines_are_spanned_without_joining_spaces():
    lines = [["中央财经领导小组负责经济工作的顶层设计，", "统筹协调各部门的重大政策。"]]
    data = pdf_builders.chinese_paragraphs(lines)
    doc = parsed(data)
    assert_spans_exact(data, doc)
    start = doc.text.index("设计，统筹")
    assert len(spans_for(doc, start, start + 5)) == 2


def test_documents_without_page_spans_have_no_page():
    doc = ParsedDocument(origin="a.txt", text="plain", content_hash="0", media_type="text/plain")
    assert page_of(doc, 2) is None and spans_for(doc, 0, 3) == [] and page_ranges([]) == []


def test_offset_between_lines_belongs_to_the_line_before():
    doc = ParsedDocument(origin="a.pdf", text="one two\n\nthree", content_hash="0",
                         media_type="application/pdf",
                         pages=[PageSpan(1, 0, 3, (1, 1, 9, 9)), PageSpan(1, 4, 7, (1, 11, 9, 19)),
                                PageSpan(2, 9, 14, (1, 1, 9, 9))])
    assert [page_of(doc, n) for n in (0, 3, 8, 9, 13)] == [1, 1, 1, 2, 2]
    assert spans_for(doc, 2, 5) == doc.pages[:2]
    assert spans_for(doc, 7, 9) == [] and spans_for(doc, 10, 10) == doc.pages[2:]
