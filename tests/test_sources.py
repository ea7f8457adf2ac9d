"""Each input format, and bad inputs that must become rejects with a reason."""

import datetime as dt
import gzip
import json
import re
from pathlib import Path

from kabar import sources
from kabar.dates import parse_date_string
from kabar.models import RawDoc, Reject
from kabar.sources import read_input, walk

ARTICLE = (
    "Jakarta - Menteri Luar Negeri Sugiono bertemu Menteri Luar Negeri Vietnam di Jakarta pada Rabu (10/5/2023). "
    "Kedua menteri sepakat memperkuat kerja sama di bidang perdagangan dan pendidikan, kata dia kepada wartawan."
)


def records(root: Path) -> list:
    out = []
    for f in walk(root):
        out.extend([f] if isinstance(f, Reject) else read_input(f, 300_000))
    return out


def test_json_jsonl_csv_and_newsplease_fields(tmp_path):
    (tmp_path / "a.json").write_text(
        json.dumps(
            {
                "maintext": ARTICLE,
                "title": "T",
                "date_publish": "2023-05-10",
                "source_domain": "kompas.com",
                "url": "http://x",
                "authors": ["Rina Wulandari", " ", "Budi Santoso"],
            }
        )
    )
    (tmp_path / "b.jsonl").write_text(json.dumps({"text": ARTICLE}) + "\n{broken\n" + json.dumps({"body": ARTICLE}))
    (tmp_path / "c.csv").write_text('title,content,date\nT,"' + ARTICLE + '",26-10-2023\n')
    got = {r.source_file: r for r in records(tmp_path)}
    assert isinstance(got["a.json"], RawDoc) and got["a.json"].outlet == "kompas.com"
    assert got["a.json"].date == "2023-05-10" and got["a.json"].author == "Rina Wulandari; Budi Santoso"
    assert isinstance(got["b.jsonl#L1"], RawDoc) and isinstance(got["b.jsonl#L3"], RawDoc)
    assert isinstance(got["b.jsonl#L2"], Reject) and got["b.jsonl#L2"].reason_code == "malformed_json"
    assert isinstance(got["c.csv#L2"], RawDoc) and got["c.csv#L2"].date == "26-10-2023"


def test_bad_inputs_are_rejected_with_a_reason(tmp_path):
    (tmp_path / "empty.txt").write_text("   \n")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    (tmp_path / "big.txt").write_text("x" * 400_000)
    (tmp_path / "deep.json").write_text("[" * 100_000 + "]" * 100_000)
    (tmp_path / "nan.json").write_text('{"text": NaN, "title": 1e999}')
    (tmp_path / "a.gz").write_bytes(gzip.compress(ARTICLE.encode()))
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / "link.txt").symlink_to("/etc/hostname")
    got = {r.source_file: r for r in records(tmp_path)}
    codes = {k: v.reason_code for k, v in got.items()}
    assert codes == {
        "empty.txt": "empty",
        "image.txt": "binary",
        "big.txt": "too_large",
        "deep.json": "malformed_json",
        "nan.json": "no_text",
        "a.gz": "unsupported_format",
        "notes.docx": "unsupported_format",
        "link.txt": "symlink",
    }
    assert all(v.reason for v in got.values())


def test_walk_is_recursive_and_skips_folders_named_like_files(tmp_path):
    deep = tmp_path / "a" / "b" / "c" / "x.txt"
    deep.mkdir(parents=True)
    (deep / "ok.txt").write_text(ARTICLE)
    assert [r.source_file for r in records(tmp_path)] == ["a/b/c/x.txt/ok.txt"]


def readme_input_formats() -> str:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    return readme.split("### Input formats", 1)[1].split("\n## ", 1)[0]


def test_readme_lists_the_field_names_the_code_reads():
    section = readme_input_formats()
    rows = dict(re.findall(r"^\| (text \(required\)|title|date|outlet|url|author) \| (.+) \|$", section, re.M))
    documented = {field.split()[0]: re.findall(r"`([^`]+)`", names.split("(")[0]) for field, names in rows.items()}
    assert documented == {
        "text": list(sources.TEXT_KEYS),
        "title": list(sources.TITLE_KEYS),
        "date": list(sources.DATE_KEYS),
        "outlet": list(sources.OUTLET_KEYS),
        "url": list(sources.URL_KEYS),
        "author": list(sources.AUTHOR_KEYS),
    }
    for fmt in sources.FORMATS:
        for suffix in fmt.suffixes:
            assert f"`{suffix}`" in section


def test_readme_input_examples_read_as_documented(tmp_path):
    section = readme_input_formats()
    (tmp_path / "a.json").write_text(re.search(r"```json\n(.+?)```", section, re.S)[1])
    (tmp_path / "a.csv").write_text(re.search(r"```\n(title,.+?)```", section, re.S)[1])
    got = {r.source_file: r for r in records(tmp_path)}
    for name in ("a.json", "a.csv#L2"):
        doc = got[name]
        assert isinstance(doc, RawDoc) and doc.title == "Indonesia-Vietnam Sepakati Kerja Sama Digital"
        assert parse_date_string(doc.date) == dt.date(2023, 5, 10)
        assert doc.outlet.lower() == "liputan6.com" and doc.text.startswith("Indonesia dan Vietnam")
