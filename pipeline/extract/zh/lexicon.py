"""Word lists and patterns for the Chinese rules, read once from models/ (all simplified)."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.names import compound_surnames

MODELS = Path(__file__).resolve().parents[3] / "models"
_CJK_WORD = re.compile(r"^[\u3400-\u9fff]{1,2}$")
_WORK_COMMISSIONS = ("工作委员会", "工委")


def _jsonl(name: str) -> list[dict]:
    path = MODELS / "patterns" / name
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _words(path: Path) -> list[str]:
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


@dataclass(frozen=True)
class RoleHeader:
    header: str
    role: str | None  # None: a post we recognise but do not record (秘书长, 顾问...)
    bodies: str  # "any" | "commission" | "work_commission" (书记 heads a 工作委员会, not a 纪委)

    def role_for(self, group_kind: str | None, name: str = "") -> str | None:
        if self.bodies == "commission" and group_kind != "commission":
            return None
        if self.bodies == "work_commission" and not name.endswith(_WORK_COMMISSIONS):
            return None
        return self.role


@lru_cache(maxsize=1)
def role_headers() -> tuple[RoleHeader, ...]:
    """Longest first, so 常务副组长 wins over 副组长 and 组长."""
    headers = [RoleHeader(r["header"], r["role"], r["bodies"]) for r in _jsonl("zh_roles.jsonl")]
    return tuple(sorted(headers, key=lambda h: -len(h.header)))


@lru_cache(maxsize=1)
def role_verbs() -> dict[str, tuple[str, ...]]:
    """zh_role_verbs.jsonl by use (verb_before, by_close, takes_charge, ...), longest first."""
    found: dict[str, list[str]] = {}
    for row in _jsonl("zh_role_verbs.jsonl"):
        key, word = next(iter(row.items()))
        found.setdefault(key, []).append(word)
    return {key: tuple(sorted(words, key=len, reverse=True)) for key, words in found.items()}


@lru_cache(maxsize=1)
def event_rules() -> tuple[dict, ...]:
    return tuple(_jsonl("zh_events.jsonl"))


@lru_cache(maxsize=1)
def group_rules() -> dict[str, list]:
    """zh_groups.jsonl by rule type: suffix, bare, anaphor, drop_prefix, stop, non_group..."""
    rules: dict[str, list] = {}
    for row in _jsonl("zh_groups.jsonl"):
        kind = next(iter(row))
        rules.setdefault(kind, []).append(row if kind == "suffix" else row[kind])
    return rules


@lru_cache(maxsize=1)
def titles() -> tuple[str, ...]:
    """Posts written around names, longest first."""
    return tuple(sorted(set(_words(MODELS / "names" / "zh_titles.txt")), key=len, reverse=True))


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    """Single and compound hanzi surnames (any 1-2 hanzi field of models/names/surnames_zh.txt)."""
    found = set(compound_surnames())
    for line in _words(MODELS / "names" / "surnames_zh.txt"):
        found.update(field for field in re.split(r"[\t ,]+", line) if _CJK_WORD.match(field))
    return frozenset(found)
