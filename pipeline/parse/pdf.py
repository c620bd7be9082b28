"""PDF: layout-aware text with page offsets and word boxes.

Per page: running headers/footers and page numbers are dropped, pull quotes (larger type that
repeats the body) are dropped, footnotes (smaller type at the bottom) follow the page's body
text, two-column pages are read column by column, and hyphenated line breaks are re-joined.
Scanned pages and garbled text layers are refused rather than passed on as junk.
ParsedDocument.pages holds one span per output line with its page and the box of its words
(pipeline.parse.pdf_spans reads them), so a fact's evidence can be shown on the page.
"""
from __future__ import annotations

import io
import re
from collections import Counter
from dataclasses import dataclass, field

import pdfplumber
from pdfminer.pdfdocument import PDFPasswordIncorrect
from pdfplumber.utils.exceptions import PdfminerException

from pipeline.errors import InputError
from pipeline.parse.language import detect_language
from pipeline.parse.dates import find_published
from pipeline.parse.pdf_layout import (Line, Word, body_font_size, find_gutters, fits_gutters,
                                       group_lines, reading_order, usual_gutters)
from pipeline.parse.pdf_paragraphs import LineSpan, laid_out
from pipeline.parse.pdf_spans import shifted
from pipeline.records import PageSpan, ParsedDocument, RawDocument

PAGE_SEPARATOR = "\n\n"
MARGIN = 0.1  # share of the page height where running headers and footers live
RUNNING_MAX_CHARS = 80  # running heads are short; a full line of body text is not one
_PAGE_NUMBER = re.compile(r"^\W*(?:page\s*)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?\W*$|^\W*[ivxlc]{1,6}\W*$",
                          re.IGNORECASE)
_BAD_CHAR = re.compile(r"[\ue000-\uf8ff\ufffd\x00-\x08\x0b\x0c\x0e-\x1f]|\(cid:\d+\)")
_FOOTNOTE_MARK = re.compile(r"^(?:\d{1,3}\.?\s|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\[\d{1,3}\]|\*|†)")
_NOTE_MARK_WORD = re.compile(r"^(?:\d{1,3}|[*†‡]|[ivx]{1,4})[,\d]*$")
_MOJIBAKE = re.compile(r"[\u00c0-\u00ff\u0080-\u009f\u00a1-\u00bf]")


def parse_pdf(raw: RawDocument) -> ParsedDocument:
    pages, title = _read_pages(raw)
    all_words = [w for page in pages for w in page.words]
    if not all_words:
        raise InputError(raw.origin, "scanned PDF: no text layer")
    _refuse_garbled(raw.origin, all_words)
    body_size = body_font_size(all_words)
    style = _Style(body_size=body_size, running=_running_lines(pages),
                   body_text=_normalise(" ".join(w["text"] for w in all_words
                                                 if abs(w["size"] - body_size) <= 0.5)))
    bodies = [_page_body(page, style) for page in pages]
    gutters = [find_gutters(body, page.width) for page, (body, _) in zip(pages, bodies)]
    usual = usual_gutters(gutters)
    text, spans, warnings = "", [], []
    for number, (page, (body, notes)) in enumerate(zip(pages, bodies), start=1):
        if not page.words:
            warnings.append(f"page {number}: no text layer")
        page_gutters = gutters[number - 1]
        if not page_gutters and usual and fits_gutters(body, usual):
            page_gutters = usual  # a short last page shows too little to find its columns
        page_text, lines = _page_text(body, notes, page_gutters)
        if text:
            text += PAGE_SEPARATOR
        spans.extend(PageSpan(number, start, end, box)
                     for start, end, box in shifted(lines, len(text)))
        text += page_text
    if not text.strip():
        raise InputError(raw.origin, "scanned PDF: no text layer")
    return ParsedDocument(origin=raw.origin, text=text, content_hash=raw.content_hash,
                          media_type="application/pdf", title=title or _first_line(text),
                          lang=detect_language(text), published=find_published(text),
                          encoding=None, pages=spans, warnings=warnings)


@dataclass
class _Page:
    width: float
    height: float
    words: list[Word]
    lines: list[Line] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.lines = group_lines(self.words)


@dataclass(frozen=True)
class _Style:
    """What the whole document says about its pages: body type size, body wording (to
    recognise pull quotes) and the running header/footer lines."""

    body_size: float
    body_text: str
    running: frozenset


def _page_body(page: _Page, style: _Style) -> tuple[list[Word], list[Word]]:
    """The page's body words and footnote words, without running heads, page numbers, pull
    quotes and note marks."""
    words = [w for line in page.lines
             if _line_key(line, page.height) not in style.running
             and not _is_page_number(line, page.height)
             and not _is_masthead(line, page, style.body_size)
             for w in line.words]
    words = _drop_pull_quotes(words, style.body_size, style.body_text)
    words = _drop_note_marks(words, style.body_size)
    return _split_footnotes(words, style.body_size)


def _page_text(body: list[Word], notes: list[Word],
               gutters: list[float]) -> tuple[str, list[LineSpan]]:
    text, spans = laid_out(reading_order(body, gutters), gutters)
    if notes:
        text += "\n\n" if text else ""
        note_text, note_spans = _footnote_text(notes)
        spans += shifted(note_spans, len(text))
        text += note_text
    return text, spans


def _read_pages(raw: RawDocument) -> tuple[list[_Page], str | None]:
    if b"%PDF-" not in raw.content[:1024]:
        raise InputError(raw.origin, "corrupt PDF: no PDF header")
    pages = []
    try:
        with pdfplumber.open(io.BytesIO(raw.content)) as pdf:
            for page in pdf.pages:
                words = page.extract_words(extra_attrs=["size"], keep_blank_chars=False)
                pages.append(_Page(page.width, page.height, words))
                page.close()  # drop the page's cached layout: long reports stay small
            return pages, _metadata_title(pdf.metadata)
    except PdfminerException as exc:
        cause = exc.args[0] if exc.args else exc
        if isinstance(cause, PDFPasswordIncorrect):
            raise InputError(raw.origin, "encrypted PDF") from None
        raise InputError(raw.origin, f"corrupt PDF: {_describe(cause)}") from None
    except PDFPasswordIncorrect:
        raise InputError(raw.origin, "encrypted PDF") from None
    except Exception as exc:  # pdfminer raises many unrelated types on broken files
        raise InputError(raw.origin, f"corrupt PDF: {_describe(exc)}") from None


def _metadata_title(metadata: dict) -> str | None:
    """The document's own Title, unless it is a file name or a placeholder."""
    title = metadata.get("Title")
    if isinstance(title, bytes):
        title = title.decode("utf-8", errors="ignore")
    title = " ".join(str(title or "").split())
    if not title or title.lower() in {"untitled", "title", "document"}:
        return None
    if re.search(r"\.(docx?|pdf|indd|tex|rtf|odt)$|^microsoft word", title, re.IGNORECASE):
        return None
    return title


def _describe(exc: object) -> str:
    return f"{type(exc).__name__}: {exc}".rstrip(": ") if str(exc) else type(exc).__name__


def _refuse_garbled(origin: str, words: list[Word]) -> None:
    text = "".join(w["text"] for w in words)
    bad = sum(len(m) for m in _BAD_CHAR.findall(text))
    latin_letters = sum(1 for ch in text if ch.isascii() and ch.isalpha())
    mojibake = len(_MOJIBAKE.findall(text))
    if bad > 0.1 * len(text) or mojibake > max(20, latin_letters):
        raise InputError(origin, "garbled text layer")


def _line_key(line: Line, height: float) -> tuple[str, int] | None:
    """Text-and-position key of a margin line; digits are wildcards (page numbers change)."""
    if MARGIN * height < line.top and line.bottom < (1 - MARGIN) * height:
        return None
    if len(line.text) > RUNNING_MAX_CHARS:
        return None
    return re.sub(r"\d+", "#", line.text.lower()), round(line.top / 4)


def _running_lines(pages: list[_Page]) -> frozenset:
    """Margin lines repeated at the same place on at least half the pages (and two)."""
    if len(pages) < 2:
        return frozenset()
    seen = Counter()
    for page in pages:
        seen.update({key for line in page.lines if (key := _line_key(line, page.height))})
    needed = max(2, len(pages) // 2)
    return frozenset(key for key, count in seen.items() if count >= needed)


def _is_masthead(line: Line, page: _Page, body_size: float) -> bool:
    """A running head set in small type above everything else on the page. Repetition finds
    running heads in longer documents; this finds them on a one-page report too. The whole
    line is judged, so a body line near the top of the page keeps all its words."""
    if line.bottom > MARGIN * page.height or line.size >= body_size * 0.9:
        return False
    return all(other.top >= line.top for other in page.lines if other.size >= body_size * 0.9)


def _is_page_number(line: Line, height: float) -> bool:
    in_margin = line.top < MARGIN * height or line.bottom > (1 - MARGIN) * height
    return in_margin and bool(_PAGE_NUMBER.match(line.text))


def _normalise(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.lower())


def _drop_pull_quotes(words: list[Word], body_size: float, body_text: str) -> list[Word]:
    """Blocks of larger type whose wording already appears in the body are pull quotes; a
    title above all the body text (which the body naturally repeats) is not one."""
    drop: set[int] = set()
    body_top = min((w["top"] for w in words if abs(w["size"] - body_size) <= 0.5), default=0.0)
    for block in _blocks(group_lines([w for w in words if w["size"] > body_size * 1.15])):
        if block[-1].bottom <= body_top:
            continue
        key = _normalise(" ".join(line.text for line in block))
        if len(key) >= 30 and _repeated_share(key, body_text) >= 0.7:
            drop.update(id(w) for line in block for w in line.words)
    return [w for w in words if id(w) not in drop]


def _blocks(lines: list[Line]) -> list[list[Line]]:
    blocks: list[list[Line]] = []
    for line in lines:
        last = blocks[-1][-1] if blocks else None
        if last and abs(last.size - line.size) <= 0.5 and line.top - last.bottom < line.size:
            blocks[-1].append(line)
        else:
            blocks.append([line])
    return blocks


def _repeated_share(key: str, body_text: str, n: int = 8) -> float:
    grams = {key[i:i + n] for i in range(len(key) - n + 1)}
    return sum(1 for g in grams if g in body_text) / len(grams)


def _drop_note_marks(words: list[Word], body_size: float) -> list[Word]:
    """Small raised numbers inside body lines are note marks: "in 2018.²" must not read
    "in 2018.2"."""
    drop: set[int] = set()
    for line in group_lines(words):
        if line.size < body_size * 0.9:
            continue
        baseline = max(w["bottom"] for w in line.words if w["size"] >= body_size * 0.9)
        for w in line.words:
            raised = w["bottom"] < baseline - 0.2 * body_size
            if raised and w["size"] < body_size * 0.8 and _NOTE_MARK_WORD.match(w["text"]):
                drop.add(id(w))
    return [w for w in words if id(w) not in drop]


def _split_footnotes(words: list[Word], body_size: float) -> tuple[list[Word], list[Word]]:
    """Smaller lines with no body-size text below them (in the same columns) are footnotes."""
    lines = group_lines(words)
    body_lines = [line for line in lines if line.size >= body_size * 0.9]
    notes: list[Word] = []
    for line in lines:
        if line.size >= body_size * 0.85:
            continue
        below = [b for b in body_lines if b.top > line.top and b.x0 < line.x1 and line.x0 < b.x1]
        if not below and body_lines:
            notes.extend(line.words)
    note_ids = {id(w) for w in notes}
    return [w for w in words if id(w) not in note_ids], notes


def _footnote_text(words: list[Word]) -> tuple[str, list[LineSpan]]:
    """One line per footnote: a line opening with a note mark starts the next note."""
    notes: list[list[Line]] = []
    for line in group_lines(words):
        if not notes or _FOOTNOTE_MARK.match(line.text):
            notes.append([line])
        else:
            notes[-1].append(line)
    text, spans = "", []
    for note in notes:
        text += "\n" if text else ""
        note_text, note_spans = laid_out(note)
        spans += shifted(note_spans, len(text))
        text += note_text
    return text, spans


def _first_line(text: str) -> str | None:
    first = text.strip().split("\n", 1)[0].strip()
    return first if 0 < len(first) <= 200 else None
