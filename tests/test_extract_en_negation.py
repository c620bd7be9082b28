"""A negated cue states no fact: "was not a member", "did not head". Our own sentences, real facts."""
from __future__ import annotations

from tests.en_extract_helpers import people, run


def test_not_a_member_is_no_membership():
    facts = run("Zhao Ziyang headed the Central Leading Group for Financial and Economic Affairs from 1980. "
                "Chen Yun, then a vice-chairman of the party, was not a member.")
    assert people(facts, "leader") == {"Zhao Ziyang"}
    assert people(facts, "member") == set()


def test_never_chaired_is_no_leadership():
    facts = run("Li Peng, the premier, never chaired the Central Leading Group for Financial and Economic "
                "Affairs, which Jiang Zemin headed from 1989.")
    assert "Li Peng" not in people(facts, "leader")
    assert "Jiang Zemin" in people(facts, "leader")
