"""One jieba tokenizer for the Chinese rules, built once, that knows the gazetteer's names."""
from __future__ import annotations

import logging
from functools import lru_cache

import jieba
import jieba.posseg

from pipeline.names import to_simplified
from pipeline.resolve import gazetteer_group_names, known_people

_USER_WORD_FREQ = 200000  # high enough that jieba keeps a known name in one piece


@lru_cache(maxsize=1)
def segmenter() -> jieba.Tokenizer:
    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    for surface, _ in gazetteer_group_names():
        if has_hanzi(surface):
            tokenizer.add_word(to_simplified(surface), _USER_WORD_FREQ, "nt")
    for hanzi in known_hanzi_people():
        tokenizer.add_word(hanzi, _USER_WORD_FREQ, "nr")
    return tokenizer


@lru_cache(maxsize=1)
def pos_segmenter() -> jieba.posseg.POSTokenizer:
    return jieba.posseg.POSTokenizer(segmenter())


@lru_cache(maxsize=1)
def known_hanzi_people() -> frozenset[str]:
    """Simplified hanzi names of the officials in the people gazetteer."""
    return frozenset(hanzi for _, hanzi in known_people() if hanzi)


def has_hanzi(text: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" for ch in text)


def segmenter_freq(word: str) -> int:
    """How often jieba's dictionary has seen `word` (0 for unknown words)."""
    return segmenter().FREQ.get(word) or 0
