"""Which paragraphs of a long English text are worth parsing."""
from __future__ import annotations

from pipeline.extract.en.relevance import relevant_runs


def _kept(text: str) -> str:
    return "".join(text[s:e] for s, e in relevant_runs(text))


def test_paragraphs_without_cues_are_skipped_with_neighbours_kept():
    weather = [f"Weather note {n}: rain in the north." for n in range(6)]
    text = "\n\n".join([*weather[:3], "Xi Jinping chairs the commission.", *weather[3:]])
    kept = _kept(text)
    assert "chairs the commission" in kept
    assert "Weather note 2" in kept and "Weather note 3" in kept  # the neighbours
    assert "Weather note 0" not in kept and "Weather note 5" not in kept


def test_runs_are_ordered_disjoint_and_inside_the_text():
    text = "\n\n".join(["The group met."] + ["Nothing here."] * 5 + ["The LSG was set up in 2013."])
    runs = list(relevant_runs(text))
    assert runs == sorted(runs)
    assert all(0 <= s < e <= len(text) for s, e in runs)
    assert all(a[1] <= b[0] for a, b in zip(runs, runs[1:]))
    assert len(runs) == 2


def test_gazetteer_abbreviation_and_hanzi_are_cues():
    text = "\n\n".join(["Nothing here."] * 3 + ["新成立的领导小组"] + ["Nothing here."] * 3)
    assert "领导小组" in _kept(text)
    assert list(relevant_runs("")) == []
