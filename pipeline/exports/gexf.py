"""GEXF for Gephi (networkx.write_gexf): people and bodies as nodes, roles as typed edges (the edge label is the role).

Node ids are the store's keys; labels are English/pinyin (`label`) with the Chinese beside it
(`label_zh`). Facts give one edge per membership fact (dated by its document) and one body ->
body edge per rename; tenures give one edge per tenure with start/end dates and end status.
Dates are text attributes with their precision ("2018" is a year, not 1 January).
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

import networkx as nx

from ..tenures import Tenure, precision
from .files import atomic_path
from .manifest import Tally


def _node(graph: nx.MultiDiGraph, view: dict, node_type: str) -> str:
    key = view["key"]
    if key not in graph:
        graph.add_node(key, label=view["canonical"] or view["name"], label_zh=view["name_zh"] or "",
                       type=node_type, kind=view.get("kind") or "")
    return key


def write_facts(rows: Iterable[dict], out: Path, tally: Tally) -> dict:
    graph = nx.MultiDiGraph(name="lsg facts")
    for row in rows:
        tally.saw([row["document"]], [row["extractor_version"]])
        body = _node(graph, row["group"], "body")
        common = dict(fact_id=row["fact_id"], status=row["status"], document=row["document"],
                      confidence=float(row["confidence"]))
        if row["kind"] == "membership":
            date = row["document_published"] or ""
            graph.add_edge(_node(graph, row["person"], "person"), body, key=row["fact_id"],
                           label=row["role"], role=row["role"], date=date,
                           date_precision=precision(date) or "", **common)
        elif row["event"] == "renamed" and row["to_group"]:
            graph.add_edge(body, _node(graph, row["to_group"], "body"), key=row["fact_id"],
                           label="renamed", role="", date=row["date"] or "",
                           date_precision=row["date_precision"] or "", **common)
        elif row["event"] in ("established", "disbanded") and row["date"]:
            graph.nodes[body][row["event"]] = row["date"]
    return _write(graph, out)


def write_tenures(tenures: Iterable[Tenure], out: Path, tally: Tally) -> dict:
    graph = nx.MultiDiGraph(name="lsg tenures")
    for t in tenures:
        tally.saw(t.documents, t.extractor_versions)
        person, body = _node(graph, t.person, "person"), _node(graph, t.body, "body")
        graph.add_edge(person, body, key=f"{t.lineage}|{t.person['key']}|{t.role}", label=t.role,
                       role=t.role, start_date=t.start or "", start_precision=precision(t.start) or "",
                       last_seen=t.last_seen or "", end_date=t.end or "",
                       end_precision=t.end_precision or "", end_status=t.end_status or "",
                       facts=len(t.fact_ids), documents=len(t.documents),
                       bodies=" → ".join(b["canonical"] or b["name"] for b in t.bodies))
    return _write(graph, out)


def _write(graph: nx.MultiDiGraph, out: Path) -> dict:
    with atomic_path(out) as tmp:
        nx.write_gexf(graph, tmp, encoding="utf-8", prettyprint=False)
    types = [d["type"] for d in graph.nodes.values()]
    return {"nodes": graph.number_of_nodes(), "edges": graph.number_of_edges(),
            "people": types.count("person"), "bodies": types.count("body")}
