"""The Python API for notebooks: `lagebild.open(db)` and `lagebild.extract(text)`.

>>> import lagebild
>>> store = lagebild.open("news.duckdb")
>>> store.events(actor="RUS", type=["MOBILIZE", "ASSAULT"], start="2022-01-01")
>>> store.aggregate("week", by="dyad", dyad="RUS,NATO")
>>> lagebild.extract("Russland droht der Ukraine.", date="2022-01-21")
"""

from __future__ import annotations

from datetime import date as date_type
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lagebild.errors import InputError
from lagebild.schema import Article
from lagebild.store.event_store import EventStore

if TYPE_CHECKING:
    from lagebild.pipeline import Pipeline

__all__ = ["EventStore", "extract", "open"]


def open(
    db: str | Path | None = None,
    *,
    read_only: bool = True,  # noqa: A001
    wait: float = 0.0,
) -> EventStore:
    """Open an event store (default $LAGEBILD_DB or ./lagebild.duckdb), read-only unless asked.

    The result has `.events(**filters)` and `.aggregate(...)` (pandas DataFrames; polars with
    `polars=True`), `.records(...)`, `.query(sql, params)`, `.top_actors()`, `.top_dyads()`.
    """
    return EventStore(db, read_only=read_only, wait=wait)


@cache
def _pipeline(lang: str, default_date: date_type | None) -> Pipeline:
    """One pipeline per language/date setting, reused across calls."""
    from lagebild.pipeline import ExtractOptions, Pipeline

    return Pipeline(ExtractOptions(lang=lang, default_date=default_date))


def _as_date(value: str | date_type | None) -> date_type | None:
    """A date or an ISO string as a date; InputError when unreadable."""
    if value is None or isinstance(value, date_type):
        return value
    try:
        return date_type.fromisoformat(str(value).strip())
    except ValueError as exc:
        raise InputError(f"date {value!r} is not a date", hint="write it as YYYY-MM-DD") from exc


def extract(
    text: str, date: str | date_type | None = None, lang: str = "auto", article_id: str = "text"
) -> list[dict[str, Any]]:
    """Code one text and return its event records (the JSON contract of `lagebild extract`).

    `date` is the publication date (resolves "on Wednesday"); `lang` is "auto" or a code.
    """
    if not isinstance(text, str):
        raise InputError(f"extract() needs a str, got {type(text).__name__}")
    day = _as_date(date)
    article = Article(id=article_id, text=text, date=day)
    coded = _pipeline(lang, day).process(article)
    return [event.to_record() for event in coded.events]
