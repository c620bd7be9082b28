"""The final sealed evaluation set in corpora/eval3: valid gold, disjoint from eval and eval2.

corpora/eval3 is the last measure, written blind to the extractors; besides schema validity (the
validator of tests/test_eval_set.py) it must stay a separate set: its own 300-range ids, no text or
paragraph shared with corpora/eval or corpora/eval2, and a README whose counts match the gold.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.test_eval2_set import _counts
from tests.test_eval_set import EVENT_TYPES, ROLES, gold_problems

EVAL3 = Path(__file__).resolve().parents[1] / "corpora" / "eval3"
EARLIER_SETS = [EVAL3.parent / "eval", EVAL3.parent / "eval2"]
DOC_ID_RANGE = re.compile(r"^(en|zh)-3\d\d$")
COLUMNS = ["docs", "leader", "deputy_leader", "member", "office_director",
           "established", "renamed", "disbanded", "meeting"]


def _pairs() -> list[tuple[Path, Path]]:
    return [(t, t.with_name(t.stem + ".gold.json")) for t in sorted(EVAL3.glob("*.txt"))]


def _golds() -> list[dict]:
    return [json.loads(g.read_text(encoding="utf-8")) for _, g in _pairs()]


def _paragraphs(text: str) -> set[str]:
    """Non-trivial paragraphs, whitespace squeezed, so a reused passage is caught even if re-wrapped."""
    blocks = (re.sub(r"\s+", " ", block).strip() for block in re.split(r"\n\s*\n", text))
    return {block for block in blocks if len(block) >= 40}


def test_every_text_has_gold_and_every_gold_has_text():
    texts = {p.stem for p in EVAL3.glob("*.txt")}
    golds = {p.name.removesuffix(".gold.json") for p in EVAL3.glob("*.gold.json")}
    assert texts and texts == golds


def test_set_is_large_enough_in_both_languages():
    langs = [gold["lang"] for gold in _golds()]
    assert langs.count("en") >= 12 and langs.count("zh") >= 12


def test_doc_ids_are_unique_and_in_the_300_range():
    ids = [gold["doc_id"] for gold in _golds()]
    assert len(ids) == len(set(ids))
    assert all(DOC_ID_RANGE.match(doc_id) for doc_id in ids), ids


@pytest.mark.parametrize("text_path,gold_path", _pairs(), ids=lambda p: p.name)
def test_gold_file_is_valid(text_path: Path, gold_path: Path):
    text = text_path.read_text(encoding="utf-8")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    assert gold_problems(gold, text, text_path.stem) == []


def test_no_id_text_or_paragraph_is_shared_with_the_earlier_sets():
    earlier_ids = {p.stem for d in EARLIER_SETS for p in d.glob("*.txt")}
    earlier_texts = [p.read_text(encoding="utf-8") for d in EARLIER_SETS for p in d.glob("*.txt")]
    earlier_paragraphs = set().union(*(_paragraphs(t) for t in earlier_texts))
    assert earlier_ids, "the earlier evaluation sets were not found"
    for text_path, _ in _pairs():
        text = text_path.read_text(encoding="utf-8")
        assert text_path.stem not in earlier_ids
        assert text not in earlier_texts
        assert _paragraphs(text).isdisjoint(earlier_paragraphs), text_path.name


def test_every_role_and_event_type_is_measured_in_both_languages():
    counts = _counts(_golds())
    for lang in ("en", "zh"):
        missing = [name for name in sorted(ROLES | EVENT_TYPES) if counts[lang][name] == 0]
        assert missing == [], f"{lang} has no gold {missing}"


def test_readme_table_matches_the_gold_files():
    readme = (EVAL3 / "README.md").read_text(encoding="utf-8")
    for lang, row in _counts(_golds()).items():
        line = re.search(rf"^\| {lang} \|(.+)\|\s*$", readme, re.MULTILINE)
        assert line, f"README has no count row for {lang}"
        assert [int(cell) for cell in line.group(1).split("|")] == [row[c] for c in COLUMNS]


def test_paragraph_check_would_catch_a_rewrapped_copy():
    original = "First paragraph that is long enough to count as a passage.\n\nShort."
    rewrapped = "First paragraph that is long enough\nto count as a passage.\n\nOther text."
    assert not _paragraphs(rewrapped).isdisjoint(_paragraphs(original))


def test_validator_catches_a_corrupted_document_from_this_set():
    text_path, gold_path = _pairs()[0]
    text = text_path.read_text(encoding="utf-8")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    gold["memberships"][0]["evidence"] += " (not in the text)"
    gold["events"][0]["date"] = "2018-02-30"
    problems = "\n".join(gold_problems(gold, text, text_path.stem))
    assert "evidence is not a substring" in problems and "invalid date" in problems
