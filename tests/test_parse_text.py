import codecs

import pytest

from pipeline.errors import InputError
from pipeline.parse import parse, parse_file
from pipeline.parse.dates import find_published
from pipeline.records import RawDocument

NOTICE_SIMPLIFIED = ("关于成立全国普查工作领导小组的通知\n"
                     "为加强对普查工作的领导，决定成立领导小组。\n"
                     "组长：王明（国务院副总理）\n副组长：李华、张强\n成员：赵伟、陈静、刘洋\n")
NOTICE_TRADITIONAL = ("關於成立港澳工作領導小組的通知\n"
                      "為加強對港澳工作的領導，決定成立領導小組。\n"
                      "組長：王明（國務院副總理）\n副組長：李華、張強\n成員：趙偉、陳靜、劉洋\n")


def parse_bytes(data: bytes, name: str = "doc.txt", charset: str | None = None):
    return parse(RawDocument(origin=name, content=data, media_type="text/plain", charset=charset))


def test_utf8_text_is_kept_exactly():
    text = ("Xi Jinping heads the group\n\n  Indented line with  two  spaces\n"
            "Full-width ＡＢＣ（１２３） stays.\n")
    doc = parse_bytes(text.encode("utf-8"))
    assert doc.text == text
    assert (doc.encoding, doc.lang, doc.title) == ("utf-8", "en", "Xi Jinping heads the group")
    assert doc.media_type == "text/plain" and doc.content_hash == parse_bytes(text.encode()).content_hash


def test_newlines_are_normalised():
    assert parse_bytes(b"line one\r\nline two\rline three").text == "line one\nline two\nline three"


@pytest.mark.parametrize("bom, codec", [(codecs.BOM_UTF8, "utf-8"),
                                        (codecs.BOM_UTF16_LE, "utf-16-le"),
                                        (codecs.BOM_UTF16_BE, "utf-16-be")])
def test_byte_order_marks(bom, codec):
    doc = parse_bytes(bom + NOTICE_SIMPLIFIED.encode(codec))
    assert doc.text == NOTICE_SIMPLIFIED and doc.encoding == codec


@pytest.mark.parametrize("text, codec", [(NOTICE_SIMPLIFIED, "utf-16-le"),
                                         ("The Central Leading Group met today.\n", "utf-16-be")])
def test_utf16_without_bom(text, codec):
    doc = parse_bytes(text.encode(codec))
    assert doc.text == text and doc.encoding == codec


@pytest.mark.parametrize("source_codec", ["gb2312", "gbk", "gb18030"])
def test_simplified_legacy_encodings_decode_as_gb18030(source_codec):
    doc = parse_bytes(NOTICE_SIMPLIFIED.encode(source_codec))
    assert doc.text == NOTICE_SIMPLIFIED and doc.encoding == "gb18030" and doc.lang == "zh"
    assert doc.title == "关于成立全国普查工作领导小组的通知"


def test_big5_is_not_mistaken_for_gb18030():
    data = NOTICE_TRADITIONAL.encode("big5")
    data.decode("gb18030")  # the trap: these bytes are valid GB18030 too
    doc = parse_bytes(data)
    assert doc.text == NOTICE_TRADITIONAL and doc.encoding.startswith("big5")


def test_short_chinese_lines_in_both_encodings():
    assert parse_bytes("组长：王明\n".encode("gb2312")).text == "组长：王明\n"
    assert parse_bytes("組長：王明\n".encode("big5")).text == "組長：王明\n"


def test_hkscs_characters_in_big5():
    text = "香港特區政府邨屋村\n"
    assert parse_bytes(text.encode("big5hkscs")).text == text


def test_declared_charset_is_used_first():
    text = "Déclaration du groupe\n"
    doc = parse_bytes(text.encode("latin-1"), charset="ISO-8859-1")
    assert doc.text == text


def test_windows_1252_english():
    text = "The group’s “core” leader – Xi Jinping – met on Friday.\n"
    doc = parse_bytes(text.encode("cp1252"))
    assert doc.text == text and doc.encoding == "cp1252"


@pytest.mark.parametrize("data", [b"", b"   \n\n  "])
def test_empty_document(data):
    with pytest.raises(InputError) as err:
        parse_bytes(data)
    assert err.value.reason == "empty document"


@pytest.mark.parametrize("data", [
    b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
    bytes(range(256)) * 8,
    bytes([7, 3, 65, 66, 12, 200, 14, 15, 16, 17, 1, 2]) * 50,
])
def test_binary_junk_named_txt(tmp_path, data):
    path = tmp_path / "junk.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as err:
        parse_file(path)
    assert err.value.reason == "binary content, not text"


def test_undecodable_text_is_unknown_encoding():
    data = bytes((0x80 + (i * 37) % 128) for i in range(400))
    with pytest.raises(InputError) as err:
        parse_bytes(data)
    assert err.value.reason == "unknown encoding"


@pytest.mark.parametrize("head, expected", [
    ("Meeting held\n\n2017/09/08\n\nOn 8 September the group met.", "2017-09-08"),
    ("New office chief\n\nWire Service\nPosted: Mar 3, 2016 9:05 AM\n", "2016-03-03"),
    ("市领导小组成立\n2019-11-12 10:15:40 来源：晚报\n", "2019-11-12"),
    ("领导小组会议\n\n2018年07月09日 18:40 来源于 新闻网\n", "2018-07-09"),
    ("Name\n\nTitle\n\nPUBLISHED : Friday, 11 March, 2016, 3:20pm\n", "2016-03-11"),
    ("Wednesday, March 9, 2016\n\nLeadership change\n", "2016-03-09"),
    ("Annual report\nIssued in May 2021\n", "2021-05"),
    ("会议纪要\n2019年3月\n", "2019-03"),
    ("No date here\nOnly words\n", None),
    ("国办发〔2016〕12号\n第318号\n", None),
])
def test_published_date_keeps_precision(head, expected):
    assert find_published(head) == expected


def test_date_inside_prose_is_not_the_publication_date():
    text = ("Background\n\nThe commission, which was created under the reform plan published on "
            "March 21, 2018, steers audit work across the party and the state.\n")
    assert find_published(text) is None


def test_date_beyond_the_first_lines_is_not_the_publication_date():
    text = "Title\nOne\nTwo\nThree\nFour\nFive\nThe group met on 2019-01-02.\n"
    assert parse_bytes(text.encode()).published is None


def test_parse_file_reads_from_disk(tmp_path):
    path = tmp_path / "notice.txt"
    path.write_bytes(NOTICE_TRADITIONAL.encode("utf-8"))
    doc = parse_file(path)
    assert doc.origin == str(path) and doc.text == NOTICE_TRADITIONAL and doc.lang == "zh"


def test_doubly_encoded_utf8_is_repaired_with_a_warning():
    doc = parse_bytes(_double_encode(NOTICE_SIMPLIFIED))
    assert doc.text == NOTICE_SIMPLIFIED and doc.warnings


def test_ordinary_accents_are_not_mojibake():
    text = "Le président a nommé le délégué à Genève.\n"
    doc = parse_bytes(text.encode("utf-8"))
    assert doc.text == text and not doc.warnings


def _double_encode(text: str) -> bytes:
    """UTF-8 bytes shown as Windows-1252 (Latin-1 where it has no character), saved as UTF-8."""
    undefined = (0x81, 0x8D, 0x8F, 0x90, 0x9D)
    shown = "".join(chr(b) if b in undefined else bytes([b]).decode("cp1252")
                    for b in text.encode("utf-8"))
    return shown.encode("utf-8")
