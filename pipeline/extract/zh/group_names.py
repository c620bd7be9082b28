"""Group mentions: gazetteer names, unseen names ending in 领导小组/小组/委员会, and what
"领导小组", "该小组", "(以下简称…)" and shortened names stand for.

An unseen name's left edge is found by walking back over jieba words from the head noun
until punctuation, a verb or preposition (决定, 成立, 关于, 任 ...) or a post; short quoted
words belong to the name (清理“三角债”领导小组). The new name of a renaming (A更名为B) is a
name of its own, never read as a short form of the old one or the other way round.
Items of one kind joined by 、 belong to the name (北京奥运会、残奥会工作领导小组), and a
province or city written before a national body's name makes its own body (湖北省第四次
全国经济普查领导小组). Stop words (到, 属于, 督促, 落实 ...) are data in zh_groups.jsonl.
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.util import filter_spans

from pipeline.extract.zh.facts import GroupMention, doc_text
from pipeline.extract.zh.lexicon import event_rules, group_rules, role_verbs, titles
from pipeline.extract.zh.segmenter import has_hanzi, known_hanzi_people, pos_segmenter
from pipeline.extract.zh.short_names import PREFIXLESS, abbreviations, prefixless, subsequence, unprefixed
from pipeline.names import to_simplified
from pipeline.resolve import gazetteer_group_names, group_by_id, is_not_group

_HARD_STOP = re.compile(r"[\s,，。、;；:：!！?？()（）\[\]【】「」『』“”\"'《》<>|/·]")
_WINDOW = 40
_MIN_ALIAS = 3
_PARTY = "中共"
_CONJUNCTIONS = ("和", "与", "及", "以及", "、")
_FUNCTION_TAGS = frozenset({"c", "r", "u", "uj", "ul", "uz", "ug", "uv", "ud", "y", "e", "o"})
_IN_NAMES = ("等", "及", "与")
_BODY_ENDINGS = ("部", "局", "厅", "委", "会", "组", "室", "办", "院", "署")
_REGIONS = ("省", "市", "自治区", "县", "自治州", "州", "盟", "特别行政区")
_QUOTED_WORDS = re.compile(r"[“「『\"][\u3400-\u9fff]{1,8}[”」』\"][\u3400-\u9fff]{0,8}$")
_ALIAS = re.compile(r"[(（]\s*(?:以下)?简称\s*[“\"「『]?([^”\"」』)）]{2,20}?)[”\"」』]?\s*[)）]")


@lru_cache(maxsize=1)
def _suffixes() -> tuple[re.Pattern, dict[str, str]]:
    rules = sorted(group_rules()["suffix"], key=lambda r: -len(r["suffix"]))
    pattern = re.compile("|".join(re.escape(r["suffix"]) for r in rules))
    return pattern, {r["suffix"]: r["kind"] for r in rules}


def _kind_of(name: str) -> str:
    _, kinds = _suffixes()
    return next((kind for suffix, kind in kinds.items() if name.endswith(suffix)), "other_body")


class GroupFinder:
    """doc._.zh_groups: GroupMention list in text order; doc.spans['zh_groups'] for display."""

    def __init__(self, nlp: Language) -> None:
        self.gazetteer: dict[str, str] = {}
        self.kinds: dict[str, str] = {}
        for surface, group_id in gazetteer_group_names():
            if has_hanzi(surface) and len(surface) >= 3:
                self.gazetteer[to_simplified(surface)] = group_id
                self.kinds[group_id] = (group_by_id(group_id) or {}).get("kind") or _kind_of(surface)
        self.matcher = PhraseMatcher(nlp.vocab)
        self.matcher.add("GAZ", [nlp.make_doc(name) for name in self.gazetteer])
        rules = group_rules()
        self.stops = frozenset(rules["stop"]) | frozenset(titles())
        self.keep = tuple(rules.get("keep_before_stop", []))
        self.clitics = tuple(rules["stop_clitic"])  # a word ending in one stops too (现将)
        self.bare = frozenset(rules["bare"])
        self.anaphors = frozenset(rules["anaphor"])
        self.determiners = tuple(rules["determiner"])
        self.drop_prefixes = tuple(rules["drop_prefix"])
        self.verb_prefixes = tuple(rules["verb_prefix"])
        self.non_groups = tuple(rules["non_group"])
        self.former_markers = tuple(rules["former_marker"])
        # Event and role verbs never stand inside a body's name.
        verbs = {row["verb"] for row in event_rules() if "verb" in row} | set(role_verbs()["verb_before"]) \
            | set(role_verbs()["takes_charge"])
        renaming = sorted({row["verb"] for row in event_rules() if row.get("event") == "renamed" and "verb" in row},
                          key=len, reverse=True)
        self.renaming = re.compile(f"(?:{'|'.join(map(re.escape, renaming))})\\s*$")
        self.verbs = re.compile("|".join(map(re.escape, sorted((v for v in verbs if len(v) > 1), key=len,
                                                                reverse=True))))

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        found: dict[tuple[int, int], tuple[str, str | None, bool]] = {}
        for span in filter_spans(self.matcher(doc, as_spans=True)):
            group_id = self.gazetteer[span.text]
            start = span.start_char
            if text.endswith(_PARTY, 0, start):  # 中共 + 中央X: the name as written
                start -= len(_PARTY)
            regional, _ = self._left_edge(text, start) if start else (start, False)
            if regional < start and text.endswith(_REGIONS, regional, start):
                # 湖北省 + 第四次全国经济普查领导小组: a province's namesake of a national body
                found[(regional, span.end_char)] = (self.kinds[group_id], None, "")
                continue
            found[(start, span.end_char)] = (self.kinds[group_id], group_id, "")
        covered = [range(s, e) for s, e in found]
        pattern, kinds = _suffixes()
        for match in pattern.finditer(text):
            if any(match.end() - 1 in r for r in covered):
                continue
            if text.endswith(self.determiners, 0, match.start()):
                continue  # 各小组, 有关领导小组: several or unnamed bodies
            start, anaphoric = self._left_edge(text, match.start())
            name = text[start:match.end()]
            if name.endswith(self.non_groups) or is_not_group(name):
                continue
            bare = "anaphor" if anaphoric else "bare" if name in self.bare else ""
            found[(start, match.end())] = (kinds[match.group()], None, bare)
        aliases = self._aliases(text, sorted(found), found)
        aliases.update(abbreviations(text, found, aliases))
        aliases.update(prefixless(text, found, aliases))
        self._add_alias_uses(text, found, aliases)
        doc._.zh_groups = self._resolve(text, found, aliases)
        doc.spans["zh_groups"] = [s for g in doc._.zh_groups
                                  if (s := doc.char_span(g.start, g.end, label="GROUP")) is not None]
        return doc

    def _left_edge(self, text: str, head: int) -> tuple[int, bool]:
        """Start of the name whose head noun begins at `head`, and whether it is anaphoric (该小组)."""
        low = max(0, head - _WINDOW)
        hard = [m.end() for m in _HARD_STOP.finditer(text, low, head)]
        quoted = _QUOTED_WORDS.search(text, low, head)  # 清理“三角债”领导小组: the quote is in the name
        if quoted:
            hard = [m.end() for m in _HARD_STOP.finditer(text, low, quoted.start())]
        low = hard[-1] if hard else low
        enumerated = self._enumerated_start(text, low, head)
        low, enumerated = enumerated, enumerated < low
        start = head
        tagged = [(pair.word, pair.flag) for pair in pos_segmenter().cut(text[low:head])]
        words = [word for word, _ in tagged]
        taken: list[str] = []
        if words and words[-1] in self.anaphors:  # 曾任该小组: jieba may join what precedes 该
            return head, True
        for i in range(len(words) - 1, -1, -1):
            word = words[i]
            if quoted and start > quoted.start():
                start -= len(word)  # inside the quoted words (or right after them): no stop applies
                taken.append(word)
                continue
            if (word in self.stops or word.endswith(self.clitics) or word in known_hanzi_people()
                    or _function_word(word, tagged[i][1])) and not text.endswith(self.keep, low, start):
                break
            if word in _CONJUNCTIONS and i and words[i - 1].endswith(_BODY_ENDINGS) \
                    and not (enumerated and word == "、"):
                break  # "X指挥部和Y委员会": two bodies, not one name
            start -= len(word)
            taken.append(word)
        if taken and taken[-1] in self.drop_prefixes:  # 原/新 as a word of its own, not 新疆
            start += len(taken[-1])
        elif text.startswith(self.verb_prefixes, start):  # 习近平任军改领导小组组长: jieba joined 任军改
            start += 1
        verbs = [m.end() for m in self.verbs.finditer(text, start, head)]
        start = verbs[-1] if verbs else start  # 恢复原名X, 更名X: jieba split the verb, cut after it
        if text[start:head] in self.anaphors:
            return head, True
        return start, False

    def _enumerated_start(self, text: str, low: int, head: int) -> int:
        """"北京奥运会、残奥会工作领导小组": items of one kind (same last character) joined by 、
        name the body's subject together; an item that is itself a body (X小组、Y小组) does not."""
        pattern, _ = _suffixes()
        while low >= 2 and text[low - 1] == "、":
            item = re.search(r"[\u3400-\u9fff]{2,8}$", text[max(0, low - 9):low - 1])
            words = [pair.word for pair in pos_segmenter().cut(text[low:head])][:2]
            following = next((word for word in words if len(word) > 1), "")  # 冬|残奥会: skip a prefix
            if not item or not following or item.group()[-1] != following[-1] or pattern.search(item.group()):
                break
            low = low - 1 - len(item.group())
        return low

    def _resolve(self, text: str, found: dict, aliases: dict) -> list[GroupMention]:
        spans = sorted(found)
        full = [s for s in spans if not found[s][2] and text[s[0]:s[1]] not in aliases]
        former = {s for s in spans if text.endswith(self.former_markers, 0, s[0])}
        current = [s for s in full if s not in former]
        # "A更名为B": B is a name of its own, neither a short form of A nor A's full name
        new_names = {text[s[0]:s[1]] for s in full if self.renaming.search(text, max(0, s[0] - 6), s[0])}
        named_anew = [s for s in full if text[s[0]:s[1]] in new_names]
        targets = {span: span if span in named_anew else
                   _longer_name([s for s in (full if span in former else current) if s not in named_anew],
                                span, text) or span for span in full}
        targets.update(_written_out(text, found, full, targets))
        mentions = []
        for span in spans:
            kind, group_id, bare = found[span]
            name = text[span[0]:span[1]]
            if span in targets:
                target = targets[span]
            elif name in aliases and span[0] >= aliases[name][0]:
                target = targets.get(aliases[name][1], aliases[name][1])
            else:  # bare or anaphoric: the body of that kind last named before it; a bare
                # name skips a body being abolished ("成立A，撤销B。领导小组组成人员如下")
                same_kind = [s for s in full if _same_kind(found[s][0], kind)]
                if bare == "bare" and any(s not in former for s in same_kind):
                    same_kind = [s for s in same_kind if s not in former]
                earlier = [s for s in same_kind if s[1] <= span[0]]
                antecedent = earlier[-1] if earlier else (same_kind[0] if same_kind else None)
                if antecedent is None:
                    continue  # "小组成员李四": no body of that kind is named, nothing to refer to
                target = targets[antecedent]
            kind, group_id = found[target][0], found[target][1]
            mentions.append(GroupMention(span[0], span[1], kind, target, group_id, former=span in former))
        return mentions

    def _add_alias_uses(self, text: str, found: dict, aliases: dict) -> None:
        """Uses of an alias the suffix rules cannot see (金融委, 三峡建委), after "(简称X)"."""
        taken = [range(s, e) for s, e in found]
        prefixless = {alias for alias, (given_at, _) in aliases.items() if given_at == PREFIXLESS}
        for alias, (given_at, named) in aliases.items():
            if (len(alias) < _MIN_ALIAS and alias not in prefixless) or alias in self.bare:
                continue  # a bare 小组 would also match inside 专家小组
            given = _ALIAS.match(text, given_at) if given_at >= 0 else None
            pos = given.end() if given else max(given_at, 0)
            while (pos := text.find(alias, pos)) >= 0:
                span = (pos, pos + len(alias))
                if not any(pos in r or span[1] - 1 in r for r in taken):
                    found[span] = (found[named][0], found[named][1], "")
                pos = span[1]

    @staticmethod
    def _aliases(text: str, spans: list, found: dict) -> dict[str, tuple[int, tuple[int, int]]]:
        """'(以下简称X)' after a full name: X -> (where the alias is given, that name)."""
        aliases = {}
        for match in _ALIAS.finditer(text):
            named = [s for s in spans if s[1] <= match.start() and not found[s][2]]
            if named and match.start() - named[-1][1] <= 2:
                aliases[match.group(1)] = (match.start(), named[-1])
        return aliases


def _written_out(text: str, found: dict, full: list, targets: dict) -> dict:
    """A gazetteer short name (深改委) stands for the body's longest name the text writes out,
    when it shortens that name (a former name of the body is a name of its own)."""
    longest: dict[str, tuple[int, int]] = {}
    for span in full:
        group_id = found[span][1]
        kept = longest.get(group_id)
        if group_id and (kept is None or span[1] - span[0] > kept[1] - kept[0]):
            longest[group_id] = span
    written = {}
    for span in full:
        body = longest.get(found[span][1])
        if body and body != span and targets[span] == span and subsequence(text[slice(*span)], text[slice(*body)]):
            written[span] = body
    return written


def _function_word(word: str, flag: str) -> bool:
    """Connectives, pronouns, particles and one-character adverbs (或, 还有, 其中, 还, 也) never
    belong to a body's name; 和/与/及 and 等 may (中央网络安全和信息化领导小组), see _left_edge."""
    if word in _CONJUNCTIONS or word in _IN_NAMES:
        return False
    return flag in _FUNCTION_TAGS or (flag.startswith("d") and len(word) == 1)


def _same_kind(candidate: str, bare: str) -> bool:
    """Can a full name of kind `candidate` be what a bare 小组/委员会 of kind `bare` refers to?"""
    groups = ("leading_group", "subgroup")
    return candidate in groups if bare in groups else candidate == bare


def _longer_name(full: list, span: tuple[int, int], text: str) -> tuple[int, int] | None:
    """A fuller name of the same body elsewhere: 山东省X领导小组 for X领导小组, or the full
    name a headline shortens (中央应对疫情领导小组 for 中央应对新型冠状病毒…疫情工作领导小组)."""
    name = text[span[0]:span[1]]
    longer = {text[s[0]:s[1]]: s for s in full if s[1] - s[0] > len(name)}
    suffixes = [n for n in longer if n.endswith(name)]
    if suffixes:
        return longer[max(suffixes, key=len)]
    shortened = [n for n in longer if (name[0] == n[0] or name[0] in unprefixed(n)[:4]) and _head(name)
                 and _head(n).endswith(_head(name)) and subsequence(name, n)]
    fullest = [n for n in shortened if not any(m != n and subsequence(n, m) for m in shortened)]
    return longer[fullest[0]] if len(fullest) == 1 else None


def _head(name: str) -> str:
    pattern, _ = _suffixes()
    heads = [m.group() for m in pattern.finditer(name) if m.end() == len(name)]
    return heads[-1] if heads else ""


@Language.factory("zh_groups")
def make_group_finder(nlp: Language, name: str) -> GroupFinder:
    return GroupFinder(nlp)
