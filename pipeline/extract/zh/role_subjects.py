"""Who a role phrase names when the names are not simply next to it:

    …、B，以及C、D等七位部门负责人           a list running on over a comma
    A去年底已出任X组长，今年初又出任Y主席     a clause sharing the subject of the one before
    A已接替B，出任X组长 / A从B手中接任组长    a successor and the predecessor (both held it)
    A接替B担任组长
"""
from __future__ import annotations

import re
from functools import lru_cache

from pipeline.extract.zh.lexicon import role_verbs
from pipeline.extract.zh.person_names import names_backward, names_forward, subject_end

_LIST_GOES_ON = re.compile(r"[，,]\s*(?:以及|还有|另有)\s*")
_TAKEN_FROM = re.compile(r"从(?P<name>[\u3400-\u9fff]{2,4})(?:手中|手里|手上|处)$")
_CLAUSE_GAP = re.compile(r"[,，]\s*$")


@lru_cache(maxsize=1)
def _succession_verb() -> re.Pattern:
    return re.compile(f"(?:{'|'.join(map(re.escape, role_verbs()['succession']))})$")


def successor_and_predecessor(text: str, verb: int, start: int) -> list[tuple[int, int]]:
    """Names before the verb at `verb` when a clause or 从…手中 stands between them."""
    taken_from = _TAKEN_FROM.search(text, start, verb)
    if taken_from:  # "A从B手中接任组长": both held the post
        return _succession(text, taken_from.start() + 1 + len(taken_from["name"]), start, "从")
    gap = _CLAUSE_GAP.search(text, start, verb)
    return _succession(text, gap.start(), start) if gap else []


def with_successor(text: str, names: list[tuple[int, int]], start: int) -> list[tuple[int, int]]:
    """"A接替B担任组长": the names found before the verb are B's; A took the post over from B."""
    verb = _succession_verb().search(text, start, names[0][0]) if len(names) == 1 else None
    successor = names_backward(text, verb.start(), start) if verb else []
    return successor[-1:] + names


def list_running_on(text: str, pos: int, end: int) -> list[tuple[int, int]]:
    names = names_forward(text, pos, end)
    while names and (more := _LIST_GOES_ON.match(text, names[-1][1], end)):
        following = names_forward(text, more.end(), end)
        if not following:
            break
        names += following
    return names


def shared_subject(text: str, verb: int, sentence: tuple[int, int]) -> list[tuple[int, int]]:
    """"A去年底已出任X组长，今年初又出任Y主席": a clause of only times and adverbs before its
    verb shares the subject of the clause before, when that clause opens with one name and
    gives it a post (or opens the sentence)."""
    subject = subject_end(text, verb, sentence[0])
    if subject == verb or not _CLAUSE_GAP.search(text, sentence[0], subject):
        return []
    clause_end = subject - 1
    clause_start = max(text.rfind(ch, sentence[0], clause_end) for ch in ",，") + 1
    clause_start = max(clause_start, sentence[0])
    names = names_forward(text, clause_start, clause_end)
    verbs = [v for v in role_verbs()["verb_before"] if len(v) > 1]
    opens_sentence = clause_start == sentence[0]  # "A去年十月进入常委会，其后出任X组长"
    if len(names) != 1 or names[0][0] != clause_start or \
            not (opens_sentence or any(v in text[names[0][1]:clause_end] for v in verbs)):
        return []
    return names


def _succession(text: str, end: int, start: int, verb: str | None = None) -> list[tuple[int, int]]:
    """The successor and the predecessor of "A已接替B，出任…" (or "A从B手中接任…", `verb` 从):
    both held the post."""
    predecessor = names_backward(text, end, start)
    if len(predecessor) != 1:
        return []
    verb = re.compile(f"{verb}$") if verb else _succession_verb()
    verb = verb.search(text, start, predecessor[0][0])
    successor = names_backward(text, verb.start(), start) if verb else []
    return successor[-1:] + predecessor if successor else []
