"""How English sources date the founding, renaming, abolition and meetings of a group.

Short texts written for these tests (real facts, our own sentences)."""
from __future__ import annotations

from tests.en_extract_helpers import event_dates, events, run


def test_set_up_created_launched_with_their_dates():
    assert event_dates(run("The Financial Stability and Development Committee was set up in July 2017 under the "
                           "State Council."), "established") == {"2017-07"}
    assert event_dates(run("In 2013 the party created the Central Leading Group for Comprehensively Deepening "
                           "Reforms."), "established") == {"2013"}
    assert event_dates(run("The State Council Leading Group for Western Region Development was launched on 19 "
                           "January 2000."), "established") == {"2000-01-19"}


def test_participle_in_apposition_dates_the_group():
    facts = run("Ding Xuexiang took charge of the Central Science and Technology Commission, a body set up in "
                "March 2023.")
    assert events(facts) == {("established", "2023-03", "Central Science and Technology Commission")}


def test_date_of_a_clause_inside_the_cue_is_not_the_groups():
    facts = run("In 1998 the State Leading Group for Science, Technology and Education was set up. It was "
                "created to carry out the strategy of revitalising the nation adopted by the party in 1995.")
    assert event_dates(facts, "established") == {"1998"}


def test_abolished_scrapped_disbanded_folded_into():
    facts = run("The Central Leading Group for Comprehensively Deepening Reforms was abolished in 2018 when the "
                "Central Commission for Comprehensively Deepening Reform replaced it. The body had been created "
                "in 2013.")
    assert ("disbanded", "2018", "Central Leading Group for Comprehensively Deepening Reforms") in events(facts)
    assert ("established", "2013", "Central Leading Group for Comprehensively Deepening Reforms") in events(facts)
    facts = run("In March 2023 the Financial Stability and Development Committee was folded into the Central "
                "Financial Commission.")
    assert ("disbanded", "2023-03", "Financial Stability and Development Committee") in events(facts)
    facts = run("The State Council Leading Group for Western Region Development was launched on 19 January 2000. "
                "The leading group was disbanded in 2018 and its duties handed to the National Development and "
                "Reform Commission.")
    assert event_dates(facts, "disbanded") == {"2018"}


def test_turned_into_and_restructured_as_a_commission_are_renamings():
    facts = run("The Central Leading Group for Financial and Economic Affairs was turned into the Central "
                "Financial and Economic Affairs Commission in March 2018.")
    renamed = [f for f in facts if getattr(f, "event", None) == "renamed"]
    assert [(f.date, f.to_group.name) for f in renamed] == [("2018-03", "Central Financial and Economic Affairs "
                                                                        "Commission")]
    facts = run("The Central Leading Group for Cyberspace Affairs was restructured as a commission in March 2018.")
    assert event_dates(facts, "renamed") == {"2018-03"}


def test_upgraded_from_renames_the_old_body():
    facts = run("Xi Jinping heads the Central Foreign Affairs Commission. The commission was upgraded from the "
                "Central Leading Group for Foreign Affairs in March 2018.")
    renamed = [f for f in facts if getattr(f, "event", None) == "renamed"]
    assert len(renamed) == 1
    assert "Leading Group" in renamed[0].group.name and "Commission" in renamed[0].to_group.name


def test_a_second_clause_with_its_own_verb_is_not_a_gapped_event():
    facts = run("The State Council set up a Leading Group for Economic Development in Poor Areas in 1986; it was "
                "renamed the State Council Leading Group of Poverty Alleviation and Development in 1993.")
    assert event_dates(facts, "established") == {"1986"}
    assert event_dates(facts, "renamed") == {"1993"}


def test_set_up_a_list_of_groups_dates_every_one():
    facts = run("A Central Committee notice of 10 June 1958 set up five small groups placed under the Politburo: "
                "a finance and economics group headed by Chen Yun, a political and legal affairs group headed by "
                "Peng Zhen, and a science group under Nie Rongzhen.")
    established = [e for e in events(facts) if e[0] == "established"]
    assert len(established) == 3 and {d for _, d, _ in established} == {"1958-06-10"}


def test_plenary_meeting_on_a_weekday_of_a_dated_article():
    facts = run("BEIJING, April 15 (wire) -- The Central National Security Commission convened its first "
                "plenary meeting on Tuesday, chaired by Xi Jinping.", published="2014-04-15")
    assert event_dates(facts, "meeting") == {"2014-04-15"}


def test_first_plenary_session_on_a_full_date():
    facts = run("In 2013 the party created the Central Leading Group for Comprehensively Deepening Reforms. The "
                "leading group held its first plenary session on 22 January 2014.")
    assert event_dates(facts, "meeting") == {"2014-01-22"}


def test_that_month_and_the_following_year_take_the_last_date():
    facts = run("On 16 May 1966 the Politburo issued a circular. Later that month the party set up the Central "
                "Cultural Revolution Group, headed by Chen Boda.")
    assert event_dates(facts, "established") == {"1966-05"}
    facts = run("The National Leading Group on Climate Change was established in June 2007 with Premier Wen "
                "Jiabao as its head. The panel brings together about twenty ministries; Wen chaired its first "
                "session that month.")
    assert event_dates(facts, "meeting") == {"2007-06"}


def test_a_person_who_became_head_is_no_renaming():
    facts = run("After the 2018 leadership change Zhang Gaoli was succeeded by Han Zheng, who also became head "
                "of the Leading Group for Coordinated Development of Beijing-Tianjin-Hebei.")
    assert event_dates(facts, "renamed") == set()


def test_a_group_that_meets_rarely_takes_no_date_from_a_footnote():
    text = ("The Central Leading Group for Taiwan Affairs is the party's main body for cross-strait policy.\n"
            "4 Wang Yang replaced Yu Zhengsheng in 2018. The group meets rarely and its decisions are seldom "
            "reported.")
    assert event_dates(run(text), "meeting") == set()


def test_new_body_replaced_the_old_one():
    facts = run("The Central Commission for Comprehensively Deepening Reform replaced the Central Leading Group "
                "for Comprehensively Deepening Reforms in March 2018.")
    renamed = [f for f in facts if getattr(f, "event", None) == "renamed"]
    assert [(f.date, "Leading Group" in f.group.name, "Commission" in f.to_group.name) for f in renamed] == [
        ("2018-03", True, True)]


def test_ceased_to_exist_and_announced_creation():
    facts = run("The Financial Stability and Development Committee ceased to exist in March 2023.")
    assert event_dates(facts, "disbanded") == {"2023-03"}
    facts = run("The Central National Security Commission met in April. The commission approved the creation "
                "of a fund in 2018.")
    assert event_dates(facts, "established") == set()


# -- a meeting on a weekday of a dated story; a date of another clause is not the meeting's ------
def test_weekday_meeting_takes_the_dateline_not_the_founding_month():
    facts = run("BEIJING, July 12, 2018 -- President Xi Jinping on Thursday presided over the first meeting of "
                "the Central Foreign Affairs Commission, a party body formed in March to coordinate diplomacy.")
    assert event_dates(facts, "meeting") == {"2018-07-12"}


def test_meeting_date_from_its_own_clause():
    facts = run("SHANGHAI, Nov 5, 2019 -- Li Keqiang on Tuesday chaired a meeting of the State Council "
                "Leading Group for Western Region Development, a group which was set up in January 2000.")
    assert event_dates(facts, "meeting") == {"2019-11-05"}


def test_not_a_meeting_of_the_group_is_no_meeting():
    facts = run("In November 2017 Li Keqiang addressed a national work conference on poverty. The conference "
                "was not a meeting of the State Council Leading Group for Poverty Alleviation and Development.")
    assert event_dates(facts, "meeting") == set()


def test_campaign_launched_after_the_group_is_not_its_founding():
    facts = run("The leading group for the Two Studies and One Action campaign, a campaign launched in "
                "February 2016, was headed by Liu Yunshan.")
    assert event_dates(facts, "established") == set()


# -- "both commissions were abolished": the bodies of that kind named before ------------------
def test_both_bodies_abolished():
    facts = run("The Central Commission for Comprehensive Management of Public Security and the Central Leading "
                "Group for Maintaining Stability long shared staff with the police. In March 2018, when the "
                "party reorganised its security organs, both bodies were abolished.")
    disbanded = {(group, date) for event, date, group in events(facts) if event == "disbanded"}
    assert len(disbanded) == 2 and {date for _, date in disbanded} == {"2018-03"}


def test_both_groups_leaves_out_a_body_of_another_kind():
    facts = run("The Central Leading Group for Maintaining Stability and the Central Leading Group for Preventing "
                "and Handling Cults worked beside the Central Political and Legal Affairs Commission. In March "
                "2018, when the security organs were reorganised, both groups were abolished.")
    disbanded = {group for event, _date, group in events(facts) if event == "disbanded"}
    assert len(disbanded) == 2 and all("Commission" not in group for group in disbanded)


def test_the_two_groups_were_dissolved():
    facts = run("The Central Leading Group for Party Building and the Central Leading Group for Propaganda "
                "and Ideology were set up in the 1980s. In 1988 the two groups were dissolved.")
    dates = {(group, date) for event, date, group in events(facts) if event == "disbanded"}
    assert len(dates) == 2 and {date for _, date in dates} == {"1988"}


# -- "had been called X until 2005, when it was renamed Y" ------------------------------------
def test_called_until_year_when_renamed():
    facts = run("The Central Cyberspace Affairs Commission sets internet policy. It had been called the Central "
                "Leading Group for Cyberspace Affairs until 2018, when it was renamed the Central Cyberspace "
                "Affairs Commission in the reform of party bodies.")
    renamed = [f for f in facts if getattr(f, "event", None) == "renamed"]
    assert [(f.group.name, f.date, f.to_group.name) for f in renamed] == [
        ("Central Leading Group for Cyberspace Affairs", "2018", "Central Cyberspace Affairs Commission")]


def test_until_year_without_when_gives_no_date():
    facts = run("The Central Leading Group for Cyberspace Affairs existed until 2018 and was renamed.")
    assert event_dates(facts, "renamed") == set()


def test_both_groups_counts_a_renamed_body_once():
    facts = run("The Central Leading Group for Maintaining Stability was formed in 1998. The Central Leading Group "
                "for Dealing with the Falun Gong Issue was created in 1999; in 2000 it was renamed the Central "
                "Leading Group for Preventing and Handling Cults. In March 2018, when the security organs were "
                "reorganised, both groups were abolished.")
    disbanded = {group for event, _date, group in events(facts) if event == "disbanded"}
    assert len(disbanded) == 2 and all("Falun Gong" not in group for group in disbanded)


def test_event_word_inside_a_quoted_group_name_is_no_event():
    facts = run('The leading group for the "Never forget why you started" education campaign of 2019 was led '
                "by Wang Huning.")
    assert event_dates(facts, "established") == set()


# -- more ways to say founded and replaced -------------------------------------------------------
def test_came_into_being_and_dates_from():
    assert event_dates(run("The Central Leading Group for Rural Work came into being in 1993."),
                       "established") == {"1993"}
    assert event_dates(run("The Central Leading Group for Foreign Affairs dates from March 1981."),
                       "established") == {"1981-03"}


def test_replaced_group_with_commission():
    facts = run("In March 2018 the party replaced the Central Leading Group for Foreign Affairs with the Central "
                "Foreign Affairs Commission.")
    renamed = [f for f in facts if getattr(f, "event", None) == "renamed"]
    assert [(f.group.name, f.date, f.to_group.name) for f in renamed] == [
        ("Central Leading Group for Foreign Affairs", "2018-03", "Central Foreign Affairs Commission")]


def test_replaced_in_year_by():
    facts = run("The Central Leading Group for Foreign Affairs was replaced in 2018 by the Central Foreign Affairs "
                "Commission.")
    assert event_dates(facts, "renamed") == {"2018"}


def test_numbered_meeting_of_the_group_just_named():
    facts = run("The State Council Leading Group for Poverty Alleviation and Development is chaired by Wang Yang. "
                "Wang has chaired the group's plenary meetings himself. At the third meeting, on 12 May 2016, "
                "he told provinces to finish their plans. The fourth meeting followed on 20 December 2016.")
    assert event_dates(facts, "meeting") == {"2016-05-12", "2016-12-20"}


def test_numbered_meeting_of_another_body_is_not_the_group_meeting():
    facts = run("The State Council Leading Group for Poverty Alleviation and Development is chaired by Wang Yang. "
                "At the third meeting of the 12th National People's Congress, on 5 March 2015, he spoke on rural "
                "incomes.")
    assert event_dates(facts, "meeting") == set()


def test_a_national_headquarters_for_a_task_is_a_group():
    facts = run("In November 2005 a national headquarters for avian influenza prevention and control was set up "
                "under the State Council. Its commander-in-chief was Hui Liangyu, the vice-premier.")
    assert events(facts) == {("established", "2005-11",
                              "national headquarters for avian influenza prevention and control")}
