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
    assert kinds["org"] >= 80 and kinds["group"] >= 60 and roles >= 600
    demonym_countries = {row[1] for row in load_demonym_rows("de")}
    g20 = {
        "ARG",
        "AUS",
        "BRA",
        "CAN",
        "CHN",
        "FRA",
        "DEU",
        "IND",
        "IDN",
        "ITA",
        "JPN",
        "KOR",
        "MEX",
        "RUS",
        "SAU",
        "ZAF",
        "TUR",
        "GBR",
        "USA",
    }
    assert g20 <= demonym_countries
    assert g20 <= {row[1] for row in load_demonym_rows("en")}


def test_people_of_seed_article() -> None:
    names = {e.name for e in builtin_entries() if e.kind == "person"}
    for name in (
        "Vladimir Putin",
        "Joe Biden",
        "Fumio Kishida",
        "Sergey Lavrov",
        "Antony Blinken",
        "Rishi Sunak",
    ):
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
    clashes = {k: v for k, v in meanings.items() if len({m[:2] for m in v}) > 1 or k in persons}  # type: ignore[index]
    assert not clashes


def test_lexicon_compiles_both_languages() -> None:
    for lang in ("de", "en"):
        assert Lexicon(lang, builtin_entries()).size > 2000


#: states the people files must cover with a head of state or government (issue 3)
COVERED_STATES = (
    "ARG AUS BRA CAN CHN FRA DEU IND IDN ITA JPN KOR MEX RUS SAU ZAF TUR GBR USA UKR ISR IRN "
    "POL EST LVA LTU FIN SWE NOR DNK SYR EGY QAT ARE PAK AFG VEN BLR SRB HUN GEO ARM AZE SDN "
    "ETH NGA KEN PRK TWN PHL VNM MMR".split()
)
HEAD_ROLES = frozenset(
    {
        "president",
        "prime_minister",
        "chancellor",
        "king",
        "head_of_state",
        "supreme_leader",
        "head_of_government",
    }
)


@pytest.mark.parametrize("when", ["2005-06-01", "2015-06-01", "2024-06-01"])
def test_heads_of_state_or_government_are_covered(when: str) -> None:
    from datetime import date

    day = date.fromisoformat(when)
    covered = {
        r.country
        for e in builtin_entries()
        if e.kind == "person"
        for r in e.roles
        if r.role in HEAD_ROLES and r.active(day)
    }
    assert not [c for c in COVERED_STATES if c not in covered]


def test_leaders_of_organisations_are_covered() -> None:
    from datetime import date

    orgs = {
        r.org
        for e in builtin_entries()
        if e.kind == "person"
        for r in e.roles
        if r.org and r.active(date(2024, 6, 1))
    }
    assert {"UN", "NATO", "EU", "IAEA", "ICC"} <= orgs


def test_a_role_ends_before_the_next_one_of_the_same_office_starts() -> None:
    """Two people do not hold the same single office of a country at once (data slips)."""
    single = {"president", "prime_minister", "chancellor", "foreign_minister", "defence_minister"}
    holders: dict[tuple[str, str], list[tuple[object, object, str]]] = defaultdict(list)
    for e in builtin_entries():
        for r in e.roles:
            if e.kind == "person" and r.role in single and r.country and r.start:
                holders[(r.country, r.role)].append((r.start, r.end, e.id))
    overlaps = []
    for key, spans in holders.items():
        spans.sort(key=lambda s: s[0])  # type: ignore[arg-type, return-value]
        for (_s1, e1, id1), (s2, _e2, id2) in zip(spans, spans[1:], strict=False):
            if id1 != id2 and (e1 is None or e1 > s2):  # type: ignore[operator]
                overlaps.append((key, id1, id2))
    # real double holders: rival Palestinian governments (2007-2014), Nicaragua's co-presidency
    known = {
        (("PSE", "prime_minister"), "ismail_haniyeh", "rami_hamdallah"),
        (("NIC", "president"), "daniel_ortega", "rosario_murillo"),
    }
    assert not [o for o in overlaps if o not in known]
