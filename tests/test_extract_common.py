"""Offset-keeping text helpers shared by the extractors."""
from __future__ import annotations

from pipeline.extract.common import clean_surface, evidence, paragraph_chunks, reflow

WRAPPED = " \n\n".join(["The Central Leading Group for Foreign Affairs was set up in 1958 and",
                         "was for decades chaired by the Premier of the State Council, who",
                         "coordinated the ministries and the army on external policy matters"] * 5)


def test_reflow_joins_wrapped_lines_and_maps_offsets_back():
    flowed = reflow(WRAPPED)
    assert "\n" not in flowed.text.split(" \n\n")[0]
    assert "Affairs was set up in 1958 and was for decades" in flowed.text
    for i, ch in enumerate(flowed.text):
        original = WRAPPED[flowed.origin[i]]
        assert ch == original or ch.isspace()
    start = flowed.text.index("Premier")
    assert flowed.span(start, start + 7) == (WRAPPED.index("Premier"), WRAPPED.index("Premier") + 7)


def test_reflow_keeps_list_lines_and_drops_footnote_markers():
    text = "Members\n- Xi Jinping\n- Li Keqiang\n\nHan Zheng.12 A partial list[3] followed."
    flowed = reflow(text)
    assert "- Xi Jinping\n- Li Keqiang" in flowed.text
    assert "Han Zheng. A partial list followed." in flowed.text


def test_reflow_replaces_control_characters():
    flowed = reflow("Xi\x00Jinping\x07 heads")
    assert flowed.text == "Xi Jinping heads"


def test_paragraph_chunks_cover_the_text_and_respect_the_limit():
    text = ("A paragraph of words here.\n\n" * 400) + "x" * 5000
    chunks = list(paragraph_chunks(text, 1000))
    assert "".join(c for _, c in chunks) == text
    assert all(len(c) <= 1000 for _, c in chunks)
    assert all(text[o:o + len(c)] == c for o, c in chunks)


def test_evidence_trims_whitespace_and_stays_exact():
    text = "  The group met.  "
    proof = evidence(text, 0, len(text))
    assert proof.text == "The group met." and text[proof.start:proof.end] == proof.text


def test_clean_surface_drops_quotes_and_article():
    assert clean_surface("the ‘Central Foreign Affairs Commission’") == "Central Foreign Affairs Commission"


def test_reflow_keeps_short_unpunctuated_label_lines_apart_in_wrapped_text():
    body = ("The commission is a policy coordination body that oversees internet policy and\n"
            "the security of information networks, and it was set up as a leading group in\n") * 7
    text = "Parent agency CPC Central Committee\n" + body
    flowed = reflow(text)
    assert flowed.text.startswith("Parent agency CPC Central Committee\nThe commission")
    assert "policy and the security" in flowed.text


def test_reflow_origin_maps_every_character_of_the_copy():
    text = "Alpha  beta\n\ngamma[3] delta"
    flowed = reflow(text)
    assert len(flowed.origin) == len(flowed.text) + 1
    assert flowed.span(0, 5) == (0, 5)
