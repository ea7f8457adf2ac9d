"""The data files under kabar/data load and hold what the code relies on."""

from pathlib import Path

import pycountry

from kabar import lexicon
from kabar.gazetteer import country_of, find_cities, find_countries

TAXONOMY = {
    "diplomacy",
    "digital_economy",
    "digital_infrastructure",
    "cybersecurity",
    "disinformation",
    "human_trafficking",
    "law_enforcement",
    "corruption",
    "politics_elections",
    "economy_finance",
    "trade",
    "investment",
    "energy_mining",
    "transport_infrastructure",
    "health",
    "education",
    "defense_security",
    "maritime_fisheries",
    "agriculture_food",
    "environment_climate",
    "disaster",
    "tourism",
    "labor_migration",
    "religion_society",
    "sports",
    "entertainment",
}


def test_topics_cover_exactly_the_taxonomy():
    assert set(lexicon.topics()) == TAXONOMY
    assert all(spec["terms"] for spec in lexicon.topics().values())


def test_every_code_is_iso_alpha3():
    codes = set(lexicon.countries().values()) | set(lexicon.cities().values())
    assert all(pycountry.countries.get(alpha_3=c) for c in codes)


def test_aliases_and_indonesian_names():
    for name, code in [
        ("RI", "IDN"),
        ("AS", "USA"),
        ("Tiongkok", "CHN"),
        ("Inggris", "GBR"),
        ("Jerman", "DEU"),
        ("Korea Selatan", "KOR"),
        ("Yordania", "JOR"),
    ]:
        assert country_of(name) == code
    assert [p.code for p in find_countries("Indonesia dan Vietnam, juga Amerika Serikat")] == [
        "IDN",
        "VNM",
        "USA",
    ]
    assert [p.surface for p in find_cities("di Hotel Jayakarta, Labuan Bajo")] == ["Labuan Bajo"]


def test_a_currency_is_no_country():
    text = "investasi 5 miliar dolar AS dari Jepang, atau 80 juta Singapore dollars, dan yen Jepang melemah"
    assert [p.code for p in find_countries(text)] == ["JPN"]


def test_roles_and_people_load():
    assert "Menteri" in lexicon.roles()["titles"]
    assert all(p["name"] for p in lexicon.people())
    assert lexicon.boilerplate()["line"]


def test_every_lexicon_entry_is_text():
    """YAML reads a bare No, On or Yes as a boolean; every word in the data files must stay a word."""
    import yaml

    def walk(node, where):
        if isinstance(node, dict):
            for key, value in node.items():
                assert not isinstance(key, bool), f"{where}: key {key!r}"
                walk(value, f"{where}/{key}")
        elif isinstance(node, list):
            for item in node:
                assert not isinstance(item, bool), f"{where}: {item!r} is not text (quote it)"
                walk(item, where)

    for path in sorted((Path(lexicon.__file__).parent / "data").glob("*.yaml")):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")), path.name)
