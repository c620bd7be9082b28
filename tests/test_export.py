"""Export: JSONL exactly as the scorer reads it, flattened CSV, status filter, atomic writes."""
from __future__ import annotations

import csv
import hashlib
import json

import pytest

from pipeline.evaluate import score
from pipeline.export import CSV_COLUMNS, export
from pipeline.records import (Event, Evidence, Extraction, GroupRef, Membership, ParsedDocument,
                              PersonRef, fact_record)
from pipeline.store import open_store

TEXT = ("国务院决定成立中央全面深化改革委员会。组长：习近平。副组长：李强。"
        "The commission was set up in March 2018.")
REFORM = GroupRef(name="中央全面深化改革委员会", name_zh="中央全面深化改革委员会",
                  canonical="Central Commission for Comprehensively Deepening Reform",
                  kind="commission", gazetteer_id="ccdr")
ORIGIN = "/corpus/notice-001.txt"
GOLD = {"notice-001": {
    "lang": "zh",
    "groups": [{"id": "g1", "names": ["Central Commission for Comprehensively Deepening Reform"]}],
    "people": [{"id": "p1", "names": ["Xi Jinping"]}, {"id": "p2", "names": ["Li Qiang", "李强"]}],
    "memberships": [
        {"group": "g1", "person": "p1", "role": "leader", "evidence": "组长：习近平。"},
        {"group": "g1", "person": "p2", "role": "deputy_leader", "evidence": "副组长：李强。"}],
    "events": [{"group": "g1", "type": "established", "date": "2018", "evidence": "set up"}],
}}


def stated(sentence: str) -> Evidence:
    start = TEXT.index(sentence)
    return Evidence(sentence, start, start + len(sentence))


@pytest.fixture
def store(tmp_path):
    xi, li, not_a_person = (PersonRef("习近平", "习近平", "Xi Jinping"), PersonRef("李强", "李强"),
                            PersonRef("国务院", "国务院"))
    facts = [
        Membership(REFORM, xi, "leader", stated("组长：习近平。"), 0.9),
        Membership(REFORM, li, "deputy_leader", stated("副组长：李强。"), 0.8),
        Membership(REFORM, not_a_person, "member", stated("国务院决定成立中央全面深化改革委员会。"), 0.2),
        Event(REFORM, "established", "2018-03", stated("The commission was set up in March 2018."),
              confidence=0.7),
    ]
    doc = ParsedDocument(origin=ORIGIN, text=TEXT, media_type="text/plain", lang="zh",
                         content_hash=hashlib.sha256(TEXT.encode()).hexdigest())
    with open_store(tmp_path / "lsg.db") as opened:
        opened.save_document(doc, Extraction(facts, [], "1"))
        for row in opened.list_facts(order="id"):
            opened.set_status(row.id, "rejected" if row.role == "member" else "accepted", "ana")
        yield opened


def test_jsonl_is_utf8_one_record_per_line_and_accepted_by_default(store, tmp_path):
    out = tmp_path / "out" / "facts.jsonl"
    assert export(store, "jsonl", out) == 3
    raw = out.read_text("utf-8")
    assert "习近平" in raw and "\\u" not in raw
    records = [json.loads(line) for line in raw.splitlines()]
    assert records == list(store.iter_fact_records())
    assert {r["status"] for r in records} == {"accepted"}
    leader = next(r for r in records if r.get("role") == "leader")
    rebuilt = fact_record(Membership(REFORM, PersonRef("习近平", "习近平", "Xi Jinping"), "leader",
                                     stated("组长：习近平。"), 0.9), ORIGIN, "accepted")
    assert {k: leader[k] for k in rebuilt} == rebuilt
    assert export(store, "jsonl", out, status="all") == 4
    assert export(store, "jsonl", out, status="rejected") == 1


def test_csv_round_trip(store, tmp_path):
    out = tmp_path / "facts.csv"
    assert export(store, "csv", out, status="all") == 4
    with out.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert tuple(reader.fieldnames) == CSV_COLUMNS
        rows = list(reader)
    by_id = {int(r["fact_id"]): r for r in rows}
    for record in store.iter_fact_records("all"):
        row = by_id[record["fact_id"]]
        assert (row["kind"], row["document"], row["evidence"], row["status"]) == \
            (record["kind"], ORIGIN, record["evidence"], record["status"])
        assert row["group_canonical"] == REFORM.canonical
    leader = next(r for r in rows if r["role"] == "leader")
    assert (leader["person_name"], leader["person_canonical"], leader["event"]) == \
        ("习近平", "Xi Jinping", "")
    event = next(r for r in rows if r["kind"] == "event")
    assert (event["event"], event["date"], event["date_precision"]) == ("established", "2018-03", "month")


def test_exported_records_score_against_gold(store, tmp_path):
    out = tmp_path / "facts.jsonl"
    export(store, "jsonl", out)
    report = score([json.loads(line) for line in out.read_text("utf-8").splitlines()], GOLD)
    assert report.tallies["memberships"].as_dict()["f1"] == 1.0
    assert report.tallies["events"].tp == 1
    # The rejected "member" is a false positive only when every status is exported.
    export(store, "jsonl", out, status="all")
    report = score([json.loads(line) for line in out.read_text("utf-8").splitlines()], GOLD)
    assert (report.tallies["memberships"].tp, report.tallies["memberships"].fp) == (2, 1)


def test_a_failed_export_leaves_the_previous_file_whole(store, tmp_path, monkeypatch):
    out = tmp_path / "facts.jsonl"
    export(store, "jsonl", out)
    before = out.read_bytes()

    def failing(status):
        yield from list(store.iter_fact_records(status))[:1]
        raise RuntimeError("disk went away")

    monkeypatch.setattr(store, "iter_fact_records", failing)
    with pytest.raises(RuntimeError):
        export(store, "jsonl", out)
    assert out.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".facts")] == []
    with pytest.raises(ValueError):
        export(store, "xml", tmp_path / "facts.xml")
    assert not (tmp_path / "facts.xml").exists()
