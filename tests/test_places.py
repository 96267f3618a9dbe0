"""Tests of the place gazetteer: table-driven German and English cases plus data checks."""

from __future__ import annotations

from pathlib import Path

import pycountry
import pytest
import yaml

from lagebild.errors import DataError
from lagebild.places import PLACES_DIR, PlaceMention, _read_tsv, load_places

VALID_ISO3 = {c.alpha_3 for c in pycountry.countries} | {"XKX"}

# (lang, text, expected (matched text, canonical name, country) in text order)
CASES: list[tuple[str, str, list[tuple[str, str, str | None]]]] = [
    # German exonyms and transliterations of cities
    ("de", "Raketen schlugen in Kiew ein.", [("Kiew", "Kyiv", "UKR")]),
    ("de", "Die Armee rückte auf Charkiw vor.", [("Charkiw", "Kharkiv", "UKR")]),
    ("de", "Gespräche in Moskau und Peking.", [("Moskau", "Moscow", "RUS"),
                                              ("Peking", "Beijing", "CHN")]),
    ("de", "Die Konferenz in Genf endete.", [("Genf", "Geneva", "CHE")]),
    ("de", "Proteste in Mailand und Warschau.", [("Mailand", "Milan", "ITA"),
                                                 ("Warschau", "Warsaw", "POL")]),
    ("de", "Der Gerichtshof in Den Haag urteilte.", [("Den Haag", "The Hague", "NLD")]),
    ("de", "Die Minister trafen sich in Brüssel.", [("Brüssel", "Brussels", "BEL")]),
    ("de", "Angriffe auf Saporischschja und Cherson.", [
        ("Saporischschja", "Zaporizhzhya", "UKR"), ("Cherson", "Kherson", "UKR")]),
    ("de", "Die Gespräche in Wien und Tiflis.", [("Wien", "Vienna", "AUT"),
                                                ("Tiflis", "Tbilisi", "GEO")]),
    # German genitive -s
    ("de", "Kiews Bürgermeister warnte.", [("Kiews", "Kyiv", "UKR")]),
    ("de", "Moskaus Truppen zogen ab.", [("Moskaus", "Moscow", "RUS")]),
    ("de", "Im Norden des Gazastreifens wurde gekämpft.", [("Gazastreifens", "Gaza Strip", "PSE")]),
    # English names
    ("en", "Missiles hit Kyiv and Kharkiv overnight.", [("Kyiv", "Kyiv", "UKR"),
                                                       ("Kharkiv", "Kharkiv", "UKR")]),
    ("en", "Talks were held in Geneva.", [("Geneva", "Geneva", "CHE")]),
    ("en", "Older reports spell it Kiev.", [("Kiev", "Kyiv", "UKR")]),
    ("en", "Kyiv's mayor said.", [("Kyiv", "Kyiv", "UKR")]),
    ("en", "Judges in The Hague ruled.", [("The Hague", "The Hague", "NLD")]),
    # ambiguity: the most populous city wins
    ("en", "Protesters gathered in Paris.", [("Paris", "Paris", "FRA")]),
    ("en", "A summit in Rome.", [("Rome", "Rome", "ITA")]),
    ("de", "Sie reisten nach Frankfurt.", [("Frankfurt", "Frankfurt am Main", "DEU")]),
    ("de", "Demonstration in Halle.", [("Halle", "Halle (Saale)", "DEU")]),
    # countries outrank cities and US states of the same name
    ("en", "Georgia and Russia signed a deal.", [("Georgia", "Georgia", "GEO"),
                                                ("Russia", "Russia", "RUS")]),
    ("en", "Jordan closed its border.", [("Jordan", "Jordan", "JOR")]),
    ("de", "In der Ukraine und in Syrien.", [("Ukraine", "Ukraine", "UKR"),
                                            ("Syrien", "Syria", "SYR")]),
    ("en", "Fighting in Syria continued.", [("Syria", "Syria", "SYR")]),
    ("de", "Im Süden der Ukraine wurde gekämpft.", [("Ukraine", "Ukraine", "UKR")]),
    # words that are also town names
    ("de", "Nach dem Essen ging er.", []),
    ("de", "Zum Essen gab es Brot.", []),
    ("de", "Er fuhr nach Essen.", [("Essen", "Essen", "DEU")]),
    ("de", "Die Lage bleibt angespannt.", []),
    ("de", "Die Halle war voll.", []),
    ("de", "Die Union will zustimmen.", []),
    ("en", "Police arrested two men.", []),
    ("en", "Mobile phones were seized.", []),
    ("en", "Nice weather helped the rescue.", []),
    ("en", "Reading the report, he frowned.", []),
    ("en", "The summit in Nice ended.", [("Nice", "Nice", "FRA")]),
    ("en", "Flights from Reading, Bath and Nice.", [("Reading", "Reading", "GBR"),
                                                   ("Bath", "Bath", "GBR"),
                                                   ("Nice", "Nice", "FRA")]),
    # people's names that are also towns
    ("en", "Nancy Pelosi met Lloyd Austin.", []),
    ("de", "Wladimir Putin drohte.", []),
    ("en", "Kim Jong Un tested a missile.", []),
    ("en", "Secretary of State Antony Blinken arrived.", []),
    ("en", "UN aid chief Martin Griffiths said.", []),
    ("en", "Secretary of State Marco Rubio and Brazil's Lula met.", [("Brazil", "Brazil", "BRA")]),
    ("en", "Senator Camden Smith spoke.", []),
    ("en", "Officials in Camden spoke.", [("Camden", "Camden", "USA")]),
    ("en", "The mayor of Mariupol said so.", [("Mariupol", "Mariupol", "UKR")]),
    ("en", "Russia says the German word Lage.", [("Russia", "Russia", "RUS")]),
    # regions, seas and directional phrases
    ("de", "Kämpfe im Donbass und auf der Krim.", [("Donbass", "Donbas", "UKR"),
                                                  ("Krim", "Crimea", "UKR")]),
    ("en", "Strikes in Gaza and the West Bank.", [("Gaza", "Gaza Strip", "PSE"),
                                                 ("West Bank", "West Bank", "PSE")]),
    ("de", "Im Gazastreifen und im Westjordanland.", [("Gazastreifen", "Gaza Strip", "PSE"),
                                                     ("Westjordanland", "West Bank", "PSE")]),
    ("de", "Truppen in Nordsyrien.", [("Nordsyrien", "Northern Syria", "SYR")]),
    ("de", "Gefechte in der Ostukraine.", [("Ostukraine", "Eastern Ukraine", "UKR")]),
    ("en", "Israeli strikes in southern Lebanon.", [("southern Lebanon", "Southern Lebanon",
                                                     "LBN")]),
    ("en", "Clashes in northern Mali.", [("northern Mali", "Northern Mali", "MLI")]),
    ("de", "Ein Schiff im Schwarzen Meer.", [("Schwarzen Meer", "Black Sea", None)]),
    ("en", "Houthi attacks in the Red Sea.", [("Red Sea", "Red Sea", None)]),
    ("de", "Manöver in der Taiwanstraße.", [("Taiwanstraße", "Taiwan Strait", None)]),
    ("de", "Der Konflikt um Bergkarabach.", [("Bergkarabach", "Nagorno-Karabakh", "AZE")]),
    ("en", "Aid reached Darfur and Tigray.", [("Darfur", "Darfur", "SDN"),
                                             ("Tigray", "Tigray", "ETH")]),
    ("de", "Russische Truppen in Transnistrien.", [("Transnistrien", "Transnistria", "MDA")]),
    ("en", "Kosovo and Serbia met.", [("Kosovo", "Kosovo", "XKX"), ("Serbia", "Serbia", "SRB")]),
    # word boundaries
    ("de", "Der Berliner Senat tagte.", []),
    ("en", "A Parisian cafe.", []),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "text", "expected"), CASES)
def test_find_places(lang: str, text: str, expected: list[tuple[str, str, str | None]]) -> None:
    """Each case finds exactly the listed places, in text order."""
    found = load_places().find(text, lang)
    assert [(m.text, m.name, m.country) for m in found] == expected


def test_mentions_have_offsets_coordinates_and_kind() -> None:
    """Offsets point at the matched words; cities carry coordinates and population."""
    text = "Explosionen in Kiew, im Roten Meer und in der Ukraine."
    found = load_places().find(text, "de")
    assert all(isinstance(m, PlaceMention) and text[m.start : m.end] == m.text for m in found)
    kyiv, sea, ukraine = found
    assert kyiv.kind == "city" and kyiv.place.population > 1_000_000
    assert 50 < kyiv.lat < 51 and 30 < kyiv.lon < 31
    assert sea.kind == "sea" and sea.country is None
    assert ukraine.kind == "country" and abs(ukraine.lat - kyiv.lat) < 0.1  # capital's point


def test_longest_match_wins() -> None:
    """A longer name covering a shorter one is the one reported."""
    found = load_places().find("Ein Treffen in Frankfurt am Main.", "de")
    assert [m.text for m in found] == ["Frankfurt am Main"]


def test_load_is_cached() -> None:
    """load_places() builds the gazetteer once per process."""
    assert load_places() is load_places()


def test_city_data_has_valid_codes_and_positions() -> None:
    """Every generated city row has a known ISO code, a position and a population."""
    rows = _read_tsv(PLACES_DIR / "cities.tsv", 6)
    assert len(rows) > 20_000
    for no, (name, iso3, lat, lon, population, _aliases) in rows:
        assert iso3 in VALID_ISO3, (no, name, iso3)
        assert -90 <= float(lat) <= 90 and -180 <= float(lon) <= 180, (no, name)
        assert int(population) >= 15_000, (no, name)


def test_region_data_is_valid() -> None:
    """Hand-written regions name a real country (or none) and a position."""
    entries = yaml.safe_load((PLACES_DIR / "regions.yaml").read_text(encoding="utf-8"))
    for entry in entries:
        assert entry["country"] is None or entry["country"] in VALID_ISO3, entry["name"]
        assert -90 <= entry["lat"] <= 90 and -180 <= entry["lon"] <= 180, entry["name"]
        assert entry["kind"] in {"region", "sea", "area", "site"}, entry["name"]
        assert entry["names"], entry["name"]


def test_country_points_are_valid() -> None:
    """Every country row has a valid ISO code and its capital's coordinates."""
    rows = _read_tsv(PLACES_DIR / "country_points.tsv", 10)
    codes = {cells[0] for _no, cells in rows}
    assert {"DEU", "UKR", "RUS", "USA", "PSE", "XKX", "TWN"} <= codes
    assert codes <= VALID_ISO3


def test_ambiguity_file_actions_are_known() -> None:
    """ambiguous.tsv uses only the actions the loader understands."""
    rows = _read_tsv(PLACES_DIR / "ambiguous.tsv", 3)
    assert {cells[2] for _no, cells in rows} <= {"cue", "always", "drop"}


def test_short_row_is_reported_with_file_and_line(tmp_path: Path) -> None:
    """A malformed data row raises DataError naming file and line."""
    path = tmp_path / "bad.tsv"
    path.write_text("# comment\nKyiv\tUKR\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"bad\.tsv:2"):
        _read_tsv(path, 3)
