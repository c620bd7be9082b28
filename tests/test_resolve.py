"""Resolution of group and person names, and validation of the gazetteer data it reads."""
from __future__ import annotations

import json

import pytest
from opencc import OpenCC

from pipeline.resolve import (GAZETTEER_DIR, gazetteer_group_names, group_by_id, is_not_group,
                              known_people, resolve_group, resolve_person, successor_chain)

KINDS = {"leading_group", "commission", "office", "subgroup", "other_body"}
LEVELS = {"central", "state_council", "provincial"}
# Where the usual written traditional form differs from OpenCC s2t output (對臺, 達峯).
ZHT_EXCEPTIONS = {"對台", "達峰"}


def _jsonl(name: str) -> list[dict]:
    lines = (GAZETTEER_DIR / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


# ---- groups ---------------------------------------------------------------------------------

@pytest.mark.parametrize("surface", [
    "Central Leading Group for Comprehensively Deepening Reforms",
    "Central Leading Group for Comprehensively Deepening Reform",
    "the Central Leading Small Group for Comprehensively Deepening Reforms",
    "Central Leading Group for Deepening Overall Reform",
    "Central Leading Group for Comprehensive Reform",
    "CPC Central Committee's Leading Group for Comprehensively Deepening Reform",
    "Leading Group for Comprehensively Deepening Reform of the CCP Central Committee",
    "中央全面深化改革领导小组",
    "中央全面深化改革領導小組",
    "中央深改组",
])
def test_deepening_reform_variants_share_one_id(surface):
    ref = resolve_group(surface)
    assert ref.gazetteer_id == "central-leading-group-deepening-reform"
    assert ref.kind == "leading_group"
    assert ref.name == surface
    assert ref.name_zh == "中央全面深化改革领导小组"
    assert "Central Leading Group for Deepening Overall Reform" in ref.aliases or \
        surface == "Central Leading Group for Deepening Overall Reform"


def test_group_and_its_successor_commission_stay_distinct():
    group = resolve_group("Central Leading Group for Comprehensively Deepening Reforms")
    commission = resolve_group("Central Commission for Comprehensively Deepening Reform")
    assert commission.kind == "commission"
    assert group.key != commission.key
    assert successor_chain(group.gazetteer_id)[0] == commission.gazetteer_id


def test_abbreviations_are_case_sensitive():
    assert resolve_group("FALSG").gazetteer_id == "central-foreign-affairs-leading-group"
    assert resolve_group("falsg").gazetteer_id is None


def test_word_order_variant_resolves_by_content_words():
    ref = resolve_group("Central Taiwan Affairs Leading Small Group")
    assert ref.gazetteer_id == "central-leading-group-taiwan-affairs"


def test_office_is_not_confused_with_its_group():
    office = resolve_group("Office of the Central Cyberspace Affairs Commission")
    assert office.kind == "office"
    assert office.gazetteer_id != resolve_group("Central Cyberspace Affairs Commission").gazetteer_id


def test_unknown_group_keeps_surface_and_guesses_kind():
    ref = resolve_group("Leading Group for Widget Affairs")
    assert ref.gazetteer_id is None and ref.canonical is None
    assert ref.kind == "leading_group"
    assert resolve_group("Office of the Leading Group for Widget Affairs").kind == "office"
    assert resolve_group("Widget Commission").kind == "commission"
    zh = resolve_group("某某省小部件工作領導小組")
    assert zh.kind == "leading_group" and zh.name_zh == "某某省小部件工作领导小组"


@pytest.mark.parametrize("surface", ["Ministry of Foreign Affairs", "外交部", "the State Council",
                                     "Politburo Standing Committee", "中央军委"])
def test_ministries_and_organs_are_not_groups(surface):
    assert resolve_group(surface).gazetteer_id is None
    assert is_not_group(surface)


def test_pinyin_rendering_of_chinese_name_resolves():
    ref = resolve_group("Zhōngyāng Guójiā'ānquán Wěiyuánhuì")
    assert ref.gazetteer_id == "central-national-security-commission"


def test_mixed_script_name_resolves_by_either_part():
    ref = resolve_group("Central Leading Group for Foreign Affairs (中央外事工作领导小组)")
    assert ref.gazetteer_id == "central-foreign-affairs-leading-group"
    assert resolve_group("中央网信办 (Office of the Widget Commission)").gazetteer_id == \
        "office-central-cyberspace-affairs-commission"


def test_content_key_tie_goes_to_the_body_that_still_exists():
    # Both the 2003 coordination group and its successor share these content words.
    assert resolve_group("Central Hong Kong and Macau Leading Small Group").gazetteer_id == \
        "hong-kong-macau-leading-group"
    assert resolve_group("Central Coordination Group for Hong Kong and Macao Affairs").gazetteer_id == \
        "hong-kong-macau-coordination-group"


def test_provincial_namesake_is_not_the_central_body():
    ref = resolve_group("山东省未成年人保护工作领导小组")
    assert ref.gazetteer_id is None and ref.kind == "leading_group"


def test_short_chinese_forms_get_their_kind():
    assert resolve_group("中央深改委").kind == "commission"
    assert resolve_group("中央网信办").kind == "office"
    assert resolve_group("某某工作专项小组").kind == "subgroup"


def test_gazetteer_names_cover_scripts_and_abbreviations():
    names = dict(gazetteer_group_names())
    assert names["中央全面深化改革领导小组"] == "central-leading-group-deepening-reform"
    assert names["中央全面深化改革領導小組"] == "central-leading-group-deepening-reform"
    assert names["CCDR"] == "central-commission-deepening-reform"


# ---- people ---------------------------------------------------------------------------------

def test_hanzi_and_pinyin_share_a_person_key():
    assert resolve_person("习近平").key == resolve_person("Xi Jinping").key
    assert resolve_person("習近平").key == resolve_person("Xi Jinping").key


def test_hanzi_person_fields():
    ref = resolve_person("習近平")
    assert ref.name == "習近平" and ref.name_zh == "习近平" and ref.canonical == "Xi Jinping"
    assert "習近平" in ref.aliases or ref.name == "習近平"
    assert resolve_person("肖 捷").name_zh == "肖捷"


def test_surname_reading_in_person_canonical():
    ref = resolve_person("單霽翔")
    assert ref.canonical == "Shan Jixiang" and ref.name_zh == "单霁翔" and "單霽翔" == ref.name


def test_romanised_known_person_gets_hanzi():
    ref = resolve_person("Xi Jinping")
    assert ref.name_zh == "习近平"
    assert resolve_person("President Xi Jinping").canonical == "Xi Jinping"


def test_wade_giles_maps_to_pinyin_canonical():
    ref = resolve_person("Chou En-lai")
    assert ref.canonical == "Zhou Enlai" and ref.name_zh == "周恩来"
    assert resolve_person("Deng Xiaoping").key == resolve_person("Teng Hsiao-ping").key


def test_unknown_romanised_name_is_title_cased():
    ref = resolve_person("wang xiaoming")
    assert ref.canonical == "Wang Xiaoming" and ref.name_zh is None


def test_ambiguous_romanisation_fills_no_hanzi():
    # "Li" alone is many people; only a full name in the gazetteer fills name_zh.
    assert resolve_person("Li").name_zh is None


def test_uyghur_name_maps_to_its_usual_english_form():
    ref = resolve_person("司马义·艾买提")
    assert ref.canonical == "Ismail Amat"


def test_pinyin_name_beats_an_older_romanisation_of_someone_else():
    # "Wang Chen" is the pinyin of 王晨 and the Wade-Giles of 王震.
    assert resolve_person("Wang Chen").name_zh == "王晨"


def test_known_people_pairs():
    people = dict(known_people())
    assert people["Xi Jinping"] == "习近平"
    assert people["Zhou Enlai"] == "周恩来"


# ---- data validation ------------------------------------------------------------------------

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


def test_traditional_name_character_kept_by_gazetteer():
    assert resolve_person("王丙乾").name_zh == "王丙乾"
