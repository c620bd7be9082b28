"""Tenures across documents, languages and a leading group turned commission; inferred end dates;
merge proposals for the reviewer."""
from __future__ import annotations

import json
import sqlite3

import pytest
from sqlalchemy.dialects.sqlite import dialect as sqlite_dialect

from sqlmodel import select

from tests.dataset_builders import (EN_2014, ZH_2015, ZH_2018, document, reform_store, save,
                                    sentence)
from pipeline.merges import propose_merges
from pipeline.records import Extraction, Membership, PersonRef
from pipeline.resolve import resolve_group, resolve_person
from pipeline.store import ReviewError, open_store
from pipeline.store.models import GroupEntity, StoredFact
from pipeline.store.proposals import (MergeProposal, TenureEnd, decide_merge, decide_tenure_end,
                                      merge_proposals, tenure_ends)
from pipeline.tenures import gazetteer_lineages, infer_ends, later, tenures

LG = "central-leading-group-deepening-reform"


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "lsg.db") as opened:
        yield opened


def by_person(found, pinyin: str, role: str):
    return next(t for t in found if t.person["canonical"] == pinyin and t.role == role)


def test_english_and_chinese_documents_give_one_person_and_one_body_per_entity(store):
    reform_store(store)
    stats = store.stats()
    assert stats["people"] == 5  # Xi, Li Keqiang, Liu Yunshan, Zhang Gaoli, Wang Huning
    assert stats["groups"] == 2  # the leading group (en + zh names) and the commission
    with sqlite3.connect(store.path) as conn:
        name, name_zh, canonical, aliases = conn.execute(
            "SELECT name, name_zh, canonical, aliases FROM group_entity WHERE key = ?",
            (f"gaz:{LG}",)).fetchone()
    forms = {name, name_zh, canonical, *json.loads(aliases)}
    assert {"Central Leading Group for Comprehensively Deepening Reforms",
            "中央全面深化改革领导小组"} <= forms


def test_a_tenure_spans_languages_and_the_group_becoming_a_commission(store):
    reform_store(store)
    xi = by_person(tenures(store), "Xi Jinping", "leader")
    assert xi.lineage == f"gaz:{LG}"
    assert (xi.start, xi.last_seen, xi.end) == ("2014-01-22", "2018-03-28", None)
    assert xi.documents == [EN_2014[0], ZH_2015[0], ZH_2018[0]]
    assert [b["gazetteer_id"] for b in xi.bodies] == [LG, "central-commission-deepening-reform"]
    assert len(xi.fact_ids) == 3


def test_a_later_roster_leaving_a_member_out_proposes_one_inferred_end(store):
    reform_store(store)
    assert infer_ends(store) == 1
    assert infer_ends(store) == 0  # idempotent
    (row,) = tenure_ends(store)
    assert (row.role, row.end_date, row.end_precision, row.end_status) == \
        ("deputy_leader", "2018-03-28", "day", "inferred")
    found = tenures(store)
    zhang = by_person(found, "Zhang Gaoli", "deputy_leader")
    assert (zhang.last_seen, zhang.end, zhang.end_status, zhang.end_source) == \
        ("2015-03", "2018-03-28", "inferred", ZH_2018[0])
    assert [t.end for t in found if t is not zhang] == [None] * (len(found) - 1)


def test_reviewer_accepts_or_rejects_an_inferred_end(store):
    reform_store(store)
    infer_ends(store)
    (row,) = tenure_ends(store)
    decide_tenure_end(store, row.id, "rejected", "ana")
    assert by_person(tenures(store), "Zhang Gaoli", "deputy_leader").end is None
    with pytest.raises(ReviewError, match="already decided"):
        decide_tenure_end(store, row.id, "accepted", "ana")
    assert infer_ends(store) == 0  # a decision is not re-proposed


def test_accepted_end_survives_recomputation(store):
    reform_store(store)
    infer_ends(store)
    decide_tenure_end(store, tenure_ends(store)[0].id, "accepted", "ana")
    infer_ends(store)
    zhang = by_person(tenures(store), "Zhang Gaoli", "deputy_leader")
    assert (zhang.end, zhang.end_status) == ("2018-03-28", "accepted")


def test_a_short_list_is_not_a_roster_and_a_reappearance_withdraws_the_inference(store):
    reform_store(store, accept=False)
    infer_ends(store)
    later_doc = ("/corpus/2019.txt", "zh", "2019-01", "中央全面深化改革委员会副主任张高丽。")
    save(store, later_doc, facts=[("中央全面深化改革委员会", "张高丽", "deputy_leader", "副主任")])
    assert infer_ends(store) == 0
    ended = {(e.person_id, e.end_date) for e in tenure_ends(store)}
    assert all(date != "2018-03-28" for _, date in ended)  # seen again in 2019: not ended
    # ...and the 2019 single statement, not a roster, ends nobody else's tenure
    assert by_person(tenures(store, "active"), "Li Keqiang", "deputy_leader").end is None


def test_rename_events_join_lineages_of_unknown_bodies(store):
    text = "The Leading Group for Harbour Works became the Harbour Works Commission in 2016."
    save(store, ("/corpus/rename.txt", "en", "2016-05", text), facts=[
        ("Leading Group for Harbour Works", "Chen Yi", "leader", "became")],
        events=[("Leading Group for Harbour Works", "renamed", "2016", "became")])
    with store.session(write=True) as s:  # the rename target, as an extractor would give it
        target = GroupEntity(key="name:harbour works commission", name="Harbour Works Commission")
        s.add(target)
        s.flush()
        event = s.exec(select(StoredFact).where(StoredFact.kind == "event")).one()
        event.to_group_id, event.to_group_surface = target.id, target.name
    save(store, ("/corpus/2017.txt", "en", "2017", "Chen Yi heads the Harbour Works Commission."),
         facts=[("Harbour Works Commission", "Chen Yi", "leader", "heads")])
    (chen,) = tenures(store, "all")
    assert (chen.start, chen.last_seen, len(chen.bodies)) == ("2016-05", "2017", 2)


def test_gazetteer_lineages_follow_successors_to_the_first_body():
    assert gazetteer_lineages()["central-commission-deepening-reform"] == LG
    assert gazetteer_lineages()[LG] == LG


def test_later_compares_at_the_coarser_precision():
    assert later("2018-03-28", "2015-03") and later("2019", "2018-12")
    assert not later("2018-03", "2018") and not later("2018", "2018-03-28")


def test_uncertain_people_are_proposed_and_merged_only_when_accepted(store):
    reform_store(store)
    text = "习近平同志主持会议。"
    written_without_pinyin = PersonRef("习近平同志", "习近平")  # key person:习近平同志
    store.save_document(document("/corpus/meeting.txt", "zh", "2016", text), Extraction(
        [Membership(resolve_group("中央全面深化改革领导小组"), written_without_pinyin, "leader",
                    sentence(text, "主持"))], [], "test-1"))
    assert store.stats()["people"] == 6
    assert propose_merges(store) >= 1
    assert propose_merges(store) == 0  # never proposed twice
    proposal = next(p for p in merge_proposals(store) if "same hanzi 习近平" in p.reason)
    assert proposal.kind == "person" and proposal.score >= 0.9
    assert store.stats()["people"] == 6  # proposed, not merged
    assert decide_merge(store, proposal.id, "accepted", "ana") == 1
    assert store.stats()["people"] == 5
    assert merge_proposals(store, "accepted")[0].reviewer == "ana"
    xi = by_person(tenures(store, "all"), "Xi Jinping", "leader")
    assert "/corpus/meeting.txt" in xi.documents


def test_same_romanisation_with_different_hanzi_scores_low(store):
    text = "Zhāng Wěi and 张伟 attended."
    group = resolve_group("Central Leading Group for Comprehensively Deepening Reforms")
    store.save_document(document("/corpus/zhang.txt", "en", "2020", text), Extraction([
        Membership(group, PersonRef("Zhāng Wěi", "章伟", "Zhāng Wěi"), "member", sentence(text, "and")),
        Membership(group, resolve_person("张伟"), "member", sentence(text, "and"))], [], "test-1"))
    propose_merges(store)
    (proposal,) = merge_proposals(store)
    assert proposal.score <= 0.3 and "different hanzi" in proposal.reason


def test_a_group_partly_matching_a_gazetteer_body_is_proposed(store):
    reform_store(store)
    text = "The Central Leading Group for Deepening Reforms of Culture met."
    save(store, ("/corpus/culture.txt", "en", "2016", text),
         facts=[("Central Leading Group for Deepening Reforms of Culture", "Liu Qibao", "leader", "met")])
    propose_merges(store)
    (proposal,) = [p for p in merge_proposals(store) if p.kind == "group"]
    assert 0.5 <= proposal.score < 0.9 and "gazetteer body" in proposal.reason
    decide_merge(store, proposal.id, "rejected", "ana")
    assert store.stats()["groups"] == 3


def test_proposal_tables_match_their_migration(store):
    with sqlite3.connect(store.path) as conn:
        for model in (MergeProposal, TenureEnd):
            table = model.__table__
            migrated = {row[1]: (row[2], not row[3] or row[5] == 1)
                        for row in conn.execute(f"PRAGMA table_info({table.name})")}
            modelled = {c.name: (c.type.compile(dialect=sqlite_dialect()).replace("VARCHAR", "TEXT"),
                                 bool(c.nullable or c.primary_key)) for c in table.columns}
            assert modelled == migrated, table.name
