"""GeoNames' towns name a meeting's place only right after a place preposition."""

import pytest

from kabar import gazetteer


@pytest.mark.parametrize(
    "text, city, code",
    [
        ("Delegasi Indonesia hadir pada sidang parlemen dunia di Luanda, Angola.", "Luanda", "AGO"),
        ("Kedua pihak bertemu di Mapolres Indramayu pada Jumat.", "Indramayu", "IDN"),
        ("Rombongan tiba di Kota Tasikmalaya kemarin.", "Tasikmalaya", "IDN"),
        ("Talks were held in Saint Petersburg on Friday.", "Saint Petersburg", "RUS"),
    ],
)
def test_a_town_after_a_place_preposition(text, city, code):
    place = gazetteer.find_located_city(text)
    assert (place.surface, place.code) == (city, code)
    assert text[place.start : place.end] == city


@pytest.mark.parametrize(
    "text",
    [
        "Luanda menjadi tuan rumah sidang itu.",  # no preposition: too risky for 30,000 town names
        "Pertemuan digelar di Istana Negara.",  # Negara is a town in Bali, but not here
        "Ia tinggal di kota kecil.",
    ],
)
def test_no_town_without_a_place_preposition_or_for_a_common_word(text):
    assert gazetteer.find_located_city(text) is None


def test_a_country_by_its_full_name():
    assert [c.code for c in gazetteer.find_countries("Raja Yordania Hasyimiah, Raja Abdullah II")] == ["JOR"]
