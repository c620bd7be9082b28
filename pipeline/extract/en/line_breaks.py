"""Lines of lists, tables and headings are sentences of their own.

Runs before the parser, which keeps boundaries already set: a token that follows a line break
starts a sentence, so "- Deputy directors\n- Zhu Rongji" never parses as one clause; and the word
after it does not, so a line opening "Xi Jinping chairs ..." is not cut after "Xi".
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.extract.en.resources import surnames

# Given names spelt like English words that open sentences ("Liu He", "Wang Yi", "Zhou An").
_GIVEN_LIKE_PRONOUNS = frozenset({"He", "She", "An", "Yi", "Ye", "Bo"})


class LineBreaks:
    def __init__(self):
        self.surnames = surnames()

    def __call__(self, doc: Doc) -> Doc:
        for token in doc[1:]:
            previous = doc[token.i - 1]
            if previous.text in self.surnames and token.text in _GIVEN_LIKE_PRONOUNS and not previous.whitespace_ == "":
                token.is_sent_start = False  # "Liu He replaced Ma": the parser would start a sentence at "He"
            if token.is_space or not ("\n" in previous.text or "\n" in previous.whitespace_):
                continue
            token.is_sent_start = True
            following = doc[token.i + 1] if token.i + 1 < len(doc) else None
            if following is not None and not following.is_space and "\n" not in token.whitespace_:
                following.is_sent_start = False
        return doc


@Language.factory("lsg_line_breaks")
def make_line_breaks(nlp: Language, name: str) -> LineBreaks:
    return LineBreaks()
