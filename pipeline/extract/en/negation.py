"""Whether a cue's own clause is negated: "was not a meeting", "was never abolished", "is not a member"."""
from __future__ import annotations

from spacy.tokens import Span

_CLIMBABLE = frozenset({"attr", "dobj", "nsubj", "nsubjpass", "pobj", "prep"})


def negated(cue: Span) -> bool:
    """True when the verb governing the cue (within three steps up the parse) has a "not"/"never"."""
    token = cue[0]
    for _ in range(3):
        if token.pos_ in ("VERB", "AUX") or token.dep_ == "ROOT":
            break
        if token.dep_ not in _CLIMBABLE or token.head.i == token.i:
            return False
        token = token.head
    return any(c.dep_ == "neg" or c.lower_ == "never" for c in token.children)


def negated_role(cue: Span) -> bool:
    """A role cue that says who does NOT hold the role ("was not a member"); "no longer" cues keep
    their own meaning (the person held the role before)."""
    return not cue.label_.endswith("|no_longer") and negated(cue)
