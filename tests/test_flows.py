"""The Prefect flows: ingest_all with isolated sources, deployments, and reextract on Dask.

The only test module that starts Prefect (one test harness for the module); everything the
flows do is tested without Prefect in test_crawl, test_faults and test_ingest.
"""
import sqlite3

import pytest

from pipeline.extract import EXTRACTOR_VERSION
from tests.feed_builders import rss_feed, serve_articles
from tests.http_server import Route

pytestmark = pytest.mark.prefect


@pytest.fixture(scope="module", autouse=True)
def harness():
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


def _sources_file(tmp_path, server) -> str:
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "note.txt").write_text("Xi Jinping heads the Central Leading Group for Foreign "
                                     "Affairs, a note of ours says.", encoding="utf-8")
    path = tmp_path / "sources.toml"
    path.write_text(f"""
[[source]]
name = "notes"
kind = "directory"
path = "{folder}"

[[source]]
name = "down"
kind = "feed"
url = "{server.url('/missing.xml')}"
schedule = "0 3 * * 1"

[[source]]
name = "wire"
kind = "feed"
url = "{server.url('/feed.xml')}"
schedule = "15 */6 * * *"
rate_limit = 50
""", encoding="utf-8")
    return str(path)


def test_ingest_all_isolates_a_failing_source_and_second_run_is_incremental(http_server, tmp_path):
    from pipeline.flows import ingest_all

    http_server.routes["/feed.xml"] = Route(rss_feed(serve_articles(http_server, 3)), etag='"f"')
    sources, db, archive = _sources_file(tmp_path, http_server), str(tmp_path / "db.sqlite"), str(tmp_path / "a")
    first = {r.source: r for r in ingest_all(sources, db, archive)}
    assert "HTTP 404" in first["down"].error
    assert first["notes"].count("new") == 1 and first["wire"].count("new") == 3
    second = {r.source: r for r in ingest_all(sources, db, archive)}
    assert second["wire"].unchanged == 3 and second["wire"].count("new") == 0
    assert second["notes"].unchanged == 1
    assert http_server.hits("/missing.xml") == 2  # a final InputError is not retried by Prefect
    rows = dict(sqlite3.connect(db).execute("select name, last_error from source"))
    assert "HTTP 404" in rows["down"] and rows["wire"] is None


def test_one_deployment_per_scheduled_source(http_server, tmp_path):
    from pipeline.flows import source_deployments

    deployments = source_deployments(_sources_file(tmp_path, http_server), "x.sqlite", "arch")
    assert [d.name for d in deployments] == ["source-down", "source-wire"]
    assert [d.schedules[0].schedule.cron for d in deployments] == ["0 3 * * 1", "15 */6 * * *"]
    assert deployments[1].parameters["source"] == "wire"
    assert deployments[1].flow_name == "lsg-ingest-source"


def test_backlog_and_reextract_fan_out_on_two_dask_workers(http_server, tmp_path):
    from pipeline.flows import dask_runner, ingest_source, reextract
    from pipeline.store import open_store

    http_server.routes["/feed.xml"] = Route(rss_feed(serve_articles(http_server, 4)))
    db, sources = str(tmp_path / "db.sqlite"), _sources_file(tmp_path, http_server)
    on_dask = ingest_source.with_options(task_runner=dask_runner(2))
    report = on_dask("wire", sources, db, str(tmp_path / "a"), chunk_size=2)  # two chunks mapped
    assert sorted(o.status for o in report.outcomes) == ["new"] * 4
    store = open_store(db)
    fact = store.list_facts(limit=1)[0]
    store.set_status(fact.id, "accepted", reviewer="ana")
    con = sqlite3.connect(db)
    with con:
        con.execute("update document set extractor_version = 'older'")
    requests_before = len(http_server.requests)
    outcomes = reextract.with_options(task_runner=dask_runner(2))(db, batch_size=2)
    assert sorted(o.status for o in outcomes) == ["updated"] * 4
    assert len(http_server.requests) == requests_before  # nothing fetched again
    assert {v for (v,) in con.execute("select extractor_version from document")} == {EXTRACTOR_VERSION}
    assert store.get_fact(fact.id).status == "accepted"
    assert reextract(db) == []  # nothing stale any more
