"""Which extractor a document goes to: Chinese when CJK characters dominate its letters."""
import re

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z]")


def detect_language(text: str, sample: int = 20000) -> str:
    head = text[:sample]
    cjk = len(_CJK.findall(head))
    latin_words = len(re.findall(r"[A-Za-z]+", head))
    # One hanzi carries about as much as one English word.
    return "zh" if cjk > latin_words else "en"
