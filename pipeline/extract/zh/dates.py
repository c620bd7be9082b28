"""Dates in Chinese text at the precision written: 2013年4月29日, 2013年4月, 2021年, 1月26日.

A month-day date takes its year from the document's date (ParsedDocument.published, else
the dateline in the first lines), stepping back a year when that would put it in the future;
without either, from the last year written (a narrative). 同月/同日 repeat the last date's
month or day.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.extract.zh.facts import doc_text

_DIGITS = {ch: i for i, ch in enumerate("〇一二三四五六七八九")} | {"零": 0}
_YEAR = r"(?P<y>(?:19|20)\d{2}|[〇零一二三四五六七八九]{4})\s*年"
_MONTH = r"(?P<m>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])\s*月"
_DAY = r"(?P<d>3[01]|[12]\d|0?[1-9]|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])\s*[日号]"
# A year named relative to the document's date (今年) or to the last year written (同年, 次年).
_RELATIVE_YEAR = {"今年": ("reference", 0), "本年": ("reference", 0), "去年": ("reference", -1),
                  "上年": ("reference", -1), "前年": ("reference", -2), "同年": ("context", 0),
                  "当年": ("context", 0), "是年": ("context", 0), "次年": ("context", 1),
                  "翌年": ("context", 1), "第二年": ("context", 1)}
_REL = "|".join(_RELATIVE_YEAR)
# A day named relative to the dateline (press style: 昨日在北京召开).
_RELATIVE_DAY = {"今日": 0, "今天": 0, "昨日": -1, "昨天": -1, "前日": -2, "前天": -2}
# A month or day named relative to the last date written (同月, 当日): that date's month or day.
_SAME_MONTH = ("同月", "当月", "是月")
_SAME_DAY = ("同日", "当日", "是日")
_DATE = re.compile(
    rf"(?P<rday>{'|'.join(_RELATIVE_DAY)})(?![\d一二三四五六七八九十])"
    rf"|(?P<smon>{'|'.join(_SAME_MONTH)})(?:\s*(?P<smd>3[01]|[12]\d|0?[1-9])\s*[日号])?"
    rf"|(?P<sday>{'|'.join(_SAME_DAY)})(?![\d一二三四五六七八九十])"
    rf"|(?P<rel>{_REL})(?:\s*(?P<rm>1[0-2]|0?[1-9])\s*月(?:\s*(?P<rd>3[01]|[12]\d|0?[1-9])\s*[日号])?)?"
    rf"|(?P<iso>(?P<iy>(?:19|20)\d{{2}})[-/.](?P<im>1[0-2]|0?[1-9])[-/.](?P<id>3[01]|[12]\d|0?[1-9]))(?!\d)"
    rf"|(?<![\d.])(?P<ym>(?P<yy>(?:19|20)\d{{2}})[-/.](?P<ymm>1[0-2]|0[1-9]))(?![\d.\-/])"
    rf"|{_YEAR}(?!代|来|度)(?:\s*{_MONTH}(?:\s*{_DAY})?)?"
    rf"|(?<![\d年])(?P<bm>1[0-2]|0?[1-9])\s*月\s*(?P<bd>3[01]|[12]\d|0?[1-9])\s*[日号]"
    rf"|(?<![\d月.\-/])(?P<dd>3[01]|[12]\d|0?[1-9])日(?!\d)"
)
_HEAD_LINES = 6
_NEAR_YEAR = 20  # characters after a written year within which a month-day date is that year's
_FUTURE_SLACK_DAYS = 31


def chinese_number(text: str) -> int:
    """'二〇一三' -> 2013, '二十九' -> 29, '十二' -> 12, '29' -> 29."""
    if text.isdigit():
        return int(text)
    if "十" not in text:
        return int("".join(str(_DIGITS[ch]) for ch in text))
    tens, _, ones = text.partition("十")
    return (_DIGITS[tens] if tens else 1) * 10 + (_DIGITS[ones] if ones else 0)


def find_dates(text: str, reference: str | None = None) -> list[tuple[int, int, str]]:
    """(start, end, 'YYYY[-MM[-DD]]') for every date; month-day dates need `reference`, or a
    year written just before them ("2023年第一次全体会议2月10日召开")."""
    found: list[tuple[int, int, str]] = []
    for match in _DATE.finditer(text):
        context = found[-1][2][:4] if found else None
        near = found[-1][2] if found and match.start() - found[-1][1] <= _NEAR_YEAR else None
        if match["smon"] or match["sday"]:
            value = _same_as(match, found[-1][2] if found else "")
        elif match["rday"]:
            value = _relative_day(match["rday"], reference)
        elif match["rel"]:
            value = _relative(match, reference, context)
        elif near:  # the day within the date just written; the month-day within its year
            value = _value(match, near if match["dd"] else near[:4])
        else:  # no dateline: a month-day in a narrative is in the last year written
            value = _value(match, reference or context)
        if value:
            found.append((match.start(), match.end(), value))
    return found


def _same_as(match: re.Match, last: str) -> str | None:
    """同月 (同月20日) within the last date's month, 同日 that date's day; None if not that precise."""
    if match["sday"]:
        return last if len(last) == 10 else None
    if len(last) < 7:
        return None
    return last[:7] + (f"-{int(match['smd']):02d}" if match["smd"] else "")


def _relative_day(word: str, reference: str | None) -> str | None:
    """昨日 = the day before the dateline; needs a dateline with its day."""
    if not reference or len(reference) < 10:
        return None
    day = date.fromisoformat(reference) + timedelta(days=_RELATIVE_DAY[word])
    return day.isoformat()


def _relative(match: re.Match, reference: str | None, context: str | None) -> str | None:
    """今年1月22日 from the document's year; 同年5月16日 / 次年 from the last year written."""
    base, offset = _RELATIVE_YEAR[match["rel"]]
    year = reference if base == "reference" else context
    if not year:
        return None
    month = int(match["rm"]) if match["rm"] else None
    return _format(int(year[:4]) + offset, month, int(match["rd"]) if match["rd"] and month else None)


def _value(match: re.Match, reference: str | None) -> str | None:
    if match["iso"]:
        return _format(int(match["iy"]), int(match["im"]), int(match["id"]))
    if match["ym"]:  # 2003-10 (infobox year-month)
        return _format(int(match["yy"]), int(match["ymm"]), None)
    if match["y"]:
        year = chinese_number(match["y"])
        month = chinese_number(match["m"]) if match["m"] else None
        day = chinese_number(match["d"]) if match["d"] else None
        return _format(year, month, day)
    if not reference:
        return None
    year = int(reference[:4])
    if match["dd"]:  # "韩正1日主持…": the day of the document's month
        if len(reference) < 10 or int(match["dd"]) > int(reference[8:10]):
            return None  # a later day than the dateline is last month's: too unsure
        return _format(year, int(reference[5:7]), int(match["dd"]))
    month, day = int(match["bm"]), int(match["bd"])
    if len(reference) >= 7 and _after(year, month, day, reference):
        year -= 1
    return _format(year, month, day)


def _after(year: int, month: int, day: int, reference: str) -> bool:
    try:
        ref = date.fromisoformat(reference if len(reference) == 10 else reference + "-28")
        return (date(year, month, day) - ref).days > _FUTURE_SLACK_DAYS
    except ValueError:
        return False


def _format(year: int, month: int | None, day: int | None) -> str | None:
    if not 1900 <= year <= 2100 or (month and not 1 <= month <= 12) or (day and not 1 <= day <= 31):
        return None
    if month is None:
        return f"{year:04d}"
    return f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else "")


def document_date(text: str, published: str | None) -> str | None:
    """The date the document speaks from: its published date, else a dated line near the top."""
    if published:
        return published
    head = "\n".join(text.splitlines()[:_HEAD_LINES])
    dated = [value for _, _, value in find_dates(head) if len(value) >= 7]
    return dated[0] if dated else None


class DateFinder:
    """Marks dates: doc._.zh_dates = [(start, end, value)] and doc.spans['zh_dates']."""

    def __call__(self, doc: Doc) -> Doc:
        reference = document_date(doc_text(doc), doc._.zh_published)
        doc._.zh_dates = find_dates(doc_text(doc), reference)
        spans = []
        for start, end, value in doc._.zh_dates:
            span = doc.char_span(start, end, label="DATE", alignment_mode="expand")
            if span is not None:
                span._.zh_value = value
                spans.append(span)
        doc.spans["zh_dates"] = spans
        return doc


@Language.factory("zh_dates")
def make_date_finder(nlp: Language, name: str) -> DateFinder:
    return DateFinder()
