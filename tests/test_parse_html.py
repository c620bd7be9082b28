import re

import pytest

from pipeline.errors import InputError
from pipeline.fetch import fetch_url
from pipeline.parse import parse, sniff_media_type
from pipeline.parse.html import fallback_text, meta_charset
from pipeline.records import RawDocument
from tests.http_server import Route

NEWS_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Xi to lead new security commission | Example Daily</title>
<meta property="article:published_time" content="2014-01-24T07:17:00+00:00">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/login">Sign in</a></li></ul></nav>
<div class="cookie">We use cookies to improve your experience. Accept all cookies.</div>
<article>
<h1>Xi to lead new security commission</h1>
<p>BEIJING - President Xi Jinping will chair the Central National Security Commission, the
party announced on Friday, with Premier Li Keqiang and Zhang Dejiang as vice chairmen.</p>
<p>The commission, set up in November 2013, coordinates security work across the party, the
government and the armed forces, according to the announcement.</p>
<ul><li>Chairman: Xi Jinping</li><li>Vice chairman: Li Keqiang</li><li>Vice chairman: Zhang Dejiang</li></ul>
<p>Analysts said the body gives the leader a direct line to every security agency in the
country and strengthens central oversight of domestic and foreign security.</p>
</article>
<aside><h3>Most read</h3><ul><li><a href="/a">Weather turns cold</a></li><li><a href="/b">Markets rally</a></li></ul></aside>
<footer><p>Copyright 2014 Example Daily. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
</body></html>"""

NOTICE_PAGE = """<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>关于成立全省普查工作领导小组的通知</title></head><body>
<div id="nav"><a href="/">首页</a> | <a href="/zwgk">政务公开</a> | <a href="/hdjl">互动交流</a></div>
<div class="article">
<h1>关于成立全省普查工作领导小组的通知</h1>
<p>各市人民政府，省政府各部门：</p>
<p>为加强对全省普查工作的组织领导，经省政府同意，决定成立全省普查工作领导小组。现将领导小组组成人员名单通知如下：</p>
<table>
<tr><td>组　长：</td><td>王明</td><td>省政府副省长</td></tr>
<tr><td>副组长：</td><td>李华</td><td>省政府副秘书长</td></tr>
<tr><td>成　员：</td><td>赵伟</td><td>省统计局局长</td></tr>
<tr><td></td><td>陈静</td><td>省财政厅副厅长</td></tr>
</table>
<p>领导小组办公室设在省统计局，赵伟兼任办公室主任。</p>
<p>2019年3月15日</p>
</div>
<div id="footer">版权所有：某省人民政府办公厅　网站标识码：1234567890</div>
</body></html>"""

BIG5_PAGE = """<html><head><meta http-equiv="content-type" content="text/html; charset=big5">
<title>港澳工作領導小組調整</title></head><body>
<article><h1>港澳工作領導小組調整</h1>
<p>據報道，中央港澳工作領導小組近日調整組成人員，由國務院副總理擔任組長，兩名國務委員擔任副組長。</p>
<p>領導小組辦公室設在國務院港澳事務辦公室，負責日常工作，並定期向領導小組報告香港和澳門的情況。</p>
<p>分析人士認為，這次調整顯示中央進一步加強對港澳工作的統一領導。</p>
</article></body></html>"""


def parse_html_bytes(data: bytes, charset: str | None = None, origin: str = "page.html"):
    return parse(RawDocument(origin=origin, content=data, media_type="text/html", charset=charset))


def test_news_page_main_text_without_boilerplate():
    doc = parse_html_bytes(NEWS_PAGE.encode("utf-8"))
    assert "President Xi Jinping will chair the Central National Security Commission" in doc.text
    assert "strengthens central oversight" in doc.text
    for boilerplate in ("Sign in", "Accept all cookies", "Privacy policy", "Markets rally"):
        assert boilerplate not in doc.text
    assert (doc.media_type, doc.lang, doc.encoding) == ("text/html", "en", "utf-8")
    assert doc.title.startswith("Xi to lead new security commission")
    assert doc.published == "2014-01-24"


def test_list_items_keep_their_own_lines():
    doc = parse_html_bytes(NEWS_PAGE.encode("utf-8"))
    lines = doc.text.splitlines()
    assert any(line.endswith("Chairman: Xi Jinping") for line in lines)
    assert any(line.endswith("Vice chairman: Zhang Dejiang") for line in lines)


def test_gb2312_notice_with_roster_table():
    doc = parse_html_bytes(NOTICE_PAGE.encode("gb2312"))
    assert doc.encoding == "gb18030" and doc.lang == "zh"
    assert "决定成立全省普查工作领导小组" in doc.text
    roster = [line for line in doc.text.splitlines() if "王明" in line or "李华" in line]
    # Main-text extraction folds the ideographic space inside 组　长 into an ordinary one.
    assert len(roster) == 2 and re.search(r"组\s长", roster[0]) and "副组长" in roster[1]
    assert "陈静" in doc.text and "网站标识码" not in doc.text
    assert doc.title == "关于成立全省普查工作领导小组的通知"


def test_gbk_only_characters_on_a_page_labelled_gb2312():
    page = NOTICE_PAGE.replace("王明", "王喆").replace("陈静", "陈镕")  # 喆 and 镕 are not in GB2312
    doc = parse_html_bytes(page.encode("gbk"))
    assert "王喆" in doc.text and "陈镕" in doc.text


def test_big5_page():
    doc = parse_html_bytes(BIG5_PAGE.encode("big5"))
    assert doc.encoding in ("big5hkscs", "cp950")
    assert "中央港澳工作領導小組近日調整組成人員" in doc.text and doc.lang == "zh"


def test_http_charset_wins_over_meta():
    page = NOTICE_PAGE.replace("gb2312", "iso-8859-1")  # the page lies; the server does not
    doc = parse_html_bytes(page.encode("gb18030"), charset="gbk")
    assert "决定成立全省普查工作领导小组" in doc.text and not doc.warnings


def test_a_charset_that_does_not_fit_is_reported():
    doc = parse_html_bytes(NOTICE_PAGE.encode("gb2312"), charset="utf-8")
    assert "决定成立全省普查工作领导小组" in doc.text
    assert doc.warnings == ["declared charset utf-8 does not fit the bytes; read as gb18030"]


def test_missing_charset_is_detected():
    page = BIG5_PAGE.replace("; charset=big5", "")
    doc = parse_html_bytes(page.encode("big5"))
    assert "領導小組辦公室設在國務院港澳事務辦公室" in doc.text


def test_meta_charset_forms():
    assert meta_charset(b'<meta charset="GBK">') == "gbk"
    assert meta_charset(b"<meta http-equiv='Content-Type' content='text/html; charset=Big5'>") == "big5"
    assert meta_charset(b"<html><body>no declaration</body></html>") is None


def test_fallback_text_when_main_text_extraction_finds_nothing():
    page = b"<html><body><div>Leading group roster</div><div>Leader: Wang Ming</div></body></html>"
    doc = parse_html_bytes(page)
    assert "Leader: Wang Ming" in doc.text
    assert fallback_text(page.decode()) == "Leading group roster\nLeader: Wang Ming"


def test_html_served_as_text_plain_is_still_html(http_server):
    http_server.routes["/notice"] = Route(body=NOTICE_PAGE.encode("gb2312"),
                                          content_type="text/plain")
    doc = parse(fetch_url(http_server.url("/notice")))
    assert doc.media_type == "text/html" and "王明" in doc.text


def test_page_without_text_is_empty():
    with pytest.raises(InputError) as err:
        parse_html_bytes(b"<html><head><title></title></head><body><script>var a=1;</script></body></html>")
    assert err.value.reason == "empty document"


@pytest.mark.parametrize("content, declared, expected", [
    (b"<!DOCTYPE html><html><body>x</body></html>", "text/plain", "text/html"),
    (b"<!-- saved page -->\n<html><body>x</body></html>", None, "text/html"),
    (b"%PDF-1.7\n...", "text/html", "application/pdf"),
    (b"The group met. <html> is a tag name.", "text/plain", "text/plain"),
    (b"plain words", "text/html", "text/html"),
])
def test_sniffing_prefers_the_bytes(content, declared, expected):
    assert sniff_media_type(content, declared) == expected


def _page(body: str, head: str = "") -> bytes:
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>Notice</title>{head}</head>"
            "<body><nav><a href='/'>Home</a> <a href='/news'>News</a> <a href='/about'>About</a>"
            f"</nav><article>{body}</article><footer>Copyright Example Portal</footer>"
            "</body></html>").encode("utf-8")


def test_short_roster_page_keeps_its_table_rows_and_drops_the_furniture():
    doc = parse_html_bytes(_page("<h1>Group roster</h1><table><tr><td>Leader</td><td>Wang Ming"
                                 "</td></tr><tr><td>Deputy</td><td>Li Hua</td></tr></table>"))
    assert "| Leader | Wang Ming |" in doc.text and "| Deputy | Li Hua |" in doc.text
    assert "Home" not in doc.text and "Copyright" not in doc.text


def test_publication_date_comes_from_page_metadata_not_from_the_prose():
    prose = ("<p>The commission, created under the reform plan of March 21, 2018, reports to the "
             "Central Committee. Its office sits in the National Audit Office, "
             "and its director also serves as the auditor-general.</p>")
    assert parse_html_bytes(_page(prose)).published is None
    dated = _page(prose, "<meta property='article:published_time' content='2021-06-03T08:00:00'>")
    assert parse_html_bytes(dated).published == "2021-06-03"


def test_paragraphs_stay_a_blank_line_apart_and_br_lines_stay_lines():
    page = _page("<h1>Group adjusted</h1><p>The State Council adjusted the group on Monday, "
                 "the notice said, naming a new leader and two deputies.</p>"
                 "<p>Leader: Wang Ming<br>Deputy leaders: Li Hua, Zhang Qiang</p>"
                 "<ul><li>Office: Ministry of Finance</li><li>Director: Zhao Wei</li></ul>")
    assert parse_html_bytes(page).text == (
        "Group adjusted\n\nThe State Council adjusted the group on Monday, the notice said, "
        "naming a new leader and two deputies.\n\nLeader: Wang Ming\n"
        "Deputy leaders: Li Hua, Zhang Qiang\n\n- Office: Ministry of Finance\n- Director: Zhao Wei")
