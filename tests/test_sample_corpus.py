"""The bundled sample corpus: what the demo ingests must be varied, correctly encoded and stable."""
from __future__ import annotations

import importlib.util
import re
import sys
import tomllib
from collections import Counter
from pathlib import Path

import pdfplumber
import pytest

from pipeline.parse.language import detect_language

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "corpora" / "sample"
PDF = SAMPLE / "en_financial_economic_group_report.pdf"
# Files deliberately saved in legacy Chinese encodings; everything else textual is UTF-8.
LEGACY_ENCODED = {
    "zh_product_quality_group_notice_gb18030.txt": "gb18030",
    "zh_taiwan_affairs_group_big5.html": "big5",
    "zh_food_safety_commission_gb2312.html": "gb2312",
}
_TAG = re.compile(r"<[^>]+>")
_HANZI = re.compile(r"[\u4e00-\u9fff]")


def _documents() -> list[Path]:
    return sorted(p for p in SAMPLE.iterdir() if p.suffix in (".txt", ".html", ".pdf"))


def _visible_text(path: Path) -> str:
    if path.suffix == ".pdf":
        with pdfplumber.open(path) as pdf:
            return "\n".join(page.extract_text() or "" for page in pdf.pages)
    text = path.read_bytes().decode(LEGACY_ENCODED.get(path.name, "utf-8"))
    if path.suffix == ".html":
        text = re.sub(r"(?s)<(script|style|head)\b.*?</\1>", " ", text)
        text = _TAG.sub(" ", text)
    return text


def _load_pdf_maker():
    script = ROOT / "scripts" / "make_sample_pdf.py"
    spec = importlib.util.spec_from_file_location("make_sample_pdf", script)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the file runs
    spec.loader.exec_module(module)
    return module


def test_corpus_mixes_formats_and_languages():
    docs = _documents()
    assert len(docs) >= 10
    assert {p.suffix for p in docs} == {".txt", ".html", ".pdf"}
    languages = Counter(detect_language(_visible_text(p)) for p in docs)
    assert languages["en"] >= 4 and languages["zh"] >= 4


@pytest.mark.parametrize("path", _documents(), ids=lambda p: p.name)
def test_each_document_has_a_readable_length(path):
    text = _visible_text(path)
    if detect_language(text) == "zh":
        assert 200 <= len(_HANZI.findall(text)) <= 800
    else:
        words = len(re.findall(r"[A-Za-z][A-Za-z'-]*", text))
        assert 150 <= words <= 1200 if path.suffix == ".pdf" else 150 <= words <= 600


@pytest.mark.parametrize("name,encoding", sorted(LEGACY_ENCODED.items()))
def test_legacy_encoded_files_really_are_in_their_encoding(name, encoding):
    data = (SAMPLE / name).read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    text = data.decode(encoding)  # strict: raises on a single wrong byte
    assert len(_HANZI.findall(text)) >= 200


def test_big5_page_is_traditional_and_declares_its_charset():
    text = (SAMPLE / "zh_taiwan_affairs_group_big5.html").read_bytes().decode("big5")
    assert '<meta charset="big5">' in text
    assert "對台工作領導小組" in text and "对台" not in text


def test_gb2312_page_declares_its_charset_and_has_a_roster_table():
    text = (SAMPLE / "zh_food_safety_commission_gb2312.html").read_bytes().decode("gb2312")
    assert "charset=gb2312" in text
    assert text.count("<tr>") >= 8 and "<td>办公室主任</td>" in text


def test_gb18030_notice_is_a_padded_roster():
    text = (SAMPLE / "zh_product_quality_group_notice_gb18030.txt").read_bytes().decode("gb18030")
    assert re.search(r"^组\s+长：", text, re.M) and re.search(r"^副组长：", text, re.M)
    assert re.search(r"^成\s+员：", text, re.M)
    assert re.search(r"[\u4e00-\u9fff] [\u4e00-\u9fff]　", text)  # a two-character name padded to three


def test_pdf_regenerates_identically(tmp_path):
    rebuilt = _load_pdf_maker().build(tmp_path / "report.pdf")
    assert _visible_text(rebuilt) == _visible_text(PDF)
    # Bytes too: no clock, no machine state and no font file goes into the output.
    assert rebuilt.read_bytes() == PDF.read_bytes()


def test_pdf_has_three_pages_in_two_columns():
    with pdfplumber.open(PDF) as pdf:
        assert len(pdf.pages) >= 3
        for page in pdf.pages:
            mid = page.width / 2
            body = [w for w in page.extract_words() if 90 < w["top"] < 700]
            left = [w for w in body if w["x1"] < mid]
            right = [w for w in body if w["x0"] > mid]
            straddling = [w for w in body if w["x0"] < mid < w["x1"]]
            assert len(left) > 50 and len(right) > 50, page.page_number
            assert len(straddling) <= 2, (page.page_number, [w["text"] for w in straddling])
            # Line starts cluster in two bands, the left edges of the two columns.
            line_starts: dict[tuple[int, bool], float] = {}
            for w in body:
                key = (round(w["top"]), w["x0"] > mid)
                line_starts[key] = min(line_starts.get(key, w["x0"]), w["x0"])
            bands = Counter(round(x / 10) for x in line_starts.values()).most_common(2)
            assert sum(n for _, n in bands) >= 0.8 * len(line_starts), bands
            assert abs(bands[0][0] - bands[1][0]) * 10 > 150, bands


def test_pdf_has_running_header_page_numbers_and_small_footnotes():
    with pdfplumber.open(PDF) as pdf:
        pages = pdf.pages
        heads = [p.extract_text().splitlines()[0] for p in pages]
        assert len(set(heads)) == 1 and "lsg sample report" in heads[0]
        for page in pages:
            assert f"Page {page.page_number} of {len(pages)}" in page.extract_text()
            sizes = Counter(round(c["size"], 1) for c in page.chars)
            body_size = sizes.most_common(1)[0][0]
            notes = [c for c in page.chars if c["top"] > 720 and c["top"] < 800]
            assert notes and max(c["size"] for c in notes) < body_size


def test_pdf_has_a_pull_quote_and_a_hyphenated_line_break():
    quote = re.sub(r"\s", "", _load_pdf_maker().PULL_QUOTE)
    with pdfplumber.open(PDF) as pdf:
        text = "\n".join(p.extract_text() for p in pdf.pages)
        chars = [c for p in pdf.pages for c in p.chars]
    large = "".join(c["text"] for c in chars if c["size"] >= 12.5)
    body = "".join(c["text"] for c in chars if 9 <= c["size"] <= 11)
    assert quote in re.sub(r"\s", "", large)  # the boxed, larger-type quote...
    assert quote in re.sub(r"\s", "", body)  # ...repeats a sentence of the body text
    assert re.search(r"[a-z]-(\n| [A-Z0-9])", text)  # a word split across a column line


def test_sources_config_points_the_directory_source_at_the_sample():
    config = tomllib.loads((ROOT / "corpora" / "sources.toml").read_text(encoding="utf-8"))
    sources = config["source"]
    directory = [s for s in sources if s["kind"] == "directory"]
    assert directory and (ROOT / directory[0]["path"]).resolve() == SAMPLE.resolve()
    for source in sources:
        assert {"name", "kind", "language"} <= source.keys()


def test_every_sample_document_yields_facts():
    """The demo corpus end to end through parse and extract (this once caught a parser-walk loop)."""
    from pipeline.extract import extract_many
    from pipeline.parse import parse_file

    paths = sorted(p for p in SAMPLE.iterdir() if p.suffix in (".txt", ".html", ".pdf"))
    results = list(extract_many([parse_file(p) for p in paths]))
    assert len(results) == len(paths)
    assert all(extraction.facts for _, extraction in results), [d.origin for d, e in results if not e.facts]
