"""Groups listed around an event verb: "不再保留A及其办公室、B及其办公室", "将A、B分别改为C、D".

Items are group mentions joined by 、/和/及/与; "及其办公室" (and its office) after an item
belongs to that item, not to the list.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc

from pipeline.extract.zh.facts import GroupMention, doc_text, group_starting_at

_QUOTES_OPEN = "「“\"『《"
_QUOTES_CLOSE = "」”\"』》"
_OWN_OFFICE = r"(?:及其(?:办公室|办事机构|工作机构|秘书组|常设机构))?"
_JOIN = re.compile(rf"[{_QUOTES_CLOSE}]?\s*{_OWN_OFFICE}\s*(?:、|以及|和|及|与)\s*[{_QUOTES_OPEN}]?\s*")
_JOIN_BEFORE = re.compile(rf"^[{_QUOTES_CLOSE}]?\s*{_OWN_OFFICE}\s*(?:、|以及|和|及|与)\s*[{_QUOTES_OPEN}]?\s*$")
_OFFICE = "办公室"


def groups_from(doc: Doc, first: GroupMention | None, end: int) -> list[GroupMention]:
    """`first` and the groups listed after it, up to `end`."""
    if first is None:
        return []
    text = doc_text(doc)
    found = [first]
    while True:
        join = _JOIN.match(text, found[-1].end, end)
        following = group_starting_at(doc, join.end()) if join else None
        if following is None or text.startswith(_OFFICE, following.end):
            return found
        found.append(following)


def groups_until(doc: Doc, last: GroupMention | None, start: int) -> list[GroupMention]:
    """The groups listed before `last` (from `start` on), and `last`."""
    if last is None:
        return []
    text = doc_text(doc)
    found = [last]
    while True:
        earlier = next((g for g in reversed(doc._.zh_groups) if start <= g.start and g.end <= found[0].start
                        and _JOIN_BEFORE.match(text[g.end:found[0].start])), None)
        if earlier is None:
            return found
        found.insert(0, earlier)


def pairs(sources: list[GroupMention], targets: list[GroupMention]) -> list[tuple[GroupMention, GroupMention]]:
    """Old and new body of each renaming: in order when both lists are as long, else the first."""
    if len(sources) == len(targets):
        return list(zip(sources, targets))
    return [(sources[-1], targets[0])] if sources and targets else []
