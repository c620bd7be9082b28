"""Roles stated in running text, sentence by sentence:

    X领导小组组长李克强主持…       (group + role + [posts] name)
    副组长为外交部部长王毅和…       (role + 为/是/由/包括 + names)
    办公室主任由…局长宁吉喆兼任     (role + [先后]由 + names + 兼任/担任/接任)
    胡锦涛、江泽民都曾担任过X组长   (names + [post] + 任/担任 + [该][X] + role)
    A和B以领导小组成员身份出席      (names + 以 + [group] + role + 身份)
    A已接替B，出任X组长            (successor and predecessor hold the same role)
    A、B分别任组长、副组长          (and 组长、副组长分别由A、B担任: in order)
    A接掌X领导小组 / 由A挂帅的X     (press idioms without a role word: leader)
    成员共15人：除X外，有A、B…      (a member list after a head count or an exception)
    国务院副总理温家宝兼任书记      (书记 heads a 工作委员会)

A role word not attached to a group takes the group in context, unless another noun owns
it (专家组组长, 港澳办主任).
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.extract.zh.facts import (CONFIDENCE, ZhFact, doc_text, group_before, group_ending_at,
                                       group_starting_at, office_body)
from pipeline.extract.zh.lexicon import RoleHeader, role_headers, role_verbs
from pipeline.extract.zh.person_names import names_backward, names_forward
from pipeline.extract.zh.role_subjects import (list_running_on, shared_subject, successor_and_predecessor,
                                               with_successor)
from pipeline.extract.zh.rosters import roster_header
from pipeline.extract.zh.segments import clause_around, sentence_spans

# "副组长共五人，分别是A、B": a head count may stand before the list opener.
_HEAD_COUNT = r"(?:共(?:有)?[0-9一二三四五六七八九十两]{1,3}(?:人|位|名)\s*[，,]?\s*)?"
_LIST_INTRO = re.compile(rf"\s*(?:名单)?{_HEAD_COUNT}(?:(?:分别为|分别是|均为|包括|包含|有|为|是)\s*[:：]?|[:：])\s*")
# "A以及X、Y的负责同志担任副组长": unnamed office-holders end the list of names before the verb.
_UNNAMED_HOLDERS = re.compile(r"(?:以及|和|及|与|、)[^，,。；;:：]{0,40}?(?:主要)?负责(?:同志|人)(?:等)?$")
# "成员共15人：除X外，有A、B…": a head count, then the names but the one already given.
_MEMBER_COUNT = re.compile(r"\s*共(?:有)?[0-9一二三四五六七八九十]{1,3}(?:人|位|名)\s*[:：]\s*"
                           r"(?:除[^，,。；;:：]{2,20}?(?:之外|以外|外)[，,]?\s*)?(?:还?有|包括)?\s*"
                           r"|\s*[，,:：]?\s*除[^，,。；;:：]{2,20}?(?:之外|以外|外)[，,]?\s*(?:还?有|包括)\s*")
# "…、B，以及C、D等七位部门负责人": a list runs on over a comma opened by 以及/还有.
# "A和B以领导小组成员身份出席": 以 introduces the capacity the names before it act in.
_CAPACITY = "身份"
_MEMBER_BODIES = ("单位", "部门", "机构")
_ANAPHORS = ("该", "本", "此", "这个")
_RESPECTIVELY = re.compile(r"分别(?:担任|出任|兼任|任|为|是)$")
_RESPECTIVELY_BY = re.compile(r"\s*分别(?P<verb>由|为|是)\s*")
_ROLE_JOIN = re.compile(r"[、和及]")
# "出任新成立的X办公室主任": how new the body is stands between the verb and the group.
_NEW_BODY = re.compile(r"(?:新|刚)?(?:成立|组建|设立|改组|调整|重组|升格)后?的$")
_OPEN_BEFORE_ROLE = set("任为是由兼该、,，:：；;（(「“ \n") | {""}  # 该: 任该办公室主任
_MODIFIED = re.compile(r"[^，,。；;]{0,30}?的")
_OFFICE = "办公室"
_POSSESSIVE = "的"
# 主任 of a body's office (X委员会办公室主任) directs that body's office.
_OFFICE_HEAD = RoleHeader("主任", "office_director", "any")
_OFFICE_HEADERS = ("主任", "办公室主任")
_MEMBER_ROLES = ("成员", "组员", "委员")
# "委员" alone is too common a post (政治局委员): only "X委员会委员NAME" counts.
_OWNED_ONLY = ("委员",)


@lru_cache(maxsize=1)
def _verbs() -> dict[str, re.Pattern]:
    """Verb phrases from models/patterns/zh_role_verbs.jsonl, as regexes:
    by (一职由, 先后由), by_close (…担任), takes_charge (A接掌X), succession (A接替B，出任…)."""
    words = {key: "|".join(map(re.escape, found)) for key, found in role_verbs().items()}
    return {"by": re.compile(rf"\s*(?:一职)?\s*(?:{words['by_adverb']})?\s*由\s*"),
            "by_close": re.compile(rf"\s*(?:同志)?\s*(?:来)?(?:{words['by_close']})"),
            "takes_charge": re.compile(words["takes_charge"]),
            "succession": re.compile(rf"(?:{words['succession']})$")}


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
            if roster_header(text[start:end]) and not _after_full_stop(text, start):
                continue  # a roster line: the roster reader's
            paired = list(self._respective(doc, (start, end)))
            facts.extend(fact for fact, _ in paired)
            handled = {role_start for _, role_start in paired}
            for match in pattern.finditer(text, start, end):
                if match.start() not in handled:
                    facts.extend(self._facts(doc, headers[match.group()], match, (start, end)))
            facts.extend(self._takes_charge(doc, (start, end)))
        doc._.zh_facts = facts
        return doc

    @staticmethod
    def _respective(doc: Doc, sentence: tuple[int, int]):
        """"A、B分别任组长、副组长" and "组长、副组长分别由A、B担任": the n-th name holds the
        n-th role. Yields (fact, role start)."""
        text = doc_text(doc)
        pattern, headers = _role_words()
        for roles in _role_lists(pattern, text, sentence):
            by = _RESPECTIVELY_BY.match(text, roles[-1].end())
            if by:  # 分别由A、B担任 needs its closing verb; 分别为A、B does not
                names = names_forward(text, by.end(), sentence[1])
                closed = by["verb"] != "由" or (names and _verbs()["by_close"].match(text, names[-1][1]))
                names = names if closed else []
            else:
                verb = _RESPECTIVELY.search(text, sentence[0], roles[0].start())
                names = names_backward(text, verb.start(), sentence[0]) if verb else []
            if len(names) != len(roles):
                continue
            evidence = clause_around(text, min(names[0][0], roles[0].start()),
                                     max(names[-1][1], roles[-1].end()), sentence)
            for name, match in zip(names, roles):
                owner, header, confidence = _owner(doc, headers[match.group()], match, sentence)
                stated = _group_and_role(text, owner, header) if owner else None
                if stated:
                    yield ZhFact("membership", evidence=evidence, confidence=confidence, person=name, **stated), \
                        match.start()

    @staticmethod
    def _takes_charge(doc: Doc, sentence: tuple[int, int]):
        """"A接掌X领导小组" (press style, no role word): A leads X; "接掌X办公室": A directs X's
        office; "由A挂帅的X" too."""
        text = doc_text(doc)
        for verb in _verbs()["takes_charge"].finditer(text, *sentence):
            group = group_starting_at(doc, verb.end())
            if group is None or _role_words()[0].match(text, group.end):
                continue  # "接掌X组长": the role word's own rule reads it
            if group.kind == "office":
                stated = _group_and_role(text, group, _OFFICE_HEAD)
            else:
                role = "office_director" if text.startswith(_OFFICE, group.end) else "leader"
                stated = {"group": group.target, "role": role}
            names = names_backward(text, verb.start(), sentence[0])
            if stated and names:
                evidence = clause_around(text, names[0][0], group.end, sentence)
                yield from (ZhFact("membership", evidence=evidence, confidence=CONFIDENCE["running_text"],
                                   person=name, **stated) for name in names)

    def _facts(self, doc: Doc, header: RoleHeader, match: re.Match, sentence: tuple[int, int]):
        text = doc_text(doc)
        owner, header, confidence = _owner(doc, header, match, sentence)
        stated_for = _group_and_role(text, owner, header) if owner else None
        if stated_for is None:
            return []
        adjacent = match.start() <= owner.end < match.end()  # X领导小组|组长, X办公室|主任
        names = self._names_after(text, match.end(), sentence[1], header, adjacent)
        if not names:
            names = _names_before(text, owner.start if adjacent else match.start(), match.end(),
                                  header, sentence)
        if not names:
            return []
        stated = (min(names[0][0], owner.start if adjacent else match.start()),
                  max(names[-1][1], match.end()))
        evidence = clause_around(text, *stated, sentence)
        return [ZhFact("membership", evidence=evidence, confidence=confidence, person=name, **stated_for)
                for name in names]

    @staticmethod
    def _names_after(text: str, pos: int, end: int, header: RoleHeader,
                     adjacent: bool) -> list[tuple[int, int]]:
        by = _verbs()["by"].match(text, pos)
        if by:
            names = names_forward(text, by.end(), end)
            closed = names and _verbs()["by_close"].match(text, names[-1][1])
            return names if closed else []
        intro = _MEMBER_COUNT.match(text, pos) if header.role == "member" else None
        intro = intro or _LIST_INTRO.match(text, pos)
        if intro:
            return list_running_on(text, intro.end(), end)
        if header.header in _MEMBER_ROLES and not adjacent:
            return []  # "成员因工作变动…": a member role needs its group or a list opener
        return names_forward(text, pos, end)


def _role_lists(pattern: re.Pattern, text: str, sentence: tuple[int, int]) -> list[list[re.Match]]:
    """Runs of two or more role words joined by 、/和/及 ("组长、副组长")."""
    runs: list[list[re.Match]] = []
    for match in pattern.finditer(text, *sentence):
        previous = runs[-1][-1] if runs else None
        if previous and _ROLE_JOIN.fullmatch(text, previous.end(), match.start()):
            runs[-1].append(match)
        else:
            runs.append([match])
    return [run for run in runs if len(run) >= 2]


def _names_before(text: str, verb_end: int, role_end: int, header: RoleHeader,
                  sentence: tuple[int, int]) -> list[tuple[int, int]]:
    """Names before the verb that gives them the role: "A、B曾担任[该]X组长", "A以X成员身份"."""
    verb_end = next((verb_end - len(a) for a in _ANAPHORS if text.endswith(a, sentence[0], verb_end)), verb_end)
    new_body = _NEW_BODY.search(text, sentence[0], verb_end)
    verb_end = new_body.start() if new_body else verb_end
    verbs = role_verbs()["verb_before"] + (("以",) if text.startswith(_CAPACITY, role_end) else ())
    verb = next((v for v in verbs if text.endswith(v, sentence[0], verb_end)), None)
    if not verb or text.startswith(_MEMBER_BODIES, role_end):
        return []  # "财政部等为成员单位": departments, not people
    unnamed = _UNNAMED_HOLDERS.search(text, sentence[0], verb_end - len(verb))
    names = names_backward(text, unnamed.start() if unnamed else verb_end - len(verb), sentence[0])
    if names:
        return with_successor(text, names, sentence[0])
    shared = shared_subject(text, verb_end - len(verb), sentence)
    if shared:
        return shared
    return successor_and_predecessor(text, verb_end - len(verb), sentence[0])


def _owner(doc: Doc, header: RoleHeader, match: re.Match, sentence: tuple[int, int]):
    """(group mention, role header, confidence) the role word belongs to; mention None if none."""
    text = doc_text(doc)
    owner = group_ending_at(doc, match.start())
    if owner is None and text.endswith(_POSSESSIVE, 0, match.start()):  # 领导小组的成员
        owner = group_ending_at(doc, match.start() - len(_POSSESSIVE))
    office = group_ending_at(doc, match.start() + len(_OFFICE))
    if owner is None and match.group().startswith(_OFFICE) and office and office.kind == "office":
        owner, header = office, _OFFICE_HEAD  # the gazetteer named the office itself
    owner = owner or _group_modified(doc, match.end(), sentence[1])
    if owner is not None:
        return owner, header, CONFIDENCE["running_text" if owner.is_full else "context_group"]
    before = text[match.start() - 1] if match.start() > sentence[0] else ""
    if header.header in _OWNED_ONLY or before not in _OPEN_BEFORE_ROLE:
        return None, header, 0.0  # 政治局委员, 专家组组长, 港澳办主任: not a group's role
    if header.header.startswith(_OFFICE):  # 任该办公室主任: the last body whose office we know
        earlier = [g for g in doc._.zh_groups if g.end <= match.start() and _group_and_role(text, g, header)]
        context = earlier[-1] if earlier else None
    else:
        context = group_before(doc, match.start(), offices=False)
    return (context if _in_context(doc, context, match.start()) else None), header, CONFIDENCE["context_group"]


def _in_context(doc: Doc, group, offset: int) -> bool:
    """A role word without its group refers to a body named in its paragraph, or to the body
    the whole text is about (its first full name): not to one named paragraphs earlier, unless
    a successor takes the post over (接任组长一职: the post last spoken of)."""
    if group is None:
        return False
    text = doc_text(doc)
    if _verbs()["succession"].search(text, max(0, offset - 2), offset):
        return True
    paragraph_start = text.rfind("\n", 0, offset) + 1
    topic = next((g for g in doc._.zh_groups if g.is_full), None)
    same_body = topic is not None and text[slice(*group.target)] == text[slice(*topic.target)]
    return group.end > paragraph_start or group.start >= offset or same_body


def _group_and_role(text: str, owner, header: RoleHeader) -> dict | None:
    """ZhFact fields (group, role, [group_id]) the role word states; an office's 主任 directs
    its body's office (None for an agency such as 国务院港澳事务办公室)."""
    if owner.kind == "office" and header.header in _OFFICE_HEADERS:
        body = office_body(text, owner)
        return {**body, "role": "office_director"} if body else None
    role = header.role_for(owner.kind, text[slice(*owner.target)])
    return {"group": owner.target, "role": role} if role else None


def _after_full_stop(text: str, start: int) -> bool:
    """Does the sentence at `start` follow another in the same paragraph ("…日常工作。办公室主任：X")?"""
    before = text[:start].rstrip(" \t\u3000")
    return before.endswith(("。", "！", "？"))


def _group_modified(doc: Doc, pos: int, end: int):
    """The group a role phrase modifies: 以A为组长、B为副组长的[X领导小组]."""
    text = doc_text(doc)
    clause = _MODIFIED.match(text, pos, end)
    return group_starting_at(doc, clause.end()) if clause else None


@Language.factory("zh_roles")
def make_role_reader(nlp: Language, name: str) -> RoleReader:
    return RoleReader()
