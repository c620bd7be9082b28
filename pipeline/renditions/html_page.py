"""A plain text rendered as the web page a news site or a government portal would serve.

The page carries the furniture real pages have (navigation, banner ad, related links, footer),
a <meta> publication date, and the article itself: blank-line blocks become paragraphs, lines
stay lines (rosters and bullet lists must survive), "|"-separated lines become a table.
Chinese pages use the legacy codecs real sites still serve: simplified text in GB18030 bytes
labelled gb2312 or gbk, traditional text in Big5 bytes labelled big5.
"""
from __future__ import annotations

import html
import re
import zlib
from dataclasses import dataclass, field

import opencc

from pipeline.parse.dates import find_published
from pipeline.renditions.blocks import text_blocks

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_TABLE_RULE = re.compile(r"^[\s|:-]*-{3}[\s|:-]*$")
_S2T = opencc.OpenCC("s2t")


@dataclass
class Page:
    body: bytes
    content_type: str  # the HTTP header, sometimes without a charset, as real servers send
    declared: str  # the charset the page declares in <meta>
    codec: str  # the codec its bytes are really in
    notes: list[str] = field(default_factory=list)


def render_page(doc_id: str, text: str) -> Page:
    """`text` as an HTML page; the choices vary with `doc_id` but are repeatable."""
    variant = zlib.crc32(doc_id.encode())
    chinese = len(_CJK.findall(text)) > len(re.findall(r"[A-Za-z]+", text))
    declared, codec = _charset(text, chinese, variant)
    if chinese:
        text = _chinese_typesetting(text)
    markup = _markup(text, chinese, variant, declared)
    notes = []
    try:
        body = markup.encode(codec)
    except UnicodeEncodeError as exc:
        fallback = "gb18030" if chinese else "utf-8"
        notes.append(f"{doc_id}: {exc.object[exc.start]!r} is not in {codec}; page served as "
                     f"{fallback}")
        declared, codec = fallback, fallback
        body = _markup(text, chinese, variant, declared).encode(codec)
    content_type = "text/html" if variant % 3 == 0 else f"text/html; charset={declared}"
    return Page(body, content_type, declared, codec, notes)


def _chinese_typesetting(text: str) -> str:
    """How Chinese sites type text: paragraphs indented by two ideographic spaces, and
    ideographic spaces wherever a space stands between hanzi ("组　长：", "肖　捷")."""
    lines = []
    for line in text.splitlines():
        line = re.sub(r"(?<=[\u3400-\u9fff]) (?=[\u3400-\u9fff])", "\u3000", line)
        lines.append("\u3000\u3000" + line if len(line) > 40 and "|" not in line else line)
    return "\n".join(lines)


def _charset(text: str, chinese: bool, variant: int) -> tuple[str, str]:
    if chinese:
        if _simplified_share(text) < 0.03:  # converting to traditional changes next to nothing
            return "big5", "big5hkscs"
        return ("gb2312" if variant % 2 else "gbk"), "gb18030"
    try:
        text.encode("cp1252")
        return ("windows-1252", "cp1252") if variant % 2 else ("utf-8", "utf-8")
    except UnicodeEncodeError:
        return "utf-8", "utf-8"


def _simplified_share(text: str) -> float:
    """Share of hanzi that change when the text is converted to traditional characters."""
    hanzi = _CJK.findall(text)
    converted = _CJK.findall(_S2T.convert(text))
    changed = sum(1 for a, b in zip(hanzi, converted) if a != b)
    return changed / len(hanzi) if hanzi else 0.0


def _markup(text: str, chinese: bool, variant: int, charset: str) -> str:
    lines = text.strip().splitlines()
    title = lines[0].strip() if lines else ""
    published = find_published(text)
    site = _SITE_EN
    if chinese:
        traditional = charset == "big5"
        site = {k: _S2T.convert(v) if traditional and isinstance(v, str) else v
                for k, v in _SITE_ZH.items()}
        if traditional:
            site["nav"] = [_S2T.convert(v) for v in site["nav"]]
            site["related"] = [_S2T.convert(v) for v in site["related"]]
    meta_date = (f'<meta name="PubDate" content="{published}">\n'
                 f'<meta property="article:published_time" content="{published}">\n'
                 if published else "")
    head = (f'<!DOCTYPE html>\n<html lang="{"zh" if chinese else "en"}"><head>\n'
            f'<meta charset="{charset}">\n' if variant % 2 else
            f'<!DOCTYPE html>\n<html><head>\n<meta http-equiv="Content-Type" '
            f'content="text/html; charset={charset}">\n')
    head += (f"<title>{html.escape(title)} - {site['name']}</title>\n{meta_date}"
             f'<meta name="keywords" content="{site["keywords"]}">\n'
             f'<link rel="stylesheet" href="/static/site.css">\n'
             "<script>var _hmt = _hmt || []; (function(){ /* analytics */ })();</script>\n"
             "</head>\n")
    nav = "".join(f'<li><a href="/{n}/">{html.escape(label)}</a></li>'
                  for n, label in enumerate(site["nav"]))
    related = "".join(f'<li><a href="/news/{variant % 97 + n}.html">{html.escape(t)}</a></li>'
                      for n, t in enumerate(site["related"]))
    byline = f'<span class="date">{published}</span> ' if published else ""
    return (head + "<body>\n"
            f'<div class="top"><a href="/"><img src="/logo.png" alt="{site["name"]}"></a>'
            f'<ul class="nav">{nav}</ul><form action="/search"><input name="q"></form></div>\n'
            f'<div class="banner-ad"><a href="/ad/1"><img src="/ad.gif" alt="ad"></a>'
            f'{html.escape(site["ad"])}</div>\n'
            f'<div class="crumbs"><a href="/">{site["home"]}</a> &gt; <a href="/news/">'
            f'{site["section"]}</a></div>\n'
            f'<div class="info">{byline}<span class="source">{site["source"]}</span></div>\n'
            f'<article class="main">\n<h1>{html.escape(title)}</h1>\n'
            f'<div class="content">\n{article_body(lines[1:], variant)}\n</div>\n</article>\n'
            f'<div class="share">{site["share"]}</div>\n'
            f'<aside class="related"><h3>{site["related_title"]}</h3><ul>{related}</ul></aside>\n'
            f'<footer><p>{site["footer"]}</p><p><a href="/about">{site["about"]}</a> | '
            f'<a href="/contact">{site["contact"]}</a></p></footer>\n</body></html>\n')


def article_body(lines: list[str], variant: int) -> str:
    """Blank-line blocks as paragraphs; each line kept (<br> or a <p> per line); tables."""
    parts = []
    for block in text_blocks(lines):
        for is_table, run in _runs(block):
            if is_table:
                parts.append(_table(run))
            elif len(run) == 1 or variant % 2:
                parts.extend(f"<p>{html.escape(line)}</p>" for line in run)
            else:
                parts.append("<p>" + "<br>\n".join(html.escape(line) for line in run) + "</p>")
    return "\n".join(parts)


def _runs(block: list[str]) -> list[tuple[bool, list[str]]]:
    """Consecutive table lines (cells separated by "|") and other lines, in order."""
    runs: list[tuple[bool, list[str]]] = []
    for line in block:
        is_table = "|" in line
        if runs and runs[-1][0] == is_table:
            runs[-1][1].append(line)
        else:
            runs.append((is_table, [line]))
    return runs


def _table(rows: list[str]) -> str:
    out = []
    for row in rows:
        if _TABLE_RULE.match(row):
            continue  # the rule under a header row is how text dumps draw tables, not content
        cells = [c.strip() for c in row.split("|")]
        if cells and not cells[-1]:
            cells.pop()  # a closing "|" ends the row, it does not open a cell
        out.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells) + "</tr>")
    return "<table>\n" + "\n".join(out) + "\n</table>"


_SITE_EN = {"name": "The Daily Observer", "keywords": "China, politics, leadership",
            "nav": ["Home", "World", "China", "Business", "Opinion", "Sport", "Sign in"],
            "ad": "Subscribe today: first month free", "home": "Home", "section": "China",
            "source": "Staff reporter", "share": "Share this article: Facebook Twitter Email",
            "related_title": "Most read",
            "related": ["Markets rally after rate decision", "Storm warning for the coast",
                        "Ten recipes for the weekend"],
            "footer": "Copyright The Daily Observer. All rights reserved.",
            "about": "About us", "contact": "Contact"}
_SITE_ZH = {"name": "新闻网", "keywords": "领导小组,通知,新闻",
            "nav": ["首页", "要闻", "政务公开", "政策解读", "互动交流", "专题", "English"],
            "ad": "欢迎订阅本网新闻客户端", "home": "首页", "section": "要闻",
            "source": "来源：本网", "share": "分享到：微信 微博 QQ空间",
            "related_title": "相关新闻",
            "related": ["全省春季农业生产工作会议召开", "我市举行防汛应急演练", "秋季招生工作启动"],
            "footer": "版权所有：新闻网　备案号：京ICP备00000000号",
            "about": "关于我们", "contact": "联系我们"}
