"""Dated events of a group: 成立/设立 (established), 更名为/改为 (renamed, with the new body),
撤销/不再保留 (disbanded), 第N次会议/召开领导小组会议 (meeting), and infobox rows (成立时间 | 2021年).

An event needs a date in its sentence. The one exception is a notice that 决定成立 a group:
its issuing date, on a line of its own at the end, dates the establishment. Conditional or
future wording (任务完成后自动撤销, 将成立) and reporting dates (6月1日，记者…获悉，…成立) are
not events.
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.extract.zh.facts import (CONFIDENCE, GroupMention, ZhFact, doc_text, group_ending_at,
                                       group_starting_at)
from pipeline.extract.zh.lexicon import event_rules
from pipeline.extract.zh.segments import line_spans, sentence_around, sentence_spans

_OPENING = re.compile(r"[\s「“\"『《了]*")
# Between a group and its verb: nothing, a date ("于2014年"), or ", date" when the group
# ended the previous clause ("成立X委员会，1993年8月4日更名为Y"). @ stands for a date.
_GAP_BEFORE_VERB = re.compile(r"^[」”\"』》\s]*(?:[,，]\s*(?:于|在)?\s*@+|(?:于|在)?\s*@*)"
                              r"\s*(?:正式|宣布|宣告|被|已经|已|即|随即)*\s*$")
_DECIDED = re.compile(r"(?:决定|同意|批准|关于)\s*$")
_CLOSING_LINES = 6
_FUTURE = ("将", "拟", "要", "应", "会")


@lru_cache(maxsize=1)
def _rules() -> dict[str, list]:
    rules: dict[str, list] = {"verb": [], "pattern": [], "infobox": [], "not_an_event": [], "reporting": []}
    for row in event_rules():
        for key in ("verb", "pattern", "infobox", "not_an_event", "reporting"):
            if key in row:
                rules[key].append(row)
    rules["verb"].sort(key=lambda r: -len(r["verb"]))
    return rules


class EventReader:
    def __call__(self, doc: Doc) -> Doc:
        facts = doc._.zh_facts if doc._.zh_facts is not None else []
        closing = closing_date(doc_text(doc), doc._.zh_dates)
        for sentence in sentence_spans(doc_text(doc)):
            facts.extend(self._verb_events(doc, sentence, closing))
            facts.extend(self._meetings(doc, sentence))
        facts.extend(self._infobox_events(doc))
        doc._.zh_facts = facts
        return doc

    def _verb_events(self, doc: Doc, sentence: tuple[int, int], closing: str | None):
        text = doc_text(doc)
        used: set[int] = set()
        for rule in _rules()["verb"]:
            verb = rule["verb"]
            for match in re.finditer(re.escape(verb), text[sentence[0]:sentence[1]]):
                vs, ve = sentence[0] + match.start(), sentence[0] + match.end()
                if vs in used or self._conditional(text, vs, ve, sentence):
                    continue
                group, to_group = self._groups(doc, rule, vs, ve, sentence)
                if group is None or (rule["event"] == "renamed" and to_group is None):
                    continue
                date, confidence = self._date(doc, vs, sentence), CONFIDENCE["event"]
                if date is None and rule["event"] == "established" and closing \
                        and _DECIDED.search(text[max(sentence[0], vs - 4):vs]):
                    date, confidence = closing, CONFIDENCE["notice_date"]
                if date is None:
                    continue
                used.update(range(vs, ve))
                evidence = (min(vs, group.start), max(ve, (to_group or group).end))
                yield ZhFact("event", group.target, _widen(text, evidence, sentence), confidence,
                             event=rule["event"], date=date,
                             to_group=to_group.target if to_group else None)

    @staticmethod
    def _groups(doc: Doc, rule: dict, vs: int, ve: int, sentence) -> tuple[GroupMention | None, ...]:
        text = doc_text(doc)
        after = group_starting_at(doc, _OPENING.match(text, ve).end())
        if rule["group"] == "after":
            return after, None
        before = next((g for g in reversed(doc._.zh_groups)
                       if sentence[0] <= g.start and g.end <= vs and _plain_gap(doc, g.end, vs)), None)
        if rule["event"] == "renamed":
            return before, after
        return before, None

    def _conditional(self, text: str, vs: int, ve: int, sentence) -> bool:
        window = text[max(sentence[0], vs - 5):min(sentence[1], ve + 3)]
        if any(row["not_an_event"] in window for row in _rules()["not_an_event"]):
            return True
        return text[max(sentence[0], vs - 2):vs].endswith(_FUTURE)

    @staticmethod
    def _date(doc: Doc, verb: int, sentence: tuple[int, int]) -> str | None:
        dates = [d for d in doc._.zh_dates if sentence[0] <= d[0] and d[1] <= sentence[1]]
        before = [d for d in dates if d[1] <= verb]
        if before:
            start, end, value = before[-1]
            between = doc_text(doc)[end:verb]
            if any(row["reporting"] in between for row in _rules()["reporting"]):
                return None
            return value
        after = [d for d in dates if d[0] >= verb]
        return after[0][2] if after else None

    def _meetings(self, doc: Doc, sentence: tuple[int, int]):
        text = doc_text(doc)
        for group in (g for g in doc._.zh_groups if sentence[0] <= g.start and g.end <= sentence[1]):
            for rule in _rules()["pattern"]:
                match = re.match(rule["pattern"], text[group.end:sentence[1]])
                if not match:
                    continue
                if rule.get("needs") and not re.search(rule["needs"], text[sentence[0]:group.start]):
                    continue
                date = self._date(doc, group.start, sentence)
                if date:
                    evidence = _widen(text, (group.start, group.end + match.end()), sentence)
                    yield ZhFact("event", group.target, evidence, CONFIDENCE["event"],
                                 event="meeting", date=date)
                break

    @staticmethod
    def _infobox_events(doc: Doc):
        """'成立时间 | 2021年 |' rows date the body the page is about (its first full name)."""
        text = doc_text(doc)
        page_group = next((g for g in doc._.zh_groups if g.is_full), None)
        if page_group is None:
            return
        for start, end in line_spans(text):
            for rule in _rules()["infobox"]:
                if re.match(rf"{re.escape(rule['infobox'])}\s*[|:：]", text[start:end]):
                    dates = [d for d in doc._.zh_dates if start <= d[0] and d[1] <= end]
                    if dates:
                        yield ZhFact("event", page_group.target, (start, end), CONFIDENCE["infobox"],
                                     event=rule["event"], date=dates[0][2])


def _plain_gap(doc: Doc, start: int, end: int) -> bool:
    gap = list(doc_text(doc)[start:end])
    for ds, de, _ in doc._.zh_dates:
        if start <= ds and de <= end:
            gap[ds - start:de - start] = "@" * (de - ds)
    return bool(_GAP_BEFORE_VERB.match("".join(gap)))


def _widen(text: str, span: tuple[int, int], sentence: tuple[int, int]) -> tuple[int, int]:
    """From the sentence start when a date or subject leads it, to the end of the fact."""
    return sentence[0], max(span[1], min(sentence[1], span[1]))


def closing_date(text: str, dates: list[tuple[int, int, str]]) -> str | None:
    """The issuing date of a notice: a line holding only a full date near the end."""
    lines = [span for span in line_spans(text) if span[1] > span[0]][-_CLOSING_LINES:]
    for start, end in reversed(lines):
        for ds, de, value in dates:
            if (ds, de) == (start, end) and len(value) == 10:
                return value
    return None


@Language.factory("zh_events")
def make_event_reader(nlp: Language, name: str) -> EventReader:
    return EventReader()
