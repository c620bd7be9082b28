"""Validation of the gazetteer data: ids, links, kinds, levels, dates, scripts, and that every
listed name finds its own body."""
from __future__ import annotations

import json

from opencc import OpenCC

from pipeline.group_names import normalise_group_name
from pipeline.resolve import (GAZETTEER_DIR, gazetteer_group_names, group_by_id, groups,
                              is_generic_group_name, resolve_group)

KINDS = {"leading_group", "commission", "office", "subgroup", "other_body"}
LEVELS = {"central", "state_council", "provincial"}
# Where the usual written traditional form differs from OpenCC s2t output (對臺, 達峯).
ZHT_EXCEPTIONS = {"對台", "達峰"}


def _jsonl(name: str) -> list[dict]:
    lines = (GAZETTEER_DIR / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def test_groups_data_is_valid():
    entries = _jsonl("groups.jsonl")
    ids = [e["id"] for e in entries]
    assert len(ids) == len(set(ids)), "duplicate ids"
    s2t, t2s = OpenCC("s2t"), OpenCC("t2s")
    for entry in entries:
        assert entry["kind"] in KINDS, entry["id"]
        assert entry["level"] in LEVELS, entry["id"]
        assert entry["source"], entry["id"]
        assert entry["canonical"] in entry["names_en"], entry["id"]
        if entry["parent"]:
            assert group_by_id(entry["parent"]), entry["id"]
        for link in entry["predecessor"] + entry["successor"]:
            assert group_by_id(link["id"]), (entry["id"], link["id"])
        expected = s2t.convert(entry["name_zh"])
        if entry["name_zht"] != expected:
            assert any(e in entry["name_zht"] for e in ZHT_EXCEPTIONS), entry["id"]
        for name in [entry["name_zh"], *entry["names_zh_other"]]:
            assert t2s.convert(name) == name, (entry["id"], "not simplified", name)
        for field in ("established", "disbanded"):
            assert entry[field] is None or len(entry[field]) in (4, 7, 10), entry["id"]


def test_every_listed_name_resolves_to_its_body_or_a_current_namesake():
    names_of: dict[str, set[str]] = {}
    for name, group_id in gazetteer_group_names():
        names_of.setdefault(group_id, set()).add(normalise_group_name(name))
    for entry in groups():
        names = [entry["canonical"], *entry["names_en"], entry["name_zh"], entry["name_zht"],
                 *entry["names_zh_other"]]
        for name in names:
            found = resolve_group(name).gazetteer_id
            if found != entry["id"]:  # only a later body listing the same name may take it
                assert found and not group_by_id(found)["successor"], (entry["id"], name, found)
                assert normalise_group_name(name) in names_of.get(found, set()), (entry["id"], name)


def test_no_body_is_looked_up_by_a_generic_name():
    for entry in groups():
        for name in [*entry["names_en"], entry["name_zh"], *entry["names_zh_other"]]:
            assert not is_generic_group_name(name), (entry["id"], name)
        for name in entry.get("names_shared", []):
            assert is_generic_group_name(name), (entry["id"], "shared but specific", name)


def test_dates_are_ordered():
    for entry in groups():
        if entry["established"] and entry["disbanded"]:
            assert entry["established"][:4] <= entry["disbanded"][:4], entry["id"]
        for link in entry["successor"]:
            if link["date"] and entry["established"]:
                assert entry["established"][:4] <= link["date"][:4], (entry["id"], link)


def test_succession_links_point_both_ways():
    for entry in _jsonl("groups.jsonl"):
        for link in entry["successor"]:
            back = [p["id"] for p in group_by_id(link["id"])["predecessor"]]
            assert entry["id"] in back, (entry["id"], link["id"])
        for link in entry["predecessor"]:
            forward = [s["id"] for s in group_by_id(link["id"])["successor"]]
            assert entry["id"] in forward, (link["id"], entry["id"])


def test_people_data_is_valid():
    people = _jsonl("people.jsonl")
    hanzi = [p["hanzi"] for p in people]
    assert len(hanzi) == len(set(hanzi))
    t2s = OpenCC("t2s")
    for person in people:
        assert person["pinyin"] and person["hanzi"] and person["hanzi_trad"]
        # Compared after conversion: t2s may rewrite a name character (王丙乾 -> 王丙干).
        assert t2s.convert(person["hanzi_trad"]) == t2s.convert(person["hanzi"]), person["hanzi"]
