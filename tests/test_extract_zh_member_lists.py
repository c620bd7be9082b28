"""Members named in running text as a list after 成员 (共N人, 除X外, 有…, 以及…), and the
wording that names no member.

Texts are our own sentences; placeholder bodies where a real member list would have to be
invented, real officials' names.
"""
from __future__ import annotations

from tests.zh_extract_helpers import roles

PLANNING = "国务院测试规划领导小组"


def test_members_after_a_count_and_an_exception_run_over_a_comma():
    text = (f"2010年，国务院成立{PLANNING}，由温家宝任组长。小组成员共6人：除温家宝外，有国务院副总理"
            "李克强、回良玉，以及张平、谢旭人、陈德铭等三位部门负责人。")
    members = {(PLANNING, name, "member") for name in ("李克强", "回良玉", "张平", "谢旭人", "陈德铭")}
    assert roles(text) == {(PLANNING, "温家宝", "leader")} | members


def test_members_have_list_with_a_count_at_the_end():
    text = "中央财经委员会于2018年组建。委员会成员有汪洋、王沪宁、韩正等三位政治局常委。"
    group = "中央财经委员会"
    assert roles(text) == {(group, name, "member") for name in ("汪洋", "王沪宁", "韩正")}


def test_members_of_an_abbreviated_body_without_its_prefix():
    text = ("1993年，国务院成立国务院三峡工程建设委员会（简称国务院三峡建委），李鹏任主任。"
            "三峡建委成员共4人：除李鹏外，有邹家华、陈俊生、郭树言。")
    group = "国务院三峡工程建设委员会"
    assert roles(text) == {(group, "李鹏", "leader")} | {(group, n, "member") for n in ("邹家华", "陈俊生", "郭树言")}


def test_a_count_alone_names_no_member():
    text = f"{PLANNING}成员共15人，来自计划、财政等部门。"
    assert roles(text) == set()


def test_members_of_a_two_character_short_name():
    text = ("2008年，国务院成立国务院测试协调委员会（简称国务院测委），温家宝任主任。"
            "测委成员有张平、谢旭人、陈德铭等。")
    group = "国务院测试协调委员会"
    assert roles(text) == {(group, "温家宝", "leader")} | {(group, n, "member") for n in ("张平", "谢旭人", "陈德铭")}


def test_members_besides_the_leader_without_a_count():
    text = "国务院测试领导小组成员除组长李强外，还有丁薛祥、何立峰、王小洪等。"
    group = "国务院测试领导小组"
    assert roles(text) == {(group, n, "member") for n in ("丁薛祥", "何立峰", "王小洪")}


def test_a_count_and_a_colon_open_the_list():
    text = "国务院测试领导小组成员共3人：丁薛祥、何立峰、王小洪。"
    group = "国务院测试领导小组"
    assert roles(text) == {(group, n, "member") for n in ("丁薛祥", "何立峰", "王小洪")}


def test_members_after_a_comma_and_an_exception():
    text = "国务院测试领导小组的成员，除组长李强外，还有丁薛祥、何立峰、吴政隆三位。"
    group = "国务院测试领导小组"
    assert roles(text) == {(group, n, "member") for n in ("丁薛祥", "何立峰", "吴政隆")}
