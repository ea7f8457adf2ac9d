import datetime as dt

import pytest

from kabar.dates import find_dates, parse_date_string

BASE = dt.date(2023, 5, 10)


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2025-10-16T11:52:00", dt.date(2025, 10, 16)),
        ("12/05/2024, 09:01 WIB", dt.date(2024, 5, 12)),
        ("26-10-2023", dt.date(2023, 10, 26)),
        ("2025-07-09", dt.date(2025, 7, 9)),
        ("10 Mei 2023", dt.date(2023, 5, 10)),
        ("31/2/2023", None),
        ("bukan tanggal", None),
    ],
)
def test_metadata_dates_are_day_first(value, expected):
    assert parse_date_string(value) == expected


@pytest.mark.parametrize(
    "text, date, precision",
    [
        ("di Labuan Bajo, Rabu (10/5/2023).", dt.date(2023, 5, 10), "day"),
        ("rencananya dilakukan pada September 2023.", dt.date(2023, 9, 1), "month"),
        ("bertemu di Istana pada Sabtu (6/5) lalu", dt.date(2023, 5, 6), "day"),
        ("Jumat, 14 November 2025.", dt.date(2025, 11, 14), "day"),
        ("Pada tanggal 28-29 Desember 1954, mereka bertemu", dt.date(1954, 12, 28), "day"),
        ("mereka bertemu kemarin", dt.date(2023, 5, 9), "day"),
        ("akan bertemu siang ini di Istana", dt.date(2023, 5, 10), "day"),
        ("bertemu pada Senin pagi", dt.date(2023, 5, 8), "day"),
        ("akan bertemu Senin mendatang", dt.date(2023, 5, 15), "day"),
        ("pertama kali pada tahun 1997", dt.date(1997, 1, 1), "year"),
        ("ketika bertemu dengan Try Sutrisno pada 1985-1988", dt.date(1985, 1, 1), "year"),  # a span: its start
        ("signed on 21 October 2025", dt.date(2025, 10, 21), "day"),
    ],
)
def test_dates_in_text_resolve_against_the_article_date(text, date, precision):
    found = find_dates(text, BASE)
    assert found, text
    assert (found[0].date, found[0].precision) == (date, precision)


def test_a_weekday_before_its_written_date_is_that_date():
    found = find_dates("di Istana Laeken pada Minggu sore, 13 Juli 2025.", dt.date(2025, 7, 21))
    assert [(d.date, d.with_weekday) for d in found] == [(dt.date(2025, 7, 13), True)]


def test_impossible_written_date_is_not_a_date():
    assert find_dates("pada Selasa (31/2/2023)", BASE) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Pertemuan itu digelar akhir Oktober lalu di Jakarta.", dt.date(2025, 10, 1)),
        ("Mereka akan bertemu pada April mendatang.", dt.date(2026, 4, 1)),
        ("Mereka bertemu pada Oktober lalu saat kunjungan.", dt.date(2025, 10, 1)),
        ("bertemu pada awal Juni ini", dt.date(2025, 6, 1)),
        ("akan diteken pada Desember", dt.date(2025, 12, 1)),  # no direction: the nearest December
        ("rapat digelar bulan lalu", dt.date(2025, 10, 1)),
        ("Shultz would go to Moscow next month", dt.date(2025, 12, 1)),
    ],
)
def test_a_month_without_its_year_is_resolved_against_the_article_date(text, expected):
    [d] = find_dates(text, dt.date(2025, 11, 20))
    assert (d.date, d.precision) == (expected, "month")


def test_a_bare_month_name_without_a_lead_or_direction_is_no_date():
    assert find_dates("Mei mengatakan kepada wartawan", dt.date(2025, 11, 20)) == []


def test_a_period_named_by_its_years_is_no_date():
    found = find_dates("Rakor Antisipasi Bencana Tahun 2023-2024 digelar Senin (8/5).", BASE)
    assert [(d.date, d.precision) for d in found] == [(dt.date(2023, 5, 8), "day")]


def test_since_a_year_is_not_that_year():
    assert find_dates("kemitraan strategis sejak 2008", dt.date(2025, 11, 20)) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Pada Senin, Menteri mengatakan pemerintah akan membangun jalan.", dt.date(2023, 8, 28)),
        ("Presiden akan bertolak ke Rusia pada Senin.", dt.date(2023, 9, 4)),
        ("Ya, hari senin akan dilakukan rapat dengan pemilik gedung.", dt.date(2023, 9, 4)),
        ("Rapat itu digelar pada Senin lalu.", dt.date(2023, 8, 28)),
    ],
)
def test_a_weekday_of_a_plan_is_the_coming_one(text, expected):
    base = dt.date(2023, 8, 30)  # a Wednesday
    assert [d.date for d in find_dates(text, base)] == [expected]


def test_a_year_typo_far_from_the_article_is_read_from_the_weekday_written_with_it():
    base = dt.date(2025, 6, 20)
    (d,) = find_dates("Prabowo ditemui Putin di Rusia, Kamis (19/6/2026).", base)
    assert d.date == dt.date(2025, 6, 19)  # 19 June 2025 was a Thursday; 19 June 2026 is a Friday
    (d,) = find_dates("Prabowo ditemui Putin di Rusia, Kamis, 19 Juni 2026.", base)
    assert d.date == dt.date(2025, 6, 19)
    # near the article's date a wrong weekday is the likelier typo: the date stays
    (d,) = find_dates("Mereka beraudiensi pada Selasa (21/7/2025).", dt.date(2025, 7, 22))
    assert d.date == dt.date(2025, 7, 21)
