"""Which people a role cue is about, read from the dependency parse and the word order."""
from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from pipeline.extract.en.doc_text import text_of
from pipeline.extract.en.mentions import MentionIndex
from pipeline.extract.en.person_names import PersonMention

SUBJECTS = ("nsubj", "nsubjpass")
# ", and Vice-Premier " or "... until 2018 and by " joins two names; "and a group under" does not.
_LIST_GAP = re.compile(r"(?:[\s,]*(?:and\s+|&\s+)?|[^.;]{0,30}\band\s+(?:later\s+|then\s+)?by\s+)"
                       r"(?:[A-Z][\w.’'-]*\s+){0,3}")
RELATIVE = frozenset({"who", "which", "that"})


def walk_to_person(index: MentionIndex, token: Token) -> list[PersonMention]:
    """Up the parse from a cue to the person it describes: an apposition ("P, head of G"), the
    subject of the clause ("P was named head of G"), or the noun a relative clause modifies."""
    named_after = [c for c in token.children if c.dep_ == "appos" and index.people[c.i]]
    if named_after:  # "the head of the group, Xi Jinping, ..."
        return _coordinated_people(index, named_after[0])
    visited: set[int] = set()
    for _ in range(12):
        visited.add(token.i)
        if index.people[token.i] is not None:
            return _coordinated_people(index, token)
        if token.pos_ in ("VERB", "AUX") or token.dep_ == "ROOT":
            all_subjects = [c for c in token.children if c.dep_ in SUBJECTS]
            subjects = [c for c in all_subjects if c.i not in visited]
            if all_subjects and not subjects and token.dep_ == "conj":
                return []  # the cue is this clause's subject: the conjoined clause's subject is not its holder
            if subjects:
                if subjects[0].lower_ in RELATIVE and token.dep_ == "relcl":
                    return walk_to_person(index, token.head) if token.head.i != token.i else []
                return [p for subject in subjects for p in subject_people(index, subject)]
            if token.dep_ not in ("conj", "xcomp", "relcl", "advcl", "ccomp", "acl"):
                return []
        if token.head.i == token.i:
            return []
        token = token.head
    return []


def _coordinated_people(index: MentionIndex, token: Token) -> list[PersonMention]:
    """The person at `token` and those listed with it ("Li Keqiang, Wang Huning and Han Zheng")."""
    found = [index.people[token.i]]
    listed = [*token.conjuncts, *(c for c in token.children if c.dep_ == "appos" and index.people[c.i])]
    for other in listed:
        for t in (other, *other.conjuncts):
            person = index.people[t.i]
            if person is not None and person not in found:
                found.append(person)
    return found


def subject_people(index: MentionIndex, subject: Token) -> list[PersonMention]:
    """People the subject phrase names, leaving out those inside its prepositional phrases and
    possessives ("The country's top legislator, Wu Bangguo, and Wen" -> Wu, Wen)."""
    doc = subject.doc
    found: list[PersonMention] = []
    for t in subject.subtree:
        person = index.people[t.i]
        if person is None or person in found:
            continue
        path = [a for a in t.ancestors if a.i != subject.i and subject.is_ancestor(a)]
        if any(a.dep_ in ("pobj", "prep", "poss") for a in [t, *path]):
            continue
        if t.i + 1 < len(doc) and doc[t.i + 1].text in ("'s", "’s"):
            continue
        found.append(person)
    return found


def people_after(index: MentionIndex, sent: Span, start: int, all_of_list: bool) -> list[PersonMention]:
    """The person named after "chaired by" (with those coordinated with it), or, for a list
    cue ("assisted by"), every person to the end of the sentence."""
    people = index.people_in(start, sent.end)
    if not people or all_of_list:
        return people
    doc = sent.doc
    if token_gap(doc, start, people[0].start) > 10:
        return []
    chosen = [people[0]]
    for person in people[1:]:
        token = doc.char_span(person.start, person.end, alignment_mode="expand")
        if token is not None and token.root.dep_ in SUBJECTS:  # "..., and Li served as its deputy": a new clause
            break
        gap = text_of(doc)[chosen[-1].end:person.start]
        if not _LIST_GAP.fullmatch(gap):
            break
        chosen.append(person)
    return chosen


def after_as(doc: Doc, cue: Span) -> bool:
    """"as deputy heads", "as its director", "as the group's director"."""
    for back in range(1, 5):
        if cue.start - back < 0:
            return False
        word = doc[cue.start - back]
        if word.lower_ == "as":
            return True
        if word.lower_ not in ("its", "their", "his", "her", "the", "a", "an", "'s", "’s") and not word.ent_type_ and not word.is_title:
            return False
    return False


def with_before(doc: Doc, start: int) -> int | None:
    """The "with" opening "with A and B as deputy heads", within the same sentence by punctuation."""
    for t in reversed(doc[max(0, start - 30): start]):
        if t.lower_ == "with":
            return t.i
        if t.text in (".", "!", "?", ";") or "\n" in t.text:
            return None
    return None


def token_gap(doc: Doc, token_start: int, char_start: int) -> int:
    gap = 0
    for token in doc[token_start:]:
        if token.idx >= char_start:
            break
        gap += 1
    return gap


def gapped_holder(index: MentionIndex, cue: Span) -> PersonMention | None:
    """"..., and Li its deputy head": a person right before "its"/"their" + role, no verb between."""
    doc = cue.doc
    i = cue.start - 1
    while i >= 0 and (doc[i].lower_ in ("executive", "first", "then", "new") or doc[i].text == "-"):
        i -= 1
    if i < 1 or doc[i].lower_ not in ("its", "their"):
        return None
    return index.people[i - 1]


def clause_subject_people(index: MentionIndex, token: Token) -> list[PersonMention]:
    """People named by the subject of the verb governing `token`."""
    for _ in range(6):
        if token.pos_ in ("VERB", "AUX"):
            return [p for c in token.children if c.dep_ in SUBJECTS for p in subject_people(index, c)]
        if token.head.i == token.i:
            break
        token = token.head
    return []


def copula_people(index: MentionIndex, noun: Token) -> list[PersonMention]:
    """"Its head is Xi Jinping": the role noun is the subject, the people the complement."""
    verb = noun.head
    if noun.dep_ not in SUBJECTS or verb.lemma_ != "be" and verb.lower_ not in ("is", "was", "are", "were"):
        return []
    return [p for c in verb.children if c.dep_ == "attr" and index.people[c.i]
            for p in [index.people[c.i], *(index.people[x.i] for x in c.conjuncts if index.people[x.i])]]


def head_noun(cue: Span) -> Token:
    return next((t for t in reversed(cue) if t.lower_ not in ("of", "on") and not t.is_punct), cue[-1])


def next_as(doc: Doc, char: int, before_token: int) -> int | None:
    """Token index of the first "as" after character `char` and before token `before_token`."""
    return next((t.i for t in doc[:before_token] if t.idx >= char and t.lower_ == "as"), None)


def mention_end(index, token: Token) -> int:
    i = token.i
    while i + 1 < len(token.doc) and index.groups[i + 1] == index.groups[token.i]:
        i += 1
    return i + 1


def pair_respectively(found: list, named: list[PersonMention], roles: list[str]) -> list:
    """"A and B were its head and deputy head respectively": the n-th person holds the n-th role.
    `found` gave every listed person every role; keep one role each when the counts agree."""
    holders = list(dict.fromkeys(p.name for p in named if any(f.person == p.name for f in found)))
    if len(roles) < 2 or len(holders) != len(roles):
        return found
    paired = []
    for fact in found:
        if fact.person in holders:
            role = roles[holders.index(fact.person)]
            fact = replace(fact, role=role)
        if fact not in paired:
            paired.append(fact)
    return paired


_COPULAS = frozenset({"is", "was", "are", "were"})


def stated_holders(index: MentionIndex, noun: Token) -> list[PersonMention]:
    """"... and its deputy head was Chen Zhili": a determined role noun followed at once by a copula and
    names. Read from word order, because the parser often attaches the second clause of "Its head was A
    and its deputy head was B" to A."""
    doc, after = noun.doc, noun.i + 1
    if after >= len(doc) or doc[after].lower_ not in _COPULAS or not any(
            c.dep_ in ("poss", "det") for c in noun.children):
        return []
    end = next((t.i for t in doc[after + 1:] if t.pos_ in ("VERB", "AUX") or t.text in (";", ".")), len(doc))
    people = index.people_in(after + 1, end)
    first = next((i for i in range(after + 1, min(after + 3, len(doc))) if index.people[i] is not None), None)
    return people if first is not None and people and index.people[first] is people[0] else []


def holders_of(index: MentionIndex, noun: Token) -> list[PersonMention]:
    """The people a role noun's own clause names as its holders."""
    return stated_holders(index, noun) or walk_to_person(index, noun) or copula_people(index, noun)
