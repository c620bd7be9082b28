"""A same-length simplified copy of a Chinese text for matching, and a mojibake check.

Every rule matches on the copy; offsets are shared with the original, so evidence and
names are cut from the original characters (traditional stays traditional).
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from opencc import OpenCC

_NAMES_DIR = Path(__file__).resolve().parents[3] / "models" / "names"
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# UTF-8 bytes read as latin-1/cp1252 leave lead bytes (Ã-ï) followed by continuation bytes.
_LATIN_MOJIBAKE = re.compile(r"[\u00c2-\u00ef][\u0080-\u00bf\u2018-\u203a\u0152-\u0178\u20ac]")
_RARE_SHARE = 0.25  # real Chinese prose keeps well under 5% outside the common set
_MIN_HANZI = 20


@lru_cache(maxsize=1)
def _t2s() -> OpenCC:
    return OpenCC("t2s")


@lru_cache(maxsize=1)
def common_hanzi() -> frozenset[str]:
    path = _NAMES_DIR / "zh_common_chars.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset("".join(line for line in lines if not line.startswith("#")))


@lru_cache(maxsize=8192)
def _char_form(ch: str) -> str:
    folded = unicodedata.normalize("NFKC", ch)
    if len(folded) != 1:
        folded = ch
    if folded in "\u00a0\u3000\u2002\u2003\u2009":
        return " "
    if _CJK.match(folded):
        simple = _t2s().convert(folded)
        return simple if len(simple) == 1 else folded
    return folded


def simplified_copy(text: str) -> str:
    """NFKC width-folding + traditional->simplified, never changing the length."""
    folded = "".join(_char_form(ch) for ch in text)
    # Whole-text conversion uses phrase context (e.g. 乾 in 乾隆 vs 乾燥); keep it only
    # when it preserves the length, else the char-by-char result stands.
    phrased = _t2s().convert(folded)
    return phrased if len(phrased) == len(folded) else folded


def mojibake_reason(text: str) -> str | None:
    """Why `text` looks like it was decoded with the wrong codec, or None when it looks fine."""
    if text.count("\ufffd") >= 5:
        return f"{text.count(chr(0xfffd))} replacement characters"
    latin = len(_LATIN_MOJIBAKE.findall(text))
    if latin >= 5 and latin * 4 > len(_CJK.findall(text)):
        return f"{latin} UTF-8 byte pairs shown as Latin-1 characters"
    hanzi = [ch for ch in simplified_copy(text) if _CJK.match(ch)]
    if len(hanzi) >= _MIN_HANZI:
        common = common_hanzi()
        rare = sum(ch not in common for ch in hanzi)
        if rare / len(hanzi) > _RARE_SHARE:
            return f"{rare} of {len(hanzi)} hanzi are rare characters (wrong codec?)"
    return None
