"""Chinese extraction end to end: notices, news in both scripts, encyclopedia infoboxes.

Texts are our own sentences about real bodies and officials.
"""
from __future__ import annotations

import pytest

from pipeline.extract.chinese import extract_chinese
from pipeline.records import Event, Membership, ParsedDocument


def _doc(text: str, published: str | None = None, origin: str = "test.txt") -> ParsedDocument:
    return ParsedDocument(origin=origin, text=text, content_hash="x", media_type="text/plain",
                          lang="zh", published=published)


def _run(text: str, published: str | None = None):
    doc = _doc(text, published)
    extraction = next(extract_chinese([doc]))
    for fact in extraction.facts:
        assert doc.text[fact.evidence.start:fact.evidence.end] == fact.evidence.text
        assert 0.0 <= fact.confidence <= 1.0
    return doc, extraction


def _roles(extraction) -> set[tuple[str, str, str]]:
    return {(f.group.name_zh, f.person.name_zh, f.role)
            for f in extraction.facts if isinstance(f, Membership)}


def _events(extraction) -> set[tuple]:
    return {(f.group.name_zh, f.event, f.date, f.to_group.name_zh if f.to_group else None)
            for f in extraction.facts if isinstance(f, Event)}


NOTICE = """国务院办公厅关于成立国务院第七次全国人口普查领导小组的通知
国办发〔2019〕35号

各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
为做好第七次全国人口普查工作，国务院决定成立国务院第七次全国人口普查领导小组（以下简称领导小组）。现将有关事项通知如下：
一、组成人员

组　长：胡春华　国务院副总理

副组长：丁向阳　国务院副秘书长
　　　　宁吉喆　统计局局长

成　员：王　峰　中央编办副主任
　　　　詹成付、刘　伟、余蔚平
　　　　（按姓氏笔画排序）

二、工作机构
领导小组办公室设在统计局，办公室主任由统计局副局长李晓超兼任。领导小组任务完成后自动撤销。

国务院办公厅
二〇一九年五月二十七日
"""


def test_state_council_notice_roster_office_and_issuing_date():
    _, extraction = _run(NOTICE)
    group = "国务院第七次全国人口普查领导小组"
    assert _roles(extraction) == {
        (group, "胡春华", "leader"), (group, "丁向阳", "deputy_leader"), (group, "宁吉喆", "deputy_leader"),
        (group, "王峰", "member"), (group, "詹成付", "member"), (group, "刘伟", "member"),
        (group, "余蔚平", "member"), (group, "李晓超", "office_director")}
    # 决定成立 + the date line closing the notice; 任务完成后自动撤销 is no event.
    assert _events(extraction) == {(group, "established", "2019-05-27", None)}


def test_padded_names_keep_their_original_form_and_pinyin():
    _, extraction = _run(NOTICE)
    wang = next(f.person for f in extraction.facts if isinstance(f, Membership) and f.person.name_zh == "王峰")
    assert wang.name == "王　峰"
    assert wang.canonical == "Wang Feng"


HK_NEWS = """中央全面深化改革領導小組成立 習近平任組長

2013年12月30日，中共中央政治局會議決定成立「中央全面深化改革領導小組」，由習近平任組長。
據悉，該小組副組長為國務院總理李克強、中央書記處書記劉雲山和國務院副總理張高麗。
2018年3月，中央全面深化改革領導小組改為中央全面深化改革委員會。
曾慶紅、胡錦濤都曾擔任過中央港澳工作協調小組組長。
"""


def test_traditional_news_running_text():
    _, extraction = _run(HK_NEWS, published="2014-01-02")
    group = "中央全面深化改革领导小组"
    roles = _roles(extraction)
    assert {(group, "习近平", "leader"), (group, "李克强", "deputy_leader"),
            (group, "刘云山", "deputy_leader"), (group, "张高丽", "deputy_leader")} <= roles
    assert {("中央港澳工作协调小组", "曾庆红", "leader"), ("中央港澳工作协调小组", "胡锦涛", "leader")} <= roles
    assert not any(person in ("国务院总理", "李克强中") for _, person, _ in roles)
    events = _events(extraction)
    assert (group, "established", "2013-12-30", None) in events
    assert (group, "renamed", "2018-03", "中央全面深化改革委员会") in events


def test_evidence_keeps_traditional_characters():
    doc, extraction = _run(HK_NEWS, published="2014-01-02")
    leader = next(f for f in extraction.facts if isinstance(f, Membership) and f.role == "leader")
    assert "習近平" in leader.evidence.text
    assert leader.person.name == "習近平" and leader.person.name_zh == "习近平"


XINHUA = """中央网络安全和信息化领导小组第一次会议召开
新华社北京2月27日电
中共中央总书记、国家主席、中央军委主席、中央网络安全和信息化领导小组组长习近平2月27日下午主持召开中央网络安全和信息化领导小组第一次会议并发表重要讲话。
中共中央政治局常委、中央网络安全和信息化领导小组副组长李克强、刘云山出席会议。
2月25日，习近平主持召开中央政治局常委会会议。
"""


def test_xinhua_meeting_with_year_from_published_date():
    _, extraction = _run(XINHUA, published="2014-02-27")
    group = "中央网络安全和信息化领导小组"
    assert _roles(extraction) == {(group, "习近平", "leader"), (group, "李克强", "deputy_leader"),
                                  (group, "刘云山", "deputy_leader")}
    # The Politburo Standing Committee is not a group: its meeting is no event here.
    assert _events(extraction) == {(group, "meeting", "2014-02-27", None)}


INFOBOX = """国务院第七次全国人口普查领导小组
主要领导 | |
---|---|
组长 | 胡春华(中共中央政治局委员、国务院副总理) |
副组长 | 丁学东(国务院副秘书长) 宁吉喆(国家统计局局长) |
成立时间 | 2019年 |
2019年，国务院决定成立国务院第七次全国人口普查领导小组，负责普查的组织和实施。
"""


def test_encyclopedia_infobox_rows_and_dated_history():
    _, extraction = _run(INFOBOX)
    group = "国务院第七次全国人口普查领导小组"
    assert _roles(extraction) == {(group, "胡春华", "leader"), (group, "丁学东", "deputy_leader"),
                                  (group, "宁吉喆", "deputy_leader")}
    # The infobox row and the sentence state one event.
    assert _events(extraction) == {(group, "established", "2019", None)}


def test_provincial_roster_with_headers_on_their_own_lines():
    text = ("山东省人民政府办公厅关于成立山东省乡村振兴工作领导小组的通知\n"
            "山东省乡村振兴工作领导小组组成人员\n\n组　长:\n\n李干杰 省长\n\n副组长:\n\n"
            "于国安 副省长\n\n成　员:\n\n孙　巍 团省委书记\n\n办公室设在省农业农村厅。\n")
    _, extraction = _run(text)
    group = "山东省乡村振兴工作领导小组"
    assert _roles(extraction) == {(group, "李干杰", "leader"), (group, "于国安", "deputy_leader"),
                                  (group, "孙巍", "member")}


def test_commission_chair_and_vice_chairs():
    text = "2013年11月，中共中央决定成立中央国家安全委员会，由习近平任主席，李克强、张德江任副主席。"
    _, extraction = _run(text)
    group = "中央国家安全委员会"
    assert _roles(extraction) == {(group, "习近平", "leader"), (group, "李克强", "deputy_leader"),
                                  (group, "张德江", "deputy_leader")}
    assert (group, "established", "2013-11", None) in _events(extraction)


@pytest.mark.parametrize("text", [
    "5月8日，记者从省民政厅获悉，省政府办公厅日前下发通知，成立省养老服务体系建设工作领导小组。",
    "领导小组不作为议事协调机构，任务完成后自动撤销。",
    "国务院总理李克强出席会议。港澳办主任夏宝龙会见了代表团。",
    "中共中央政治局常委会会议1月25日召开，习近平主持会议。",
])
def test_no_fact_without_a_group_role_or_date(text):
    _, extraction = _run(text, published="2021-06-03")
    assert extraction.facts == []


def test_long_roster_streams_every_line():
    members = [f"王{a}{b} 某某局副局长" for a in "一二三四五六七八九十" for b in "明亮光华国强军平安宁"]
    text = "国务院测试工作领导小组组成人员\n成员:\n" + "\n".join(members * 10) + "\n"
    _, extraction = _run(text)
    names = {f.person.name_zh for f in extraction.facts}
    assert len(names) == 100 and len(extraction.facts) == 100


def test_mojibake_is_reported_not_extracted():
    text = NOTICE.encode("utf-8").decode("latin-1")
    doc, extraction = _run(text)
    assert extraction.facts == [] and extraction.mentions == []
    assert any(w.startswith("mojibake:") for w in doc.warnings)


def test_documents_come_back_in_order():
    docs = [_doc(XINHUA, "2014-02-27", "a.txt"), _doc("没有相关内容。", None, "b.txt"), _doc(INFOBOX, None, "c.txt")]
    results = list(extract_chinese(docs))
    assert len(results) == 3
    assert results[0].facts and not results[1].facts and results[2].facts


def test_group_introduced_by_its_leaders():
    text = "2013年12月30日，中共中央政治局决定成立以习近平为组长、李克强为副组长的中央全面深化改革领导小组。"
    _, extraction = _run(text)
    group = "中央全面深化改革领导小组"
    assert _roles(extraction) == {(group, "习近平", "leader"), (group, "李克强", "deputy_leader")}
    assert _events(extraction) == {(group, "established", "2013-12-30", None)}


def test_posts_before_the_name_and_a_chair_of_a_meeting():
    text = ("市应急管理委员会组成人员\n主任：\n市委副书记、市长 周建国\n副主任：\n副市长 吴有为\n\n"
            "会议由国务院扶贫开发领导小组副组长、国务院副秘书长丁学东主持。")
    _, extraction = _run(text)
    assert _roles(extraction) == {("市应急管理委员会", "周建国", "leader"),
                                  ("市应急管理委员会", "吴有为", "deputy_leader"),
                                  ("国务院扶贫开发领导小组", "丁学东", "deputy_leader")}


def test_attachment_roster_and_issuing_date_under_the_issuer():
    text = ("国务院办公厅关于成立国务院测试工作领导小组的通知\n经国务院同意，决定成立国务院测试工作领导小组。"
            "组成人员名单见附件。\n\n国务院办公厅\n2019年5月27日\n\n附件\n国务院测试工作领导小组组成人员名单\n"
            "组　长：胡春华　国务院副总理\n成　员：\n（按姓氏笔画排序）\n张国清 某部副部长\n")
    _, extraction = _run(text)
    group = "国务院测试工作领导小组"
    assert _roles(extraction) == {(group, "胡春华", "leader"), (group, "张国清", "member")}
    assert _events(extraction) == {(group, "established", "2019-05-27", None)}


def test_day_only_date_and_bare_group_skips_other_offices():
    text = ("2019年03月01日 来源：新华网\n中共中央政治局常委、国务院副总理韩正1日在京主持召开粤港澳大湾区建设领导小组"
            "全体会议。粤港澳大湾区建设领导小组副组长、国务院港澳事务办公室主任夏宝龙，领导小组成员、广东省委书记李希参加会议。")
    _, extraction = _run(text, published="2019-03-01")
    group = "粤港澳大湾区建设领导小组"
    assert _roles(extraction) == {(group, "夏宝龙", "deputy_leader"), (group, "李希", "member")}
    assert _events(extraction) == {(group, "meeting", "2019-03-01", None)}


def test_office_director_of_a_commission_office_but_not_of_an_agency():
    text = "何立峰任中央金融委员会办公室主任。国务院港澳事务办公室主任夏宝龙出席。"
    _, extraction = _run(text)
    assert _roles(extraction) == {("中央金融委员会", "何立峰", "office_director")}


def test_names_with_posts_between_list_items():
    text = ("国务院决定成立国务院第七次全国人口普查领导小组。领导小组由国务院副总理胡春华任组长，"
            "国务院副秘书长丁向阳、统计局局长宁吉喆任副组长，成员由中央宣传部等部门负责同志组成。")
    _, extraction = _run(text)
    group = "国务院第七次全国人口普查领导小组"
    assert _roles(extraction) == {(group, "胡春华", "leader"), (group, "丁向阳", "deputy_leader"),
                                  (group, "宁吉喆", "deputy_leader")}
