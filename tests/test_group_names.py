"""Keys that make two spellings of one body's name compare equal."""
from __future__ import annotations

import pytest

from pipeline.group_names import body_type, content_key, guess_kind, normalise_group_name


def test_normalisation_folds_small_plural_and_punctuation():
    assert normalise_group_name("The Central Leading Small Group for Deepening Reforms") == \
        normalise_group_name("central leading group for deepening reform")
    assert normalise_group_name("Central Leading Group on Hong Kong & Macao Affairs") == \
        normalise_group_name("Central Leading Group for Hong Kong and Macau Affairs")
    assert normalise_group_name("Foreign Affairs LSG") == normalise_group_name("Foreign Affairs Leading Group")


def test_state_council_possessive_and_suffix_mean_state_council():
    council = normalise_group_name("State Council Leading Group for Widgets")
    assert normalise_group_name("the State Council's Leading Group for Widgets") == council
    assert normalise_group_name("Leading Group for Widgets under the State Council") == council
    assert normalise_group_name("Central Leading Group for Widgets") != council


def test_party_prefix_and_suffix_mean_central():
    central = normalise_group_name("Central Leading Group for Widgets")
    assert normalise_group_name("CPC Central Committee's Leading Group for Widgets") == central
    assert normalise_group_name("the CCP Central Leading Group for Widgets") == central
    assert normalise_group_name("Leading Group for Widgets of the CPC Central Committee") == central
    assert normalise_group_name(
        "Leading Group for Widgets under the Central Committee of the Communist Party of China") == central


def test_state_council_suffix_reads_as_prefix():
    assert normalise_group_name("Leading Group for Widgets under the State Council") == \
        normalise_group_name("State Council Leading Group for Widgets")


def test_chinese_names_fold_script_spaces_and_party_prefix():
    assert normalise_group_name("中共中央 外事工作領導小組") == normalise_group_name("中央外事工作领导小组")


@pytest.mark.parametrize("name, kind", [
    ("Office of the Central Leading Group for Widgets", "office"),
    ("Central Leading Group for Widgets Office", "office"),
    ("Central Commission for Widgets", "commission"),
    ("Leading Group for Widgets", "leading_group"),
    ("Special Group on Widget Reform", "subgroup"),
    ("某某改革专项小组", "subgroup"),
    ("某某工作领导小组办公室", "office"),
    ("某某委员会", "commission"),
    ("学习组", "other_body"),
    ("Ministry of Widgets", "other_body"),
])
def test_guess_kind_by_head_noun(name, kind):
    assert guess_kind(name) == kind


def test_content_key_ignores_word_order_but_not_body_type():
    assert content_key("Central Taiwan Affairs Leading Group") == \
        content_key("Central Leading Group for Taiwan Affairs")
    assert content_key("Taiwan Affairs Office")[0] == "office"
    assert content_key("Taiwan Affairs Office") != content_key("Central Leading Group for Taiwan Affairs")
    assert body_type("Central Commission for Comprehensively Deepening Reform") == "commission"
