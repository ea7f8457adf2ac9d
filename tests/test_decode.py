import codecs

import pytest

from kabar.decode import DecodeError, decode_bytes, normalize_text

TEXT = "Menteri Luar Negeri bertemu di Jakarta pada Rabu — “kerja sama” café"


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),
        TEXT.encode("utf-16-le"),
        TEXT.encode("utf-16-be"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16le-nobom", "utf16be-nobom"],
)
def test_unicode_encodings_decode_to_the_same_text(data):
    assert normalize_text(decode_bytes(data)) == TEXT


def test_cp1252_falls_back_to_legacy_decoding():
    data = "Kerja sama “digital” – café résumé naïve".encode("cp1252")
    assert decode_bytes(data) == "Kerja sama “digital” – café résumé naïve"


@pytest.mark.parametrize("magic", [b"\x1f\x8b\x08\x00", b"\x89PNG\r\n\x1a\n", b"%PDF-1.4", b"PK\x03\x04"])
def test_binary_formats_raise(magic):
    with pytest.raises(DecodeError) as e:
        decode_bytes(magic + b"\x00" * 100)
    assert e.value.code == "binary"


def test_normalize_removes_invisible_and_control_characters():
    dirty = "Jok\u200bowi\u202e bertemu\x00 Prabowo\r\ndi Istana\ufeff"
    assert normalize_text(dirty) == "Jokowi bertemu Prabowo\ndi Istana"
