"""What the templates receive: facts with edits applied, names, sources and highlighted evidence."""
from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from markupsafe import Markup
from sqlmodel import Session

from pipeline.store.overlay import effective_values

from . import highlight, queries
from .pdf_page import PageDrawing, drawing, page_holding, stored_spans

_PAGE_WINDOW = 600  # characters either side of the evidence in a non-PDF "context" view


@dataclass
class EntityView:
    id: int
    name: str
    name_zh: str | None = None
    canonical: str | None = None
    aliases: list[str] = field(default_factory=list)
    kind: str | None = None

    @property
    def label(self) -> str:
        return self.canonical or self.name

    @property
    def zh(self) -> str | None:
        return self.name_zh

    @classmethod
    def of(cls, entity, name: str | None = None) -> "EntityView | None":
        """`name`, an analyst's edited name, replaces the entity's own label."""
        if entity is None:
            return None
        view = cls(entity.id, entity.name, entity.name_zh, entity.canonical, list(entity.aliases),
                   getattr(entity, "kind", None))
        if name and name not in (entity.name, entity.name_zh, entity.canonical, *entity.aliases):
            view.name, view.canonical, view.name_zh = name, None, None
        return view


@dataclass
class DocView:
    id: int
    origin: str
    title: str | None
    published: str | None
    language: str | None = None
    media_type: str | None = None
    source: str | None = None

    @property
    def href(self) -> str | None:
        """A link only for web addresses: never javascript:, data: or a local path."""
        return self.origin if urlsplit(self.origin).scheme in ("http", "https") else None


@dataclass
class FactView:
    id: int
    kind: str
    status: str
    needs_rereview: bool
    edited: bool
    confidence: float
    role: str | None
    event_type: str | None
    date: str | None
    evidence: str
    evidence_start: int
    evidence_end: int
    evidence_html: Markup
    group: EntityView
    person: EntityView | None
    to_group: EntityView | None
    document: DocView
    values: dict  # the editable fields as the edit form shows them (store.overlay names)


def fact_views(session: Session, ids: list[int]) -> list[FactView]:
    rows = queries.fact_rows(session, ids)
    spans = [(row[0].document_id, row[0].evidence_start, row[0].evidence_end) for row in rows]
    mentions = queries.mentions_in(session, spans)
    return [_view(row, mentions.get(row[0].document_id, [])) for row in rows]


def fact_view(session: Session, fact_id: int) -> FactView | None:
    views = fact_views(session, [fact_id])
    return views[0] if views else None


def _view(row: tuple, mentions: list[tuple]) -> FactView:
    fact, doc_id, origin, title, published, language, media_type, source, group, person, to_group = row
    values = effective_values(fact)
    group_view = EntityView.of(group, values["group_name"] if "group_name" in fact.edits else None)
    person_view = EntityView.of(person, values["person_name"] if "person_name" in fact.edits else None)
    to_view = EntityView.of(to_group, values["to_group_name"] if "to_group_name" in fact.edits else None)
    names = {"person": _names(person_view) + [fact.person_surface],
             "group": _names(group_view) + _names(to_view) + [fact.group_surface, fact.to_group_surface]}
    html = evidence_html(fact.evidence, fact.evidence_start, mentions, names, values["role"],
                         values["event_type"])
    return FactView(
        id=fact.id, kind=fact.kind, status=fact.status, needs_rereview=fact.needs_rereview,
        edited=bool(fact.edits), confidence=fact.confidence, role=values["role"],
        event_type=values["event_type"], date=values["date"], evidence=fact.evidence,
        evidence_start=fact.evidence_start, evidence_end=fact.evidence_end, evidence_html=html,
        group=group_view, person=person_view, to_group=to_view,
        document=DocView(doc_id, origin, title, published, language, media_type, source),
        values=values)


def evidence_html(text: str, offset: int, mentions: list[tuple], names: dict[str, list],
                  role: str | None, event: str | None) -> Markup:
    """Stored mention offsets first (they are exact), then names and words found by search."""
    spans = highlight.shift([(s, e, _label(label)) for s, e, label in mentions], offset, len(text))
    spans += highlight.find_spans(text, person=names["person"], group=names["group"], role=role,
                                  event=event)
    return highlight.render(text, spans)


def context_passage(doc, fact: FactView) -> tuple[Markup, int | None, PageDrawing | None]:
    """The PDF page holding the evidence (or a window around it), evidence marked; the page
    number, and the page drawn from its line boxes when the parser stored them."""
    text = doc.text
    spans = stored_spans(doc.pages)
    page = page_holding(spans, fact.evidence_start)
    if page is not None:
        start, end = page.start, max(page.end, min(fact.evidence_end, len(text)))
    else:
        start, end = _window(text, fact.evidence_start, fact.evidence_end)
    excerpt = text[start:end]
    spans_html = [highlight.Span(fact.evidence_start - start, fact.evidence_end - start, "evidence")]
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    passage = Markup(prefix) + highlight.render(excerpt, spans_html) + Markup(suffix)
    drawn = (drawing(spans, text, page.page, fact.evidence_start, fact.evidence_end)
             if page is not None else None)
    return passage, page.page if page is not None else None, drawn


def _window(text: str, ev_start: int, ev_end: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, max(0, ev_start - _PAGE_WINDOW))
    end = text.find("\n", min(len(text), ev_end + _PAGE_WINDOW))
    return (0 if start < 0 else start + 1), (len(text) if end < 0 else end)


def _names(entity: EntityView | None) -> list[str]:
    if entity is None:
        return []
    return [n for n in (entity.name, entity.name_zh, entity.canonical, *entity.aliases) if n]


def _label(label: str) -> str:
    return {"PERSON": "person", "GROUP": "group", "ROLE": "role", "DATE": "date"}.get(
        label.upper(), "other")
