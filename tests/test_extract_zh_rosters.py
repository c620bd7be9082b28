"""Notice rosters and encyclopedia lists: indented continuation lines, 组员 headers, the group
named by the notice title, tenures in brackets, unlisted surnames, provincial commissions.

Texts are our own; real bodies and officials, placeholder bodies where a roster would have to be
invented.
"""
from __future__ import annotations

from tests.zh_extract_helpers import events, roles

FOOD_SAFETY = """国务院关于设立国务院食品安全委员会的通知
国发〔2010〕6号

各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
为贯彻落实食品安全法，国务院决定设立国务院食品安全委员会，作为国务院食品安全工作的高层次议事协调机构。现将有关事项通知如下：
一、国务院食品安全委员会的组成人员
主　任：李克强　国务院副总理
副主任：回良玉　国务院副总理
　　　　王岐山　国务院副总理
二、国务院食品安全委员会设立办公室，作为国务院食品安全委员会的办事机构。

国务院
二〇一〇年二月六日
"""


def test_state_council_commission_roster_with_indented_continuation():
    group = "国务院食品安全委员会"
    # 回 is missing from common surname lists: the post after the name vouches for it.
    assert roles(FOOD_SAFETY) == {(group, "李克强", "leader"), (group, "回良玉", "deputy_leader"),
                                  (group, "王岐山", "deputy_leader")}
    assert events(FOOD_SAFETY) == {(group, "established", "2010-02-06", None)}


HISTORICAL = """中共中央关于成立中央测试工作小组的通知

1966年6月1日，中共中央决定成立中央测试工作小组。上列小组组成人员如下：

组　长：赵大海
顾　问：钱小江
副组长：孙立平
　　　　王任重
组　员：周　明
　　　　吴有为
说明：名单按原通知排列。
"""


def test_roster_group_comes_from_the_heading_and_every_indented_line_counts():
    group = "中央测试工作小组"
    assert roles(HISTORICAL) == {(group, "赵大海", "leader"), (group, "孙立平", "deputy_leader"),
                                 (group, "王任重", "deputy_leader"), (group, "周明", "member"),
                                 (group, "吴有为", "member")}  # 顾问 is no role we record


PROVINCIAL = """浙江省人民政府办公厅关于调整浙江省测试工作委员会组成人员的通知
浙政办发〔2021〕15号

各市、县（市、区）人民政府，省政府直属各单位：
因人事变动和工作需要，省政府决定对浙江省测试工作委员会组成人员进行调整。现将调整后的组成人员名单通知如下：
主　　任：郑栅洁　省长
常务副主任：陈金彪　副省长
副　主　任：王文序　副省长
委　　员：方　明　省政府副秘书长
　　　　　施立中　省应急管理厅厅长
省测试工作委员会办公室设在省应急管理厅，办公室主任由施立中同志兼任。

浙江省人民政府办公厅
2021年3月2日
"""


def test_provincial_commission_notice_with_spaced_headers():
    group = "浙江省测试工作委员会"
    assert roles(PROVINCIAL) == {(group, "郑栅洁", "leader"), (group, "陈金彪", "deputy_leader"),
                                 (group, "王文序", "deputy_leader"), (group, "方明", "member"),
                                 (group, "施立中", "member"), (group, "施立中", "office_director")}
    assert events(PROVINCIAL) == set()  # 调整组成人员 is no event


ENCYCLOPEDIA = """推动长江经济带发展领导小组
中文名 | 推动长江经济带发展领导小组 |
组长 | 韩正 |
办公室 | 设在国家发展和改革委员会 |
成立时间 | 2014年 |
历任组长（部分）
张高丽（2014年—2018年，时任国务院副总理）
韩正（2018年—2023年）
"""


def test_past_leaders_listed_with_tenures_in_brackets():
    group = "推动长江经济带发展领导小组"
    assert roles(ENCYCLOPEDIA) == {(group, "韩正", "leader"), (group, "张高丽", "leader")}
    assert events(ENCYCLOPEDIA) == {(group, "established", "2014", None)}


def test_encyclopedia_key_value_lines_with_posts_in_brackets():
    text = ("国家应对气候变化及节能减排工作领导小组\n成立时间：2007年6月\n组长：温家宝（时任国务院总理）\n"
            "副组长：曾培炎（时任国务院副总理）、唐家璇（时任国务委员）\n")
    group = "国家应对气候变化及节能减排工作领导小组"
    assert roles(text) == {(group, "温家宝", "leader"), (group, "曾培炎", "deputy_leader"),
                           (group, "唐家璇", "deputy_leader")}
    assert events(text) == {(group, "established", "2007-06", None)}


def test_party_notice_in_running_text_dated_by_its_closing_line():
    text = ("中共中央关于成立中央测试工作领导小组的通知\n\n中共中央决定，成立中央测试工作领导小组。"
            "赵大海同志任组长，钱小江、孙立平同志任副组长。领导小组办公室主任由周建国同志担任。\n\n"
            "中共中央\n1993年3月12日\n")
    group = "中央测试工作领导小组"
    assert roles(text) == {(group, "赵大海", "leader"), (group, "钱小江", "deputy_leader"),
                           (group, "孙立平", "deputy_leader"), (group, "周建国", "office_director")}
    assert events(text) == {(group, "established", "1993-03-12", None)}


def test_a_roster_stops_at_prose_and_skips_unnamed_members():
    text = ("国务院测试开发领导小组组成人员\n组　长：朱镕基　国务院总理\n副组长：温家宝　国务院副总理\n"
            "成　员：由国务院有关部门主要负责同志组成（名单略）\n领导小组下设办公室，具体承担日常工作。\n")
    group = "国务院测试开发领导小组"
    assert roles(text) == {(group, "朱镕基", "leader"), (group, "温家宝", "deputy_leader")}


def test_a_body_abolished_in_the_same_notice_does_not_take_the_roster():
    text = ("山东省人民政府办公厅关于成立山东省测试工作领导小组的通知\n为加强领导，省政府决定成立山东省测试工作领导小组，"
            "同时撤销山东省扶贫开发领导小组。领导小组组成人员如下：\n组　长：周乃翔　省长\n副组长：赵大海　副省长\n")
    group = "山东省测试工作领导小组"
    assert roles(text) == {(group, "周乃翔", "leader"), (group, "赵大海", "deputy_leader")}


def test_prose_about_the_office_is_no_office_heading_for_the_next_table():
    text = ("国务院食品安全委员会\n委员会办公室设在市场监管总局，办公室主任由市场监管总局副局长毕井泉兼任。\n"
            "| 职务 | 姓名 | 时任职务 |\n|---|---|---|\n| 主任 | 韩 正 | 国务院副总理 |\n"
            "| 副主任 | 胡春华 | 国务院副总理 |\n| 委员 | 孟 扬 | 国务院副秘书长 |\n"
            "| 办公室副主任 | 孙梅君 | 市场监管总局副局长 |\n")
    group = "国务院食品安全委员会"
    assert roles(text) == {(group, "毕井泉", "office_director"), (group, "韩正", "leader"),
                           (group, "胡春华", "deputy_leader"), (group, "孟扬", "member")}


def test_roster_under_an_office_heading_directs_that_office():
    text = "国务院测试工作领导小组办公室组成人员\n主　任：赵大海　统计局副局长\n副主任：钱小江\n"
    assert roles(text) == {("国务院测试工作领导小组", "赵大海", "office_director")}


def test_past_leaders_table_under_a_heading_and_a_year_month_infobox_date():
    text = ("国务院测试振兴领导小组\n成立时间 | 2003-10 |\n历任组长\n| 姓名 | 任职时间 | 时任职务 |\n|---|---|---|\n"
            "| 温家宝 | 2003—2013 | 国务院总理 |\n| 李克强 | 2013—2018 | 国务院总理 |\n")
    group = "国务院测试振兴领导小组"
    assert roles(text) == {(group, "温家宝", "leader"), (group, "李克强", "leader")}
    assert events(text) == {(group, "established", "2003-10", None)}


def test_an_unrelated_table_after_a_roster_is_not_read_as_more_members():
    text = ("国务院测试协调领导小组\n成员：赵大海\n\n相关人物\n| 姓名 | 职务 |\n|---|---|\n| 郭树清 | 银保监会主席 |\n"
            "国务院测试保障领导小组\n成员：钱小江\n\n| 姓名 | 职务 |\n| 易纲 | 人民银行行长 |\n")
    assert roles(text) == {("国务院测试协调领导小组", "赵大海", "member"), ("国务院测试保障领导小组", "钱小江", "member")}


ALTERNATIVES = ("关于调整国务院测试领导小组或国务院测试委员会组成人员的通知\n"
                "组　长：李强　国务院总理\n副组长：丁薛祥　国务院副总理\n")


def test_a_roster_under_two_alternative_bodies_belongs_to_both():
    assert roles(ALTERNATIVES) == {(g, p, r) for g in ("国务院测试领导小组", "国务院测试委员会")
                                   for p, r in (("李强", "leader"), ("丁薛祥", "deputy_leader"))}


def test_a_roster_under_alternatives_belongs_to_the_body_set_up():
    text = ("国务院关于成立国务院测试委员会或国务院测试领导小组的通知\n国务院决定成立国务院测试领导小组。"
            "组成人员如下：\n组　长：李强　国务院总理\n副组长：丁薛祥　国务院副总理\n")
    group = "国务院测试领导小组"
    assert roles(text) == {(group, "李强", "leader"), (group, "丁薛祥", "deputy_leader")}
