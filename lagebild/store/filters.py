"""Event filters shared by `query`, `export`, `report` and the Python API.

A filter becomes a WHERE clause with `?` placeholders plus its parameter list: user
values never enter the SQL text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from lagebild.ontology import PLOVER_TYPES as ALL_TYPES
from lagebild.store.errors import StoreError

PLOVER_TYPES: frozenset[str] = frozenset(ALL_TYPES)


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events to select; empty fields do not filter. Combined with AND."""

    #: first and last day (inclusive) of the event date, or the article date when the
    #: event has none
    date_from: date | None = None
    date_to: date | None = None
    #: country, organisation, full code or canonical name, on either side (any of them)
    actors: tuple[str, ...] = ()
    #: the same, on the source side only / the target side only
    sources: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    #: two actors, one on each side, in either direction
    dyad: tuple[str, str] | None = None
    types: tuple[str, ...] = ()
    quads: tuple[int, ...] = ()
    languages: tuple[str, ...] = ()
    #: words that must all occur in the evidence sentence (case-insensitive)
    text: str | None = None
    min_confidence: float | None = None
    #: also select negated and hypothetical events
    include_modal: bool = False
    article_ids: tuple[str, ...] = ()
    limit: int | None = None

    def __post_init__(self) -> None:
        bad_types = [t for t in self.types if t.upper() not in PLOVER_TYPES]
        if bad_types:
            raise StoreError(
                f"unknown event type(s): {', '.join(bad_types)}",
                hint="use one of " + ", ".join(sorted(PLOVER_TYPES)),
            )
        bad_quads = [q for q in self.quads if q not in (1, 2, 3, 4)]
        if bad_quads:
            raise StoreError(f"unknown quad class(es): {bad_quads}", hint="use 1, 2, 3 or 4")
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise StoreError(
                f"--from {self.date_from} is after --to {self.date_to}", hint="swap the dates"
            )
        if self.limit is not None and self.limit < 0:
            raise StoreError(f"limit must not be negative, got {self.limit}")

    def where(self, alias: str = "") -> tuple[str, list[Any]]:
        """The WHERE clause (without the keyword; "TRUE" when empty) and its parameters."""
        col = (alias + ".") if alias else ""
        w = Where()
        if not self.include_modal:
            w.add(f"NOT {col}negated AND NOT {col}hypothetical")
        w.within_dates(f"{col}day", self.date_from, self.date_to)
        for values, sides in (
            (self.actors, ("source", "target")),
            (self.sources, ("source",)),
            (self.targets, ("target",)),
        ):
            if values:
                w.add(*_any_actor(col, sides, values))
        if self.dyad:
            first, second = self.dyad
            a_src, a_src_p = _actor_match(col, "source", first)
            b_tgt, b_tgt_p = _actor_match(col, "target", second)
            b_src, b_src_p = _actor_match(col, "source", second)
            a_tgt, a_tgt_p = _actor_match(col, "target", first)
            w.add(
                f"(({a_src} AND {b_tgt}) OR ({b_src} AND {a_tgt}))",
                [*a_src_p, *b_tgt_p, *b_src_p, *a_tgt_p],
            )
        w.one_of(f"{col}type", [t.upper() for t in self.types])
        w.one_of(f"{col}quad_class", [int(q) for q in self.quads])
        w.one_of(f"{col}language", [lang.lower() for lang in self.languages])
        for word in (self.text or "").split():
            # contains() on the lower-cased sentence is about twice as fast as ILIKE
            w.add(f"contains(lower({col}sentence), ?)", [word.lower()])
        if self.min_confidence is not None:
            w.add(f"{col}confidence >= ?", [float(self.min_confidence)])
        w.one_of(f"{col}article_id", list(self.article_ids))
        return w.sql()

    def limit_sql(self) -> tuple[str, list[Any]]:
        """A LIMIT clause and its parameter, or nothing."""
        if self.limit is None:
            return "", []
        return " LIMIT ?", [int(self.limit)]


class Where:
    """A WHERE clause built from parts joined with AND, with its parameters in order."""

    def __init__(self) -> None:
        self.clauses: list[str] = []
        self.params: list[Any] = []

    def add(self, clause: str, params: list[Any] | tuple[Any, ...] = ()) -> None:
        """Add one condition and its parameters."""
        self.clauses.append(clause)
        self.params.extend(params)

    def one_of(self, column: str, values: list[Any] | tuple[Any, ...]) -> None:
        """`column IN (...)`; nothing when `values` is empty."""
        if values:
            self.add(f"{column} IN ({_marks(tuple(values))})", values)

    def within_dates(self, column: str, first: date | None, last: date | None) -> None:
        """`column` between two days (inclusive); an open end does not filter."""
        if first:
            self.add(f"{column} >= ?", [first])
        if last:
            self.add(f"{column} <= ?", [last])

    def all_words(self, column: str, text: str | None) -> None:
        """Every word of `text` occurs in `column` (case-insensitive, % and _ literal)."""
        for word in (text or "").split():
            self.add(f"{column} ILIKE ? ESCAPE '\\'", ["%" + escape_like(word) + "%"])

    def sql(self) -> tuple[str, list[Any]]:
        """The clause without the keyword ("TRUE" when empty) and its parameters."""
        return (" AND ".join(f"({c})" for c in self.clauses) or "TRUE"), self.params


def escape_like(word: str) -> str:
    """Make % and _ in a search word match themselves."""
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _marks(values: tuple[Any, ...]) -> str:
    """As many placeholders as values."""
    return ", ".join("?" for _ in values)


def _actor_match(col: str, side: str, value: str) -> tuple[str, list[Any]]:
    """One side matches a country, organisation or full code (upper case) or a name."""
    code = value.strip().upper()
    sql = (
        f"({col}{side}_country = ? OR {col}{side}_org = ? OR {col}{side}_code = ? "
        f"OR lower({col}{side}_name) = ?)"
    )
    return sql, [code, code, code, value.strip().lower()]


def _any_actor(col: str, sides: tuple[str, ...], values: tuple[str, ...]) -> tuple[str, list[Any]]:
    """Any of the values on any of the sides."""
    parts: list[str] = []
    params: list[Any] = []
    for value in values:
        for side in sides:
            sql, args = _actor_match(col, side, value)
            parts.append(sql)
            params.extend(args)
    return "(" + " OR ".join(parts) + ")", params


def _as_tuple(value: Any) -> tuple[Any, ...]:
    """One value or a sequence of values as a tuple; None as empty."""
    if value is None:
        return ()
    if isinstance(value, (str, int, float)):
        return (value,)
    return tuple(value)


def _as_day(value: Any) -> date | None:
    """A date, or an ISO date string, as a date; StoreError when unreadable."""
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise StoreError(f"'{value}' is not a date", hint="write it as YYYY-MM-DD") from exc


def build_filter(**options: Any) -> EventFilter:
    """An EventFilter from notebook-friendly keywords (single values or lists, ISO dates).

    Keywords: start/date_from, end/date_to, actor, source, target, dyad ("A,B" or a pair),
    type, quad, lang, text, min_confidence, include_modal, article, limit.
    """
    aliases = {
        "start": "date_from",
        "end": "date_to",
        "from_": "date_from",
        "to": "date_to",
        "actor": "actors",
        "source": "sources",
        "target": "targets",
        "type": "types",
        "quad": "quads",
        "quad_class": "quads",
        "lang": "languages",
        "language": "languages",
        "article": "article_ids",
        "article_id": "article_ids",
    }
    values: dict[str, Any] = {}
    for key, value in options.items():
        name = aliases.get(key, key)
        if name not in EventFilter.__dataclass_fields__:
            raise StoreError(
                f"unknown filter '{key}'",
                hint="use "
                + ", ".join(
                    sorted(
                        set(aliases) | {"dyad", "text", "min_confidence", "include_modal", "limit"}
                    )
                ),
            )
        values[name] = value
    dyad = values.get("dyad")
    if isinstance(dyad, str):
        parts = [p.strip() for p in dyad.split(",") if p.strip()]
        if len(parts) != 2:
            raise StoreError(f"dyad '{dyad}' needs two actors", hint="write it as A,B")
        values["dyad"] = (parts[0], parts[1])
    elif dyad is not None:
        values["dyad"] = tuple(dyad)
    for name in ("actors", "sources", "targets", "types", "quads", "languages", "article_ids"):
        if name in values:
            values[name] = _as_tuple(values[name])
    if "quads" in values:
        values["quads"] = tuple(int(q) for q in values["quads"])
    for name in ("date_from", "date_to"):
        if name in values:
            values[name] = _as_day(values[name])
    return EventFilter(**values)
