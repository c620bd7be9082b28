"""Lines of lists, tables and headings are sentences of their own.

Runs before the parser, which keeps boundaries already set: a token that follows a line break
starts a sentence, so "- Vice Chairmen\n- Li Keqiang" never parses as one clause; and the word
after it does not, so a line opening "Xi Jinping chairs ..." is not cut after "Xi".
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class LineBreaks:
    def __call__(self, doc: Doc) -> Doc:
        for token in doc[1:]:
            previous = doc[token.i - 1]
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
