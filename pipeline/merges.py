"""Merge proposals: stored people or groups that may be one real entity, for a reviewer to decide.

The store already folds what the keys make certain (习近平 and "Xi Jinping" share one pinyin
key; a gazetteer body is one key whatever its name). What is left is uncertain, so it is only
proposed (pipeline/store/proposals.py), never merged:

- people sharing a hanzi form, or a romanised form (case, accents, hyphens, titles ignored);
  sharing a romanisation but written with different hanzi scores low (two people can share one);
  a romanised name matching several hanzi people is proposed with each, at a split score;
- groups whose names normalise alike, or whose body type and content words match (word order);
- an unknown group whose content words mostly match a body the gazetteer knows (Jaccard score).
"""
from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from itertools import combinations
from pathlib import Path

from sqlmodel import col, select

from pipeline.group_names import content_key, normalise_group_name
from pipeline.names import clean_hanzi_name, fold_person, has_cjk, to_simplified
from pipeline.store import Store
from pipeline.store.models import GroupEntity, Person
from pipeline.store.proposals import add_merge_proposals

NAMES_DIR = Path(__file__).resolve().parents[1] / "models" / "names"
MAX_BUCKET = 12  # a form shared by more entities than this ("Zhang Wei") identifies none of them
MIN_GROUP_OVERLAP = 0.5


@lru_cache(maxsize=1)
def _titles() -> tuple[tuple[str, ...], re.Pattern]:
    def words(name: str) -> list[str]:
        lines = (NAMES_DIR / name).read_text(encoding="utf-8").splitlines()
        return [w.strip() for w in lines if w.strip() and not w.startswith("#")]
    zh = tuple(sorted(words("zh_titles.txt"), key=len, reverse=True))
    en = sorted(words("en_titles.txt"), key=len, reverse=True)
    return zh, re.compile(r"^(?:(?:%s)\.?\s+)+" % "|".join(map(re.escape, en)), re.I)


def person_forms(person: Person) -> tuple[set[str], set[str]]:
    """(hanzi forms, folded romanised forms) of a person, titles stripped."""
    zh_titles, en_titles = _titles()
    hanzi, roman = set(), set()
    for form in {person.name, person.name_zh, person.canonical, *person.aliases}:
        if not form:
            continue
        if has_cjk(form):
            name = clean_hanzi_name(to_simplified("".join(form.split())))
            for title in zh_titles:  # titles before or after the name: 习近平总书记, 总理李强
                if len(name) > len(title) + 1:
                    name = name.removesuffix(title).removeprefix(title)
            hanzi.add(name)
        else:
            roman.add(fold_person(en_titles.sub("", form.strip())))
    return hanzi, roman - {""}


def person_proposals(people: list[Person]) -> list[tuple]:
    forms = {p.id: person_forms(p) for p in people}
    by_id = {p.id: p for p in people}
    by_hanzi, by_roman = defaultdict(set), defaultdict(set)
    for pid, (hanzi, roman) in forms.items():
        for h in hanzi:
            by_hanzi[h].add(pid)
        for r in roman:
            by_roman[r].add(pid)
    best: dict[tuple[int, int], tuple[float, str]] = {}

    def propose(a: int, b: int, score: float, reason: str) -> None:
        pair = tuple(sorted((a, b)))
        if pair not in best or best[pair][0] < score:
            best[pair] = (score, reason)

    for h, ids in by_hanzi.items():
        if 1 < len(ids) <= MAX_BUCKET:
            for a, b in combinations(sorted(ids), 2):
                propose(a, b, 0.9, f"same hanzi {h}")
    for r, ids in by_roman.items():
        if not 1 < len(ids) <= MAX_BUCKET:
            continue
        with_hanzi = [i for i in ids if by_id[i].name_zh]
        for a, b in combinations(sorted(ids), 2):
            za, zb = by_id[a].name_zh, by_id[b].name_zh
            if za and zb and za != zb:
                propose(a, b, 0.3, f"same romanisation {r!r}, different hanzi {za} / {zb}")
            elif za or zb:
                # A romanised-only name matching several hanzi people could be any of them.
                n = max(1, len({by_id[i].name_zh for i in with_hanzi}))
                others = " / ".join(sorted({by_id[i].name_zh for i in with_hanzi}))
                propose(a, b, 0.7 / n, f"romanised {r!r} matches hanzi {others}")
            else:
                propose(a, b, 0.6, f"same romanisation {r!r}")
    return [("person", *_keep_drop(by_id[a], by_id[b]), reason, score)
            for (a, b), (score, reason) in best.items()]


def group_proposals(groups: list[GroupEntity]) -> list[tuple]:
    by_id = {g.id: g for g in groups}
    best: dict[tuple[int, int], tuple[float, str]] = {}
    buckets = defaultdict(set)
    keys = {}
    for g in groups:
        names = {n for n in (g.name, g.name_zh, g.canonical, *g.aliases) if n}
        keys[g.id] = {content_key(n) for n in names}
        for n in names:
            buckets[("name", normalise_group_name(n))].add(g.id)
            buckets[("content", content_key(n))].add(g.id)
    for (how, _), ids in buckets.items():
        for a, b in combinations(sorted(ids), 2):
            ga, gb = by_id[a], by_id[b]
            if ga.gazetteer_id and gb.gazetteer_id:
                continue  # two gazetteer bodies are two bodies
            score, reason = (0.9, "names normalise alike") if how == "name" else \
                (0.75, "same body type and content words")
            if best.get((a, b), (0,))[0] < score:
                best[(a, b)] = (score, reason)
    known = [g for g in groups if g.gazetteer_id]
    for g in groups:
        if g.gazetteer_id:
            continue
        for body in known:
            score = max((_overlap(x, y) for x in keys[g.id] for y in keys[body.id]), default=0.0)
            pair = tuple(sorted((g.id, body.id)))
            if score >= MIN_GROUP_OVERLAP and best.get(pair, (0,))[0] < score:
                best[pair] = (score, f"content words partly match gazetteer body {body.canonical}")
    return [("group", *_keep_drop(by_id[a], by_id[b]), reason, score)
            for (a, b), (score, reason) in best.items()]


def _overlap(a: tuple[str, frozenset], b: tuple[str, frozenset]) -> float:
    if a[0] != b[0] or not a[1] or not b[1]:
        return 0.0
    return len(a[1] & b[1]) / len(a[1] | b[1])


def _keep_drop(a, b) -> tuple[int, int]:
    """Keep the entity the gazetteer knows, else the one with more name forms, else the older."""
    def rank(e) -> tuple:
        return (bool(getattr(e, "gazetteer_id", None)), bool(e.name_zh) + bool(e.canonical), -e.id)
    keep, drop = (a, b) if rank(a) >= rank(b) else (b, a)
    return keep.id, drop.id


def propose_merges(store: Store) -> int:
    """Propose merges among live (unmerged) people and groups; returns how many are new."""
    with store.session() as s:
        people = list(s.exec(select(Person).where(col(Person.merged_into).is_(None))))
        groups = list(s.exec(select(GroupEntity).where(col(GroupEntity.merged_into).is_(None))))
    return add_merge_proposals(store, person_proposals(people) + group_proposals(groups))
