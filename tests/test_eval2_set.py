"""The sealed evaluation set in corpora/eval2: valid gold, disjoint from corpora/eval, README in step.

corpora/eval2 is the measure taken after the extractors have been tuned on corpora/eval, so besides
schema validity (same rules as corpora/eval, shared validator) it must stay a separate set: its own
doc ids, no text shared with the first set, and a README whose counts match the gold files.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from tests.test_eval_set import EVENT_TYPES, ROLES, gold_problems

EVAL2 = Path(__file__).resolve().parents[1] / "corpora" / "eval2"
EVAL1 = EVAL2.parent / "eval"
DOC_ID_RANGE = re.compile(r"^(en|zh)-2\d\d$")


def _pairs() -> list[tuple[Path, Path]]:
    return [(t, t.with_name(t.stem + ".gold.json")) for t in sorted(EVAL2.glob("*.txt"))]


def _golds() -> list[dict]:
    return [json.loads(g.read_text(encoding="utf-8")) for _, g in _pairs()]


def _counts(golds: list[dict]) -> dict[str, Counter]:
    counts: dict[str, Counter] = {}
    for gold in golds:
        row = counts.setdefault(gold["lang"], Counter())
        row["docs"] += 1
        row.update(m["role"] for m in gold["memberships"])
        row.update(e["type"] for e in gold["events"])
    return counts


def test_every_text_has_gold_and_every_gold_has_text():
    texts = {p.stem for p in EVAL2.glob("*.txt")}
    golds = {p.name.removesuffix(".gold.json") for p in EVAL2.glob("*.gold.json")}
    assert texts and texts == golds


def test_set_is_large_enough_in_both_languages():
    langs = [gold["lang"] for gold in _golds()]
    assert langs.count("en") >= 14 and langs.count("zh") >= 12


def test_doc_ids_are_unique_and_in_the_200_range():
    ids = [gold["doc_id"] for gold in _golds()]
    assert len(ids) == len(set(ids))
    assert all(DOC_ID_RANGE.match(doc_id) for doc_id in ids), ids


@pytest.mark.parametrize("text_path,gold_path", _pairs(), ids=lambda p: p.name)
def test_gold_file_is_valid(text_path: Path, gold_path: Path):
    text = text_path.read_text(encoding="utf-8")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    assert gold_problems(gold, text, text_path.stem) == []


def test_set_is_disjoint_from_the_first_evaluation_set():
    first_ids = {p.stem for p in EVAL1.glob("*.txt")}
    first_texts = {p.read_text(encoding="utf-8") for p in EVAL1.glob("*.txt")}
    for text_path, _ in _pairs():
        assert text_path.stem not in first_ids
        assert text_path.read_text(encoding="utf-8") not in first_texts


def test_every_role_and_event_type_is_measured_in_both_languages():
    counts = _counts(_golds())
    for lang in ("en", "zh"):
        missing = [name for name in sorted(ROLES | EVENT_TYPES) if counts[lang][name] == 0]
        assert missing == [], f"{lang} has no gold {missing}"


def test_readme_table_matches_the_gold_files():
    readme = (EVAL2 / "README.md").read_text(encoding="utf-8")
    columns = ["docs", "leader", "deputy_leader", "member", "office_director",
               "established", "renamed", "disbanded", "meeting"]
    for lang, row in _counts(_golds()).items():
        line = re.search(rf"^\| {lang} \|(.+)\|\s*$", readme, re.MULTILINE)
        assert line, f"README has no count row for {lang}"
        assert [int(cell) for cell in line.group(1).split("|")] == [row[c] for c in columns]


def test_validator_catches_a_corrupted_document_from_this_set():
    text_path, gold_path = _pairs()[0]
    text = text_path.read_text(encoding="utf-8")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    gold["memberships"][0]["evidence"] += " (not in the text)"
    gold["memberships"][0]["group"] = "g99"
    problems = "\n".join(gold_problems(gold, text, text_path.stem))
    assert "evidence is not a substring" in problems and "unknown id" in problems
