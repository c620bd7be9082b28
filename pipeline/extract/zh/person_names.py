"""Hanzi personal names: validation, where a name starts and ends, and name lists.

All functions work on the simplified copy of the text. A name is a surname (single or
compound) plus one or two given-name characters; notices pad two-character names to three
columns ("肖 捷"), so one inner space is allowed there.
"""
from __future__ import annotations

import re
from functools import lru_cache

from pipeline.extract.zh.lexicon import surnames, titles
from pipeline.extract.zh.segmenter import known_hanzi_people, pos_segmenter, segmenter

# Characters that occur in posts, organisations and function words but (almost) never in a
# given name; a candidate holding one after its surname is not a name.
_NOT_IN_GIVEN_NAME = frozenset("务副省部局厅办院府署室处司组委会员市县党央总监检察协职席记秘领导届次的了"
                               "在是与或等被把将对从由任兼担称说指表讲召议决撤销调整们这那该此也都曾"
                               "还已就并但而所着过个内外年日号两人")
# ...but these also open real given names (王任重): allowed as the middle of three characters,
# where "X任组长" cannot put them.
_MIDDLE_ONLY = frozenset("任")
_OPENS_POST_VERB = frozenset("曾时现首历兼继连出担接升改新前原留调")  # 曾任, 时任, 现任 ... are verbs
# A character that, right after two name characters, starts the next word (韩正|在, 蔡奇|、).
_FOLLOWS_NAME = frozenset("在出主说表指会等和与及为是也对到参率同就于向以今近称都曾分均亦又还已将"
                          "、,，。;；:：()（）|「」“”《》\"' \n\t")
_LIST_SEPARATORS = ("以及", "、", "和", "及", "与")
# Written between names and their verb ("胡锦涛、江泽民都曾担任过"); 同志 after a name, too.
_ADVERBS = ("同志", "亲自", "继续", "仍然", "同时", "目前", "此前", "随后", "分别", "先后", "曾经",
            "据报", "据悉", "据称", "据了解", "正式", "随即", "仍", "都", "均", "曾", "也", "还", "已", "将",
            "亦", "又", "并", "再", "旋即", "其后", "此后", "之后", "后来", "不久")
# A time written between a name and its verb ("习近平去年底已出任").
_TIME_AFTER_NAME = re.compile(r"(?:(?:去年|今年|明年|当年|同年|次年|翌年)(?:初|底|末|中)?|年(?:初|底|末|中)"
                              r"|上月|本月|近日|日前|近期|\d{1,4}年(?:\d{1,2}月)?(?:\d{1,2}日)?(?:初|底|末|中)?)"
                              r"(?:起|开始)?$")
# Words that may stand right before a name without being part of it (由张三任组长).
_OPENS_NAME = frozenset("由是为即请命以替的从年月日号")  # 2003年胡锦涛接任: a date ends before the name
# A role word inside the posts before a name means the name belongs to that role, not ours.
_ROLE_IN_POST = re.compile("组长|成员|组员")
_BRACKETED_POST = re.compile(r"\s*[(（][^()（）\n]{0,40}[)）]")
_DOTS = "·•‧・"
_DOTTED = re.compile(rf"([\u3400-\u9fff]{{2,6}}[{_DOTS}])([\u3400-\u9fff]{{2,8}})")
_HANZI = re.compile(r"[\u3400-\u9fff]")
_HEAD_OF = "长"
_NOT_HEADS = ("成长", "增长", "延长", "生长", "擅长", "特长", "专长", "家长", "很长", "较长", "最长")
_MAX_POST = 30  # characters of posts/organisation allowed before a name ("公安部部长")
_COMMON_WORD_FREQ = 50
_COMMON_PREFIX_FREQ = 4000


@lru_cache(maxsize=1)
def _dictionary() -> tuple[dict, dict]:
    return segmenter().FREQ, pos_segmenter().word_tag_tab


@lru_cache(maxsize=65536)
def is_name(candidate: str) -> bool:
    if _DOTTED.fullmatch(candidate):  # transcribed Uyghur/Tibetan names have no Han surname
        return not any(title in candidate for title in titles())
    inner = candidate.split(" ")
    if len(inner) > 2 or (len(inner) == 2 and [len(p) for p in inner] != [1, 1]):
        return False
    name = "".join(inner)
    if not 2 <= len(name) <= 4 or not all(_HANZI.match(ch) for ch in name):
        return False
    compound = name[:2] in surnames() or _married_name(name)
    if len(name) == 4 and not compound:
        return False
    if not compound and name[0] not in surnames():
        return False
    given = name[2:] if compound else name[1:]
    middle_ok = len(given) == 2 and name[0] not in _OPENS_POST_VERB  # not 时任|中, 曾任|国
    if not given or any(ch in _NOT_IN_GIVEN_NAME and not (ch in _MIDDLE_ONLY and i == 0 and middle_ok)
                        for i, ch in enumerate(given)):
        return False
    if any(title in name for title in titles()):
        return False
    if _is_common_word(name, _COMMON_WORD_FREQ):
        return False
    # 单位有, 国家标: a very common word cannot open a three-character name.
    return compound or len(name) < 3 or not _is_common_word(name[:2], _COMMON_PREFIX_FREQ)


def roster_name(candidate: str) -> bool:
    """A name in a roster column, where a post follows: is_name, or two or three hanzi that
    read as a name whose surname is missing from our list (回良玉)."""
    if is_name(candidate):
        return True
    return (2 <= len(candidate) <= 3 and all(_HANZI.match(ch) for ch in candidate)
            and not any(ch in _NOT_IN_GIVEN_NAME for ch in candidate)
            and not any(title in candidate for title in titles())
            and not _is_common_word(candidate, 1) and not _is_common_word(candidate[:2], 1))


def _married_name(name: str) -> bool:
    """Hong Kong and Macao married names put the husband's surname first: 林郑月娥, 范徐丽泰."""
    return (len(name) == 4 and name[0] in surnames() and name[1] in surnames() and name[3] not in _FOLLOWS_NAME
            and name[0] not in _OPENS_NAME
            and not _is_common_word(name[:2], 1) and not _is_common_word(name[2:], _COMMON_WORD_FREQ))


def _is_common_word(word: str, min_freq: int) -> bool:
    freq, tags = _dictionary()
    tag = segmenter().user_word_tag_tab.get(word) or tags.get(word)
    return bool(tag) and not tag.startswith("nr") and freq.get(word, 0) >= min_freq


def name_length_at(text: str, pos: int) -> int:
    """Length of the name starting at text[pos] (0 when none): 2, 3, 4, or 3 for "肖 捷"."""
    for length in (4, 3, 2):
        if text[pos:pos + length] in known_hanzi_people():
            return length
    dotted = _DOTTED.match(text, pos)
    if dotted:  # the given part ends where the next word starts (艾尔肯·吐尼亚孜|出席)
        first, rest = dotted.groups()
        return len(first) + next((i for i in range(2, len(rest)) if rest[i] in _FOLLOWS_NAME), len(rest))
    if (text[pos + 1:pos + 2] == " " and is_name(text[pos:pos + 3])
            and not _HANZI.match(text[pos + 3:pos + 4] or " ")):
        return 3
    boundary = not _HANZI.match(text[pos + 4:pos + 5] or " ") or text[pos + 4] in _FOLLOWS_NAME
    if pos + 4 <= len(text) and is_name(text[pos:pos + 4]) \
            and (text[pos:pos + 2] in surnames() or (_married_name(text[pos:pos + 4]) and boundary)):
        return 4
    two = pos + 2 <= len(text) and is_name(text[pos:pos + 2])
    three = pos + 3 <= len(text) and is_name(text[pos:pos + 3])
    if three and text[pos + 2] not in _FOLLOWS_NAME:
        if not two or not _HANZI.match(text[pos + 3:pos + 4] or " "):
            return 3
        return _jieba_name_length(text[pos:pos + 8]) or 3
    return 2 if two else 0


def _jieba_name_length(window: str) -> int:
    first = next(iter(pos_segmenter().cut(window)), None)
    if first and first.flag.startswith("nr") and len(first.word) in (2, 3):
        return len(first.word)
    return 0


def ends_with_post(phrase: str) -> bool:
    """Posts end in a title word, or in 长 (审计长, 行长, 署长: a head of something)."""
    phrase = phrase.rstrip("、 ")
    return not phrase or any(phrase.endswith(title) for title in titles()) or \
        (len(phrase) >= 2 and phrase.endswith(_HEAD_OF) and not phrase.endswith(_NOT_HEADS))


def names_forward(text: str, pos: int, end: int) -> list[tuple[int, int]]:
    """Names listed from `pos`: "[post] NAME (、|和 [post] NAME)*", stopping at anything else."""
    found: list[tuple[int, int]] = []
    while pos < end:
        start = _name_after_post(text, pos, end)
        if start is None:
            break
        length = name_length_at(text, start)
        found.append((start, start + length))
        pos = start + length
        bracket = _BRACKETED_POST.match(text, pos)
        pos = bracket.end() if bracket else pos
        separator = next((s for s in _LIST_SEPARATORS if text.startswith(s, pos)), None)
        if separator is None and not known_person_starting_at(text, pos, end):
            break
        pos += len(separator or "")
    return found


def _name_after_post(text: str, pos: int, end: int) -> int | None:
    limit = min(end, pos + _MAX_POST)
    for start in range(pos, limit):
        if text[start] in ",，。;；:：\n!?！？":
            return None
        prefix = text[pos:start]
        if any(ch.isspace() for ch in prefix):
            return None
        bare_comma = prefix and not prefix.strip("、")  # "组长、王沪宁…": another clause's name
        if name_length_at(text, start) and ends_with_post(prefix) and not bare_comma \
                and not _ROLE_IN_POST.search(prefix):
            return start
    return None


def names_backward(text: str, end: int, start: int) -> list[tuple[int, int]]:
    """Names written just before `end` (a verb such as 任): "A、B都曾" -> [A, B]; a post
    after the name is skipped ("温家宝总理任主任")."""
    end = _strip_adverbs(text, end, start)
    end = _strip_post_after_name(text, end, start)
    found: list[tuple[int, int]] = []
    while end > start:
        span = _name_ending_at(text, end, start)
        if span is None:
            break
        found.insert(0, span)
        end = _separator_before(text, span[0], start)
        if end is None:
            end = span[0] if known_person_ending_at(text, span[0], start) else None
        if end is None:
            break
    return found


def _strip_post_after_name(text: str, end: int, start: int) -> int:
    post = next((t for t in titles() if text.endswith(t, start, end)), None)
    if post and _name_ending_at(text, end - len(post), start):
        return end - len(post)
    return end


def known_person_ending_at(text: str, end: int, start: int) -> bool:
    """Two names run together ("范长龙许其亮任副组长"): a well-known official's name ends here,
    or a three-character name (single surname) that stands after a post or punctuation."""
    if any(end - n >= start and text[end - n:end] in known_hanzi_people() for n in (2, 3, 4)):
        return True
    begin = end - 3
    if begin < start or not _three_character_name(text[begin:end]):
        return False
    before = text[begin - 1] if begin > start else " "
    return not _HANZI.match(before) or ends_with_post(text[max(start, begin - 12):begin]) \
        or text.endswith(_LIST_SEPARATORS, start, begin)


def known_person_starting_at(text: str, pos: int, end: int) -> bool:
    if any(pos + n <= end and text[pos:pos + n] in known_hanzi_people() for n in (3, 2, 4)):
        return True
    after = text[pos + 3:pos + 4] or " "
    return pos + 3 <= end and _three_character_name(text[pos:pos + 3]) \
        and (not _HANZI.match(after) or after in _FOLLOWS_NAME)


def _three_character_name(candidate: str) -> bool:
    return len(candidate) == 3 and candidate[:2] not in surnames() and is_name(candidate)


def _separator_before(text: str, end: int, start: int) -> int | None:
    """Where the previous list item ends: before "、" (or 和/及), posts in between allowed
    ("丁学东、统计局局长宁吉喆")."""
    for cut in range(end, max(start, end - _MAX_POST) - 1, -1):
        if cut < end and text[cut] in ",，。;；:：\n":
            return None
        separator = next((s for s in _LIST_SEPARATORS if text.endswith(s, start, cut)), None)
        if separator and (cut == end or ends_with_post(text[cut:end])):
            return cut - len(separator)
    return None


def subject_end(text: str, end: int, start: int) -> int:
    """Where the subject of the verb at `end` ends: before adverbs and times ("去年底已")."""
    return _strip_adverbs(text, end, start)


def _strip_adverbs(text: str, end: int, start: int) -> int:
    stripped = True
    while stripped:
        stripped = False
        time = _TIME_AFTER_NAME.search(text, start, end)
        if time and time.start() < end:
            end = time.start()
            stripped = True
        for adverb in _ADVERBS:
            if end - len(adverb) >= start and text.endswith(adverb, start, end):
                end -= len(adverb)
                stripped = True
    return end


def _name_ending_at(text: str, end: int, start: int) -> tuple[int, int] | None:
    for length in (3, 2, 4):
        begin = end - length
        candidate = text[begin:end]
        if begin < start or not (is_name(candidate) or candidate in known_hanzi_people()):
            continue  # a listed official counts even with a rare surname (回) or a word's form (汪洋)
        before = text[begin - 1] if begin > start else " "
        if (not _HANZI.match(before) or before in _OPENS_NAME or known_person_ending_at(text, begin, start)
                or ends_with_post(text[max(start, begin - 12):begin])
                or text.endswith(_LIST_SEPARATORS, start, begin)):
            if name_length_at(text, begin) in (length, 0) or text[begin:end] in known_hanzi_people():
                return begin, end
    return None
