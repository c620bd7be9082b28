"""The CLI end to end: a directory and URLs from 127.0.0.1 in, exported facts out."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from tests.http_server import Route

runner = CliRunner()

ENGLISH_NEWS = (
    "Reform group meets\n\n"
    "BEIJING, Jan. 22, 2014 -- Xi Jinping, general secretary of the Communist Party of China, "
    "heads the Central Leading Group for Comprehensively Deepening Reforms, which held its first "
    "meeting on January 22, 2014. Li Keqiang, Liu Yunshan and Zhang Gaoli serve as deputy heads "
    "of the group.\n"
)
CHINESE_NOTICE = (
    "国务院办公厅关于成立国务院第七次全国人口普查领导小组的通知\n"
    "国务院决定成立国务院第七次全国人口普查领导小组。现将组成人员名单通知如下：\n"
    "组　长：胡春华　国务院副总理\n"
    "国务院办公厅\n2019年11月4日\n"
)
ENGLISH_PAGE = (
    "<html><head><title>Cyberspace commission</title></head><body><nav>Home | World</nav>"
    "<article><h1>Cyberspace commission</h1><p>The Central Leading Group for Cyberspace Affairs "
    "was upgraded to the Central Cyberspace Affairs Commission in March 2018. Xi Jinping heads "
    "the commission.</p></article><footer>Copyright</footer></body></html>"
)


def test_help_lists_every_command():
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("ingest", "export", "evaluate", "facts", "review"):
        assert command in result.output


@pytest.fixture
def inputs(tmp_path, http_server):
    corpus = tmp_path / "corpus"
    (corpus / "nested").mkdir(parents=True)
    (corpus / "reform.txt").write_text(ENGLISH_NEWS, encoding="utf-8")
    (corpus / "nested" / "census.txt").write_bytes(CHINESE_NOTICE.encode("gb18030"))
    (corpus / "empty.txt").write_bytes(b"")
    http_server.routes["/cyber.html"] = Route(ENGLISH_PAGE.encode(), content_type="text/html; charset=utf-8")
    http_server.routes["/gone"] = Route(b"gone", status=404)
    return corpus, [http_server.url("/cyber.html"), http_server.url("/gone")]


def _export(db, tmp_path) -> list[dict]:
    out = tmp_path / "facts.jsonl"
    result = runner.invoke(app, ["export", "--db", str(db), "--format", "jsonl", "--status", "all",
                                 "--out", str(out)])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in out.read_text("utf-8").splitlines()]


def _memberships(records):
    return {(r["person"]["canonical"] or r["person"]["name"], r["role"]) for r in records
            if r["kind"] == "membership"}


@pytest.mark.prefect
def test_ingest_through_prefect_then_export(tmp_path, inputs):
    corpus, urls = inputs
    db = tmp_path / "store.sqlite"
    result = runner.invoke(app, ["ingest", str(corpus), *urls, "--db", str(db)])
    assert result.exit_code == 0, result.output
    # One line per bad input, naming it and the reason; the rest still ingested.
    assert "empty.txt" in result.output and "empty" in result.output
    assert "/gone" in result.output and "404" in result.output
    records = _export(db, tmp_path)
    members = _memberships(records)
    assert ("Xi Jinping", "leader") in members
    assert {("Li Keqiang", "deputy_leader"), ("Liu Yunshan", "deputy_leader")} <= members
    assert ("Hu Chunhua", "leader") in members
    assert all(r["status"] == "pending" for r in records)
    assert all(r["evidence"] for r in records)
    docs = {r["document"] for r in records}
    assert urls[0] in docs and any(d.endswith("census.txt") for d in docs)


def test_ingest_is_idempotent_and_default_export_is_accepted_only(tmp_path, inputs):
    corpus, _ = inputs
    db = tmp_path / "store.sqlite"
    first = runner.invoke(app, ["ingest", str(corpus), "--db", str(db), "--no-prefect"])
    assert first.exit_code == 0, first.output
    before = _export(db, tmp_path)
    second = runner.invoke(app, ["ingest", str(corpus), "--db", str(db), "--no-prefect"])
    assert "2 unchanged" in second.output
    assert _export(db, tmp_path) == before
    out = tmp_path / "accepted.jsonl"
    runner.invoke(app, ["export", "--db", str(db), "--format", "jsonl", "--out", str(out)])
    assert out.read_text("utf-8") == ""  # nothing reviewed yet


def test_exit_status_nonzero_only_when_nothing_ingested(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    junk = tmp_path / "junk.txt"
    junk.write_bytes(bytes(range(256)) * 4)
    db = tmp_path / "store.sqlite"
    result = runner.invoke(app, ["ingest", str(empty), str(junk), "--db", str(db), "--no-prefect"])
    assert result.exit_code == 1
    assert "junk.txt" in result.output and "empty.txt" in result.output
    good = tmp_path / "good.txt"
    good.write_text(ENGLISH_NEWS, encoding="utf-8")
    ok = runner.invoke(app, ["ingest", str(good), str(empty), "--db", str(db), "--no-prefect"])
    assert ok.exit_code == 0
    strict = runner.invoke(app, ["ingest", str(good), str(empty), "--db", str(db), "--no-prefect", "--strict"])
    assert strict.exit_code == 1


def test_facts_table_and_db_from_environment(tmp_path, monkeypatch):
    good = tmp_path / "good.txt"
    good.write_text(ENGLISH_NEWS, encoding="utf-8")
    monkeypatch.setenv("LSG_DB", str(tmp_path / "env.sqlite"))
    monkeypatch.setenv("COLUMNS", "220")
    assert runner.invoke(app, ["ingest", str(good), "--no-prefect"]).exit_code == 0
    assert (tmp_path / "env.sqlite").exists()
    table = runner.invoke(app, ["facts"])
    assert table.exit_code == 0
    assert "Xi Jinping" in table.output
