"""English extraction on short texts written for these tests (real facts, our own sentences)."""
from __future__ import annotations

import pytest

from pipeline.extract.english import extract_english
from pipeline.records import Event, Membership, ParsedDocument


def _doc(text: str, published: str | None = None) -> ParsedDocument:
    return ParsedDocument(origin="test.txt", text=text, content_hash="x", media_type="text/plain",
                          lang="en", published=published)


def _run(text: str, published: str | None = None):
    extraction = next(extract_english([_doc(text, published)]))
    for fact in extraction.facts:
        assert text[fact.evidence.start:fact.evidence.end] == fact.evidence.text
    return extraction.facts


def _roles(facts) -> set[tuple[str, str, str]]:
    """(person, role, group canonical-or-name) of every membership."""
    return {(f.person.canonical or f.person.name, f.role, f.group.canonical or f.group.name)
            for f in facts if isinstance(f, Membership)}


def _people_with(facts, role: str) -> set[str]:
    return {f.person.canonical or f.person.name for f in facts if isinstance(f, Membership) and f.role == role}


def test_leader_and_deputies_with_as():
    facts = _run("Xi Jinping heads the Central Leading Group for Comprehensively Deepening Reforms, "
                 "with Li Keqiang, Liu Yunshan and Zhang Gaoli as deputy heads.")
    assert _people_with(facts, "leader") == {"Xi Jinping"}
    assert _people_with(facts, "deputy_leader") == {"Li Keqiang", "Liu Yunshan", "Zhang Gaoli"}
    assert all("Deepening" in (f.group.canonical or f.group.name) for f in facts)


def test_person_in_another_capacity_is_not_a_member():
    facts = _run("The Central Leading Group for Cybersecurity and Informatization is chaired by Xi Jinping. "
                 "Fan Changlong, a vice-chairman of the Central Military Commission, and Guo Shengkun, "
                 "the Minister of Public Security, attended a ceremony in Beijing.")
    assert _people_with(facts, "leader") == {"Xi Jinping"}
    people = {f.person.canonical for f in facts if isinstance(f, Membership)}
    assert "Fan Changlong" not in people and "Guo Shengkun" not in people


def test_title_stripped_and_surname_linked():
    facts = _run("Vice Premier Liu He was named head of the office of the Central Commission for Financial "
                 "and Economic Affairs. Liu later chaired a meeting of the commission on 5 June 2018.")
    assert ("Liu He", "office_director") in {(f.person.canonical, f.role) for f in facts if isinstance(f, Membership)}
    meetings = [f for f in facts if isinstance(f, Event) and f.event == "meeting"]
    assert [m.date for m in meetings] == ["2018-06-05"]


def test_pronoun_he_resolves_to_the_subject_named_before():
    facts = _run("He Lifeng has been appointed head of the office of the Central Financial Commission. "
                 "He, a close ally of President Xi Jinping, was also named director of the Central "
                 "Financial and Economic Affairs Commission.")
    roles = {(f.person.canonical, f.role) for f in facts if isinstance(f, Membership)}
    assert ("He Lifeng", "office_director") in roles
    assert ("He Lifeng", "leader") in roles
    assert not any(p == "Xi Jinping" for p, _ in roles)


def test_bulleted_roster_under_role_headings():
    text = ("Central Foreign Affairs Commission\n"
            "- Chairman\n- Xi Jinping, General Secretary\n"
            "- Vice Chairman\n- Li Keqiang, Premier of the State Council\n"
            "- Members\n- Wang Qishan, Vice President\n- Wang Yi, Foreign Minister\n")
    facts = _run(text)
    assert _people_with(facts, "leader") == {"Xi Jinping"}
    assert _people_with(facts, "deputy_leader") == {"Li Keqiang"}
    assert _people_with(facts, "member") == {"Wang Qishan", "Wang Yi"}


def test_inline_member_list_after_colon():
    facts = _run("In 2021 China set up a Leading Group on Carbon Peak and Carbon Neutrality, headed by "
                 "Han Zheng. Its members included: Vice Premier Liu He; State Councilor Wang Yong; and "
                 "Chairman of the National Development and Reform Commission He Lifeng.")
    assert _people_with(facts, "leader") == {"Han Zheng"}
    assert _people_with(facts, "member") == {"Liu He", "Wang Yong", "He Lifeng"}
    groups = {f.group.canonical or f.group.name for f in facts if isinstance(f, Membership)}
    assert not any("Development and Reform" in g for g in groups)


def test_abbreviation_defined_in_parentheses_is_the_same_group():
    facts = _run("The State Council Leading Group for Poverty Alleviation and Development (LGPAD) was set up "
                 "in 1986. The director of the poverty alleviation office, Liu Yongfu, heads the LGPAD's office.")
    assert ("Liu Yongfu", "office_director") in {(f.person.canonical, f.role) for f in facts if isinstance(f, Membership)}
    established = [f for f in facts if isinstance(f, Event) and f.event == "established"]
    assert [e.date for e in established] == ["1986"]


def test_renamed_event_names_the_new_body():
    facts = _run("In March 2018 the Central Leading Group for Financial and Economic Affairs was upgraded "
                 "to the Central Commission for Financial and Economic Affairs.")
    renamed = [f for f in facts if isinstance(f, Event) and f.event == "renamed"]
    assert len(renamed) == 1 and renamed[0].date == "2018-03"
    new_body = renamed[0].to_group
    assert new_body is not None and "Commission" in (new_body.canonical or new_body.name)


def test_relative_weekday_needs_the_published_date():
    text = ("Vice Premier Ma Kai presided over the first meeting of the Financial Stability and "
            "Development Committee on Wednesday.")
    dated = [f for f in _run(text, published="2017-11-09") if isinstance(f, Event)]
    assert [(f.event, f.date) for f in dated] == [("meeting", "2017-11-08")]
    assert not [f for f in _run(text) if isinstance(f, Event)]


def test_hard_wrapped_text_and_evidence_offsets():
    lines = ["In the unique Party-State system that China runs, the Central Leading Group for",
             "Taiwan Affairs was formed in 1954 and is headed by President Xi",
             "Jinping, while many other leading groups are chaired by Politburo",
             "Standing Committee members who are appointed by the party centre."] * 4
    text = " \n\n".join(lines)
    facts = _run(text)
    assert ("Xi Jinping", "leader") in {(f.person.canonical, f.role) for f in facts if isinstance(f, Membership)}
    assert ("established", "1954") in {(f.event, f.date) for f in facts if isinstance(f, Event)}


@pytest.mark.parametrize("text", ["", "\x00\x01\x02 heads \x07", "no punctuation at all " * 2000,
                                  "习近平 heads 中央外事工作领导小组 " * 50, " \n\n \n" * 500])
def test_bad_input_does_not_crash(text):
    assert isinstance(_run(text), list)


def test_one_extraction_per_document_in_order():
    docs = [_doc("Xi Jinping chairs the Central National Security Commission."), _doc(""),
            _doc("The Central Leading Group for Taiwan Affairs was formed in 1954.")]
    out = list(extract_english(docs))
    assert len(out) == 3
    assert out[0].facts and not out[1].facts and out[2].facts


def test_table_roster_printed_above_the_group_name():
    facts = _run("| Position | Name |\n| Leader | Xi Jinping |\n| Deputy leader | Li Keqiang |\n"
                 "Central Leading Group for Taiwan Affairs")
    assert _roles(facts) == {("Xi Jinping", "leader", "Central Leading Group for Taiwan Affairs"),
                             ("Li Keqiang", "deputy_leader", "Central Leading Group for Taiwan Affairs")}


def test_predecessor_who_no_longer_serves_held_the_same_roles():
    facts = _run("The party centre decided that Comrade Wang Yi serves as member and office director of "
                 "the Central Foreign Affairs Commission, and that Comrade Yang Jiechi no longer serves in "
                 "those positions.")
    for person in ("Wang Yi", "Yang Jiechi"):
        assert {r for p, r, _ in _roles(facts) if p == person} == {"member", "office_director"}


def test_replacing_passes_the_role_to_the_replaced_person():
    facts = _run("He Lifeng was appointed director of the Central Financial and Economic Affairs Commission "
                 "office, replacing Liu He.")
    assert {(p, r) for p, r, _ in _roles(facts)} == {("He Lifeng", "office_director"), ("Liu He", "office_director")}


def test_group_that_meets_and_participle_date():
    facts = _run("The Central Commission for Integrated Military and Civilian Development, set up in "
                 "January 2017, met for the first time on June 20, 2017.")
    assert {(f.event, f.date) for f in facts if isinstance(f, Event)} == {("established", "2017-01"),
                                                                          ("meeting", "2017-06-20")}


def test_vague_change_is_not_a_renaming():
    facts = _run("The Central Leading Group for Taiwan Affairs became more influential in 2005.")
    assert not [f for f in facts if isinstance(f, Event)]


def test_non_groups_get_no_roles():
    facts = _run("The Central Military Commission is chaired by Xi Jinping. The National Health Commission, "
                 "headed by Ma Xiaowei, met on Monday. Wang Wentao heads the Ministry of Commerce.",
                 published="2021-03-03")
    assert facts == []


def test_roster_of_past_leaders_belongs_to_the_article_group():
    text = ("Central Leading Group for Propaganda and Ideology\n"
            "The Central Leading Group for Propaganda and Ideology is a leading small group of the Central "
            "Committee. The group was set up in 1988, replacing the Central Leading Group for Propaganda and "
            "Thought Work.\nLeaders\n- Li Ruihuan (1989–1993)\n- Ding Guangen (1993–2002)\n")
    facts = _run(text)
    assert _roles(facts) == {(p, "leader", "Central Leading Group for Propaganda and Ideology")
                             for p in ("Li Ruihuan", "Ding Guangen")}
    assert {(f.event, f.date) for f in facts if isinstance(f, Event)} == {("established", "1988")}


def test_wire_story_remarks_take_the_date_of_the_sentence_before():
    facts = _run("Xi Jinping, head of the Central Cyberspace Affairs Commission, stressed cyber security on "
                 "Tuesday. Xi made the remarks while presiding over the first meeting of the commission.",
                 published="2018-04-21")
    assert [(f.event, f.date) for f in facts if isinstance(f, Event)] == [("meeting", "2018-04-17")]


def test_infobox_rows_date_the_article_group_and_skip_the_predecessor():
    facts = _run("Central Financial and Economic Affairs Commission\nAgency overview |\nFormed | March 2018 |\n"
                 "Preceding agency | Central Leading Group for Financial and Economic Affairs |\n"
                 "Xi Jinping chairs it.")
    assert [(f.event, f.date) for f in facts if isinstance(f, Event)] == [("established", "2018-03")]
    assert _roles(facts) == {("Xi Jinping", "leader", "Central Financial and Economic Affairs Commission")}
