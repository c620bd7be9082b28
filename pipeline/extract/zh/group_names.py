"""Group mentions: gazetteer names, unseen names ending in 领导小组/小组/委员会, and what
"领导小组", "该小组", "(以下简称…)" and shortened names stand for.

An unseen name's left edge is found by walking back over jieba words from the head noun
until punctuation, a verb or preposition (决定, 成立, 关于, 任 ...) or a post.
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.util import filter_spans

from pipeline.extract.zh.facts import GroupMention, doc_text
from pipeline.extract.zh.lexicon import group_rules, titles
from pipeline.extract.zh.segmenter import has_hanzi, segmenter
from pipeline.names import to_simplified

_HARD_STOP = re.compile(r"[\s,，。、;；:：!！?？()（）\[\]【】「」『』“”\"'《》<>|/·]")
_WINDOW = 40
_PARTY = "中共"
_CONJUNCTIONS = ("和", "与", "及", "以及", "、")
_BODY_ENDINGS = ("部", "局", "厅", "委", "会", "组", "室", "办", "院", "署")
_ALIAS = re.compile(r"[(（]\s*(?:以下)?简称\s*[“\"「『]?([^”\"」』)）]{2,20}?)[”\"」』]?\s*[)）]")


@lru_cache(maxsize=1)
def _suffixes() -> tuple[re.Pattern, dict[str, str]]:
    rules = sorted(group_rules()["suffix"], key=lambda r: -len(r["suffix"]))
    pattern = re.compile("|".join(re.escape(r["suffix"]) for r in rules))
    return pattern, {r["suffix"]: r["kind"] for r in rules}


def _kind_of(name: str) -> str:
    pattern, kinds = _suffixes()
    return next((kind for suffix, kind in kinds.items() if name.endswith(suffix)), "other_body")


class GroupFinder:
    """doc._.zh_groups: GroupMention list in text order; doc.spans['zh_groups'] for display."""

    def __init__(self, nlp: Language) -> None:
        from pipeline.resolve import gazetteer_group_names, group_by_id, is_not_group

        self.is_not_group = is_not_group
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
        self.anaphors = tuple(rules["anaphor"])
        self.drop_prefixes = tuple(rules["drop_prefix"])
        self.non_groups = tuple(rules["non_group"])

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        found: dict[tuple[int, int], tuple[str, str | None, bool]] = {}
        for span in filter_spans(self.matcher(doc, as_spans=True)):
            group_id = self.gazetteer[span.text]
            start = span.start_char
            if text.endswith(_PARTY, 0, start):  # 中共 + 中央X: the name as written
                start -= len(_PARTY)
            found[(start, span.end_char)] = (self.kinds[group_id], group_id, False)
        covered = [range(s, e) for s, e in found]
        pattern, kinds = _suffixes()
        for match in pattern.finditer(text):
            if any(match.end() - 1 in r for r in covered):
                continue
            start, anaphoric = self._left_edge(text, match.start())
            name = text[start:match.end()]
            if name.endswith(self.non_groups) or self.is_not_group(name):
                continue
            bare = anaphoric or name in self.bare
            found[(start, match.end())] = (kinds[match.group()], None, bare)
        doc._.zh_groups = self._resolve(text, found)
        doc.spans["zh_groups"] = [s for g in doc._.zh_groups
                                  if (s := doc.char_span(g.start, g.end, label="GROUP")) is not None]
        return doc

    def _left_edge(self, text: str, head: int) -> tuple[int, bool]:
        """Start of the name whose head noun begins at `head`, and whether it is anaphoric (该小组)."""
        low = max(0, head - _WINDOW)
        hard = [m.end() for m in _HARD_STOP.finditer(text, low, head)]
        low = hard[-1] if hard else low
        start = head
        words = segmenter().lcut(text[low:head])
        for i in range(len(words) - 1, -1, -1):
            word = words[i]
            if (word in self.stops or word.endswith(self.clitics)) \
                    and not text.endswith(self.keep, low, start):
                break
            if word in _CONJUNCTIONS and i and words[i - 1].endswith(_BODY_ENDINGS):
                break  # "X指挥部和Y委员会": two bodies, not one name
            start -= len(word)
        while text.startswith(self.drop_prefixes, start) and start < head:
            start += next(len(p) for p in self.drop_prefixes if text.startswith(p, start))
        if text.startswith(self.anaphors, start):
            return head, True
        return start, False

    def _resolve(self, text: str, found: dict) -> list[GroupMention]:
        spans = sorted(found)
        aliases = self._aliases(text, spans, found)
        full = [s for s in spans if not found[s][2] and text[s[0]:s[1]] not in aliases]
        targets = {span: _longer_name(full, span, text) or span for span in full}
        mentions = []
        for span in spans:
            kind, group_id, bare = found[span]
            name = text[span[0]:span[1]]
            if span in targets:
                target = targets[span]
            elif name in aliases and span[0] >= aliases[name][0]:
                target = targets.get(aliases[name][1], aliases[name][1])
            else:  # bare or anaphoric: the body last named before it
                antecedent = _last_full_before(full, span[0], text, kind) or _first_full(full, text, kind)
                target = targets[antecedent] if antecedent else span
            kind, group_id = found[target][0], found[target][1]
            mentions.append(GroupMention(span[0], span[1], kind, target, group_id))
        return mentions

    @staticmethod
    def _aliases(text: str, spans: list, found: dict) -> dict[str, tuple[int, tuple[int, int]]]:
        """'(以下简称X)' after a full name: X -> (where the alias is given, that name)."""
        aliases = {}
        for match in _ALIAS.finditer(text):
            named = [s for s in spans if s[1] <= match.start() and not found[s][2]]
            if named and match.start() - named[-1][1] <= 2:
                aliases[match.group(1)] = (match.start(), named[-1])
        return aliases


def _compatible(text: str, span: tuple[int, int], kind: str) -> bool:
    name = text[span[0]:span[1]]
    return (kind == "commission") == name.endswith("委员会")


def _last_full_before(full: list, offset: int, text: str, kind: str) -> tuple[int, int] | None:
    earlier = [s for s in full if s[1] <= offset and _compatible(text, s, kind)]
    return earlier[-1] if earlier else None


def _first_full(full: list, text: str, kind: str) -> tuple[int, int] | None:
    return next((s for s in full if _compatible(text, s, kind)), None)


def _longer_name(full: list, span: tuple[int, int], text: str) -> tuple[int, int] | None:
    """A fuller name of the same body elsewhere (山东省X领导小组 for X领导小组)."""
    name = text[span[0]:span[1]]
    longer = [s for s in full if s[1] - s[0] > len(name) and text[s[0]:s[1]].endswith(name)]
    return max(longer, key=lambda s: s[1] - s[0]) if longer else None


@Language.factory("zh_groups")
def make_group_finder(nlp: Language, name: str) -> GroupFinder:
    return GroupFinder(nlp)
