"""How English sources state who heads, deputises, sits on or runs the office of a group.

Short texts written for these tests (real facts, our own sentences)."""
from __future__ import annotations

from tests.en_extract_helpers import people, roles, run


def test_succeeded_as_head_gives_both_holders():
    facts = run("Han Zheng succeeded Zhang Dejiang as head of the Central Leading Group on Hong Kong and "
                "Macao Affairs in 2018.")
    assert people(facts, "leader") == {"Han Zheng", "Zhang Dejiang"}


def test_replaced_by_as_head():
    facts = run("Zhang Dejiang was replaced by Han Zheng as head of the Central Coordination Group for Hong "
                "Kong and Macao Affairs in 2018.")
    assert people(facts, "leader") == {"Han Zheng", "Zhang Dejiang"}


def test_took_over_as_head_and_took_over_from():
    assert people(run("Zhao Leji took over as head of the Central Leading Group for Inspection Work after the "
                      "19th party congress."), "leader") == {"Zhao Leji"}
    facts = run("Zhao Leji took over the Central Leading Group for Inspection Work from Wang Qishan in 2017.")
    assert people(facts, "leader") == {"Zhao Leji", "Wang Qishan"}


def test_took_charge_of_and_leadership_passed_to():
    assert people(run("Ding Xuexiang took charge of the Central Science and Technology Commission, a body set "
                      "up in March 2023."), "leader") == {"Ding Xuexiang"}
    facts = run("The National Patriotic Health Campaign Committee was reorganised in 2013. Leadership of the "
                "committee passed to Vice-Premier Liu Yandong, and Li Bin served as its deputy head.")
    assert people(facts, "leader") == {"Liu Yandong"}
    assert people(facts, "deputy_leader") == {"Li Bin"}


def test_appointed_director_of_the_office():
    facts = run("He Lifeng was appointed director of the office of the Central Financial Commission, the body "
                "created in the 2023 reform.")
    assert roles(facts) == {("He Lifeng", "office_director", "Central Financial Commission")}


def test_led_by_in_apposition_and_its_deputy_head():
    facts = run("The State Council Leading Group for Western Region Development, led by Premier Zhu Rongji, was "
                "set up in January 2000. Vice-Premier Wen Jiabao served as its deputy head.")
    assert people(facts, "leader") == {"Zhu Rongji"}
    assert people(facts, "deputy_leader") == {"Wen Jiabao"}


def test_who_heads_and_his_deputy_on_the_group():
    facts = run("Wang Huning, who heads the Central Leading Group for Education Work, told officials that "
                "schools must put ideology first. Sun Chunlan, a vice-premier, is his deputy on the group.")
    assert people(facts, "leader") == {"Wang Huning"}
    assert people(facts, "deputy_leader") == {"Sun Chunlan"}


def test_with_people_as_deputy_heads_each_with_their_own_as():
    facts = run("Xi Jinping chairs the Central Comprehensive Law-based Governance Commission, with Li Keqiang, "
                "Li Zhanshu and Wang Huning as deputy heads.")
    assert people(facts, "deputy_leader") == {"Li Keqiang", "Li Zhanshu", "Wang Huning"}
    facts = run("The party set up the Central Cultural Revolution Group, headed by Chen Boda, with Kang Sheng as "
                "its adviser and Jiang Qing as a deputy head.")
    assert people(facts, "deputy_leader") == {"Jiang Qing"}
    assert "Kang Sheng" not in {p for p, _, _ in roles(facts)}


def test_gapped_copula_gives_each_person_their_own_role():
    facts = run("In 1998 the State Leading Group for Science, Technology and Education was set up. Premier Zhu "
                "Rongji was its head and Vice-Premier Li Lanqing its deputy head.")
    assert people(facts, "leader") == {"Zhu Rongji"}
    assert people(facts, "deputy_leader") == {"Li Lanqing"}


def test_role_noun_as_subject_of_is():
    facts = run("The Central Leading Group for Taiwan Affairs is the party's main body for cross-strait policy. "
                "Its head is Xi Jinping, and its deputy head is Wang Yang, the chairman of the Chinese People's "
                "Political Consultative Conference.")
    assert people(facts, "leader") == {"Xi Jinping"}
    assert people(facts, "deputy_leader") == {"Wang Yang"}


def test_group_has_two_deputy_heads_and_are_its_deputies():
    facts = run("The Leading Group for Promoting the Construction of the Hainan Free Trade Port was set up in "
                "2018 and is headed by Han Zheng. The Hainan group has two deputy heads, Hu Chunhua and Liu "
                "Hongjian.")
    assert people(facts, "deputy_leader") == {"Hu Chunhua", "Liu Hongjian"}
    facts = run("The Leading Group on Carbon Peak and Carbon Neutrality was set up in May 2021. Han Zheng heads "
                "it; Liu He and Xiao Jie are its deputies.")
    assert people(facts, "leader") == {"Han Zheng"}
    assert people(facts, "deputy_leader") == {"Liu He", "Xiao Jie"}


def test_headquarters_with_commander_in_chief_and_deputy_commanders():
    facts = run("The Xiongan New Area Planning and Construction Headquarters was created in April 2017, with "
                "Zhang Gaoli as commander-in-chief and He Lifeng and Xu Qin as deputy commanders.")
    assert people(facts, "leader") == {"Zhang Gaoli"}
    assert people(facts, "deputy_leader") == {"He Lifeng", "Xu Qin"}


def test_office_run_from_a_year_by():
    facts = run("The Central Leading Group for Financial and Economic Affairs relied on its general office, run "
                "from 2013 by Liu He.")
    assert roles(facts) == {("Liu He", "office_director", "Central Leading Group for Financial and Economic Affairs")}


def test_descriptive_groups_headed_by_or_under_a_person():
    facts = run("A Central Committee notice of 10 June 1958 set up five small groups: a finance and economics "
                "group headed by Chen Yun, a political and legal affairs group headed by Peng Zhen, and a "
                "science group under Nie Rongzhen.")
    led = {p: g.lower() for p, _, g in roles(facts)}
    assert len(roles(facts)) == 3
    assert "finance" in led["Chen Yun"] and "political" in led["Peng Zhen"] and "science" in led["Nie Rongzhen"]


def test_bare_under_needs_the_person_right_after():
    facts = run("The Central Leading Group for Inspection Work under the Central Committee will send teams to "
                "the provinces, Wang Qishan said on Monday.")
    assert roles(facts) == set()


def test_members_include_after_a_long_group_name():
    facts = run("Members of the Central Leading Group for Cyberspace Affairs include Liu Qibao, Fan Changlong "
                "and Meng Jianzhu. Lu Wei, who runs the group's office, told a forum that the internet must be "
                "governed by law.")
    assert people(facts, "member") == {"Liu Qibao", "Fan Changlong", "Meng Jianzhu"}
    assert people(facts, "office_director") == {"Lu Wei"}


def test_people_in_another_capacity_are_not_members():
    facts = run("Liu He, a Politburo member and vice-premier, spoke at a meeting of the National Development and "
                "Reform Commission on Monday. The China Securities Regulatory Commission chairman, Yi Huiman, "
                "also attended. Ma Xiaowei, head of the National Health Commission, and Chen Xiaojiang, head of "
                "the State Ethnic Affairs Commission, gave reports.")
    assert roles(facts) == set()
    facts = run("Zhao Leji heads the Central Commission for Discipline Inspection, and Yang Xiaodu leads the "
                "National Supervisory Commission. Xu Qiliang is a vice-chairman of the Central Military "
                "Commission.")
    assert roles(facts) == set()


def test_spokesman_quoted_next_to_a_group_is_not_a_member():
    facts = run("Xi Jinping heads the Central Foreign Affairs Commission. Wang Yi was named director of the "
                "commission's office in 2022, replacing Yang Jiechi. \"We will follow the plan,\" said Wang "
                "Wenbin, a foreign ministry spokesman.")
    assert people(facts, "office_director") == {"Wang Yi", "Yang Jiechi"}
    assert "Wang Wenbin" not in {p for p, _, _ in roles(facts)}


def test_local_party_committees_are_not_groups():
    facts = run("The Beijing Municipal Party Committee is led by Cai Qi, and the Beijing Olympic Committee by "
                "Liu Qi.")
    assert roles(facts) == set()


def test_sits_on_and_joined_make_members():
    facts = run("Wang Huning also sits on the Central Leading Group for Taiwan Affairs. Cai Qi joined the Central "
                "Foreign Affairs Commission in 2022.")
    assert people(facts, "member") == {"Wang Huning", "Cai Qi"}


def test_put_in_charge_of_and_vice_chairs():
    assert people(run("Ding Xuexiang was put in charge of the Central Science and Technology Commission."),
                  "leader") == {"Ding Xuexiang"}
    facts = run("The Central National Security Commission has been chaired by Xi Jinping since 2013. Li Keqiang "
                "and Zhang Dejiang were its vice-chairs.")
    assert people(facts, "deputy_leader") == {"Li Keqiang", "Zhang Dejiang"}


def test_presiding_over_a_meeting_is_not_heading_the_group():
    facts = run("Xi Jinping presided over the first meeting of the Central Commission for Integrated Military and "
                "Civilian Development on 20 June 2017.")
    assert people(facts, "leader") == set()


def test_a_leading_group_named_after_a_non_group_is_still_a_group():
    facts = run("In 2014 the Central Military Commission set up the Central Military Commission Reform Leading "
                "Group, led by Xi Jinping. Fan Changlong and Xu Qiliang, vice-chairmen of the Central Military "
                "Commission, were named deputy heads of the group.")
    assert people(facts, "leader") == {"Xi Jinping"}
    assert people(facts, "deputy_leader") == {"Fan Changlong", "Xu Qiliang"}
    assert {f.group.name for f in facts} == {"Central Military Commission Reform Leading Group"}


# -- deputies stated as a predicate without "of G": the one group of the sentence -------------
def test_served_as_deputy_heads_after_its_head():
    facts = run("The State Council Leading Group for Western Region Development was formed in 2000. Premier "
                "Zhu Rongji was its head, and Vice-Premier Wen Jiabao and State Councillor Wu Yi served as "
                "deputy heads.")
    assert people(facts, "leader") == {"Zhu Rongji"}
    assert people(facts, "deputy_leader") == {"Wen Jiabao", "Wu Yi"}


def test_were_named_deputy_heads_after_a_reshuffle():
    facts = run("The National Leading Group on Addressing Climate Change was set up in 2007. The group was "
                "reconstituted in 2018 with Premier Li Keqiang as head; Vice-Premier Han Zheng and State "
                "Councillor Wang Yi were named deputy heads.")
    assert people(facts, "deputy_leader") == {"Han Zheng", "Wang Yi"}


def test_predicate_role_is_not_given_when_the_sentence_names_two_groups():
    facts = run("The Central Leading Group for Taiwan Affairs and the Central Leading Group for Foreign "
                "Affairs meet separately; Wang Yang served as deputy head.")
    assert people(facts, "deputy_leader") == set()


# -- a participle clause after the group: "G, set up in X and headed by P", "set up under P" ----
def test_set_up_and_headed_by_after_the_group():
    facts = run("Farm subsidies are overseen by the State Council Leading Group for the Third National "
                "Agricultural Census, set up in 2015 and headed by Vice-Premier Wang Yang.")
    assert people(facts, "leader") == {"Wang Yang"}


def test_group_set_up_under_a_vice_premier():
    facts = run("The leading group for the fourth national economic census was announced in 2017. The "
                "leading group, set up in 2017 under Vice-Premier Zhang Gaoli, employed many census takers.")
    assert people(facts, "leader") == {"Zhang Gaoli"}


def test_set_up_under_a_body_names_no_leader():
    facts = run("The Central Leading Group for Financial and Economic Affairs, set up in 1980 under the State "
                "Council's guidance, was praised by Zhao Ziyang in a speech.")
    assert people(facts, "leader") == set()


def test_addressing_the_members_is_not_membership():
    facts = run("Xi Jinping, who heads the Central Comprehensively Deepening Reforms Commission, told its "
                "members on Monday that reform must be pursued with more courage.")
    assert people(facts, "leader") == {"Xi Jinping"}
    assert people(facts, "member") == set()


def test_named_a_member_is_still_membership():
    facts = run("In 2018 the Central Foreign Affairs Commission was formed, and Wang Yi was named a member of "
                "the commission.")
    assert people(facts, "member") == {"Wang Yi"}


def test_surname_took_over_the_group_from_predecessor():
    facts = run("The State Council Leading Group for Poverty Alleviation and Development coordinates rural aid. "
                "Vice-Premier Hu Chunhua took charge in 2018. Hu took over the leading group from Wang Yang, "
                "who moved to the advisory conference.")
    assert people(facts, "leader") == {"Hu Chunhua", "Wang Yang"}


# -- a leading group for a quoted campaign slogan ------------------------------------------------
def test_leading_group_for_a_quoted_campaign():
    facts = run('- The leading group for the "Two Studies, One Action" education campaign of 2016 was headed by '
                "Liu Yunshan.\n- The leading group for the “Three Stricts and Three Honests” campaign of 2015 "
                "was led by Liu Yunshan as well.")
    assert {(person, role) for person, role, _group in roles(facts)} == {("Liu Yunshan", "leader")}
    assert len({group for _p, _r, group in roles(facts)}) == 2


# -- one verb, two groups, a relative clause between them ---------------------------------------
def test_leads_two_groups_split_by_a_relative_clause():
    facts = run("Vice-Premier Han Zheng oversaw regional plans. Han chaired the Leading Group for the Development "
                "of the Guangdong-Hong Kong-Macao Greater Bay Area, which met in Guangzhou in 2019, and the leading "
                "group for the coordinated development of the Beijing-Tianjin-Hebei region, a plan Xi set out in "
                "2014.")
    assert len({group for person, role, group in roles(facts) if person == "Han Zheng" and role == "leader"}) == 2


def test_a_second_object_of_another_kind_is_not_led():
    facts = run("Li Keqiang chaired the State Council Leading Group for Western Region Development, which met "
                "in Chengdu, and the annual work conference of the provinces.")
    assert {group for _p, role, group in roles(facts) if role == "leader"} == {
        "State Council Leading Group for Western Region Development"}


def test_lowercase_group_topic_ending_in_a_named_place():
    facts = run("In 2019 Han Zheng chaired the leading group for ecological protection of the Qinghai-Tibet "
                "Plateau region and the leading group for the protection of the Yangtze River economic belt.")
    assert {f.group.name for f in facts if getattr(f, "role", None) == "leader"} == {
        "leading group for ecological protection of the Qinghai-Tibet Plateau region",
        "leading group for the protection of the Yangtze River economic belt"}


# -- a party work commission is headed by its secretary; other bodies' secretaries are staff ----
def test_secretary_of_a_work_committee_is_its_leader():
    facts = run("The Central and State Organs Work Committee oversees party branches in the central ministries. "
                "Its secretary was Ding Xuexiang, who also ran the General Office.")
    assert people(facts, "leader") == {"Ding Xuexiang"}


def test_secretary_general_and_secretary_of_a_leading_group_are_not_leaders():
    facts = run("The Central Leading Group for Financial and Economic Affairs has a secretary-general, Liu He. "
                "The group's secretary was Wang Qishan.")
    assert people(facts, "leader") == set()


# -- "P, who ..., was a deputy head": the group of the sentence before --------------------------
def test_deputy_head_after_a_relative_clause_refers_to_the_group_before():
    facts = run("The Central Leading Group for Hong Kong and Macao Affairs was led by Han Zheng. Xia Baolong, "
                "who ran the liaison work, was a deputy head.")
    assert people(facts, "deputy_leader") == {"Xia Baolong"}


def test_predicate_role_does_not_cross_a_paragraph():
    facts = run("The Central Leading Group for Hong Kong and Macao Affairs was led by Han Zheng.\n\n"
                "Xia Baolong, who had run Zhejiang province, was a deputy head.")
    assert people(facts, "deputy_leader") == set()


def test_predicate_role_with_its_own_of_phrase_is_not_the_group_before():
    facts = run("The Central Leading Group for Hong Kong and Macao Affairs was led by Han Zheng. Wang Huning "
                "was a deputy head of the propaganda system.")
    assert people(facts, "deputy_leader") == set()


# -- "set up G in May 2008 under P" ----------------------------------------------------------
def test_set_up_group_under_a_premier():
    facts = run("The State Council set up the State Council Leading Group for Western Region Development in "
                "January 2000 under Premier Zhu Rongji.")
    assert people(facts, "leader") == {"Zhu Rongji"}


# -- "A and B were its head and deputy head respectively" -------------------------------------
def test_respectively_pairs_people_with_roles():
    facts = run("The State Council set up the Food Safety Commission in 2010. Li Keqiang and Hui Liangyu were "
                "its director and deputy director respectively.")
    assert people(facts, "leader") == {"Li Keqiang"}
    assert people(facts, "deputy_leader") == {"Hui Liangyu"}



# -- members stated without "of G": "among the members", "made up of" -------------------------
def test_among_the_members_and_made_up_of():
    facts = run("The Central Leading Group for Taiwan Affairs was reshuffled in 2013. Zhang Zhijun was among "
                "the members.")
    assert people(facts, "member") == {"Zhang Zhijun"}
    facts = run("The Central Leading Group for Taiwan Affairs is small. It is made up of Xi Jinping, Wang Yang "
                "and Yang Jiechi.")
    assert people(facts, "member") == {"Xi Jinping", "Wang Yang", "Yang Jiechi"}


def test_among_the_audience_is_no_membership():
    facts = run("Xi Jinping spoke at the Central Leading Group for Taiwan Affairs forum. Zhang Zhijun was among "
                "the guests.")
    assert people(facts, "member") == set()


# -- deputies and members in news phrasing -----------------------------------------------------
def test_whose_deputy_head_is():
    facts = run("The Central Leading Group for Inspection Work, whose deputy head is Yang Xiaodu, sent teams to "
                "the provinces in 2017.")
    assert people(facts, "deputy_leader") == {"Yang Xiaodu"}


def test_his_deputy_and_deputised_by():
    facts = run("Zhao Leji heads the Central Leading Group for Inspection Work; his deputy is Yang Xiaodu.")
    assert people(facts, "deputy_leader") == {"Yang Xiaodu"}
    facts = run("The Central Leading Group for Inspection Work is headed by Zhao Leji and deputised by Yang "
                "Xiaodu.")
    assert people(facts, "deputy_leader") == {"Yang Xiaodu"}
    facts = run("Zhao Leji was made head of the Central Leading Group for Inspection Work, with Yang Xiaodu as "
                "deputy.")
    assert people(facts, "deputy_leader") == {"Yang Xiaodu"}


def test_appointed_to_and_seat_on_the_group():
    assert people(run("Chen Xi was appointed to the Central Leading Group for Inspection Work in 2017."),
                  "member") == {"Chen Xi"}
    assert people(run("Chen Xi holds a seat on the Central Leading Group for Inspection Work."),
                  "member") == {"Chen Xi"}


def test_appointed_to_head_is_leader_only():
    facts = run("Zhao Leji was appointed to head the Central Leading Group for Inspection Work in 2017.")
    assert roles(facts) and people(facts, "member") == set()


def test_discussion_and_research_groups_are_groups():
    facts = run("In 1980 the Central Committee set up the Central Research Group on Rural Policy. Du Runsheng, "
                "then a vice-minister, was its head. The other members were Wu Xiang and Lin Zili. The group's "
                "office was run by Chen Xiwen.")
    assert roles(facts) == {("Du Runsheng", "leader", "Central Research Group on Rural Policy"),
                            ("Wu Xiang", "member", "Central Research Group on Rural Policy"),
                            ("Lin Zili", "member", "Central Research Group on Rural Policy"),
                            ("Chen Xiwen", "office_director", "Central Research Group on Rural Policy")}


def test_group_overseeing_preparations_for_a_named_event_keeps_the_event_name():
    facts = run("Han Zheng, a Politburo member, heads the central leading group overseeing preparations for the "
                "Beijing Winter Olympics, and has visited the venues twice this year.")
    assert roles(facts) == {("Han Zheng", "leader",
                             "central leading group overseeing preparations for the Beijing Winter Olympics")}


def test_its_head_was_and_its_deputy_head_was_give_each_their_own_role():
    facts = run("The Central Leading Group for Taiwan Affairs was reorganised in 1993. Its head was Jiang Zemin and "
                "its deputy head was Qian Qichen, the vice-premier.")
    assert roles(facts) == {("Jiang Zemin", "leader", "Central Leading Group for Taiwan Affairs"),
                            ("Qian Qichen", "deputy_leader", "Central Leading Group for Taiwan Affairs")}


def test_a_ministry_level_state_commission_is_not_a_group():
    facts = run("Song Jian headed the State Science and Technology Commission from 1985 to 1998, and Li Tieying "
                "headed the State Education Commission.")
    assert roles(facts) == set()
