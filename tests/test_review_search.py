"""Evidence search: short words (two hanzi, "Xi") go through the trigram index's vocabulary."""
from __future__ import annotations

import sqlite3

import pytest

from pipeline.records import Event, Extraction, GroupRef, Membership
from pipeline.review import search
from tests import review_sample
from tests.review_client import card_ids, client, db, store  # noqa: F401 (fixtures)
from tests.review_sample import LIU, REFORM_COMMISSION, fact_id

FINANCE = GroupRef(name="中央财经委员会", name_zh="中央财经委员会", kind="commission")


def _liu_notice():
    lines = ["中央财经委员会办公室主任：刘鹤", "刘鹤主持召开办公室会议。",
             "2018年3月，中央财经委员会成立，刘鹤出席。", "委员：何立峰"]
    text = "\n".join(lines) + "\n"
    doc = review_sample._doc("https://www.example.cn/finance.html", text, "zh", "名单", "2018-03-28")
    facts = [Membership(FINANCE, LIU, "office_director", review_sample._evidence(text, lines[0])),
             Membership(REFORM_COMMISSION, LIU, "member", review_sample._evidence(text, lines[1])),
             Event(FINANCE, "established", "2018-03", review_sample._evidence(text, lines[2]))]
    return doc, Extraction(facts, [], "v1")


def _found(client, query: str) -> set[int]:
    return set(card_ids(client.get(f"/?status=all&q={query}").text))


@pytest.mark.parametrize("common", [False, True])
def test_two_hanzi_name_finds_the_persons_facts_and_any_evidence_naming_them(
        client, store, monkeypatch, common):
    store.save_document(*_liu_notice(), source="news")
    if common:
        monkeypatch.setattr(search, "COMMON", 1)  # checked row by row instead of listed
    about_liu = {fact_id(store, "办公室主任：刘鹤"), fact_id(store, "刘鹤主持")}
    assert _found(client, "刘鹤") == about_liu | {fact_id(store, "刘鹤出席")}
    assert _found(client, "刘鹤 会议") == {fact_id(store, "刘鹤主持")}
    assert _found(client, "沪宁") == {fact_id(store, "副组长")}  # ends the evidence
    assert _found(client, "鹤") == _found(client, "刘鹤")  # one character
    assert _found(client, "Xi") == {fact_id(store, "Xi Jinping heads")}
    assert _found(client, "何立") == _found(client, "乙丙") == set()  # no fact / no evidence


def test_short_words_agree_with_reading_every_evidence(client, db):
    with sqlite3.connect(db) as conn:
        evidence = dict(conn.execute("SELECT id, evidence FROM fact"))
    for word in ("组长", "长：", "改为", "He", "of", "e", "。", "3", "全面"):
        expected = {i for i, text in evidence.items()
                    if (word.lower() in text.lower() if word.isascii() else word in text)}
        assert _found(client, word) == expected, word


def test_an_index_of_an_older_layout_is_rebuilt(db):
    with sqlite3.connect(db) as conn:
        for name in ("review_fact_fts_insert", "review_fact_fts_delete", "review_fact_fts_update"):
            conn.execute(f"DROP TRIGGER IF EXISTS {name}")
        conn.execute("DROP TABLE IF EXISTS review_fact_terms")
        conn.execute("DROP TABLE IF EXISTS review_fact_fts")
        conn.execute("CREATE VIRTUAL TABLE review_fact_fts USING fts5(evidence, content='fact', "
                     "content_rowid='id', tokenize='trigram')")
    assert search.ensure_index(db) is True
    assert search.ensure_index(db) is False
    with sqlite3.connect(db) as conn:
        terms = [t for (t,) in conn.execute("SELECT term FROM review_fact_terms WHERE term >= '沪宁'"
                                            " AND term < '沪宁\U0010ffff'")]
    assert terms == ["沪宁 "]  # the padding makes the last two characters begin a trigram
