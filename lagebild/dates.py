"""Date expressions in a sentence, resolved against the article date.

Handles what dateparser cannot in German ("am Mittwoch", "vergangene Woche") with
rules over the date words of each language pack (lagebild/lang/<code>/dates.yaml).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from lagebild.errors import DataError
from lagebild.lang import get_pack


@dataclass(frozen=True, slots=True)
class DateWords:
    """The date vocabulary of one language."""

    weekdays: dict[str, int]
    months: dict[str, int]
    relative_days: dict[str, int]
    relative_spans: dict[str, tuple[str, int]]
    future_markers: frozenset[str]
    month_parts: dict[str, int]
    year_blockers: frozenset[str]
    today_words: frozenset[str]


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression: offsets into the searched text, the resolved date and its precision."""

    start: int
    end: int
    text: str
    value: date
    #: day, week, month or year
    precision: str


@cache
def date_words(lang: str) -> DateWords:
    """The date words of a language pack."""
    pack = get_pack(lang)
    data = pack.yaml("dates.yaml")
    if not isinstance(data, dict):
        raise DataError("expected a mapping", str(pack.path("dates.yaml")))
    return DateWords(
        weekdays={str(k): int(v) for k, v in data["weekdays"].items()},
        months={str(k): int(v) for k, v in data["months"].items()},
        relative_days={str(k): int(v) for k, v in data["relative_days"].items()},
        relative_spans={str(k): (str(v[0]), int(v[1])) for k, v in data["relative_spans"].items()},
        future_markers=frozenset(data.get("future_markers", [])),
        month_parts={str(k): int(v) for k, v in data.get("month_parts", {}).items()},
        year_blockers=frozenset(data.get("year_blockers", [])),
        today_words=frozenset(data.get("today_words", [])),
    )


def _alt(words: Iterable[str]) -> str:
    """A regex alternation of words, longest first."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _patterns(lang: str) -> list[tuple[str, re.Pattern[str]]]:
    """Named regexes over lower-cased text, most specific first."""
    w = date_words(lang)
    mon, wd = _alt(w.months), _alt(w.weekdays)
    parts, fut = _alt(w.month_parts), _alt(w.future_markers)
    pats = [
        ("iso", r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b"),
        (
            "dmy",
            rf"\b(?P<d>\d{{1,2}})(?:\.|st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{mon})\.?(?:,?\s+(?P<y>\d{{4}}))?\b",
        ),
        (
            "mdy",
            rf"\b(?P<mon>{mon})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>\d{{4}}))?",
        ),
        ("part", rf"\b(?P<part>{parts})[\s-]+(?P<mon>{mon})\b(?:\s+(?P<y>\d{{4}}))?"),
        ("my", rf"\b(?P<mon>{mon})\s+(?P<y>\d{{4}})\b"),
        ("span", rf"\b(?P<span>{_alt(w.relative_spans)})\b"),
        ("rel", rf"\b(?P<rel>{_alt(w.relative_days)})\b"),
        ("wd", rf"\b(?:(?P<fut>{fut})\s+)?(?P<wd>{wd})\b"),
        ("year", r"\b(?P<year>(?:19|20)\d{2})\b"),
    ]
    return [(name, re.compile(p)) for name, p in pats]


def _month_start(anchor: date, months_back: int) -> date:
    """The first day of the month `months_back` months before the anchor's month."""
    y, m = divmod(anchor.year * 12 + anchor.month - 1 - months_back, 12)
    return date(y, m + 1, 1)


def _year_for(month: int, anchor: date | None) -> int | None:
    """The year of a month named without one: the latest not after the anchor."""
    if anchor is None:
        return None
    return anchor.year if month <= anchor.month else anchor.year - 1


def _safe_date(y: int, m: int, d: int) -> date | None:
    """A date, or None when the numbers do not make one."""
    try:
        return date(y, m, min(d, calendar.monthrange(y, m)[1]) if 1 <= m <= 12 else d)
    except ValueError:
        return None


def _resolve(
    name: str, m: re.Match[str], w: DateWords, anchor: date | None, before: str
) -> tuple[date, str] | None:
    """The date and precision one regex match denotes, or None."""
    g = m.groupdict()
    if name == "iso":
        d = _safe_date(int(g["y"]), int(g["m"]), int(g["d"]))
        return (d, "day") if d else None
    if name in ("dmy", "mdy", "part", "my"):
        month = w.months[g["mon"]]
        year = int(g["y"]) if g.get("y") else _year_for(month, anchor)
        if year is None:
            return None
        if name == "my":
            return date(year, month, 1), "month"
        day = int(g["d"]) if g.get("d") else w.month_parts[g["part"]]
        d = _safe_date(year, month, day)
        return (d, "day" if g.get("d") else "month") if d else None
    if anchor is None:
        return None
    if name == "span":
        unit, off = w.relative_spans[g["span"]]
        if unit == "week":
            monday = anchor - timedelta(days=anchor.weekday())
            return monday + timedelta(weeks=off), "week"
        if unit == "month":
            return _month_start(anchor, -off), "month"
        if unit == "year":
            return date(anchor.year + off, 1, 1), "year"
        back = (anchor.weekday() - 5) % 7  # weekend: the latest Saturday on or before
        return anchor - timedelta(days=back), "day"
    if name == "rel":
        return anchor + timedelta(days=w.relative_days[g["rel"]]), "day"
    if name == "wd":
        target = w.weekdays[g["wd"]]
        if g.get("fut"):
            ahead = (target - anchor.weekday()) % 7 or 7
            return anchor + timedelta(days=ahead), "day"
        back = (anchor.weekday() - target) % 7 or 7
        return anchor - timedelta(days=back), "day"
    # a bare year dates a background event; "seit 2014", "von 1997" do not
    year = int(g["year"])
    prev = before.split()[-1] if before.split() else ""
    if prev in w.year_blockers or year > anchor.year:
        return None
    if year == anchor.year:
        return None
    return date(year, 1, 1), "year"


def find_dates(text: str, lang: str, anchor: date | None) -> list[DateMention]:
    """Date expressions in `text`, resolved against `anchor` (the article date)."""
    w = date_words(lang)
    low = text.lower()
    taken: list[tuple[int, int]] = []
    out: list[DateMention] = []
    for name, pat in _patterns(lang):
        for m in pat.finditer(low):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            res = _resolve(name, m, w, anchor, low[max(0, s - 20) : s])
            if res is None:
                continue
            taken.append((s, e))
            out.append(DateMention(s, e, text[s:e], res[0], res[1]))
    out.sort(key=lambda dm: dm.start)
    return out
