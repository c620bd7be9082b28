import pytest

from pipeline.errors import InputError
from pipeline.parse import parse, parse_file
from pipeline.parse.pdf_layout import join_words
from pipeline.parse.pdf_paragraphs import join_line
from pipeline.parse.pdf_spans import page_ranges
from pipeline.records import RawDocument
from tests import pdf_builders


def parse_pdf_bytes(data: bytes, media_type: str | None = "application/pdf"):
    return parse(RawDocument(origin="report.pdf", content=data, media_type=media_type))


@pytest.fixture(scope="module")
def report():
    return parse_pdf_bytes(pdf_builders.two_column_report())


def test_columns_are_read_left_then_right(report):
    text = report.text
    assert text.index("renamed in 2018.") < text.index("The right column begins here")
    assert "review economic information gathered" in text
    # Plain extraction interleaves the columns line by line; we must not.
    assert "for Financial The right column" not in text


def test_running_header_footer_and_page_numbers_are_removed(report):
    assert "Quarterly Review of Party Institutions" not in report.text
    assert "Page 1" not in report.text and "Page 2" not in report.text


def test_hyphenated_line_break_is_joined(report):
    assert "information" in report.text and "infor-" not in report.text


def test_paragraphs_are_separated_by_blank_lines(report):
    assert "by the general office.\n\nA second paragraph" in report.text
    assert "coordinates policy across ministries." in report.text  # lines inside a paragraph


def test_pull_quote_is_dropped_but_heading_kept(report):
    assert report.text.count("several times a year") == 1
    assert report.text.startswith("Financial Policy Review\n\n")
    assert report.title == "Financial Policy Review"


def test_footnote_follows_the_body_of_its_page(report):
    first, second = page_ranges(report.pages)
    page_one = report.text[first.start:first.end]
    assert page_one.endswith("\n\n1 Our own summary of a State Council notice, 2018.")
    assert page_one.index("on every decision the members take.") < page_one.index("Our own summary")


def test_raised_note_mark_is_not_glued_to_the_year(report):
    assert "renamed in 2018.\n\n" in report.text


def test_page_spans_cover_each_page(report):
    first, second = page_ranges(report.pages)
    assert (first.page, second.page) == (1, 2)
    assert first.start == 0 and first.end <= second.start and second.end == len(report.text)
    page_two = report.text[second.start:second.end]
    assert page_two.startswith("On the second page") and page_two.endswith("outlook for 2024.")
    assert report.media_type == "application/pdf" and report.lang == "en"


def test_single_column_page_keeps_line_order():
    lines = ["Leading small groups coordinate work across", "ministries and report to the Politburo.",
             "They are chaired by senior leaders."]
    doc = parse_pdf_bytes(pdf_builders.single_column(lines))
    assert doc.text == " ".join(lines)


def test_three_columns_are_read_in_order():
    columns = [["First column opens the story", "about the commission and its", "first meeting."],
               ["Second column names the", "chairman and two deputy", "chairmen of the body."],
               ["Third column ends with the", "date of the next meeting", "of the commission."]]
    doc = parse_pdf_bytes(pdf_builders.three_columns(columns))
    assert doc.text == ("Commission holds its first plenary meeting in Beijing\n\n"
                        + "\n\n".join(" ".join(column) for column in columns))


def test_roster_table_is_read_row_by_row():
    rows = [("Leader", "Wang Ming, Vice Premier"), ("Deputy leader", "Li Hua, State Councillor"),
            ("Deputy leader", "Zhang Qiang, Minister of Finance")]
    rows += [("Member", f"Member number {n} of the group, vice minister") for n in range(1, 9)]
    doc = parse_pdf_bytes(pdf_builders.table_page(rows))
    lines = doc.text.splitlines()
    assert lines[:3] == ["| Leader | Wang Ming, Vice Premier |",
                         "| Deputy leader | Li Hua, State Councillor |",
                         "| Deputy leader | Zhang Qiang, Minister of Finance |"]


@pytest.mark.parametrize("metadata_title, expected", [
    ("Leading Groups Under Xi", "Leading Groups Under Xi"),
    ("Microsoft Word - draft3.docx", "First line of the report"),
    (None, "First line of the report"),
])
def test_title_from_metadata_unless_it_is_a_file_name(metadata_title, expected):
    data = pdf_builders.single_column(["First line of the report", "", "Body text."],
                                      title=metadata_title)
    assert parse_pdf_bytes(data).title == expected


def test_pdf_is_recognised_by_its_bytes_whatever_the_declared_type(tmp_path):
    path = tmp_path / "mislabelled.txt"
    path.write_bytes(pdf_builders.single_column(["A report served as plain text."]))
    doc = parse_file(path)
    assert doc.media_type == "application/pdf" and doc.text == "A report served as plain text."


@pytest.mark.parametrize("data, reason", [
    (b"%PDF-1.4\n1 0 obj garbage", "corrupt PDF: "),
    (b"this is not a pdf at all", "corrupt PDF: no PDF header"),
])
def test_corrupt_pdf(data, reason):
    with pytest.raises(InputError) as err:
        parse_pdf_bytes(data)
    assert err.value.reason.startswith(reason)


def test_truncated_pdf_is_corrupt():
    data = pdf_builders.two_column_report()
    with pytest.raises(InputError, match="corrupt PDF"):
        parse_pdf_bytes(data[: len(data) // 2])


def test_encrypted_pdf():
    with pytest.raises(InputError) as err:
        parse_pdf_bytes(pdf_builders.encrypted())
    assert err.value.reason == "encrypted PDF"


def test_image_only_pdf_is_a_scan():
    with pytest.raises(InputError) as err:
        parse_pdf_bytes(pdf_builders.image_only())
    assert err.value.reason == "scanned PDF: no text layer"


def test_glyph_ids_without_unicode_map_are_garbled():
    with pytest.raises(InputError) as err:
        parse_pdf_bytes(pdf_builders.unmapped_glyphs())
    assert err.value.reason == "garbled text layer"


def test_chinese_read_as_latin1_is_garbled():
    # GBK bytes of a Chinese notice shown through a Latin-1 font: classic mojibake.
    lines = ["国务院办公厅关于成立领导小组的通知".encode("gbk").decode("latin-1"),
             "组长由副总理担任成员包括各部委负责同志".encode("gbk").decode("latin-1")]
    with pytest.raises(InputError) as err:
        parse_pdf_bytes(pdf_builders.single_column(lines))
    assert err.value.reason == "garbled text layer"


def test_accented_english_is_not_garbled():
    lines = ["The café in Zürich hosted a séance for naïve délégués from Genève."] * 3
    assert "café in Zürich" in parse_pdf_bytes(pdf_builders.single_column(lines)).text


@pytest.mark.parametrize("before, after, joined", [
    ("economic infor-", "mation", "economic information"),
    ("the Sino-", "American talks", "the Sino-American talks"),
    ("from 1980-", "2012", "from 1980-2012"),
    ("国务院副总理担任", "组长，成员包括", "国务院副总理担任组长，成员包括"),
    ("headed by", "Xi Jinping", "headed by Xi Jinping"),
])
def test_line_joining(before, after, joined):
    assert join_line(before, after) == joined


def test_letter_spaced_hanzi_are_not_split():
    words = [{"text": t, "x0": x} for t, x in [("领导", 0), ("小组", 30), ("组长", 60), ("Wang", 90)]]
    assert join_words(words) == "领导小组组长 Wang"


def test_chinese_lines_join_without_spaces():
    data = pdf_builders.chinese_paragraphs([
        ["国务院决定成立全国普查工作领导小组，由国务院副总理担", "任组长，国家统计局局长担任副组长。"],
        ["领导小组办公室设在国家统计局。"],
    ])
    doc = parse_pdf_bytes(data)
    assert doc.text == ("国务院决定成立全国普查工作领导小组，由国务院副总理担任组长，国家统计局局长担任副组长。"
                        "\n\n领导小组办公室设在国家统计局。")
    assert doc.lang == "zh"


BODY = ("The leading small group coordinates the work of many ministries, reviews reports from "
        "the provinces and sets the agenda for the coming year under the guidance of the Politburo.")


def test_body_line_near_the_top_of_a_page_keeps_all_its_words():
    # The running head "The Party and the State, 2014" shares words with the heading; the
    # heading sits inside the top tenth of page 2, where running heads are looked for.
    pages = [[[BODY, BODY]], [["4. Out of the shadows, 2014"], [BODY, BODY]], [[BODY, BODY]]]
    doc = parse_pdf_bytes(pdf_builders.justified_report(pages, top=62))
    assert "4. Out of the shadows, 2014" in doc.text.splitlines()
    assert "The Party and the State" not in doc.text


def test_running_head_of_a_one_page_report_is_dropped():
    doc = parse_pdf_bytes(pdf_builders.justified_report([[[BODY, BODY]]], title="Leading groups"))
    assert doc.text.startswith("Leading groups\n\n") and "The Party and the State" not in doc.text


def test_title_that_the_body_repeats_is_not_a_pull_quote():
    title = "The leading small group coordinates the work of many ministries"
    doc = parse_pdf_bytes(pdf_builders.justified_report([[[BODY, BODY]]], title=title))
    assert doc.text.startswith(title + "\n\n") and doc.title == title
