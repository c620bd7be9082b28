"""Find people's names in English text: the statistical NER plus a romanised-name recogniser.

The NER misses some pinyin names, so a known romanised surname (pipeline.names) followed by a
given name made of pinyin syllables ("Li Keqiang", "Wang Huning") or a hyphenated Wade-Giles or
Cantonese given name ("Zhou En-lai", "Leung Chun-ying") is a name too. Titles are stripped.
A bare surname ("Xi", "Li, the premier") is linked to the full name given in the document.
Result: doc._.lsg_people, a list of PersonMention in text order.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.extract.en.doc_text import text_of
from pipeline.extract.en.resources import surnames, titles
from pipeline.names import splits_into_syllables

# A lookahead, so "Comrade Wang" failing the surname test does not hide "Wang Yi".
_ROMANISED = re.compile(r"\b(?=([A-Z][a-z]{0,6})\s+([A-Z][a-z]{1,9}(?:[-‐][a-z]{1,6})?)\b)")
_NOT_NAMES = frozenset({"hong kong", "han chinese", "long march", "shan xi", "ma on", "tian an", "falun gong"})
# Words that make the capitalised words before them a place, a people or an institution.
_NON_NAME_NEXT = frozenset({"Chinese", "Dynasty", "Province", "River", "University", "Road", "Street", "Square",
                            "Avenue", "Mountain", "Mountains", "Hall", "Palace", "Park", "Airport", "Bridge",
                            "District", "County", "City", "Village", "Temple", "Lake", "Institute", "Daily"})
_GIVEN_MAX_LETTERS = 12  # three syllables at most

if not Doc.has_extension("lsg_people"):
    Doc.set_extension("lsg_people", default=None)


@dataclass
class PersonMention:
    start: int  # character offsets into doc.text
    end: int
    name: str  # the full name this mention refers to
    surface: str
    full: bool  # False for a bare surname


class PersonNames:
    def __init__(self, nlp: Language):
        self.surnames = surnames()
        self.titles = titles()

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        candidates: list[tuple[int, int]] = []
        # Not GPE: the NER often takes a pinyin name for a place ("Li Zhanshu"); places are one word in pinyin.
        other_entities = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("LOC", "FAC")]
        for ent in doc.ents:
            if ent.label_ == "PERSON":
                start, end = self._strip_titles(text, ent.start_char, ent.end_char)
                chinese = _ROMANISED.match(text, start)
                if chinese and chinese.end(2) < end and self._romanised(chinese.group(1), chinese.group(2)):
                    end = chinese.end(2)  # a headline: "Wen Jiabao Chairs Meeting"
                candidates.append((start, end))
        for m in _ROMANISED.finditer(text):
            end = m.end(2)
            if self._romanised(m.group(1), m.group(2)) and (m.start(), end) not in other_entities:
                candidates.append((m.start(), end))
        full: list[PersonMention] = []
        for start, end in _longest_first(candidates):
            surface = text[start:end]
            words = surface.split()
            if not 2 <= len(words) <= 4 or not all(w[:1].isupper() and not w.isupper() for w in words):
                continue
            if surface.lower() in _NOT_NAMES or _next_word(text, end) in _NON_NAME_NEXT or words[-1] in _NON_NAME_NEXT:
                continue
            full.append(PersonMention(start, end, " ".join(words), surface, True))
        doc._.lsg_people = sorted(full + self._surname_mentions(doc, full), key=lambda p: p.start)
        return doc

    def _romanised(self, surname: str, given: str) -> bool:
        if surname not in self.surnames:
            return False
        if "-" in given or "‐" in given:  # Wade-Giles or Cantonese: "En-lai", "Chun-ying"
            return True
        return len(given) <= _GIVEN_MAX_LETTERS and splits_into_syllables(given)

    def _strip_titles(self, text: str, start: int, end: int) -> tuple[int, int]:
        changed = True
        while changed:
            changed = False
            lowered = text[start:end].lower()
            for title in self.titles:
                if lowered.startswith(title + " ") or lowered.startswith(title + "\n"):
                    start += len(title) + 1
                    changed = True
                    break
        while start < end and text[start].isspace():
            start += 1
        if text[start:end].endswith(("'s", "’s")):
            end -= 2
        while end > start and text[end - 1] in ".,;:":
            end -= 1
        return start, end

    def _surname_mentions(self, doc: Doc, full: list[PersonMention]) -> list[PersonMention]:
        """Bare surnames of people named in full somewhere in the document ("He" is a pronoun here);
        names written out in earlier chunks of the document (doc.user_data) count as named before."""
        by_surname: dict[str, list[PersonMention]] = {}
        earlier_chunks = [PersonMention(-1, -1, name, name, True) for name in doc.user_data.get("lsg_earlier_names", ())]
        for person in earlier_chunks + full:
            words = person.name.split()  # Chinese order puts the surname first, Western order last
            by_surname.setdefault(words[0] if words[0] in self.surnames else words[-1], []).append(person)
        if not by_surname:
            return []
        covered = {i for p in full for i in range(p.start, p.end)}
        found: list[PersonMention] = []
        pattern = re.compile(r"\b(?:%s)\b" % "|".join(map(re.escape, by_surname)))
        for m in pattern.finditer(text_of(doc)):
            if m.group() == "He" or m.start() in covered:
                continue
            token = doc.char_span(m.start(), m.end())
            if token is None:
                continue
            token = token[0]
            following = token.nbor(1) if token.i + 1 < len(doc) else None
            if following is not None and following.text[:1].isupper() and following.pos_ == "PROPN":
                continue
            named = by_surname[m.group()]
            earlier = [p for p in named if p.start < token.idx]
            person = (earlier or named)[-1]
            found.append(PersonMention(token.idx, token.idx + len(token), person.name, token.text, False))
        return found


def romanised_names(text: str) -> list[tuple[int, str]]:
    """(offset, name) of every romanised Chinese name in `text`, found by spelling alone."""
    known = surnames()
    found = []
    for m in _ROMANISED.finditer(text):
        surname, given = m.group(1), m.group(2)
        if surname in known and ("-" in given or len(given) <= _GIVEN_MAX_LETTERS and splits_into_syllables(given)):
            if f"{surname} {given}".lower() not in _NOT_NAMES and _next_word(text, m.end(2)) not in _NON_NAME_NEXT:
                found.append((m.start(), f"{surname} {given}"))
    return found


def _next_word(text: str, end: int) -> str:
    m = re.match(r"\s*([A-Za-z]+)", text[end:end + 30])
    return m.group(1) if m else ""


def _longest_first(spans: list[tuple[int, int]]):
    taken: list[tuple[int, int]] = []
    for start, end in sorted(set(spans), key=lambda s: (s[0] - s[1], s[0])):
        if end <= start or any(start < e and s < end for s, e in taken):
            continue
        taken.append((start, end))
        yield start, end


@Language.factory("lsg_person_names")
def make_person_names(nlp: Language, name: str) -> PersonNames:
    return PersonNames(nlp)
