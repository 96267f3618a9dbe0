"""Query parameters of the API: the filters of `lagebild query`, pages and sort orders.

Every value is checked here and a bad one becomes a ParameterError (HTTP 400 naming the
parameter and what to write instead); the values then travel to SQL only as parameters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Annotated

from fastapi import Query

from lagebild.server.settings import MAX_PAGE_SIZE
from lagebild.store import EventFilter, StoreError
from lagebild.store.filters import PLOVER_TYPES

#: longest accepted value of a free-text parameter (actor, text ...)
MAX_TEXT_PARAM = 200
_LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}$")


class ParameterError(Exception):
    """A query parameter or body field the API cannot use: becomes HTTP 400."""

    def __init__(self, parameter: str, message: str, hint: str = "") -> None:
        self.parameter = parameter
        self.message = message
        self.hint = hint
        super().__init__(f"{parameter}: {message}")

    def body(self) -> dict[str, str]:
        """The JSON error body."""
        body = {"error": f"{self.parameter}: {self.message}", "parameter": self.parameter}
        if self.hint:
            body["hint"] = self.hint
        return body


def split_values(values: list[str] | None) -> tuple[str, ...]:
    """Repeated and comma-separated values (`?type=A&type=B` or `?type=A,B`), trimmed."""
    out: list[str] = []
    for value in values or []:
        out.extend(part.strip() for part in value.split(",") if part.strip())
    return tuple(out)


def parse_day(parameter: str, value: str | None) -> date | None:
    """An ISO date parameter, or a ParameterError saying how to write it."""
    if value is None or not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ParameterError(
            parameter, f"{value[:40]!r} is not a date", "write it as YYYY-MM-DD, e.g. 2022-01-19"
        ) from None


def parse_types(values: list[str] | None) -> tuple[str, ...]:
    """PLOVER types, upper-cased; unknown ones are a ParameterError."""
    types = tuple(t.upper() for t in split_values(values))
    unknown = [t for t in types if t not in PLOVER_TYPES]
    if unknown:
        raise ParameterError(
            "type",
            f"unknown event type(s) {', '.join(unknown)[:80]}",
            "use one of " + ", ".join(sorted(PLOVER_TYPES)),
        )
    return types


def parse_quads(values: list[str] | None) -> tuple[int, ...]:
    """Quad classes 1..4; anything else is a ParameterError."""
    quads: list[int] = []
    for value in split_values(values):
        if value not in ("1", "2", "3", "4"):
            raise ParameterError(
                "quad",
                f"{value[:20]!r} is not a quad class",
                "use 1 (verbal cooperation), 2 (material cooperation), "
                "3 (verbal conflict) or 4 (material conflict)",
            )
        quads.append(int(value))
    return tuple(quads)


def parse_languages(values: list[str] | None) -> tuple[str, ...]:
    """Language codes (two or three letters), lower-cased."""
    languages = tuple(v.lower() for v in split_values(values))
    bad = [v for v in languages if not _LANGUAGE_CODE.match(v)]
    if bad:
        raise ParameterError(
            "lang",
            f"{bad[0][:20]!r} is not a language code",
            "use an ISO 639-1 code such as de or en",
        )
    return languages


def parse_dyad(value: str | None) -> tuple[str, str] | None:
    """`A,B` as a pair of actors, or None."""
    if value is None or not value.strip():
        return None
    parts = split_values([value])
    if len(parts) != 2:
        raise ParameterError(
            "dyad", f"{value[:60]!r} does not name two actors", "write it as A,B, e.g. RUS,UKR"
        )
    return parts[0], parts[1]


TextParam = Annotated[str | None, Query(max_length=MAX_TEXT_PARAM)]
ListParam = Annotated[list[str] | None, Query(max_length=50)]


def event_filter(
    date_from: Annotated[
        str | None,
        Query(alias="from", max_length=40, description="first day (inclusive), YYYY-MM-DD"),
    ] = None,
    date_to: Annotated[
        str | None, Query(alias="to", max_length=40, description="last day (inclusive), YYYY-MM-DD")
    ] = None,
    actor: Annotated[
        list[str] | None,
        Query(
            max_length=50,
            description="actor on either side: country (RUS), organisation "
            "(NATO), full code (RUSMIL) or canonical name; repeatable",
        ),
    ] = None,
    source: Annotated[
        list[str] | None, Query(max_length=50, description="actor on the source side; repeatable")
    ] = None,
    target: Annotated[
        list[str] | None, Query(max_length=50, description="actor on the target side; repeatable")
    ] = None,
    dyad: Annotated[
        str | None,
        Query(max_length=MAX_TEXT_PARAM, description="A,B: events between A and B, either way"),
    ] = None,
    type: Annotated[
        list[str] | None,
        Query(  # noqa: A002 - the public parameter name
            max_length=20, description="PLOVER type(s), e.g. THREATEN or THREATEN,ASSAULT"
        ),
    ] = None,
    quad: Annotated[
        list[str] | None, Query(max_length=4, description="quad class(es) 1..4")
    ] = None,
    lang: Annotated[
        list[str] | None, Query(max_length=20, description="article language(s), e.g. de")
    ] = None,
    text: Annotated[
        str | None,
        Query(
            max_length=MAX_TEXT_PARAM,
            description="words that must all occur in the evidence sentence",
        ),
    ] = None,
    min_confidence: Annotated[
        float | None, Query(ge=0.0, le=1.0, description="only events with confidence >= this")
    ] = None,
    include_modal: Annotated[
        bool, Query(description="also negated and hypothetical events")
    ] = False,
) -> EventFilter:
    """The EventFilter the query string asks for (FastAPI dependency)."""
    values = {"actor": actor, "source": source, "target": target}
    for name, given in values.items():
        too_long = [v for v in given or [] if len(v) > MAX_TEXT_PARAM]
        if too_long:
            raise ParameterError(name, f"longer than {MAX_TEXT_PARAM} characters")
    try:
        return EventFilter(
            date_from=parse_day("from", date_from),
            date_to=parse_day("to", date_to),
            actors=split_values(actor),
            sources=split_values(source),
            targets=split_values(target),
            dyad=parse_dyad(dyad),
            types=parse_types(type),
            quads=parse_quads(quad),
            languages=parse_languages(lang),
            text=text.strip() if text and text.strip() else None,
            min_confidence=min_confidence,
            include_modal=include_modal,
        )
    except StoreError as exc:
        raise ParameterError("filter", str(exc)) from None


@dataclass(frozen=True, slots=True)
class Page:
    """Which slice of a result list to return."""

    limit: int
    offset: int


def page(
    limit: Annotated[
        int, Query(ge=0, le=MAX_PAGE_SIZE, description=f"rows per page (at most {MAX_PAGE_SIZE})")
    ] = 100,
    offset: Annotated[int, Query(ge=0, le=10**9, description="rows to skip")] = 0,
) -> Page:
    """The page the query string asks for (FastAPI dependency)."""
    return Page(limit=limit, offset=offset)
