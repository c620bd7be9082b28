"""Roles stated in running Chinese text: premiers' titles after names, anaphora, successions,
capacities, press idioms (接掌, 挂帅), respective lists, and people named in other capacities.

Texts are our own sentences about real bodies and officials (placeholder bodies where a roster
would otherwise have to be invented).
"""
from __future__ import annotations

import pytest

from tests.zh_extract_helpers import roles

ENERGY = "国家能源委员会"


def test_post_written_after_the_name_before_the_role():
    text = "2010年1月，国务院决定成立国家能源委员会，由温家宝总理任主任，李克强副总理任副主任。"
    assert roles(text) == {(ENERGY, "温家宝", "leader"), (ENERGY, "李克强", "deputy_leader")}


def test_anaphoric_commission_takes_the_last_commission_named():
    text = "国务院金融稳定发展委员会于2017年11月成立。刘鹤曾担任该委员会主任，负责金融监管协调。"
    assert roles(text) == {("国务院金融稳定发展委员会", "刘鹤", "leader")}


def test_taking_over_a_role_names_the_new_holder_not_a_group():
    text = ("京津冀协同发展领导小组于2014年成立。2018年起，国务院副总理韩正接任领导小组组长，"
            "多次主持召开领导小组会议。")
    assert roles(text) == {("京津冀协同发展领导小组", "韩正", "leader")}


def test_succession_gives_the_post_to_both_holders():
    text = "（本報訊）中共中央政治局常委、國務院副總理丁薛祥已接替韓正，出任粵港澳大灣區建設領導小組組長。"
    group = "粤港澳大湾区建设领导小组"
    assert roles(text) == {(group, "丁薛祥", "leader"), (group, "韩正", "leader")}


def test_capacity_phrase_and_hong_kong_married_names():
    text = ("粵港澳大灣區建設領導小組在北京召開全體會議。行政長官林鄭月娥和澳門特區行政長官崔世安"
            "以領導小組成員身份出席。")
    group = "粤港澳大湾区建设领导小组"
    assert roles(text) == {(group, "林郑月娥", "member"), (group, "崔世安", "member")}


def test_press_idioms_for_taking_charge():
    text = ("韓正接掌中央港澳工作領導小組　夏寶龍任副組長\n"
            "據港媒報導，由國務院副總理韓正出任組長，全國政協副主席、國務院港澳辦主任夏寶龍擔任副組長。")
    group = "中央港澳工作领导小组"
    # The office named on the way (港澳辦) is an agency: 副組長 belongs to the leading group.
    assert roles(text) == {(group, "韩正", "leader"), (group, "夏宝龙", "deputy_leader")}


def test_office_taken_over_and_a_newly_formed_body():
    text = ("何立峰出掌中央金融委員會辦公室\n中共中央政治局委員、國務院副總理何立峰已出任新成立的"
            "中央金融委員會辦公室主任。中央金融委員會由國務院總理李強擔任主任。")
    assert roles(text) == {("中央金融委员会", "何立峰", "office_director"), ("中央金融委员会", "李强", "leader")}


def test_post_filled_by_a_successor_and_a_bad_name_candidate():
    text = ("中央財經委員會辦公室主任易人\n中共中央財經委員會辦公室主任一職由國務院副總理何立峰接任。"
            "中央財經委員會由中共總書記習近平擔任主任，國務院總理李強擔任副主任。")
    assert roles(text) == {("中央财经委员会", "何立峰", "office_director"), ("中央财经委员会", "习近平", "leader"),
                           ("中央财经委员会", "李强", "deputy_leader")}


def test_respective_roles_pair_names_in_order():
    text = "2003年10月，国务院决定成立国务院振兴东北地区等老工业基地领导小组，温家宝、曾培炎分别任组长、副组长。"
    group = "国务院振兴东北地区等老工业基地领导小组"
    assert roles(text) == {(group, "温家宝", "leader"), (group, "曾培炎", "deputy_leader")}


@pytest.mark.parametrize("text", ["国务院测试协调领导小组组长、副组长分别由国务院副总理张国清、国务委员吴政隆担任。",
                                  "国务院测试协调领导小组组长、副组长分别为国务院副总理张国清、国务委员吴政隆。"])
def test_respective_roles_filled_by_a_list_of_names(text):
    group = "国务院测试协调领导小组"
    assert roles(text) == {(group, "张国清", "leader"), (group, "吴政隆", "deputy_leader")}


def test_members_named_with_wei_and_member_departments_left_out():
    text = ("国务院决定成立国务院测试规划领导小组，由国务院副总理张国清任组长，赵大海、钱小江任副组长，"
            "孙立平、周建国、吴有才为成员。中央编办、财政部等部门为成员单位。")
    group = "国务院测试规划领导小组"
    assert roles(text) == {(group, "张国清", "leader"), (group, "赵大海", "deputy_leader"),
                           (group, "钱小江", "deputy_leader"), (group, "孙立平", "member"),
                           (group, "周建国", "member"), (group, "吴有才", "member")}


def test_xinhua_attendance_list_gives_each_person_only_their_own_post():
    text = ("中共中央政治局常委、国务院副总理、领导小组组长韩正，中共中央政治局委员、国务院副总理胡春华，"
            "国务委员王勇出席会议。国务院测试协调领导小组成立。")
    assert roles(text) == {("国务院测试协调领导小组", "韩正", "leader")}


def test_a_name_then_a_verb_is_not_a_longer_name():
    text = "国务院测试协调领导小组组长赵乐际强调，要抓好落实。"
    assert roles(text) == {("国务院测试协调领导小组", "赵乐际", "leader")}


def test_one_person_holding_two_posts():
    text = "国务院测试协调领导小组成立。领导小组副组长兼办公室主任由国家发展改革委主任郑栅洁担任。"
    group = "国务院测试协调领导小组"
    assert roles(text) == {(group, "郑栅洁", "deputy_leader"), (group, "郑栅洁", "office_director")}


def test_traditional_characters_by_and_list_intro():
    text = "中央對臺工作領導小組組長由習近平擔任，副組長為全國政協主席王滬寧。"
    group = "中央对台工作领导小组"
    assert roles(text) == {(group, "习近平", "leader"), (group, "王沪宁", "deputy_leader")}


def test_encyclopedia_prose_about_past_and_present_holders():
    text = ("中央财经领导小组组长先后由赵紫阳、江泽民、温家宝和习近平担任。历任组长有李鹏。现任副组长是李克强。"
            "该小组首任办公室主任为林涧青。王岐山曾任该小组成员。")
    group = "中央财经领导小组"
    assert roles(text) == {(group, "赵紫阳", "leader"), (group, "江泽民", "leader"), (group, "温家宝", "leader"),
                           (group, "习近平", "leader"), (group, "李鹏", "leader"), (group, "李克强", "deputy_leader"),
                           (group, "林涧青", "office_director"), (group, "王岐山", "member")}


def test_meeting_attendees_in_other_capacities_are_left_out():
    text = ("中央外事工作委员会主任习近平主持召开中央外事工作委员会第一次会议。中央政法委员会书记郭声琨、"
            "外交部部长王毅、国家发展和改革委员会主任何立峰、中央外事工作委员会办公室主任杨洁篪等参加会议。")
    group = "中央外事工作委员会"
    assert roles(text) == {(group, "习近平", "leader"), (group, "杨洁篪", "office_director")}


def test_taking_over_from_someone_and_reported_appointments():
    text = ("1992年10月中共十四大後，江澤民從楊尚昆手中接任中共中央對台工作領導小組組長。2003年胡錦濤接任組長。"
            "次年3月出任全國政協主席的俞正聲據報出任副組長。")
    group = "中央对台工作领导小组"
    assert roles(text) == {(group, "江泽民", "leader"), (group, "杨尚昆", "leader"), (group, "胡锦涛", "leader"),
                           (group, "俞正声", "deputy_leader")}


def test_office_named_as_a_body_is_directed_for_its_commission():
    text = ("中央审计委员会的办事机构为中央审计委员会办公室，设在审计署，审计长胡泽君任办公室主任。"
            "中央审计委员会副主任李克强出席会议。")
    group = "中央审计委员会"
    assert roles(text) == {(group, "胡泽君", "office_director"), (group, "李克强", "deputy_leader")}


def test_short_office_names_direct_their_group_but_agencies_do_not():
    text = ("國務院扶貧辦主任劉永富介紹進展。國務院港澳辦主任夏寶龍出席。中央编办副主任赵大海出席。\n"
            "中央网络安全和信息化领导小组的日常工作由中央网络安全和信息化领导小组办公室承担，"
            "国家互联网信息办公室主任鲁炜任该办公室主任。")
    assert roles(text) == {("国务院扶贫开发领导小组", "刘永富", "office_director"),
                           ("中央网络安全和信息化领导小组", "鲁炜", "office_director")}


def test_headquarters_with_commanders():
    text = ("国家防汛抗旱总指挥部总指挥由国务院副总理刘国中担任，副总指挥为国务委员王小洪。\n"
            "国务院测试救灾指挥部组成人员\n指挥长：张国清　国务院副总理\n副指挥长：赵大海\n成　员：钱小江\n")
    assert roles(text) == {("国家防汛抗旱总指挥部", "刘国中", "leader"), ("国家防汛抗旱总指挥部", "王小洪", "deputy_leader"),
                           ("国务院测试救灾指挥部", "张国清", "leader"), ("国务院测试救灾指挥部", "赵大海", "deputy_leader"),
                           ("国务院测试救灾指挥部", "钱小江", "member")}


def test_role_without_its_group_looks_in_its_paragraph_or_at_the_topic():
    text = ("国务院测试协调领导小组召开会议。\n会议通报了国务院测试保障委员会的工作。\n"
            "另据报道，该省成立工作专班，省委书记赵大海任组长。\n领导小组副组长钱小江出席会议。")
    assert roles(text) == {("国务院测试协调领导小组", "钱小江", "deputy_leader")}


def test_member_list_with_a_count_and_a_role_filled_by_the_same_person():
    text = ("国务院测试协调领导小组成立。领导小组成员有赵大海、钱小江、孙立平等12位。"
            "副组长同样由国务院副秘书长周建国担任。")
    group = "国务院测试协调领导小组"
    assert roles(text) == {(group, "赵大海", "member"), (group, "钱小江", "member"), (group, "孙立平", "member"),
                           (group, "周建国", "deputy_leader")}


def test_press_abbreviations_and_regulators_called_commissions():
    text = ("新华社北京7月2日电　国务院金融稳定发展委员会2日召开第一次全体会议。中共中央政治局委员、国务院副总理、"
            "金融委主任刘鹤主持会议。中国人民银行行长、金融委副主任易纲，中国银行保险监督管理委员会主席郭树清，"
            "中国证券监督管理委员会主席刘士余出席会议。国家卫生健康委员会主任马晓伟同日表示，将继续推进医改。"
            "中央纪委国家监委驻金融委办公室纪检监察组组长列席。")
    group = "国务院金融稳定发展委员会"
    assert roles(text, "2018-07-02") == {(group, "刘鹤", "leader"), (group, "易纲", "deputy_leader")}


def test_body_led_by_someone_who_heads_it():
    assert roles("2010年，国务院成立由温家宝总理挂帅的国家能源委员会。") == {(ENERGY, "温家宝", "leader")}


def test_roles_by_and_members_listed_in_a_notice_paragraph():
    text = ("国务院决定成立国务院测试普查领导小组。领导小组组长由国务院副总理何立峰担任，副组长由国务院副秘书长"
            "刘金国、国家统计局局长康义担任，成员为赵大海、钱小江、孙立平。领导小组办公室设在国家统计局，"
            "办公室主任由国家统计局副局长周建国兼任。")
    group = "国务院测试普查领导小组"
    assert roles(text) == {(group, "何立峰", "leader"), (group, "刘金国", "deputy_leader"),
                           (group, "康义", "deputy_leader"), (group, "赵大海", "member"), (group, "钱小江", "member"),
                           (group, "孙立平", "member"), (group, "周建国", "office_director")}


def test_xinhua_appositions_with_commission_members():
    text = ("新华社北京4月2日电　中共中央总书记、国家主席、中央军委主席、中央财经委员会主任习近平4月2日上午主持召开"
            "中央财经委员会第一次会议。中共中央政治局常委、国务院总理、中央财经委员会副主任李克强，"
            "中共中央政治局常委、中央书记处书记、中央财经委员会委员王沪宁出席会议。")
    group = "中央财经委员会"
    assert roles(text, "2018-04-02") == {(group, "习近平", "leader"), (group, "李克强", "deputy_leader"),
                                         (group, "王沪宁", "member")}


def test_provincial_party_commission_and_abbreviated_state_council_commission():
    text = ("中共广东省委全面深化改革委员会第一次会议日前召开，省委书记、省委全面深化改革委员会主任李希主持会议。"
            "国务院安全生产委员会全体会议召开。国务委员、国务院安委会副主任王小洪主持会议。")
    assert roles(text) == {("中共广东省委全面深化改革委员会", "李希", "leader"),
                           ("国务院安全生产委员会", "王小洪", "deputy_leader")}


@pytest.mark.parametrize("text", [
    "国家发展和改革委员会主任郑栅洁、国家卫生健康委员会主任马晓伟出席发布会。",
    "全国人大常委会委员长赵乐际会见了代表团。中央军事委员会副主席张又侠参加活动。",
    "中国证券监督管理委员会主席易会满表示，将加强监管。",
    "国务院总理李强主持召开国务院常务会议，财政部部长蓝佛安出席。",
    "领导小组成员因工作变动需要调整的，由所在单位提出意见。",
])
def test_ministries_congress_and_military_commissions_give_no_roles(text):
    assert roles(text) == set()


def test_person_named_in_another_capacity_is_not_a_member():
    text = ("国务院第五次全国经济普查领导小组召开全体会议，领导小组组长、国务院副总理何立峰出席并讲话。"
            "国家发展和改革委员会主任郑栅洁也参加了会议。")
    assert roles(text) == {("国务院第五次全国经济普查领导小组", "何立峰", "leader")}


def test_time_and_adverb_between_the_name_and_a_later_post_and_a_shared_subject():
    text = ("分析指出，胡锦涛去年底已出任中央外事工作领导小组组长，今年初又出任中央财经领导小组组长。")
    assert roles(text) == {("中央外事工作领导小组", "胡锦涛", "leader"), ("中央财经领导小组", "胡锦涛", "leader")}


def test_a_shared_subject_needs_one_name_opening_the_previous_clause():
    text = "会议听取了中央财经领导小组的汇报，今年初又出任中央外事工作领导小组组长。"
    assert roles(text) == set()


def test_relative_clause_between_by_and_the_name():
    texts = ["2003年，国务院成立国务院防治非典型肺炎指挥部，由时任国务院副总理的吴仪担任总指挥。",
             "1998年，国务院成立国务院测试协调领导小组，由曾任国家计委主任的曾培炎担任组长。"]
    assert roles(texts[0]) == {("国务院防治非典型肺炎指挥部", "吴仪", "leader")}
    assert roles(texts[1]) == {("国务院测试协调领导小组", "曾培炎", "leader")}


def test_secretary_leads_a_work_commission_but_not_another_body():
    text = ("1998年，中共中央成立中央大型企业工作委员会，国务院副总理吴邦国兼任书记。"
            "会上，中央纪委书记尉健行讲话。")
    assert roles(text) == {("中央大型企业工作委员会", "吴邦国", "leader")}


def test_successor_in_a_later_paragraph_takes_the_body_in_context():
    text = ("中共对台领导小组的来龙去脉\n\n1993年，江泽民出任中央对台工作领导小组组长。\n\n"
            "2002年中共十六大后，中共中央总书记胡锦涛接任组长一职。")
    group = "中央对台工作领导小组"
    assert roles(text) == {(group, "江泽民", "leader"), (group, "胡锦涛", "leader")}


def test_a_role_sentence_inside_a_paragraph_after_a_full_stop():
    text = ("国务院测试领导小组\n\n领导小组下设办公室（国务院测试领导小组办公室），负责日常工作。"
            "办公室主任：张平。")
    assert roles(text) == {("国务院测试领导小组", "张平", "office_director")}


@pytest.mark.parametrize("text", ["中央军委测试领导小组成立，习近平任组长，范长龙许其亮任副组长。",
                                  "中央军委测试领导小组组长习近平，副组长范长龙许其亮。"])
def test_two_known_names_run_together(text):
    group = "中央军委测试领导小组"
    assert roles(text) == {(group, "习近平", "leader"), (group, "范长龙", "deputy_leader"),
                           (group, "许其亮", "deputy_leader")}


def test_headline_short_name_without_the_prefix_is_the_body_of_the_story():
    text = ("李克强任深改小组副组长\n2013年12月30日，中共中央政治局决定成立中央全面深化改革领导小组，"
            "习近平任组长，李克强、刘云山、张高丽任副组长。")
    group = "中央全面深化改革领导小组"
    assert roles(text) == {(group, "习近平", "leader")} | {(group, n, "deputy_leader")
                                                          for n in ("李克强", "刘云山", "张高丽")}


def test_successor_named_before_the_predecessor_and_a_starting_year():
    text = ("中央对台工作领导小组成立于1954年。\n\n2013年，习近平接替胡锦涛担任组长。"
            "王岐山2013年起出任中央测试工作领导小组组长。")
    assert roles(text) == {("中央对台工作领导小组", "习近平", "leader"), ("中央对台工作领导小组", "胡锦涛", "leader"),
                           ("中央测试工作领导小组", "王岐山", "leader")}


def test_a_second_post_joined_by_bing():
    text = "据报道，李强日前已出任国务院测试领导小组组长，并兼任国家测试委员会主任。"
    assert roles(text) == {("国务院测试领导小组", "李强", "leader"), ("国家测试委员会", "李强", "leader")}


@pytest.mark.parametrize("text", ["国务院测试领导小组成立，李强任组长，王晓萍黄润秋任副组长。",
                                  "国务院测试领导小组组长李强，副组长王晓萍黄润秋。"])
def test_two_three_character_names_run_together(text):
    group = "国务院测试领导小组"
    assert roles(text) == {(group, "李强", "leader"), (group, "王晓萍", "deputy_leader"),
                           (group, "黄润秋", "deputy_leader")}
