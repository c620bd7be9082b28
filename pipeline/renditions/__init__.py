"""The gold texts as the pipeline meets documents in the wild: web pages, a feed, PDF reports.

`rendition(via, gold_dir, doc_ids, workdir)` is a context manager yielding the inputs to
ingest (file paths or 127.0.0.1 URLs ending in NNN.txt / NNN.html / NNN.pdf, so the scorer
maps each back to its gold document) and notes on anything the rendering had to give up.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.parse.dates import find_published

VIAS = ("text", "html", "feed", "pdf")


@dataclass
class Rendition:
    via: str
    inputs: list[str]
    notes: list[str] = field(default_factory=list)
    feed_url: str | None = None
    server: object | None = None  # the PageServer serving the pages, while the context lasts


@contextmanager
def rendition(via: str, gold_dir: Path, doc_ids: list[str], workdir: Path) -> Iterator[Rendition]:
    if via not in VIAS:
        raise ValueError(f"unknown rendition {via!r} (use {', '.join(VIAS)})")
    texts = {doc_id: (Path(gold_dir) / f"{doc_id}.txt") for doc_id in doc_ids}
    if via == "text":
        yield Rendition(via, [str(path) for path in texts.values()])
    elif via == "pdf":
        yield _pdf_rendition(texts, Path(workdir))
    else:
        with _served_pages(via, texts) as served:
            yield served


def _pdf_rendition(texts: dict[str, Path], workdir: Path) -> Rendition:
    from pipeline.renditions.pdf_report import render_report

    inputs = []
    for doc_id, path in texts.items():
        out = workdir / f"{doc_id}.pdf"
        out.write_bytes(render_report(path.read_text("utf-8")))
        inputs.append(str(out))
    return Rendition("pdf", inputs)


@contextmanager
def _served_pages(via: str, texts: dict[str, Path]) -> Iterator[Rendition]:
    from pipeline.renditions.feed import FeedItem, rss
    from pipeline.renditions.html_page import render_page
    from pipeline.renditions.server import PageServer

    routes: dict[str, tuple[bytes, str]] = {}
    notes: list[str] = []
    items: list[tuple[str, str]] = []  # (path, text)
    for doc_id, path in texts.items():
        text = path.read_text("utf-8")
        page = render_page(doc_id, text)
        routes[f"/news/{doc_id}.html"] = (page.body, page.content_type)
        notes += page.notes
        items.append((f"/news/{doc_id}.html", text))
    with PageServer(routes) as server:
        if via == "html":
            yield Rendition(via, [server.url(p) for p, _ in items], notes, server=server)
            return
        feed = [FeedItem(server.url(p), _first_line(text), find_published(text),
                         _first_line(text, skip=1)) for p, text in items]
        routes["/feed.xml"] = (rss(feed, server.url("/")), "application/rss+xml; charset=utf-8")
        yield Rendition(via, [server.url("/feed.xml")], notes, feed_url=server.url("/feed.xml"),
                        server=server)


def _first_line(text: str, skip: int = 0) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[skip][:200] if len(lines) > skip else ""
