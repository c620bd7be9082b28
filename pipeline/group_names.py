"""Group-name keys: how two spellings of one body's name are made to compare equal.

normalise_group_name folds script, case, punctuation and the usual English variations;
content_key keeps only a name's body type and content words, for word-order variants.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from pipeline.names import has_cjk, strip_accents, to_simplified

_PARTY = r"(?:chinese communist party|communist party of china|ccp|cpc|communist party|party)"
_REWRITES: tuple[tuple[re.Pattern, str], ...] = tuple((re.compile(p), r) for p, r in (
    (r"^the ", ""),
    (r"^state council s ", "state council "),
    (rf"^{_PARTY} central committee (?:s )?", "central "),
    (rf"^{_PARTY} (?:s )?(?=central )", ""),
    (r"\b(?:leading small|small leading|leadership small|leadership|leading) group\b", "leading group"),
    (r"\blsg\b", "leading group"),
    (r"\breforms\b", "reform"),
    (r"\bmacao\b", "macau"),
    (r"\bcyber security\b", "cybersecurity"),
    (r"\bon\b", "for"),
    (r"^中国共产党中央委员会|^中共中央|^党中央", "中央"),
    (r"^中共", ""),
))
# Trailing "of the CPC Central Committee" / "under the State Council" say the same as a prefix.
_CENTRAL_SUFFIX = re.compile(rf" (?:of|under) the (?:{_PARTY}(?: central committee)?|"
                             rf"central committee(?: of the {_PARTY})?)$")
_COUNCIL_SUFFIX = re.compile(r" (?:of|under) the state council$")
_NON_WORD = re.compile(r"[^0-9a-z\u3400-\u9fff]+")
_CJK_GAP = re.compile(r"(?<=[\u3400-\u9fff]) (?=[\u3400-\u9fff])")

_STOP_EN = frozenset("the of for on and to central leading small group groups coordination "
                     "coordinating commission committee office ccp cpc chinese communist party s "
                     "work affairs national state council china lsg".split())
_STOP_ZH = ("中央", "领导小组", "协调小组", "委员会", "办公室", "小组", "工作", "领导", "国务院", "国家")


@lru_cache(maxsize=65536)
def normalise_group_name(surface: str) -> str:
    """Lookup key for a group name: NFKC, simplified, no accents or case, punctuation folded."""
    text = strip_accents(to_simplified(unicodedata.normalize("NFKC", surface))).lower()
    text = _NON_WORD.sub(" ", text.replace("&", " and ")).strip()
    text = _CJK_GAP.sub("", text)
    for pattern, replacement in _REWRITES:
        text = pattern.sub(replacement, text)
    if _CENTRAL_SUFFIX.search(text):
        text = _CENTRAL_SUFFIX.sub("", text)
        text = text if text.startswith("central ") else "central " + text
    elif _COUNCIL_SUFFIX.search(text):
        text = "state council " + _COUNCIL_SUFFIX.sub("", text)
    return " ".join(text.split())


def body_type(surface: str) -> str:
    """office | commission | group, by the head noun of the name."""
    text = to_simplified(surface).lower().strip()
    head = re.split(r"\b(?:for|on|of|to|under)\b", text, maxsplit=1)[0] if text[:1].isascii() else text
    if re.search(r"\boffice\b", head) or text.endswith(("office", "办公室", "办")):
        return "office"
    if re.search(r"\b(?:commission|committee)\b", head) or text.endswith(("commission", "委员会", "委")):
        return "commission"
    return "group"


def guess_kind(surface: str) -> str:
    text = to_simplified(surface).lower()
    kind = body_type(surface)
    if kind != "group":
        return kind
    if re.search(r"\bsub-?groups?\b|\bspecial(?:ised|ized)? group\b", text) or "专项小组" in text:
        return "subgroup"
    # A bare 组 ("study group") is not necessarily a leading body; 小组 is.
    if re.search(r"\b(?:group|lsg)\b", text) or text.endswith("小组"):
        return "leading_group"
    return "other_body"


def content_key(surface: str) -> tuple[str, frozenset[str]]:
    """Body type and content words: the names of one body written in another word order."""
    key = normalise_group_name(surface)
    words = {w for w in key.split() if w not in _STOP_EN and not has_cjk(w)}
    for chunk in (w for w in key.split() if has_cjk(w)):
        for stop in _STOP_ZH:
            chunk = chunk.replace(stop, "")
        if chunk:
            words.add(chunk)
    return body_type(surface), frozenset(words)
