"""Resolution of group and person names (the data itself: tests/test_resolve_data.py)."""
from __future__ import annotations

import pytest

from pipeline.resolve import (claimed_level, gazetteer_group_names, is_generic_group_name,
                              is_not_group, known_people, resolve_group, resolve_person,
                              successor_chain)


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
    ref = resolve_group("广东省全面深化改革领导小组")
    assert ref.gazetteer_id is None and ref.kind == "leading_group"


@pytest.mark.parametrize("surface", [
    "山东省财经委员会", "广东省全面深化改革委员会", "北京市委全面深化改革委员会",
    "Guangdong provincial Financial and Economic Affairs Commission",
    "Shanghai Municipal Leading Group for Cybersecurity and Informatization",
    "Guangdong Provincial Commission for Comprehensively Deepening Reform"])
def test_provincial_and_municipal_bodies_never_resolve_to_national_ones(surface):
    assert resolve_group(surface).gazetteer_id is None


@pytest.mark.parametrize("surface, expected", [
    ("State Council's Financial and Economic Commission", "state-council-financial-economic-commission-1979"),
    ("国务院财政经济委员会", "state-council-financial-economic-commission-1979"),
    ("Central Financial and Economic Affairs Commission", "central-financial-economic-affairs-commission"),
    ("State Council Leading Group for Poverty Alleviation and Development", "poverty-alleviation-leading-group"),
    # Same topic, other tier: the name says which tier it is, so it is not the gazetteer's body.
    ("Central Leading Group for Poverty Alleviation and Development", None),
    ("中央扶贫开发领导小组", None),
    ("State Council Leading Group for Deepening Reform", None),
    ("国务院全面深化改革领导小组", None),
    ("Central Food Safety Commission", None),
])
def test_state_council_and_party_bodies_do_not_cross(surface, expected):
    assert resolve_group(surface).gazetteer_id == expected


@pytest.mark.parametrize("surface", [
    "the group", "five-person group", "the Five-Person Small Group", "Group of Five", "the commission",
    "the Leading Group", "the Central Leading Group", "the office", "领导小组", "小组", "委员会",
    "五人小组", "中央五人小组", "领导小组办公室", "指挥部"])
def test_generic_surfaces_never_resolve_to_a_body(surface):
    assert is_generic_group_name(surface)
    assert resolve_group(surface).gazetteer_id is None


def test_five_person_groups_of_different_eras_stay_apart():
    economic = resolve_group("中央经济工作五人小组")
    assert economic.gazetteer_id == "central-economic-work-five-person-group"
    assert resolve_group("Central Five-Person Group on Economic Work").key == economic.key
    cultural = resolve_group("文化革命五人小组")
    assert cultural.gazetteer_id == "five-person-group-cultural-revolution"
    # A name the body shares with others is still reported, but never looked up.
    assert "Group of Five" in cultural.aliases


@pytest.mark.parametrize("surface, level", [
    ("国务院扶贫开发领导小组", "state_council"), ("the State Council's Leading Group", "state_council"),
    ("CPC Central Committee Leading Group", "central"), ("中共中央台湾工作办公室", "central"),
    ("山东省委财经委员会", "provincial"), ("Shenzhen municipal commission", "provincial"),
    ("国家减灾委员会", None), ("全国城市市场监管领导小组", None)])
def test_claimed_level(surface, level):
    assert claimed_level(surface) == level


@pytest.mark.parametrize("surface, expected", [
    ("Leading Group for the Seventh National Population Census", "seventh-population-census-leading-group"),
    ("第二次全国农业普查领导小组", "second-agricultural-census-leading-group"),
    ("國務院第一次全國水利普查領導小組", "first-water-census-leading-group"),
    ("National Committee for Disaster Reduction", "national-disaster-reduction-committee"),
    ("中央爱国卫生运动委员会", "central-patriotic-health-campaign-committee-1952"),
    ("全国爱卫会", "patriotic-health-campaign-committee"),
    ("中财委", "gac-financial-economic-commission"),
    ("CFWC", "central-financial-work-commission-2023"),
    ("深改委", "central-commission-deepening-reform"),
    ("CCP Central Foreign Affairs Office", "office-central-foreign-affairs-commission"),
    ("Central Political Structural Reform Study Group", "political-reform-study-group-1986"),
])
def test_added_bodies_resolve(surface, expected):
    assert resolve_group(surface).gazetteer_id == expected


def test_renamed_bodies_are_chained():
    assert successor_chain("china-idndr-committee") == [
        "china-international-disaster-reduction-committee", "national-disaster-reduction-committee"]
    assert successor_chain("central-epidemic-prevention-commission-1952")[-1] == \
        "patriotic-health-campaign-committee"


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


def test_traditional_name_character_kept_by_gazetteer():
    assert resolve_person("王丙乾").name_zh == "王丙乾"
