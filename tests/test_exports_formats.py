"""Every export format read back with its own ecosystem's reader, checked against the store."""
from __future__ import annotations

import csv
import hashlib
import json

import networkx as nx
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from followthemoney import model
from typer.testing import CliRunner

from tests.dataset_builders import EN_2014, ZH_2015, ZH_2018, reform_store, save
from pipeline.cli import app
from pipeline.export import FORMATS, export
from pipeline.store import open_store
from pipeline.tenures import infer_ends

EVENT_DOC = ("http://127.0.0.1/news/2018-commission.html", "en", "2018-03-30",
             "The Central Commission for Comprehensively Deepening Reform was set up in March 2018.")
SUFFIX = {"jsonl": "jsonl", "csv": "csv", "parquet": "parquet", "ftm": "ftm.json", "gexf": "gexf"}


@pytest.fixture
def store(tmp_path):
    with open_store(tmp_path / "lsg.db") as opened:
        reform_store(opened)
        save(opened, EVENT_DOC, facts=[], events=[(
            "Central Commission for Comprehensively Deepening Reform", "established", "2018-03",
            "set up")])
        event = opened.list_facts(status="pending")[0].id
        opened.set_status(event, "accepted", "test")
        wang = next(f.id for f in opened.list_facts(limit=100) if f.person_canonical == "Wang Huning")
        opened.set_status(wang, "rejected", "test")
        infer_ends(opened)
        yield opened


def accepted(store) -> list:
    return store.list_facts(status="accepted", limit=1000, order="id")


def written(store, tmp_path, fmt: str, tenures: bool = False):
    out = tmp_path / f"out.{'tenures.' if tenures else ''}{SUFFIX[fmt]}"
    count = export(store, fmt, out, tenures=tenures)
    return out, count, json.loads(out.with_name(out.name + ".manifest.json").read_text("utf-8"))


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("tenures", [False, True])
def test_every_export_has_a_manifest_with_its_checksum_and_sources(store, tmp_path, fmt, tenures):
    out, count, manifest = written(store, tmp_path, fmt, tenures)
    assert manifest["sha256"] == {out.name: hashlib.sha256(out.read_bytes()).hexdigest()}
    assert manifest["counts"]["rows"] == count
    assert count == (4 if tenures else 12)  # 11 accepted memberships and 1 event; 4 tenures
    assert manifest["extractor_versions"] == ["test-1"]
    expected = {EN_2014[0], ZH_2015[0], ZH_2018[0]} | (set() if tenures else {EVENT_DOC[0]})
    assert set(manifest["source_documents"]) == expected
    assert (manifest["format"], manifest["status"]) == (fmt, "accepted")


def test_csv_one_row_per_accepted_fact(store, tmp_path):
    out, _, _ = written(store, tmp_path, "csv")
    with open(out, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert sorted(int(r["fact_id"]) for r in rows) == [f.id for f in accepted(store)]
    event = next(r for r in rows if r["kind"] == "event")
    assert (event["date"], event["date_precision"]) == ("2018-03", "month")


def test_csv_and_jsonl_tenures(store, tmp_path):
    out, _, _ = written(store, tmp_path, "csv", tenures=True)
    with open(out, encoding="utf-8", newline="") as handle:
        rows = {(r["person_name"], r["role"]): r for r in csv.DictReader(handle)}
    xi = rows[("Xi Jinping", "leader")]
    assert (xi["start"], xi["start_precision"], xi["last_seen"]) == ("2014-01-22", "day", "2018-03-28")
    assert xi["documents"].split(" | ") == [EN_2014[0], ZH_2015[0], ZH_2018[0]]
    out, _, _ = written(store, tmp_path, "jsonl", tenures=True)
    lines = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    zhang = next(t for t in lines if t["person_name_zh"] == "张高丽")
    assert (zhang["end"], zhang["end_precision"], zhang["end_status"]) == \
        ("2018-03-28", "day", "inferred")


def test_parquet_columns_are_typed_and_match_the_store(store, tmp_path):
    out, _, _ = written(store, tmp_path, "parquet")
    table = pq.read_table(out)
    assert table.schema.field("fact_id").type == pa.int64()
    assert table.schema.field("confidence").type == pa.float64()
    assert table.schema.field("needs_rereview").type == pa.bool_()
    assert table.schema.field("group_aliases").type == pa.list_(pa.string())
    rows = table.to_pylist()
    assert sorted(r["fact_id"] for r in rows) == [f.id for f in accepted(store)]
    xi = [r for r in rows if r["person_canonical"] == "Xi Jinping"]
    assert {(r["document"], r["document_published"], r["document_published_precision"]) for r in xi} \
        == {(EN_2014[0], "2014-01-22", "day"), (ZH_2015[0], "2015-03", "month"),
            (ZH_2018[0], "2018-03-28", "day")}
    out, _, _ = written(store, tmp_path, "parquet", tenures=True)
    tenures = pq.read_table(out).to_pylist()
    zhang = next(t for t in tenures if t["person_name_zh"] == "张高丽")
    assert (zhang["start"], zhang["end"], zhang["end_status"]) == ("2014-01-22", "2018-03-28", "inferred")
    assert zhang["documents"] == [EN_2014[0], ZH_2015[0]] and len(zhang["fact_ids"]) == 2


def _proxies(out):
    return [model.get_proxy(json.loads(line)) for line in out.read_text("utf-8").splitlines()]


def test_ftm_entities_have_stable_ids_names_and_sources(store, tmp_path):
    out, _, manifest = written(store, tmp_path, "ftm")
    proxies = _proxies(out)
    by_schema = {}
    for proxy in proxies:
        by_schema.setdefault(proxy.schema.name, []).append(proxy)
    assert {k: len(v) for k, v in by_schema.items()} == {
        "Membership": 11, "Event": 1, "Person": 4, "PublicBody": 2}
    assert manifest["counts"]["Person"] == 4  # Wang Huning's only fact was rejected
    xi = next(p for p in by_schema["Person"] if "Xi Jinping" in p.get("name"))
    assert "习近平" in xi.get("alias") and xi.get("nationality") == ["cn"]
    commission = next(p for p in by_schema["PublicBody"] if "中央全面深化改革委员会" in p.get("alias"))
    assert commission.get("incorporationDate") == ["2018-03"]
    xi_roles = [m for m in by_schema["Membership"] if m.get("member") == [xi.id]]
    assert {m.first("date") for m in xi_roles} == {"2014-01-22", "2015-03", "2018-03-28"}
    assert sum(m.get("sourceUrl") == [EN_2014[0]] for m in xi_roles) == 1
    assert sum(ZH_2015[0] in m.first("description") for m in xi_roles if m.get("description")) == 1
    again, _, _ = written(store, tmp_path, "ftm")
    assert sorted(p.id for p in _proxies(again)) == sorted(p.id for p in proxies)


def test_ftm_tenures_have_start_and_end_dates(store, tmp_path):
    out, _, _ = written(store, tmp_path, "ftm", tenures=True)
    proxies = _proxies(out)
    people = {p.id: p for p in proxies if p.schema.name == "Person"}
    memberships = [p for p in proxies if p.schema.name == "Membership"]
    zhang = next(m for m in memberships if "张高丽" in people[m.first("member")].get("alias"))
    assert (zhang.first("startDate"), zhang.first("endDate")) == ("2014-01-22", "2018-03-28")
    assert zhang.first("status") == "end inferred"


def test_gexf_reads_back_with_labels_and_dated_edges(store, tmp_path):
    out, _, _ = written(store, tmp_path, "gexf")
    graph = nx.read_gexf(out)
    people = {n: d for n, d in graph.nodes(data=True) if d["type"] == "person"}
    bodies = {n: d for n, d in graph.nodes(data=True) if d["type"] == "body"}
    assert len(people) == 4 and len(bodies) == 2
    assert people["person:xijinping"]["label"] == "Xi Jinping"
    assert people["person:xijinping"]["label_zh"] == "习近平"
    assert bodies["gaz:central-commission-deepening-reform"]["established"] == "2018-03"
    edges = list(graph.edges(data=True))
    assert len(edges) == 11
    assert {d["date"] for u, v, d in edges if u == "person:xijinping"} == \
        {"2014-01-22", "2015-03", "2018-03-28"}
    out, _, _ = written(store, tmp_path, "gexf", tenures=True)
    tenures = nx.read_gexf(out)
    (zhang,) = [d for u, v, d in tenures.edges(data=True) if u == "person:zhanggaoli"]
    assert (zhang["start_date"], zhang["end_date"], zhang["end_status"]) == \
        ("2014-01-22", "2018-03-28", "inferred")
    assert zhang["label"] == "deputy_leader"


def test_cli_exports_tenures_and_refuses_unknown_formats(store, tmp_path):
    runner = CliRunner()
    out = tmp_path / "cli" / "tenures.parquet"
    result = runner.invoke(app, ["export", "--db", str(store.path), "--format", "parquet",
                                 "--tenures", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert pq.read_table(out).num_rows == 4
    assert (out.parent / "tenures.parquet.manifest.json").exists()
    bad = runner.invoke(app, ["export", "--db", str(store.path), "--format", "xlsx", "--out",
                              str(tmp_path / "x.xlsx")])
    assert bad.exit_code == 2
