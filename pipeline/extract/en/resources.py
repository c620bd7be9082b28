"""Word lists and gazetteer look-ups the English components share, each loaded once."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from pipeline import resolve
from pipeline.records import GroupRef, PersonRef

MODELS = Path(__file__).resolve().parents[3] / "models"
PATTERN_DIR = MODELS / "patterns"
NAMES_DIR = MODELS / "names"


def _word_list(path: Path) -> list[str]:
    words: list[str] = []
    for line in path.read_text("utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            words.extend([line.strip()] if " " in line.strip() and path.stem.endswith("titles")
                         else line.split())
    return words


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    return frozenset(_word_list(NAMES_DIR / "en_surnames.txt"))


@lru_cache(maxsize=1)
def pinyin_syllables() -> frozenset[str]:
    return frozenset(_word_list(NAMES_DIR / "en_pinyin_syllables.txt"))


@lru_cache(maxsize=1)
def titles() -> tuple[str, ...]:
    """Title phrases, lower-cased, longest first."""
    return tuple(sorted({t.lower() for t in _word_list(NAMES_DIR / "en_titles.txt")}, key=len, reverse=True))


@lru_cache(maxsize=1)
def _non_group_patterns() -> tuple[re.Pattern, ...]:
    lines = (PATTERN_DIR / "en_non_groups.txt").read_text("utf-8").splitlines()
    return tuple(re.compile(line.strip(), re.I) for line in lines if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=32768)
def non_group(surface: str) -> bool:
    """True for state organs, ministries and the like, which are never LSG-type groups."""
    if any(p.search(surface) for p in _non_group_patterns()):
        return True
    try:
        return resolve.is_not_group(surface)
    except FileNotFoundError:
        return False


def gazetteer_names() -> list[tuple[str, str]]:
    try:
        return resolve.gazetteer_group_names()
    except FileNotFoundError:
        return []


def group_ref(surface: str) -> GroupRef:
    try:
        return resolve.resolve_group(surface)
    except FileNotFoundError:
        return GroupRef(name=surface)


def parent_group(ref: GroupRef) -> GroupRef | None:
    """The group an office serves, when the gazetteer knows it."""
    if not ref.gazetteer_id:
        return None
    entry = resolve.group_by_id(ref.gazetteer_id) or {}
    parent = entry.get("parent")
    parent_entry = resolve.group_by_id(parent) if parent else None
    return group_ref(parent_entry["canonical"]) if parent_entry else None


def person_ref(full_name: str, short_forms: list[str]) -> PersonRef:
    try:
        ref = resolve.resolve_person(full_name)
    except FileNotFoundError:
        ref = PersonRef(name=full_name, canonical=full_name)
    ref.aliases = list(dict.fromkeys([*ref.aliases, *(s for s in short_forms if s != full_name)]))
    return ref
