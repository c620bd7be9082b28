"""Chinese extraction: ParsedDocument -> Extraction, one per document, in input order.

The rules (pipeline/extract/zh/) run on a same-length simplified copy of the text; names
and evidence are cut from the original, so a traditional-character notice keeps its
characters in the evidence while name_zh is simplified. A document that looks like mojibake
gets a warning and no facts, instead of junk names.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from pipeline.extract.version import EXTRACTOR_VERSION
from pipeline.extract.zh import chinese_pipeline
from pipeline.extract.zh.facts import ZhFact
from pipeline.extract.zh.normalise import mojibake_reason, simplified_copy
from pipeline.records import Event, Evidence, Extraction, Fact, Membership, Mention, ParsedDocument
from pipeline.resolve import group_by_id, resolve_group, resolve_person

_PARTY_PREFIX = re.compile(r"^(?:中共|中國共產黨|中国共产党)(?=中央)")


def extract_chinese(docs: Iterable[ParsedDocument]) -> Iterator[Extraction]:
    nlp = chinese_pipeline()
    for document in docs:
        reason = mojibake_reason(document.text)
        if reason:
            document.warnings.append(f"mojibake: {reason}; no facts extracted")
            yield Extraction(facts=[], mentions=[], extractor_version=EXTRACTOR_VERSION)
            continue
        simplified = simplified_copy(document.text)
        doc = nlp.make_doc(simplified)
        doc._.zh_text = simplified
        doc._.zh_original = document.text
        doc._.zh_published = document.published
        for _, component in nlp.pipeline:
            doc = component(doc)
        yield Extraction(facts=_facts(document.text, doc._.zh_facts or []),
                         mentions=_mentions(document.text, simplified, doc),
                         extractor_version=EXTRACTOR_VERSION)


def _facts(original: str, found: list[ZhFact]) -> list[Fact]:
    """Records for the facts found, one per fact key (the most confident, most precise one)."""
    best: dict[tuple, Fact] = {}
    for fact in found:
        record = _record(original, fact)
        identity = _identity(record)
        kept = best.get(identity)
        if kept is None or _better(record, kept):
            best[identity] = record
    return _drop_vaguer_dates(list(best.values()))


def _record(original: str, fact: ZhFact) -> Fact:
    evidence = Evidence(original[fact.evidence[0]:fact.evidence[1]], *fact.evidence)
    group = _group_ref(group_by_id(fact.group_id)["name_zh"] if fact.group_id
                       else original[fact.group[0]:fact.group[1]])
    if fact.kind == "membership":
        person = resolve_person(original[fact.person[0]:fact.person[1]])
        return Membership(group, person, fact.role, evidence, confidence=fact.confidence)
    to_group = _group_ref(original[fact.to_group[0]:fact.to_group[1]]) if fact.to_group else None
    return Event(group, fact.event, fact.date, evidence, to_group=to_group, confidence=fact.confidence)


def _group_ref(surface: str):
    """The resolved group; a Party prefix (中共中央X) also gives the plain form (中央X) as alias."""
    group = resolve_group(surface)
    plain = _PARTY_PREFIX.sub("", surface)
    if plain != surface and plain not in group.aliases:
        group.aliases.append(plain)
    return group


def _identity(fact: Fact) -> tuple:
    if isinstance(fact, Membership):
        return ("membership", fact.group.key, fact.person.key, fact.role)
    return ("event", fact.group.key, fact.event, fact.date, fact.to_group.key if fact.to_group else "")


def _better(new: Fact, old: Fact) -> bool:
    return (new.confidence, -len(new.evidence.text)) > (old.confidence, -len(old.evidence.text))


def _drop_vaguer_dates(facts: list[Fact]) -> list[Fact]:
    """'成立时间 | 2021年' and '2021年4月决定设立' state one event: keep the precise date."""
    events = [f for f in facts if isinstance(f, Event)]

    def refined(event: Event) -> bool:
        return any(other is not event and other.group.key == event.group.key
                   and other.event == event.event and other.date.startswith(event.date + "-")
                   for other in events)

    return [f for f in facts if not (isinstance(f, Event) and refined(f))]


def _mentions(original: str, simplified: str, doc) -> list[Mention]:
    mentions = [Mention("GROUP", original[g.start:g.end], g.start, g.end,
                        normalized=simplified[g.target[0]:g.target[1]]) for g in doc._.zh_groups]
    mentions += [Mention("DATE", original[s:e], s, e, normalized=value) for s, e, value in doc._.zh_dates]
    people = {f.person for f in doc._.zh_facts or [] if f.person}
    mentions += [Mention("PERSON", original[s:e], s, e, normalized="".join(simplified[s:e].split()))
                 for s, e in sorted(people)]
    return sorted(mentions, key=lambda m: (m.start, m.end, m.label))
