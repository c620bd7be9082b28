"""Hanzi / pinyin name utilities and the name lists they read."""
from __future__ import annotations

import pytest

from pipeline.names import (NAMES_DIR, clean_hanzi_name, compound_surnames, hanzi_to_pinyin,
                            looks_like_pinyin_name, pinyin_key, pinyin_syllables, split_surname,
                            splits_into_syllables, surname_readings, surname_spellings,
                            title_romanised)


@pytest.mark.parametrize("hanzi, pinyin", [
    ("单霁翔", "Shan Jixiang"), ("曾庆红", "Zeng Qinghong"), ("解振华", "Xie Zhenhua"),
    ("仇和", "Qiu He"), ("欧阳淞", "Ouyang Song"), ("司马光", "Sima Guang"),
    ("诸葛亮", "Zhuge Liang"), ("乐玉成", "Yue Yucheng"), ("尉迟恭", "Yuchi Gong"),
    ("區家麟", "Ou Jialin"), ("習近平", "Xi Jinping"), ("吕祖善", "Lu Zushan"),
])
def test_hanzi_to_pinyin_uses_surname_readings(hanzi, pinyin):
    assert hanzi_to_pinyin(hanzi) == pinyin


def test_compound_surnames_split_first():
    assert split_surname("欧阳淞") == ("欧阳", "淞")
    assert split_surname("万俟卨") == ("万俟", "卨")
    assert split_surname("王毅") == ("王", "毅")
    # A two-character name is never split as a compound surname.
    assert split_surname("司马") == ("司", "马")


def test_clean_hanzi_name():
    assert clean_hanzi_name("肖 捷") == "肖捷"
    assert clean_hanzi_name("習　近平") == "习近平"


def test_title_romanised():
    assert title_romanised("CHOU en-lai") == "Chou En-lai"
    assert title_romanised("xi jinping") == "Xi Jinping"


def test_pinyin_key_agrees_across_scripts_and_tones():
    assert pinyin_key("中央国家安全委员会") == pinyin_key("Zhōngyāng Guójiā'ānquán Wěiyuánhuì")


@pytest.mark.parametrize("name, expected", [
    ("Xi Jinping", True), ("Chen Min'er", True), ("Ouyang Song", True), ("Cheung Kin-chung", False),
    ("Barack Obama", False), ("New York", False), ("Wang Strawberry", False), ("Xi", False),
])
def test_looks_like_pinyin_name(name, expected):
    assert looks_like_pinyin_name(name) is expected


def test_syllable_splitting():
    assert splits_into_syllables("Jinping")
    assert splits_into_syllables("Xi'an")
    assert not splits_into_syllables("Strawberry")


def test_name_lists_are_complete_enough():
    syllables = pinyin_syllables()
    assert 395 <= len(syllables) <= 430 and {"zhuang", "lü", "er"} <= syllables
    assert {"欧阳", "司马", "诸葛", "上官", "尉迟", "万俟", "长孙"} <= compound_surnames()
    assert surname_readings()["单"] == "Shan"
    assert "陈" in surname_spellings()["chan"] and "黄" in surname_spellings()["wong"]


def test_surname_list_rows_are_well_formed():
    rows = [line.split("\t") for line in (NAMES_DIR / "surnames_zh.txt").read_text("utf-8").splitlines()
            if line and not line.startswith("#")]
    assert len([r for r in rows if len(r[1]) == 1]) >= 450
    assert len({r[1] for r in rows}) == len(rows)
    syllables = pinyin_syllables()
    for rank, simplified, traditional, pinyin in rows:
        assert rank.isdigit() and traditional
        word = pinyin.lower()
        assert word in syllables or splits_into_syllables(word), (simplified, pinyin)
