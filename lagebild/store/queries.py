"""Reading the store: filtered events, event records, aggregate series, top actors and dyads.

Every function takes an EventFilter and builds parameterised SQL from fixed fragments;
user values travel only as parameters.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import duckdb

from lagebild.schema import ACTOR_FIELDS, EVENT_FIELDS
from lagebild.store.errors import StoreError
from lagebild.store.filters import EventFilter
from lagebild.store.schema import ACTOR_PARTS, ACTOR_SIDES

#: the date bucket expressions `aggregate` may use
BUCKETS: dict[str, str] = {
    "day": "e.day",
    "week": "CAST(date_trunc('week', e.day) AS DATE)",
    "month": "CAST(date_trunc('month', e.day) AS DATE)",
    "year": "CAST(date_trunc('year', e.day) AS DATE)",
}

#: the breakdowns `aggregate` may use: name -> (select expressions, output column names)
BREAKDOWNS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "none": ((), ()),
    "dyad": (
        ("coalesce(e.source_country, e.source_org)", "coalesce(e.target_country, e.target_org)"),
        ("source_key", "target_key"),
    ),
    "type": (("e.type",), ("type",)),
    "quad": (("e.quad_class",), ("quad_class",)),
}


@dataclass(slots=True)
class Table:
    """A query result: column names and rows; convertible to pandas or dicts."""

    columns: list[str]
    rows: list[tuple[Any, ...]]

    def __len__(self) -> int:
        return len(self.rows)

    def dicts(self) -> list[dict[str, Any]]:
        """The rows as dicts keyed by column name."""
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]

    def to_pandas(self) -> Any:
        """The result as a pandas DataFrame (needs pandas)."""
        import pandas as pd

        return pd.DataFrame.from_records(self.rows, columns=self.columns)


def fetch(con: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any] = ()) -> Table:
    """Run parameterised SQL and collect the result."""
    cursor = con.execute(sql, list(params))
    if cursor.description is None:
        return Table([], [])
    columns = [d[0] for d in cursor.description]
    return Table(columns, cursor.fetchall())


def run_sql(
    con: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any] = (), path: str | None = None
) -> Table:
    """Raw SQL against the tables and views, with `?` parameters; errors become StoreErrors."""
    try:
        return fetch(con, sql, params)
    except duckdb.Error as exc:
        raise StoreError(
            f"SQL failed: {exc}",
            path,
            "see docs/store.md for the tables and views (v_events, v_daily ...)",
        ) from exc


#: the order events are listed and exported in: by day, then as they occur in the text
EVENT_ORDER = "e.day, e.article_id, e.char_start, e.event_id"


def events_sql(
    flt: EventFilter, columns: str = "e.*", order: str = EVENT_ORDER
) -> tuple[str, list[Any]]:
    """SELECT of the filtered events, in date and text order, and its parameters."""
    where, params = flt.where("e")
    limit, limit_params = flt.limit_sql()
    sql = f"SELECT {columns} FROM events e WHERE {where} ORDER BY {order}{limit}"
    return sql, params + limit_params


def select_events(con: duckdb.DuckDBPyConnection, flt: EventFilter | None = None) -> Table:
    """The filtered events as flat rows (every column of the events table)."""
    sql, params = events_sql(flt or EventFilter())
    return fetch(con, sql, params)


def iter_records(
    con: duckdb.DuckDBPyConnection, flt: EventFilter | None = None, batch: int = 2000
) -> Iterator[dict[str, Any]]:
    """The filtered events as event records of the JSON contract, streamed."""
    sql, params = events_sql(flt or EventFilter())
    cursor = con.execute(sql, params)
    assert cursor.description is not None
    columns = [d[0] for d in cursor.description]
    while True:
        chunk = cursor.fetchmany(batch)
        if not chunk:
            return
        for row in chunk:
            yield row_to_record(dict(zip(columns, row, strict=True)))


def row_to_record(row: dict[str, Any]) -> dict[str, Any]:
    """An events row back into the event record: contract field order, nested actors."""
    record: dict[str, Any] = {}
    for name in EVENT_FIELDS:
        if name in ACTOR_SIDES:
            record[name] = _actor_object(row, name)
        elif name == "date":
            record[name] = row["date"].isoformat() if row["date"] else None
        else:
            record[name] = row[name]
    if row.get("mode"):
        record["mode"] = row["mode"]
    if row.get("context"):
        record["context"] = row["context"]
    if row.get("location"):
        record["location"] = json.loads(row["location"])
    if row.get("quote"):
        record["quote"] = json.loads(row["quote"])
    for name in ("size", "dead", "injured"):
        if row.get(name) is not None:
            record[name] = row[name]
    return record


def _actor_object(row: dict[str, Any], side: str) -> dict[str, Any] | None:
    """The nested actor object of one side, or None when the side is empty."""
    values = {part: row[f"{side}_{part}"] for part in ACTOR_PARTS}
    if all(value is None for value in values.values()):
        return None
    return {part: values[part] for part in ACTOR_FIELDS}


def aggregate_sql(
    flt: EventFilter | None = None, bucket: str = "week", by: str = "none"
) -> tuple[str, list[Any]]:
    """The SQL of an aggregate series (see `aggregate`) and its parameters."""
    if bucket not in BUCKETS:
        raise StoreError(f"unknown period '{bucket}'", hint="use " + ", ".join(BUCKETS))
    if by not in BREAKDOWNS:
        raise StoreError(f"unknown breakdown '{by}'", hint="use " + ", ".join(BREAKDOWNS))
    expressions, names = BREAKDOWNS[by]
    select = [f"{BUCKETS[bucket]} AS {bucket}"]
    select += [f"{expr} AS {name}" for expr, name in zip(expressions, names, strict=True)]
    keys = ", ".join([bucket, *names])
    where, params = (flt or EventFilter()).where("e")
    sql = (
        f"SELECT {', '.join(select)}, count(*) AS events, "
        f"round(sum(e.goldstein), 3) AS goldstein_sum, "
        f"round(avg(e.goldstein), 3) AS goldstein_mean "
        f"FROM events e WHERE e.day IS NOT NULL AND {where} "
        f"GROUP BY {keys} ORDER BY {bucket}, events DESC, {keys}"
    )
    return sql, params


def aggregate(
    con: duckdb.DuckDBPyConnection,
    flt: EventFilter | None = None,
    bucket: str = "week",
    by: str = "none",
) -> Table:
    """Event counts and Goldstein sum/mean per date bucket, optionally by dyad/type/quad."""
    sql, params = aggregate_sql(flt, bucket, by)
    return fetch(con, sql, params)


def top_actors(
    con: duckdb.DuckDBPyConnection, flt: EventFilter | None = None, limit: int = 20
) -> Table:
    """The most active actors (country, else organisation) over both sides."""
    where, params = (flt or EventFilter()).where("e")
    sql = f"""
        WITH sel AS (SELECT * FROM events e WHERE {where}),
        sides AS (
            SELECT coalesce(source_country, source_org) AS actor, 1 AS src, 0 AS tgt,
                   quad_class, goldstein FROM sel
            UNION ALL
            SELECT coalesce(target_country, target_org), 0, 1, quad_class, goldstein FROM sel)
        SELECT actor, count(*) AS events, sum(src) AS as_source, sum(tgt) AS as_target,
               count(*) FILTER (WHERE quad_class IN (1, 2)) AS cooperation,
               count(*) FILTER (WHERE quad_class IN (3, 4)) AS conflict,
               round(avg(goldstein), 3) AS goldstein_mean
        FROM sides WHERE actor IS NOT NULL
        GROUP BY actor ORDER BY events DESC, actor LIMIT ?"""
    return fetch(con, sql, [*params, int(limit)])


def top_dyads(
    con: duckdb.DuckDBPyConnection, flt: EventFilter | None = None, limit: int = 20
) -> Table:
    """The most frequent directed dyads with their cooperation/conflict split."""
    where, params = (flt or EventFilter()).where("e")
    sql = f"""
        SELECT coalesce(source_country, source_org) AS source_key,
               coalesce(target_country, target_org) AS target_key, count(*) AS events,
               count(*) FILTER (WHERE quad_class IN (1, 2)) AS cooperation,
               count(*) FILTER (WHERE quad_class IN (3, 4)) AS conflict,
               round(sum(goldstein), 3) AS goldstein_sum,
               round(avg(goldstein), 3) AS goldstein_mean
        FROM events e
        WHERE {where} AND coalesce(source_country, source_org) IS NOT NULL
              AND coalesce(target_country, target_org) IS NOT NULL
        GROUP BY ALL ORDER BY events DESC, source_key, target_key LIMIT ?"""
    return fetch(con, sql, [*params, int(limit)])


def count_table(con: duckdb.DuckDBPyConnection, table: str) -> int:
    """Rows in one of the store's own tables."""
    if table not in ("articles", "events", "actors", "quotes", "runs"):
        raise StoreError(f"unknown table '{table}'")
    row = con.execute(f"SELECT count(*) FROM {table}").fetchone()
    return int(row[0]) if row else 0
