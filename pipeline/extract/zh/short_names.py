"""Short names of a body the text names in full: press abbreviations (金融委, 深改组) and a
short name without its 中央/国务院 prefix (专委 for 中央专委)."""
from __future__ import annotations

import re

from pipeline.extract.zh.segmenter import pos_segmenter, segmenter_freq

PREFIXLESS = -1  # where a prefix-less short name is "given": nowhere, its uses count from the start
_ABBREVIATION_END = re.compile(r"委(?!员)|组(?![长员成])")
_ABBREVIATED_HEADS = (("委", "委员会"), ("组", "领导小组"), ("组", "小组"))
_NAME_PREFIXES = ("中共中央", "中央", "国务院", "国家", "全国")
_HANZI = re.compile(r"[\u3400-\u9fff]")


def abbreviations(text: str, found: dict, aliases: dict) -> dict[str, tuple[int, tuple[int, int]]]:
    """Press abbreviations of a body the text names in full: 金融委 for 国务院金融稳定发展
    委员会, 深改组 for 中央全面深化改革领导小组 (3-5 characters ending in 委/组, their
    characters in the order of the name's)."""
    full = [s for s in sorted(found) if not found[s][2]]
    taken = [range(s, e) for s, e in found]
    shorts: dict[str, tuple[int, tuple[int, int]]] = {}
    for match in _ABBREVIATION_END.finditer(text):
        if any(match.start() in r for r in taken):
            continue
        for length in (5, 4, 3):
            short = text[max(0, match.end() - length):match.end()]
            if len(short) < length or short in aliases or short in shorts or _dictionary_word(short):
                continue
            body = next((s for s in full if _abbreviates(short, text[s[0]:s[1]])), None)
            if body:
                shorts[short] = (0, body)
                break
    return shorts


def prefixless(text: str, found: dict, aliases: dict) -> dict[str, tuple[int, tuple[int, int]]]:
    """A short name without its 中央/国务院 prefix: 专委 for 中央专委, 测委 for 国务院测委 (a
    short name ending in 委/组 that the text or the gazetteer gives)."""
    named = {text[s:e]: (s, e) for (s, e), (_, group_id, bare) in found.items() if group_id and not bare}
    named.update({alias: body for alias, (_, body) in aliases.items()})
    shorts: dict[str, tuple[int, tuple[int, int]]] = {}
    for name, body in named.items():
        prefix = next((p for p in _NAME_PREFIXES if name.startswith(p)), "")
        rest = name[len(prefix):]
        if prefix and 2 <= len(rest) <= 4 and _ABBREVIATION_END.fullmatch(rest[-1]) \
                and rest not in aliases and not _dictionary_word(rest):
            shorts.setdefault(rest, (PREFIXLESS, body))
    return shorts


def _abbreviates(short: str, name: str) -> bool:
    """Is `short` (ending in 委 or 组) a press abbreviation of `name`?"""
    head = next((h for end, h in _ABBREVIATED_HEADS if short.endswith(end) and name.endswith(h)), None)
    if head is None or not all(_HANZI.match(ch) for ch in short):
        return False
    core = name[:-len(head)]
    core = core[len(next((p for p in _NAME_PREFIXES if core.startswith(p)), "")):]
    return short[0] in core[:4] and subsequence(short[:-1], core)


def _dictionary_word(word: str) -> bool:
    """A word of the general dictionary (工作组, 专家组, 军委), not an unlisted abbreviation."""
    tokenizer = pos_segmenter()
    return segmenter_freq(word) > 0 and not tokenizer.word_tag_tab.get(word, "").startswith(("nt", "j"))


def unprefixed(name: str) -> str:
    """The name without its 中央/国务院 prefix (a headline's 军改小组 for 中央军委…改革领导小组)."""
    return name[len(next((p for p in _NAME_PREFIXES if name.startswith(p)), "")):]


def subsequence(short: str, long: str) -> bool:
    chars = iter(long)
    return all(ch in chars for ch in short)
