"""The scorer follows SCORING.md: name normalisation, group/person/date matching, counting."""
from pipeline.evaluate import (body_type, content_words, date_matches, group_matches, normalize_name,
                               normalize_person, score)

GOLD = {
    "zh-900": {
        "lang": "zh",
        "groups": [{"id": "g1", "names": ["中央全面深化改革领导小组", "Central Leading Group for Comprehensively Deepening Reforms"]}],
        "people": [{"id": "p1", "names": ["习近平", "Xi Jinping"]}, {"id": "p2", "names": ["肖 捷"]}],
        "memberships": [
            {"group": "g1", "person": "p1", "role": "leader", "evidence": "x"},
            {"group": "g1", "person": "p2", "role": "member", "evidence": "y"},
        ],
        "events": [{"group": "g1", "type": "meeting", "date": "2014-01", "evidence": "z"}],
    }
}


def rec(kind, group, **kw):
    return {"kind": kind, "document": "/data/zh-900.txt", "group": {"name": group, "aliases": []}, **kw}


def test_normalisation():
    assert normalize_name("The  Central Leading-Group (LSG)") == "central leading group lsg"
    assert normalize_name("中央全面深化改革領導小組") == "中央全面深化改革领导小组"
    assert normalize_name("Zhōngyāng") == "zhongyang"
    assert normalize_person("Xi Jinping") == "xijinping" and normalize_person("肖 捷") == "肖捷"


def test_group_matching_by_content_words_and_body_type():
    assert content_words(normalize_name("中央全面深化改革领导小组")) == {"全面深化改革"}
    assert group_matches(["Leading Group for Comprehensively Deepening Reforms"],
                         ["Central Leading Group for Comprehensively Deepening Reforms"])
    # Same content words but an office is not the group.
    assert body_type(normalize_name("Office of the Central Leading Group for X")) == "office"
    assert not group_matches(["Office of the Leading Group for Comprehensively Deepening Reforms"],
                             ["Central Leading Group for Comprehensively Deepening Reforms"])
    assert not group_matches(["Leading Group for Deepening Reforms"],
                             ["Central Leading Group for Comprehensively Deepening Reforms"])


def test_date_refinement():
    assert date_matches("2013-12-30", "2013-12") and date_matches("2013", "2013")
    assert not date_matches("2013", "2013-12") and not date_matches("2013-11", "2013-1")


def test_score_counts_each_gold_once_and_identical_false_positives_once():
    preds = [
        rec("membership", "中央全面深化改革領導小組", person={"name": "習近平", "aliases": []}, role="leader"),
        rec("membership", "Central Leading Group for Comprehensively Deepening Reforms",
            person={"name": "Xi Jinping", "aliases": []}, role="leader"),
        rec("membership", "深改组", person={"name": "Xiao Jie", "name_zh": "肖捷", "aliases": []}, role="member"),
        rec("membership", "深改组", person={"name": "Wang Yi", "aliases": []}, role="member"),
        rec("membership", "深改组", person={"name": "Wang Yi", "aliases": []}, role="member"),
        rec("event", "中央全面深化改革领导小组", event="meeting", date="2014-01-22"),
    ]
    report = score(preds, GOLD)
    m = report.tallies["memberships"]
    assert (m.tp, m.fp, m.gold) == (1, 2, 2)  # 肖捷's group name does not match; Wang Yi counted once
    assert report.tallies["memberships/zh/leader"].f1 == 1.0
    e = report.tallies["events/zh"]
    assert (e.tp, e.fp, e.gold) == (1, 0, 1)
    assert report.tallies["events"].f1 == 1.0


def test_predictions_for_other_documents_are_ignored():
    preds = [{**rec("membership", "x", person={"name": "Xi Jinping"}, role="leader"), "document": "other.txt"}]
    report = score(preds, GOLD)
    assert report.tallies["memberships"].fp == 0 and report.tallies["memberships"].recall == 0
