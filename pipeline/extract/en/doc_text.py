"""Doc.text joins every token on each access; components read it through this cache instead."""
from __future__ import annotations

from spacy.tokens import Doc


def text_of(doc: Doc) -> str:
    text = doc.user_data.get("lsg_text")
    if text is None:
        text = doc.user_data["lsg_text"] = doc.text
    return text
