"""Bytes -> str for text and HTML: BOMs, declared charsets, UTF-8, then careful guessing.

Chinese legacy encodings are the hard case: GB2312/GBK bytes and Big5 bytes decode without
error under each other's codec far too often. A correct decoding of real Chinese text is made
almost entirely of common characters (GB2312 level 1 or Big5 "frequently used"), while a wrong
one scatters into rare hanzi, kana and symbols, so candidates are ranked by that share.
"""
from __future__ import annotations

import codecs
import re
from functools import lru_cache

import charset_normalizer

# Supersets: pages labelled GB2312/GBK routinely use GBK-only characters, Big5 pages HKSCS ones.
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030",
              "cp936": "gb18030", "euc-cn": "gb18030", "big5": "big5hkscs", "x-x-big5": "big5hkscs",
              "big5-hkscs": "big5hkscs", "cp950": "cp950", "ascii": "utf-8", "us-ascii": "utf-8",
              "iso-8859-1": "cp1252", "latin-1": "cp1252", "latin1": "cp1252"}
_BOMS = [(codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
         (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
         (codecs.BOM_UTF16_BE, "utf-16-be")]
SCORE_SAMPLE = 50_000  # characters; enough to tell codecs apart, cheap on big files
_CHINESE_CANDIDATES = ("gb18030", "big5hkscs", "cp950")
_BINARY_MAGIC = (b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b", b"\x7fELF",
                 b"\xd0\xcf\x11\xe0", b"Rar!", b"7z\xbc\xaf")
_CONTROL_BYTES = bytes(b for b in range(0x20) if chr(b) not in "\t\n\r\f\v\x1b")
_CONTROL_CHARS = re.compile("[" + re.escape(_CONTROL_BYTES.decode("ascii")) + "]")


class DecodeError(Exception):
    """`reason` is the user-facing wording: "binary content, not text" or "unknown encoding"."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def codec_for(label: str | None) -> str | None:
    """The codec to use for a declared charset label, or None if Python does not know it."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    label = _SUPERSETS.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def charset_warning(declared: str | None, used: str) -> list[str]:
    """A warning when the bytes did not fit the charset the server or page declared."""
    expected = codec_for(declared)
    if expected is None or expected == codecs.lookup(used).name:
        return []
    return [f"declared charset {declared} does not fit the bytes; read as {used}"]


def decode(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Return (text, codec name). Raise DecodeError for binary data or undecodable bytes."""
    if data.startswith(_BINARY_MAGIC):
        raise DecodeError("binary content, not text")
    for bom, name in _BOMS:
        if data.startswith(bom):
            return _checked(data[len(bom):].decode(name, errors="replace")), name
    utf16 = _utf16_without_bom(data)
    if utf16:
        return _checked(data.decode(utf16, errors="replace")), utf16
    if b"\x00" in data or _control_share(data) > 0.02:
        chinese = _best_chinese(data)  # UTF-16 Chinese without a BOM has NULs in its newlines
        if chinese:
            return chinese
        raise DecodeError("binary content, not text")
    for name in filter(None, (codec_for(declared), "utf-8")):
        try:
            return _checked(data.decode(name)), name
        except UnicodeDecodeError:
            pass
    chinese = _best_chinese(data)
    if chinese:
        return chinese
    return _guess_other(data)


def chinese_score(text: str) -> float:
    """Share of the non-ASCII characters that are common hanzi or CJK punctuation."""
    wide = [ch for ch in text if ord(ch) > 127 and not ch.isspace()]
    if not wide:
        return 0.0
    return sum(1 for ch in wide if _is_common_cjk(ch)) / len(wide)


@lru_cache(maxsize=None)
def _is_common_cjk(ch: str) -> bool:
    if "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef" or ch in "“”‘’…—·":
        return True
    try:
        gb = ch.encode("gb2312")
        if 0xB0 <= gb[0] <= 0xD7:  # GB2312 level 1: the 3755 most frequent hanzi
            return True
    except UnicodeEncodeError:
        pass
    try:
        big5 = ch.encode("big5")
    except UnicodeEncodeError:
        return False
    return len(big5) == 2 and 0xA4 <= big5[0] <= 0xC6  # Big5 frequently used hanzi


def _best_chinese(data: bytes) -> tuple[str, str] | None:
    scored = []
    names = _CHINESE_CANDIDATES + (("utf-16-le", "utf-16-be") if len(data) % 2 == 0 else ())
    for name in names:
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        scored.append((chinese_score(text[:SCORE_SAMPLE]), text, name))
    if not scored:
        return None
    score, text, name = max(scored, key=lambda item: item[0])
    # Real Chinese scores above 0.9; a wrong codec lands near 0.4 or below.
    return (_checked(text), name) if score >= 0.75 else None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 of mostly-ASCII text shows NULs in every other byte."""
    if len(data) < 4 or len(data) % 2:
        return None
    even, odd = data[0::2], data[1::2]
    even_nuls, odd_nuls = even.count(0) / len(even), odd.count(0) / len(odd)
    if odd_nuls > 0.3 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.3 and odd_nuls < 0.05:
        return "utf-16-be"
    return None


def _guess_other(data: bytes) -> tuple[str, str]:
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise DecodeError("unknown encoding")
    name = best.encoding
    if name.startswith(("cp125", "latin", "iso8859")):
        # Western text is far likelier than Central European when both decode.
        try:
            return _checked(data.decode("cp1252")), "cp1252"
        except UnicodeDecodeError:
            pass
    return _checked(str(best)), name


def _control_share(data: bytes) -> float:
    return (len(data) - len(data.translate(None, _CONTROL_BYTES))) / len(data) if data else 0.0


def _checked(text: str) -> str:
    if text and len(_CONTROL_CHARS.findall(text)) / len(text) > 0.02:
        raise DecodeError("binary content, not text")
    return text


# UTF-8 bytes read as Windows-1252 and saved again as UTF-8: "é¢†å¯¼" for 领导.
_MOJIBAKE_PAIR = re.compile("[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178"
                            "\u017d\u017e\u0192\u02c6\u02dc\u2013-\u2122]")


def repair_double_utf8(text: str) -> str | None:
    """The text with doubly encoded UTF-8 undone, or None if it does not look doubly encoded."""
    if len(_MOJIBAKE_PAIR.findall(text)) < 3:
        return None
    raw = bytearray()
    for ch in text:
        try:
            raw += ch.encode("cp1252")
        except UnicodeEncodeError:
            if ord(ch) > 0xFF:
                return None
            raw.append(ord(ch))  # bytes cp1252 leaves undefined pass through as Latin-1
    try:
        repaired = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return repaired if len(repaired) < len(text) else None
