"""Who a role phrase names when the list is not simply "role + names": a head count before
the list (副组长共五人，分别是…), unnamed office-holders after a named one (…以及X的负责同志),
a later clause sharing the sentence's subject (…，其后出任), a headquarters' abbreviation and
its commander (总指挥).

Texts are our own sentences about real bodies and officials.
"""
from __future__ import annotations

from tests.zh_extract_helpers import roles


def test_head_count_before_a_list_of_posts_and_names():
    text = ("国务院调整国务院深化医药卫生体制改革领导小组组成人员。副组长共三人，分别是国务院副秘书长江小涓、"
            "国家发展改革委副主任连维良和财政部副部长余蔚平。")
    group = "国务院深化医药卫生体制改革领导小组"
    assert roles(text) == {(group, "江小涓", "deputy_leader"), (group, "连维良", "deputy_leader"),
                           (group, "余蔚平", "deputy_leader")}


def test_unnamed_office_holders_after_a_named_deputy():
    text = ("广东省第七次全国人口普查领导小组成立，省政府副秘书长林积"
            "以及省统计局、省公安厅的负责同志担任副组长。")
    assert roles(text) == {("广东省第七次全国人口普查领导小组", "林积", "deputy_leader")}


def test_later_clause_shares_the_subject_opening_the_sentence():
    text = "韩正2017年10月进入政治局常委会，其后出任京津冀协同发展领导小组组长。"
    assert roles(text) == {("京津冀协同发展领导小组", "韩正", "leader")}


def test_headquarters_abbreviation_and_its_commander():
    text = "2006年，国务院成立国家森林防火指挥部（简称国家森防指）。2008年起，国务院副总理回良玉担任国家森防指总指挥。"
    assert roles(text) == {("国家森林防火指挥部", "回良玉", "leader")}
