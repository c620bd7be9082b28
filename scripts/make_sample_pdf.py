"""Build the two-column sample PDF report of the bundled corpus.

    .venv/bin/python scripts/make_sample_pdf.py [OUTPUT]

The report is written in the layout of a think-tank paper (running header, page numbers,
footnotes at the foot of every page, a pull quote, a hyphenated line break) so that the PDF
parser meets the same obstacles as in real reports. The output is byte-stable: the creation
date and producer are fixed, and only the built-in Helvetica/Times fonts are used, so no font
file is needed and nothing depends on the machine.
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

try:
    from fpdf import FPDF
except ImportError as exc:  # a dev dependency, absent from a runtime-only install
    raise SystemExit("make_sample_pdf needs fpdf2: .venv/bin/pip install fpdf2") from exc

SAMPLE_DIR = Path(__file__).resolve().parents[1] / "corpora" / "sample"
DEFAULT_OUTPUT = SAMPLE_DIR / "en_financial_economic_group_report.pdf"
FIXED_DATE = datetime(2024, 5, 1, 9, 0, 0, tzinfo=timezone.utc)
TITLE = "From Small Group to Commission: The Central Financial and Economic Affairs Leading Group"
RUNNING_HEAD = "lsg sample report  |  The Central Financial and Economic Affairs Leading Group"
SHY = "\u00ad"  # soft hyphen: fpdf2 prints "-" only where it breaks the line there

PAGE_W, MARGIN, GUTTER = 210.0, 18.0, 8.0
COL_W = (PAGE_W - 2 * MARGIN - GUTTER) / 2
BODY_TOP, BODY_BOTTOM, NOTES_TOP = 24.0, 252.0, 256.0
LINE_H = 4.7

# Hyphenation points for long common words (never names), so that justified columns break
# some of them across lines the way typeset reports do.
HYPHENATION = [
    "re-spon-si-bil-i-ties", "co-or-di-na-tion", "in-sti-tu-tions", "gov-ern-ments",
    "ne-go-ti-a-tions", "de-ci-sion", "pro-pos-als", "in-stru-ments", "ci-vil-i-sa-tion",
    "un-re-port-ed", "pub-lished", "de-vot-ed", "mem-ber-ship", "pre-de-ces-sors",
    "ex-trac-tion", "dip-lo-mat-ic", "as-so-ci-ate", "re-spon-si-ble", "pre-vent-ing",
    "de-fus-ing", "eco-nom-ics", "di-rect-ly", "suc-ces-sion", "un-usu-al-ly",
]

PULL_QUOTE = (
    "For the first time since the group was formed in 1980, official media reported one of its "
    "meetings as it happened and named its head, a deputy head and a member."
)


@dataclass
class Page:
    left: list[tuple[str, str]]
    right: list[tuple[str, str]]
    notes: list[str]
    title_block: bool = False


PAGES = [
    Page(
        title_block=True,
        left=[
            ("h", "1. Why this group matters"),
            ("p", "Among the Communist Party's leading small groups, the one for financial and "
                  "economic affairs has the longest pedigree and the lowest profile. It sets the "
                  "direction of economic policy, yet for most of its history its meetings went "
                  "unreported and its membership was never published.\u00b9 This note traces the "
                  "group from its predecessors in the 1950s to its upgrade into a commission in "
                  "2018, and lists who has been reported as leading it and running its office."),
            ("h", "2. Predecessors"),
            ("p", "In January 1957 the Central Committee set up a five-person group for economic "
                  "work made up of Chen Yun, Li Fuchun, Bo Yibo, Li Xiannian and Huang Kecheng, "
                  "with Chen Yun as its head. On 10 June 1958 a further notice created small groups "
                  "for finance and economics, political and legal affairs, foreign affairs, science, "
                  "and culture and education, each answering directly to the Political Bureau and "
                  "the Secretariat."),
        ],
        right=[
            ("p", "The 1958 notice stated the principle that still defines these bodies: broad "
                  "policy is decided by the Party centre, while government organs may make "
                  "proposals but do not hold the power of decision. The groups were thus "
                  "instruments of the centre rather than organs of the state."),
            ("h", "3. The leading group, 1980-2012"),
            ("p", "In 1980 the State Council's Financial and Economic Commission was turned into "
                  "the Central Financial and Economic Leading Group, headed by Zhao Ziyang. "
                  "According to sources cited by Southern Weekly in 2014, since 1987 the group has "
                  "been headed by the Party's general secretary, with the premier as deputy head.\u00b2 "
                  "Jiang Zemin became head in 1989. During the 1990s Zhu Rongji, who ran the "
                  "economy day to day, was one of the two deputy heads, and in August 1996 Jiang "
                  "chaired a meeting of the group on preventing and defusing financial risk."),
        ],
        notes=[
            "\u00b9 The group's work rules and full membership have never been published.",
            "\u00b2 Southern Weekly, June 2014, on the group's history; People's Daily, 14 January "
            "1999, for the 1996 meeting.",
        ],
    ),
    Page(
        left=[
            ("h", "4. Out of the shadows, 2014"),
            ("p", "On 13 June 2014 Xinhua reported that Xi Jinping had chaired the sixth meeting of "
                  "the Central Financial and Economic Leading Group, devoted to energy security. "
                  "The report named Xi Jinping as head of the group, Li Keqiang as deputy head and "
                  "Zhang Gaoli as a member.\u00b9 " + PULL_QUOTE),
            ("quote", PULL_QUOTE),
            ("p", "State television showed several Political Bureau members at the table, but "
                  "attendance is not membership, and the report did not say which of them "
                  "belonged to the group."),
        ],
        right=[
            ("h", "5. The office and its directors"),
            ("p", "Like other leading groups, the financial and economic group works through an "
                  "office that prepares meetings and follows up decisions. Liu He, an economist "
                  "who was also a deputy head of the National Development and Reform Commission, "
                  "became director of the group's office in 2013. In May 2014 he was also named, "
                  "together with Xu Shaoshi, as a responsible official of the reform "
                  "subgroup on the economic system and ecological civilisation.\u00b2"),
            ("p", "Under Liu He the office became unusually visible. It took on "
                  "responsibilities for coordination with ministries and "
                  "provinces, briefed local officials on central policy, and dealt directly with "
                  "foreign governments on economic questions."),
        ],
        notes=[
            "\u00b9 Xinhua, 13 June 2014, report on the sixth meeting.",
            "\u00b2 National Development and Reform Commission, national conference on economic "
            "system reform, 16-17 May 2014.",
        ],
    ),
    Page(
        left=[
            ("h", "6. Upgrade to a commission, 2018"),
            ("p", "The plan on deepening the reform of Party and state institutions, published on "
                  "21 March 2018, upgraded the leading group to the Central Financial and Economic "
                  "Affairs Commission.\u00b9 The office kept its role as the commission's working "
                  "body. The commission held its first meeting on 2 April 2018, chaired by Xi "
                  "Jinping as its director, with Li Keqiang as deputy director."),
            ("p", "Liu He, who became a vice premier in March 2018, remained director of the "
                  "commission's office and carried the economic portfolio through the trade "
                  "negotiations with the United States."),
        ],
        right=[
            ("h", "7. Succession"),
            ("p", "In late October 2023, Xinhua described Vice Premier He Lifeng as director of "
                  "the office of the Central Financial and Economic Affairs Commission, the first "
                  "public record of his succession to Liu He.\u00b2 He Lifeng has been seen as a "
                  "close associate of Xi Jinping since both served in Xiamen in the 1980s."),
            ("h", "8. Implications"),
            ("p", "The group's history shows why extraction must keep dates and sources. The same "
                  "body appears under three names, its head is named only in some reports, and "
                  "its office director is often disclosed only through a title in a routine "
                  "diplomatic item."),
        ],
        notes=[
            "\u00b9 Plan on Deepening the Reform of Party and State Institutions, 21 March 2018.",
            "\u00b2 Xinhua, late October 2023, report on a meeting with a French presidential "
            "adviser.",
        ],
    ),
]


class ReportPDF(FPDF):
    def header(self) -> None:
        self.set_font("Helvetica", "I", 8)
        self.set_xy(MARGIN, 10)
        self.cell(PAGE_W - 2 * MARGIN, 5, RUNNING_HEAD, align="L")
        self.line(MARGIN, 16, PAGE_W - MARGIN, 16)

    def footer(self) -> None:
        self.set_font("Helvetica", "", 8)
        self.set_xy(MARGIN, 284)
        self.cell(PAGE_W - 2 * MARGIN, 5, f"Page {self.page_no()} of {{nb}}", align="C")


def _with_soft_hyphens(text: str) -> str:
    for pattern in HYPHENATION:
        text = re.sub(r"\b" + pattern.replace("-", "") + r"\b", pattern.replace("-", SHY), text)
    return text


def _write_column(pdf: ReportPDF, x: float, top: float, items: list[tuple[str, str]]) -> None:
    pdf.set_xy(x, top)
    for kind, text in items:
        pdf.set_x(x)
        if kind == "h":
            pdf.set_font("Helvetica", "B", 10.5)
            pdf.multi_cell(COL_W, 5.5, text, align="L")
            pdf.ln(1)
        elif kind == "p":
            pdf.set_font("Times", "", 10)
            pdf.multi_cell(COL_W, LINE_H, _with_soft_hyphens(text), align="J")
            pdf.ln(2.5)
        elif kind == "quote":
            pdf.set_font("Times", "BI", 13)
            pdf.set_line_width(0.6)
            pdf.multi_cell(COL_W, 6.2, text, border=1, align="C", padding=3)
            pdf.set_line_width(0.2)
            pdf.ln(3)
        if pdf.get_y() > BODY_BOTTOM:
            # Failing loudly beats silently spilling text into the footnote area.
            raise ValueError(f"column at x={x} overflows page {pdf.page_no()}: shorten the text")


def _write_notes(pdf: ReportPDF, notes: list[str]) -> None:
    pdf.line(MARGIN, NOTES_TOP, MARGIN + 50, NOTES_TOP)
    pdf.set_xy(MARGIN, NOTES_TOP + 1.5)
    pdf.set_font("Times", "", 7.5)
    for note in notes:
        pdf.set_x(MARGIN)
        pdf.multi_cell(PAGE_W - 2 * MARGIN, 3.4, note, align="L")


def _write_title_block(pdf: ReportPDF) -> float:
    pdf.set_xy(MARGIN, BODY_TOP)
    pdf.set_font("Helvetica", "B", 15)
    pdf.multi_cell(PAGE_W - 2 * MARGIN, 7, TITLE, align="L")
    pdf.set_font("Helvetica", "", 9)
    pdf.set_x(MARGIN)
    pdf.multi_cell(PAGE_W - 2 * MARGIN, 5,
                   "Sample report written for the lsg project. Facts are from public reporting; "
                   "the wording is our own.", align="L")
    return pdf.get_y() + 5


def build(output: Path) -> Path:
    pdf = ReportPDF(format="A4", unit="mm")
    pdf.set_auto_page_break(False)
    pdf.set_creation_date(FIXED_DATE)
    pdf.set_producer("lsg scripts/make_sample_pdf.py")
    pdf.set_creator("lsg scripts/make_sample_pdf.py")
    pdf.set_title(TITLE)
    pdf.set_author("lsg sample corpus")
    pdf.alias_nb_pages()
    for page in PAGES:
        pdf.add_page()
        top = _write_title_block(pdf) if page.title_block else BODY_TOP
        _write_column(pdf, MARGIN, top, page.left)
        _write_column(pdf, MARGIN + COL_W + GUTTER, top, page.right)
        _write_notes(pdf, page.notes)
    output.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(output))
    return output


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_OUTPUT
    print(build(target))
