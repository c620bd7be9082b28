"""Link back-references to the group or person they stand for.

Groups: "the group", "this Small Group", "the body", "the panel", "the commission", "the office",
"the former"/"the latter" and "it"/"its" as subject, object or possessive, each resolved to the
nearest earlier group mention of a compatible kind; a pronoun or definite description prefers
the subject of the sentence before ("The commission was upgraded from the group. Its office ...").
"The Hainan group" links to the last group whose name has that word; "the committee" only to a
named committee with no Central or Standing Committee mentioned in between. People: "he"/"she"
as subject, resolved to the last person who was the subject of a sentence (so "He, a confidant
of President Xi, ..." stays with the vice premier); the "He" of "Liu He" is a name.
Resolved references join doc._.lsg_groups.mentions and doc._.lsg_people.
"""
from __future__ import annotations

import bisect
import re

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.extract.en.doc_text import text_of
from pipeline.extract.en.group_mentions import GroupMention
from pipeline.extract.en.person_names import PersonMention

_DEFINITE = re.compile(
    r"\b(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?:(?:new|same|old|original|previous|top|leading|small|central|party)\s+)*"
    r"(?P<noun>(?i:leading\s+small\s+group|small\s+leading\s+group|leading\s+group|small\s+group|"
    r"group|body|commission|panel|committee|office)|LSG)\b(?!\s+(?:for|of|to|that|which)\b)(?!-)"
    # "the group on Xinjiang" is a name, "the group on Tuesday" a reference
    r"(?!\s+on\s+(?!\d|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|(?:January|February|March|April|May|"
    r"June|July|August|September|October|November|December)\b))")
_OTHER_AGENCY_ROW = re.compile(r"(?im)^[ \t|]*(?:preceding|superseding|parent|child) agenc(?:y|ies)\b[^\n]*")
# "the committee" stands for a named committee only if no party or state committee came in between.
_OTHER_COMMITTEE = re.compile(r"\b(?:Central|Standing|Provincial|Municipal|Party|Politburo|Olympic)\s+[Cc]ommittee\b")
_SHORT_NAME = re.compile(r"\b[Tt]he\s+(?P<word>[A-Za-z][a-z-]{2,})\s+(?P<noun>group|commission|committee|panel|body|LSG)\b"
                         r"(?!\s+(?:for|of|on)\b)")
_NOT_TOPIC = frozenset({"new", "same", "old", "original", "previous", "top", "leading", "small", "central", "party",
                        "whole", "entire", "first", "second", "other", "former", "latter", "working", "study",
                        "powerful", "secretive", "special", "informal", "relevant", "main", "key", "national", "state"})
_NUMBERS = {"two": 2, "both": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}
_PLURAL = re.compile(r"(?i)\b(?:(?:all|the|these|those)\s+(?P<n>two|three|four|five|six|seven|eight)?\s*|(?P<both>both)\s+)"
                     r"(?:(?:leading|small|central|party|top)\s+)*(?:groups|commissions|bodies|lsgs|panels)\b"
                     r"|\ball\s+(?P<bare>two|three|four|five|six)\b(?=\s+(?:are|were|have|had|is)\b)")
_LIST_SEPARATOR = re.compile(r"[\s,;]*(?:(?:and|or|as\s+well\s+as)\s+)?(?:the\s+)?")
_FORMER_LATTER = re.compile(r"\b[Tt]he\s+(former|latter)\b")
_SUBJECT_DEPS = ("nsubj", "nsubjpass")
_MAX_DISTANCE = {"definite": 2500, "pronoun": 800, "former": 600, "short": 5000}


class Coreference:
    def __call__(self, doc: Doc) -> Doc:
        groups = doc._.lsg_groups
        named = {i for m in groups.mentions for i in range(m.start, m.end)}
        anaphors: list[tuple[int, int, str, str]] = []
        for m in _DEFINITE.finditer(text_of(doc)):
            if m.start("noun") not in named:
                anaphors.append((m.start(), m.end(), "definite", m.group("noun").lower()))
        for m in _SHORT_NAME.finditer(text_of(doc)):  # "the Hainan group", "the security commission"
            if m.start("noun") not in named and m.group("word").lower() not in _NOT_TOPIC:
                anaphors.append((m.start(), m.end(), "short", f'{m.group("word")} {m.group("noun")}'.lower()))
        for m in _FORMER_LATTER.finditer(text_of(doc)):
            anaphors.append((m.start(), m.end(), "former", m.group(1)))
        for token in doc:
            if token.lower_ in ("it", "its") and (token.dep_ in (*_SUBJECT_DEPS, "poss", "dobj")
                                                  or _role_object(token)):
                anaphors.append((token.idx, token.idx + len(token), "pronoun", token.lower_))
        # Bodies on an infobox's "Preceding agency" rows are not what the article goes on about.
        aside = [m.span() for m in _OTHER_AGENCY_ROW.finditer(text_of(doc))]
        candidates = [m for m in groups.mentions if not any(s <= m.start < e for s, e in aside)]
        text = text_of(doc)
        for start, end, how, word in sorted(anaphors):
            entity = _antecedent(groups, candidates, start, how, word, text)
            if how in ("pronoun", "definite") and entity is not None:
                entity = _subject_antecedent(doc, candidates, start, entity, word)
            if entity is not None:
                mention = GroupMention(start, end, entity, "coreference")
                groups.mentions.append(mention)
                candidates.append(mention)
                candidates.sort(key=lambda m: m.start)
        for m in _PLURAL.finditer(text):  # "Xi chairs all four groups": every body of the list before
            for entity in _listed_entities(text, candidates, m.start(), _count(m)):
                groups.mentions.append(GroupMention(m.start(), m.end(), entity, "coreference"))
        groups.mentions.sort(key=lambda m: m.start)
        # A "name" inside a group name ("... for Handling Hong Kong Affairs") is no person.
        inside = {i for m in groups.mentions if m.source != "coreference" for i in range(m.start, m.end)}
        people = [p for p in doc._.lsg_people if not (p.start in inside and p.end - 1 in inside)]
        doc._.lsg_people = _resolve_pronouns(doc, people)
        return doc


def _antecedent(groups, candidates: list, start: int, how: str, word: str, text: str) -> int | None:
    position = bisect.bisect_left([m.start for m in candidates], start)
    earlier = []
    for m in reversed(candidates[max(0, position - 60):position]):
        if start - m.end > _MAX_DISTANCE[how]:
            break
        if m.end <= start:
            earlier.append(m)
    earlier.reverse()
    if how == "former":
        distinct: list[int] = []
        for m in reversed(earlier):
            if m.entity not in distinct:
                distinct.append(m.entity)
        if len(distinct) < 2:
            return None
        return distinct[1] if word == "former" else distinct[0]
    for m in reversed(earlier):
        entity = groups.entities[m.entity]
        if how == "short":
            names = " ".join([entity.ref.name, entity.ref.canonical or "", *entity.surfaces]).lower()
            topic, noun = word.split(" ")  # "the economic group" is not the Economic Commission
            if re.search(rf"\b{re.escape(topic[:max(4, len(topic) - 2)])}", names) and _compatible(noun, _kind(entity)):
                return m.entity
            continue
        if word == "committee":
            named = any("committee" in s.lower() for s in [entity.ref.name, *entity.surfaces])
            if named and not _OTHER_COMMITTEE.search(text, m.end, start):
                return m.entity
            continue
        if word == "office" and start - m.end > _MAX_DISTANCE["pronoun"]:
            return None
        if _compatible(word, _kind(entity)):
            return m.entity
    return None


def _count(m: re.Match) -> int | None:
    word = (m.group("n") or m.group("both") or m.group("bare") or "").lower()
    return _NUMBERS.get(word)


def _listed_entities(text: str, candidates: list, start: int, count: int | None) -> list[int]:
    """The bodies of the last list of group names ("A, B and the C") before `start`."""
    earlier = [m for m in candidates if m.end <= start and start - m.end < 1500]
    run: list = []
    for m in reversed(earlier):
        if run and not _LIST_SEPARATOR.fullmatch(text[m.end:run[-1].start]):
            if len(run) >= 2:
                break
            run = []
        if not run or m.entity != run[-1].entity:
            run.append(m)
    entities = list(dict.fromkeys(m.entity for m in reversed(run)))
    if len(entities) < 2 or count is not None and len(entities) != count:
        return []
    return entities


def _subject_antecedent(doc: Doc, candidates: list, start: int, nearest: int, word: str) -> int:
    """"The commission was upgraded from the leading group in March. Its office ...": a pronoun
    prefers the subject of the sentence before over a group named later in it."""
    here = doc.char_span(start, start + 1, alignment_mode="expand")
    if here is None or here.sent.start == 0:
        return nearest
    previous = doc[here.sent.start - 1].sent
    for m in candidates:
        if m.end > start or m.start < previous.start_char:
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        entity = doc._.lsg_groups.entities[m.entity]
        if word == "committee" or not _compatible(word, _kind(entity)):
            continue
        if span is not None and span.root.dep_ in _SUBJECT_DEPS and span.sent.start == previous.start:
            if not any(c.start >= here.sent.start_char and c.end <= start for c in candidates if c is not m):
                return m.entity
    return nearest


def _kind(entity) -> str:
    """The entity's kind, by the head word of its name first: "... Commission Reform Leading Group" is a group."""
    name = entity.ref.name.lower()
    if entity.ref.kind == "office" or "office" in name.split():
        return "office"
    if name.endswith(("group", "lsg")):
        return "leading_group"
    if name.endswith("commission"):
        return "commission"
    return entity.ref.kind or "leading_group"


def _compatible(word: str, kind: str) -> bool:
    if word == "commission":
        return kind == "commission"
    if word in ("it", "its"):
        return True
    if word == "office":
        return kind in ("leading_group", "commission", "subgroup", "office")
    if word in ("body", "panel"):
        return kind != "office"
    return kind in ("leading_group", "subgroup", "other_body")


def _resolve_pronouns(doc: Doc, people: list[PersonMention]) -> list[PersonMention]:
    named = {i for p in people for i in range(p.start, p.end)}  # "Liu He" is a name, not a pronoun
    pronouns = [t for t in doc if t.lower_ in ("he", "she") and t.dep_ in _SUBJECT_DEPS and t.idx not in named]
    events = sorted([(p.start, "person", p) for p in people] + [(t.idx, "pronoun", t) for t in pronouns],
                    key=lambda e: e[0])
    subject: PersonMention | None = None
    latest: PersonMention | None = None
    resolved = list(people)
    for _, what, item in events:
        if what == "person":
            latest = item
            if _is_subject(doc, item):
                subject = item
            continue
        antecedent = subject or latest
        if antecedent is not None:
            mention = PersonMention(item.idx, item.idx + len(item), antecedent.name, item.text, False)
            resolved.append(mention)
            subject = latest = antecedent
    return sorted(resolved, key=lambda p: p.start)


def _is_subject(doc: Doc, person: PersonMention) -> bool:
    span = doc.char_span(person.start, person.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    while root.dep_ in ("compound", "appos", "conj") and root.head.i != root.i:
        root = root.head
    return root.dep_ in _SUBJECT_DEPS


@Language.factory("lsg_coreference")
def make_coreference(nlp: Language, name: str) -> Coreference:
    return Coreference()


# "put in charge of it", "a member of it", "sat on it": a pronoun that is the body a role is held in.
_ROLE_HOLDING = frozenset({"charge", "head", "chairman", "chair", "leader", "member", "members", "deputy", "director",
                           "sits", "sat", "served", "serves", "serve"})


def _role_object(token) -> bool:
    preposition = token.head
    return (token.dep_ == "pobj" and preposition.lower_ in ("of", "on")
            and preposition.head.lower_ in _ROLE_HOLDING)
