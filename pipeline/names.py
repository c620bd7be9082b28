"""Chinese name utilities: script conversion, surname splitting and hanzi -> pinyin.

Data lives in models/names/ (surnames, surname readings); this module only reads it.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from opencc import OpenCC
from pypinyin import Style, lazy_pinyin

NAMES_DIR = Path(__file__).resolve().parents[1] / "models" / "names"

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# Middle dots used between the parts of transcribed (e.g. Uyghur, Tibetan) names.
_NAME_DOTS = "·•‧・･"


def has_cjk(text: str) -> bool:
    return bool(_CJK.search(text))


@lru_cache(maxsize=1)
def _t2s() -> OpenCC:
    return OpenCC("t2s")


@lru_cache(maxsize=1)
def _s2t() -> OpenCC:
    return OpenCC("s2t")


@lru_cache(maxsize=65536)
def to_simplified(text: str) -> str:
    return _t2s().convert(text) if has_cjk(text) else text


@lru_cache(maxsize=65536)
def to_traditional(text: str) -> str:
    return _s2t().convert(text) if has_cjk(text) else text


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold_person(text: str) -> str:
    """Lookup key for a romanised or hanzi name: no accents, case, spaces or punctuation."""
    text = to_simplified(strip_accents(unicodedata.normalize("NFKC", text))).lower()
    return "".join(ch for ch in text if ch.isalnum())


def _rows(filename: str) -> list[list[str]]:
    path = NAMES_DIR / filename
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def surname_readings() -> dict[str, str]:
    """Surname hanzi -> pinyin where the surname reading differs from the everyday one."""
    return {row[0]: row[1] for row in _rows("surname_readings.tsv") if len(row) >= 2}


@lru_cache(maxsize=1)
def compound_surnames() -> frozenset[str]:
    compounds = {row[1] for row in _rows("surnames_zh.txt") if len(row) > 1 and len(row[1]) == 2}
    return frozenset(compounds | {h for h in surname_readings() if len(h) == 2})


def clean_hanzi_name(text: str) -> str:
    """Simplified hanzi name with inner spaces removed ("肖 捷" -> "肖捷")."""
    text = to_simplified(unicodedata.normalize("NFKC", text))
    return "".join(ch for ch in text if not ch.isspace())


def split_surname(name: str) -> tuple[str, str]:
    """(surname, given name) of a simplified hanzi name; compound surnames win."""
    if len(name) >= 3 and name[:2] in compound_surnames():
        return name[:2], name[2:]
    return name[:1], name[1:]


def pinyin_key(text: str) -> str:
    """Toneless pinyin letters only: "中央国家安全委员会" and "Zhōngyāng Guójiā'ānquán Wěiyuánhuì" agree."""
    if has_cjk(text):
        text = "".join(lazy_pinyin(to_simplified(text), style=Style.NORMAL))
    return "".join(ch for ch in strip_accents(text).lower() if "a" <= ch <= "z")


def _syllables(hanzi: str) -> str:
    return "".join(lazy_pinyin(hanzi, style=Style.NORMAL)).replace("v", "u")


@lru_cache(maxsize=16384)
def hanzi_to_pinyin(name: str) -> str:
    """Pinyin "Surname Given" for a hanzi name, using surname readings ("单霁翔" -> "Shan Jixiang").

    Names written with a middle dot (transcribed minority names) become one capitalised word per
    part, since they have no Han surname.
    """
    # Read the characters as written: t2s may replace a name character (王丙乾 -> 王丙干).
    written = "".join(unicodedata.normalize("NFKC", name).split())
    parts = [p for p in re.split(f"[{_NAME_DOTS}]", written) if p]
    if len(parts) > 1:
        return " ".join(_syllables(p).capitalize() for p in parts)
    surname, _ = split_surname(clean_hanzi_name(written))
    given = written[len(surname):]
    family = surname_readings().get(surname) or _syllables(surname)
    words = [family.capitalize()] + ([_syllables(given).capitalize()] if given else [])
    return " ".join(w for w in words if w)


def title_romanised(name: str) -> str:
    """"CHOU en-lai" -> "Chou En-lai": each word capitalised, the rest lower case."""
    words = unicodedata.normalize("NFKC", name).split()
    return " ".join(_cap_first(w) for w in words)


def _cap_first(word: str) -> str:
    return word[:1].upper() + word[1:].lower() if word else word


@lru_cache(maxsize=1)
def pinyin_syllables() -> frozenset[str]:
    return frozenset(row[0] for row in _rows("pinyin_syllables.txt"))


@lru_cache(maxsize=1)
def surname_spellings() -> dict[str, tuple[str, ...]]:
    """Romanised surname (lower case, any system) -> simplified hanzi surnames it may stand for."""
    spellings: dict[str, set[str]] = {}
    for row in _rows("surnames_zh.txt"):
        spellings.setdefault(strip_accents(row[3]).lower(), set()).add(row[1])
    for row in _rows("surname_romanisations.tsv"):
        for cell in row[1:]:
            for spelling in filter(None, cell.split(";")):
                spellings.setdefault(strip_accents(spelling).lower(), set()).add(row[0])
    return {k: tuple(sorted(v)) for k, v in spellings.items()}


def splits_into_syllables(word: str) -> bool:
    """True when `word` (e.g. "Jinping", "Min'er") is a run of valid pinyin syllables."""
    word = strip_accents(word).lower().replace("'", "").replace("’", "").replace("-", "")
    syllables = pinyin_syllables() | {s.replace("ü", "u") for s in pinyin_syllables()}
    reachable = [True] + [False] * len(word)
    for end in range(1, len(word) + 1):
        reachable[end] = any(reachable[start] and word[start:end] in syllables
                             for start in range(max(0, end - 6), end))
    return bool(word) and reachable[-1]


def looks_like_pinyin_name(name: str) -> bool:
    """"Xi Jinping", "Ouyang Song": a known surname spelling, then one pinyin given name."""
    words = name.split()
    if len(words) != 2 or not all(w[:1].isupper() for w in words):
        return False
    return strip_accents(words[0]).lower() in surname_spellings() and splits_into_syllables(words[1])
