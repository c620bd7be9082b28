"""Chinese extraction components on a blank spaCy "zh" pipeline.

The Doc is made from the simplified same-length copy of the text with one token per
character (spaCy's "char" segmenter), so every rule's character offsets align with tokens;
jieba is used inside the components where word boundaries matter.
"""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from pipeline.extract.zh import dates, events, group_names, roles, rosters  # noqa: F401  (factories)
from pipeline.extract.zh.facts import register_extensions

COMPONENTS = ("zh_dates", "zh_groups", "zh_rosters", "zh_roles", "zh_events")


@lru_cache(maxsize=1)
def chinese_pipeline() -> Language:
    register_extensions()
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "char"}}})
    for name in COMPONENTS:
        nlp.add_pipe(name)
    return nlp
