"""What the Chinese components leave on a spaCy Doc for the next one, and for chinese.py.

Offsets are character offsets shared by the simplified copy (doc.text) and the original
text (doc._.zh_original), so names and evidence can be cut from the original characters.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from pipeline.resolve import group_by_id

# Confidence by the kind of rule that found a fact: a roster line says it outright,
# running text needs more parsing, a coreference adds one more guess.
CONFIDENCE = {"roster": 0.9, "infobox": 0.85, "running_text": 0.75, "context_group": 0.6,
              "event": 0.8, "notice_date": 0.7, "context_date": 0.65}


@dataclass(frozen=True)
class GroupMention:
    start: int
    end: int
    kind: str  # leading_group | commission | office | ...
    target: tuple[int, int]  # the full name this mention stands for (itself when full)
    gazetteer_id: str | None = None
    former: bool = False  # the object of 撤销/不再保留 or written 原X: not the body a roster lists


    @property
    def is_full(self) -> bool:
        return self.target == (self.start, self.end)


@dataclass(frozen=True)
class ZhFact:
    kind: str  # "membership" | "event"
    group: tuple[int, int]  # span of the group's full name
    evidence: tuple[int, int]
    confidence: float
    role: str | None = None
    person: tuple[int, int] | None = None
    event: str | None = None
    date: str | None = None
    to_group: tuple[int, int] | None = None
    group_id: str | None = None  # the gazetteer body meant when the text names only its office (中央外办)


_DOC_EXTENSIONS = ("zh_text", "zh_original", "zh_published", "zh_groups", "zh_dates", "zh_facts")


def register_extensions() -> None:
    for name in _DOC_EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    if not Span.has_extension("zh_value"):
        Span.set_extension("zh_value", default=None)


def doc_text(doc: Doc) -> str:
    """doc.text, kept: spaCy rebuilds the string from the tokens on every access."""
    if doc._.zh_text is None:
        doc._.zh_text = doc.text
    return doc._.zh_text


def group_ending_at(doc: Doc, end: int) -> GroupMention | None:
    return next((g for g in doc._.zh_groups if g.end == end), None)


def group_starting_at(doc: Doc, start: int) -> GroupMention | None:
    return next((g for g in doc._.zh_groups if g.start == start), None)


def group_before(doc: Doc, offset: int, offices: bool = True, former: bool = True) -> GroupMention | None:
    """The last group mention that ends at or before `offset` (the group in context); an
    agency named on the way (港澳办主任X) is no context for 组长 when `offices` is False, a
    body being abolished none for a roster when `former` is False."""
    groups = [g for g in doc._.zh_groups if (offices or g.kind != "office") and (former or not g.former)]
    earlier = [g for g in groups if g.end <= offset]
    return earlier[-1] if earlier else (groups[0] if groups else None)


_OFFICE = "办公室"
_BODY_HEADS = ("领导小组", "小组", "委员会")
_STATE_AGENCY = ("国家", "国务院", "国")


def office_parent(text: str, mention: GroupMention) -> tuple[int, int] | None:
    """The body whose office `mention` names (X委员会办公室 -> X委员会); None for an agency
    such as 国务院港澳事务办公室, which is no group's office."""
    start, end = mention.target
    parent = (start, end - len(_OFFICE))
    if mention.kind == "office" and text.endswith(_OFFICE, start, end) and text.endswith(_BODY_HEADS, *parent):
        return parent
    return None


def office_body(text: str, mention: GroupMention) -> dict | None:
    """ZhFact group fields for the body whose office `mention` names: its span when written out
    (X委员会办公室 -> X委员会), else the gazetteer's parent (中央外办 -> 中央外事工作委员会);
    None for an agency such as 国务院港澳办, which is no group's office."""
    parent = office_parent(text, mention)
    if parent:
        return {"group": parent}
    entry = group_by_id(mention.gazetteer_id) if mention.kind == "office" and mention.gazetteer_id else None
    body = group_by_id(entry["parent"]) if entry and entry.get("parent") else None
    if body is None:
        return None
    if text.startswith(_STATE_AGENCY, mention.target[0]) and body.get("name_zh", "").startswith("中央"):
        return None  # 国家互联网信息办公室主任: the state agency's post, held beside the Party office's
    return {"group": mention.target, "group_id": entry["parent"]}
