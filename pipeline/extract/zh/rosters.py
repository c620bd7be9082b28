"""Notice-style rosters: a role header ("组 长:", "副组长 |", "成员:") and the names after it,
on the same line or on the following lines, until the next header or a line that is not a
roster line. Posts written after a name ("肖 捷 国务院副秘书长", "王勇(国务委员)") are skipped.
A roster under two bodies named as alternatives (A或B) belongs to both, or to the one set up.
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.extract.zh.facts import (CONFIDENCE, ZhFact, doc_text, group_before, group_starting_at,
                                       office_body)
from pipeline.extract.zh.lexicon import RoleHeader, role_headers, titles
from pipeline.extract.zh.person_names import is_name, name_length_at, names_forward, roster_name
from pipeline.extract.zh.segments import line_spans, trimmed

_ENTRY = re.compile(r"[^\s、,，;；。|()（）]+")
_SEGMENT = re.compile(r"[^;；]+")
_PAREN = re.compile(r"[(（][^()（）\n]*[)）]")
_SENTENCE_PUNCT = re.compile(r"[。！？!?]")
_NUMBERING = r"(?:[(（]?[一二三四五六七八九十\d]{1,3}[)）、.．]\s*)?"
_LEADING_NUMBER = re.compile(r"\|?\s*(?:[(（]?\d{1,4}[)）、.．]\s*)?")
_ORG_STARTS = ("国务院", "中央", "中共", "全国", "国家", "省", "市", "县", "区", "自治区", "团", "军委")
_OFFICE_HEADING = re.compile(r"办公室\s*(?:组成人员|人员)?\s*(?:名单)?\s*[:：]?\s*(?:\n|$)")
_TABLE_FRAME = re.compile(r"[\s|:：\-]*$|\|?\s*(?:姓名|职务|序号)\s*\|")
_OFFICE_HEADERS = ("主任", "办公室主任")  # under an office's own name: its director
_HEADER_NOTE = r"(?:\s*[(（][^()（）\n]{1,8}[)）])?"  # 历任组长(部分), 成员（按姓氏笔画排序）
_ALTERNATIVE = re.compile(r"\s*(?:或者|或)\s*")
_SET_UP = re.compile(r"(?:成立|设立|组建)\s*$")
_MAX_CONTINUATION = 60  # a longer line is prose, not "name  post"


@lru_cache(maxsize=1)
def _header_pattern() -> tuple[re.Pattern, dict[str, RoleHeader]]:
    by_text = {h.header: h for h in role_headers()}
    alternatives = "|".join(r"\s*".join(map(re.escape, h.header)) for h in role_headers())
    pattern = re.compile(rf"^\|?\s*{_NUMBERING}(?P<header>{alternatives}){_HEADER_NOTE}\s*(?:[:：|]|\s+|$)\s*")
    return pattern, by_text


def roster_header(line: str) -> tuple[RoleHeader, int] | None:
    """The role header opening `line` and where the text after it begins."""
    pattern, by_text = _header_pattern()
    match = pattern.match(line)
    if not match:
        return None
    return by_text["".join(match["header"].split())], match.end()


def _post_like(rest: str) -> bool:
    return rest.startswith(_ORG_STARTS) or any(title in rest for title in titles())


def roster_names(text: str, start: int, end: int, at_line_start: bool) -> list[tuple[int, int]]:
    """Names in text[start:end]; posts after them (spaced or in brackets) are skipped."""
    numbering = _LEADING_NUMBER.match(text, start, end)
    start = numbering.end() if numbering else start
    masked = _PAREN.sub(lambda m: " " * len(m.group()), text[start:end])
    entries = [(start + m.start(), start + m.end()) for m in _ENTRY.finditer(masked)]
    names: list[tuple[int, int]] = []
    i = 0
    while i < len(entries):
        s, e = entries[i]
        nxt = entries[i + 1] if i + 1 < len(entries) else None
        if e - s == 1 and nxt and nxt[1] - nxt[0] == 1 and text[e:nxt[0]].isspace() \
                and is_name(text[s] + " " + text[nxt[0]]):
            names.append((s, nxt[1]))  # padded two-character name: "肖 捷"
            i += 2
            continue
        # "回良玉　国务院副总理", "王勇(国务委员)", or a name alone on an indented line
        vouched = (nxt is not None and _post_like(text[nxt[0]:nxt[1]])) or text[e:e + 1] in "(（" \
            or (at_line_start and len(entries) == 1)
        name = _entry_name(text, s, e, first=not names, vouched=vouched)
        if name:
            names.append(name)
        elif not names and at_line_start and not _post_like(text[s:e]):
            return []  # a continuation line opens with a name (or with posts before it)
        i += 1
    return names


def _entry_name(text: str, start: int, end: int, first: bool, vouched: bool) -> tuple[int, int] | None:
    """The name in one space-delimited entry: "王勇", "李强国务院总理", "常务副省长李国英";
    a post after the entry vouches for a name whose surname we do not list."""
    if is_name(text[start:end]) or (vouched and roster_name(text[start:end])):
        return start, end
    length = name_length_at(text, start)
    if length == end - start:
        return start, end  # a known official whose surname we do not list (回良玉)
    if length:
        if first and length < end - start and _post_like(text[start + length:end]):
            return start, start + length
        return None
    after_posts = names_forward(text, start, end)
    return after_posts[-1] if after_posts and after_posts[-1][1] == end else None


def _role_in(text: str, header: RoleHeader, group) -> str | None:
    """Under a "X领导小组办公室[组成人员]" heading, 主任 is the office director and other posts are
    not ours; "X办公室设在…" in prose is no heading."""
    if _OFFICE_HEADING.match(text, group.end) and not header.header.startswith("办公室"):
        return "office_director" if header.header == "主任" else None
    return header.role_for(group.kind, text[slice(*group.target)])


def _roster_target(text: str, header: RoleHeader, group) -> dict | None:
    """ZhFact fields (role, group, [group_id]) a header opens; a director listed under an
    office's own name directs the office of its body (X委员会办公室, 国务院扶贫办)."""
    role = _role_in(text, header, group)
    if group.kind == "office" and header.header in _OFFICE_HEADERS:
        body = office_body(text, group)
        return {**body, "role": "office_director"} if body else None
    return {"group": group.target, "role": role} if role else None


def _alternatives(doc: Doc, group) -> list:
    """"关于调整A或B组成人员的通知": a roster under two bodies named as alternatives belongs to
    both, unless the text sets one of them up (成立A或B: the one being set up)."""
    text = doc_text(doc)
    joined = [group]
    for other in reversed([g for g in doc._.zh_groups if g.end <= group.start]):
        if not _ALTERNATIVE.fullmatch(text, other.end, joined[0].start):
            break
        joined.insert(0, other)
    if len(joined) == 1:
        return joined
    set_up = [g for g in joined if _SET_UP.search(text, max(0, g.start - 4), g.start)]
    return [set_up[0]] if len(set_up) == 1 else joined


def _segments(text: str):
    """Non-blank lines, cut again at semicolons ("组长：张三；副组长：李四、王五")."""
    for start, end in line_spans(text):
        for match in _SEGMENT.finditer(text, start, end):
            left, right = trimmed(text, match.start(), match.end())
            if right > left:
                yield left, right


class RosterReader:
    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        facts = doc._.zh_facts if doc._.zh_facts is not None else []
        active: list[dict] | None = None  # ZhFact fields (group, role) of the open list, per body
        pending_header: int | None = None  # a header alone on its line: evidence starts there
        for start, end in _segments(text):
            line_from = start
            named = group_starting_at(doc, start)
            if named and roster_header(text[named.end:end]):
                line_from = named.end
            found = roster_header(text[line_from:end])
            if found:
                header, after = found
                offices = header.header.startswith("办公室") or header.header in _OFFICE_HEADERS
                group = named or group_before(doc, start, offices=offices, former=False)
                active = [t for g in _alternatives(doc, group) if (t := _roster_target(text, header, g))] \
                    if group else None
                body = line_from + after
                names = roster_names(text, body, end, at_line_start=False)
                pending_header = start if not names else None
                self._add(facts, active, names, (start, end), text)
                continue
            if active is None:
                continue
            if len(text[start:end]) > _MAX_CONTINUATION or _SENTENCE_PUNCT.search(text[start:end]):
                active = None
                continue
            if not _PAREN.sub("", text[start:end]).strip() or \
                    (pending_header is not None and _TABLE_FRAME.match(text, start, end)):
                continue  # "（按姓氏笔画排序）", or "| 姓名 | 职务 |" and "|---|" right under a header
            names = roster_names(text, start, end, at_line_start=True)
            if not names:
                active = None
                continue
            evidence = (pending_header if pending_header is not None else start, end)
            pending_header = None
            self._add(facts, active, names, evidence, text)
        doc._.zh_facts = facts
        return doc

    @staticmethod
    def _add(facts: list, active: list[dict] | None, names, evidence: tuple[int, int], text: str) -> None:
        if not active:
            return
        confidence = CONFIDENCE["infobox" if "|" in text[evidence[0]:evidence[1]] else "roster"]
        for target in active:
            facts.extend(ZhFact("membership", evidence=evidence, confidence=confidence, person=name, **target)
                         for name in names)


@Language.factory("zh_rosters")
def make_roster_reader(nlp: Language, name: str) -> RosterReader:
    return RosterReader()
