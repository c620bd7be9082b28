"""Word lists and gazetteer look-ups the English components share, each loaded once."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from pipeline import names, resolve
from pipeline.records import GroupRef, PersonRef

MODELS = Path(__file__).resolve().parents[3] / "models"
PATTERN_DIR = MODELS / "patterns"
NAMES_DIR = MODELS / "names"


_LEADING_GROUP_END = re.compile(r"(?i)\b(?:leading\s+(?:small\s+)?group|small\s+leading\s+group|lsg)$")


def _lines(path: Path) -> list[str]:
    return [line.strip() for line in path.read_text("utf-8").splitlines()
            if line.strip() and not line.lstrip().startswith("#")]


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    """Romanised surnames in any system (pinyin, Wade-Giles, Cantonese), capitalised as in text."""
    spellings = names.surname_spellings()
    return frozenset(s[:1].upper() + s[1:] for s in spellings if s.isalpha() or "-" in s)


@lru_cache(maxsize=1)
def titles() -> tuple[str, ...]:
    """Title phrases, lower-cased, longest first."""
    return tuple(sorted({t.lower() for t in _lines(NAMES_DIR / "en_titles.txt")}, key=len, reverse=True))


@lru_cache(maxsize=1)
def _non_group_patterns() -> tuple[re.Pattern, ...]:
    return tuple(re.compile(line, re.I) for line in _lines(PATTERN_DIR / "en_non_groups.txt"))


@lru_cache(maxsize=32768)
def non_group(surface: str) -> bool:
    """True for state organs, ministries and the like, which are never LSG-type groups."""
    if _LEADING_GROUP_END.search(surface):  # "Central Military Commission Reform Leading Group" is a group
        return False
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


@lru_cache(maxsize=32768)
def group_ref(surface: str) -> GroupRef:
    """The gazetteer's view of a group name (shared: callers copy before changing it)."""
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
