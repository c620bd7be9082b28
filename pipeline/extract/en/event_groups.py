"""Which group an event cue is about, read from the dependency parse.

The cue verb's subject or object ("the Central Committee set up the group", never "the group
formed a plan"), the group just before it ("G, set up in 2017"), a list after a plural object
("set up five small groups: a finance group ..., a science group ..."), or the possessor or
of-phrase of a noun cue ("its second meeting", "a meeting of the leading group").
"""
from __future__ import annotations

from spacy.tokens import Span, Token

_SUBJECTS = ("nsubj", "nsubjpass")
_RESPONSIBILITY_WORDS = frozenset({"responsibilities", "responsibility", "functions", "duties", "work", "powers"})
_BODY_NOUNS = frozenset({"commission", "committee", "group", "office", "body", "agency", "administration"})
PLURAL_BODIES = frozenset({"groups", "commissions", "bodies", "lsgs", "committees", "panels"})


def verb_groups(cue: Span, index) -> list[int]:
    verb = cue[0]
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if objects:  # "the Central Committee set up the group", never "the group formed a plan"
        return listed_after(objects[0], index) or groups_of(objects[0], index)
    adjacent = adjacent_subject(verb, index)
    if adjacent:
        return adjacent
    if verb.dep_ in ("acl", "relcl") and verb.head.lower_ not in ("which", "that") and index.groups[verb.head.i]:
        return groups_of(verb.head, index)
    if verb.dep_ == "acl" and verb.head.dep_ == "appos" and index.groups[verb.head.head.i]:
        # "G, a body set up in March 2023", never "G, a campaign launched in 2013"
        return groups_of(verb.head.head, index) if verb.head.lower_ in _BODY_NOUNS else []
    token = verb
    for _ in range(4):
        subjects = [c for c in token.children if c.dep_ in _SUBJECTS]
        if subjects:
            subject = subjects[0]
            if subject.lower_ in ("which", "that", "who"):
                head = token.head if token.dep_ == "relcl" else None
                found = groups_of(head, index) if head is not None else []
                if found or subject.lower_ == "who":  # "Han, who became head of G": a person, no event
                    return found
                return index.sentence_groups(index.sent(cue[0]))[:1]
            found = groups_of(subject, index) or plural_reference(subject, index)
            if not found and subject.lower_ in _RESPONSIBILITY_WORDS:
                found = [g for t in subject.subtree for g in index.groups[t.i]]
                found = list(dict.fromkeys(found))
            return found
        if token.dep_ not in ("conj", "xcomp", "advcl") or token.head.i == token.i:
            break
        token = token.head
    return []


def plural_reference(noun: Token, index) -> list[int]:
    """"both commissions", "the two groups": the last bodies of that kind named before."""
    counted = {"both": 2, "two": 2, "three": 3}
    wanted = next((counted[c.lower_] for c in noun.children if c.lower_ in counted), None)
    if noun.lower_ not in PLURAL_BODIES or wanted is None:
        return []
    kind = {"commissions": "commission", "committees": "committee", "groups": "group"}.get(noun.lower_, "")
    entities = noun.doc._.lsg_groups.entities
    # a body renamed earlier in the text is one body under two names
    renamed = {f.group: f.to_group for f in noun.doc._.lsg_facts or [] if f.kind == "event" and f.event == "renamed"}
    found: list[int] = []
    for i in range(noun.i - 1, -1, -1):
        for g in index.groups[i]:
            if g not in found and renamed.get(g) not in found and kind in entities[g].ref.name.lower():
                found.append(g)
        if len(found) == wanted:
            return list(reversed(found))
    return []


def listed_after(noun: Token, index) -> list[int]:
    """"set up five small groups: a finance group ..., a science group ...": every group listed."""
    doc = noun.doc
    if noun.lower_ not in PLURAL_BODIES:
        return []
    colon = next((t.i for t in doc[noun.i + 1: noun.i + 16] if t.text in (":", ".", ";")), None)
    if colon is None or doc[colon].text != ":":
        return []
    found: list[int] = []
    for t in doc[colon + 1: colon + 200]:  # the parser may cut the list into sentences
        if t.text in (".", "!", "?", ";") or "\n" in t.text:
            break
        found.extend(g for g in index.groups[t.i][:1] if g not in found)
    return found


def adjacent_subject(verb: Token, index) -> list[int]:
    """"a small group for science was formed", "G, set up in 2013, ...": the group just before."""
    sent_start = index.sent(verb).start
    i = verb.i - 1
    while i >= sent_start and (verb.doc[i].pos_ in ("AUX", "ADV", "PART") or verb.doc[i].lower_ in ("first", "re", "-")
                               or verb.doc[i].text == "," and verb.tag_ == "VBN"):
        i -= 1
    if i < sent_start or not index.groups[i]:
        return []
    return groups_of(verb.doc[i], index)


def noun_groups(cue: Span, index) -> list[int]:
    noun = cue[-1]
    for child in noun.children:
        if child.dep_ == "poss" and index.groups[child.i]:
            return index.groups[child.i][:1]
    after = noun.doc[cue.end: cue.end + 5]
    if len(after) and after[0].lower_ == "of":
        for t in after[1:]:
            if index.groups[t.i]:
                return index.groups[t.i][:1]
    if noun.dep_ in ("dobj", "nsubjpass") and noun.head.pos_ == "VERB" and cue.label_.startswith("meeting"):  # "the commission held a meeting"
        for subject in (c for c in noun.head.children if c.dep_ == "nsubj"):
            if index.groups[subject.i]:
                return index.groups[subject.i][:1]
    if cue.label_.startswith("established") and cue.start > 0:
        before = noun.doc[cue.start - 1]
        if index.groups[before.i]:
            return index.groups[before.i][:1]
    return []


def groups_of(token: Token | None, index) -> list[int]:
    if token is None:
        return []
    found = list(index.groups[token.i])
    if not found:  # "Its predecessor, the Group of Five, had been dissolved"
        found = [g for c in token.children if c.dep_ == "appos" for g in index.groups[c.i]][:1]
    for conj in token.conjuncts:
        found.extend(g for g in index.groups[conj.i] if g not in found)
    return found


def renamed_target(cue: Span, sent: Span, index, groups: list[int]) -> int | None:
    for t in cue.doc[cue.end: sent.end]:
        for g in index.groups[t.i]:
            if g not in groups:
                return g
    return None


def into_body(cue: Span) -> bool:
    """"restructured as a commission", "turned into a full commission": a change of kind is a renaming."""
    words = [t.lower_ for t in cue.doc[cue.end: cue.end + 6]]
    if not words or words[0] not in ("as", "into", "to"):
        return False
    for word in words[1:]:
        if word in _BODY_NOUNS:
            return True
        if word in (",", ".", ";", "by", "in", "on", "of"):
            return False
    return False


def renamed_from(cue: Span, index) -> int | None:
    for prep in cue[0].children:
        if prep.dep_ == "prep" and prep.lower_ == "from":
            for obj in prep.children:
                if obj.dep_ == "pobj" and index.groups[obj.i]:
                    return index.groups[obj.i][0]
    return None


def subject_groups(verb: Token, index) -> list[int]:
    return [g for c in verb.children if c.dep_ in _SUBJECTS for g in groups_of(c, index)]


def with_groups(verb: Token, index) -> list[int]:
    return [g for p in verb.children if p.dep_ == "prep" and p.lower_ == "with"
            for o in p.children if o.dep_ == "pobj" for g in index.groups[o.i]]


_ORDINALS = frozenset({"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                       "eleventh", "twelfth", "next", "last", "latest", "inaugural", "plenary"})
_NEARBY_TOKENS = 150


def ordinal_meeting_group(cue: Span, index) -> list[int]:
    """"At the third meeting, on 25 July 2019, ...", "The fourth meeting followed on 13 December": a
    numbered meeting of no named body is the next session of the group the text has just been about."""
    noun = cue[-1]
    if not cue.label_.startswith("meeting") or noun.pos_ != "NOUN" or noun.tag_ != "NN":
        return []
    children = list(noun.children)
    if not any(c.lower_ == "the" for c in children) or not any(
            c.lower_ in _ORDINALS or c.ent_type_ == "ORDINAL" for c in children):
        return []
    if any(c.dep_ in ("prep", "poss", "compound") and c.lower_ not in ("on", "in") for c in children):
        return []  # "the third meeting of the NPC", "the third plenary meeting"
    nearest = index.last_group_before(cue[0], _NEARBY_TOKENS)
    return [nearest] if nearest is not None else []
