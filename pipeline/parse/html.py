"""HTML pages: decode with the right charset, keep the main text (tables and lists included).

Charset order: byte-order mark, the HTTP header, <meta charset> / <meta http-equiv>, then
detection. Labels are widened to their supersets (GB2312/GBK -> GB18030, Big5 -> Big5-HKSCS)
because pages labelled with the narrow name use the wider repertoire all the time.
"""
from __future__ import annotations

import re
from functools import lru_cache

import lxml.html
import trafilatura
from trafilatura.settings import use_config
from trafilatura.xml import xmltotxt

from pipeline.errors import InputError
from pipeline.parse.language import detect_language
from pipeline.parse.dates import find_published
from pipeline.parse.encoding import DecodeError, charset_warning, codec_for, decode
from pipeline.parse.text import normalise_newlines
from pipeline.records import ParsedDocument, RawDocument

_META_CHARSET = re.compile(rb"<meta[^>]+?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_BLOCK_TAGS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table",
               "ul", "ol", "section", "article", "header", "footer", "blockquote", "pre", "dd", "dt"}
_DROP_TAGS = ("script", "style", "noscript", "template", "head")
MIN_MAIN_TEXT_CHARS = 10
_METADATA_DATES_ONLY = {"extensive_search": False, "original_date": True}


def parse_html(raw: RawDocument) -> ParsedDocument:
    declared = raw.charset if codec_for(raw.charset) else meta_charset(raw.content)
    try:
        html, encoding = decode(raw.content, declared)
    except DecodeError as exc:
        raise InputError(raw.origin, exc.reason) from None
    html = _drop_xml_declaration(html)
    # Only dates the page states as metadata: an extensive search takes dates from the prose
    # ("set up in June 1999") and turns a bare year into 1 January.
    extracted = trafilatura.bare_extraction(html, include_tables=True, include_comments=False,
                                            with_metadata=True, output_format="python",
                                            date_extraction_params=_METADATA_DATES_ONLY,
                                            config=_trafilatura_config())
    text = main_text(extracted) if extracted is not None else ""
    warnings = charset_warning(declared, encoding)
    if not text:
        text = fallback_text(html)
        warnings.append("main-text extraction found nothing; used the whole page text")
    text = normalise_newlines(text)
    if not text.strip():
        raise InputError(raw.origin, "empty document")
    title = (extracted.title if extracted is not None else None) or _page_title(html)
    date = extracted.date if extracted is not None else None
    return ParsedDocument(origin=raw.origin, text=text, content_hash=raw.content_hash,
                          media_type="text/html", title=title, lang=detect_language(text),
                          published=date or find_published(text), encoding=encoding,
                          warnings=warnings)


def main_text(extracted) -> str:
    """The main text with the page's blocks (paragraphs, headings, lists, tables) a blank
    line apart, as in plain-text documents; a <br> inside a block stays a line break.
    Trafilatura's own text puts every block on the next line, which merges paragraphs."""
    body = getattr(extracted, "body", None)
    if body is None or not len(body):
        return (extracted.text or "").strip()
    blocks = (xmltotxt(block, include_formatting=False) for block in body)
    blocks = ("\n".join(line.rstrip() for line in block.strip().splitlines()) for block in blocks)
    return "\n\n".join(block for block in blocks if block)


@lru_cache(maxsize=1)
def _trafilatura_config():
    """Trust the main-text extraction of short pages too: a bare roster notice is a few
    dozen characters, and below the default 250 trafilatura falls back to the whole page
    (navigation and all) with table cells torn out of their rows."""
    config = use_config()
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", str(MIN_MAIN_TEXT_CHARS))
    return config


def meta_charset(content: bytes) -> str | None:
    match = _META_CHARSET.search(content[:4096])
    return match[1].decode("ascii").lower() if match else None


def fallback_text(html: str) -> str:
    """All visible text of the page, one line per block element."""
    try:
        root = lxml.html.document_fromstring(html)
    except Exception:  # lxml raises several unrelated types on hopeless markup
        return ""
    for element in root.iter(*_DROP_TAGS):
        element.drop_tree()
    for element in root.iter():
        if isinstance(element.tag, str) and element.tag in _BLOCK_TAGS:
            element.tail = "\n" + (element.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n".join(line for line in lines if line)


def _page_title(html: str) -> str | None:
    match = re.search(r"<title[^>]*>(.*?)</title>", html, re.IGNORECASE | re.DOTALL)
    return " ".join(match[1].split()) or None if match else None


def _drop_xml_declaration(html: str) -> str:
    # lxml refuses str input that still carries an encoding declaration.
    return re.sub(r"^\s*<\?xml[^>]*\?>", "", html)
