"""Find dates in English text and normalise them at the precision the text gives.

"June 10, 1999" -> 1999-06-10, "November 2013" -> 2013-11, "in early 2019" -> 2019.
Dates without a year ("On 15 May", "on Tuesday", "last month") are resolved against the
document's date (doc.user_data["published"], else a dateline near the top); with no reference
they are dropped. Result: doc._.lsg_dates, a list of DateMention in text order.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from dateparser.date import DateDataParser
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.extract.en.doc_text import text_of

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d{2}|20\d{2})"
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# (precision, needs a reference date, pattern); earlier patterns win over later overlapping ones.
_PATTERNS: tuple[tuple[str, bool, re.Pattern], ...] = tuple((p, r, re.compile(x)) for p, r, x in (
    ("day", False, rf"\b{_MONTH}\s+{_DAY},?\s+\({_YEAR}\)"),  # agency datelines: "BEIJING, Sept 28 (2020) -"
    ("day", False, rf"\b{_MONTH}\s+{_DAY}(?:\s*[-–]\s*\d{{1,2}})?,?\s+{_YEAR}\b"),
    ("day", False, rf"\b{_DAY}\s+{_MONTH},?\s+{_YEAR}\b"),
    ("iso", False, rf"\b{_YEAR}[-/]\d{{1,2}}[-/]\d{{1,2}}\b"),
    ("month", False, rf"\b{_MONTH},?\s+{_YEAR}\b"),
    ("day", True, rf"\b{_MONTH}\s+{_DAY}\b(?!\s*,?\s*\d)"),
    ("day", True, rf"\b{_DAY}\s+{_MONTH}(?!\s*,?\s*\d)"),
    ("month", True, rf"(?<=\bin\s){_MONTH}(?!\s*,?\s*\d)"),
    ("weekday", True, r"\b(?:[Oo]n\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"),
    ("relative", True, r"\b(?:[Ll]ast|[Tt]his)\s+(?:month|year)\b"),
    ("year", False, rf"(?<!\d[-–])\b{_YEAR}\b(?!\s*[-/–]\d)"),  # not the ends of a span: "the 2020-2022 plan"
))
_DATELINE = re.compile("|".join(p.pattern for _, _, p in _PATTERNS[:4]))

if not Doc.has_extension("lsg_dates"):
    Doc.set_extension("lsg_dates", default=None)


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    value: str  # YYYY | YYYY-MM | YYYY-MM-DD
    relative: bool  # resolved against the document date


class Dates:
    def __call__(self, doc: Doc) -> Doc:
        reference = reference_date(doc.user_data.get("published"), text_of(doc))
        found: list[DateMention] = []
        taken: list[tuple[int, int]] = []
        for precision, relative, pattern in _PATTERNS:
            for m in pattern.finditer(text_of(doc)):
                if any(m.start() < e and s < m.end() for s, e in taken):
                    continue
                value = normalise(m.group(), precision, reference if relative else None)
                if value and (not relative or reference):
                    taken.append((m.start(), m.end()))
                    found.append(DateMention(m.start(), m.end(), value, relative))
        found.sort(key=lambda d: d.start)
        doc._.lsg_dates = sorted(found + _anaphoric_dates(text_of(doc), found, taken), key=lambda d: d.start)
        return doc


_ANAPHORIC = re.compile(r"\b(?:[Tt]hat|[Tt]he\s+same|[Tt]he\s+following|[Tt]he\s+next)\s+(?P<unit>month|year)\b")


def _anaphoric_dates(text: str, found: list[DateMention], taken: list[tuple[int, int]]) -> list[DateMention]:
    """"Later that month", "the same year", "the following year": the last date written out before it."""
    resolved: list[DateMention] = []
    for m in _ANAPHORIC.finditer(text):
        if any(m.start() < e and s < m.end() for s, e in taken):
            continue
        earlier = [d for d in found if d.end <= m.start() and not d.relative]
        if not earlier or m.start() - earlier[-1].end > 1500:
            continue
        value = earlier[-1].value
        following = m.group().lower().startswith(("the following", "the next"))
        if m.group("unit") == "year":
            value = str(int(value[:4]) + following)
        elif len(value) >= 7:
            year, month = int(value[:4]), int(value[5:7]) + following
            value = f"{year + (month > 12):04d}-{(month - 1) % 12 + 1:02d}"
        else:
            continue
        resolved.append(DateMention(m.start(), m.end(), value, True))
    return resolved


def reference_date(published: str | None, text: str) -> date | None:
    """The document's date: its published date when full, else a full date in its first lines."""
    if published and len(published) == 10:
        try:
            return date.fromisoformat(published)
        except ValueError:
            pass  # not ISO: look for a dateline instead
    value = dateline(text)
    return date.fromisoformat(value) if value else None


def dateline(text: str) -> str | None:
    """The full date (YYYY-MM-DD) in a text's first lines, if any: its dateline."""
    m = _DATELINE.search(text[:400])
    if m:
        value = normalise(m.group(), "iso" if m.group()[:1].isdigit() and "-" in m.group()[:5] else "day", None)
        if value and len(value) == 10:
            return value
    return None


def normalise(expression: str, precision: str, reference: date | None) -> str | None:
    lowered = expression.lower()
    if precision == "year":
        return expression[-4:] if expression[-4:].isdigit() else None
    if precision == "iso":
        y, mth, d = (int(x) for x in re.split(r"[-/]", expression))
        return f"{y:04d}-{mth:02d}-{d:02d}" if 1 <= mth <= 12 and 1 <= d <= 31 else None
    if precision == "weekday" and reference:
        weekday = next(i for i, w in enumerate(_WEEKDAYS) if w in lowered)
        return (reference - timedelta(days=(reference.weekday() - weekday) % 7)).isoformat()
    if precision == "relative" and reference:
        if "year" in lowered:
            return str(reference.year - (1 if "last" in lowered else 0))
        month = date(reference.year, reference.month, 1)
        if "last" in lowered:
            month = (month - timedelta(days=1)).replace(day=1)
        return month.isoformat()[:7]
    if precision in ("weekday", "relative"):
        return None
    expression = re.sub(r"(?<=\d)\s*[-–]\s*\d{1,2}(?=,?\s)", "", expression)  # "Oct. 30-31" -> "Oct. 30"
    expression = expression.replace("(", "").replace(")", "")
    parsed = _parse(expression, reference.isoformat() if reference else None)
    if parsed is None:
        return None
    when, period = parsed
    if reference and len(re.findall(r"\d{4}", expression)) == 0 and when > reference:
        when = when.replace(year=when.year - 1)  # "in November", written in January: last year's
    return when.isoformat()[: {"day": 10, "month": 7, "year": 4}.get(period, 10)]


@lru_cache(maxsize=4096)
def _parse(expression: str, reference: str | None) -> tuple[date, str] | None:
    settings = {"PREFER_DAY_OF_MONTH": "first"}
    if reference:
        settings["RELATIVE_BASE"] = datetime.fromisoformat(reference)
    try:
        data = _parser(tuple(sorted(settings.items(), key=str))).get_date_data(expression)
    except (ValueError, OverflowError):
        return None
    if data is None or data.date_obj is None:
        return None
    return data.date_obj.date(), data.period or "day"


@lru_cache(maxsize=64)
def _parser(settings: tuple) -> DateDataParser:
    return DateDataParser(languages=["en"], settings=dict(settings))


@Language.factory("lsg_dates")
def make_dates(nlp: Language, name: str) -> Dates:
    return Dates()
