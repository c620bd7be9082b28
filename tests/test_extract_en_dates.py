"""Date normalisation keeps the precision the text gives."""
from __future__ import annotations

from datetime import date

import pytest

from pipeline.extract.en.dates import normalise, reference_date
from tests.en_extract_helpers import event_dates, run


@pytest.mark.parametrize("expression,precision,expected", [
    ("June 10, 1999", "day", "1999-06-10"),
    ("10 July 2017", "day", "2017-07-10"),
    ("November 2013", "month", "2013-11"),
    ("2013-12-30", "iso", "2013-12-30"),
    ("2020/05/15", "iso", "2020-05-15"),
    ("1954", "year", "1954"),
])
def test_absolute_dates(expression, precision, expected):
    assert normalise(expression, precision, None) == expected


def test_relative_dates_resolve_against_the_reference():
    published = date(2022, 3, 2)  # a Wednesday
    assert normalise("on Tuesday", "weekday", published) == "2022-03-01"
    assert normalise("last month", "relative", published) == "2022-02"
    assert normalise("15 May", "day", date(2020, 5, 15)) == "2020-05-15"
    assert normalise("in November", "month", date(2014, 1, 24)) in ("2013-11",)


def test_relative_dates_without_reference_are_dropped():
    assert normalise("on Tuesday", "weekday", None) is None
    assert normalise("last month", "relative", None) is None


def test_reference_date_from_a_dateline():
    assert reference_date(None, "BEIJING, March 2, 2022 (Xinhua) -- The vice premier said") == date(2022, 3, 2)
    assert reference_date("2020-05-15", "") == date(2020, 5, 15)
    assert reference_date("2020-05", "no date here") is None


def test_malformed_published_date_falls_back_to_the_dateline():
    assert reference_date("2017/09/08", "Posted: Mar 3, 2016 9:05 AM") == date(2016, 3, 3)


def test_that_month_and_the_following_year_resolve_against_the_last_written_date():
    from pipeline.extract.en import load_nlp

    doc = load_nlp()("On 16 May 1966 the Politburo met. Later that month a group was set up, "
                     "and the following year it was expanded. In that year nothing else happened.")
    values = {doc.text[d.start:d.end]: d.value for d in doc._.lsg_dates}
    assert values["that month"] == "1966-05"
    assert values["the following year"] == "1967"
    assert values["that year"] == "1966"  # resolved against dates written out, not against other references


def test_dateline_with_bracketed_year():
    assert reference_date(None, "SHANGHAI, Nov 5 (2018) - China opened its first import expo.") == date(2018, 11, 5)


def test_weekday_resolved_from_a_dateline_outside_the_fact_paragraph():
    facts = run("BEIJING, Jan 10 (2022) - China set tighter goals for its economy this year.\n\n"
                "Han Zheng, who heads the Central Leading Group for Promoting the Coordinated Development of the "
                "Beijing-Tianjin-Hebei Region, spoke on Friday at the group's plenary meeting on the 2021-2025 "
                "plan.")
    assert event_dates(facts, "meeting") == {"2022-01-07"}


def test_plan_abolishing_a_group_is_dated_by_the_dateline():
    facts = run("BEIJING, March 21 (2018) - A party overhaul was published on Wednesday.\n\n"
                "The plan says the Central Leading Group for Financial and Economic Affairs will be turned into a "
                "commission, and the Central Leading Group for Stability Maintenance is to be abolished.")
    assert event_dates(facts, "disbanded") == {"2018-03-21"}
