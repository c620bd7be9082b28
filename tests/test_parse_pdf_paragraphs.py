"""Paragraphs, deliberate line breaks, table rows and line joins (pipeline.parse.pdf_paragraphs)
on PDFs typeset the way reports are: justified columns that fpdf2 wraps itself."""
import pytest

from pipeline.parse.pdf_paragraphs import join_line
from tests import pdf_builders
from tests.test_parse_pdf_layout import PROSE, ROSTER, parse_pdf


def test_roster_lines_in_justified_columns_stay_lines():
    doc = parse_pdf(pdf_builders.justified_report([[[PROSE, PROSE], ROSTER, [PROSE]]]))
    assert "\n".join(ROSTER) in doc.text
    # Lines wrapped by the typesetter are joined again, mid-sentence breaks and all.
    assert doc.text.count(PROSE) == 3


def test_line_ending_short_of_a_justified_column_ends_there():
    items = ["- Director", "- Hu Jintao, then General Secretary of the Party and President of the "
             "People's Republic, who chaired the group's meetings", "- Deputy directors"]
    doc = parse_pdf(pdf_builders.justified_report([[[PROSE, PROSE], items, [PROSE, PROSE]]]))
    assert "\n".join(items) in doc.text


@pytest.mark.parametrize("before, after, joined", [
    ("《国务院关于开展普查的通知》(国发〔2012", "〕60号),决定成立", "《国务院关于开展普查的通知》(国发〔2012〕60号),决定成立"),
    ("于2013年4月29日成立领导小组,任期至2018", "年。", "于2013年4月29日成立领导小组,任期至2018年。"),
    ("领导小组由国务院副总理担任组长", "(兼)", "领导小组由国务院副总理担任组长(兼)"),
    ("领导小组于20", "18年8月成立", "领导小组于2018年8月成立"),
    ("the commission (Chinese:", "中央国家安全委员会)", "the commission (Chinese: 中央国家安全委员会)"),
    ("established in", "2013 by the Committee", "established in 2013 by the Committee"),
])
def test_lines_join_without_spaces_in_chinese_text(before, after, joined):
    assert join_line(before, after) == joined


def test_full_width_table_between_columns_keeps_rows_and_column_order():
    rows = [("Leader", "Wang Ming, Vice Premier"), ("Deputy leaders", "Li Hua, State Councillor; "
             "Zhang Qiang, Minister of Finance; Zhao Wei, Deputy Secretary-General of the State "
             "Council; Chen Jing, Governor of the People's Bank"), ("Office director", "Liu Yang")]
    before = [[PROSE, PROSE]]
    after = [["Second section opens here. " + PROSE, PROSE, PROSE]]
    doc = parse_pdf(pdf_builders.table_between_columns(before, rows, after))
    table = [line for line in doc.text.splitlines() if line.startswith("|")]
    assert table[0] == "| Leader | Wang Ming, Vice Premier |"
    assert table[1].startswith("| Deputy leaders | Li Hua, State Councillor;")
    assert table[1].endswith("Chen Jing, Governor of the People's Bank |")  # wrapped cell
    assert table[2] == "| Office director | Liu Yang |" and len(table) == 3
    # The table crosses the gutter of the columns below it; they are still read in order.
    assert doc.text.index(table[2]) < doc.text.index("Second section opens here.")
    assert doc.text.count(PROSE) == 5


def test_hanzi_quoted_in_english_text_keep_the_space_at_a_line_break():
    joined = join_line("the plan for deepening reform 深化党和国家机构改革方案", "(hereinafter the plan)")
    assert joined == "the plan for deepening reform 深化党和国家机构改革方案 (hereinafter the plan)"
