"""Where an unseen body's name begins: connectives (A到B), verbs of belonging (属于, 并入) and
of carrying out (督促落实) stand before a name, never inside it; and a listed official's name
is read even when its surname is rare or it is also a common word.

Texts are our own sentences about real bodies and officials.
"""
from __future__ import annotations

from tests.zh_extract_helpers import roles, run


def _groups(text: str) -> set[str]:
    return {m.normalized for m in run(text).mentions if m.label == "GROUP"}


def test_from_a_to_b_headline_names_two_bodies():
    text = ("从国务院三峡工程建设委员会到三峡后续工作规划协调小组\n\n"
            "1993年1月，国务院三峡工程建设委员会成立，李鹏任主任。")
    assert not any("到" in name for name in _groups(text))
    assert roles(text) == {("国务院三峡工程建设委员会", "李鹏", "leader")}


def test_belonging_verb_stays_outside_the_name():
    text = "国务院三峡工程建设委员会成立后，长江水利委员会不属于三峡工程建设委员会，也不属于其移民开发局。"
    assert not any(name.startswith(("属于", "不属于")) for name in _groups(text))


def test_carrying_out_verbs_before_a_bare_group_name():
    text = ("省政府成立四川省第七次全国人口普查领导小组。领导小组下设办公室，设在省统计局，"
            "督促落实领导小组议定事项。省统计局局长赖建华兼任办公室主任。")
    assert roles(text) == {("四川省第七次全国人口普查领导小组", "赖建华", "office_director")}


def test_listed_official_with_rare_surname_takes_the_post():
    text = "2008年起，国务院副总理回良玉担任国家防汛抗旱总指挥部总指挥。"
    assert roles(text) == {("国家防汛抗旱总指挥部", "回良玉", "leader")}


def test_listed_official_whose_name_is_a_word_succeeds_a_predecessor():
    text = "2013年，汪洋接替回良玉出任国家防汛抗旱总指挥部总指挥。"
    group = "国家防汛抗旱总指挥部"
    assert roles(text) == {(group, "汪洋", "leader"), (group, "回良玉", "leader")}


def test_province_namesake_of_a_national_body_is_its_own_body():
    text = "2023年，浙江省政府成立浙江省第五次全国经济普查领导小组，副省长卢山任组长。"
    assert roles(text) == {("浙江省第五次全国经济普查领导小组", "卢山", "leader")}


def test_enumerated_events_of_one_kind_belong_to_the_name():
    text = "2019年，北京冬奥会、冬残奥会工作领导小组召开会议，韩正任组长。"
    assert roles(text) == {("北京冬奥会、冬残奥会工作领导小组", "韩正", "leader")}


def test_two_bodies_joined_by_a_list_comma_stay_two():
    text = "国务院第五次全国经济普查领导小组、国务院第七次全国人口普查领导小组先后成立。"
    assert {"国务院第五次全国经济普查领导小组", "国务院第七次全国人口普查领导小组"} <= _groups(text)
