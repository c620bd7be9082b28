"""Publication dates from a document's first lines (datelines, "Posted:", 2020年01月26日 ...).

Returns ISO strings at the precision the text gives: YYYY-MM-DD or YYYY-MM.
"""
from __future__ import annotations

import re
from functools import lru_cache

from dateparser.date import DateDataParser

_NUMERIC_DAY = re.compile(
    r"(?<!\d)((?:19|20)\d\d)\s*(?:[-/.]\s*(\d{1,2})\s*[-/.]|年\s*(\d{1,2})\s*月)\s*(\d{1,2})(?!\d)")
_CHINESE_MONTH = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月")
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
_ENGLISH = re.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\.?,?\s+|{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+"
    rf"|{_MONTH}\.?\s+)(?:19|20)\d\d\b", re.IGNORECASE)


# A dateline is a short line, or a date at the very start of a line; a date deeper into a
# long line belongs to prose ("the commission, created on March 21, 2018, ...").
DATELINE_MAX_CHARS = 80
DATELINE_REACH = 40


def find_published(text: str, max_lines: int = 5) -> str | None:
    """The first dateline date in the first `max_lines` non-empty lines, or None."""
    lines = [line for line in text.splitlines() if line.strip()][:max_lines]
    for line in lines:
        line = line.strip()
        if len(line) > DATELINE_MAX_CHARS:
            line = line[:DATELINE_REACH]
        found = _numeric(line) or _english(line)
        if found:
            return found
    return None


def _numeric(line: str) -> str | None:
    match = _NUMERIC_DAY.search(line)
    if match:
        year, month, day = int(match[1]), int(match[2] or match[3]), int(match[4])
        if 1 <= month <= 12 and 1 <= day <= 31:
            return f"{year:04d}-{month:02d}-{day:02d}"
    match = _CHINESE_MONTH.search(line)
    if match and 1 <= int(match[2]) <= 12:
        return f"{int(match[1]):04d}-{int(match[2]):02d}"
    return None


def _english(line: str) -> str | None:
    for match in _ENGLISH.finditer(line):
        data = _parser().get_date_data(match[0])
        if data.date_obj is None:
            continue
        if data.period == "month":
            return data.date_obj.strftime("%Y-%m")
        if data.period == "year":
            return data.date_obj.strftime("%Y")
        return data.date_obj.strftime("%Y-%m-%d")
    return None


@lru_cache(maxsize=1)
def _parser() -> DateDataParser:
    return DateDataParser(languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first"})
