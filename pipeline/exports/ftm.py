"""FollowTheMoney entities as JSON lines (for Aleph, OpenSanctions tooling, `ftm` CLI).

People become Person (nationality cn), bodies PublicBody, each role a Membership (member,
organization, role, dates, sources) and each event an Event involving the body. Ids are
make_id() of the store's keys, so the same person gets the same id in every export.
Sources that are URLs go to sourceUrl; file paths (not URLs) to the description.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Iterable, TextIO

from followthemoney import model
from followthemoney.proxy import EntityProxy

from ..tenures import Tenure
from .files import atomic_path
from .manifest import Tally

NAMESPACE = "lsg"
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _entity(schema: str, *key_parts: str) -> EntityProxy:
    proxy = model.make_entity(schema)
    proxy.make_id(NAMESPACE, schema, *key_parts)
    return proxy


def _add_date(proxy: EntityProxy, prop: str, value: str | None) -> None:
    """Dates the store already holds as YYYY[-MM[-DD]] skip FtM's (slow) date parsing."""
    if value:
        proxy.add(prop, value, cleaned=bool(_DATE.match(value)))


def _link(proxy: EntityProxy, prop: str, target: EntityProxy) -> None:
    proxy.add(prop, target.id, cleaned=True)


def _add_sources(proxy: EntityProxy, origins: Iterable[str]) -> None:
    paths = []
    for origin in origins:
        if origin.startswith(("http://", "https://")):
            proxy.add("sourceUrl", origin)
        else:
            paths.append(origin)
    if paths:
        proxy.add("description", "sources: " + "; ".join(paths))


class _Entities:
    """People and bodies met so far, with every name form seen; written once at the end."""

    def __init__(self) -> None:
        self.proxies: dict[tuple[str, str], EntityProxy] = {}
        self.forms: dict[tuple[str, str], set[str]] = {}

    def get(self, schema: str, view: dict) -> EntityProxy:
        proxy = self.proxies.get((schema, view["key"]))
        forms = [view["name"], view["name_zh"], view.get("surface"), *view["aliases"]]
        known = self.forms.setdefault((schema, view["key"]), set())
        if proxy is not None and known.issuperset(forms):
            return proxy  # nothing new: skip the (slow) cleaning of names already added
        known.update(forms)
        if proxy is None:
            proxy = self.proxies[(schema, view["key"])] = _entity(schema, view["key"])
            proxy.add("name", view["canonical"] or view["name"])
            if schema == "Person":
                proxy.add("nationality", "cn")
            else:
                proxy.add("jurisdiction", "cn")
                proxy.add("keywords", view.get("kind"))
        names = set(proxy.get("name"))
        proxy.add("alias", [f for f in forms if f and f not in names])
        return proxy

    def write(self, handle: TextIO) -> dict:
        for proxy in self.proxies.values():
            _dump(proxy, handle)
        schemas = [schema for schema, _ in self.proxies]
        return {"Person": schemas.count("Person"), "PublicBody": schemas.count("PublicBody")}


def _dump(proxy: EntityProxy, handle: TextIO) -> None:
    handle.write(json.dumps(proxy.to_dict(), ensure_ascii=False) + "\n")


def write_facts(rows: Iterable[dict], out: Path, tally: Tally) -> dict:
    """One Membership per membership fact (dated by its document), one Event per event fact."""
    entities, memberships, events = _Entities(), 0, 0
    with atomic_path(out) as tmp, open(tmp, "w", encoding="utf-8") as handle:
        for row in rows:
            tally.saw([row["document"]], [row["extractor_version"]])
            body = entities.get("PublicBody", row["group"])
            if row["kind"] == "membership":
                person = entities.get("Person", row["person"])
                proxy = _entity("Membership", row["key"], row["document"])
                _link(proxy, "member", person)
                _link(proxy, "organization", body)
                proxy.add("role", row["role"])
                _add_date(proxy, "date", row["document_published"])
                memberships += 1
            else:
                proxy = _event(row, body, entities)
                events += 1
            proxy.add("summary", row["evidence"])
            proxy.add("status", row["status"], quiet=True)  # Event has no status property
            proxy.add("recordId", str(row["fact_id"]))
            _add_sources(proxy, [row["document"]])
            _dump(proxy, handle)
        counts = entities.write(handle)
    return {**counts, "Membership": memberships, "Event": events}


def _event(row: dict, body: EntityProxy, entities: _Entities) -> EntityProxy:
    proxy = _entity("Event", row["key"], row["document"])
    proxy.add("name", f"{row['event']}: {body.first('name')}")
    _add_date(proxy, "date", row["date"])
    _link(proxy, "involved", body)
    if row["event"] == "established":
        _add_date(body, "incorporationDate", row["date"])
    elif row["event"] == "disbanded":
        _add_date(body, "dissolutionDate", row["date"])
    if row["to_group"]:
        _link(proxy, "involved", entities.get("PublicBody", row["to_group"]))
    return proxy


def write_tenures(tenures: Iterable[Tenure], out: Path, tally: Tally) -> dict:
    """One Membership per tenure: startDate / endDate; an inferred end says so in `status`."""
    entities, count = _Entities(), 0
    with atomic_path(out) as tmp, open(tmp, "w", encoding="utf-8") as handle:
        for t in tenures:
            tally.saw(t.documents, t.extractor_versions)
            person = entities.get("Person", t.person)
            bodies = [entities.get("PublicBody", b) for b in t.bodies]
            proxy = _entity("Membership", "tenure", t.lineage, t.person["key"], t.role)
            _link(proxy, "member", person)
            _link(proxy, "organization", bodies[-1])
            proxy.add("role", t.role)
            proxy.add("summary", " → ".join(b.first("name") for b in bodies))
            _add_date(proxy, "startDate", t.start)
            _add_date(proxy, "endDate", t.end)
            proxy.add("status", f"end {t.end_status}" if t.end else f"last seen {t.last_seen}")
            proxy.add("recordId", [str(i) for i in t.fact_ids[:50]])
            _add_sources(proxy, t.documents)
            _dump(proxy, handle)
            count += 1
        counts = entities.write(handle)
    return {**counts, "Membership": count}
