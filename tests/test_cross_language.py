"""An English and a Chinese document about the same body: one person, one group in the store."""
from __future__ import annotations

from sqlmodel import select

from pipeline.ingest import ingest
from pipeline.store import open_store
from pipeline.store.models import GroupEntity, Person

ENGLISH = (
    "Reform body named\n\n"
    "BEIJING, Dec. 30, 2013 -- Xi Jinping will head the Central Leading Group for Comprehensively "
    "Deepening Reforms, the Political Bureau decided on Monday.\n"
)
# Traditional characters, as a Hong Kong paper would print it.
CHINESE = (
    "深改組組長確定\n\n"
    "中共中央政治局12月30日會議決定，習近平任中央全面深化改革領導小組組長。\n"
)


def test_one_person_and_one_group_across_languages_and_scripts(tmp_path):
    (tmp_path / "en.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "zh.txt").write_bytes(CHINESE.encode("big5"))
    store = open_store(tmp_path / "store.sqlite")
    outcomes = ingest([str(tmp_path / "en.txt"), str(tmp_path / "zh.txt")], store)
    assert [o.status for o in outcomes] == ["new", "new"]

    records = list(store.iter_fact_records("all"))
    leaders = [r for r in records if r["kind"] == "membership" and r["role"] == "leader"]
    assert {r["document"].rsplit("/", 1)[-1] for r in leaders} == {"en.txt", "zh.txt"}
    # Evidence keeps the characters as written; names are normalised for identity.
    zh = next(r for r in leaders if r["document"].endswith("zh.txt"))
    assert "習近平" in zh["evidence"] and zh["person"]["name_zh"] == "习近平"

    with store.session() as s:
        people = [p for p in s.exec(select(Person)).all() if p.merged_into is None]
        groups = [g for g in s.exec(select(GroupEntity)).all() if g.merged_into is None]
    xi = [p for p in people if p.canonical == "Xi Jinping"]
    assert len(xi) == 1 and xi[0].name_zh == "习近平"
    reform = [g for g in groups if g.name_zh == "中央全面深化改革领导小组"]
    assert len(reform) == 1
    assert {r["group"]["canonical"] for r in leaders} == {reform[0].canonical}
