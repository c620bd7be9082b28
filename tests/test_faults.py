"""Faults from a 127.0.0.1 server, runs killed half-way, and overlapping runs of one source."""
import sqlite3
import threading

import pytest

from pipeline.sources.archive import Archive
from pipeline.sources.config import SourceConfig
from pipeline.sources.runner import SourceReport, run_all, run_source
from pipeline.store import open_store
from tests.feed_builders import article_html, chinese_html, rss_feed, serve_articles
from tests.http_server import Route
from tests.pdf_builders import single_column


def _feed_source(server, **fetch) -> SourceConfig:
    return SourceConfig(name="wire", kind="feed", url=server.url("/feed.xml"), rate_limit=1000,
                        fetch=fetch)


def _no_wait():
    waits = []

    async def sleep(seconds):
        waits.append(seconds)

    return waits, sleep


def test_each_fault_fails_only_its_item(http_server, tmp_path):
    s = http_server
    s.routes["/always-500"] = Route(b"x", status=500)
    s.routes["/flaky"] = Route(article_html(1), content_type="text/html",
                               failures=[(503, {}), (429, {"Retry-After": "7"})])
    s.routes["/slow"] = Route(article_html(2), content_type="text/html", delay=1.0)
    s.routes["/loop"] = Route(redirect_to="/loop")
    s.routes["/truncated"] = Route(article_html(3), content_type="text/html", declared_length=100_000)
    s.routes["/wrong-type"] = Route(article_html(4), content_type="application/octet-stream")
    s.routes["/huge"] = Route(b"<html><body>" + b"x" * 300_000 + b"</body></html>", content_type="text/html")
    s.routes["/gb18030"] = Route(chinese_html("gb18030"), content_type="text/html")  # charset in meta only
    s.routes["/big5"] = Route(chinese_html("big5"), content_type="text/html; charset=big5")
    s.routes["/missing.pdf"] = Route(b"gone", status=404)
    s.routes["/ok"] = Route(article_html(5), content_type="text/html")
    s.routes["/report"] = Route(single_column(["Xi Jinping heads the Central Leading Group for "
                                               "Foreign Affairs, the report says."]),
                                content_type="text/html; charset=utf-8")  # a PDF, mislabelled
    paths = ["/report", "/always-500", "/flaky", "/slow", "/loop", "/truncated", "/wrong-type", "/huge",
             "/gb18030", "/big5", "/missing.pdf", "/ok"]
    s.routes["/feed.xml"] = Route(rss_feed([s.url(p) for p in paths]), content_type="application/rss+xml")
    store = open_store(tmp_path / "db.sqlite")
    waits, sleep = _no_wait()
    report = run_source(_feed_source(s, timeout=0.4, max_bytes=200_000), store, Archive(tmp_path / "a"),
                        sleep=sleep)
    by_path = {o.origin.replace(s.base_url, ""): o for o in report.outcomes}
    assert by_path["/always-500"].reason == "HTTP 500 Internal Server Error"
    assert s.hits("/always-500") == 3  # tried three times, then given up
    assert by_path["/flaky"].status == "new" and 7 in waits  # Retry-After honoured
    assert "timed out" in by_path["/slow"].reason
    assert "redirect loop" in by_path["/loop"].reason
    assert "truncated" in by_path["/truncated"].reason
    assert by_path["/wrong-type"].status == "new"  # the bytes say HTML, whatever the header says
    assert "larger than 0.2 MB" in by_path["/huge"].reason
    assert by_path["/missing.pdf"].reason == "HTTP 404 Not Found"
    assert {by_path[p].status for p in ("/gb18030", "/big5", "/ok", "/report")} == {"new"}
    texts = dict(sqlite3.connect(tmp_path / "db.sqlite").execute("select origin, text from document"))
    assert "习近平任中央网络安全和信息化委员会主任" in texts[s.url("/gb18030")]
    assert "習近平任中央網絡安全和信息化委員會主任" in texts[s.url("/big5")]
    assert "Central Leading Group for Foreign Affairs" in texts[s.url("/report")]
    assert (report.seen, report.failed) == (12, 6)
    summary = store.source_summaries()[0]
    assert (summary["items_seen"], summary["items_failed"], summary["documents"]) == (12, 6, 6)


def test_broken_feed_fails_the_source_and_is_recorded(http_server, tmp_path):
    http_server.routes["/feed.xml"] = Route(b'<?xml version="1.0"?><rss><channel><item><link>',
                                            content_type="application/rss+xml")
    store = open_store(tmp_path / "db.sqlite")
    report = run_source(_feed_source(http_server), store, Archive(tmp_path / "a"))
    assert "broken feed" in report.error
    assert "broken feed" in store.source_summaries()[0]["last_error"]


def test_a_failing_source_does_not_stop_the_others(http_server, tmp_path):
    urls = serve_articles(http_server, 2)
    http_server.routes["/feed.xml"] = Route(rss_feed(urls))
    store, archive = open_store(tmp_path / "db.sqlite"), Archive(tmp_path / "a")
    configs = [SourceConfig(name="down", kind="feed", url=http_server.url("/nothing.xml")),
               SourceConfig(name="crashes", kind="pdf", url=http_server.url("/x.pdf")),
               _feed_source(http_server)]

    def run_one(config):
        if config.name == "crashes":
            raise RuntimeError("disk full")
        return run_source(config, store, archive)

    errors = []
    reports = run_all(configs, run_one, on_error=lambda c, reason: errors.append((c.name, reason)))
    assert [r.source for r in reports] == ["down", "crashes", "wire"]
    assert "HTTP 404" in reports[0].error
    assert reports[1].error == "RuntimeError: disk full" and errors == [("crashes", "RuntimeError: disk full")]
    assert reports[2].error is None and reports[2].count("new") == 2


class Killed(BaseException):
    """Stands for the process dying (SIGKILL, power cut): nothing below catches it."""


class DyingStore:
    """A store whose process dies while saving the n-th document."""

    def __init__(self, store, die_at: int):
        self._store, self._left = store, die_at

    def __getattr__(self, name):
        return getattr(self._store, name)

    def save_document(self, *args, **kwargs):
        self._left -= 1
        if self._left == 0:
            raise Killed()
        return self._store.save_document(*args, **kwargs)


def _snapshot(db) -> dict:
    con = sqlite3.connect(db)
    return {
        "documents": sorted(con.execute(
            "select origin, content_hash, text, language, etag, extractor_version from document")),
        "facts": sorted(con.execute(
            "select d.origin, f.key, f.kind, f.status, f.person_surface, f.role, f.group_surface, "
            "f.evidence from fact f join document d on d.id = f.document_id")),
        "mentions": sorted(con.execute(
            "select d.origin, m.label, m.start, m.end from mention m join document d on d.id = m.document_id")),
        "groups": sorted(con.execute("select key, name from group_entity")),
        "people": sorted(con.execute("select key, name from person")),
        "sources": sorted(con.execute("select name, items_new, items_updated from source")),
    }


def test_killed_run_then_rerun_equals_one_uninterrupted_run(http_server, tmp_path):
    urls = serve_articles(http_server, 7)
    http_server.routes["/feed.xml"] = Route(rss_feed(urls), etag='"feed"')
    config = _feed_source(http_server)
    run_source(config, open_store(tmp_path / "whole.sqlite"), Archive(tmp_path / "a1"))

    store = open_store(tmp_path / "killed.sqlite")
    with pytest.raises(Killed):
        run_source(config, DyingStore(store, die_at=4), Archive(tmp_path / "a2"), chunk_size=2)
    assert len(_snapshot(tmp_path / "killed.sqlite")["documents"]) == 3
    before = len(http_server.requests)
    rerun = run_source(config, store, Archive(tmp_path / "a2"))
    assert (rerun.unchanged, rerun.count("new")) == (3, 4)
    # Nothing is downloaded twice: stored items answer 304 to the store's validators, the
    # four fetched but never saved answer 304 to the archive's and are parsed from it.
    fetched = [r for r in http_server.requests[before:] if r.path != "/robots.txt"]
    assert len(fetched) == 8 and all("if-none-match" in r.headers for r in fetched)
    whole, resumed = _snapshot(tmp_path / "whole.sqlite"), _snapshot(tmp_path / "killed.sqlite")
    assert len(whole["facts"]) >= 7
    assert resumed == whole


def test_overlapping_runs_store_nothing_twice(http_server, tmp_path):
    urls = serve_articles(http_server, 8)
    http_server.routes["/feed.xml"] = Route(rss_feed(urls))
    config, db = _feed_source(http_server), tmp_path / "db.sqlite"
    open_store(db)
    start = threading.Barrier(2)
    reports: list[SourceReport] = []

    def one_run(n):
        store = open_store(db)  # each run its own connections, as two processes would have
        start.wait()
        reports.append(run_source(config, store, Archive(tmp_path / f"a{n}"), chunk_size=1))

    threads = [threading.Thread(target=one_run, args=(n,)) for n in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(reports) == 2 and not any(r.failed for r in reports)
    assert sum(r.count("new") for r in reports) == 8  # each document stored by exactly one run
    con = sqlite3.connect(db)
    assert con.execute("select count(*), count(distinct origin) from document").fetchone() == (8, 8)
    facts = con.execute("select count(*), count(distinct document_id || key) from fact").fetchone()
    assert facts[0] == facts[1] >= 8
    assert con.execute("select count(*) from person").fetchone()[0] == 1  # Xi Jinping, once


def test_an_extractor_crash_on_one_document_fails_only_that_document(http_server, tmp_path, monkeypatch):
    import pipeline.ingest

    real = pipeline.ingest.extract_many

    def fragile(docs):
        if any("Briefing 1:" in d.text for d in docs):
            raise ValueError("extractor bug")
        return real(docs)

    monkeypatch.setattr(pipeline.ingest, "extract_many", fragile)
    urls = serve_articles(http_server, 3)
    http_server.routes["/feed.xml"] = Route(rss_feed(urls))
    report = run_source(_feed_source(http_server), open_store(tmp_path / "db.sqlite"), Archive(tmp_path / "a"))
    status = {o.origin: (o.status, o.reason) for o in report.outcomes}
    assert status[urls[1]] == ("failed", "extraction failed: ValueError('extractor bug')")
    assert status[urls[0]][0] == status[urls[2]][0] == "new"


def test_parser_options_charset_length_and_keep_if(http_server, tmp_path):
    s = http_server
    undeclared = "<html><body><p>习近平任中央全面深化改革委员会主任，会议审议了多份文件。</p></body></html>"
    s.routes["/undeclared"] = Route(undeclared.encode("gb18030"), content_type="text/html", etag='"u"')
    s.routes["/declared"] = Route(chinese_html("big5"), content_type="text/html")  # meta says big5
    s.routes["/stub"] = Route(b"<html><body><p>Leading Group</p></body></html>", content_type="text/html")
    s.routes["/sports"] = Route(b"<html><body><p>" + b"The match ended in a draw. " * 20 + b"</p></body></html>",
                                content_type="text/html", etag='"s"')
    s.routes["/feed.xml"] = Route(rss_feed([s.url(p) for p in ("/undeclared", "/declared", "/stub",
                                                               "/sports")]))
    config = SourceConfig(name="wire", kind="feed", url=s.url("/feed.xml"), rate_limit=1000,
                          parser={"charset": "gb18030", "min_chars": 20,
                                  "keep_if": "委员会|委員會|Leading Group"})
    store, archive = open_store(tmp_path / "db.sqlite"), Archive(tmp_path / "a")
    report = run_source(config, store, archive)
    status = {o.origin.replace(s.base_url, ""): (o.status, o.reason) for o in report.outcomes}
    assert status["/undeclared"] == ("new", "")
    assert status["/stub"] == ("skipped", "shorter than 20 characters (parser.min_chars)")
    assert status["/sports"] == ("skipped", "does not match parser.keep_if")
    texts = dict(sqlite3.connect(tmp_path / "db.sqlite").execute("select origin, text from document"))
    assert "习近平任中央全面深化改革委员会主任" in texts[s.url("/undeclared")]
    assert "習近平任中央網絡安全和信息化委員會主任" in texts[s.url("/declared")]  # its own meta wins
    # Left out again next time, for the price of a 304: the archive kept the body.
    again = run_source(config, store, archive)
    assert {o.origin.replace(s.base_url, ""): o.status for o in again.outcomes}["/sports"] == "skipped"
    assert [r.headers.get("if-none-match") for r in s.requests if r.path == "/sports"] == [None, '"s"']
    assert report.skipped == again.skipped == 2
