"""Server-side layout of the people-and-groups network, drawn as inline SVG by the template.

A Fruchterman-Reingold force layout in numpy, seeded so a page looks the same on every
reload; no script runs in the browser to draw it.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

WIDTH, HEIGHT, MARGIN = 960, 640, 40
LABEL_ROOM = 130  # labels are drawn to the right of their node


@dataclass
class Node:
    id: str  # "g12" or "p7": groups and people share one graph
    entity_id: int
    kind: str  # group | person
    label: str = ""
    href: str = ""
    x: float = 0.0
    y: float = 0.0
    degree: int = 0


@dataclass
class Edge:
    source: str
    target: str
    role: str


@dataclass
class Network:
    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    lines: list[tuple[float, float, float, float, str]] = field(default_factory=list)
    width: int = WIDTH
    height: int = HEIGHT


def build(triples: list[tuple[int, int, str]], max_nodes: int = 150, iterations: int = 80) -> Network:
    """Graph of (group id, person id, role) triples, laid out; the best-connected nodes kept.

    Nodes come without labels: the caller names only the nodes that were kept.
    """
    nodes: dict[str, Node] = {}
    seen: dict[tuple[str, str], Edge] = {}
    for group_id, person_id, role in triples:
        group = nodes.setdefault(f"g{group_id}", Node(f"g{group_id}", group_id, "group"))
        person = nodes.setdefault(f"p{person_id}", Node(f"p{person_id}", person_id, "person"))
        seen.setdefault((group.id, person.id), Edge(group.id, person.id, role))
    for edge in seen.values():
        nodes[edge.source].degree += 1
        nodes[edge.target].degree += 1
    kept = sorted(nodes.values(), key=lambda n: (-n.degree, n.id))[:max_nodes]
    kept_ids = {n.id for n in kept}
    kept_edges = [e for e in seen.values() if e.source in kept_ids and e.target in kept_ids]
    _layout(kept, kept_edges, iterations)
    where = {n.id: n for n in kept}
    lines = [(where[e.source].x, where[e.source].y, where[e.target].x, where[e.target].y, e.role)
             for e in kept_edges]
    return Network(kept, kept_edges, lines)


def _layout(nodes: list[Node], edges: list[Edge], iterations: int) -> None:
    count = len(nodes)
    if count == 0:
        return
    index = {n.id: i for i, n in enumerate(nodes)}
    rng = np.random.default_rng(7)
    pos = rng.uniform(-1.0, 1.0, size=(count, 2))
    pairs = np.array([(index[e.source], index[e.target]) for e in edges], dtype=int).reshape(-1, 2)
    k = np.sqrt(4.0 / count)
    temperature = 0.2
    for _ in range(iterations):
        delta = pos[:, None, :] - pos[None, :, :]
        squared = np.maximum(np.einsum("ijk,ijk->ij", delta, delta), 1e-6)
        move = np.einsum("ij,ijk->ik", k * k / squared, delta)
        if len(pairs):
            d = pos[pairs[:, 0]] - pos[pairs[:, 1]]
            length = np.maximum(np.linalg.norm(d, axis=1), 1e-3)[:, None]
            pull = d * length / k
            np.add.at(move, pairs[:, 0], -pull)
            np.add.at(move, pairs[:, 1], pull)
        move -= pos * 0.05  # gentle gravity keeps unconnected parts on screen
        size = np.maximum(np.linalg.norm(move, axis=1), 1e-9)[:, None]
        pos += move / size * np.minimum(size, temperature)
        temperature *= 0.97
    lo, hi = pos.min(axis=0), pos.max(axis=0)
    span = np.where(hi - lo > 1e-9, hi - lo, 1.0)
    scaled = (pos - lo) / span
    for node, (x, y) in zip(nodes, scaled):
        node.x = round(MARGIN + float(x) * (WIDTH - 2 * MARGIN - LABEL_ROOM), 1)
        node.y = round(MARGIN + float(y) * (HEIGHT - 2 * MARGIN), 1)
