"""English extraction: ParsedDocument -> Extraction, streamed through one spaCy pipeline.

Each document is reflowed (hard-wrapped PDF lines joined, footnote markers dropped) into a
parser-friendly copy with an offset map; paragraphs that cannot state a fact are skipped
(relevance.py), the rest cut into paragraph-aligned chunks of bounded size,
and piped through load_nlp() in batches. The components leave group/person mentions, dates
and facts on each spaCy Doc; here they become records with evidence offsets into the
original document text.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from pipeline.extract.common import Reflowed, evidence, paragraph_chunks, reflow
from pipeline.extract.en import MAX_CHUNK, load_nlp
from pipeline.extract.en.dates import dateline
from pipeline.extract.en.mentions import Fact
from pipeline.extract.en.person_names import romanised_names
from pipeline.extract.en.relevance import relevant_runs
from pipeline.extract.en.resources import parent_group, person_ref
from pipeline.extract.version import EXTRACTOR_VERSION
from pipeline.records import Event, Extraction, GroupRef, Membership, Mention, ParsedDocument

BATCH_SIZE = 8


def extract_english(docs: Iterable[ParsedDocument], batch_size: int = BATCH_SIZE) -> Iterator[Extraction]:
    """One Extraction per input document, in input order. Chunks of all documents share batches;
    only the documents of the batch in flight are held in memory."""
    nlp = load_nlp()
    current: int | None = None
    facts: dict[str, Membership | Event] = {}
    mentions: list[Mention] = []
    for parsed, (n, doc, flowed, offset) in nlp.pipe(_chunks(nlp, docs), as_tuples=True, batch_size=batch_size):
        if current is not None and n != current:
            yield _extraction(facts, mentions)
            facts, mentions = {}, []
        current = n
        for fact in _facts(parsed, doc.text, flowed, offset):
            kept = facts.get(fact.key)
            if kept is None or fact.confidence > kept.confidence:
                facts[fact.key] = fact
        mentions.extend(_mentions(parsed, doc.text, flowed, offset))
    if current is not None:
        yield _extraction(facts, mentions)


def _chunks(nlp, docs: Iterable[ParsedDocument]) -> Iterator[tuple[Doc, tuple]]:
    """(spaCy doc, context) per chunk; every document yields at least one chunk, maybe empty."""
    for n, doc in enumerate(docs):
        flowed = reflow(doc.text)
        published = doc.published or dateline(flowed.text)  # a later chunk keeps the dateline's date
        pieces = [(start + offset, text) for start, end in relevant_runs(flowed.text)
                  for offset, text in paragraph_chunks(flowed.text[start:end], MAX_CHUNK)]
        names = romanised_names(flowed.text) if pieces and pieces[-1][0] > 0 else []
        for offset, text in pieces or [(0, "")]:
            spacy_doc = nlp.make_doc(text)
            spacy_doc.user_data["published"] = published
            # A bare "Xi" in this chunk may refer to a "Xi Jinping" written out in an earlier one.
            spacy_doc.user_data["lsg_earlier_names"] = list(dict.fromkeys(n for at, n in names if at < offset))
            yield spacy_doc, (n, doc, flowed, offset)


def _extraction(facts: dict, mentions: list[Mention]) -> Extraction:
    return Extraction(facts=list(facts.values()), mentions=mentions, extractor_version=EXTRACTOR_VERSION)


def _facts(parsed: Doc, original: str, flowed: Reflowed, offset: int) -> Iterator[Membership | Event]:
    entities = parsed._.lsg_groups.entities
    for fact in parsed._.lsg_facts or []:
        start, end = flowed.span(offset + fact.start, offset + fact.end)
        proof = evidence(original, start, end)
        group = _group(entities[fact.group].ref, entities[fact.group].surfaces, fact)
        if fact.kind == "membership":
            person = person_ref(fact.person, fact.short_forms)
            yield Membership(group=group, person=person, role=fact.role, evidence=proof,
                             confidence=round(max(0.05, min(1.0, fact.confidence)), 3))
        else:
            to_group = None
            if fact.to_group is not None:
                target = entities[fact.to_group]
                to_group = _with_surfaces(target.ref, target.surfaces)
            yield Event(group=group, event=fact.event, date=fact.date, evidence=proof, to_group=to_group,
                        confidence=round(max(0.05, min(1.0, fact.confidence)), 3))


def _group(ref: GroupRef, surfaces: list[str], fact: Fact) -> GroupRef:
    """The group a fact is about: for an office role, the group the office serves."""
    if fact.office and ref.kind == "office":
        parent = parent_group(ref)
        if parent is not None:
            return parent
    return _with_surfaces(ref, surfaces)


def _with_surfaces(ref: GroupRef, surfaces: list[str]) -> GroupRef:
    aliases = list(dict.fromkeys([*ref.aliases, *(s for s in surfaces if s != ref.name)]))
    return GroupRef(name=ref.name, name_zh=ref.name_zh, canonical=ref.canonical, aliases=aliases,
                    kind=ref.kind, gazetteer_id=ref.gazetteer_id)


def _mentions(parsed: Doc, original: str, flowed: Reflowed, offset: int) -> Iterator[Mention]:
    entities = parsed._.lsg_groups.entities
    for m in parsed._.lsg_groups.mentions:
        start, end = flowed.span(offset + m.start, offset + m.end)
        ref = entities[m.entity].ref
        yield Mention("GROUP", original[start:end], start, end, ref.canonical or ref.name)
    for p in parsed._.lsg_people:
        start, end = flowed.span(offset + p.start, offset + p.end)
        yield Mention("PERSON", original[start:end], start, end, p.name)
    for d in parsed._.lsg_dates:
        start, end = flowed.span(offset + d.start, offset + d.end)
        yield Mention("DATE", original[start:end], start, end, d.value)
