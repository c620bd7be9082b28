"""Lines and column gutters (pipeline.parse.pdf_layout) on PDFs typeset the way reports are."""
from pipeline.parse import parse
from pipeline.parse.pdf_layout import join_words
from pipeline.parse.pdf_spans import page_ranges
from pipeline.records import RawDocument
from tests import pdf_builders

PROSE = ("The leading small group coordinates the work of many ministries, reviews reports from "
         "the provinces and sets the agenda for the coming year under the guidance of the "
         "Politburo, which appoints its leader.")
ROSTER = ["Leader: Wang Ming", "Deputy leader: Li Hua", "Members: Zhao Wei, Chen Jing, Liu Yang"]


def parse_pdf(data: bytes):
    return parse(RawDocument(origin="report.pdf", content=data, media_type="application/pdf"))


def test_gutter_is_found_beside_a_column_of_short_roster_lines():
    # Most lines of the left column stop far short of the gutter; a plain median of line
    # ends took it for the label column of a table and read across both columns.
    roster = ROSTER + [f"Member: official number {n}" for n in range(1, 12)]
    doc = parse_pdf(pdf_builders.justified_report([[[PROSE], roster, [PROSE] * 4]]))
    assert "\n".join(roster) in doc.text and "|" not in doc.text
    assert doc.text.index(PROSE) < doc.text.index(roster[-1]) < doc.text.rindex(PROSE)


def test_a_real_space_between_hanzi_is_kept():
    def word(text, x0, x1):
        return {"text": text, "x0": x0, "x1": x1, "size": 10.0}

    # "组长：王明 国务院副总理": name and title apart; "肖" "捷" letter-spaced closer together.
    assert join_words([word("组长：王明", 50, 100), word("国务院副总理", 103, 163)]) == "组长：王明 国务院副总理"
    assert join_words([word("肖", 50, 60), word("捷", 61.5, 71.5)]) == "肖捷"


def test_short_last_page_is_read_with_the_columns_of_the_other_pages():
    closing = [["The group met again in May."], ["Its office drafted the plan."],
               ["The leader approved it in June."], ["Members were told in July."]]
    full = [[PROSE, PROSE, PROSE]] * 3
    doc = parse_pdf(pdf_builders.justified_report([full, full, closing]))
    last_page = page_ranges(doc.pages)[-1]
    last = doc.text[last_page.start:last_page.end]
    assert last.split("\n\n") == [block[0] for block in closing]
