"""Knowledge files: every entry valid, no alias with two meanings, generated file up to date."""

from __future__ import annotations

import importlib.util
from collections import defaultdict
from pathlib import Path

import pytest

from lagebild.actors_lexicon import (
    CASE_EXACT,
    Lexicon,
    case_mode,
    load_demonym_rows,
    load_role_rows,
)
from lagebild.knowledge import (
    KNOWLEDGE_DIR,
    SECTORS,
    builtin_entries,
    country_codes,
    load_countries,
)

ROOT = Path(__file__).resolve().parents[1]


def test_generated_countries_match_generator() -> None:
    spec = importlib.util.spec_from_file_location("gen_countries", ROOT / "tools/gen_countries.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    committed = (KNOWLEDGE_DIR / "countries.tsv").read_text(encoding="utf-8")
    assert committed == module.render(), "run `python tools/gen_countries.py` and commit"


def test_every_iso_country_has_german_and_english_names() -> None:
    countries = {e.country: e for e in load_countries()}
    assert set(countries) == set(country_codes())
    for code in ("RUS", "USA", "DEU", "UKR", "PSE", "TWN", "XKX"):
        assert countries[code].aliases_for("de") and countries[code].aliases_for("en")


def test_entries_are_valid() -> None:
    entries = builtin_entries()
    assert len({e.id for e in entries}) == len(entries)
    for e in entries:
        assert e.country is None or e.country in country_codes(), e.origin
        assert e.sector is None or e.sector in SECTORS, e.origin
        assert e.aliases or e.surnames, e.origin
        for role in e.roles:
            assert role.sector is None or role.sector in SECTORS, e.origin
            assert role.country is None or role.country in country_codes(), e.origin
            assert role.country or role.org, e.origin
            assert not (role.start and role.end) or role.start <= role.end, e.origin
        if e.kind == "org" and e.sector == "IGO":
            assert e.org, e.origin


def test_coverage() -> None:
    kinds = defaultdict(int)
    for e in builtin_entries():
        kinds[e.kind] += 1
    roles = sum(len(e.roles) for e in builtin_entries() if e.kind == "person")
    assert kinds["org"] >= 80 and kinds["group"] >= 60 and roles >= 200
    demonym_countries = {row[1] for row in load_demonym_rows("de")}
    g20 = {"ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN", "KOR",
           "MEX", "RUS", "SAU", "ZAF", "TUR", "GBR", "USA"}
    assert g20 <= demonym_countries
    assert g20 <= {row[1] for row in load_demonym_rows("en")}


def test_people_of_seed_article() -> None:
    names = {e.name for e in builtin_entries() if e.kind == "person"}
    for name in ("Vladimir Putin", "Joe Biden", "Fumio Kishida", "Sergey Lavrov",
                 "Antony Blinken", "Rishi Sunak"):
        assert name in names


@pytest.mark.parametrize("lang", ["de", "en"])
def test_role_files_parse(lang: str) -> None:
    rows = load_role_rows(lang)
    assert len(rows) >= 80
    assert len({r[1] for r in rows}) == len(rows), "duplicate role noun"


@pytest.mark.parametrize("lang", ["de", "en"])
def test_no_alias_with_two_meanings(lang: str) -> None:
    """An alias names one actor, unless it is a namesake person or marked `ambiguous`."""
    meanings: dict[str, set[object]] = defaultdict(set)
    persons: dict[str, set[str]] = defaultdict(set)
    for e in builtin_entries():
        for alias in e.aliases_for(lang) + e.surnames:
            if alias in e.ambiguous:
                continue
            key = alias if case_mode(alias) == CASE_EXACT else alias.lower()
            if e.kind == "person":
                persons[key].add(e.id)
            else:
                meanings[key].add((e.country, e.org, e.sector))
    for _no, iso3, adjectives, nouns in load_demonym_rows(lang):
        for alias in adjectives + nouns:
            meanings[alias.lower()].add((iso3, None, None))
    clashes = {k: v for k, v in meanings.items()
               if len({m[:2] for m in v}) > 1 or k in persons}  # type: ignore[index]
    assert not clashes


def test_lexicon_compiles_both_languages() -> None:
    for lang in ("de", "en"):
        assert Lexicon(lang, builtin_entries()).size > 2000
