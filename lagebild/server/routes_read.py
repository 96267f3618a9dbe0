"""GET endpoints of the API: events, aggregates, actors, network, articles, quotes, health."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any

import duckdb
from fastapi import APIRouter, Depends, Query, Request

from lagebild import __version__
from lagebild.server import queries
from lagebild.server.access import StoreAccess
from lagebild.server.models import (
    ActorList,
    AggregateResponse,
    ArticleDetail,
    ArticlePage,
    ErrorBody,
    EventModel,
    EventPage,
    Health,
    NetworkResponse,
    QuotePage,
)
from lagebild.server.params import (
    MAX_TEXT_PARAM,
    Page,
    ParameterError,
    event_filter,
    page,
    parse_day,
    parse_languages,
    split_values,
)
from lagebild.store import EventFilter
from lagebild.store.queries import BREAKDOWNS, BUCKETS

#: answers every endpoint may give besides 200, for the OpenAPI schema
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorBody, "description": "a parameter the API cannot use"},
}

router = APIRouter(prefix="/api", responses=ERROR_RESPONSES)


class NotFound(Exception):
    """A requested article or event does not exist: becomes HTTP 404."""

    def __init__(self, what: str, key: str) -> None:
        self.what = what
        self.key = key
        super().__init__(f"no {what} with id {key!r}")


def access(request: Request) -> StoreAccess:
    """The server's StoreAccess (FastAPI dependency)."""
    return request.app.state.access  # type: ignore[no-any-return]


def cursor(store: Annotated[StoreAccess, Depends(access)]) -> Iterator[duckdb.DuckDBPyConnection]:
    """A DuckDB cursor of its own for this request (FastAPI dependency)."""
    with store.cursor() as cur:
        yield cur


Cursor = Annotated[duckdb.DuckDBPyConnection, Depends(cursor)]
Filter = Annotated[EventFilter, Depends(event_filter)]
Paging = Annotated[Page, Depends(page)]


@router.get("/health", response_model=Health, summary="Server and store status")
def health(store: Annotated[StoreAccess, Depends(access)], con: Cursor) -> dict[str, Any]:
    """Whether the server is up, which store it serves and how much that store holds."""
    from pathlib import Path

    return {
        "status": "ok",
        "version": __version__,
        "store": Path(store.settings.db).name,
        "allow_ingest": store.settings.allow_ingest,
        "counts": queries.store_counts(con),
    }


@router.get("/events", response_model=EventPage, summary="Filtered events, paginated")
def list_events(
    con: Cursor,
    flt: Filter,
    paging: Paging,
    sort: Annotated[
        str | None,
        Query(
            max_length=20,
            description="sort key, '-' for descending: " + ", ".join(queries.SORT_KEYS),
        ),
    ] = None,
    evidence: Annotated[
        bool, Query(description="add highlight spans of trigger and actors to each event")
    ] = False,
) -> dict[str, Any]:
    """Events matching the filters of `lagebild query`, a page at a time, with the total."""
    if sort and sort.lstrip("-") not in queries.SORT_KEYS:
        raise ParameterError(
            "sort",
            f"unknown sort key {sort[:20]!r}",
            "use one of " + ", ".join(queries.SORT_KEYS) + " (prefix '-' to reverse)",
        )
    total, records = queries.event_page(con, flt, paging, sort)
    if evidence:
        queries.add_evidence(con, records)
    return {
        "total": total,
        "limit": paging.limit,
        "offset": paging.offset,
        "sort": sort,
        "events": records,
    }


@router.get(
    "/events/{event_id}",
    response_model=EventModel,
    responses={404: {"model": ErrorBody}},
    summary="One event with its evidence",
)
def get_event(event_id: str, con: Cursor) -> dict[str, Any]:
    """One event by id (negated and hypothetical ones too), with highlight spans."""
    record = queries.event_by_id(con, event_id[:200])
    if record is None:
        raise NotFound("event", event_id[:200])
    return record


@router.get(
    "/aggregates", response_model=AggregateResponse, summary="Event series by day, week or month"
)
def aggregates(
    con: Cursor,
    flt: Filter,
    period: Annotated[str, Query(description="day, week, month or year")] = "week",
    by: Annotated[str, Query(description="none, dyad, type or quad")] = "none",
) -> dict[str, Any]:
    """Event counts and Goldstein sum/mean per period, broken down by dyad, type or quad."""
    if period not in BUCKETS:
        raise ParameterError(
            "period", f"unknown period {period[:20]!r}", "use one of " + ", ".join(BUCKETS)
        )
    if by not in BREAKDOWNS:
        raise ParameterError(
            "by", f"unknown breakdown {by[:20]!r}", "use one of " + ", ".join(BREAKDOWNS)
        )
    return {"period": period, "by": by, "rows": queries.aggregate(con, flt, period, by)}


@router.get("/actors", response_model=ActorList, summary="The most active actors")
def list_actors(
    con: Cursor,
    flt: Filter,
    limit: Annotated[int, Query(ge=1, le=1000, description="how many actors")] = 50,
) -> dict[str, Any]:
    """Actors (country, else organisation) by activity, with their cooperation/conflict split."""
    return {"actors": queries.actors(con, flt, limit)}


@router.get("/network", response_model=NetworkResponse, summary="The actor network")
def network(
    con: Cursor,
    flt: Filter,
    nodes: Annotated[int, Query(ge=1, le=500, description="most active actors to show")] = 40,
    edges: Annotated[int, Query(ge=1, le=5000, description="most frequent dyads")] = 400,
) -> dict[str, Any]:
    """Nodes are actors sized by activity, edges directed dyads with cooperation/conflict."""
    return queries.network(con, flt, nodes, edges)


@router.get("/articles", response_model=ArticlePage, summary="Stored articles")
def list_articles(
    con: Cursor,
    paging: Paging,
    lang: Annotated[list[str] | None, Query(max_length=20)] = None,
    date_from: Annotated[str | None, Query(alias="from", max_length=40)] = None,
    date_to: Annotated[str | None, Query(alias="to", max_length=40)] = None,
    title: Annotated[
        str | None, Query(max_length=MAX_TEXT_PARAM, description="words in the title")
    ] = None,
) -> dict[str, Any]:
    """Article metadata (no text), by date, a page at a time."""
    query = queries.ArticleQuery(
        parse_languages(lang), parse_day("from", date_from), parse_day("to", date_to), title
    )
    total, rows = queries.article_page(con, query, paging)
    return {"total": total, "limit": paging.limit, "offset": paging.offset, "articles": rows}


@router.get(
    "/articles/{article_id}",
    response_model=ArticleDetail,
    responses={404: {"model": ErrorBody}},
    summary="An article with its events",
)
def get_article(article_id: str, con: Cursor) -> dict[str, Any]:
    """The cleaned text with every event (offsets into the text), mention and quote."""
    detail = queries.article_with_events(con, article_id[:500])
    if detail is None:
        raise NotFound("article", article_id[:500])
    return detail


@router.get("/quotes", response_model=QuotePage, summary="Direct quotations")
def list_quotes(
    con: Cursor,
    paging: Paging,
    speaker: Annotated[
        list[str] | None, Query(max_length=50, description="speaker country, org, code or name")
    ] = None,
    article: Annotated[str | None, Query(max_length=500)] = None,
    lang: Annotated[list[str] | None, Query(max_length=20)] = None,
    date_from: Annotated[str | None, Query(alias="from", max_length=40)] = None,
    date_to: Annotated[str | None, Query(alias="to", max_length=40)] = None,
    text: Annotated[str | None, Query(max_length=MAX_TEXT_PARAM)] = None,
) -> dict[str, Any]:
    """Quotes with speakers and articles, filtered by speaker, article, language, date, words."""
    query = queries.QuoteQuery(
        speakers=split_values(speaker),
        article_id=article,
        languages=parse_languages(lang),
        date_from=parse_day("from", date_from),
        date_to=parse_day("to", date_to),
        text=text,
    )
    total, rows = queries.quote_page(con, query, paging)
    return {"total": total, "limit": paging.limit, "offset": paging.offset, "quotes": rows}
