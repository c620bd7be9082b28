"""Stores for the dataset tests: hand-built extractions (refs from pipeline.resolve) saved through
store.save_document, so no extractor runs. The sentences are ours; the facts are real.
"""
from __future__ import annotations

import hashlib

from pipeline.records import (Event, Evidence, Extraction, Membership, ParsedDocument)
from pipeline.resolve import resolve_group, resolve_person

EN_2014 = ("http://127.0.0.1/news/2014-reform-group.html", "en", "2014-01-22",
           "Xi Jinping heads the Central Leading Group for Comprehensively Deepening Reforms. "
           "Li Keqiang, Liu Yunshan and Zhang Gaoli are its deputy heads.")
ZH_2015 = ("/corpus/notice-2015.txt", "zh", "2015-03",
           "中央全面深化改革领导小组组长习近平，副组长李克强、刘云山、张高丽。")
ZH_2018 = ("/corpus/notice-2018.txt", "zh", "2018-03-28",
           "中央全面深化改革委员会主任习近平，副主任李克强、刘云山、王沪宁。")

# (group surface, person surface, role, the words of the sentence stating it)
FACTS = {
    EN_2014[0]: [("Central Leading Group for Comprehensively Deepening Reforms", "Xi Jinping",
                  "leader", "Xi Jinping heads"),
                 ("Central Leading Group for Comprehensively Deepening Reforms", "Li Keqiang",
                  "deputy_leader", "deputy heads"),
                 ("Central Leading Group for Comprehensively Deepening Reforms", "Liu Yunshan",
                  "deputy_leader", "deputy heads"),
                 ("Central Leading Group for Comprehensively Deepening Reforms", "Zhang Gaoli",
                  "deputy_leader", "deputy heads")],
    ZH_2015[0]: [("中央全面深化改革领导小组", name, role, "组长")
                 for name, role in (("习近平", "leader"), ("李克强", "deputy_leader"),
                                    ("刘云山", "deputy_leader"), ("张高丽", "deputy_leader"))],
    ZH_2018[0]: [("中央全面深化改革委员会", name, role, "主任")
                 for name, role in (("习近平", "leader"), ("李克强", "deputy_leader"),
                                    ("刘云山", "deputy_leader"), ("王沪宁", "deputy_leader"))],
}


def sentence(text: str, words: str) -> Evidence:
    """The sentence of `text` containing `words`."""
    at = text.index(words)
    start = max(text.rfind(".", 0, at), text.rfind("。", 0, at)) + 1
    end = min(i for i in (text.find(".", at), text.find("。", at), len(text) - 1) if i >= 0) + 1
    while text[start] == " ":
        start += 1
    return Evidence(text[start:end], start, end)


def document(origin: str, lang: str, published: str | None, text: str) -> ParsedDocument:
    return ParsedDocument(origin=origin, text=text, media_type="text/plain", lang=lang,
                          published=published, content_hash=hashlib.sha256(text.encode()).hexdigest())


def memberships(text: str, facts) -> list[Membership]:
    return [Membership(resolve_group(group), resolve_person(person), role, sentence(text, words), 0.8)
            for group, person, role, words in facts]


def save(store, source: tuple, facts=None, events=(), version: str = "test-1") -> int:
    origin, lang, published, text = source
    built = memberships(text, FACTS[origin] if facts is None else facts)
    built += [Event(resolve_group(group), kind, date, sentence(text, words), confidence=0.7)
              for group, kind, date, words in events]
    return store.save_document(document(origin, lang, published, text),
                               Extraction(built, [], version)).document_id


def reform_store(store, accept: bool = True):
    """The three reform-body documents saved (and every fact accepted)."""
    for source in (EN_2014, ZH_2015, ZH_2018):
        save(store, source)
    if accept:
        for row in store.list_facts(limit=1000, order="id"):
            store.set_status(row.id, "accepted", "test")
    return store
