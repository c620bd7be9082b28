"""Token-level view of the group and person mentions, shared by the relation components."""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from pipeline.extract.en.person_names import PersonMention

if not Doc.has_extension("lsg_facts"):
    Doc.set_extension("lsg_facts", default=None)

_OFFICE_WORDS = frozenset({"office", "offices"})


@dataclass
class Fact:
    """A relation found in a doc; offsets are characters of doc.text."""

    kind: str  # membership | event
    group: int  # entity index in doc._.lsg_groups
    start: int
    end: int
    confidence: float
    role: str | None = None
    person: str | None = None
    short_forms: list[str] = field(default_factory=list)
    office: bool = False  # the role is held in the group's office
    event: str | None = None
    date: str | None = None
    to_group: int | None = None


class MentionIndex:
    def __init__(self, doc: Doc):
        self.doc = doc
        # Token.sent walks the document on every call: look sentences up in a table instead.
        self.sentences = list(doc.sents)
        self.sentence_at = [0] * len(doc)
        for n, sentence in enumerate(self.sentences):
            self.sentence_at[sentence.start:sentence.end] = [n] * len(sentence)
        self.groups: list[list[int]] = [[] for _ in doc]
        self.group_sources: list[str | None] = [None] * len(doc)
        self.people: list[PersonMention | None] = [None] * len(doc)
        widest = [0] * len(doc)
        # A token inside nested names belongs to the widest one: "predecessor of the CCDR".
        for mention in sorted(doc._.lsg_groups.mentions, key=lambda m: m.start - m.end):
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            for token in span or ():
                if widest[token.i] > mention.end - mention.start:
                    continue
                widest[token.i] = mention.end - mention.start
                if mention.entity not in self.groups[token.i]:
                    self.groups[token.i].append(mention.entity)
                    self.group_sources[token.i] = mention.source
        for person in doc._.lsg_people:
            span = doc.char_span(person.start, person.end, alignment_mode="expand")
            for token in span or ():
                self.people[token.i] = person

    def sent(self, token: Token) -> Span:
        return self.sentences[self.sentence_at[token.i]]

    def previous_sent(self, sent: Span) -> Span | None:
        n = self.sentence_at[sent.start]
        return self.sentences[n - 1] if n else None

    def group_of(self, token: Token) -> list[int]:
        return self.groups[token.i]

    def person_of(self, token: Token) -> PersonMention | None:
        return self.people[token.i]

    def people_in(self, start: int, end: int, skip_possessive: bool = True) -> list[PersonMention]:
        """Distinct person mentions among tokens [start, end), in order."""
        found: list[PersonMention] = []
        for i in range(max(0, start), min(end, len(self.doc))):
            person = self.people[i]
            if person is None or (found and found[-1] is person):
                continue
            last = max(j for j in range(i, min(end, len(self.doc))) if self.people[j] is person)
            if skip_possessive and last + 1 < len(self.doc) and self.doc[last + 1].text in ("'s", "’s"):
                continue
            found.append(person)
        return found

    def sentence_groups(self, sent: Span) -> list[int]:
        seen: list[int] = []
        for token in sent:
            for entity in self.groups[token.i]:
                if entity not in seen:
                    seen.append(entity)
        return seen

    def last_group_before(self, token: Token, max_tokens: int = 400) -> int | None:
        for i in range(token.i - 1, max(-1, token.i - max_tokens), -1):
            if self.groups[i]:
                return self.groups[i][-1]
        return None

    def topic_group_before(self, token: Token) -> int | None:
        """The group named most often before `token` (the subject of an article or section)."""
        counts: dict[int, int] = {}
        for i in range(token.i):
            for entity in self.groups[i]:
                if i == 0 or entity not in self.groups[i - 1]:
                    counts[entity] = counts.get(entity, 0) + 1
        return max(counts, key=lambda e: counts[e]) if counts else None

    def office_owner(self, token: Token) -> list[int]:
        """Groups whose office `token` ("office") is: "its office", "the CFAC's office", "office of the CAC"."""
        if token.lower_ not in _OFFICE_WORDS:
            return []
        if self.groups[token.i] and self.group_sources[token.i] == "coreference":  # "the office" of the group
            return self.groups[token.i]
        for child in token.children:
            if child.dep_ in ("poss", "compound", "nmod") and self.groups[child.i]:
                return self.groups[child.i]
        for i in range(token.i - 1, max(-1, token.i - 4), -1):
            if self.groups[i]:
                return self.groups[i]
            if self.doc[i].pos_ in ("VERB", "PUNCT", "ADP") and self.doc[i].text not in ("'s", "’s"):
                break
        following = token.doc[token.i + 1: token.i + 6]
        if len(following) and following[0].lower_ == "of":
            for t in following[1:]:
                if self.groups[t.i]:
                    return self.groups[t.i]
        return []


def office_follows(token: Token, index) -> bool:
    """The group mention at `token` is followed by "'s (administrative) office" or "office"."""
    doc, i = token.doc, token.i
    while i + 1 < len(doc) and index.groups[i + 1] == index.groups[token.i]:
        i += 1
    following = [t.lower_ for t in doc[i + 1: i + 4]]
    if following[:1] in (["'s"], ["’s"]):
        following = following[1:]
    return bool(following) and (following[0] in ("office", "offices") or
                                following[0] in ("administrative", "general") and following[1:2] == ["office"])


def groups_or_office(token: Token, index) -> tuple[list[int], bool] | None:
    owner = index.office_owner(token)
    if owner:
        return owner, True
    if index.groups[token.i]:
        return index.groups[token.i], is_office_token(token, index)
    return None


def is_office_token(token: Token, index) -> bool:
    entities = token.doc._.lsg_groups.entities
    return any(entities[e].ref.kind == "office" for e in index.groups[token.i])


def index_of(doc: Doc) -> MentionIndex:
    if "lsg_index" not in doc.user_data:
        doc.user_data["lsg_index"] = MentionIndex(doc)
    return doc.user_data["lsg_index"]


def add_fact(doc: Doc, fact: Fact) -> None:
    if doc._.lsg_facts is None:
        doc._.lsg_facts = []
    doc._.lsg_facts.append(fact)
