import pytest
from hypothesis import given
from hypothesis import strategies as st

from kabar.sentences import split


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Ekspor naik pada 2013.Dia mengatakan hal itu.",
            ["Ekspor naik pada 2013.", "Dia mengatakan hal itu."],
        ),
        (  # glued to an acronym
            "Jakarta, Sabtu, 15 November 2025.SBY juga bercerita.",
            ["Jakarta, Sabtu, 15 November 2025.", "SBY juga bercerita."],
        ),
        ("Kantor U.S.A. di sini. Ia juga.", ["Kantor U.S.A. di sini.", "Ia juga."]),
        ("Johnny G. Plate hadir. Dr. Budi juga.", ["Johnny G. Plate hadir.", "Dr. Budi juga."]),
        ('"Kami setuju," ujar Plate. Lalu pulang.', ['"Kami setuju," ujar Plate.', "Lalu pulang."]),
        ("Harga Rp 2.500 per liter. Naik.", ["Harga Rp 2.500 per liter.", "Naik."]),
        ("Kunjungi Liputan6.com hari ini.", ["Kunjungi Liputan6.com hari ini."]),
        ("Satu.\nDua tiga.", ["Satu.", "Dua tiga."]),
    ],
)
def test_split_real_sentence_shapes(text, expected):
    assert [s.text for s in split(text)] == expected


@given(st.text(max_size=400))
def test_offsets_always_slice_to_the_sentence(text):
    for s in split(text):
        assert text[s.start : s.end] == s.text
        assert s.text.strip() == s.text and s.text


def test_a_sentence_opener_glued_to_the_word_before_starts_a_sentence():
    body = "Pertemuan SBY dengan Prabowo dan JokowiLalu apakah mereka bertemu lagi? Nama McDonald tetap utuh."
    assert [s.text for s in split(body)] == [
        "Pertemuan SBY dengan Prabowo dan Jokowi",
        "Lalu apakah mereka bertemu lagi?",
        "Nama McDonald tetap utuh.",
    ]


def test_a_list_item_keeps_its_number():
    body = (
        "Dokumen yang diteken yaitu:\n1.  MoU tentang Kesehatan. Ditandatangani kemarin.\n2. LoI Energi\n"
        "Jumlahnya 2. Dia datang."
    )
    assert [s.text for s in split(body)] == [
        "Dokumen yang diteken yaitu:",
        "1.  MoU tentang Kesehatan.",
        "Ditandatangani kemarin.",
        "2. LoI Energi",
        "Jumlahnya 2.",
        "Dia datang.",
    ]
