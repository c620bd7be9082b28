"""Rosters written as lists.

Bullet rosters: a role heading line ("- Vice Chairmen", "Members:", "Its chairmen have been:") sets
the role for the name lines below it ("- Zhu Rongji, Vice Premier"); a sub-heading
under it ("Ministers:") keeps the role; "Chairman: Xi Jinping" on one line, or run in after a
sentence ("... in 2014. Deputy heads: A, B."), too. The group is the one the text is about: the group named most often before the roster.
Inline enumerations: "members included: A; B; C and D", "the office directors since 1999
include: A, B, and C", "The members it named were: ..." give every name after the verb.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.extract.en.doc_text import text_of
from pipeline.extract.en.mentions import Fact, add_fact, index_of

_BULLET = r"(?:[-*•·●▪◦‣–]|\d{1,2}[.)])"
_ROLE_HEADINGS: tuple[tuple[str, re.Pattern], ...] = tuple(
    (role, re.compile(rf"(?i)^(?:{words})$")) for role, words in (
    ("deputy_leader", r"(?:vice[- ]?(?:chair(?:man|men|woman|women|person|persons|s)?|directors?|heads?|leaders?|"
                      r"group leaders?)|(?:executive )?deputy (?:group )?(?:heads?|leaders?|directors?|chiefs?|"
                      r"chairm[ae]n)|deputies|fuzuzhang|(?:deputy|vice)[- ]commanders?(?:[- ]in[- ]chief)?)"),
    ("office_director", r"(?:office directors?|directors? of the (?:general )?office|heads? of the office)"),
    ("leader", r"(?:(?:group )?(?:chair(?:man|men|woman|person)?|heads?|leaders?|directors?)|zuzhang|"
               r"commanders?[- ]in[- ]chief)"),
    ("member", r"(?:(?:other|ordinary|full|regular|core|current|group) )?(?:members?|membership)"),
))
_PARENTHETICAL = re.compile(r"(?<=[(;])\s*(?P<role>[A-Za-z][A-Za-z -]{1,25}?)\s*:\s*(?P<names>[^;:()\n]{3,200})(?=[;)])")
_RUN_IN = re.compile(r"(?<=[.;]\s)(?P<role>[A-Z][A-Za-z -]{2,30}?)\s*:\s*(?P<names>[^.:;\n]{3,300})")
_LINE = re.compile(rf"^[ \t]*(?:{_BULLET}[ \t]+)?(?P<body>[^\n]*?)[ \t]*$", re.M)
_INLINE_CUE = re.compile(
    r"(?i)\b(?P<role>members|office directors|directors|deputy heads|vice[- ]chairmen|vice[- ]directors)\b"
    r"(?P<gap>[^.;:]{0,100}?)\b(?:include|included|includes|are|were|was|comprise[sd]?)\b\s*:?")

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")
_LEAD_IN = re.compile(r"(?i)^(?:(?:its|their|the(?: \w+(?:'s|’s))?|his|her)\s+)?(?:(?:first|past|successive|later|"
                      r"other|current|founding)\s+)?(?P<role>[\w -]{3,30}?)\s+(?:(?:so far|to date|since \d{4}),?\s+)?"
                      r"(?:have been|has been|had been|were|are|was|is|included?|includes|comprised?|"
                      r"(?:have|has) included)(?:\s+(?:as follows|so far|to date|since \d{4}))?$")


class Lists:
    def __call__(self, doc: Doc) -> Doc:
        index = index_of(doc)
        self._rosters(doc, index)
        for m in _RUN_IN.finditer(text_of(doc)):  # "... in 2014. Deputy heads: A, B."
            role = _heading_role(m.group("role").strip())
            people = index.people_in(*_tokens(doc, m.start("names"), m.end("names")))
            if role and people:
                self._emit(doc, index, role, m.start(), m.end(), people, 0.7, at=doc.char_span(
                    m.start(), m.end(), alignment_mode="expand")[0])
        for m in _INLINE_CUE.finditer(text_of(doc)):
            self._inline(doc, index, m)
        for m in _PARENTHETICAL.finditer(text_of(doc)):
            self._parenthetical(doc, index, m)
        return doc

    def _parenthetical(self, doc: Doc, index, m: re.Match) -> None:
        """"G (head: P; deputies: A, B and C)": the group is the name just before the bracket."""
        opening = text_of(doc).rfind("(", 0, m.start() + 1)
        paren = doc.char_span(opening, opening + 1, alignment_mode="expand") if opening > 0 else None
        if not paren or paren.start == 0 or not index.groups[paren.start - 1]:
            return
        named = index.groups[paren.start - 1][0]
        role = _heading_role(m.group("role").strip())
        people = index.people_in(*_tokens(doc, m.start("names"), m.end("names")))
        if role and people:
            self._emit(doc, index, role, m.start(), m.end(), people, 0.7, group=named)

    def _rosters(self, doc: Doc, index) -> None:
        role: str | None = None
        heading_start = 0
        for line in _LINE.finditer(text_of(doc)):
            body = line.group("body").strip().rstrip(":：").strip()
            if not body:
                continue
            introduces = line.group("body").rstrip().endswith((":", "："))
            heading = _heading_role(body.strip("| ")) or (_lead_in_role(body) if introduces else None)
            colon = re.match(r"^\|?\s*([^:：|]{3,30}?)\s*[:：|]\s*(.+)$", body)
            named = index.people_in(*_tokens(doc, line.start("body"), line.end()))
            if heading or (not named and (len(body.split()) <= 4 or introduces and len(body.split()) <= 8)):
                subheading = not heading and role is not None and introduces
                if not subheading:  # "Members:" then "Vice-premiers:": still members
                    role, heading_start = heading, line.start()
                continue
            if colon and _heading_role(colon.group(1).strip()):
                self._emit(doc, index, _heading_role(colon.group(1).strip()), line.start(), line.end(),
                           index.people_in(*_tokens(doc, line.start() + colon.start(2), line.end())), 0.7)
                continue
            if role is None:
                continue
            if named and named[0].start - line.start("body") <= 1:
                self._emit(doc, index, role, heading_start, line.end(), named[:1], 0.7,
                           group=self._roster_group(doc, index, heading_start))
            else:
                role = None

    @staticmethod
    def _roster_group(doc: Doc, index, heading_start: int) -> int | None:
        """A roster lists the members of the body the text is about: the one named most so far."""
        heading = doc.char_span(heading_start, heading_start + 1, alignment_mode="expand")
        return index.topic_group_before(heading[0]) if heading is not None else None

    def _inline(self, doc: Doc, index, m: re.Match) -> None:
        word = m.group("role").lower()
        role = ("office_director" if word.startswith("office") else "member" if word == "members"
                else "deputy_leader" if word.startswith(("deputy", "vice")) else None)
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None:
            return
        sent = index.sent(span[0])
        before = doc[max(sent.start, span.start - 3): span.start]
        office_before = [g for t in before for g in index.groups[t.i]]
        if role is None:  # bare "directors": only of an office named just before
            if not office_before or not _is_office(doc, office_before[-1]):
                return
            role = "office_director"
        end_char = _enumeration_end(text_of(doc), m.end())
        end = doc.char_span(m.end(), end_char, alignment_mode="expand")
        people = index.people_in(span.end, end.end if end is not None else sent.end)
        if not people:
            return
        self._emit(doc, index, role, sent.start_char, max(sent.end_char, end_char), people, 0.7,
                   group=office_before[-1] if office_before else None, at=span[0])

    def _emit(self, doc: Doc, index, role: str, start: int, end: int, people: list, confidence: float,
              group: int | None = None, at=None) -> None:
        if group is None:
            anchor = at if at is not None else doc.char_span(start, end, alignment_mode="expand")[0]
            sent_groups = index.sentence_groups(index.sent(anchor)) if at is not None else []
            group = sent_groups[0] if sent_groups else index.last_group_before(anchor, max_tokens=2000)
            if group is None and doc._.lsg_groups.mentions:  # a roster printed above the group's name
                group = doc._.lsg_groups.mentions[0].entity
        if group is None:
            return
        office = _is_office(doc, group)
        if office and role != "office_director":
            return
        for person in people:
            add_fact(doc, Fact(kind="membership", group=group, start=start, end=end, role=role,
                               person=person.name, short_forms=[person.surface], office=office,
                               confidence=confidence))


def _enumeration_end(text: str, start: int) -> int:
    """Where a run-in list ends: the first full stop or paragraph break (the parser may have
    cut the sentence at the colon)."""
    m = re.compile(r"[.!?][’”'\"]?(?=\s)|\n\s*\n").search(text, start, start + 1500)
    return m.end() if m else min(len(text), start + 1500)


def _lead_in_role(line: str) -> str | None:
    """The role of a sentence introducing a list: "Its chairmen have been:", "The members were:"."""
    last = _SENTENCE_END.split(line)[-1].strip()
    m = _LEAD_IN.match(last)
    return _heading_role(m.group("role")) if m else None


def _heading_role(text: str) -> str | None:
    for role, pattern in _ROLE_HEADINGS:
        if pattern.match(text):
            return role
    return None


def _is_office(doc: Doc, group: int) -> bool:
    return doc._.lsg_groups.entities[group].ref.kind == "office"


def _tokens(doc: Doc, start: int, end: int) -> tuple[int, int]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return (span.start, span.end) if span is not None else (0, 0)


@Language.factory("lsg_lists")
def make_lists(nlp: Language, name: str) -> Lists:
    return Lists()
