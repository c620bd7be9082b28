"""Analyst edits: kept beside the extracted values (fact.edits) and laid over them when read.

The extracted columns stay as the extractor wrote them, so re-extraction can compare like with
like, while every reader (list_facts, the export) sees the analyst's corrections.
"""
from __future__ import annotations

import re

from ..records import EVENT_TYPES, ROLES
from .models import StoredFact

EDITABLE = ("role", "event_type", "date", "person_name", "group_name", "to_group_name")
_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
_FOR_KIND = {"membership": {"role", "person_name", "group_name"},
             "event": {"event_type", "date", "group_name", "to_group_name"}}
# The SQL twin of effective_values()["role"]; db/migrations/0001 indexes this exact expression.
EFFECTIVE_ROLE_SQL = "coalesce(json_extract(fact.edits, '$.role'), fact.role)"


def extracted_values(row: StoredFact) -> dict:
    return {"role": row.role, "event_type": row.event_type, "date": row.date,
            "person_name": row.person_surface, "group_name": row.group_surface,
            "to_group_name": row.to_group_surface}


def effective_values(row: StoredFact) -> dict:
    return {**extracted_values(row), **(row.edits or {})}


def validated(row: StoredFact, changes: dict) -> dict:
    """`changes` checked against the fact's kind; raises ValueError naming the bad field."""
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ValueError(f"not editable: {', '.join(sorted(unknown))} (editable: {', '.join(EDITABLE)})")
    wrong_kind = set(changes) - _FOR_KIND[row.kind]
    if wrong_kind:
        raise ValueError(f"a {row.kind} fact has no {', '.join(sorted(wrong_kind))}")
    clean = {}
    for name, value in changes.items():
        value = value.strip() if isinstance(value, str) else value
        if not value:
            raise ValueError(f"{name} cannot be empty")
        if name == "role" and value not in ROLES:
            raise ValueError(f"role must be one of {', '.join(ROLES)}")
        if name == "event_type" and value not in EVENT_TYPES:
            raise ValueError(f"event_type must be one of {', '.join(EVENT_TYPES)}")
        if name == "date" and not _DATE.match(value):
            raise ValueError("date must be YYYY, YYYY-MM or YYYY-MM-DD")
        clean[name] = value
    return clean


def merged_edits(row: StoredFact, changes: dict) -> dict:
    """The new overlay: an edit back to the extracted value removes that edit."""
    extracted = extracted_values(row)
    edits = {**(row.edits or {}), **changes}
    return {k: v for k, v in edits.items() if v != extracted[k]}
