"""`lsg ingest URL` of a feed or sitemap ingests the items it lists (no Prefect here)."""
import sqlite3

from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.ingest import ingest, load_all
from pipeline.store import open_store
from tests.feed_builders import atom_feed, rss_feed, serve_articles, sitemap
from tests.http_server import Route


def test_feed_url_expands_to_its_items_and_a_bad_item_is_reported(http_server, tmp_path):
    urls = serve_articles(http_server, 3) + [http_server.url("/gone.html")]
    http_server.routes["/feed.xml"] = Route(rss_feed(urls), content_type="text/xml")
    db = tmp_path / "db.sqlite"
    result = CliRunner().invoke(app, ["ingest", http_server.url("/feed.xml"), "--db", str(db),
                                      "--no-prefect"])
    assert result.exit_code == 0, result.output
    assert "3 new" in result.output and "1 failed" in result.output
    assert "gone.html: HTTP 404 Not Found" in result.output.replace("\n", "")
    origins = {row[0] for row in sqlite3.connect(db).execute("select origin from document")}
    assert origins == set(urls[:3])  # the feed itself is not a document


def test_sitemap_index_and_atom_expand(http_server, tmp_path):
    urls = serve_articles(http_server, 4)
    http_server.routes["/index.xml"] = Route(sitemap([http_server.url("/s.xml")], index=True))
    http_server.routes["/s.xml"] = Route(sitemap(urls[:2]))
    http_server.routes["/atom.xml"] = Route(atom_feed(urls[2:]), content_type="application/octet-stream")
    assert [d.origin for d in load_all(http_server.url("/index.xml"))] == urls[:2]
    outcomes = ingest([http_server.url("/atom.xml")], open_store(tmp_path / "db.sqlite"))
    assert sorted(o.origin for o in outcomes) == urls[2:]


def test_plain_pages_are_not_expanded(http_server):
    urls = serve_articles(http_server, 1)
    [doc] = load_all(urls[0])
    assert doc.origin == urls[0] and "Briefing 0" in doc.text
