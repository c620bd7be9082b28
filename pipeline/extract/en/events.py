"""Dated events of a group: established, renamed (with the new body), disbanded, met.

Cues are in models/patterns/en_events.jsonl; event_groups.py finds the group a cue is about.
The date is the nearest date after the cue in the sentence (else before it); a sentence that
opens with a date lends it to the next sentence ("In June 1958, ... . Under that decision,
the group was abolished"). Coordinated subjects with "respectively" pair up with their dates,
and gapped clauses ("..., one for science in 1958, and one for culture in 1958") repeat
the event. No date, no event; a negated cue ("was not a meeting of G") is none either. A date
of a clause about something else ("G, a body created in March") does not date a meeting.
"""
from __future__ import annotations

import bisect
import json
import re

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from pipeline.extract.en.doc_text import text_of
from pipeline.extract.en.event_groups import (PLURAL_BODIES, into_body, noun_groups, ordinal_meeting_group,
                                              renamed_from, renamed_target, subject_groups, verb_groups, with_groups)
from pipeline.extract.en.mentions import Fact, add_fact, index_of
from pipeline.extract.en.negation import negated
from pipeline.extract.en.resources import PATTERN_DIR

_VAGUE_CHANGE = frozenset({"became", "becomes", "changed", "turned", "transformed", "converted", "reorganized",
                           "reorganised", "restructured"})
_CONFIDENCE = {"verb": 0.85, "supersede": 0.75, "noun": 0.8, "gapped": 0.7, "infobox": 0.7, "borrowed": 0.65}
_INFOBOX_ROW = re.compile(r"(?im)^[ \t|]*(formed|established|founded|created|dissolved|abolished|disbanded)"
                          r"(?:[ \t]*[|:][ \t]*|[ \t]+)([^\n]{4,40})$")
_ENDED = frozenset({"dissolved", "abolished", "disbanded"})


class Events:
    def __init__(self, nlp: Language):
        self.matcher = Matcher(nlp.vocab)
        for row in map(json.loads, (PATTERN_DIR / "en_events.jsonl").read_text("utf-8").splitlines()):
            self.matcher.add(f"{row['label']}|{row['shape']}", [row["pattern"]])

    def __call__(self, doc: Doc) -> Doc:
        index = index_of(doc)
        dates = [d for d in doc._.lsg_dates
                 if not _inside_group(doc, index, d) and not _after_since(text_of(doc), d.start)]
        starts = [d.start for d in dates]
        for cue in filter_spans([Span(doc, s, e, label=m) for m, s, e in self.matcher(doc)]):
            sent = index.sent(cue[0])
            nameless = not any(index.groups[t.i] or t.lower_ in PLURAL_BODIES for t in sent)  # "both commissions"
            if nameless and not ordinal_meeting_group(cue, index):
                continue
            event, shape = cue.label_.split("|")
            if negated(cue) or any(index.groups[t.i] for t in cue):  # "not a meeting"; "... founding mission" group
                continue
            groups = noun_groups(cue, index) if shape == "noun" else verb_groups(cue, index)
            if nameless:
                groups = ordinal_meeting_group(cue, index)
            if not groups:
                continue
            in_sentence = dates[bisect.bisect_left(starts, sent.start_char):bisect.bisect_left(starts, sent.end_char)]
            start, how = sent.start_char, shape
            if not in_sentence:
                borrowed = _opening_date(doc, sent, dates) or _remarks_date(doc, sent, dates)
                if borrowed is None:
                    continue
                if event == "meeting" and cue[0].tag_ in ("VBZ", "VBP"):
                    continue  # "the group meets rarely": a habit, not the meeting of the sentence before
                (date, start), how = borrowed, "borrowed"
                in_sentence = [date]
            to_group = renamed_target(cue, sent, index, groups) if event == "renamed" else None
            if shape == "supersede":  # "the commission replaced the leading group": the object is renamed
                # "the party replaced the leading group with the commission": the with-phrase is the new body
                to_group = next(iter(subject_groups(cue[0], index) or with_groups(cue[0], index)), None)
                if to_group is None or to_group in groups or cue[0].tag_ == "VBN":
                    continue
            source = renamed_from(cue, index) if event == "renamed" else None
            if source is not None:  # "the commission was upgraded from the leading group": the group is renamed
                groups, to_group = [source], groups[0]
            if event == "renamed" and to_group is None and cue[0].lower_ in _VAGUE_CHANGE and not into_body(cue):
                continue  # "the group became more powerful" renames nothing
            if shape in ("verb", "supersede") and how != "borrowed":
                in_sentence = _own_clause_dates(cue, in_sentence)
                if not in_sentence:
                    continue
            if shape == "noun" and how != "borrowed":  # "the first meeting of G, a body created in March"
                in_sentence = [d for d in in_sentence if not _in_other_clause(cue, d)] or in_sentence
            chosen = _dates_for(cue, in_sentence, len(groups), sent)
            for group, date in zip(groups, chosen):
                add_fact(doc, Fact(kind="event", group=group, start=start, end=sent.end_char,
                                   event=event, date=date.value, to_group=to_group,
                                   confidence=_CONFIDENCE[how] - (0.1 if date.relative else 0)))
            if shape == "verb" and how != "borrowed":
                for group, date in _gapped(cue, sent, index, in_sentence):
                    add_fact(doc, Fact(kind="event", group=group, start=sent.start_char, end=sent.end_char,
                                       event=event, date=date.value, confidence=_CONFIDENCE["gapped"]))
        _infobox_events(doc, index, dates)
        return doc


def _infobox_events(doc: Doc, index, dates) -> None:
    """Encyclopedia infobox rows: "Formed | November 2013 |", "Dissolved: March 2018"."""
    text = text_of(doc)
    starts = [d.start for d in dates]
    for row in _INFOBOX_ROW.finditer(text):
        inside = dates[bisect.bisect_left(starts, row.start(2)):bisect.bisect_left(starts, row.end(2))]
        span = doc.char_span(row.start(), row.end(), alignment_mode="expand")
        if not inside or span is None:
            continue
        group = index.topic_group_before(span[0])
        if group is None and doc._.lsg_groups.mentions:
            group = doc._.lsg_groups.mentions[0].entity
        if group is not None:
            event = "disbanded" if row.group(1).lower() in _ENDED else "established"
            add_fact(doc, Fact(kind="event", group=group, start=row.start(), end=row.end(), event=event,
                               date=inside[0].value, confidence=_CONFIDENCE["infobox"]))


def _inside_group(doc: Doc, index, date) -> bool:
    span = doc.char_span(date.start, date.end, alignment_mode="expand")
    return span is not None and any(index.groups[t.i] for t in span)


def _after_since(text: str, start: int) -> bool:
    """"since 2013", "until 2005" bound a state, not an event; "until 2005, when it was renamed"
    dates the when-clause."""
    if re.match(r"[^\n,.;]{0,12},?\s+when\b", text[start:start + 30]):
        return False
    return text[max(0, start - 7):start].rstrip().lower().endswith(("since", "until", "till", "before"))


def _in_other_clause(cue: Span, date) -> bool:
    """The date belongs to a participle or relative clause that does not contain the cue."""
    span = cue.doc.char_span(date.start, date.end, alignment_mode="expand")
    if span is None:
        return False
    owner = span.root
    while owner.pos_ not in ("VERB", "AUX") and owner.head.i != owner.i:  # Tokens are views: compare indices
        owner = owner.head
    return owner.dep_ in ("acl", "relcl") and not owner.is_ancestor(cue[0]) and owner.i != cue[0].i


def _opening_date(doc: Doc, sent: Span, dates):
    """A date in the first words of the sentence before `sent`, if the two share a paragraph."""
    if sent.start == 0:
        return None
    previous = index_of(doc).previous_sent(sent)
    if "\n\n" in text_of(doc)[previous.end_char - 1: sent.start_char + 1]:
        return None
    head_end = previous[min(len(previous) - 1, 5)].idx
    opening = [d for d in dates if previous.start_char <= d.start <= head_end]
    return (opening[0], previous.start_char) if opening else None


def _remarks_date(doc: Doc, sent: Span, dates):
    """"X stressed ... on Tuesday. X made the remarks while presiding over a meeting of G.": the
    wire-story formula ties the meeting to the one date of the sentence before."""
    if "the remarks" not in sent.text:
        return None
    previous = index_of(doc).previous_sent(sent)
    if previous is None:
        return None
    inside = [d for d in dates if previous.start_char <= d.start < previous.end_char]
    return (inside[0], previous.start_char) if len(inside) == 1 else None


def _own_clause_dates(cue: Span, dates) -> list:
    """Leave out dates of a clause inside the cue's ("created to carry out a plan adopted in 1995")."""
    doc, verb = cue.doc, cue[0]
    kept = []
    for date in dates:
        span = doc.char_span(date.start, date.end, alignment_mode="expand")
        owner = span.root.head if span is not None else verb
        while owner.pos_ not in ("VERB", "AUX") and owner.head.i != owner.i:  # Tokens are views: compare indices
            owner = owner.head
        if owner is verb or cue.start <= owner.i < cue.end or not verb.is_ancestor(owner) or owner.dep_ in ("conj", "xcomp", "auxpass", "aux"):
            kept.append(date)
    return kept


def _dates_for(cue: Span, dates, n_groups: int, sent: Span) -> list:
    after = [d for d in dates if d.start >= cue.start_char]
    before = [d for d in dates if d.start < cue.start_char]
    ordered = after + list(reversed(before))
    if n_groups > 1 and "respectively" in sent.text and len(after) >= n_groups:
        return after[:n_groups]
    return [ordered[0]] * n_groups


def _gapped(cue: Span, sent: Span, index, dates) -> list:
    """Further "<group> in <date>" pairs after the first one, sharing the cue's verb."""
    found = []
    used = {d for d in dates if d.start >= cue.end_char}
    if not used:
        return found
    first_date = min(used, key=lambda d: d.start)
    for date in sorted(used, key=lambda d: d.start):
        if date is first_date:
            continue
        before = cue.doc.char_span(first_date.end, date.start, alignment_mode="expand")
        if before is not None and any(t.pos_ in ("VERB", "AUX") for t in before):
            break  # "...; it was renamed G in 1993" has a verb of its own
        groups = [g for t in before or () for g in index.groups[t.i]] if before is not None else []
        if groups and text_of(cue.doc)[date.start - 3: date.start].strip() == "in":
            found.append((groups[-1], date))
        first_date = date
    return found


@Language.factory("lsg_events")
def make_events(nlp: Language, name: str) -> Events:
    return Events(nlp)
