"""A small store for the review app's tests, written through the store's own API.

Sentences are our own, about real bodies and officials; one document is hostile on purpose
(markup and a script in its title, text and evidence, a javascript: origin).
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from pipeline.records import (Event, Evidence, Extraction, GroupRef, Membership, Mention, PageSpan,
                              ParsedDocument, PersonRef)
from pipeline.store import Store, open_store

HOSTILE = '<script>alert(1)</script><b onmouseover="alert(2)">bold</b> & <img src=x onerror=alert(3)>'
REFORM = GroupRef(name="Central Leading Group for Comprehensively Deepening Reforms",
                  name_zh="中央全面深化改革领导小组",
                  canonical="Central Leading Group for Comprehensively Deepening Reforms",
                  kind="leading_group", gazetteer_id="central-leading-group-deepening-reform")
REFORM_COMMISSION = GroupRef(name="Central Commission for Comprehensively Deepening Reform",
                             name_zh="中央全面深化改革委员会",
                             canonical="Central Commission for Comprehensively Deepening Reform",
                             kind="commission", gazetteer_id="central-commission-deepening-reform")
XI = PersonRef(name="Xi Jinping", name_zh="习近平", canonical="Xi Jinping", aliases=["習近平"])
LI = PersonRef(name="Li Keqiang", name_zh="李克强", canonical="Li Keqiang")
WANG = PersonRef(name="王沪宁", name_zh="王沪宁", canonical="Wang Huning")
WANG_EN = PersonRef(name="Huning Wang", canonical="Huning Wang")
LIU = PersonRef(name="刘鹤", name_zh="刘鹤", canonical="Liu He")


def _doc(origin: str, text: str, lang: str, title: str, published: str | None,
         media_type: str = "text/plain", pages: list[PageSpan] | None = None) -> ParsedDocument:
    return ParsedDocument(origin=origin, text=text, lang=lang, title=title, published=published,
                          content_hash=hashlib.sha256(text.encode()).hexdigest(),
                          media_type=media_type, pages=pages or [])


def _evidence(text: str, sentence: str) -> Evidence:
    start = text.index(sentence)
    return Evidence(sentence, start, start + len(sentence))


def english_news(version: str = "v1", deputy_sentence: str | None = None):
    lead = "In December 2013 the Politburo set up a new body to steer reform."
    head = "Xi Jinping heads the Central Leading Group for Comprehensively Deepening Reforms."
    deputy = deputy_sentence or "Li Keqiang serves as a deputy leader of the group."
    text = f"{lead}\n{head}\n{deputy}\n"
    doc = _doc("https://news.example.org/reform-group", text, "en", "Reform group set up",
               "2014-01-22")
    facts = [Membership(REFORM, XI, "leader", _evidence(text, head), confidence=0.9),
             Membership(REFORM, LI, "deputy_leader", _evidence(text, deputy), confidence=0.4),
             Event(REFORM, "established", "2013-12", _evidence(text, lead), confidence=0.7)]
    mentions = [Mention("PERSON", "Xi Jinping", text.index(head), text.index(head) + 10)]
    return doc, Extraction(facts, mentions, version)


def chinese_notice():
    line1 = "组长：习近平"
    line2 = "副组长：王沪宁"
    line3 = "2018年3月，中央全面深化改革领导小组改为中央全面深化改革委员会。"
    text = f"中央全面深化改革领导小组\n{line1}\n{line2}\n{line3}\n"
    doc = _doc("https://www.example.cn/notice.html", text, "zh", "领导小组名单", "2017-11-01")
    facts = [Membership(REFORM, XI, "leader", _evidence(text, line1), confidence=0.8),
             Membership(REFORM, WANG, "deputy_leader", _evidence(text, line2), confidence=0.3),
             Event(REFORM, "renamed", "2018-03", _evidence(text, line3), to_group=REFORM_COMMISSION,
                   confidence=0.6)]
    return doc, Extraction(facts, [], "v1")


def pdf_report():
    page1 = "A think-tank report on central commissions.\nPage one says nothing about people.\n"
    sentence = "Liu He became director of the office of the commission."
    page2 = f"On the second page the report turns to staff.\n{sentence}\nMore text follows.\n"
    text = page1 + page2
    pages = [PageSpan(1, 0, len(page1)), PageSpan(2, len(page1), len(text))]
    doc = _doc("/data/reports/commissions.pdf", text, "en", "Commissions report", "2019",
               "application/pdf", pages)
    facts = [Membership(REFORM_COMMISSION, LIU, "office_director", _evidence(text, sentence),
                        confidence=0.5)]
    return doc, Extraction(facts, [], "v1")


def hostile_document():
    sentence = f"Huning Wang joined the reform group {HOSTILE} as a member."
    text = f"Title line {HOSTILE}\n{sentence}\n"
    doc = _doc("javascript:alert(4)", text, "en", f"Evil {HOSTILE}", "2020-05-05")
    facts = [Membership(REFORM, WANG_EN, "member", _evidence(text, sentence), confidence=0.2)]
    return doc, Extraction(facts, [], "v1")


def build_store(path: Path) -> Store:
    """Four documents, eight facts, all pending; sources 'news' and 'reports'."""
    store = open_store(path)
    for maker, source in ((english_news, "news"), (chinese_notice, "news"),
                          (pdf_report, "reports"), (hostile_document, "news")):
        doc, extraction = maker()
        store.save_document(doc, extraction, source=source)
    return store


def fact_id(store: Store, evidence_part: str) -> int:
    """The id of the one fact whose evidence contains `evidence_part`."""
    matches = [f.id for f in store.list_facts(status="all", limit=100)
               if evidence_part in f.evidence]
    assert len(matches) == 1, (evidence_part, matches)
    return matches[0]
