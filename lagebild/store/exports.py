"""Exports of filtered events: Parquet (partitioned by year/month), CSV, JSONL, a GDELT-style
tab-separated table and PLOVER-style JSON records. Column mapping: docs/store.md.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import duckdb

from lagebild.store.errors import StoreError
from lagebild.store.filters import EventFilter
from lagebild.store.queries import EVENT_ORDER, iter_records
from lagebild.store.schema import EVENT_COLUMNS, column_names

FORMATS: tuple[str, ...] = ("parquet", "csv", "jsonl", "gdelt", "plover")

#: GDELT 2.0 event columns lagebild has a counterpart for -> the SQL that fills them
#: (over `events e` joined with `articles a`); the order is GDELT's order
GDELT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("GLOBALEVENTID", "e.global_id"),
    ("SQLDATE", "CAST(strftime(e.day, '%Y%m%d') AS INTEGER)"),
    ("MonthYear", "CAST(strftime(e.day, '%Y%m') AS INTEGER)"),
    ("Year", "year(e.day)"),
    ("FractionDate", "round(year(e.day) + (dayofyear(e.day) - 1) / 365.0, 4)"),
    *(
        column
        for number, side in (("1", "source"), ("2", "target"))
        for column in (
            (f"Actor{number}Code", f"e.{side}_code"),
            (f"Actor{number}Name", f"coalesce(e.{side}_name, e.{side}_text)"),
            (f"Actor{number}CountryCode", f"e.{side}_country"),
            (f"Actor{number}KnownGroupCode", f"e.{side}_org"),
            (f"Actor{number}Type1Code", f"e.{side}_sector"),
        )
    ),
    ("IsRootEvent", "CASE WHEN e.sentence_index < 2 THEN 1 ELSE 0 END"),
    ("EventCode", "e.cameo"),
    ("EventBaseCode", "substr(e.cameo, 1, 3)"),
    ("EventRootCode", "substr(e.cameo, 1, 2)"),
    ("QuadClass", "e.quad_class"),
    ("GoldsteinScale", "e.goldstein"),
    ("NumMentions", "count(*) OVER same_event"),
    ("NumSources", "count(DISTINCT coalesce(a.source, a.id)) OVER same_event"),
    ("NumArticles", "count(DISTINCT e.article_id) OVER same_event"),
    ("ActionGeo_FullName", "e.location_name"),
    ("ActionGeo_CountryCode", "e.location_country"),
    ("ActionGeo_Lat", "e.location_lat"),
    ("ActionGeo_Long", "e.location_lon"),
    ("DATEADDED", "CAST(strftime(a.coded_at, '%Y%m%d%H%M%S') AS BIGINT)"),
    ("SOURCEURL", "coalesce(a.url, a.id)"),
)

#: reports of "the same event" for NumMentions: same day, dyad codes and CAMEO code
_SAME_EVENT = "WINDOW same_event AS (PARTITION BY e.day, e.source_code, e.target_code, e.cameo)"


def export_events(
    con: duckdb.DuckDBPyConnection, path: str | Path, fmt: str, flt: EventFilter | None = None
) -> int:
    """Write the filtered events to `path` in format `fmt`; returns the number of events.

    Parquet goes to a directory partitioned by year/month of the event date
    (`year=2022/month=1/...`), or to a single file when `path` ends in `.parquet`.
    """
    flt = flt or EventFilter()
    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise StoreError(f"unknown export format '{fmt}'", hint="use " + ", ".join(FORMATS))
    target = Path(path)
    _check_target(target, directory=fmt == "parquet" and target.suffix != ".parquet")
    try:
        if fmt in ("jsonl", "plover"):
            return _write_json_lines(con, target, flt, plover=fmt == "plover")
        if fmt == "gdelt":
            return _copy(con, target, _gdelt_sql(flt), "FORMAT CSV, DELIMITER '\t', HEADER")
        if fmt == "csv":
            return _copy(con, target, _flat_sql(flt, partition=False), "FORMAT CSV, HEADER")
        if target.suffix == ".parquet":
            return _copy(con, target, _flat_sql(flt, partition=False), "FORMAT PARQUET")
        return _copy(
            con,
            target,
            _flat_sql(flt, partition=True),
            "FORMAT PARQUET, PARTITION_BY (year, month)",
        )
    except duckdb.Error as exc:
        raise StoreError(
            f"export failed: {exc}",
            str(target),
            "check that the folder exists, is writable and has space",
        ) from exc


def _check_target(target: Path, *, directory: bool) -> None:
    """Refuse to overwrite a non-empty folder; the parent folder must exist."""
    if directory:
        if target.exists() and (not target.is_dir() or any(target.iterdir())):
            raise StoreError(
                "exists and is not an empty folder",
                str(target),
                "partitioned Parquet needs a new or empty folder; "
                "or name a single file ending in .parquet",
            )
        return
    if target.is_dir():
        raise StoreError("is a folder", str(target), "name a file to write")
    if not target.parent.exists():
        raise StoreError("the folder does not exist", str(target.parent), "create it first")


def _flat_sql(flt: EventFilter, *, partition: bool) -> tuple[str, list[Any]]:
    """The flat events columns (plus year/month for partitioning) of the filtered events."""
    where, params = flt.where("e")
    limit, limit_params = flt.limit_sql()
    columns = ", ".join(f"e.{name}" for name in column_names(EVENT_COLUMNS))
    if partition:
        columns += ", year(e.day) AS year, month(e.day) AS month"
    sql = f"SELECT {columns} FROM events e WHERE {where} ORDER BY {EVENT_ORDER}{limit}"
    return sql, params + limit_params


def _gdelt_sql(flt: EventFilter) -> tuple[str, list[Any]]:
    """The GDELT-style table of the filtered events."""
    where, params = flt.where("e")
    limit, limit_params = flt.limit_sql()
    columns = ",\n  ".join(f'{sql} AS "{name}"' for name, sql in GDELT_COLUMNS)
    sql = (
        f"SELECT {columns}\nFROM events e LEFT JOIN articles a ON a.id = e.article_id\n"
        f"WHERE {where}\n{_SAME_EVENT}\nORDER BY {EVENT_ORDER}{limit}"
    )
    return sql, params + limit_params


def _copy(
    con: duckdb.DuckDBPyConnection, target: Path, query: tuple[str, list[Any]], options: str
) -> int:
    """COPY a parameterised query to a file or folder; returns the rows written."""
    sql, params = query
    count_row = con.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()
    con.execute(f"COPY ({sql}) TO ? ({options})", [*params, str(target)])
    return int(count_row[0]) if count_row else 0


def _write_json_lines(
    con: duckdb.DuckDBPyConnection, target: Path, flt: EventFilter, *, plover: bool
) -> int:
    """Event records (or PLOVER-style records), one JSON object a line."""
    articles = _article_info(con) if plover else {}
    count = 0
    with target.open("w", encoding="utf-8") as out:
        for record in iter_records(con, flt):
            if plover:
                record = plover_record(record, articles.get(record["article_id"], {}))
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    return count


def _article_info(con: duckdb.DuckDBPyConnection) -> dict[str, dict[str, Any]]:
    """id -> url, source, date, version and coding time of every article."""
    rows = con.execute(
        "SELECT id, url, source, date, lagebild_version, coded_at FROM articles"
    ).fetchall()
    return {
        row[0]: {
            "url": row[1],
            "source": row[2],
            "date": row[3],
            "version": row[4],
            "coded_at": row[5],
        }
        for row in rows
    }


def _plover_actors(actor: dict[str, Any] | None) -> list[dict[str, Any]]:
    """An event-record actor as PLOVER's list of actor objects ([] for none)."""
    if not actor:
        return []
    out: dict[str, Any] = {
        "actorText": actor.get("text"),
        "code": actor.get("country") or actor.get("org"),
    }
    for key in ("sector", "name", "org"):
        if actor.get(key):
            out[key] = actor[key]
    return [out]


def plover_record(record: dict[str, Any], article: dict[str, Any]) -> dict[str, Any]:
    """An event record in PLOVER's JSON field names (id, date, event, source, target ...)."""
    event_date = record.get("date")
    if event_date is None and article.get("date") is not None:
        event_date = article["date"].isoformat()
    coded_at = article.get("coded_at")
    out: dict[str, Any] = {
        "id": record["event_id"],
        "date": event_date,
        "event": record["type"],
        "mode": record.get("mode", ""),
        "context": record.get("context", ""),
        "source": _plover_actors(record.get("source")),
        "target": _plover_actors(record.get("target")),
        "eventText": record["trigger"],
        "text": record["sentence"],
        "language": record["language"],
        "publication": article.get("source"),
        "url": article.get("url"),
        "articleId": record["article_id"],
        "cameo": record["cameo"],
        "quadClass": record["quad_class"],
        "goldstein": record["goldstein"],
        "confidence": record["confidence"],
        "negated": record["negated"],
        "hypothetical": record["hypothetical"],
        "coder": "lagebild",
        "version": article.get("version"),
        "dateCoded": coded_at.date().isoformat() if coded_at else None,
    }
    if record.get("location"):
        out["location"] = record["location"]
    return out
