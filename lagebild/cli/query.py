"""`lagebild query`: filtered events, aggregate series, top actors/dyads or raw SQL."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any, TextIO

from lagebild.cli.store import (
    FILTER_HELP,
    add_db_argument,
    add_filter_arguments,
    filter_from_args,
    new_parser,
)
from lagebild.store.errors import StoreError

FORMATS = ("table", "csv", "jsonl", "parquet")
#: rows a table shows when no --limit is given (a terminal is not a data file)
TABLE_DEFAULT_LIMIT = 100
#: columns of the events table format; the other formats carry every column
TABLE_COLUMNS = (
    "day",
    "type",
    "source_code",
    "target_code",
    "cameo",
    "goldstein",
    "confidence",
    "trigger",
    "sentence",
)

DESCRIPTION = f"""\
Select events from the store, or print the series analysts plot.

Without --agg, --top or --sql it lists the filtered events: as a table, CSV (every
column), JSONL (the event records of `lagebild extract`, actors nested) or Parquet.
--agg day|week|month prints events, Goldstein sum and mean per period, optionally --by
dyad, type or quad. --top actors|dyads ranks actors or dyads. --sql runs your own SQL
against the tables and views (articles, events, actors, quotes, runs, v_events, v_daily,
v_weekly, v_monthly, v_top_actors, v_top_dyads; see docs/store.md), with ? placeholders
filled from --param. The store is opened read-only.

{FILTER_HELP}"""

EPILOG = """\
examples:
  lagebild query --actor RUS --type MOBILIZE ASSAULT --from 2022-01-01 --to 2022-01-31
  lagebild query --dyad RUS,NATO --quad 3 4 --agg week --by type
  lagebild query --top dyads --format csv -o dyads.csv
  lagebild query --sql "SELECT * FROM v_weekly WHERE source_key = ?" --param RUS
"""


def register(subparsers: Any) -> None:
    """Add the `query` command to the `lagebild` parser."""
    parser = new_parser(
        subparsers, "query", "select events, series or SQL from the store", DESCRIPTION, EPILOG
    )
    add_db_argument(parser)
    add_filter_arguments(parser)
    parser.add_argument(
        "--format", default="table", choices=FORMATS, help="output format (default: table)"
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE, not stdout")
    parser.add_argument(
        "--agg",
        choices=("day", "week", "month", "year"),
        help="print the series of events per period instead of events",
    )
    parser.add_argument(
        "--by",
        choices=("none", "dyad", "type", "quad"),
        default="none",
        help="break the --agg series down (default: none)",
    )
    parser.add_argument(
        "--top", choices=("actors", "dyads"), help="rank the most active actors or dyads"
    )
    parser.add_argument("--sql", metavar="SELECT...", help="run this SQL instead")
    parser.add_argument(
        "--param",
        action="append",
        default=[],
        metavar="VALUE",
        help="a value for the next ? in --sql (repeatable)",
    )
    parser.set_defaults(func=run_query)


def run_query(args: argparse.Namespace) -> int:
    """Run `lagebild query`; returns the exit code."""
    from lagebild.store import EventStore, default_db_path, queries

    if args.format == "parquet" and not args.output:
        raise StoreError("--format parquet needs -o FILE.parquet")
    flt = filter_from_args(args)
    explicit_limit = flt.limit is not None
    if args.format == "table" and not explicit_limit and not (args.agg or args.top):
        flt = _with_limit(flt, TABLE_DEFAULT_LIMIT + 1)
    with EventStore(args.db or default_db_path(), read_only=True) as store:
        if args.sql:
            sql, params = args.sql, list(args.param)
        elif args.agg:
            sql, params = queries.aggregate_sql(flt, args.agg, args.by)
        elif args.top:
            limit = flt.limit if flt.limit is not None else 20
            table = (queries.top_actors if args.top == "actors" else queries.top_dyads)(
                store.con, _with_limit(flt, None), limit
            )
            return _emit(store, args, table, None)
        else:
            sql, params = queries.events_sql(flt)
        if args.format == "parquet":
            _copy_parquet(store, sql, params, args.output)
            return 0
        table = queries.run_sql(store.con, sql, params, store.path)
        events = not (args.sql or args.agg)
        if (
            events
            and args.format == "table"
            and not explicit_limit
            and len(table.rows) > TABLE_DEFAULT_LIMIT
        ):
            table.rows = table.rows[:TABLE_DEFAULT_LIMIT]
            print(
                f"lagebild: showing the first {TABLE_DEFAULT_LIMIT} events; "
                "pass --limit N or another --format for more",
                file=sys.stderr,
            )
        return _emit(store, args, table, "events" if events else None)


def _with_limit(flt: Any, limit: int | None) -> Any:
    """The filter with another limit."""
    from dataclasses import replace

    return replace(flt, limit=limit)


def _copy_parquet(store: Any, sql: str, params: list[Any], output: str) -> None:
    """Write a query result to one Parquet file."""
    import duckdb

    try:
        store.con.execute(f"COPY ({sql}) TO ? (FORMAT PARQUET)", [*params, output])
    except duckdb.Error as exc:
        raise StoreError(f"could not write Parquet: {exc}", output) from exc
    print(f"lagebild: wrote {output}", file=sys.stderr)


@contextmanager
def _output(path: str | None) -> Iterator[TextIO]:
    """stdout or the -o file."""
    if not path:
        yield sys.stdout
        return
    if not Path(path).resolve().parent.is_dir():
        raise StoreError("the folder does not exist", path, "create it first")
    with open(path, "w", encoding="utf-8", newline="") as handle:
        yield handle


def _emit(store: Any, args: argparse.Namespace, table: Any, kind: str | None) -> int:
    """Print a result in the chosen format."""
    from lagebild.store.queries import row_to_record

    with _output(args.output) as out:
        if args.format == "jsonl":
            for row in table.dicts():
                record = row_to_record(row) if kind == "events" else row
                out.write(json.dumps(record, ensure_ascii=False, default=_json_value) + "\n")
        elif args.format == "csv":
            writer = csv.writer(out)
            writer.writerow(table.columns)
            writer.writerows(table.rows)
        else:
            columns = list(TABLE_COLUMNS) if kind == "events" else table.columns
            rows = [[row[c] for c in columns] for row in table.dicts()]
            out.write(format_table(columns, rows))
    return 0


def _json_value(value: Any) -> Any:
    """Dates and other non-JSON values as strings."""
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return str(value)


def format_table(columns: list[str], rows: list[list[Any]], max_width: int = 60) -> str:
    """Rows as an aligned plain-text table; long cells are cut with an ellipsis."""

    def cell(value: Any) -> str:
        text = "" if value is None else (f"{value:g}" if isinstance(value, float) else str(value))
        text = " ".join(text.split())
        return text if len(text) <= max_width else text[: max_width - 1] + "…"

    cells = [[cell(v) for v in row] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    lines = [
        "  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip(),
        "  ".join("-" * w for w in widths),
    ]
    lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip() for r in cells]
    if not rows:
        lines.append("(no rows)")
    return "\n".join(lines) + "\n"
