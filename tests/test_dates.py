"""Date expressions resolved against the article date, from tables."""

from __future__ import annotations

from datetime import date

import pytest

from lagebild.dates import find_dates

SAT = date(2022, 1, 22)  # a Saturday

CASES = [
    ("de", "Herr Biden sagte am Mittwoch, er glaube", "2022-01-19", "day"),
    ("de", "Lawrow bestand am Freitag darauf", "2022-01-21", "day"),
    ("de", "Am Samstag trafen sie sich", "2022-01-15", "day"),  # same weekday: a week back
    ("de", "Heute trafen sie sich", "2022-01-22", "day"),
    ("de", "gestern wurde bekannt", "2022-01-21", "day"),
    ("de", "vorgestern wurde bekannt", "2022-01-20", "day"),
    ("de", "vergangene Woche trafen sie sich", "2022-01-10", "week"),
    ("de", "am kommenden Montag wollen sie", "2022-01-24", "day"),
    ("de", "am 3. März 2022 trafen sie sich", "2022-03-03", "day"),
    ("de", "am 3. Dezember trafen sie sich", "2021-12-03", "day"),
    ("de", "Anfang Januar", "2022-01-01", "month"),
    ("de", "die Annexion der Krim im Jahr 2014", "2014-01-01", "year"),
    ("en", "Biden said on Wednesday", "2022-01-19", "day"),
    ("en", "the ministers met yesterday", "2022-01-21", "day"),
    ("en", "talks held last week", "2022-01-10", "week"),
    ("en", "on January 21, 2022 the talks", "2022-01-21", "day"),
    ("en", "on 21 January 2022 the talks", "2022-01-21", "day"),
    ("en", "the 2014 annexation of Crimea", "2014-01-01", "year"),
    ("en", "next Tuesday they will meet", "2022-01-25", "day"),
    ("en", "in late December", "2021-12-25", "month"),
]


@pytest.mark.parametrize("lang,text,expected,precision", CASES)
def test_resolves(lang: str, text: str, expected: str, precision: str) -> None:
    found = find_dates(text, lang, SAT)
    assert found, f"no date found in {text!r}"
    assert found[0].value.isoformat() == expected
    assert found[0].precision == precision


@pytest.mark.parametrize(
    "lang,text",
    [
        ("de", "seit 2014 besetzt"),
        ("de", "zu den NATO-Grenzen von 1997"),
        ("de", "in die Ukraine einmarschieren"),  # "die" is no weekday (a dateparser pitfall)
        ("en", "since 2014"),
        ("en", "no date here at all"),
    ],
)
def test_no_date(lang: str, text: str) -> None:
    assert find_dates(text, lang, SAT) == []


def test_relative_needs_anchor() -> None:
    assert find_dates("am Mittwoch", "de", None) == []
    assert find_dates("am 3. März 2022", "de", None)[0].value == date(2022, 3, 3)
