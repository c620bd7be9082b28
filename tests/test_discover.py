import pytest

from pipeline.errors import InputError
from pipeline.records import RawDocument
from pipeline.sources.discover import (directory_files, feed_items, listing_kind, page_links,
                                       sitemap_entries)
from tests.feed_builders import article_html, atom_feed, rss_feed, sitemap


def _raw(content: bytes, origin: str = "http://127.0.0.1:8/list", media_type=None) -> RawDocument:
    return RawDocument(origin=origin, content=content, media_type=media_type)


@pytest.mark.parametrize("content, kind", [
    (rss_feed(["http://a/1"]), "feed"),
    (atom_feed(["http://a/1"]), "feed"),
    (b'<?xml version="1.0"?>\n<!-- generated -->\n<rdf:RDF xmlns:rdf="x"></rdf:RDF>', "feed"),
    (sitemap(["http://a/1"]), "sitemap"),
    (sitemap(["http://a/s1.xml"], index=True), "sitemap"),
    (article_html(1), None),
    (b"%PDF-1.7 ...", None),
    (b"plain words <rss>", None),
])
def test_listing_kind_is_decided_by_content(content, kind):
    assert listing_kind(content) == kind


def test_feed_items_rss_atom_relative_links_and_enclosures():
    rss = rss_feed(["/news/1.html", "http://other.example/2.html", "/news/1.html#comments"])
    assert feed_items(_raw(rss)) == ["http://127.0.0.1:8/news/1.html", "http://other.example/2.html"]
    assert feed_items(_raw(atom_feed(["http://a/x", "http://a/y"]))) == ["http://a/x", "http://a/y"]
    enclosed = rss.replace(b"<guid>/news/1.html</guid>",
                           b'<enclosure url="/r.pdf" type="application/pdf" length="9"/>', 1)
    assert "http://127.0.0.1:8/r.pdf" in feed_items(_raw(enclosed))


def test_broken_feed_is_an_input_error_naming_the_feed():
    with pytest.raises(InputError) as caught:
        feed_items(_raw(b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</ti'))
    assert caught.value.origin == "http://127.0.0.1:8/list"
    assert "broken feed" in caught.value.reason


def test_feed_with_one_bad_character_still_yields_its_items():
    # feedparser's lenient parser recovers entries from slightly malformed XML.
    content = rss_feed(["http://a/1", "http://a/2"]).replace(b"Item 0", b"Item & 0")
    assert feed_items(_raw(content)) == ["http://a/1", "http://a/2"]


def test_sitemap_pages_and_index():
    assert sitemap_entries(_raw(sitemap(["http://a/1", "/2"]))) == (
        ["http://a/1", "http://127.0.0.1:8/2"], [])
    assert sitemap_entries(_raw(sitemap(["http://a/s1.xml"], index=True))) == ([], ["http://a/s1.xml"])
    with pytest.raises(InputError, match="broken sitemap"):
        sitemap_entries(_raw(b"<urlset><url><loc>http://a/1</loc></url>"))
    with pytest.raises(InputError):  # entity expansion is refused, not evaluated
        sitemap_entries(_raw(b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>'
                             b"<urlset><url><loc>&a;</loc></url></urlset>"))


def test_page_links_stay_on_the_site_and_match_the_pattern():
    page = article_html(0, links=("/content/1.html", "content/2.html#top", "/about.html",
                                  "http://elsewhere.example/content/3.html", "mailto:x@y",
                                  "http://127.0.0.1:8/content/1.html"))
    raw = _raw(page, origin="http://127.0.0.1:8/list")
    assert page_links(raw, r"/content/") == ["http://127.0.0.1:8/content/1.html",
                                             "http://127.0.0.1:8/content/2.html"]
    assert "http://127.0.0.1:8/about.html" in page_links(raw)
    assert page_links(_raw(b"")) == []


def test_directory_files_skip_hidden_and_unsupported(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "b.bin").write_bytes(b"x")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "c.txt").write_text("x")
    assert directory_files(str(tmp_path)) == [str(tmp_path / "a.txt")]
