import io
import re

import pdfplumber
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.fetch import fetch_url
from pipeline.parse import parse
from pipeline.records import RawDocument
from pipeline.renditions import pdf_report, rendition
from pipeline.renditions.feed import FeedItem, atom, item_links, rss
from pipeline.renditions.html_page import render_page
from pipeline.renditions.server import PageServer

SIMPLIFIED = ("关于成立全省普查工作领导小组的通知\n2019年3月15日\n\n"
              "为加强对全省普查工作的组织领导，经省政府同意，决定成立全省普查工作领导小组。"
              "现将领导小组组成人员名单通知如下：\n\n"
              "组 长：王明 省政府副省长\n副组长：李华 省政府副秘书长\n成 员：赵伟 省统计局局长\n"
              "陈静 省财政厅副厅长\n\n领导小组办公室设在省统计局，赵伟兼任办公室主任。\n")
TRADITIONAL = ("港澳工作領導小組調整組成人員\n\n"
               "據報道，中央港澳工作領導小組近日調整組成人員，由國務院副總理擔任組長，"
               "兩名國務委員擔任副組長。\n\n組長：王明\n副組長：李華、張強\n"
               "領導小組辦公室設在國務院港澳事務辦公室，負責日常工作。\n")
ENGLISH = ("Leading group on rural reform meets in Beijing\n\n"
           + "\n\n".join(f"Paragraph {n} says that the leading small group coordinates the work "
                         "of many ministries, reviews reports from the provinces and sets the "
                         "agenda for the coming year under the guidance of the Politburo."
                         for n in range(1, 9))
           + "\n\nLeader: Wang Ming\nDeputy leader: Li Hua\nMember: Zhao Wei\n")
needs_cjk_font = pytest.mark.skipif(
    not pdf_report.CJK_FONT.exists(),
    reason=f"no CJK font: apt-get install {pdf_report.CJK_FONT_PACKAGE}")


def squeeze(text: str) -> str:
    return re.sub(r"[\s|\u3000]+", "", text)


def parse_page(page, charset: str | None = None):
    return parse(RawDocument(origin="news/001.html", content=page.body, media_type="text/html",
                             charset=charset))


def test_simplified_page_is_gb18030_labelled_gb2312_or_gbk_and_round_trips():
    page = render_page("zh-101", SIMPLIFIED)
    assert page.codec == "gb18030" and page.declared in ("gb2312", "gbk")
    assert re.search(rb'charset="?' + page.declared.encode(), page.body)
    doc = parse_page(page)
    assert doc.encoding == "gb18030" and squeeze(doc.text) == squeeze(SIMPLIFIED)
    assert "组　长：王明　省政府副省长" in doc.text.replace(" ", "　")  # lines stay lines
    assert doc.published == "2019-03-15"


def test_traditional_page_is_big5_and_round_trips_without_an_http_charset():
    page = render_page("zh-102", TRADITIONAL)
    assert page.declared == "big5" and page.codec.startswith("big5") and not page.notes
    doc = parse_page(page)  # no charset from the transport: the <meta> or detection decides
    assert doc.encoding.startswith("big5") and squeeze(doc.text) == squeeze(TRADITIONAL)
    assert "副組長：李華、張強" in doc.text.splitlines()


def test_character_missing_from_big5_falls_back_to_gb18030_and_says_so():
    page = render_page("zh-103", TRADITIONAL.replace("王明", "王明☃"))
    assert page.codec == "gb18030" and page.notes and "big5" in page.notes[0]
    assert "王明☃" in parse_page(page).text


def test_english_page_keeps_lines_and_tables():
    text = "Commission roster\n\nChair | Wang Ming |\nDeputy | Li Hua |\n\nIt met on Friday.\n"
    doc = parse_page(render_page("en-101", text))
    assert "| Chair | Wang Ming |" in doc.text and "It met on Friday." in doc.text
    assert "Subscribe today" not in doc.text and "Most read" not in doc.text


def test_pages_are_served_with_their_content_type(tmp_path):
    (tmp_path / "zh-102.txt").write_text(TRADITIONAL, "utf-8")
    with rendition("html", tmp_path, ["zh-102"], tmp_path) as rendered:
        url, = rendered.inputs
        raw = fetch_url(url)
    assert url.endswith("/zh-102.html") and raw.media_type == "text/html"
    assert squeeze(parse(raw).text) == squeeze(TRADITIONAL)


@pytest.mark.parametrize("build", [rss, atom])
def test_feed_lists_the_pages(build):
    with PageServer({}) as server:
        items = [FeedItem(server.url(f"/news/{n}.html"), f"Title {n}", "2021-06-03", "summary")
                 for n in ("en-101", "zh-102")]
        server.routes["/feed.xml"] = (build(items, server.url("/")), "application/xml")
        assert item_links(server.url("/feed.xml")) == [item.url for item in items]


def test_feed_rendition_points_at_the_pages(tmp_path):
    (tmp_path / "en-101.txt").write_text(ENGLISH, "utf-8")
    with rendition("feed", tmp_path, ["en-101"], tmp_path) as rendered:
        assert rendered.inputs == [rendered.feed_url]
        link, = item_links(rendered.feed_url)
        assert link.endswith("/en-101.html") and "Paragraph 3" in parse(fetch_url(link)).text


def _pdf_words(data: bytes) -> list[dict]:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return pdf.pages[0].extract_words()


def test_pdf_report_has_two_columns_and_reads_back_in_order():
    data = pdf_report.render_report(ENGLISH)
    words = _pdf_words(data)
    middle = 595 / 2
    assert any(w["x1"] < middle for w in words) and any(w["x0"] > middle for w in words)
    doc = parse(RawDocument(origin="en-101.pdf", content=data, media_type="application/pdf"))
    positions = [doc.text.index(f"Paragraph {n} says") for n in range(1, 9)]
    assert positions == sorted(positions)
    assert "Leader: Wang Ming\nDeputy leader: Li Hua\nMember: Zhao Wei" in doc.text
    assert "Sources: official announcements" in doc.text.split("\n\n")[-1]  # the footnote last
    assert squeeze(doc.text).startswith(squeeze(ENGLISH.split("\n")[0]))


@needs_cjk_font
def test_chinese_pdf_report_reads_back_without_spaces_between_hanzi():
    data = pdf_report.render_report(SIMPLIFIED * 3)
    doc = parse(RawDocument(origin="zh-101.pdf", content=data, media_type="application/pdf"))
    assert doc.lang == "zh"
    assert "决定成立全省普查工作领导小组。现将领导小组组成人员名单通知如下：" in doc.text
    assert "副组长：李华 省政府副秘书长" in doc.text.splitlines()


def test_missing_cjk_font_names_the_package(monkeypatch, tmp_path):
    monkeypatch.setattr(pdf_report, "CJK_FONT", tmp_path / "absent.ttc")
    with pytest.raises(pdf_report.FontMissing, match=pdf_report.CJK_FONT_PACKAGE):
        pdf_report.render_report(SIMPLIFIED)
    (tmp_path / "zh-101.txt").write_text(SIMPLIFIED, "utf-8")
    (tmp_path / "zh-101.gold.json").write_text('{"doc_id": "zh-101", "lang": "zh"}', "utf-8")
    result = CliRunner().invoke(app, ["evaluate", "--gold", str(tmp_path), "--via", "pdf"])
    assert result.exit_code == 2 and pdf_report.CJK_FONT_PACKAGE in result.output


def test_unknown_via_is_refused(tmp_path):
    result = CliRunner().invoke(app, ["evaluate", "--gold", str(tmp_path), "--via", "fax"])
    assert result.exit_code == 2 and "fax" in result.output


@pytest.mark.parametrize("build", [rss, atom])
def test_ingest_expands_the_feed_into_its_pages(tmp_path, build):
    from pipeline.ingest import ingest

    for doc_id, text in (("en-101", ENGLISH), ("zh-102", TRADITIONAL)):
        (tmp_path / f"{doc_id}.txt").write_text(text, "utf-8")
    with rendition("feed", tmp_path, ["en-101", "zh-102"], tmp_path) as rendered:
        if build is atom:  # the same pages listed by an Atom feed instead of RSS 2.0
            links = item_links(rendered.feed_url)
            feed = atom([FeedItem(url, "t", None, "s") for url in links], rendered.feed_url)
            rendered.server.routes["/feed.xml"] = (feed, "application/atom+xml")
        seen: list = []
        ingest([rendered.feed_url], None,
               save_step=lambda docs, store, source, progress: seen.extend(docs) or [])
    assert [doc.origin.rsplit("/", 1)[-1] for doc in seen] == ["en-101.html", "zh-102.html"]
    assert squeeze(seen[1].text) == squeeze(TRADITIONAL)
