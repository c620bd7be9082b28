"""Dated events of groups in Chinese text: reform plans (组建, 改为, 不再设立/不再保留 with
lists), relative dates (今年, 同年, 次年), meetings with a date and place between group and verb,
encyclopedia history (成立的, 改称现名), and the wording that is no event.

Texts are our own sentences about real bodies.
"""
from __future__ import annotations

import pytest

from pipeline.extract.zh.dates import find_dates
from tests.zh_extract_helpers import events


@pytest.mark.parametrize("text, reference, expected", [
    ("今年1月22日", "2017-06-20", "2017-01-22"), ("去年12月", "2017-06-20", "2016-12"),
    ("1966年5月28日，又于同年5月16日", None, "1966-05-16"), ("2013年成立，次年3月", None, "2014-03"),
    ("2023年第一次全体会议2月10日召开", "2024-01-05", "2023-02-10"),  # the year just written wins
])
def test_relative_years(text, reference, expected):
    assert find_dates(text, reference)[-1][2] == expected


def test_relative_year_without_an_anchor_is_no_date():
    assert find_dates("同年5月，小组撤销。", None) == []


PLAN_2018 = """中共中央印发《深化党和国家机构改革方案》
本报北京3月22日电　2018年3月，中共中央印发了《深化党和国家机构改革方案》。
方案提出，组建中央全面依法治国委员会，组建中央审计委员会。
方案同时将中央网络安全和信息化领导小组、中央财经领导小组、中央外事工作领导小组分别改为中央网络安全和信息化委员会、中央财经委员会、中央外事工作委员会；中央全面深化改革领导小组改为中央全面深化改革委员会。
方案明确，不再设立中央维护海洋权益工作领导小组，不再设立中央社会治安综合治理委员会及其办公室、中央维护稳定工作领导小组及其办公室。
"""


def test_reform_plan_events_take_the_plan_month():
    found = events(PLAN_2018)
    expected = {
        ("中央全面依法治国委员会", "established", "2018-03", None),
        ("中央审计委员会", "established", "2018-03", None),
        ("中央网络安全和信息化领导小组", "renamed", "2018-03", "中央网络安全和信息化委员会"),
        ("中央财经领导小组", "renamed", "2018-03", "中央财经委员会"),
        ("中央外事工作领导小组", "renamed", "2018-03", "中央外事工作委员会"),
        ("中央全面深化改革领导小组", "renamed", "2018-03", "中央全面深化改革委员会"),
        ("中央维护海洋权益工作领导小组", "disbanded", "2018-03", None),
        ("中央社会治安综合治理委员会", "disbanded", "2018-03", None),
        ("中央维护稳定工作领导小组", "disbanded", "2018-03", None)}
    assert found == expected


def test_plan_with_lists_after_the_verb_and_the_group_before_it():
    text = ("2023年3月，中共中央、国务院印发《党和国家机构改革方案》。根据方案，组建中央金融委员会和中央科技委员会；"
            "不再保留国务院金融稳定发展委员会及其办事机构。\n"
            "2008年，按照国务院机构改革方案，国家能源领导小组及其办事机构不再保留。")
    assert events(text) == {("中央金融委员会", "established", "2023-03", None),
                            ("中央科技委员会", "established", "2023-03", None),
                            ("国务院金融稳定发展委员会", "disbanded", "2023-03", None),
                            ("国家能源领导小组", "disbanded", "2008", None)}


def test_renaming_by_a_predecessor_clause_and_a_bare_new_name():
    text = ("中央外事工作委員會由習近平擔任主任。該委員會前身為中央外事工作領導小組，"
            "2018年3月依照深化黨和國家機構改革方案改為委員會。")
    assert events(text) == {("中央外事工作领导小组", "renamed", "2018-03", "中央外事工作委员会")}


def test_year_of_a_decision_reported_later_in_the_year():
    text = ("2017年06月20日 来源：本报\n中央军民融合发展委员会第一次全体会议召开。\n"
            "今年1月22日，中共中央政治局召开会议，决定设立中央军民融合发展委员会。")
    assert ("中央军民融合发展委员会", "established", "2017-01-22", None) in events(text)


def test_same_year_and_a_long_authority_before_the_verb():
    text = ("1966年5月28日，中共中央决定成立中央测试工作小组。此前，“测试五人小组”（组长赵大海）"
            "已于同年5月16日由中共中央政治局扩大会议通过的《通知》宣布撤销。")
    found = events(text)
    assert ("测试五人小组", "disbanded", "1966-05-16", None) in found
    assert ("中央测试工作小组", "established", "1966-05-28", None) in found


def test_meeting_with_day_and_place_between_group_and_verb():
    text = "2018年8月16日　香港\n粵港澳大灣區建設領導小組15日在北京召開全體會議，韓正主持會議。"
    assert events(text) == {("粤港澳大湾区建设领导小组", "meeting", "2018-08-15", None)}


def test_yesterday_is_the_day_before_the_dateline():
    text = "2018年8月16日　香港\n\n【本報訊】粵港澳大灣區建設領導小組昨日在北京召開全體會議。"
    assert events(text) == {("粤港澳大湾区建设领导小组", "meeting", "2018-08-15", None)}
    assert find_dates("昨日召开", None) == []  # no dateline, no day


def test_xinhua_numbered_meeting_and_later_meeting_of_a_new_body():
    text = ("新华社北京2014年1月22日电　中央全面深化改革领导小组组长习近平1月22日下午主持召开"
            "中央全面深化改革领导小组第一次全体会议。中央国家安全委员会第一次会议于同年4月15日在北京召开。")
    assert events(text) == {("中央全面深化改革领导小组", "meeting", "2014-01-22", None),
                            ("中央国家安全委员会", "meeting", "2014-04-15", None)}


def test_a_meeting_referred_to_later_is_not_dated_by_the_later_sentence():
    text = "3月5日，省委召开会议，传达学习中央财经委员会第一次会议精神。2018年4月2日，中央财经委员会第一次会议召开。"
    assert events(text, "2018-06-01") == {("中央财经委员会", "meeting", "2018-04-02", None)}


def test_repeated_meetings_are_no_dated_event():
    text = "2018年起，国务院副总理韩正接任京津冀协同发展领导小组组长，多次主持召开领导小组会议。"
    assert events(text) == set()


def test_encyclopedia_history_sentences():
    text = ("国务院扶贫开发领导小组是国务院的议事协调机构，前身为1986年5月成立的国务院贫困地区经济开发领导小组，"
            "1993年12月改称现名。\n国家能源委员会于2010年1月设立。\n推动长江经济带发展领导小组成立于2014年。\n"
            "国务院三峡工程建设委员会在2018年党和国家机构改革中被撤销。")
    found = {(group, event, date) for group, event, date, _ in events(text)}
    assert {("国务院扶贫开发领导小组", "established", "1986-05"), ("国务院扶贫开发领导小组", "renamed", "1993-12"),
            ("国家能源委员会", "established", "2010-01"), ("推动长江经济带发展领导小组", "established", "2014"),
            ("国务院三峡工程建设委员会", "disbanded", "2018")} == found


def test_encyclopedia_definition_sentence_dates_its_subject():
    text = ("中央全面依法治国委员会是中共中央决策议事协调机构，2018年3月根据《深化党和国家机构改革方案》组建。"
            "2018年8月24日，中央全面依法治国委员会第一次会议在北京召开。")
    group = "中央全面依法治国委员会"
    assert events(text) == {(group, "established", "2018-03", None), (group, "meeting", "2018-08-24", None)}


def test_time_clause_takes_no_date_from_the_narrative():
    text = "2019年，领导小组召开会议。国务院测试协调领导小组成立后，各地相继设立了对应机构。"
    assert events(text) == {("国务院测试协调领导小组", "meeting", "2019", None)}


def test_a_newly_formed_body_meeting_is_no_establishment_on_that_day():
    text = ("新组建的中央审计委员会2018年5月23日下午在北京召开第一次会议。"
            "中央审计委员会是根据2018年3月印发的《深化党和国家机构改革方案》组建的。")
    assert events(text) == {("中央审计委员会", "meeting", "2018-05-23", None),
                            ("中央审计委员会", "established", "2018-03", None)}


def test_short_name_given_in_brackets_is_followed_and_a_new_term_is_no_new_body():
    text = ("2017年7月，全國金融工作會議宣布設立國務院金融穩定發展委員會（簡稱「金融委」），同年11月8日，"
            "金融委召開第一次全體會議。2018年7月2日，新一屆金融委成立。\n"
            "2023年3月，根據《黨和國家機構改革方案》，金融委不再保留。")
    group = "国务院金融稳定发展委员会"
    assert events(text) == {(group, "established", "2017-07", None), (group, "meeting", "2017-11-08", None),
                            (group, "disbanded", "2023-03", None)}


def test_renaming_verbs_never_join_the_old_name():
    text = "1988年，国务院测试协调小组恢复原名国务院测试领导小组。2001年国务院测试领导小组更名国务院测试工作委员会。"
    assert events(text) == {("国务院测试协调小组", "renamed", "1988", "国务院测试领导小组"),
                            ("国务院测试领导小组", "renamed", "2001", "国务院测试工作委员会")}


def test_paragraph_date_carries_to_the_next_sentence():
    text = "2013年12月30日，中共中央政治局召开会议。会议决定成立中央全面深化改革领导小组，习近平任组长。"
    assert events(text) == {("中央全面深化改革领导小组", "established", "2013-12-30", None)}


def test_an_earlier_time_marker_keeps_the_narrative_date_away():
    text = ("2018年3月，中共中央印发《深化党和国家机构改革方案》。此前，中央曾成立中央维护海洋权益工作领导小组。"
            "后来中央财经领导小组改为中央财经委员会。")
    assert events(text) == set()


@pytest.mark.parametrize("text", [
    "中共中央、国务院印发《党和国家机构改革方案》。方案提出，组建中央金融委员会。",  # no date anywhere
    "6月1日，记者从省教育厅获悉，省政府成立山东省测试工作领导小组。",
    "领导小组不作为常设机构，任务完成后自动撤销。",
    "中共中央港澳工作协调小组已升格为中央港澳工作领导小组。",
    "2014年2月26日，习近平在北京主持召开座谈会。此次座谈会后，中央成立了京津冀协同发展领导小组。",
])
def test_no_event_without_a_date_or_with_conditional_wording(text):
    assert events(text, "2021-06-03") == set()


def test_quoted_words_inside_a_body_name():
    text = "1990年，国务院成立清理“乱收费”领导小组，负责全国清理工作。"
    assert events(text) == {("清理“乱收费”领导小组", "established", "1990", None)}


def test_also_established_the_same_year():
    text = "1998年，中共中央成立中央金融工作委员会。同年成立的还有中央大型企业工作委员会。"
    assert events(text) == {("中央金融工作委员会", "established", "1998", None),
                            ("中央大型企业工作委员会", "established", "1998", None)}


def test_a_new_name_is_no_short_form_of_the_old_one():
    text = ("1991年，国务院成立国务院测试十年委员会。2000年，国务院测试十年委员会更名为国务院测试委员会。"
            "2006年，国务院测试委员会更名为国家测试委员会。")
    assert events(text) == {("国务院测试十年委员会", "established", "1991", None),
                            ("国务院测试十年委员会", "renamed", "2000", "国务院测试委员会"),
                            ("国务院测试委员会", "renamed", "2006", "国家测试委员会")}


@pytest.mark.parametrize("text", [
    "2006年1月1日起施行的《中华人民共和国测试法》规定，国务院设立国家测试委员会，负责协调工作。",
    "自2015年7月1日起实施的《测试条例》规定：国务院设立测试工作领导小组。",
])
def test_a_statute_that_provides_for_a_body_dates_no_establishment(text):
    assert events(text) == set()


@pytest.mark.parametrize("text", [
    "2005年，国务院成立国家测试委员会。县级以上地方各级人民政府根据需要，可以设立测试委员会。",
    "2005年，国务院成立国家测试委员会。各省级人民政府应当设立相应的测试领导小组。",
])
def test_what_a_body_may_or_shall_set_up_is_no_event(text):
    assert events(text) == {("国家测试委员会", "established", "2005", None)}


def test_an_old_name_is_no_short_form_of_the_new_one():
    text = "1982年，国家测试委员会更名为国家测试工作委员会。"
    assert events(text) == {("国家测试委员会", "renamed", "1982", "国家测试工作委员会")}


@pytest.mark.parametrize("text", ["1982年，国家测试委员会更名为国家测试工作委员会，1988年恢复原名。",
                                  "1982年，国家测试委员会更名为国家测试工作委员会。1988年，国家测试工作委员会恢复原名。"])
def test_taking_the_former_name_back(text):
    assert events(text) == {("国家测试委员会", "renamed", "1982", "国家测试工作委员会"),
                            ("国家测试工作委员会", "renamed", "1988", "国家测试委员会")}
