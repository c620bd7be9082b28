"""The independent evaluation set in corpora/eval: every gold file must be valid against SCHEMA.md.

The set is scored like the held-out gold, so a malformed file (a dangling id, an evidence string that
is not in the text, a date the scorer cannot compare) would silently distort the measurement.
"""
from __future__ import annotations

import calendar
import json
import re
from pathlib import Path

import pytest

EVAL = Path(__file__).resolve().parents[1] / "corpora" / "eval"

ROLES = {"leader", "deputy_leader", "member", "office_director"}
EVENT_TYPES = {"established", "renamed", "disbanded", "meeting"}
GROUP_KINDS = {"leading_group", "commission", "office", "subgroup", "other_body"}
TOP_KEYS = {"doc_id", "url", "title", "lang", "published", "groups", "people", "memberships", "events"}
DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
DOC_ID = re.compile(r"^(en|zh)-\d{3}$")
HAN = re.compile(r"[\u3400-\u9fff]")
LATIN = re.compile(r"[A-Za-z]")


def is_valid_date(value: object) -> bool:
    """YYYY, YYYY-MM or YYYY-MM-DD naming a real calendar day."""
    if not isinstance(value, str) or not (match := DATE.match(value)):
        return False
    year, month, day = (int(part) if part else None for part in match.groups())
    if month is None:
        return True
    if not 1 <= month <= 12:
        return False
    return day is None or 1 <= day <= calendar.monthrange(year, month)[1]


def script_language(text: str) -> str:
    """'zh' when Han characters outnumber Latin letters, else 'en'."""
    return "zh" if len(HAN.findall(text)) > len(LATIN.findall(text)) else "en"


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def gold_problems(gold: dict, text: str, stem: str) -> list[str]:
    """Every way `gold` breaks the schema or disagrees with its text; empty when valid."""
    problems: list[str] = []
    if set(gold) != TOP_KEYS:
        problems.append(f"top-level keys {sorted(set(gold) ^ TOP_KEYS)} differ from the schema")
        return problems
    if gold["doc_id"] != stem or not DOC_ID.match(stem):
        problems.append(f"doc_id {gold['doc_id']!r} is not the file stem {stem!r}")
    if gold["lang"] not in ("en", "zh") or gold["lang"] != stem[:2]:
        problems.append(f"lang {gold['lang']!r} does not match the id prefix")
    if gold["lang"] != script_language(text):
        problems.append(f"lang {gold['lang']!r} does not match the script of the text")
    if gold["published"] is not None and not is_valid_date(gold["published"]):
        problems.append(f"published {gold['published']!r} is not YYYY[-MM[-DD]]")
    if gold["url"] is not None and not str(gold["url"]).startswith(("http://", "https://")):
        problems.append("url must be null or http(s)")

    group_ids = [g.get("id") for g in gold["groups"]]
    person_ids = [p.get("id") for p in gold["people"]]
    if len(set(group_ids)) != len(group_ids) or len(set(person_ids)) != len(person_ids):
        problems.append("group or person ids are not unique")
    flat = squeeze(text)
    for group in gold["groups"]:
        if group.get("kind") not in GROUP_KINDS:
            problems.append(f"group {group.get('id')} has kind {group.get('kind')!r}")
        names = group.get("names") or []
        if not names or not all(isinstance(n, str) and n.strip() for n in names):
            problems.append(f"group {group.get('id')} has no usable names")
        elif not any(squeeze(n) in flat for n in names):
            problems.append(f"group {group['id']} is never named in the text")
    for person in gold["people"]:
        names = person.get("names") or []
        if not names or not all(isinstance(n, str) and n.strip() for n in names):
            problems.append(f"person {person.get('id')} has no usable names")
        elif not any(squeeze(n) in flat for n in names):
            problems.append(f"person {person['id']} is never named in the text")

    seen_memberships = set()
    for m in gold["memberships"]:
        key = (m.get("group"), m.get("person"), m.get("role"))
        if key in seen_memberships:
            problems.append(f"membership {key} is annotated twice")
        seen_memberships.add(key)
        if m.get("group") not in group_ids or m.get("person") not in person_ids:
            problems.append(f"membership {key} refers to an unknown id")
        if m.get("role") not in ROLES:
            problems.append(f"membership {key} has role {m.get('role')!r}")
        if not m.get("evidence") or m["evidence"] not in text:
            problems.append(f"membership {key} evidence is not a substring of the text")
    referenced = {m.get("person") for m in gold["memberships"]}
    for pid in person_ids:
        if pid not in referenced:
            problems.append(f"person {pid} is listed but holds no membership")

    for e in gold["events"]:
        label = (e.get("group"), e.get("type"), e.get("date"))
        if e.get("group") not in group_ids:
            problems.append(f"event {label} refers to an unknown group")
        if e.get("type") not in EVENT_TYPES:
            problems.append(f"event {label} has type {e.get('type')!r}")
        if not is_valid_date(e.get("date")):
            problems.append(f"event {label} has an invalid date")
        elif gold["published"] and e["date"][:len(gold["published"])] > gold["published"]:
            problems.append(f"event {label} is dated after publication")
        if e.get("type") == "renamed":
            if e.get("to_group") not in group_ids or e.get("to_group") == e.get("group"):
                problems.append(f"renamed event {label} needs to_group naming another group")
        elif "to_group" in e:
            problems.append(f"event {label} has to_group but is not a rename")
        if not e.get("evidence") or e["evidence"] not in text:
            problems.append(f"event {label} evidence is not a substring of the text")
    return problems


def _pairs() -> list[tuple[Path, Path]]:
    return [(t, t.with_name(t.stem + ".gold.json")) for t in sorted(EVAL.glob("*.txt"))]


def test_every_text_has_gold_and_every_gold_has_text():
    texts = {p.stem for p in EVAL.glob("*.txt")}
    golds = {p.name.removesuffix(".gold.json") for p in EVAL.glob("*.gold.json")}
    assert texts == golds


def test_set_is_large_enough_in_both_languages():
    langs = [json.loads(g.read_text(encoding="utf-8"))["lang"] for _, g in _pairs()]
    assert langs.count("en") >= 14 and langs.count("zh") >= 12


def test_doc_ids_are_unique():
    ids = [json.loads(g.read_text(encoding="utf-8"))["doc_id"] for _, g in _pairs()]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("text_path,gold_path", _pairs(), ids=lambda p: p.name)
def test_gold_file_is_valid(text_path: Path, gold_path: Path):
    text = text_path.read_text(encoding="utf-8")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    assert gold_problems(gold, text, text_path.stem) == []


def test_validator_reports_broken_records():
    text = "Xi Jinping heads the Central Leading Group for Inspection Work."
    gold = {
        "doc_id": "en-999", "url": None, "title": None, "lang": "zh", "published": "2018-02-30",
        "groups": [{"id": "g1", "names": ["Central Leading Group for Inspection Work"], "kind": "group"}],
        "people": [{"id": "p1", "names": ["Xi Jinping"]}, {"id": "p2", "names": ["Wang Qishan"]}],
        "memberships": [{"group": "g1", "person": "p1", "role": "chair", "evidence": "Xi heads"},
                        {"group": "g9", "person": "p1", "role": "leader",
                         "evidence": "Xi Jinping heads the Central Leading Group"}],
        "events": [{"group": "g1", "type": "renamed", "date": "2018-13", "evidence": "heads"}],
    }
    problems = "\n".join(gold_problems(gold, text, "en-999"))
    for expected in ("match the id prefix", "script of the text", "published", "kind 'group'",
                     "p2 is never named", "role 'chair'", "evidence is not a substring",
                     "unknown id", "invalid date", "needs to_group"):
        assert expected in problems
    assert gold_problems({"doc_id": "en-999"}, text, "en-999") != []


def test_dates_accept_only_real_calendar_days():
    assert is_valid_date("2013") and is_valid_date("2013-12") and is_valid_date("2016-02-29")
    assert not is_valid_date("2015-02-29") and not is_valid_date("2013-1") and not is_valid_date(None)
