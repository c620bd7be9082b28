"""Which group a role verb is about: its subject, the noun it modifies, or the group before it."""
from __future__ import annotations

import re

from spacy.tokens import Span, Token

from pipeline.extract.en.doc_text import text_of
from pipeline.extract.en.mentions import groups_or_office, is_office_token
from pipeline.extract.en.role_people import RELATIVE, SUBJECTS

_WORK_BODY = re.compile(r"(?i)\bwork(?:ing)? (?:commission|committee)\b")
LEADERSHIP = frozenset({"leadership", "chairmanship", "headship", "helm"})


def subject_groups(index, sent: Span, verb: Token) -> tuple[list[int], bool] | None:
    """Groups the verb's subject (or the noun it modifies) names; None when it names no group."""
    found = participle_groups(index, verb)
    if found is not None:  # "its office, run by P", "G, set up last year and headed by P"
        return found
    if verb.dep_ in ("acl", "relcl"):
        head = verb.head
        if head.lower_ in RELATIVE:
            head = head.head
        found = groups_or_office(head, index) or _one_of(index, head)
        if found is None and index.people[head.i]:  # "chaired by X, who is assisted by Y"
            return _group_before(index, sent, verb)
        return found
    token = verb
    for _ in range(4):
        subjects = [c for c in token.children if c.dep_ in SUBJECTS]
        if subjects:
            subject = subjects[0]
            if subject.lower_ in RELATIVE and token.dep_ == "relcl":
                subject = token.head
            if subject.lower_ in LEADERSHIP:  # "leadership of the group passed to P"
                subject = next((g for p in subject.children if p.lower_ == "of" for g in p.children), subject)
            return groups_or_office(subject, index)
        if token.dep_ not in ("conj", "xcomp", "advcl") or token.head.i == token.i:
            break
        token = token.head
    return _group_before(index, sent, verb)


def participle_groups(index, verb: Token) -> tuple[list[int], bool] | None:
    """The group a participle clause right after it describes: "G, run by P", "G, set up in 2019
    and headed by P", "the group, set up in 2019 under P"."""
    doc = verb.doc
    if verb.tag_ != "VBN":
        return None
    first = verb
    while True:
        if first.tag_ != "VBN":
            return None
        if first.i >= 2 and doc[first.i - 1].text == ",":
            return groups_or_office(doc[first.i - 2], index)
        if first.dep_ == "acl" and first.head.i < first.i:  # "a leading group set up in 2019 under P"
            return groups_or_office(first.head, index)
        if first.dep_ != "conj" or first.head.i >= first.i:
            return None
        first = first.head


def _group_before(index, sent: Span, token: Token) -> tuple[list[int], bool] | None:
    for t in reversed(token.doc[sent.start: token.i]):
        if index.groups[t.i]:
            return index.groups[t.i], is_office_token(t, index)
    return None


def _one_of(index, noun: Token) -> tuple[list[int], bool] | None:
    """"X emerged as one of the groups headed by P": the groups are X's kind, P heads X."""
    if noun.head.lower_ == "of" and noun.head.head.lower_ == "one":
        verb = noun.head.head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
        if subjects:
            return groups_or_office(subjects[0], index)
    return None


def joined_conjunct(token) -> bool:
    """A conjunct that opens a new noun phrase: "... and the leading group for B" (the parser may hang
    it inside the first group's name)."""
    left = token.left_edge
    return left.i > 0 and token.doc[left.i - 1].lower_ == "and" and left.lower_ in ("the", "a", "its")


def predicative(noun) -> bool:
    """A role noun said of the clause's subject, with no "of G" of its own."""
    if any(c.dep_ == "prep" for c in noun.children):
        return False
    if noun.dep_ == "nsubj" and noun.head.lower_ in ("is", "was", "are", "were"):  # "his deputy is P"
        return any(c.dep_ == "attr" for c in noun.head.children)
    return noun.dep_ in ("attr", "oprd") or (noun.dep_ == "pobj" and noun.head.lower_ in ("as", "among")
                                              and noun.head.head.pos_ in ("VERB", "AUX"))


def previous_sentence_group(index, sent: Span) -> list[int]:
    """"Xi leads G. Wang, who oversaw X, was a deputy head.": the one group of the sentence before,
    in the same paragraph."""
    previous = index.previous_sent(sent)
    if previous is None:
        return []
    between = text_of(sent.doc)[previous.start_char: sent.start_char]
    if "\n\n" in between[len(between.rstrip()):]:
        return []
    named = index.sentence_groups(previous)
    return named if len(named) == 1 else []


def secretary_groups(cue: Span, groups: list[int]) -> list[int]:
    """A party work commission is headed by its secretary; other bodies' secretaries (and any
    secretary-general) are staff."""
    doc = cue.doc
    if doc[cue.end: cue.end + 2].text.lower().lstrip("-– ").startswith("general"):
        return []
    entities = doc._.lsg_groups.entities
    return [g for g in groups if _WORK_BODY.search(entities[g].ref.canonical or entities[g].ref.name)]
