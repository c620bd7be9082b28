"""Which group a role verb is about: its subject, the noun it modifies, or the group before it."""
from __future__ import annotations

from spacy.tokens import Span, Token

from pipeline.extract.en.mentions import groups_or_office, is_office_token
from pipeline.extract.en.role_people import RELATIVE, SUBJECTS

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
        if token.dep_ not in ("conj", "xcomp", "advcl") or token.head is token:
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
        while verb.pos_ not in ("VERB", "AUX") and verb.head is not verb:
            verb = verb.head
        subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
        if subjects:
            return groups_or_office(subjects[0], index)
    return None
