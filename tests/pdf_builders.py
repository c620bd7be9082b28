"""PDFs written by the tests themselves: a two-column report with the usual furniture, plus
broken variants (encrypted, image-only, unmapped glyphs)."""
from __future__ import annotations

import io

from fpdf import FPDF

BODY = 10
LEADING = 13
LEFT_X, RIGHT_X, COLUMN_WIDTH = 50, 315, 230

REPORT_PAGES = [
    {
        "left": [["The Central Leading Group for Financial", "and Economic Affairs coordinates policy",
                  "across ministries. Its members meet in", "Beijing several times a year to review",
                  "economic infor-", "mation gathered by the general office."],
                 ["A second paragraph in the left column", "notes that the group was renamed in 2018."]],
        "right": [["The right column begins here and says", "that the commission office is run by a",
                   "director appointed by the Politburo."],
                  ["Its staff draft the agenda and follow up", "on every decision the members take."]],
        "pull_quote": ["Its members meet in Beijing", "several times a year"],
        "footnote": "1 Our own summary of a State Council notice, 2018.",
        "note_mark": ("notes that the group was renamed in 2018.", "1"),
    },
    {
        "left": [["On the second page the left column tells", "how the office director reports to the",
                  "leader of the group every month."]],
        "right": [["The right column of page two closes the", "report with a short outlook for 2024."]],
        "pull_quote": None,
        "footnote": None,
    },
]


class _Report(FPDF):
    def header(self) -> None:
        self.set_font("Helvetica", size=8)
        self.set_xy(LEFT_X, 20)
        self.cell(200, 10, "Quarterly Review of Party Institutions")

    def footer(self) -> None:
        self.set_font("Helvetica", size=8)
        self.set_xy(280, 800)
        self.cell(40, 10, f"Page {self.page_no()}")


def _column(pdf: FPDF, x: float, y: float, paragraphs: list[list[str]]) -> float:
    pdf.set_font("Helvetica", size=BODY)
    for paragraph in paragraphs:
        for line in paragraph:
            pdf.set_xy(x, y)
            pdf.cell(COLUMN_WIDTH, LEADING, line)
            y += LEADING
        y += LEADING  # a blank line between paragraphs
    return y


def two_column_report(pages=REPORT_PAGES, title: str = "Financial Policy Review") -> bytes:
    pdf = _Report(unit="pt", format="A4")
    pdf.set_auto_page_break(False)
    for number, page in enumerate(pages):
        pdf.add_page()
        top = 100
        if number == 0:
            pdf.set_font("Helvetica", size=18)
            pdf.set_xy(LEFT_X, 70)
            pdf.cell(495, 20, title)
            top = 110
        _column(pdf, LEFT_X, top, page["left"])
        bottom = _column(pdf, RIGHT_X, top, page["right"])
        if page.get("note_mark"):
            text, mark = page["note_mark"]  # a raised small number after the line `text`
            line_y = next(top + LEADING * (i + sum(len(p) for p in page["left"][:n]) + n)
                          for n, paragraph in enumerate(page["left"])
                          for i, line in enumerate(paragraph) if line == text)
            pdf.set_font("Helvetica", size=BODY)
            x = LEFT_X + pdf.c_margin + pdf.get_string_width(text) + 0.5
            pdf.set_font("Helvetica", size=6)
            pdf.set_xy(x, line_y - 1)
            pdf.cell(8, 8, mark)
        if page["pull_quote"]:
            pdf.set_font("Helvetica", size=15)
            for i, line in enumerate(page["pull_quote"]):
                pdf.set_xy(RIGHT_X, bottom + 10 + i * 19)
                pdf.cell(COLUMN_WIDTH, 19, line)
        if page["footnote"]:
            pdf.set_font("Helvetica", size=7)
            pdf.set_xy(LEFT_X, 760)
            pdf.cell(300, 9, page["footnote"])
    return bytes(pdf.output())


def single_column(lines: list[str], font_size: int = 11, title: str | None = None) -> bytes:
    pdf = FPDF(unit="pt", format="A4")
    if title:
        pdf.set_title(title)
    pdf.add_page()
    pdf.set_font("Helvetica", size=font_size)
    for i, line in enumerate(lines):
        pdf.set_xy(50, 80 + i * font_size * 1.3)
        pdf.cell(480, font_size * 1.3, line)
    return bytes(pdf.output())


def encrypted(user_password: str = "secret") -> bytes:
    pdf = FPDF()
    pdf.set_encryption(owner_password="owner-pass", user_password=user_password)
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.cell(100, 10, "Members of the leading group are listed below.")
    return bytes(pdf.output())


def image_only() -> bytes:
    from PIL import Image  # Pillow comes with fpdf2

    picture = Image.new("RGB", (200, 100), "white")
    for x in range(20, 180):
        picture.putpixel((x, 50), (0, 0, 0))
    pdf = FPDF()
    pdf.add_page()
    pdf.image(picture, x=10, y=10, w=150)
    return bytes(pdf.output())


def unmapped_glyphs(count: int = 60) -> bytes:
    """A page whose text uses a composite font without a ToUnicode map (glyph ids only), as
    CJK PDFs with broken font embedding do."""
    return _composite_font_pdf([["\u0400" * count]], with_unicode_map=False)


def chinese_paragraphs(paragraphs: list[list[str]]) -> bytes:
    """Chinese lines in a composite font whose ToUnicode map names each glyph's hanzi (no
    font program needed: text extraction only reads the map)."""
    return _composite_font_pdf(paragraphs, with_unicode_map=True)


def _composite_font_pdf(paragraphs: list[list[str]], with_unicode_map: bool) -> bytes:
    glyphs = sorted({ch for paragraph in paragraphs for line in paragraph for ch in line})
    gid = {ch: n + 1 for n, ch in enumerate(glyphs)}
    ops, y = [], 760
    for paragraph in paragraphs:
        for line in paragraph:
            codes = "".join(f"{gid[ch]:04X}" for ch in line)
            ops.append(f"BT /F1 12 Tf 50 {y} Td <{codes}> Tj ET")
            y -= 16
        y -= 16
    stream = "\n".join(ops).encode()
    cmap = ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap "
            "/CMapName /Test def 1 begincodespacerange <0000> <FFFF> endcodespacerange "
            f"{len(glyphs)} beginbfchar "
            + " ".join(f"<{gid[ch]:04X}> <{ord(ch):04X}>" for ch in glyphs)
            + " endbfchar endcmap CMapName currentdict /CMap defineresource pop end end").encode()
    to_unicode = b" /ToUnicode 7 0 R" if with_unicode_map else b""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /TestCJK /Encoding /Identity-H "
        b"/DescendantFonts [6 0 R]" + to_unicode + b" >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /TestCJK /CIDSystemInfo "
        b"<< /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 "
        b"/FontDescriptor 8 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream",
        b"<< /Type /FontDescriptor /FontName /TestCJK /Flags 4 /FontBBox [0 -120 1000 880] "
        b"/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>",
    ]
    return _assemble(objects)


def _assemble(objects: list[bytes]) -> bytes:
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
              % (len(objects) + 1, xref))
    return out.getvalue()


def table_page(rows: list[tuple[str, str]]) -> bytes:
    """A page that is nothing but a two-column roster table (label, name)."""
    pdf = FPDF(unit="pt", format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for i, (label, name) in enumerate(rows):
        pdf.set_xy(60, 100 + i * 16)
        pdf.cell(120, 14, label)
        pdf.set_xy(320, 100 + i * 16)
        pdf.cell(220, 14, name)
    return bytes(pdf.output())


def three_columns(columns: list[list[str]]) -> bytes:
    """A page of three newspaper-style columns under a full-width headline."""
    pdf = FPDF(unit="pt", format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", size=16)
    pdf.set_xy(40, 60)
    pdf.cell(515, 20, "Commission holds its first plenary meeting in Beijing")
    for n, lines in enumerate(columns):
        _column(pdf, 40 + n * 180, 100, [lines])
    return bytes(pdf.output())


class _RunningReport(FPDF):
    """Small running head and page number on every page, as typeset reports have."""

    def header(self) -> None:
        self.set_font("Helvetica", size=7)
        self.set_xy(50, 30)
        self.cell(300, 9, "The Party and the State, 2014")

    def footer(self) -> None:
        self.set_font("Helvetica", size=7)
        self.set_xy(0, self.h - 40)
        self.cell(self.w, 9, str(self.page_no()), align="C")


def justified_report(pages: list[list[list[str]]], title: str | None = None, ncols: int = 2,
                     top: float = 70) -> bytes:
    """Per page, blocks of lines typeset in justified columns (fpdf2 wraps long lines
    itself) under a small running head: every line of a block is its own line, blocks are a
    paragraph apart, and the body starts `top` points from the top of the page."""
    pdf = _RunningReport(unit="pt", format="A4")
    pdf.set_margins(50, top, 50)
    pdf.set_auto_page_break(False)
    for number, blocks in enumerate(pages):
        pdf.add_page()
        pdf.set_xy(50, top)
        if title and number == 0:
            pdf.set_font("Helvetica", size=16)
            pdf.multi_cell(0, 20, title, align="L")
            pdf.ln(8)
        pdf.set_font("Helvetica", size=10)
        with pdf.text_columns(ncols=ncols, gutter=18, text_align="J", line_height=1.3,
                              balance=True) as columns:
            for block in blocks:
                for n, line in enumerate(block):
                    with columns.paragraph(bottom_margin=8 if n == len(block) - 1 else 0) as p:
                        p.write(line)
    return bytes(pdf.output())


def table_between_columns(before: list[list[str]], rows: list[tuple[str, str]],
                          after: list[list[str]]) -> bytes:
    """Justified two-column text, a full-width two-column table (label, value; long values
    wrap inside their cell), then two-column text again: an overview table in a report."""
    pdf = FPDF(unit="pt", format="A4")
    pdf.set_margins(50, 60, 50)
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)

    def columns(blocks: list[list[str]]) -> None:
        with pdf.text_columns(ncols=2, gutter=18, text_align="J", line_height=1.3,
                              balance=True) as text:
            for block in blocks:
                for n, line in enumerate(block):
                    with text.paragraph(bottom_margin=8 if n == len(block) - 1 else 0) as p:
                        p.write(line)

    columns(before)
    pdf.ln(6)
    with pdf.table(col_widths=(1, 2), first_row_as_headings=False, text_align="LEFT",
                   v_align="TOP", borders_layout="HORIZONTAL_LINES", line_height=14,
                   padding=2) as table:
        for label, value in rows:
            row = table.row()
            row.cell(label)
            row.cell(value)
    pdf.ln(8)
    columns(after)
    return bytes(pdf.output())
