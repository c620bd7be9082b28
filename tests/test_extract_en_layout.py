"""Facts laid out as infoboxes, label lines, rosters and hard-wrapped PDF text.

Short texts written for these tests (real facts, our own sentences)."""
from __future__ import annotations

from tests.en_extract_helpers import event_dates, events, people, run

WRAPPED_PAGE = """Central Cyberspace Affairs Commission
Formed 27 February 2014
Parent agency CPC Central Committee
The Central Cyberspace Affairs Commission is a policy coordination body of the
Communist Party of China that oversees internet policy, online content and the
security of information networks. It was set up in February 2014 as a leading
group and was turned into a commission in March 2018 under the plan for deepening
the reform of party and state institutions. Xi Jinping has chaired it since the
start; Li Keqiang served as its deputy head until 2023, and the director of its
office is also the head of the Cyberspace Administration of China, which carries
out the decisions of the commission as a government agency under the State
Council. The office of the commission and the administration share one staff, a
common arrangement in which the party body sets policy and the state body acts.
The commission usually meets once a year, and its meetings are reported only in
outline by the official news agency, with few details of who took part in them.
"""

FOOTNOTED_PAGE = """The Central Leading Group for Taiwan Affairs is the party's main body for cross-
strait policy.3 Its head is Xi Jinping, and its deputy head is Wang Yang, the
chairman of the Chinese People's Political Consultative Conference.4 The group's
office is the Taiwan Work Office of the CPC Central Committee, which the
government calls the Taiwan Affairs Office.
3 See the official notice of 2013.
4 Wang replaced Yu Zhengsheng in 2018.
The group meets rarely and its decisions are seldom reported in full. Wang
Yang has presided over the annual Taiwan work conference since then, where the
conference sets the line for the year ahead and the ministries report on what
they did in the year before. Reports of the conference are brief and name few
of the officials who attended, so the membership of the group is hard to trace.
"""


def test_label_lines_above_wrapped_text_stay_apart():
    facts = run(WRAPPED_PAGE)
    assert people(facts, "leader") == {"Xi Jinping"}
    assert people(facts, "deputy_leader") == {"Li Keqiang"}
    assert people(facts, "office_director") == set()  # the director of its office is not named
    assert {"2014-02", "2014-02-27"} & event_dates(facts, "established")
    assert event_dates(facts, "renamed") == {"2018-03"}
    label = next(f for f in facts if getattr(f, "date", None) == "2014-02-27")
    assert label.evidence.text == "Formed 27 February 2014"


def test_footnotes_interleaved_with_wrapped_lines():
    facts = run(FOOTNOTED_PAGE)
    assert people(facts, "leader") == {"Xi Jinping"}
    assert people(facts, "deputy_leader") == {"Wang Yang"}
    assert event_dates(facts, "meeting") == set()


def test_infobox_with_colon_rows():
    text = ("Central Leading Group for Financial and Economic Affairs\nLeader: Xi Jinping\nDeputy leader: Li Keqiang\n"
            "Office director: Liu He\nDissolved: March 2018\nSuccessor: Central Financial and Economic Affairs "
            "Commission\n")
    facts = run(text)
    assert people(facts, "leader") == {"Xi Jinping"}
    assert people(facts, "deputy_leader") == {"Li Keqiang"}
    assert people(facts, "office_director") == {"Liu He"}
    assert ("disbanded", "2018-03", "Central Leading Group for Financial and Economic Affairs") in events(facts)


def test_infobox_leader_line_and_unpunctuated_parent_line():
    text = ("Central Military-Civil Fusion Development Commission\nFormed: January 2017\nLeader: Xi Jinping\n"
            "Parent agency CPC Central Committee\n"
            "The commission was set up in January 2017 to coordinate defence and civilian industry.\n")
    facts = run(text)
    assert people(facts, "leader") == {"Xi Jinping"}
    assert event_dates(facts, "established") == {"2017-01"}


def test_bullet_roster_with_role_headings_on_the_same_line():
    text = ("Members of the Central Comprehensively Deepening Reforms Commission (2018)\n• Head: Xi Jinping\n"
            "• Deputy heads: Li Keqiang, Wang Huning, Han Zheng\n• Office director: Ding Xuexiang\n")
    facts = run(text)
    assert people(facts, "leader") == {"Xi Jinping"}
    assert people(facts, "deputy_leader") == {"Li Keqiang", "Wang Huning", "Han Zheng"}
    assert people(facts, "office_director") == {"Ding Xuexiang"}


def test_bullets_under_title_subheadings_keep_the_role_above():
    text = ("Central Leading Group for Comprehensively Deepening Reforms (2013)\nLeader:\n- Xi Jinping\n"
            "Deputy leaders:\n- Li Keqiang\n- Liu Yunshan\n- Zhang Gaoli\nMembers:\nVice-premiers:\n- Wang Yang\n"
            "Other Politburo members:\n- Liu Qibao\n- Li Jianguo\n")
    facts = run(text)
    assert people(facts, "leader") == {"Xi Jinping"}
    assert people(facts, "deputy_leader") == {"Li Keqiang", "Liu Yunshan", "Zhang Gaoli"}
    assert people(facts, "member") == {"Wang Yang", "Liu Qibao", "Li Jianguo"}


def test_role_headings_on_lines_of_their_own():
    text = "Central National Security Commission\nChairman\nXi Jinping\nVice Chairmen\nLi Keqiang\nZhang Dejiang\n"
    facts = run(text)
    assert people(facts, "leader") == {"Xi Jinping"}
    assert people(facts, "deputy_leader") == {"Li Keqiang", "Zhang Dejiang"}


def test_long_unrelated_stretches_are_skipped_but_facts_around_them_kept():
    filler = "\n\n".join(f"Paragraph {n} is about the weather and the harvest in the north." for n in range(300))
    text = ("Xi Jinping heads the Central Foreign Affairs Commission.\n\n" + filler +
            "\n\nThe Central National Security Commission was created in November 2013. Xi is its chairman.\n")
    facts = run(text)
    assert people(facts, "leader") == {"Xi Jinping"}
    assert {g for _, _, g in events(facts)} == {"Central National Security Commission"}
    assert len({f.group.canonical for f in facts}) == 2


def test_other_members_heading_with_a_run_in_list():
    facts = run("Central Leading Group for Rural Work\nLeader: Hu Chunhua\nOther members: Tang Renjian, Wang Xiangxi\n")
    assert people(facts, "leader") == {"Hu Chunhua"}
    assert people(facts, "member") == {"Tang Renjian", "Wang Xiangxi"}


def test_parenthetical_roster_after_the_name():
    facts = run("The Central Leading Group for Comprehensively Deepening Reforms (head: Xi Jinping; deputies: Li "
                "Keqiang, Liu Yunshan and Zhang Gaoli) met 38 times before 2018.")
    assert people(facts, "leader") == {"Xi Jinping"}
    assert people(facts, "deputy_leader") == {"Li Keqiang", "Liu Yunshan", "Zhang Gaoli"}


def test_list_of_past_leaders_with_years():
    text = ("Central Leading Group on Hong Kong and Macao Affairs\n\nLeaders\nZhang Dejiang (2013–2018)\n"
            "Han Zheng (2018–2023)\nDing Xuexiang (2023–present)\n")
    assert people(run(text), "leader") == {"Zhang Dejiang", "Han Zheng", "Ding Xuexiang"}


def test_list_introduced_by_a_sentence_ending_in_a_colon():
    facts = run("Central Leading Group for Financial and Economic Affairs\n\nHeads\n"
                "The group is headed by the top leader or the premier. Its heads have been:\n"
                "- Zhao Ziyang\n- Jiang Zemin\n- Hu Jintao\n")
    assert people(facts, "leader") == {"Zhao Ziyang", "Jiang Zemin", "Hu Jintao"}


def test_members_list_split_by_subheadings_keeps_the_member_role():
    facts = run("Central Leading Group for Propaganda and Ideology\n\nMembers\n"
                "Party officials:\n- Liu Qibao\n- Huang Kunming\n"
                "Heads of state media and ministries:\n- Cai Mingzhao\n- Cai Wu\n")
    assert people(facts, "member") == {"Liu Qibao", "Huang Kunming", "Cai Mingzhao", "Cai Wu"}


def test_the_members_were_lead_in():
    facts = run("The Central Leading Group for Rural Work was reshuffled in 2013.\nThe members were:\n"
                "- Wang Yang\n- Han Changfu\n")
    assert people(facts, "member") == {"Wang Yang", "Han Changfu"}


def test_run_in_role_label_after_a_sentence():
    facts = run("The Central Leading Group for Cyberspace Affairs was set up in February 2014. Deputy heads: "
                "Li Keqiang, Liu Yunshan. Membership: Lu Wei, Guo Shengkun.")
    assert people(facts, "deputy_leader") == {"Li Keqiang", "Liu Yunshan"}
    assert people(facts, "member") == {"Lu Wei", "Guo Shengkun"}


def test_run_in_label_that_is_no_role_gives_nothing():
    facts = run("The Central Leading Group for Cyberspace Affairs was set up in February 2014. Speakers at the "
                "launch: Lu Wei, Guo Shengkun.")
    assert people(facts, "member") == set()


def test_commanders_in_chief_roster():
    facts = run("The State Forest Fire Prevention Headquarters is the State Council body that directs forest fire "
                "fighting. It is headed by a commander-in-chief.\n\nCommanders-in-chief\n"
                "- Hui Liangyu, vice-premier, commander-in-chief from 2006 to 2013\n"
                "- Wang Yang, vice-premier, commander-in-chief from 2013 to 2018\n\n"
                "Deputy commanders\n- Jia Zhibang, minister of forestry\n")
    assert people(facts, "leader") == {"Hui Liangyu", "Wang Yang"}
    assert people(facts, "deputy_leader") == {"Jia Zhibang"}
