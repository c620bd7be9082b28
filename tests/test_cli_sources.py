"""`lsg run`, `lsg sources`, `lsg serve` from the command line (in-process, no Prefect server)."""
from typer.testing import CliRunner

from pipeline.cli import app
from tests.feed_builders import rss_feed, serve_articles
from tests.http_server import Route

runner = CliRunner()


def _sources(tmp_path, server, schedule=""):
    path = tmp_path / "sources.toml"
    path.write_text(f"""
[[source]]
name = "wire"
kind = "feed"
url = "{server.url('/feed.xml')}"
schedule = "{schedule}"
rate_limit = 100

[[source]]
name = "down"
kind = "pdf"
url = "{server.url('/gone.pdf')}"
""", encoding="utf-8")
    return str(path)


def test_run_then_sources_table(http_server, tmp_path):
    http_server.routes["/feed.xml"] = Route(rss_feed(serve_articles(http_server, 2)), etag='"f"')
    sources, db = _sources(tmp_path, http_server), str(tmp_path / "db.sqlite")
    args = ["--sources", sources, "--db", db, "--archive", str(tmp_path / "a")]
    first = runner.invoke(app, ["run", *args, "--no-prefect"])
    assert first.exit_code == 0, first.output
    assert "wire: 2 items: 2 new" in first.output
    assert "down: 1 items: 0 new" in first.output and "HTTP 404 Not Found" in first.output
    again = runner.invoke(app, ["run", *args, "--no-prefect", "--source", "wire"])
    assert "wire: 2 items: 0 new, 0 updated, 2 unchanged" in again.output
    table = runner.invoke(app, ["sources", "--sources", sources, "--db", db],
                          env={"COLUMNS": "250"})
    assert table.exit_code == 0, table.output
    wire = next(line for line in table.output.splitlines() if "wire" in line)
    assert [cell.strip() for cell in wire.split("│")[6:11]] == ["4", "2", "0", "0", "2"]
    assert "never" not in wire


def test_bad_sources_file_names_the_field(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[[source]]\nname = "x"\nkind = "feed"\nurl = "http://127.0.0.1:1/f"\n'
                   'schedule = "every day"\n', encoding="utf-8")
    result = runner.invoke(app, ["run", "--sources", str(bad), "--db", str(tmp_path / "db.sqlite")])
    assert result.exit_code == 2
    assert "source #1 (x): schedule: invalid cron expression" in result.output.replace("\n", "")


def test_serve_refuses_a_file_without_schedules_before_starting_anything(http_server, tmp_path):
    result = runner.invoke(app, ["serve", "--sources", _sources(tmp_path, http_server),
                                 "--db", str(tmp_path / "db.sqlite")])
    assert result.exit_code == 2 and "no source" in result.output and "schedule" in result.output
