"""Which stretches of a long text can hold an LSG fact, so the parser only reads those.

A paragraph is relevant when it has a cue word (models/patterns/en_cues.txt), a hanzi group
ending or a gazetteer abbreviation; its neighbours come along, since a pronoun or a bare surname
there may point into it. Everything else is skipped: it names no group and states no role.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from pipeline.extract.en.resources import PATTERN_DIR, gazetteer_names

_PARAGRAPH = re.compile(r"\n[ \t]*\n")
_HANZI_CUE = r"小组|小組|委员会|委員會|办公室|辦公室"


@lru_cache(maxsize=1)
def _cue() -> re.Pattern:
    words = [line.strip() for line in (PATTERN_DIR / "en_cues.txt").read_text("utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    abbreviations = sorted({s for s, _ in gazetteer_names() if s.isascii() and s.isupper() and len(s) > 1})
    return re.compile(rf"(?i:\b(?:{'|'.join(words)})\b)|{_HANZI_CUE}"
                      + (rf"|\b(?:{'|'.join(map(re.escape, abbreviations))})\b" if abbreviations else ""))


def relevant_runs(text: str) -> Iterator[tuple[int, int]]:
    """[start, end) runs of whole paragraphs worth parsing, in order, not overlapping."""
    bounds = [0, *(m.end() for m in _PARAGRAPH.finditer(text)), len(text)]
    paragraphs = [(s, e) for s, e in zip(bounds, bounds[1:]) if e > s]
    cue = _cue()
    hits = [bool(cue.search(text, s, e)) for s, e in paragraphs]
    keep = [hits[i] or (i > 0 and hits[i - 1]) or (i + 1 < len(hits) and hits[i + 1]) for i in range(len(hits))]
    run_start = None
    for (start, end), kept in zip(paragraphs, keep):
        if kept and run_start is None:
            run_start = start
        elif not kept and run_start is not None:
            yield run_start, start
            run_start = None
    if run_start is not None:
        yield run_start, paragraphs[-1][1]
