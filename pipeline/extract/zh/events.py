"""Dated events of a group: 成立/设立/组建 (established), 更名为/改为/改称现名 (renamed, with the
new body), 撤销/不再保留/不再设立 (disbanded), 第N次会议/召开领导小组会议 (meeting), and
infobox rows (成立时间 | 2021年). A verb may take a list of groups ("不再保留A及其办公室、B",
"将A、B分别改为C、D"); "同年成立的还有X" dates X too; "A更名为B，…恢复原名" renames B back to A.

An event needs a date: in its sentence, else the narrative one (event_dates.py), else, for a
notice that 决定成立 a group, the notice's issuing date on a line of its own at the end.
Conditional, future or modal wording (任务完成后自动撤销, 将成立, 可以设立), what a statute
provides for (…起施行的《X法》规定，国务院设立Y), repeated meetings (多次召开) and reporting
dates (6月1日，记者…获悉，…成立) are not events.
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.extract.zh.event_dates import event_date, sentence_date
from pipeline.extract.zh.facts import CONFIDENCE, GroupMention, ZhFact, doc_text, group_starting_at
from pipeline.extract.zh.group_lists import groups_from, groups_until, pairs
from pipeline.extract.zh.lexicon import event_rules
from pipeline.extract.zh.segments import line_spans, sentence_spans

_OPENING = re.compile(r"[\s「“\"『《了的]*")  # 1986年成立的X: the date is X's
_FORMER_NAME_BACK = "恢复原名"
_RENAMED_TO = re.compile(r"[」”\"』》\s]*(?:更名为|改名为|改称为|改称|改为)[「“\"『《\s]*")
_ALSO = re.compile(r"(?:还有|也有|另有|还包括)?\s*")
_PRESENT_NAME = re.compile(r"\s*(?:现名|今名|现称)")
_MODIFIER = re.compile(r"以[^，,。；;]{1,40}?为[^，,。；;]{0,12}?(?:组长|主任|主席)的"
                       r"|由[^，,。；;]{1,40}?(?:组成|挂帅|牵头)的")
# Between a group and its verb: nothing, a date ("于2014年"), ", date" when the group ended
# the previous clause ("成立X委员会，1993年8月4日更名为Y"), its office (及其办公室), an aside
# in brackets, the authority ("依照…方案", "由…会议…宣布"). @ stands for a date.
_GAP_BEFORE_VERB = re.compile(
    r"^[」”\"』》\s]*(?:及其(?:办公室|办事机构|工作机构|秘书组))?(?:\s*[(（][^()（）]{0,20}[)）])?"
    r"(?:[,，](?=[^,，]*@))?"
    r"(?:于|在|已经|已|正式|宣布|宣告|被|即|随即|分别|一并|均|同时|随之|相应|亦|也|挂牌|@|\s"
    r"|在[^,，。；;]{1,20}?中|在[^,，。；;]{1,30}?基础上"
    r"|(?:依照|根据|按照|依据)[^,，。；;]{1,40}?(?:方案|决定|通知|规定|意见)》?[,，]?"
    r"|由[^,，。；;@]{1,40}?(?=宣布|宣告|决定))*$")
_ATTRIBUTE_GAP = re.compile(r"\s*(?:于|在|正式)?\s*")
_TIME_CLAUSE = re.compile(r"(?:之后|以后|后|时|之初|初期)")
_DEFINITION = re.compile(r"\s*(?:是|为|系)")
_DECIDED = re.compile(r"(?:决定|同意|批准|关于)\s*$")
_CLOSING_LINES = 6
_NOTICE_HEAD = re.compile(r"〔\d{4}〕|\[\d{4}\]|\d+号|通知|决定|通告|批复")
_ISSUERS = ("办公厅", "人民政府", "国务院", "委员会", "办公室", "领导小组", "中央", "部", "局", "厅", "委")
# 将成立: not (yet) an event; 可以设立, 应当设立: what a law allows or requires, not an event
_FUTURE = ("将", "拟", "要", "计划", "准备", "筹备", "可以", "可", "应当", "应该", "必须")


@lru_cache(maxsize=1)
def _rules() -> dict[str, list]:
    keys = ("verb", "pattern", "infobox", "not_an_event", "not_a_meeting", "about_a_meeting", "new_term",
            "statute_provides", "in_force")
    rules: dict[str, list] = {key: [] for key in keys}
    for row in event_rules():
        for key in keys:
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
                stated = [(group, to_group) for group, to_group in self._groups(doc, rule, vs, ve, sentence)
                          if not _new_term(text, group, rule["event"])]
                if not stated:
                    continue
                if text.startswith("的", ve) and group_starting_at(doc, _OPENING.match(text, ve).end()) \
                        and not _dated_attribute(doc, vs, sentence):
                    continue  # 新组建的X…召开会议: the sentence's date is the meeting's
                # "X成立后/时，…": a time clause; only a date of its own dates it
                dated = event_date(doc, vs, sentence, narrative=not _TIME_CLAUSE.match(text, ve))
                if (dated is None or dated[1] < CONFIDENCE["event"]) and rule["event"] == "established" \
                        and closing and _DECIDED.search(text[max(sentence[0], vs - 4):vs]):
                    dated = closing, CONFIDENCE["notice_date"]  # the notice's own date beats the narrative's
                if dated is None:
                    continue
                used.update(range(vs, ve))
                for group, to_group in stated:
                    evidence = (min(vs, group.start), max(ve, (to_group or group).end))
                    yield ZhFact("event", group.target, _widen(text, evidence, sentence), dated[1],
                                 event=rule["event"], date=dated[0],
                                 to_group=to_group.target if to_group else None)

    @staticmethod
    def _groups(doc: Doc, rule: dict, vs: int, ve: int,
                sentence: tuple[int, int]) -> list[tuple[GroupMention, GroupMention | None]]:
        """(group, new group for a renaming) for each body the verb is about."""
        text = doc_text(doc)
        opening = _OPENING.match(text, ve).end()
        if text.startswith("的", ve):  # 同年成立的还有X: X too was set up then
            opening = _ALSO.match(text, opening).end()
        modifier = _MODIFIER.match(text, opening)  # 成立以习近平为组长的X领导小组
        after = group_starting_at(doc, _OPENING.match(text, modifier.end()).end() if modifier else opening)
        if after is not None and text.startswith("办公室", after.end):
            after = None  # 撤销X领导小组办公室: the office, not the group
        following = groups_from(doc, after, sentence[1])
        if rule["group"] == "after":
            return [(group, None) for group in following]
        before = next((g for g in reversed(doc._.zh_groups)
                       if sentence[0] <= g.start and g.end <= vs and _plain_gap(doc, g.end, vs)), None)
        before = before or _defined_subject(doc, vs, sentence)
        preceding = groups_until(doc, before, sentence[0])
        if rule["event"] == "renamed":
            if not following and _PRESENT_NAME.match(text, ve):  # "…前身为A，1993年改称现名"
                subject = next((g for g in doc._.zh_groups if sentence[0] <= g.start and g.is_full), None)
                following = [subject] if subject and preceding and subject.target != preceding[-1].target else []
            if not following and preceding and rule["verb"].startswith(_FORMER_NAME_BACK):
                following = _former_name(doc, preceding[-1], vs)  # "A更名为B，1988年恢复原名": back to A
            return pairs(preceding, following)
        return [(group, None) for group in preceding]

    def _conditional(self, text: str, vs: int, ve: int, sentence) -> bool:
        window = text[max(sentence[0], vs - 5):min(sentence[1], ve + 3)]
        if any(row["not_an_event"] in window for row in _rules()["not_an_event"]):
            return True
        return text[max(sentence[0], vs - 2):vs].endswith(_FUTURE) or _statute_provides(text, vs, sentence)

    def _meetings(self, doc: Doc, sentence: tuple[int, int]):
        text = doc_text(doc)
        for group in (g for g in doc._.zh_groups if sentence[0] <= g.start and g.end <= sentence[1]):
            if any(row["not_a_meeting"] in text[sentence[0]:group.end] for row in _rules()["not_a_meeting"]):
                continue  # 多次召开, 每年召开: no single dated meeting
            for rule in _rules()["pattern"]:
                match = re.match(rule["pattern"], _masked(doc, group.end, sentence[1]))
                if not match:
                    continue
                if rule.get("needs") and not re.search(rule["needs"], text[sentence[0]:group.start]):
                    continue
                if any(text.startswith(row["about_a_meeting"], group.end + match.end())
                       for row in _rules()["about_a_meeting"]):
                    break  # 学习贯彻X第一次会议精神: the meeting is older than this sentence's date
                date = _refined(doc, sentence_date(doc, group.start, sentence), sentence)
                if date:
                    evidence = _widen(text, (group.start, group.end + match.end()), sentence)
                    yield ZhFact("event", group.target, evidence, CONFIDENCE["event"],
                                 event="meeting", date=date)
                break

    @staticmethod
    def _infobox_events(doc: Doc):
        """'成立时间 | 2021年 |' rows (or the key alone, the date on the next line) date the body
        the page is about: its first full name."""
        text = doc_text(doc)
        page_group = next((g for g in doc._.zh_groups if g.is_full), None)
        if page_group is None:
            return
        lines = [span for span in line_spans(text) if span[1] > span[0]]
        for i, (start, end) in enumerate(lines):
            for rule in _rules()["infobox"]:
                key = re.match(rf"\|?\s*{re.escape(rule['infobox'])}\s*(?:[|:：]|$)", text[start:end])
                if not key:
                    continue
                row = (start, end) if text[start + key.end():end].strip(" |") or i + 1 == len(lines) \
                    else (start, lines[i + 1][1])
                dates = [d for d in doc._.zh_dates if row[0] <= d[0] and d[1] <= row[1]]
                if dates:
                    yield ZhFact("event", page_group.target, row, CONFIDENCE["infobox"],
                                 event=rule["event"], date=dates[0][2])


def _statute_provides(text: str, verb: int, sentence: tuple[int, int]) -> bool:
    """"2008年6月1日起施行的《禁毒法》规定，国务院设立X": what a law provides for, dated by the
    law coming into force, not the day the body was set up."""
    before = text[sentence[0]:verb]
    provides = max(before.rfind(row["statute_provides"]) for row in _rules()["statute_provides"])
    return provides >= 0 and any(row["in_force"] in before[:provides] for row in _rules()["in_force"])


def _former_name(doc: Doc, renamed: GroupMention, before: int) -> list[GroupMention]:
    """The body `renamed` was renamed from earlier in the text ("A更名为B"), as [A]."""
    text = doc_text(doc)
    name = text[slice(*renamed.target)]
    earlier = [g for g in doc._.zh_groups if g.end <= before]
    for old, new in zip(earlier, earlier[1:]):
        if text[slice(*new.target)] == name and text[slice(*old.target)] != name \
                and _RENAMED_TO.fullmatch(text, old.end, new.start):
            return [old]
    return []


def _new_term(text: str, group: GroupMention, event: str) -> bool:
    """"新一届X成立": a new term of a standing body, not a new body."""
    return event == "established" and any(text.endswith(row["new_term"], 0, group.start)
                                          for row in _rules()["new_term"])


def _dated_attribute(doc: Doc, verb: int, sentence: tuple[int, int]) -> bool:
    """"1986年5月成立的X": a date written right before an attributive verb is that event's."""
    return any(sentence[0] <= end <= verb and _ATTRIBUTE_GAP.fullmatch(doc_text(doc), end, verb)
               for _, end, _ in doc._.zh_dates)


def _refined(doc: Doc, date: str | None, sentence: tuple[int, int]) -> str | None:
    """"X2023年第一次全体会议2月10日召开": the day the sentence gives within the year it names."""
    finer = [value for start, end, value in doc._.zh_dates
             if sentence[0] <= start and end <= sentence[1] and date and value.startswith(date + "-")]
    return max(finer, key=len) if finer else date


def _defined_subject(doc: Doc, verb: int, sentence: tuple[int, int]) -> GroupMention | None:
    """The body an encyclopedia sentence defines ("X是…机构，2018年3月…组建"), when no other
    group stands between it and the verb's clause (one the clause builds on may: 在Y的基础上设立)."""
    text = doc_text(doc)
    inside = [g for g in doc._.zh_groups if sentence[0] <= g.start and g.end <= verb]
    if not inside or inside[0].start != sentence[0] or not _DEFINITION.match(text, inside[0].end):
        return None
    definition = _DEFINITION.match(text, inside[0].end)
    clause_start = max([text.rfind(ch, sentence[0], verb) for ch in ",，"] + [definition.end()])
    if any(g.start < clause_start for g in inside[1:]) or not _plain_gap(doc, clause_start, verb):
        return None  # the verb's own clause must hold only a date and the authority
    return inside[0]


def _masked(doc: Doc, start: int, end: int) -> str:
    """text[start:end] with every date written as @ (one per character)."""
    gap = list(doc_text(doc)[start:end])
    for ds, de, _ in doc._.zh_dates:
        if start <= ds and de <= end:
            gap[ds - start:de - start] = "@" * (de - ds)
    return "".join(gap)


def _plain_gap(doc: Doc, start: int, end: int) -> bool:
    return bool(_GAP_BEFORE_VERB.match(_masked(doc, start, end)))


def _widen(text: str, span: tuple[int, int], sentence: tuple[int, int]) -> tuple[int, int]:
    """From the sentence start, where a date or the subject usually stands, to the fact's end."""
    return sentence[0], span[1]


def closing_date(text: str, dates: list[tuple[int, int, str]]) -> str | None:
    """The issuing date of a notice: a line holding only a full date, right under the issuing
    body ("国务院办公厅"), else the last such line near the end (attachments may follow it)."""
    lines = [span for span in line_spans(text) if span[1] > span[0]]
    full_dates = {(ds, de): value for ds, de, value in dates if len(value) == 10}
    dated = [(i, full_dates[span]) for i, span in enumerate(lines) if span in full_dates]
    for i, value in dated:
        if i and text[lines[i - 1][0]:lines[i - 1][1]].endswith(_ISSUERS):
            return value
    head = "\n".join(text[a:b] for a, b in lines[:_CLOSING_LINES])
    if not _NOTICE_HEAD.search(head):
        return None  # a news page's footer date says when it was posted, not issued
    near_end = [value for i, value in dated if i >= len(lines) - _CLOSING_LINES]
    return near_end[-1] if near_end else None


@Language.factory("zh_events")
def make_event_reader(nlp: Language, name: str) -> EventReader:
    return EventReader()
