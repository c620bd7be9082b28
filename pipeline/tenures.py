"""Tenures: who held which role in which body, from when to when, on what sources.

A membership fact carries no date of its own: it is dated by its document's published date. A
tenure gathers every fact of one person in one role in one body *lineage* — the body plus the
bodies it became (gazetteer successor links, e.g. a leading group turned commission, and stored
"renamed" events) — and runs from the first to the last date the sources show it.

An end date is never stated by a roster; it is inferred: when a later roster of the lineage (a
document stating at least ROSTER_MIN memberships of it, one of them in the same role) leaves the
person out, the roster's date is proposed as the end, marked "inferred" and saved for a reviewer
(pipeline/store/proposals.py), who accepts or rejects it.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from pipeline import resolve
from pipeline.store import Store
from pipeline.store.datasets import entity_views, iter_dataset_rows
from pipeline.store.models import GroupEntity
from pipeline.store.proposals import (InferredEnd, document_origins, sync_inferred_ends,
                                       tenure_ends)

ROSTER_MIN = 3


def precision(date: str | None) -> str | None:
    return None if not date else {4: "year", 7: "month"}.get(len(date), "day")


def later(a: str, b: str) -> bool:
    """a is strictly after b at the coarser of the two precisions ("2018-03" is not after "2018")."""
    n = min(len(a), len(b))
    return a[:n] > b[:n]


@dataclass
class Tenure:
    lineage: str
    person: dict  # entity view (pipeline.store.datasets.entity_views)
    role: str
    bodies: list[dict] = field(default_factory=list)  # entity views, in order of first statement
    start: str | None = None
    last_seen: str | None = None
    end: str | None = None
    end_precision: str | None = None
    end_status: str | None = None  # None (still seen, or not known) | "inferred" | "accepted"
    end_id: int | None = None  # the tenure_end row a reviewer decides
    end_source: str | None = None  # the roster that leaves the person out
    documents: list[str] = field(default_factory=list)  # origins, oldest statement first
    fact_ids: list[int] = field(default_factory=list)
    extractor_versions: set[str] = field(default_factory=set)
    _document_ids: set[int] = field(default_factory=set, repr=False)

    @property
    def body(self) -> dict:
        """The latest body the role was stated in (a commission rather than its old group)."""
        return self.bodies[-1]

    def add(self, row: dict) -> None:
        date = row["document_published"]
        if date and (self.start is None or date < self.start):
            self.start = date
        if date and (self.last_seen is None or date > self.last_seen):
            self.last_seen = date
        if all(b["key"] != row["group"]["key"] for b in self.bodies):
            self.bodies.append(row["group"])
        if row["document_id"] not in self._document_ids:
            self._document_ids.add(row["document_id"])
            self.documents.append(row["document"])
        self.fact_ids.append(row["fact_id"])
        self.extractor_versions.add(row["extractor_version"])


@lru_cache(maxsize=1)
def gazetteer_lineages() -> dict[str, str]:
    """Gazetteer id -> id of the first body of its lineage (following first successors)."""
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    entries = {e["id"]: e for e in resolve.groups()}
    for gid in entries:
        for nxt in resolve.successor_chain(gid)[:1]:
            parent[root(nxt)] = root(gid)
    members: dict[str, list[str]] = defaultdict(list)
    for gid in entries:
        members[root(gid)].append(gid)
    first: dict[str, str] = {}
    for ids in members.values():
        inside = set(ids)
        head = min(ids, key=lambda i: (any(p["id"] in inside for p in entries[i]["predecessor"]),
                                      entries[i].get("established") or "9999", i))
        first.update({i: head for i in ids})
    return first


class Lineages:
    """Lineage of a stored body: its gazetteer lineage, joined through stored rename events."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def base(self, group: dict) -> str:
        gid = group.get("gazetteer_id")
        if gid and gid in gazetteer_lineages():
            return "gaz:" + gazetteer_lineages()[gid]
        return group["key"]

    def of(self, group: dict) -> str:
        x = self.base(group)
        while self.parent.get(x, x) != x:
            x = self.parent[x]
        return x

    def renamed(self, old: dict, new: dict) -> None:
        old_root, new_root = self.of(old), self.of(new)
        if old_root != new_root:
            self.parent[new_root] = old_root  # the lineage is named after its first body


def lineages(store: Store, status: str = "accepted") -> Lineages:
    """Lineages joined through the stored "renamed" events among facts with `status`."""
    found = Lineages()
    with store.session() as s:
        for row in iter_dataset_rows(s, status, kind="event"):
            if row["event"] == "renamed" and row["to_group"]:
                found.renamed(row["group"], row["to_group"])
    return found


def lineage_group_ids(store: Store, group_id: int, status: str = "accepted") -> set[int]:
    """Stored bodies in the lineage of body `group_id` (after merges): itself, its old and new names."""
    joined = lineages(store, status)
    with store.session() as s:
        groups = entity_views(s, GroupEntity)  # every id, merged ones mapped to their live body
    target = joined.of(groups[group_id]) if group_id in groups else None
    return {i for i, g in groups.items() if target is not None and joined.of(g) == target}


def collect(store: Store, status: str = "accepted", group_ids: set[int] | None = None,
            person_id: int | None = None) -> tuple[list[Tenure], dict]:
    """Tenures from facts with `status` ("active" = accepted or pending), optionally only in
    `group_ids` or of `person_id`, and rosters by lineage:
    lineage -> {document_id: (date, {(person key, role)}, {roles})}.
    """
    joined = lineages(store, status)
    with store.session() as s:
        memberships = list(iter_dataset_rows(s, status, kind="membership", group_ids=group_ids,
                                             person_id=person_id))
    tenures: dict[tuple, Tenure] = {}
    rosters: dict[str, dict] = defaultdict(dict)
    for row in sorted(memberships, key=lambda r: (r["document_published"] or "9999", r["fact_id"])):
        lineage, person, role = joined.of(row["group"]), row["person"], row["role"]
        tenure = tenures.get((lineage, person["key"], role))
        if tenure is None:
            tenure = tenures[(lineage, person["key"], role)] = Tenure(lineage, person, role)
        tenure.add(row)
        if row["document_published"]:
            roster = rosters[lineage].setdefault(row["document_id"],
                                                 (row["document_published"], set(), set()))
            roster[1].add((person["key"], role))
            roster[2].add(role)
    return list(tenures.values()), rosters


def inferred_ends(tenures: list[Tenure], rosters: dict) -> list[InferredEnd]:
    """For each tenure, the first later roster of its lineage stating its role without the person."""
    found = []
    for t in tenures:
        if t.last_seen is None or t.person["id"] is None:
            continue
        later_rosters = sorted(
            (date, doc_id) for doc_id, (date, stated, roles) in rosters.get(t.lineage, {}).items()
            if len(stated) >= ROSTER_MIN and t.role in roles and later(date, t.last_seen)
            and (t.person["key"], t.role) not in stated)
        if later_rosters:
            date, doc_id = later_rosters[0]
            found.append(InferredEnd(
                t.lineage, t.person["id"], t.role, date, precision(date), doc_id,
                f"last seen {t.last_seen}; a roster of {len(rosters[t.lineage][doc_id][1])} "
                f"memberships dated {date} leaves this person out as {t.role}"))
    return found


def infer_ends(store: Store) -> int:
    """Recompute inferred end dates from accepted and pending facts; returns how many are new."""
    return sync_inferred_ends(store, inferred_ends(*collect(store, "active")))


def tenures(store: Store, status: str = "accepted", group_ids: set[int] | None = None,
            person_id: int | None = None) -> list[Tenure]:
    """Tenures from facts with `status` (optionally only in `group_ids` or of `person_id`), with
    saved end dates (rejected ones left out), by start."""
    found, _ = collect(store, status, group_ids, person_id)
    ends = {(e.lineage, e.person_id, e.role): e for e in tenure_ends(store)
            if e.end_status != "rejected"}
    origins = document_origins(store, {e.roster_document_id for e in ends.values()})
    for t in found:
        end = ends.get((t.lineage, t.person["id"], t.role))
        if end is not None and (t.last_seen is None or later(end.end_date, t.last_seen)):
            t.end, t.end_precision, t.end_status = end.end_date, end.end_precision, end.end_status
            t.end_id, t.end_source = end.id, origins.get(end.roster_document_id)
    return sorted(found, key=lambda t: (t.start or "9999", t.lineage, t.role, t.person["key"]))


def tenure_record(t: Tenure) -> dict:
    """One tenure as a JSONL / CSV / Parquet row."""
    body, person = t.body, t.person
    return {
        "lineage": t.lineage, "group_key": body["key"], "group_name": body["canonical"] or body["name"],
        "group_name_zh": body["name_zh"], "bodies": [b["canonical"] or b["name"] for b in t.bodies],
        "person_key": person["key"], "person_name": person["canonical"] or person["name"],
        "person_name_zh": person["name_zh"], "role": t.role,
        "start": t.start, "start_precision": precision(t.start),
        "last_seen": t.last_seen, "last_seen_precision": precision(t.last_seen),
        "end": t.end, "end_precision": t.end_precision, "end_status": t.end_status,
        "end_source": t.end_source, "tenure_end_id": t.end_id,
        "documents": list(t.documents), "fact_ids": list(t.fact_ids)}
