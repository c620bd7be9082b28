"""Timeline pictures: a body's leadership, or a person's roles, as PNG or SVG bytes.

Bars run from a tenure's first to its last dated source; an end date adds a segment to that date,
hatched while it is only inferred (awaiting review). Chinese names are drawn when a CJK font is
installed (fc-list :lang=zh); otherwise labels fall back to pinyin / English, never to boxes.
Built on matplotlib's object API (no pyplot state), so the review app can call
group_chart / person_chart from request threads.
"""
from __future__ import annotations

import io
import subprocess
import textwrap
from datetime import date
from functools import lru_cache

from matplotlib import rc_context
from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, date2num
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.patches import Patch
from pypinyin import lazy_pinyin
from sqlmodel import select

from pipeline.group_names import normalise_group_name
from pipeline.names import fold_person, has_cjk
from pipeline.resolve import resolve_group, resolve_person
from pipeline.store import Store
from pipeline.store.datasets import iter_dataset_rows
from pipeline.store.entities import follow
from pipeline.store.models import GroupEntity, Person
from pipeline.tenures import Tenure, lineage_group_ids, tenures

ROLE_COLOURS = {"leader": "#b2182b", "deputy_leader": "#ef8a62", "office_director": "#67a9cf",
                "member": "#999999"}
ROLE_ORDER = {"leader": 0, "deputy_leader": 1, "office_director": 2, "member": 3}
MAX_ROWS = 60
LIFE_EVENTS = ("established", "renamed", "disbanded")  # meetings would crowd the timeline


class PlotError(ValueError):
    pass


@lru_cache(maxsize=1)
def cjk_font() -> FontProperties | None:
    """An installed CJK font (fc-list :lang=zh), or None when there is none."""
    try:
        listed = subprocess.run(["fc-list", ":lang=zh", "file"], capture_output=True, text=True,
                                timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    for line in sorted(listed.splitlines()):
        path = line.split(":")[0].strip()
        try:
            font = FontProperties(fname=path)
            font.get_name()  # reads the file: an unreadable font is skipped
            return font
        except (OSError, RuntimeError, ValueError):
            continue
    return None


def label(view: dict, with_hanzi: bool) -> str:
    """English / pinyin name, with the Chinese beside it when it can be drawn."""
    latin = view["canonical"] or (view["name"] if not has_cjk(view["name"]) else None)
    zh = view["name_zh"] or (view["name"] if has_cjk(view["name"]) else None)
    if latin is None and zh:
        latin = " ".join(lazy_pinyin(zh)).title()
    if with_hanzi and zh and zh != latin:
        return f"{latin} {zh}"
    return latin or view["name"]


def find_group(store: Store, name: str) -> GroupEntity:
    """The live body a name (any script, alias or abbreviation) refers to."""
    key, wanted = resolve_group(name).key, normalise_group_name(name)
    with store.session() as s:
        found = s.exec(select(GroupEntity).where(GroupEntity.key == key)).first()
        if found is None:
            found = next((g for g in s.exec(select(GroupEntity)) if wanted in {
                normalise_group_name(n) for n in (g.name, g.name_zh, g.canonical, *g.aliases) if n}),
                None)
        if found is None:
            raise PlotError(f"no body named {name!r} in the store")
        return follow(s, GroupEntity, found)


def find_person(store: Store, name: str) -> Person:
    key, wanted = resolve_person(name).key, fold_person("".join(name.split()))
    with store.session() as s:
        found = s.exec(select(Person).where(Person.key == key)).first()
        if found is None:
            found = next((p for p in s.exec(select(Person)) if wanted in {
                fold_person("".join(n.split())) for n in (p.name, p.name_zh, p.canonical, *p.aliases)
                if n}), None)
        if found is None:
            raise PlotError(f"no person named {name!r} in the store")
        return follow(s, Person, found)


def group_chart(store: Store, group_id: int, fmt: str = "png", status: str = "accepted") -> bytes:
    """A body's leadership over time (its lineage: old and new names included)."""
    ids = lineage_group_ids(store, group_id, status)
    found = tenures(store, status, group_ids=ids)
    with store.session() as s:
        events = [r for r in iter_dataset_rows(s, status, kind="event", group_ids=ids)
                  if r["date"] and r["event"] in LIFE_EVENTS]
        group = s.get(GroupEntity, group_id)
        title_view = {"canonical": group.canonical, "name_zh": group.name_zh, "name": group.name}
    hanzi = cjk_font() is not None
    rows = [(label(t.person, hanzi), t) for t in found]
    return _draw(rows, events, label(title_view, hanzi), fmt)


def person_chart(store: Store, person_id: int, fmt: str = "png", status: str = "accepted") -> bytes:
    """A person's roles over time, one bar per body lineage and role."""
    found = tenures(store, status, person_id=person_id)
    with store.session() as s:
        person = s.get(Person, person_id)
        title_view = {"canonical": person.canonical, "name_zh": person.name_zh, "name": person.name}
    hanzi = cjk_font() is not None
    rows = [(label(t.body, hanzi), t) for t in found]
    return _draw(rows, [], label(title_view, hanzi), fmt)


def timeline(store: Store, what: str, name: str, fmt: str = "png", status: str = "accepted") -> bytes:
    """`what` = "group" or "person", found by any of its names; the picture's bytes."""
    if what == "group":
        return group_chart(store, find_group(store, name).id, fmt, status)
    return person_chart(store, find_person(store, name).id, fmt, status)


def _period(value: str, last: bool) -> date:
    """First (or last) day of a YYYY / YYYY-MM / YYYY-MM-DD period."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return date(*parts)
    if len(parts) == 2:
        if not last:
            return date(parts[0], parts[1], 1)
        nxt = date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
        return date.fromordinal(nxt.toordinal() - 1)
    return date(parts[0], 12, 31) if last else date(parts[0], 1, 1)


def _draw(rows: list[tuple[str, Tenure]], events: list[dict], title: str, fmt: str) -> bytes:
    dated = sorted(((name, t) for name, t in rows if t.start),
                   key=lambda r: (ROLE_ORDER.get(r[1].role, 9), r[1].start, r[0]))[:MAX_ROWS]
    with_dates = len([r for r in rows if r[1].start])
    undated, beyond = len(rows) - with_dates, with_dates - len(dated)
    font = cjk_font() or FontProperties(family=["sans-serif"])
    figure = Figure(figsize=(11, 1.8 + 0.35 * max(len(dated), 1)), layout="constrained")
    axes = figure.add_subplot()
    spans = [date2num(_period(d, last)) for _, t in dated
             for d, last in ((t.start, False), (t.end or t.last_seen, True))]
    shortest = max(30.0, (max(spans) - min(spans)) / 100) if spans else 30.0
    for y, (name, t) in enumerate(dated):
        start, seen = date2num(_period(t.start, False)), date2num(_period(t.last_seen, True))
        colour = ROLE_COLOURS.get(t.role, "#555555")
        axes.barh(y, max(seen - start, shortest), left=start, color=colour, height=0.6)
        if t.end:
            end = date2num(_period(t.end, False))
            inferred = t.end_status == "inferred"  # hatched until a reviewer accepts it
            axes.barh(y, max(end - seen, 1), left=seen, height=0.6, edgecolor=colour,
                      color="none" if inferred else colour, hatch="///" if inferred else None)
    for event in events:
        axes.axvline(date2num(_period(event["date"], False)), color="#333333", linestyle=":",
                     linewidth=1)
        axes.annotate(event["event"], (date2num(_period(event["date"], False)), 1.0),
                      xycoords=("data", "axes fraction"), rotation=90, fontsize=7, va="top")
    axes.set_yticks(range(len(dated)), [textwrap.fill(f"{name} ({t.role.replace('_', ' ')})", 44)
                                        for name, t in dated],
                    fontproperties=font, fontsize=8)
    locator = AutoDateLocator()
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(ConciseDateFormatter(locator))
    axes.set_ylim(max(len(dated), 1) - 0.5, -0.5)
    axes.set_title(title, fontproperties=font)
    legend = [Patch(color=c, label=r.replace("_", " ")) for r, c in ROLE_COLOURS.items()]
    legend.append(Patch(facecolor="none", edgecolor="#555555", hatch="///",
                        label="end inferred, awaiting review"))
    axes.legend(handles=legend, fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1))
    if not dated:
        axes.text(0.5, 0.5, "no dated sources", transform=axes.transAxes, ha="center")
    left_out = [f"{undated} roles without a dated source"] if undated else []
    left_out += [f"{beyond} more roles (leaders first, then earliest)"] if beyond else []
    if left_out:
        axes.annotate("not drawn: " + "; ".join(left_out), (0, -0.12), xycoords="axes fraction",
                      fontsize=7)
    buffer = io.BytesIO()
    with rc_context({"svg.fonttype": "none"}):  # SVG text stays text: searchable, editable
        figure.savefig(buffer, format=fmt, dpi=120)
    return buffer.getvalue()
