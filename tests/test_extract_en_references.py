"""Back-references: "the commission", "the panel", "the body", "the Hainan group", pronouns, bare surnames.

Short texts written for these tests (real facts, our own sentences)."""
from __future__ import annotations

from pipeline.extract.english import extract_english
from pipeline.records import ParsedDocument
from tests.en_extract_helpers import event_dates, events, people, roles, run


def test_the_committee_links_to_a_named_committee():
    facts = run("The Financial Stability and Development Committee was set up in July 2017 under the State "
                "Council. Ma Kai, then a vice-premier, was its first head. Liu He replaced Ma as head of the "
                "committee in 2018.")
    assert people(facts, "leader") == {"Ma Kai", "Liu He"}


def test_the_committee_after_the_central_committee_is_not_linked():
    facts = run("The Financial Stability and Development Committee meets monthly. The plenum of the Central "
                "Committee approved the plan, and Xi Jinping said the committee would study it.")
    assert roles(facts) == set()


def test_that_committee_set_up_in_a_year_chaired_by():
    facts = run("The central bank will host the office of the Financial Stability and Development Committee. "
                "That committee, set up in 2017, was most recently chaired by Vice-Premier Liu He.")
    assert ("Liu He", "leader", "Financial Stability and Development Committee") in roles(facts)
    assert ("established", "2017", "Financial Stability and Development Committee") in events(facts)


def test_the_panel_and_the_body():
    facts = run("The National Leading Group on Climate Change was established in June 2007 with Premier Wen "
                "Jiabao as its head. The panel brings together about twenty ministries; Wen chaired its first "
                "session that month.")
    assert people(facts, "leader") == {"Wen Jiabao"}
    assert len(events(facts)) == 2 and all("Climate Change" in g for _, _, g in events(facts))


def test_short_name_links_to_the_full_name_with_that_word():
    facts = run("The Central Leading Group on Hong Kong and Macao Affairs is headed by Han Zheng. The Leading "
                "Group for Promoting the Construction of the Hainan Free Trade Port was set up in 2018. The "
                "Hainan group has two deputy heads, Hu Chunhua and Liu Hongjian.")
    deputies = {(p, g) for p, r, g in roles(facts) if r == "deputy_leader"}
    assert {p for p, _ in deputies} == {"Hu Chunhua", "Liu Hongjian"}
    assert all("Hainan" in g for _, g in deputies)


def test_its_prefers_the_subject_of_the_sentence_before():
    facts = run("Xi Jinping heads the Central Foreign Affairs Commission. The commission was upgraded from the "
                "Central Leading Group for Foreign Affairs in March 2018. Its office, headed by Yang Jiechi, "
                "handles the commission's daily work.")
    assert ("Yang Jiechi", "office_director", "Central Foreign Affairs Commission") in roles(facts)


def test_the_office_refers_to_the_office_of_the_group_named_before():
    facts = run("Day-to-day work fell to the Office of the National Energy Leading Group. Ma Kai, the NDRC's "
                "chairman, served concurrently as director of the office.")
    assert people(facts, "office_director") == {"Ma Kai"}
    assert people(facts, "leader") == set()


def test_given_name_he_is_not_a_pronoun_or_a_sentence_start():
    facts = run("Ma Kai was the first head of the Financial Stability and Development Committee. Liu He "
                "replaced Ma as head of the committee in 2018.")
    assert people(facts, "leader") == {"Ma Kai", "Liu He"}


def test_bare_surname_of_a_person_named_before():
    facts = run("The Central National Security Commission was created in November 2013 under Xi Jinping. Xi is "
                "its chairman, and Li Keqiang and Zhang Dejiang are its deputies.")
    assert people(facts, "leader") == {"Xi Jinping"}
    assert people(facts, "deputy_leader") == {"Li Keqiang", "Zhang Dejiang"}
    assert event_dates(facts, "established") == {"2013-11"}


def test_subject_pronoun_he_and_the_group():
    facts = run("Zhao Leji was named head of the Central Leading Group for Inspection Work in 2017. He "
                "replaced Wang Qishan, who had led the group since 2013.")
    assert people(facts, "leader") == {"Zhao Leji", "Wang Qishan"}


def test_bare_surname_refers_to_a_name_written_out_far_above():
    filler = "\n\n".join(f"Note {n}: rain fell in the north and the harvest was late." for n in range(40))
    text = ("Xi Jinping visited Tianjin in May.\n\n" + filler +
            "\n\nThe Central Foreign Affairs Commission met on 15 May 2018. Xi heads the commission.\n")
    assert people(run(text), "leader") == {"Xi Jinping"}


REFORM_STORY = """BEIJING, March 21, 2018 (wire) - China will upgrade four of the party's leading groups into commissions.

The Central Leading Group for Comprehensively Deepening Reforms, the Central Leading Group for Cyberspace Affairs, the Central Leading Group for Financial and Economic Affairs and the Central Leading Group for Foreign Affairs will all become commissions, the plan said.

President Xi Jinping, who already chairs all four groups, is expected to head the new commissions. Premier Li Keqiang is a deputy head of the finance group, and Wang Huning has run the reform group's office since 2013.
"""


def test_all_four_groups_stands_for_the_list_before():
    led = {g for p, r, g in roles(run(REFORM_STORY)) if p == "Xi Jinping" and r == "leader"}
    assert len(led) == 4 and all("Leading Group" in g for g in led)


def test_a_list_of_names_is_not_one_long_name():
    facts = run(REFORM_STORY)
    names = {f.group.name for f in facts}
    assert not any(" and the " in n for n in names)


def test_the_finance_group_and_the_reform_group_by_their_topic_word():
    facts = roles(run(REFORM_STORY))
    assert ("Li Keqiang", "deputy_leader", "Central Leading Group for Financial and Economic Affairs") in facts
    assert ("Wang Huning", "office_director", "Central Leading Group for Comprehensively Deepening Reforms") in facts


def test_a_role_predicate_takes_the_one_group_of_its_sentence():
    facts = run("At the top sits the Central Foreign Affairs Commission. Xi Jinping is its director; Li Keqiang and "
                "Wang Qishan are deputy directors.")
    assert people(facts, "deputy_leader") == {"Li Keqiang", "Wang Qishan"}
    facts = run("Li Wei, deputy director of the NDRC, said the Central Leading Group for Rural Work would meet.")
    assert roles(facts) == set()


def test_put_in_charge_of_it_and_a_member_of_it():
    facts = run("The Central Leading Group for Taiwan Affairs was reorganised in 1993. Jiang Zemin, then the party's "
                "general secretary, was put in charge of it, and Wang Zhaoguo became a member of it.")
    assert roles(facts) == {("Jiang Zemin", "leader", "Central Leading Group for Taiwan Affairs"),
                            ("Wang Zhaoguo", "member", "Central Leading Group for Taiwan Affairs")}


def test_an_it_outside_a_role_phrase_names_no_group():
    facts = run("The Central Leading Group for Taiwan Affairs was reorganised in 1993. Jiang Zemin said little "
                "of it in public.")
    assert roles(facts) == set()


def test_short_group_name_does_not_point_to_a_commission():
    text = ("In 1979 the State Council set up a Financial and Economic Commission. Chen Yun became its chairman. "
            "In 1980 it was replaced by the Central Financial and Economic Leading Group, and the Financial "
            "and Economic Commission was wound up. Historians note that the economic group created in 1980 outlived the commission by decades.")
    doc = ParsedDocument(origin="t.txt", text=text, content_hash="x", media_type="text/plain", lang="en")
    mentions = next(extract_english([doc])).mentions
    linked = {m.normalized for m in mentions if m.label == "GROUP" and m.text == "the economic group"}
    assert linked == {"Central Leading Group for Financial and Economic Affairs"}
