"""Roles stated in running text, sentence by sentence:

    X领导小组组长李克强主持…       (group + role + [posts] name)
    副组长为公安部部长赵克志和…     (role + 为/是/由/包括 + names)
    办公室主任由…厅长刘炳国兼任     (role + 由 + names + 兼任/担任)
    习近平、张德江都曾担任过X组长   (names + 任/担任 + [group] + role)

A role word not attached to a group takes the group in context, unless another noun owns
it (专家组组长, 港澳办主任).
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.extract.zh.facts import CONFIDENCE, ZhFact, doc_text, group_before, group_ending_at
from pipeline.extract.zh.lexicon import RoleHeader, role_headers
from pipeline.extract.zh.person_names import names_backward, names_forward
from pipeline.extract.zh.rosters import roster_header
from pipeline.extract.zh.segments import clause_around, sentence_spans

_LIST_INTRO = re.compile(r"\s*(?:名单)?(?:(?:分别为|分别是|均为|包括|包含|有|为|是)\s*[:：]?|[:：])\s*")
_BY = re.compile(r"\s*由\s*")
_BY_CLOSE = ("担任", "兼任", "出任", "来担任")
_VERBS_BEFORE = ("担任过", "任过", "担任", "出任", "兼任", "任", "为", "是")
_OPEN_BEFORE_ROLE = set("任为是由、,，:：；;（(「“ \n") | {""}
_MEMBER_ROLES = ("成员", "组员", "委员")
# "委员" alone is too common a post (政治局委员): only "X委员会委员NAME" counts.
_OWNED_ONLY = ("委员",)


@lru_cache(maxsize=1)
def _role_words() -> tuple[re.Pattern, dict[str, RoleHeader]]:
    headers = list(role_headers())
    pattern = re.compile("|".join(re.escape(h.header) for h in headers))
    return pattern, {h.header: h for h in headers}


class RoleReader:
    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        facts = doc._.zh_facts if doc._.zh_facts is not None else []
        pattern, headers = _role_words()
        for start, end in sentence_spans(text):
            if roster_header(text[start:end]):
                continue
            for match in pattern.finditer(text, start, end):
                facts.extend(self._facts(doc, headers[match.group()], match, (start, end)))
        doc._.zh_facts = facts
        return doc

    def _facts(self, doc: Doc, header: RoleHeader, match: re.Match, sentence: tuple[int, int]):
        text = doc_text(doc)
        owner = group_ending_at(doc, match.start())
        if owner is None and header.header in _OWNED_ONLY:
            return []
        if owner is None:
            before = text[match.start() - 1] if match.start() > sentence[0] else ""
            if before not in _OPEN_BEFORE_ROLE:
                return []
            owner = group_before(doc, match.start())
            confidence = CONFIDENCE["context_group"]
        else:
            confidence = CONFIDENCE["running_text" if owner.is_full else "context_group"]
        if owner is None or header.role_for(owner.kind) is None:
            return []
        adjacent = owner.end == match.start()
        names = self._names_after(text, match.end(), sentence[1], header, adjacent)
        if not names:
            verb_end = owner.start if adjacent else match.start()
            verb = next((v for v in _VERBS_BEFORE if text.endswith(v, sentence[0], verb_end)), None)
            if verb and not (verb in ("为", "是") and header.header in _MEMBER_ROLES):
                names = names_backward(text, verb_end - len(verb), sentence[0])
        if not names:
            return []
        stated = (min(names[0][0], owner.start if adjacent else match.start()),
                  max(names[-1][1], match.end()))
        evidence = clause_around(text, *stated, sentence)
        return [ZhFact("membership", owner.target, evidence, confidence,
                       role=header.role_for(owner.kind), person=name) for name in names]

    @staticmethod
    def _names_after(text: str, pos: int, end: int, header: RoleHeader,
                     adjacent: bool) -> list[tuple[int, int]]:
        by = _BY.match(text, pos)
        if by:
            names = names_forward(text, by.end(), end)
            closed = names and text.startswith(_BY_CLOSE, names[-1][1])
            return names if closed else []
        intro = _LIST_INTRO.match(text, pos)
        if intro:
            return names_forward(text, intro.end(), end)
        if header.header in _MEMBER_ROLES and not adjacent:
            return []  # "成员因工作变动…": a member role needs its group or a list opener
        return names_forward(text, pos, end)


@Language.factory("zh_roles")
def make_role_reader(nlp: Language, name: str) -> RoleReader:
    return RoleReader()
