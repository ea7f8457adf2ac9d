"""Bytes to clean Unicode text: BOMs, UTF-16, legacy code pages, invisible characters."""

from __future__ import annotations

import codecs
import re
import unicodedata

from charset_normalizer import from_bytes

# Magic numbers of files that are never article text.
BINARY_MAGIC: dict[bytes, str] = {
    b"\x1f\x8b": "gzip-compressed data",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or Office document)",
    b"BZh": "bzip2-compressed data",
    b"\xfd7zXZ": "xz-compressed data",
    b"7z\xbc\xaf": "a 7-Zip archive",
    b"\x7fELF": "an executable",
    b"RIFF": "a RIFF media file",
}

# Zero-width characters, bidi controls, BOMs and soft hyphens: invisible, but they
# break word matching and can disguise text.
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


class DecodeError(ValueError):
    """Bytes that are not text; `code` is the reject reason code."""

    def __init__(self, code: str, reason: str) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason


def sniff_binary(data: bytes) -> str | None:
    """Name the binary format when the bytes start with a known magic number."""
    return next((what for magic, what in BINARY_MAGIC.items() if data.startswith(magic)), None)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a BOM shows NULs in every other byte."""
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) / 2
    if odd > 0.4 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.4 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def decode_bytes(data: bytes) -> str:
    """Decode raw bytes to text; raise DecodeError for binary data."""
    what = sniff_binary(data)
    if what:
        raise DecodeError("binary", f"the file is {what}, not text")
    if data.startswith(codecs.BOM_UTF8):
        text = data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = data.decode("utf-16", errors="replace")
    elif enc := _utf16_without_bom(data):
        text = data.decode(enc, errors="replace")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _decode_legacy(data)
    return text


def _decode_legacy(data: bytes) -> str:
    """Non-UTF-8 bytes: cp1252 (Windows' Western default, what Indonesian and English
    legacy files use) unless charset-normalizer finds a non-Latin encoding."""
    best = from_bytes(data[:200_000]).best()
    enc = best.encoding if best is not None else None
    if enc and not enc.startswith(("cp125", "latin", "iso8859", "mac_", "utf_8", "ascii")):
        try:
            return data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            pass
    return data.decode("cp1252", errors="replace")


def normalize_text(text: str) -> str:
    """NFC, unified line endings, no invisible or control characters (tabs and newlines kept)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _INVISIBLE.sub("", text)
    text = _CONTROL.sub("", text.replace("\t", " "))
    return unicodedata.normalize("NFC", text)


def control_ratio(text: str) -> float:
    """Share of characters that are control or replacement characters."""
    if not text:
        return 0.0
    bad = len(_CONTROL.findall(text)) + text.count("\ufffd")
    return bad / len(text)
