"""A landing zone of everything scraped input throws at a pipeline, generated on the fly."""

from __future__ import annotations

import codecs
import gzip
import json
import os
from pathlib import Path

GOOD = (
    "Jakarta - Menteri Luar Negeri Sugiono bertemu Menteri Luar Negeri Vietnam Bui Thanh Son di Jakarta "
    "pada Rabu (10/5/2023). Kedua negara sepakat memperkuat kerja sama di bidang perdagangan dan pendidikan, "
    "kata dia kepada wartawan."
)


def variant(n: int) -> str:
    """A distinct good article."""
    return GOOD.replace("perdagangan", f"perdagangan tahap {n}")


def page(text: str) -> str:
    """A saved news page around an article: menus, an ad and a footer for trafilatura to drop."""
    return (
        '<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>Berita</title></head><body>'
        "<nav><a href='/'>Beranda</a> <a href='/politik'>Politik</a></nav><div class='iklan'>ADVERTISEMENT</div>"
        f"<article><h1>Berita</h1><p>{text}</p></article><footer>&copy; 2025 Kabar</footer></body></html>"
    )


def build(raw: Path, outside: Path, big_bytes: int = 25 * 1024 * 1024) -> dict[str, str]:
    """Write the hostile inputs; return {relative path: expected outcome or reject code}."""
    raw.mkdir(parents=True, exist_ok=True)
    outside.mkdir(parents=True, exist_ok=True)
    exp: dict[str, str] = {}

    def put(name: str, data: bytes | str, outcome: str) -> None:
        p = raw / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        exp[name] = outcome

    put("empty.txt", b"", "empty")
    put("blank.txt", "  \n\t \n", "empty")
    put("binary.txt", bytes(range(256)) * 40, "binary")
    put("image.txt", b"\x89PNG\r\n\x1a\n" + os.urandom(2000), "binary")
    put("cp1252.txt", variant(1).replace("Jakarta -", "Jakarta – “kutipan” café -").encode("cp1252"), "article")
    put("utf16.txt", variant(2).encode("utf-16"), "article")
    put("bom.txt", codecs.BOM_UTF8 + variant(3).encode("utf-8"), "article")
    put("crlf.txt", variant(4).replace(". ", ".\r\n"), "article")
    put("huge.txt", b"a" * big_bytes, "too_large")
    put("oneline.txt", (variant(5) + " ") * (5 * 1024 * 1024 // len(variant(5))), "article")
    put("page.txt", "<!DOCTYPE html><html><head><title>x</title></head><body>" + "<div>x</div>" * 50, "html")
    put("lorem.txt", "Lorem ipsum dolor sit amet, consectetur adipiscing elit sed do eiusmod tempor " * 5, "not_news")
    put(
        "invisible.txt",
        variant(6).replace("Sugiono", "Sug\u200biono\u202e").replace("Vietnam", "Viet\x00nam"),
        "article",
    )
    put("broken.json", '{"text": "unterminated', "malformed_json")
    put("deep.json", "[" * 100_000 + "]" * 100_000, "malformed_json")
    put("nan.json", '{"text": NaN, "title": 1e999}', "no_text")
    put(
        "lines.jsonl",
        "\n".join([json.dumps({"text": variant(7)}), "{broken", json.dumps({"body": variant(8)})]),
        "mixed",
    )
    exp["lines.jsonl#L1"], exp["lines.jsonl#L2"], exp["lines.jsonl#L3"] = "article", "malformed_json", "article"
    put("quotes.csv", 'title,text\n"a","' + variant(9) + '"\n"b,"unterminated\n', "mixed")
    put("article.gz", gzip.compress(variant(10).encode()), "unsupported_format")
    put(
        "impossible-date.json",
        json.dumps({"text": variant(11).replace("(10/5/2023)", "(31/2/2023)"), "date": "31/2/2023"}),
        "article",
    )
    put("future.json", json.dumps({"text": variant(12), "date": "2999-01-01"}), "article")
    put("with space é ü.txt", variant(13), "article")
    put("bidi\u202eevil.txt", variant(14), "article")
    put("new\nline.txt", variant(15), "article")
    put("/".join(f"d{i}" for i in range(40)) + "/deep.txt", variant(16), "article")
    (raw / "folder.txt").mkdir()
    put("folder.txt/inside.txt", variant(17), "article")
    (outside / "secret.txt").write_text(variant(18))
    (raw / "link.txt").symlink_to(outside / "secret.txt")
    exp["link.txt"] = "symlink"
    put("page.html", page(variant(20)), "article")
    # Windows-1252 bytes in a page that says it is UTF-8.
    put("cp1252.htm", page(variant(21).replace("Jakarta -", "Jakarta – “kutipan” café -")).encode("cp1252"), "article")
    put("empty.html", b"", "empty")
    put("nav-only.html", page("").replace("<h1>Berita</h1>", ""), "too_short")
    put("scripts.html", "<html><body><script>var x = 1;</script></body></html>", "no_text")
    put("plain.html", variant(22), "not_html")
    put("junk.html", bytes(range(256)) * 40, "binary")
    put("huge.html", page(variant(23) * (big_bytes // len(variant(23)) + 1)), "too_large")
    put("original.txt", variant(19), "article")
    put("copy of original.txt", variant(19), "duplicate")
    return exp
