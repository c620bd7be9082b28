"""A plain text typeset as a two-column A4 research report, the way think tanks publish.

Running header, page numbers, a footnote in smaller type at the foot of every page, and
justified columns whose natural line wrapping puts hard line breaks mid-sentence (and now and
then a hyphen mid-word). Lines of a multi-line block (rosters, lists) stay lines;
"|"-separated table rows become a full-width table between column sections.
"""
from __future__ import annotations

import logging
import re
import zlib
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import Align, WrapMode

from pipeline.renditions.blocks import text_blocks

CJK_FONT_PACKAGE = "fonts-wqy-zenhei"
CJK_FONT = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")
LATIN_FONTS = (Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf"),
               Path("/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf"))
BODY_SIZE, NOTE_SIZE, HEAD_SIZE, TITLE_SIZE = 10, 7, 8, 16
_CJK = re.compile(r"[\u3000-\u9fff\uf900-\ufaff\uff00-\uffef]")
_TABLE_RULE = re.compile(r"^[\s|:-]*-{3}[\s|:-]*$")
# Font subsetting reports every bitmap table it leaves out of the embedded CJK font.
logging.getLogger("fontTools.subset").setLevel(logging.ERROR)


class FontMissing(RuntimeError):
    """No font on this machine can show the text; the message names the package to install."""


def needs_cjk_font(text: str) -> bool:
    return bool(_CJK.search(text))


def render_report(text: str, report_name: str = "Research Report") -> bytes:
    lines = text.strip().splitlines()
    title, body = (lines[0].strip(), lines[1:]) if lines else ("", [])
    chinese = len(_CJK.findall(text)) > len(re.findall(r"[A-Za-z]+", text))
    pdf = _Report(running_head=_shorten(title, 22 if chinese else 60), report_name=report_name,
                  note=_NOTE_ZH if chinese else _NOTE_EN)
    pdf.set_title(title)
    family = _install_fonts(pdf, needs_cjk_font(text), chinese)
    pdf.body_family = family
    pdf.add_page()
    pdf.set_font(family, size=TITLE_SIZE)
    pdf.multi_cell(0, TITLE_SIZE * 1.3, title, align=Align.L)
    pdf.ln(10)
    pdf.set_font(family, size=BODY_SIZE)
    wrap = WrapMode.CHAR if chinese else WrapMode.WORD
    for is_table, lines in _sections(body):
        if is_table:
            _table(pdf, lines)
            continue
        with pdf.text_columns(ncols=2, gutter=18, text_align=Align.J, line_height=1.3,
                              balance=True, wrapmode=wrap) as columns:
            for block in text_blocks(lines):
                for n, line in enumerate(block):
                    with columns.paragraph(bottom_margin=BODY_SIZE * 0.8 if n == len(block) - 1
                                           else 0) as paragraph:
                        paragraph.write(line if chinese else _hyphenable(line))
    return bytes(pdf.output())


class _Report(FPDF):
    def __init__(self, running_head: str, report_name: str, note: str):
        super().__init__(unit="pt", format="A4")
        self.running_head, self.report_name, self.note = running_head, report_name, note
        self.body_family = "helvetica"
        self.set_margins(56, 70, 56)
        self.set_auto_page_break(True, margin=90)

    def header(self) -> None:
        self.set_font(self.body_family, size=HEAD_SIZE)
        self.set_xy(56, 34)
        self.cell(300, 10, self.report_name)
        self.set_xy(self.w - 356, 34)
        self.cell(300, 10, self.running_head, align=Align.R)
        self.line(56, 48, self.w - 56, 48)
        self.set_xy(56, 70)

    def footer(self) -> None:
        self.line(56, self.h - 78, 200, self.h - 78)
        self.set_font(self.body_family, size=NOTE_SIZE)
        self.set_xy(56, self.h - 74)
        self.cell(0, 9, f"{self.page_no()} {self.note}")
        self.set_font(self.body_family, size=HEAD_SIZE)
        self.set_xy(0, self.h - 40)
        self.cell(self.w, 10, str(self.page_no()), align=Align.C)


def _install_fonts(pdf: FPDF, cjk: bool, chinese: bool) -> str:
    if cjk and not CJK_FONT.exists():
        raise FontMissing(f"no CJK font at {CJK_FONT}: install the Debian package "
                          f"{CJK_FONT_PACKAGE} (apt-get install -y {CJK_FONT_PACKAGE})")
    if cjk:
        pdf.add_font("zenhei", fname=str(CJK_FONT), collection_font_number=0)
    if chinese:
        return "zenhei"
    latin = next((p for p in LATIN_FONTS if p.exists()), None)
    if latin is None:
        raise FontMissing("no Unicode serif font: install fonts-dejavu-core")
    pdf.add_font("serif", fname=str(latin))
    if cjk:
        pdf.set_fallback_fonts(["zenhei"])  # hanzi quoted inside English text
    return "serif"


def _hyphenable(line: str) -> str:
    """Soft hyphens in the middle of some long lowercase words: where one falls at the end
    of a line the typesetter breaks the word there and prints "-", as reports do."""
    def soft(match: re.Match) -> str:
        word = match[0]
        if zlib.crc32(word.encode()) % 3:
            return word
        return word[: len(word) // 2] + "\u00ad" + word[len(word) // 2:]

    return re.sub(r"\b[a-z]{9,}\b", soft, line)


def _sections(lines: list[str]) -> list[tuple[bool, list[str]]]:
    """Runs of table rows ("|"-separated cells) and of running text, in order."""
    sections: list[tuple[bool, list[str]]] = []
    for line in lines:
        is_table = "|" in line
        if is_table and _TABLE_RULE.match(line):
            continue  # how text dumps draw a header rule, not content
        if sections and sections[-1][0] == is_table:
            sections[-1][1].append(line)
        else:
            sections.append((is_table, [line]))
    return sections


def _table(pdf: FPDF, rows: list[str]) -> None:
    """Table rows across the full text width, between the column sections, as reports set
    an overview table; cells keep their rows, empty cells stay empty."""
    cells = [[c.strip() for c in row.rstrip().removesuffix("|").split("|")] for row in rows]
    width = max(len(row) for row in cells)
    pdf.ln(BODY_SIZE * 0.5)
    with pdf.table(col_widths=(1,) + (2,) * (width - 1) if width > 1 else None,
                   first_row_as_headings=False, borders_layout="HORIZONTAL_LINES",
                   text_align="LEFT", v_align="TOP", line_height=BODY_SIZE * 1.4,
                   padding=2) as table:
        for row in cells:
            table_row = table.row()
            for cell in row + [""] * (width - len(row)):
                table_row.cell(cell)
    pdf.ln(BODY_SIZE * 0.8)




def _shorten(title: str, limit: int) -> str:
    return title if len(title) <= limit else title[: limit - 1].rstrip() + "…"


_NOTE_EN = ("Sources: official announcements and press reports; translations and summaries "
            "are the editors' own.")
_NOTE_ZH = "资料来源：根据公开发布的通知和新闻报道整理。"
