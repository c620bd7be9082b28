"""Async fetching limits and the incremental crawl of each source kind (127.0.0.1 only)."""
import asyncio

import pytest

from pipeline.fetch_async import AsyncFetcher, RateLimiter
from pipeline.sources.archive import Archive
from pipeline.sources.config import SourceConfig
from pipeline.sources.crawl import crawl_source
from tests.feed_builders import article_html, rss_feed, serve_articles, sitemap
from tests.http_server import Route


def _source(kind, url, **extra) -> SourceConfig:
    return SourceConfig(name="test", kind=kind, url=url, rate_limit=1000, **extra)


class Validators(dict):
    """Stands in for store.http_validators: origin -> {etag, last_modified}."""

    def __call__(self, origin):
        return self.get(origin)

    def remember(self, crawl):
        for item in crawl.items:
            if item.raw is not None:
                self[item.raw.origin] = {"etag": item.raw.etag, "last_modified": item.raw.last_modified}


def test_rate_limiter_spaces_request_starts():
    now, slept = [0.0], []

    async def sleep(seconds):
        slept.append(seconds)
        now[0] += seconds

    async def three():
        limiter = RateLimiter(4, clock=lambda: now[0], sleep=sleep)
        for _ in range(3):
            await limiter.wait()

    asyncio.run(three())
    assert slept == [0.25, 0.25]


def test_per_host_concurrency_is_capped(http_server):
    urls = serve_articles(http_server, 6)
    for path in list(http_server.routes):
        http_server.routes[path].delay = 0.2

    async def fetch_all():
        async with AsyncFetcher(max_connections=8, per_host=2) as fetcher:
            return await asyncio.gather(*(fetcher.fetch(u) for u in urls))

    results = asyncio.run(fetch_all())
    assert [r.status for r in results] == [200] * 6
    assert http_server.max_in_flight <= 2


def test_feed_second_run_is_conditional_requests_only(http_server, tmp_path):
    urls = serve_articles(http_server, 5)
    http_server.routes["/feed.xml"] = Route(rss_feed(urls), content_type="application/rss+xml",
                                            etag='"feed-1"')
    config, archive, validators = _source("feed", http_server.url("/feed.xml")), Archive(tmp_path), Validators()
    first = crawl_source(config, validators, archive)
    assert [i.status for i in first.items] == ["changed"] * 5
    assert all(archive.get(i.raw.content_hash) == i.raw.content for i in first.items)
    validators.remember(first)
    before = len(http_server.requests)
    second = crawl_source(config, validators, archive)
    assert [i.status for i in second.items] == ["unchanged"] * 5
    fresh = http_server.requests[before:]
    conditional = [r for r in fresh if r.path != "/robots.txt"]
    assert len(conditional) == 6 and all("if-none-match" in r.headers for r in conditional)
    # A feed changed since: the new item is fetched in full, the old ones stay 304s.
    extra = serve_articles(http_server, 6)[5]
    http_server.routes["/feed.xml"] = Route(rss_feed(urls + [extra]), etag='"feed-2"')
    third = crawl_source(config, validators, archive)
    assert {i.url: i.status for i in third.items}[extra] == "changed"
    assert third.count("unchanged") == 5


def test_user_agent_and_robots_txt(http_server, tmp_path):
    urls = serve_articles(http_server, 3)
    http_server.routes["/robots.txt"] = Route(b"User-agent: *\nDisallow: /news/1.html\n")
    http_server.routes["/feed.xml"] = Route(rss_feed(urls))
    config = _source("feed", http_server.url("/feed.xml"), user_agent="lsg-test/9")
    crawl = crawl_source(config, Validators(), Archive(tmp_path))
    status = {i.url: (i.status, i.reason) for i in crawl.items}
    assert status[urls[1]] == ("skipped", "disallowed by robots.txt")
    assert status[urls[0]][0] == status[urls[2]][0] == "changed"
    assert http_server.hits("/robots.txt") == 1 and http_server.hits("/news/1.html") == 0
    assert {r.headers["user-agent"] for r in http_server.requests} == {"lsg-test/9"}
    ignoring = _source("feed", http_server.url("/feed.xml"), respect_robots=False)
    assert crawl_source(ignoring, Validators(), Archive(tmp_path)).count("skipped") == 0


def test_disallowed_listing_fails_the_crawl(http_server, tmp_path):
    from pipeline.errors import InputError

    http_server.routes["/robots.txt"] = Route(b"User-agent: *\nDisallow: /\n")
    http_server.routes["/feed.xml"] = Route(rss_feed([]))
    with pytest.raises(InputError, match="disallowed by robots.txt"):
        crawl_source(_source("feed", http_server.url("/feed.xml")), Validators(), Archive(tmp_path))


def test_listing_answering_304_is_read_from_the_archive(http_server, tmp_path):
    urls = serve_articles(http_server, 2)
    http_server.routes["/feed.xml"] = Route(rss_feed(urls), etag='"f"')
    config, archive = _source("feed", http_server.url("/feed.xml")), Archive(tmp_path)
    crawl_source(config, Validators(), archive)
    http_server.routes["/feed.xml"] = Route(b"", etag='"f"')  # only a 304 can be had now
    again = crawl_source(config, Validators(), archive)
    assert [i.url for i in again.items] == urls


def test_sitemap_index_is_followed(http_server, tmp_path):
    urls = serve_articles(http_server, 4)
    http_server.routes["/sitemap.xml"] = Route(sitemap([http_server.url("/s1.xml"), "/s2.xml"], index=True))
    http_server.routes["/s1.xml"] = Route(sitemap(urls[:2]))
    http_server.routes["/s2.xml"] = Route(sitemap(urls[2:] + urls[:1]))
    crawl = crawl_source(_source("sitemap", http_server.url("/sitemap.xml")), Validators(), Archive(tmp_path))
    assert sorted(i.url for i in crawl.items) == sorted(urls)


def test_page_links_followed_by_pattern_and_depth(http_server, tmp_path):
    http_server.routes["/list.html"] = Route(article_html(0, links=("/content/a.html", "/about.html")),
                                             content_type="text/html")
    http_server.routes["/content/a.html"] = Route(article_html(1, links=("/content/b.html",)),
                                                  content_type="text/html", etag='"a"')
    http_server.routes["/content/b.html"] = Route(article_html(2), content_type="text/html")
    http_server.routes["/about.html"] = Route(article_html(3), content_type="text/html")
    archive, validators = Archive(tmp_path), Validators()
    one = _source("page", http_server.url("/list.html"), follow="/content/", depth=1)
    assert [i.url.rsplit("/", 1)[1] for i in crawl_source(one, validators, archive).items] == [
        "list.html", "a.html"]
    two = _source("page", http_server.url("/list.html"), follow="/content/", depth=2)
    first = crawl_source(two, validators, archive)
    assert sorted(i.url.rsplit("/", 1)[1] for i in first.items) == ["a.html", "b.html", "list.html"]
    assert http_server.hits("/about.html") == 0
    # An unchanged page in the middle still leads on: its links come from the archive.
    validators.remember(first)
    again = {i.url.rsplit("/", 1)[1]: i.status for i in crawl_source(two, validators, archive).items}
    assert again["a.html"] == "unchanged" and "b.html" in again


def test_pdf_and_directory_sources(http_server, tmp_path):
    http_server.routes["/r.pdf"] = Route(b"%PDF-1.4 not really", content_type="application/pdf")
    pdf = crawl_source(_source("pdf", http_server.url("/r.pdf")), Validators(), Archive(tmp_path / "a"))
    assert [(i.status, i.raw.media_type) for i in pdf.items] == [("changed", "application/pdf")]
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "one.txt").write_text("one", encoding="utf-8")
    (folder / "skip.bin").write_bytes(b"x")
    local = SourceConfig(name="local", kind="directory", path=str(folder))
    assert [i.raw.content for i in crawl_source(local, Validators(), Archive(tmp_path)).items] == [b"one"]


def test_archive_keeps_one_copy_per_body_and_indexes_both_urls(tmp_path):
    from pipeline.records import RawDocument

    archive = Archive(tmp_path)
    raw = RawDocument(origin="http://h/final", content=b"same bytes", media_type="text/html",
                      charset="gb18030", etag='"e"')
    sha = archive.put(raw, requested="http://h/asked")
    archive.put(RawDocument(origin="http://h/other", content=b"same bytes"))
    assert [p.name for p in tmp_path.glob("??/*")] == [sha]
    again = archive.latest("http://h/asked")
    assert (again.origin, again.content, again.charset, again.etag) == (
        "http://h/final", b"same bytes", "gb18030", '"e"')
    assert archive.validators("http://h/final") == {"etag": '"e"', "last_modified": None}
    assert archive.latest("http://h/never") is None and archive.validators("http://h/other") is None


def test_robots_crawl_delay_slows_the_source_down(http_server, tmp_path):
    urls = serve_articles(http_server, 1)
    http_server.routes["/robots.txt"] = Route(b"User-agent: *\nCrawl-delay: 1\n")
    http_server.routes["/feed.xml"] = Route(rss_feed(urls))
    crawl = crawl_source(_source("feed", http_server.url("/feed.xml")), Validators(), Archive(tmp_path))
    assert crawl.notes == ["robots.txt Crawl-delay 1 s: at most 1 requests/s instead of 1000"]
    assert crawl.count("changed") == 1


def test_unreachable_robots_txt_is_noted_not_enforced(http_server, tmp_path):
    urls = serve_articles(http_server, 1)
    http_server.routes["/robots.txt"] = Route(b"", status=503)
    http_server.routes["/feed.xml"] = Route(rss_feed(urls))
    crawl = crawl_source(_source("feed", http_server.url("/feed.xml")), Validators(), Archive(tmp_path))
    assert crawl.count("changed") == 1
    assert crawl.notes == ["robots.txt answered HTTP 503: not enforced"]


def test_last_modified_alone_makes_the_request_conditional(http_server, tmp_path):
    stamp = "Wed, 01 May 2024 08:00:00 GMT"
    http_server.routes["/r.pdf"] = Route(b"%PDF-1.4 report", content_type="application/pdf",
                                         last_modified=stamp)
    config, validators = _source("pdf", http_server.url("/r.pdf")), Validators()
    validators.remember(crawl_source(config, validators, Archive(tmp_path)))
    again = crawl_source(config, validators, Archive(tmp_path))
    assert [i.status for i in again.items] == ["unchanged"]
    assert http_server.requests[-1].headers["if-modified-since"] == stamp


def test_listed_url_that_redirects_is_still_fetched_conditionally(http_server, tmp_path):
    http_server.routes["/short/1"] = Route(redirect_to="/news/1.html")
    http_server.routes["/news/1.html"] = Route(article_html(1), content_type="text/html", etag='"n1"')
    http_server.routes["/feed.xml"] = Route(rss_feed([http_server.url("/short/1")]))
    config, archive, validators = _source("feed", http_server.url("/feed.xml")), Archive(tmp_path), Validators()
    first = crawl_source(config, validators, archive)
    assert first.items[0].raw.origin == http_server.url("/news/1.html")
    validators.remember(first)  # kept under the final URL, as the store keeps documents
    again = crawl_source(config, validators, archive)
    assert [i.status for i in again.items] == ["unchanged"]
    assert http_server.requests[-1].headers.get("if-none-match") == '"n1"'
