"""Find names of leading groups and commissions in English text.

Three sources, merged into one list of mentions per document (doc._.lsg_groups):
gazetteer names (PhraseMatcher), general name patterns for bodies the gazetteer does not know
(models/patterns/en_groups.jsonl: "... Leading Group for X", "X Commission", "X Headquarters",
"a finance and economics group headed by P", "the cyber-security leading group"), and
abbreviations or hanzi names the text itself defines right after a name: "the State
Audit Commission (CAC)". A pattern's name stops before a date ("... in 1986") and
before the next name of a list ("A, B and the Central Leading Group for C").
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from pipeline.extract.en.doc_text import text_of
from pipeline.extract.common import clean_surface
from pipeline.extract.en.resources import PATTERN_DIR, gazetteer_names, group_ref, non_group
from pipeline.records import GroupRef

_ABBREVIATION_AFTER = re.compile(
    r"\s*\(\s*(?:abbreviated\s+|hereinafter\s+)?[‘“]?([A-Z][A-Za-z]{1,9})[’”]?\s*[;),]")
_HANZI_AFTER = re.compile(r"\s*[（(]\s*([\u4e00-\u9fff]{2,20})\s*[)）]")
_HANZI_GROUP_END = re.compile(r"(?:小组|小組|委员会|委員會|办公室|辦公室|组|組)$")
_QUOTED_BEFORE = re.compile(r"[‘“]([^‘’“”]{3,60})[’”]\s*$")
_PREDECESSOR_BEFORE = re.compile(r"\b((?:[Tt]he\s+)?predecessor\s+of\s+(?:the\s+)?(?:[A-Z][\w-]*\s+){0,3})$")
_OFFICE_OF = re.compile(r"(?:General\s+)?Office\s+of\s+(?:the\s+)?(?P<inner>.+)$")
_PLURAL_HEAD = re.compile(r"(?i)^(?P<head>.*?\b(?:groups|commissions))\s+(?P<prep>on|for|of)\s+(?P<a>[\w-]+)\s+and\s+"
                          r"(?P<b>[\w-]+)(?:\s+(?P<tail>affairs|work|issues))?$")
_MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|December|"
           "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec")
_TRAILING_DATE = re.compile(rf"\s+(?:in|on|since|from|by|until)\s+(?:(?:early|late|mid)[\s-]+)?"
                            rf"(?:(?:{_MONTHS})\b|(?:1[89]|20)\d\d\b).*$", re.S)
_NEXT_NAME = re.compile(r"(?:,\s+(?:and\s+)?|\s+(?:and|with|by|into|to|from|as)\s+)the\s+(?=(?:Central|State|National)\s+(?:(?:[A-Z][\w-]*|and)\s+)*"
                        r"(?:Leading|Commission|Committee|Group|Office)\b)|,\s+(?=(?:Central|State)\s+[A-Z])")
_GENERIC = re.compile(r"(?i)^(?:the\s+)?(?:lsgs?|leading (?:small )?groups?|small groups?|commissions?)$")

if not Doc.has_extension("lsg_groups"):
    Doc.set_extension("lsg_groups", default=None)


@dataclass
class GroupMention:
    start: int  # character offsets into doc.text
    end: int
    entity: int  # index into doc._.lsg_groups.entities
    source: str  # gazetteer | pattern | abbreviation | hanzi | coreference | ...


@dataclass
class GroupEntity:
    ref: GroupRef
    surfaces: list[str] = field(default_factory=list)


@dataclass
class DocGroups:
    entities: list[GroupEntity] = field(default_factory=list)
    mentions: list[GroupMention] = field(default_factory=list)

    def entity_for(self, surface: str, ref: GroupRef | None = None) -> int:
        ref = ref or group_ref(surface)
        key = ref.key
        for i, entity in enumerate(self.entities):
            if entity.ref.key == key or surface in entity.surfaces:
                if surface not in entity.surfaces:
                    entity.surfaces.append(surface)
                return i
        self.entities.append(GroupEntity(ref=ref, surfaces=[surface]))
        return len(self.entities) - 1

    def link(self, entity: int, surface: str) -> None:
        """`surface` (an abbreviation, a hanzi name) names `entity` from here on."""
        if surface not in self.entities[entity].surfaces:
            self.entities[entity].surfaces.append(surface)

    def merge(self, entity: int, into: int) -> None:
        """Two entities name one body: keep `into`, with the gazetteer entry either one has."""
        source, target = self.entities[entity], self.entities[into]
        if source.ref.gazetteer_id and not target.ref.gazetteer_id:
            target.ref = source.ref
        for surface in source.surfaces:
            self.link(into, surface)
        for m in self.mentions:
            if m.entity == entity:
                m.entity = into

    def covering(self, start: int, end: int) -> GroupMention | None:
        for m in self.mentions:
            if m.start <= start and end <= m.end:
                return m
        return None

    def in_range(self, start: int, end: int) -> list[GroupMention]:
        return [m for m in self.mentions if start <= m.start and m.end <= end]


class GroupMentions:
    def __init__(self, nlp: Language):
        self.patterns = [(p["id"], p["kind"], re.compile(p["regex"]))
                         for p in map(json.loads, (PATTERN_DIR / "en_groups.jsonl").read_text("utf-8").splitlines())]
        self.names = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.abbreviations = PhraseMatcher(nlp.vocab, attr="ORTH")
        for surface, _gid in gazetteer_names():
            if surface.isascii() and surface.isupper():
                self.abbreviations.add("GAZ", [nlp.make_doc(surface)])
            elif surface.isascii():
                self.names.add("GAZ", [nlp.make_doc(surface)])

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        found: list[tuple[int, int, str, str | None]] = []
        for matcher in (self.names, self.abbreviations):
            for _, s, e in matcher(doc):
                found.append((doc[s].idx, doc[e - 1].idx + len(doc[e - 1]), "gazetteer", None))
        for pid, kind, regex in self.patterns:
            for m in regex.finditer(text):
                named = "name" in regex.groupindex and m.group("name")
                found.append((*(m.span("name") if named else m.span()), pid, kind))
        groups = DocGroups()
        # A non-group reading ("Commission of the Communist Party") must not hide a group inside it.
        found = [part for f in found for part in _split_listed(text, _trimmed(text, f))]
        rejected = [f for f in found if f[3] != "inherit" and _rejected(clean_surface(text[f[0]:f[1]]))]
        # ...but a pattern inside a non-group ("Central Commission" in "Central Commission for
        # Discipline Inspection") is no group either; only a gazetteer name survives there.
        found = [f for f in found if f not in rejected and (f[2] == "gazetteer" or not any(
            s <= f[0] and f[1] <= e for s, e, _, _ in rejected))]
        kept = sorted(_longest_first(found), key=lambda f: (f[3] == "inherit", f[0]))
        inner = [(m.start("inner"), m.end("inner"), "inner", None)  # "Office of the X Commission" names X too
                 for m in (_OFFICE_OF.match(text, start, end) for start, end, _, _ in kept) if m]
        for start, end, source, kind in kept + inner:
            _add_mention(groups, text, start, end, source, kind)
        _add_quoted_hanzi_names(groups, text)
        _add_defined_abbreviations(groups, text)
        groups.mentions.sort(key=lambda m: m.start)
        doc._.lsg_groups = groups
        return doc


def _rejected(surface: str) -> bool:
    return not surface or bool(_GENERIC.match(surface)) or non_group(surface)


def _trimmed(text: str, found: tuple) -> tuple:
    """A name ends before a date phrase: "the Leading Group for ... Poor Areas in 1986"."""
    start, end, source, kind = found
    m = _TRAILING_DATE.search(text, start, end)
    return (start, m.start(), source, kind) if m and m.start() > start else found


def _split_listed(text: str, found: tuple) -> list[tuple]:
    """"the Leading Group for Cyberspace Affairs and (with, by ...) the Central Leading Group for Foreign
    Affairs" is two names: a pattern's run of capitalised words must not swallow the next name."""
    start, end, source, kind = found
    m = _NEXT_NAME.search(text, start, end)
    if m is None or m.start() <= start:
        return [found]
    return [(start, m.start(), source, kind), *_split_listed(text, (m.end(), end, source, kind))]


def _add_mention(groups: DocGroups, text: str, start: int, end: int, source: str, kind: str | None) -> None:
    surface = clean_surface(text[start:end])
    if _rejected(surface):
        return
    if kind == "inherit":
        surface = _inherit_head(groups, text, start, surface)
        if surface is None:
            return
    extended = _extend_predecessor(text, start)
    if extended < start:  # "the predecessor of the CCDR" is another body than the CCDR
        surface = clean_surface(text[extended:end])
        entity = groups.entity_for(surface, GroupRef(name=surface, kind="leading_group"))
        groups.mentions.append(GroupMention(extended, end, entity, source))
        return
    for entity in _split_coordinated(groups, surface):
        groups.mentions.append(GroupMention(start, end, entity, source))


def _longest_first(found):
    taken: list[tuple[int, int]] = []
    for start, end, source, kind in sorted(found, key=lambda f: (f[0] - f[1], f[0])):
        if any(start < e and s < end for s, e in taken):
            continue
        taken.append((start, end))
        yield start, end, source, kind


def _split_coordinated(groups: DocGroups, surface: str) -> list[int]:
    """"leading small groups on Xinjiang and Tibet affairs" names two groups."""
    m = _PLURAL_HEAD.match(surface)
    if not m:
        return [groups.entity_for(surface)]
    head = m.group("head")[:-1]
    tail = f" {m.group('tail')}" if m.group("tail") else ""
    return [groups.entity_for(f"{head} {m.group('prep')} {topic}{tail}") for topic in (m.group("a"), m.group("b"))]


def _inherit_head(groups: DocGroups, text: str, start: int, surface: str) -> str | None:
    """"one for political science and law" names a body of the kind named just before."""
    before = [m for m in groups.mentions if m.end <= start]
    if not before:
        return None
    previous = clean_surface(text[before[-1].start:before[-1].end])
    head = re.split(r"\s+(?:for|on|of)\s+", previous, maxsplit=1)[0]
    return re.sub(r"^one\b", head, surface)


def _extend_predecessor(text: str, start: int) -> int:
    m = _PREDECESSOR_BEFORE.search(text[max(0, start - 40):start])
    return start - len(m.group(1)) if m else start


def _add_quoted_hanzi_names(groups: DocGroups, text: str) -> None:
    """‘three-person group’ (三人軍事領導小組): a quoted English name glossing a hanzi group name."""
    for mention in list(groups.mentions):
        hanzi = text[mention.start:mention.end]
        if not re.fullmatch(r"[\u4e00-\u9fff]+", hanzi):
            continue
        opening = text.rfind("(", max(0, mention.start - 3), mention.start)
        if opening < 0:
            opening = text.rfind("（", max(0, mention.start - 3), mention.start)
        if opening < 0:
            continue
        previous = groups.covering(opening - 2, opening - 1) or next(
            (m for m in groups.mentions if 0 <= opening - m.end <= 2), None)
        if previous is not None:
            groups.link(previous.entity, hanzi)
            mention.entity = previous.entity
            continue
        quoted = _QUOTED_BEFORE.search(text[max(0, opening - 80):opening])
        if quoted:
            english = clean_surface(quoted.group(1))
            groups.link(mention.entity, english)
            q_start = opening - (len(text[max(0, opening - 80):opening]) - quoted.start(1))
            groups.mentions.append(GroupMention(q_start, q_start + len(quoted.group(1)), mention.entity, "quoted"))


def _add_defined_abbreviations(groups: DocGroups, text: str) -> None:
    defined: set[str] = set()
    for mention in list(groups.mentions):
        m = _ABBREVIATION_AFTER.match(text, mention.end)
        hanzi = _HANZI_AFTER.match(text, mention.end)
        if hanzi and _HANZI_GROUP_END.search(hanzi.group(1)):
            groups.link(mention.entity, hanzi.group(1))
        if not m or non_group(m.group(1)) or m.group(1) in defined:
            continue
        abbreviation = m.group(1)
        defined.add(abbreviation)
        groups.link(mention.entity, abbreviation)
        for other in groups.mentions:
            if text[other.start:other.end] == abbreviation and other.entity != mention.entity:
                groups.merge(other.entity, into=mention.entity)
        spans = {(other.start, other.end) for other in groups.mentions}
        for use in re.finditer(rf"\b{re.escape(abbreviation)}\b", text):
            if (use.start(), use.end()) not in spans:
                groups.mentions.append(GroupMention(use.start(), use.end(), mention.entity, "abbreviation"))


@Language.factory("lsg_group_mentions")
def make_group_mentions(nlp: Language, name: str) -> GroupMentions:
    return GroupMentions(nlp)
