"""Which date a Chinese event takes: 同月/同日 from the last date written, a month-day after a
written year when there is no dateline, not a date in a document's title (关于…的通知, 《…》),
not a later date in an "X成立后" clause, a reform plan's month for the items of its digest,
and "在Y的基础上设立" for the body a sentence defines.

Texts are our own sentences about real bodies.
"""
from __future__ import annotations

from tests.zh_extract_helpers import events

QUAKE = "国务院抗震救灾总指挥部"


def test_same_month_takes_the_month_of_the_last_date():
    text = "2008年5月12日，四川汶川发生特大地震。同月，国务院成立抗震救灾总指挥部，统一指挥抗震救灾工作。"
    assert (QUAKE, "established", "2008-05", None) in events(text)


def test_same_day_takes_the_last_full_date():
    text = "2008年5月12日，四川汶川发生特大地震。同日，国务院成立抗震救灾总指挥部。"
    assert (QUAKE, "established", "2008-05-12", None) in events(text)


def test_month_day_without_dateline_is_in_the_narrative_year():
    text = ("2020年初，新冠肺炎疫情在湖北暴发。\n\n1月25日，中共中央政治局常委会会议决定成立"
            "中央应对新型冠状病毒感染肺炎疫情工作领导小组。")
    assert any(event == "established" and date == "2020-01-25" for _, event, date, _ in events(text))


def test_date_in_a_documents_title_is_not_the_events():
    text = ("2018年3月，中共中央发出关于2018年至2022年机构改革工作的通知，决定将中央全面深化改革领导小组"
            "改为中央全面深化改革委员会。")
    assert events(text) == {("中央全面深化改革领导小组", "renamed", "2018-03", "中央全面深化改革委员会")}


def test_later_date_in_a_time_clause_dates_nothing():
    text = "国家能源委员会成立后，即着手审议2011年提出的能源发展规划。"
    assert events(text) == set()


def test_items_of_a_plan_digest_carry_the_plans_month():
    text = ("2023年3月，中共中央、国务院印发《党和国家机构改革方案》。以下摘编其中部分内容。\n\n"
            "●组建中央金融委员会。\n●不再保留国务院金融稳定发展委员会及其办事机构。")
    found = events(text)
    assert ("中央金融委员会", "established", "2023-03", None) in found
    assert ("国务院金融稳定发展委员会", "disbanded", "2023-03", None) in found


def test_set_up_on_the_basis_of_a_predecessor():
    text = "中央财经委员会是党中央决策议事协调机构，2018年在中央财经领导小组的基础上组建。"
    assert ("中央财经委员会", "established", "2018", None) in events(text)


def test_yesterday_is_the_day_before_the_publication_date():
    text = "【本报讯】中共中央昨日公布《党和国家机构改革方案》，宣布不再保留国务院金融稳定发展委员会。"
    assert events(text, published="2023-03-17") == {
        ("国务院金融稳定发展委员会", "disbanded", "2023-03-16", None)}


def test_meeting_on_a_day_of_the_datelines_month():
    text = "新华社北京2月10日电　国务院深化医药卫生体制改革领导小组第一次会议10日在北京召开。"
    assert events(text, published="2009-02-10") == {
        ("国务院深化医药卫生体制改革领导小组", "meeting", "2009-02-10", None)}
