"""The reads the API needs beyond `lagebild.store.queries`: pages with totals, sorting,
single events, articles with their events, quotes and the actor network.

Parameterised SQL only: fragments come from fixed tables in this module, user values
travel as `?` parameters.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import duckdb

from lagebild.server.evidence import evidence_for
from lagebild.server.params import Page
from lagebild.store import EventFilter
from lagebild.store import queries as store_queries
from lagebild.store.filters import Where
from lagebild.store.queries import row_to_record

#: sort keys of GET /api/events -> SQL expression (fixed text, never user input)
SORT_KEYS: dict[str, str] = {
    "date": "e.day",
    "type": "e.type",
    "quad": "e.quad_class",
    "source": "coalesce(e.source_country, e.source_org)",
    "target": "coalesce(e.target_country, e.target_org)",
    "trigger": "lower(e.trigger)",
    "language": "e.language",
    "confidence": "e.confidence",
    "goldstein": "e.goldstein",
    "article": "e.article_id",
}


#: tie-break after the sort key: by day, then in stored order (articles as ingested, events
#: in text order). rowid sorts far faster than the store's text keys on a big store.
TIE_BREAK = "e.day NULLS LAST, e.rowid"
#: from this offset on, a page is found by rowid first and its rows joined afterwards:
#: sorting narrow rows is what makes deep pages affordable on a million events
DEEP_OFFSET = 5000
#: pages longer than this are fetched the same way
WIDE_LIMIT = 200


def order_sql(sort: str | None) -> str:
    """ORDER BY text for a sort key such as `date` or `-confidence` (checked by the caller)."""
    if not sort:
        return TIE_BREAK
    descending = sort.startswith("-")
    expression = SORT_KEYS[sort.lstrip("-")]
    direction = "DESC" if descending else "ASC"
    return f"{expression} {direction} NULLS LAST, {TIE_BREAK}"


def event_record(row: dict[str, Any]) -> dict[str, Any]:
    """The API form of an events row: the contract record plus `day` and `sentence_index`."""
    record = row_to_record(row)
    record["day"] = row["day"].isoformat() if row.get("day") else None
    record["sentence_index"] = row.get("sentence_index")
    return record


def _dicts(cursor: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """The rows of an executed cursor as dicts."""
    assert cursor.description is not None
    columns = [d[0] for d in cursor.description]
    return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


def count_events(con: duckdb.DuckDBPyConnection, flt: EventFilter) -> int:
    """How many events the filter selects."""
    where, params = flt.where("e")
    row = con.execute(f"SELECT count(*) FROM events e WHERE {where}", params).fetchone()
    return int(row[0]) if row else 0


def event_page(
    con: duckdb.DuckDBPyConnection, flt: EventFilter, page: Page, sort: str | None = None
) -> tuple[int, list[dict[str, Any]]]:
    """The total number of filtered events and one page of them as records."""
    total = count_events(con, flt)
    if page.limit == 0 or page.offset >= total:
        return total, []
    where, params = flt.where("e")
    order = order_sql(sort)
    if page.offset < DEEP_OFFSET and page.limit <= WIDE_LIMIT:
        rows = _dicts(
            con.execute(
                f"SELECT e.* FROM events e WHERE {where} ORDER BY {order} LIMIT ? OFFSET ?",
                [*params, page.limit, page.offset],
            )
        )
    else:
        # sort narrow rows (rowids) first, then join the page's full rows and re-sort them
        rows = _dicts(
            con.execute(
                f"SELECT e.* FROM (SELECT e.rowid AS page_rowid FROM events e WHERE {where} "
                f"ORDER BY {order} LIMIT ? OFFSET ?) AS page "
                f"JOIN events e ON e.rowid = page.page_rowid ORDER BY {order}",
                [*params, page.limit, page.offset],
            )
        )
    return total, [event_record(row) for row in rows]


def add_evidence(con: duckdb.DuckDBPyConnection, records: list[dict[str, Any]]) -> None:
    """Give each record an `evidence` object: the sentence's offset and highlight spans."""
    article_ids = sorted({r["article_id"] for r in records})
    if not article_ids:
        return
    marks = ", ".join("?" for _ in article_ids)
    texts = dict(
        con.execute(f"SELECT id, text FROM articles WHERE id IN ({marks})", article_ids).fetchall()
    )
    mentions: dict[str, list[dict[str, Any]]] = {}
    for mention in _dicts(
        con.execute(
            f"SELECT * FROM actors WHERE article_id IN ({marks}) ORDER BY char_start", article_ids
        )
    ):
        mentions.setdefault(mention["article_id"], []).append(mention)
    for record in records:
        record["evidence"] = evidence_for(
            record, texts.get(record["article_id"]), mentions.get(record["article_id"], [])
        )


def event_by_id(con: duckdb.DuckDBPyConnection, event_id: str) -> dict[str, Any] | None:
    """One event (negated or hypothetical too) with its evidence, or None."""
    rows = _dicts(con.execute("SELECT * FROM events WHERE event_id = ? LIMIT 1", [event_id]))
    if not rows:
        return None
    record = event_record(rows[0])
    add_evidence(con, [record])
    return record


def article_with_events(con: duckdb.DuckDBPyConnection, article_id: str) -> dict[str, Any] | None:
    """An article's text and metadata with all its events, mentions and quotes, or None."""
    rows = _dicts(
        con.execute(
            "SELECT id, url, title, source, date, language, text, n_events, coded_at "
            "FROM articles WHERE id = ?",
            [article_id],
        )
    )
    if not rows:
        return None
    article = rows[0]
    article["date"] = _iso(article["date"])
    article["coded_at"] = _iso(article["coded_at"])
    events = [
        event_record(row)
        for row in _dicts(
            con.execute(
                "SELECT * FROM events WHERE article_id = ? ORDER BY char_start, event_id",
                [article_id],
            )
        )
    ]
    add_evidence(con, events)
    mentions = _dicts(
        con.execute(
            "SELECT char_start, char_end, text, kind, role, name, country, org, sector, code "
            "FROM actors WHERE article_id = ? ORDER BY char_start",
            [article_id],
        )
    )
    quotes = [
        quote_record(row)
        for row in _dicts(
            con.execute(
                "SELECT q.*, a.title, a.date, a.language FROM quotes q "
                "JOIN articles a ON a.id = q.article_id WHERE q.article_id = ? "
                "ORDER BY q.char_start",
                [article_id],
            )
        )
    ]
    return {"article": article, "events": events, "mentions": mentions, "quotes": quotes}


def _iso(value: Any) -> str | None:
    """A date or timestamp as ISO text."""
    return value.isoformat() if value is not None else None


@dataclass(frozen=True, slots=True)
class ArticleQuery:
    """Which articles GET /api/articles lists."""

    languages: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None
    #: words that must all occur in the title
    title: str | None = None


def _article_where(query: ArticleQuery, alias: str) -> tuple[str, list[Any]]:
    """WHERE clause and parameters of an ArticleQuery."""
    return _article_conditions(query, alias).sql()


def _article_conditions(query: ArticleQuery, alias: str) -> Where:
    w = Where()
    w.one_of(f"{alias}.language", list(query.languages))
    w.within_dates(f"{alias}.date", query.date_from, query.date_to)
    w.all_words(f"{alias}.title", query.title)
    return w


def article_page(
    con: duckdb.DuckDBPyConnection, query: ArticleQuery, page: Page
) -> tuple[int, list[dict[str, Any]]]:
    """The number of matching articles and one page of their metadata (no text)."""
    where, params = _article_where(query, "a")
    row = con.execute(f"SELECT count(*) FROM articles a WHERE {where}", params).fetchone()
    total = int(row[0]) if row else 0
    rows = _dicts(
        con.execute(
            f"SELECT a.id, a.title, a.date, a.language, a.source, a.url, a.n_events "
            f"FROM articles a WHERE {where} ORDER BY a.date NULLS LAST, a.id LIMIT ? OFFSET ?",
            [*params, page.limit, page.offset],
        )
    )
    for article in rows:
        article["date"] = _iso(article["date"])
    return total, rows


@dataclass(frozen=True, slots=True)
class QuoteQuery:
    """Which quotes GET /api/quotes lists."""

    speakers: tuple[str, ...] = ()
    article_id: str | None = None
    languages: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None
    text: str | None = None


def _quote_where(query: QuoteQuery) -> tuple[str, list[Any]]:
    """WHERE clause and parameters of a QuoteQuery (quotes q joined with articles a)."""
    w = _article_conditions(ArticleQuery(query.languages, query.date_from, query.date_to), "a")
    if query.article_id:
        w.add("q.article_id = ?", [query.article_id])
    if query.speakers:
        parts, params = [], []
        for speaker in query.speakers:
            parts.append(
                "(q.speaker_country = ? OR q.speaker_org = ? OR q.speaker_code = ? "
                "OR lower(q.speaker_name) = ?)"
            )
            code = speaker.upper()
            params.extend([code, code, code, speaker.lower()])
        w.add(" OR ".join(parts), params)
    w.all_words("q.text", query.text)
    return w.sql()


def quote_record(row: dict[str, Any]) -> dict[str, Any]:
    """A quotes row as the API's quote object (speaker nested like an event's actor)."""
    speaker = {
        part: row.get(f"speaker_{part}")
        for part in ("text", "name", "country", "org", "sector", "code")
    }
    return {
        "article_id": row["article_id"],
        "char_start": row["char_start"],
        "char_end": row["char_end"],
        "text": row["text"],
        "speaker": speaker if any(v is not None for v in speaker.values()) else None,
        "article_title": row.get("title"),
        "article_date": _iso(row.get("date")),
        "language": row.get("language"),
    }


def quote_page(
    con: duckdb.DuckDBPyConnection, query: QuoteQuery, page: Page
) -> tuple[int, list[dict[str, Any]]]:
    """The number of matching quotes and one page of them."""
    where, params = _quote_where(query)
    base = "FROM quotes q JOIN articles a ON a.id = q.article_id WHERE " + where
    row = con.execute(f"SELECT count(*) {base}", params).fetchone()
    total = int(row[0]) if row else 0
    rows = _dicts(
        con.execute(
            f"SELECT q.*, a.title, a.date, a.language {base} "
            f"ORDER BY a.date NULLS LAST, q.article_id, q.char_start LIMIT ? OFFSET ?",
            [*params, page.limit, page.offset],
        )
    )
    return total, [quote_record(r) for r in rows]


def actors(con: duckdb.DuckDBPyConnection, flt: EventFilter, limit: int) -> list[dict[str, Any]]:
    """The most active actors (country, else organisation) under a filter, with names."""
    table = store_queries.top_actors(con, flt, limit)
    out = table.dicts()
    for actor in out:
        actor["kind"], actor["label"] = actor_label(actor["actor"])
    return out


def network(
    con: duckdb.DuckDBPyConnection, flt: EventFilter, node_limit: int, edge_limit: int
) -> dict[str, Any]:
    """Nodes (most active actors) and directed edges (dyads) among them under a filter."""
    nodes = actors(con, flt, node_limit)
    keep = {node["actor"] for node in nodes}
    edges = [
        edge
        for edge in store_queries.top_dyads(con, flt, edge_limit).dicts()
        if edge["source_key"] in keep and edge["target_key"] in keep
    ]
    total_dyads = _count_dyads(con, flt)
    return {
        "nodes": nodes,
        "edges": edges,
        "total_dyads": total_dyads,
        "truncated": len(edges) < total_dyads,
    }


def _count_dyads(con: duckdb.DuckDBPyConnection, flt: EventFilter) -> int:
    """How many distinct directed dyads (both sides known) the filter selects."""
    where, params = flt.where("e")
    row = con.execute(
        "SELECT count(*) FROM (SELECT DISTINCT coalesce(source_country, source_org), "
        "coalesce(target_country, target_org) FROM events e WHERE "
        + where
        + " AND coalesce(source_country, source_org) IS NOT NULL "
        "AND coalesce(target_country, target_org) IS NOT NULL)",
        params,
    ).fetchone()
    return int(row[0]) if row else 0


def actor_label(key: str) -> tuple[str, str]:
    """(kind, readable name) of an actor key: a country's name, else the org code itself."""
    name = _country_names().get(key)
    return ("country", name) if name else ("org", key)


_COUNTRY_NAMES: dict[str, str] = {}


def _country_names() -> dict[str, str]:
    """alpha-3 code -> short English name (pycountry), loaded once."""
    if not _COUNTRY_NAMES:
        import pycountry

        for country in pycountry.countries:
            _COUNTRY_NAMES[country.alpha_3] = getattr(country, "common_name", None) or country.name
        _COUNTRY_NAMES.setdefault("XKX", "Kosovo")
    return _COUNTRY_NAMES


def aggregate(
    con: duckdb.DuckDBPyConnection, flt: EventFilter, period: str, by: str
) -> list[dict[str, Any]]:
    """Series rows (period start, breakdown keys, events, Goldstein sum and mean)."""
    rows = store_queries.aggregate(con, flt, period, by).dicts()
    for row in rows:
        row[period] = _iso(row[period])
    return rows


def store_counts(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """Rows per table and the first and last event day, for /api/health."""
    counts: dict[str, Any] = {
        t: store_queries.count_table(con, t)
        for t in ("articles", "events", "actors", "quotes", "runs")
    }
    row = con.execute("SELECT min(day), max(day) FROM events").fetchone()
    counts["first_day"] = _iso(row[0]) if row else None
    counts["last_day"] = _iso(row[1]) if row else None
    counts["languages"] = [
        r[0]
        for r in con.execute(
            "SELECT DISTINCT language FROM events WHERE language IS NOT NULL ORDER BY 1"
        ).fetchall()
    ]
    return counts
