"""Role and event words to highlight, read from the extractors' own pattern files in models/.

Stored ROLE mentions give exact spans when the extractor kept them; these words are the
fallback, so the review page and the extractor agree on what a role word is.
"""
from __future__ import annotations

import itertools
import json
from functools import lru_cache
from pathlib import Path

PATTERNS_DIR = Path(__file__).resolve().parents[2] / "models" / "patterns"
_MAX_PHRASES = 200  # per pattern: cartesian products of long IN lists stay small


@lru_cache(maxsize=1)
def role_words() -> dict[str, tuple[str, ...]]:
    words: dict[str, set[str]] = {}
    for row in _rows("en_roles.jsonl"):
        words.setdefault(row.get("label", ""), set()).update(_phrases(row.get("pattern", [])))
    for row in _rows("zh_roles.jsonl"):
        if row.get("role") and row.get("header"):
            words.setdefault(row["role"], set()).add(row["header"])
    return _frozen(words)


@lru_cache(maxsize=1)
def event_words() -> dict[str, tuple[str, ...]]:
    words: dict[str, set[str]] = {}
    for row in _rows("en_events.jsonl"):
        words.setdefault(row.get("label", ""), set()).update(_phrases(row.get("pattern", [])))
    for row in _rows("zh_events.jsonl"):
        if row.get("event") and row.get("verb"):
            words.setdefault(row["event"], set()).add(row["verb"])
    return _frozen(words)


def _rows(name: str) -> list[dict]:
    path = PATTERNS_DIR / name
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def _phrases(pattern: list[dict]) -> set[str]:
    """Every phrase a spaCy token pattern's required LOWER/ORTH tokens can spell."""
    options = []
    for token in pattern:
        if token.get("OP") in ("?", "*"):
            continue
        value = token.get("LOWER", token.get("ORTH"))
        choices = value.get("IN", []) if isinstance(value, dict) else [value] if value else []
        choices = [c for c in choices if isinstance(c, str) and any(ch.isalnum() for ch in c)]
        if not choices:
            return set()  # a punctuation or attribute-only token: not a phrase we can search
        options.append(choices)
    return {" ".join(p) for p in itertools.islice(itertools.product(*options), _MAX_PHRASES)}


def _frozen(words: dict[str, set[str]]) -> dict[str, tuple[str, ...]]:
    return {label: tuple(sorted(found, key=len, reverse=True)) for label, found in words.items()
            if label and found}
