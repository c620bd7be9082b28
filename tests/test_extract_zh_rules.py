"""Building blocks of the Chinese extractor: text copy, dates, names, group names, rosters."""
from __future__ import annotations

import pytest

from pipeline.extract.chinese import extract_chinese
from pipeline.extract.zh import chinese_pipeline
from pipeline.extract.zh.dates import chinese_number, find_dates
from pipeline.extract.zh.normalise import mojibake_reason, simplified_copy
from pipeline.extract.zh.person_names import is_name, name_length_at, names_backward, names_forward
from pipeline.extract.zh.rosters import roster_header, roster_names
from pipeline.records import ParsedDocument


def _extract(text: str):
    doc = ParsedDocument(origin="t.txt", text=text, content_hash="x", media_type="text/plain", lang="zh")
    return doc, next(extract_chinese([doc]))


def test_simplified_copy_keeps_length_and_folds_width():
    text = "組　長：張高麗（國務院副總理）"
    copy = simplified_copy(text)
    assert len(copy) == len(text)
    assert copy == "组 长:张高丽(国务院副总理)"


def test_mojibake_detection():
    text = "国务院决定成立国务院第七次全国人口普查领导小组，组长由国务院副总理胡春华担任。" * 2
    assert mojibake_reason(text) is None
    assert mojibake_reason(text.encode("utf-8").decode("latin-1"))
    assert mojibake_reason(text.encode("gbk").decode("big5", errors="replace"))


@pytest.mark.parametrize("text, expected", [
    ("2013年12月30日", "2013-12-30"), ("2013年4月", "2013-04"), ("2021年", "2021"),
    ("二〇一九年五月二十七日", "2019-05-27"), ("2020-01-26 20:02", "2020-01-26"),
])
def test_dates_keep_their_precision(text, expected):
    assert [value for _, _, value in find_dates(text)] == [expected]


def test_month_day_takes_the_reference_year_and_never_lands_in_the_future():
    assert find_dates("1月25日", "2020-01-26")[0][2] == "2020-01-25"
    assert find_dates("12月30日", "2021-01-05")[0][2] == "2020-12-30"
    assert find_dates("1月25日", None) == []
    assert chinese_number("二十九") == 29 and chinese_number("十") == 10


@pytest.mark.parametrize("name", ["李克强", "王勇", "肖 捷", "欧阳明高", "赵立杰", "丁向阳"])
def test_names(name):
    assert is_name(name)


@pytest.mark.parametrize("word", ["国务院", "省委常委", "主任", "中央", "副省长", "单位有", "司长", " 赵克"])
def test_not_names(word):
    assert not is_name(word)


def test_name_length_stops_before_the_next_word():
    assert name_length_at("韩正在中南海会见", 0) == 2
    assert name_length_at("王沪宁出席会议", 0) == 3
    assert name_length_at("蔡奇、王毅", 0) == 2


def test_name_lists_skip_posts():
    text = "副组长为公安部部长赵克志和港澳办主任夏宝龙"
    assert [text[s:e] for s, e in names_forward(text, 4, len(text))] == ["赵克志", "夏宝龙"]
    text = "习近平、张德江都曾担任过"
    assert [text[s:e] for s, e in names_backward(text, text.index("担任"), 0)] == ["习近平", "张德江"]


@pytest.mark.parametrize("line, header", [
    ("组 长:张高丽", "组长"), ("副组长 | 王勇(国务委员) |", "副组长"), ("成　员：", "成员"),
    ("常务副组长:", "常务副组长"), ("办公室主任:李纪恒", "办公室主任")])
def test_roster_headers(line, header):
    found = roster_header(simplified_copy(line))
    assert found and found[0].header == header


def test_roster_header_needs_a_separator():
    assert roster_header("成员单位：民政部") is None
    assert roster_header("组长审批后执行") is None


def test_roster_names_skip_posts_in_brackets_and_after_spaces():
    line = "胡春华(国务院副总理) 丁学东(国务院副秘书长、党组成员) 宋 涛 中联部部长"
    assert [line[s:e] for s, e in roster_names(line, 0, len(line), at_line_start=True)] == \
        ["胡春华", "丁学东", "宋 涛"]


def _groups(text: str) -> list[tuple[str, str]]:
    nlp = chinese_pipeline()
    doc = nlp.make_doc(text)
    for _, component in nlp.pipeline[:2]:
        doc = component(doc)
    return [(text[g.start:g.end], text[g.target[0]:g.target[1]]) for g in doc._.zh_groups]


def test_group_left_edge_stops_at_verbs_and_posts():
    groups = _groups("国务院决定成立第四次全国经济普查领导小组（以下简称领导小组）。领导小组办公室设在统计局。")
    assert groups[0] == ("第四次全国经济普查领导小组",) * 2
    assert all(target == "第四次全国经济普查领导小组" for _, target in groups)


def test_anaphora_and_shortened_names_resolve_to_the_full_name():
    groups = _groups("省政府成立山东省乡村振兴工作领导小组。乡村振兴工作领导小组由省长任组长，该小组每年召开会议。")
    assert {target for _, target in groups} == {"山东省乡村振兴工作领导小组"}


def test_two_bodies_joined_by_and_stay_two():
    groups = _groups("关于调整省防汛抗旱指挥部和省安全生产委员会组成人员的通知")
    assert ("省安全生产委员会", "省安全生产委员会") in groups


def test_ministries_and_standing_committees_are_not_groups():
    assert _groups("国家发展和改革委员会、全国人大常委会和中央军事委员会") == []


def test_roster_lines_cut_at_semicolons_and_numbering():
    _, extraction = _extract("国务院测试工作领导小组组成人员\n组长：王小川；副组长：赵大海、钱小江\n成员：\n1. 孙立平 某部副部长\n")
    assert {(f.person.name_zh, f.role) for f in extraction.facts} == {
        ("王小川", "leader"), ("赵大海", "deputy_leader"), ("钱小江", "deputy_leader"), ("孙立平", "member")}


def test_transcribed_names_with_a_middle_dot():
    _, extraction = _extract("自治区测试工作领导小组\n副组长 | 艾尔肯·吐尼亚孜(自治区副主席) |\n")
    assert [f.person.name for f in extraction.facts] == ["艾尔肯·吐尼亚孜"]


@pytest.mark.parametrize("text, name", [
    ("2018年3月国务院测试规划领导小组召开会议。", "国务院测试规划领导小组"),
    ("据新华社报道国务院测试保障领导小组于2019年成立。", "国务院测试保障领导小组"),
    ("今年国务院测试监管委员会成立。", "国务院测试监管委员会"),
    ("国务院副总理韩正接任京津冀协同发展领导小组组长。", "京津冀协同发展领导小组"),
    ("通知所列小组成员如下。", None),
    ("此外还设有中央测试工作领导小组。", "中央测试工作领导小组"),
    ("其中包括国务院测试工作领导小组。", "国务院测试工作领导小组"),
])
def test_group_left_edge_stops_at_dates_reports_and_people(text, name):
    assert [surface for surface, _ in _groups(text)][:1] == ([name] if name else [])


def test_anaphor_after_a_verb_and_later_uses_of_a_short_name():
    groups = _groups("中央财经领导小组成立。王岐山曾任该小组成员。国务院三峡工程建设委员会（简称“三峡建委”）成立，"
                     "三峡建委下设办公室。")
    assert ("小组", "中央财经领导小组") in groups
    assert ("三峡建委", "国务院三峡工程建设委员会") in groups


def test_two_bodies_joined_by_or_stay_two():
    groups = [surface for surface, _ in _groups("由国务院测试工作领导小组或国务院测试协调小组负责。")]
    assert groups == ["国务院测试工作领导小组", "国务院测试协调小组"]


def test_bare_names_refer_back_or_are_dropped():
    groups = _groups("粤港澳大湾区建设领导小组召开会议。行政长官崔世安以领导小组成员身份出席。")
    assert groups[-1] == ("领导小组", "粤港澳大湾区建设领导小组")
    assert _groups("课题组在调研中发现问题。小组成员李四说，调研还将继续。") == []


def test_press_abbreviations_of_bodies_named_in_full():
    groups = _groups("中央全面深化改革委员会召开会议。深改委副主任出席。工作组和发改委也派人参加。")
    assert ("深改委", "中央全面深化改革委员会") in groups
    assert not any(surface in ("工作组", "发改委") for surface, _ in groups)
