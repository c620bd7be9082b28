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
