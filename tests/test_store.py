"""The store: migrations, idempotent saves, fact re-sync by key, review decisions and merges."""
from __future__ import annotations

import hashlib
import json
import re
import shutil
import sqlite3

import pytest
from sqlalchemy.dialects.sqlite import dialect as sqlite_dialect
from sqlmodel import SQLModel, text

from pipeline.records import (Event, Evidence, Extraction, GroupRef, Membership, Mention,
                              PageSpan, ParsedDocument, PersonRef)
from pipeline.store import MigrationError, ReviewError, migrate, open_store
from pipeline.store.migrate import MIGRATIONS_DIR, load_migrations

REFORM = GroupRef(name="Central Commission for Comprehensively Deepening Reform",
                  name_zh="中央全面深化改革委员会",
                  canonical="Central Commission for Comprehensively Deepening Reform",
                  aliases=["CCDR"], kind="commission", gazetteer_id="ccdr")
REFORM_LSG = GroupRef(name="Central Leading Group for Comprehensively Deepening Reforms",
                      kind="leading_group")
XI = PersonRef(name="Xi Jinping", name_zh="习近平", canonical="Xi Jinping")
LI = PersonRef(name="Li Qiang", name_zh="李强", canonical="Li Qiang")
ZH_TEXT = "习近平任中央全面深化改革委员会主任。"
TEXT_V1 = ("Xi Jinping heads the Central Commission for Comprehensively Deepening Reform. "
           "Li Qiang is a deputy head of the commission. The commission was set up in March 2018.")


def evidence(doc_text: str, sentence: str) -> Evidence:
    start = doc_text.index(sentence)
    return Evidence(sentence, start, start + len(sentence))


def parsed(doc_text: str, origin: str = "/corpus/reform.txt") -> ParsedDocument:
    lang = "zh" if re.search(r"[\u4e00-\u9fff]", doc_text) else "en"
    return ParsedDocument(origin=origin, text=doc_text, media_type="text/plain", lang=lang,
                          title="Reform commission", published="2018-03",
                          content_hash=hashlib.sha256(doc_text.encode()).hexdigest())


def sentence_with(doc_text: str, words: str) -> Evidence:
    return evidence(doc_text, next(s.strip() for s in re.findall(r"[^.]+\.?", doc_text) if words in s))


def extraction(doc_text: str, version: str = "1", people=(XI, LI)) -> Extraction:
    facts = [Membership(REFORM, person, role, sentence_with(doc_text, person.name), confidence=conf)
             for person, role, conf in zip(people, ("leader", "deputy_leader"), (0.9, 0.7))]
    facts.append(Event(REFORM, "established", "2018-03", sentence_with(doc_text, "set up"), confidence=0.6))
    start = doc_text.index("Xi Jinping")
    return Extraction(facts=facts, mentions=[Mention("PERSON", "Xi Jinping", start, start + 10)],
                      extractor_version=version)


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "data" / "lsg.db") as opened:
        yield opened


def save(store, doc_text=TEXT_V1, version="1", **kw):
    return store.save_document(parsed(doc_text), extraction(doc_text, version, **kw))


def fact_id(store, role: str) -> int:
    return next(f.id for f in store.list_facts() if f.role == role)


def test_migrations_apply_once_and_are_idempotent(tmp_path):
    db = tmp_path / "lsg.db"
    released = [(m.version, m.name) for m in load_migrations()]
    assert migrate(db) == [version for version, _ in released]
    assert migrate(db) == []
    open_store(db).close()
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT version, name FROM schema_migrations").fetchall() == released
        assert released[0] == (1, "initial")


def test_failed_migration_leaves_nothing_behind_and_edits_are_refused(tmp_path):
    migrations = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS_DIR, migrations)
    broken = max(m.version for m in load_migrations()) + 1
    (migrations / f"{broken:04d}_broken.sql").write_text(
        "CREATE TABLE extra (id INTEGER);\nINSERT INTO nowhere VALUES (1);\n")
    db = tmp_path / "lsg.db"
    with pytest.raises(sqlite3.OperationalError):
        migrate(db, migrations)
    with sqlite3.connect(db) as conn:
        applied = [(m.version,) for m in load_migrations()]
        assert conn.execute("SELECT version FROM schema_migrations").fetchall() == applied
        assert not conn.execute("SELECT name FROM sqlite_master WHERE name = 'extra'").fetchall()
    (migrations / f"{broken:04d}_broken.sql").unlink()
    released = (MIGRATIONS_DIR / "0001_initial.sql").read_text()
    (migrations / "0001_initial.sql").write_text(released + "\n-- an afterthought\n")
    with pytest.raises(MigrationError, match="edited"):
        migrate(db, migrations)


def test_models_match_migrated_schema(store):
    """Names, declared types (SQLAlchemy's VARCHAR is our TEXT), nullability and primary keys."""
    with sqlite3.connect(store.path) as conn:
        for table in SQLModel.metadata.sorted_tables:
            migrated = {row[1]: (row[2], not row[3] or row[5] == 1)
                        for row in conn.execute(f"PRAGMA table_info({table.name})")}
            modelled = {c.name: (c.type.compile(dialect=sqlite_dialect()).replace("VARCHAR", "TEXT"),
                                 bool(c.nullable or c.primary_key)) for c in table.columns}
            assert modelled == migrated, table.name


def test_wal_mode_and_foreign_keys_are_on(store):
    with store.session() as s:
        assert s.exec(text("PRAGMA journal_mode")).one()[0] == "wal"
        assert s.exec(text("PRAGMA foreign_keys")).one()[0] == 1


def test_saving_the_same_document_twice_changes_nothing(store):
    first = save(store)
    assert (first.status, first.facts_added) == ("new", 3)
    assert store.document_unchanged("/corpus/reform.txt", parsed(TEXT_V1).content_hash, "1")
    assert not store.document_unchanged("/corpus/reform.txt", parsed(TEXT_V1).content_hash, "2")
    second = save(store)
    assert (second.status, second.document_id, second.facts_added) == ("unchanged", first.document_id, 0)
    assert store.stats()["facts"] == 3 and store.stats()["mentions"] == 1


def test_changed_text_resyncs_facts_by_key(store):
    save(store)
    leader_id = fact_id(store, "leader")
    changed = TEXT_V1.replace("Li Qiang is a deputy head of the commission. ", "") + " It meets monthly."
    result = save(store, changed, people=(XI,))
    assert (result.status, result.facts_added, result.facts_removed) == ("updated", 0, 1)
    facts = store.list_facts()
    assert fact_id(store, "leader") == leader_id
    assert [f.role for f in facts if f.kind == "membership"] == ["leader"]
    event = next(f for f in facts if f.kind == "event")
    assert event.evidence == changed[event.evidence_start:event.evidence_end]


def test_review_decision_survives_a_newer_extractor(store):
    save(store)
    leader_id = fact_id(store, "leader")
    store.set_status(leader_id, "accepted", "ana", note="checked the notice")
    result = save(store, version="2")
    assert result.status == "updated"
    fact = store.get_fact(leader_id)
    assert (fact.status, fact.needs_rereview, fact.extractor_version) == ("accepted", False, "2")
    assert [h["action"] for h in store.fact_history(leader_id)] == ["status"]


def test_reviewed_fact_whose_evidence_changed_returns_to_pending_flagged(store):
    save(store)
    leader_id = fact_id(store, "leader")
    store.set_status(leader_id, "accepted", "ana")
    changed = TEXT_V1.replace("Xi Jinping heads", "Xi Jinping, general secretary, heads")
    save(store, changed)
    fact = store.get_fact(leader_id)
    assert (fact.status, fact.needs_rereview) == ("pending", True)
    assert fact.evidence.startswith("Xi Jinping, general secretary")
    history = store.fact_history(leader_id)
    assert [h["action"] for h in history] == ["status", "rereview"]
    assert history[1]["before"]["status"] == "accepted" and history[1]["reviewer"] == "system"


def test_reviewed_fact_no_longer_extracted_is_kept_and_flagged(store):
    save(store)
    deputy_id = fact_id(store, "deputy_leader")
    store.set_status(deputy_id, "rejected", "ana")
    result = save(store, version="2", people=(XI,))
    assert result.facts_removed == 0
    fact = store.get_fact(deputy_id)
    assert (fact.status, fact.needs_rereview) == ("rejected", True)
    assert store.fact_history(deputy_id)[-1]["action"] == "stale"


def test_merge_people_repoints_facts_writes_audit_and_holds_on_reextraction(store):
    xi_hanzi = PersonRef(name="习近平", name_zh="习近平")  # no pinyin known: a different key
    zh_text = ZH_TEXT

    def zh_extraction(version: str) -> Extraction:
        stated = Evidence(zh_text, 0, len(zh_text))
        return Extraction([Membership(REFORM, xi_hanzi, "leader", stated)], [], version)

    save(store, people=(XI, LI))
    store.save_document(parsed(zh_text, "/corpus/other.txt"), zh_extraction("1"))
    people = {f.person_name: f.person_id for f in store.list_facts(kind="membership")}
    keep, drop = people["Xi Jinping"], people["习近平"]
    assert keep != drop
    assert store.merge_people(keep, drop, "ana") == 1
    moved = next(f for f in store.list_facts(person_id=keep) if f.document.endswith("other.txt"))
    assert moved.person_name == "习近平" and moved.person_canonical == "Xi Jinping"
    history = store.fact_history(moved.id)
    assert history[-1]["action"] == "merge_people"
    assert (history[-1]["before"], history[-1]["after"]) == ({"person_id": drop}, {"person_id": keep})
    # A newer extractor still names the dropped key: the fact stays with the kept person.
    store.save_document(parsed(zh_text, "/corpus/other.txt"), zh_extraction("2"))
    assert store.get_fact(moved.id).person_id == keep
    assert store.list_facts(person_id=drop) == []
    with pytest.raises(ReviewError):
        store.merge_people(keep, drop, "ana")


def test_merge_groups_repoints_group_and_rename_target(store):
    doc = "The Central Leading Group for Comprehensively Deepening Reforms became a commission in 2018."
    renamed = Event(REFORM_LSG, "renamed", "2018", evidence(doc, doc), to_group=REFORM_LSG)
    store.save_document(parsed(doc, "/corpus/rename.txt"), Extraction([renamed], [], "1"))
    save(store)
    lsg_id = next(f.group_id for f in store.list_facts() if f.event_type == "renamed")
    reform_id = next(f.group_id for f in store.list_facts() if f.role == "leader")
    assert store.merge_groups(reform_id, lsg_id, "ana") == 1
    fact = next(f for f in store.list_facts() if f.event_type == "renamed")
    assert (fact.group_id, fact.to_group_id) == (reform_id, reform_id)
    assert store.fact_history(fact.id)[-1]["after"] == {"group_id": reform_id, "to_group_id": reform_id}
    record = next(r for r in store.iter_fact_records("all") if r["fact_id"] == fact.id)
    assert "Central Leading Group for Comprehensively Deepening Reforms" in [
        record["group"]["name"], *record["group"]["aliases"]]
    assert record["group"]["canonical"] == REFORM.canonical


def test_edits_overlay_the_extracted_values_everywhere(store):
    save(store)
    deputy_id = fact_id(store, "deputy_leader")
    store.edit_fact(deputy_id, {"role": "member", "person_name": "Li Qiang (premier)"}, "ana")
    fact = store.get_fact(deputy_id)
    assert (fact.role, fact.person_name, fact.edited) == ("member", "Li Qiang (premier)", True)
    assert [f.id for f in store.list_facts(role="member")] == [deputy_id]
    assert store.list_facts(role="deputy_leader") == []
    record = next(r for r in store.iter_fact_records("all") if r["fact_id"] == deputy_id)
    assert record["role"] == "member" and record["person"]["name"] == "Li Qiang (premier)"
    history = store.fact_history(deputy_id)[-1]
    assert history["before"] == {"role": "deputy_leader", "person_name": "Li Qiang"}
    save(store, version="2")  # re-extraction keeps the analyst's overlay
    assert store.get_fact(deputy_id).role == "member"
    with pytest.raises(ReviewError, match="event_type"):
        store.edit_fact(deputy_id, {"event_type": "meeting"}, "ana")
    with pytest.raises(ReviewError, match="date"):
        store.edit_fact(fact_id(store, None), {"date": "March 2018"}, "ana")


def test_list_facts_orders_the_queue_and_filters(store):
    save(store)
    stated = Evidence(ZH_TEXT, 0, len(ZH_TEXT))
    store.save_document(parsed(ZH_TEXT, "/corpus/zh.txt"),
                        Extraction([Membership(REFORM, XI, "leader", stated, confidence=0.95)], [], "1"))
    pending = store.list_facts(status="pending")
    assert [f.confidence for f in pending] == [0.6, 0.7, 0.9, 0.95]
    assert [f.confidence for f in store.list_facts(order="-confidence", limit=2)] == [0.95, 0.9]
    assert [f.document for f in store.list_facts(language="zh")] == ["/corpus/zh.txt"]
    xi_id = store.list_facts(language="zh")[0].person_id
    assert {f.document for f in store.list_facts(person_id=xi_id)} == {"/corpus/zh.txt", "/corpus/reform.txt"}
    store.set_status(pending[0].id, "accepted", "ana")
    assert [f.id for f in store.list_facts(status="accepted")] == [pending[0].id]
    assert len(store.list_facts(status="all")) == 4 and len(store.list_facts(limit=2, offset=3)) == 1
    stats = store.stats()
    assert stats["facts_by_status"] == {"accepted": 1, "pending": 3}
    assert (stats["groups"], stats["people"], stats["reviews"]) == (1, 2, 1)


def test_queue_and_role_filters_use_their_indexes(store):
    with store.session() as s:
        def plan(sql: str) -> str:
            return " ".join(row[3] for row in s.exec(text("EXPLAIN QUERY PLAN " + sql)))
        assert "ix_fact_status_confidence" in plan(
            "SELECT id FROM fact WHERE status = 'pending' ORDER BY confidence, id LIMIT 50")
        assert "ix_fact_effective_role" in plan(
            "SELECT id FROM fact WHERE coalesce(json_extract(fact.edits, '$.role'), fact.role) = 'member'")


def test_fact_records_rebuild_the_export_record(store):
    save(store)
    assert list(store.iter_fact_records()) == []  # accepted only, by default
    leader = next(r for r in store.iter_fact_records("all") if r.get("role") == "leader")
    assert leader["document"] == "/corpus/reform.txt" and leader["status"] == "pending"
    assert leader["group"] == {"name": REFORM.name, "name_zh": "中央全面深化改革委员会",
                               "canonical": REFORM.canonical, "aliases": ["CCDR"], "kind": "commission"}
    assert leader["person"] == {"name": "Xi Jinping", "name_zh": "习近平", "canonical": "Xi Jinping",
                                "aliases": []}
    assert leader["evidence"] == TEXT_V1[leader["evidence_start"]:leader["evidence_end"]]
    assert {"fact_id", "key", "document_title", "document_published", "confidence",
            "extractor_version", "needs_rereview"} <= set(leader)
    event = next(r for r in store.iter_fact_records("all") if r["kind"] == "event")
    assert (event["event"], event["date"], event["date_precision"], event["to_group"]) == \
        ("established", "2018-03", "month", None)
    with pytest.raises(ValueError):
        list(store.iter_fact_records("approved"))


def test_transport_metadata_and_source_counts_are_kept(store):
    doc = parsed(TEXT_V1, "http://127.0.0.1/reform.html")
    meta = {"etag": '"v1"', "last_modified": "Tue, 01 May 2018 00:00:00 GMT",
            "fetched_at": "2018-05-01T08:00:00+08:00"}
    store.register_source("reform-site", "url", "http://127.0.0.1/", {"depth": 1})
    store.save_document(doc, extraction(TEXT_V1), raw_meta=meta, source="reform-site")
    store.save_document(doc, extraction(TEXT_V1, version="2"), raw_meta=meta, source="reform-site")
    store.record_source_run("reform-site", seen=2, failed=1, error="one page timed out")
    assert store.http_validators("http://127.0.0.1/reform.html") == {
        "etag": '"v1"', "last_modified": "Tue, 01 May 2018 00:00:00 GMT"}
    assert store.http_validators("http://127.0.0.1/other.html") is None
    with sqlite3.connect(store.path) as conn:
        assert conn.execute("SELECT kind, config, items_seen, items_new, items_updated, items_failed,"
                            " last_error FROM source").fetchall() == [
            ("url", '{"depth": 1}', 2, 1, 1, 1, "one page timed out")]
        fetched, source_id = conn.execute("SELECT fetched_at, source_id FROM document").fetchone()
    assert fetched.startswith("2018-05-01 00:00:00") and source_id == 1


def test_pdf_line_spans_keep_page_and_box_through_the_store(store):
    spans = [PageSpan(1, 0, 77, (52.83, 111.57, 231.24, 121.57)), PageSpan(2, 79, len(TEXT_V1), None)]
    doc = parsed(TEXT_V1, "/corpus/reform.pdf")
    doc.media_type, doc.pages = "application/pdf", spans
    saved = store.save_document(doc, extraction(TEXT_V1))
    with sqlite3.connect(store.path) as conn:
        stored = json.loads(conn.execute("SELECT pages FROM document").fetchone()[0])
    assert stored[0] == {"page": 1, "start": 0, "end": 77, "bbox": [52.83, 111.57, 231.24, 121.57]}
    [(reloaded, _)] = store.stored_documents([saved.document_id])
    assert reloaded.pages == spans


def test_a_note_is_a_review_row_that_changes_nothing(store):
    save(store)
    leader_id = fact_id(store, "leader")
    before = store.get_fact(leader_id)
    store.add_note(leader_id, "  ask the desk about the date  ", "ana")
    assert store.get_fact(leader_id) == before
    [row] = store.fact_history(leader_id)
    assert (row["action"], row["note"], row["reviewer"]) == ("note", "ask the desk about the date", "ana")
    assert row["before"] == row["after"] == {"status": "pending"}
    with pytest.raises(ReviewError):
        store.add_note(leader_id, "   ", "ana")
    with pytest.raises(ReviewError):
        store.add_note(10_000, "no such fact", "ana")
