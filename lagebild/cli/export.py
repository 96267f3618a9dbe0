"""`lagebild export`: filtered events as Parquet, CSV, JSONL, GDELT-style or PLOVER-style."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from lagebild.cli.store import (
    FILTER_HELP,
    add_db_argument,
    add_filter_arguments,
    filter_from_args,
    new_parser,
)
from lagebild.store.exports import FORMATS

DESCRIPTION = f"""\
Write the filtered events of the store to files other tools read.

formats:
  parquet  a folder partitioned by year and month of the event date
           (PATH/year=2022/month=1/data_0.parquet), or one file if PATH ends in .parquet
  csv      every column of the events table, with a header
  jsonl    the event records of `lagebild extract` (actors as nested objects)
  gdelt    tab-separated, GDELT 2.0 event column names where lagebild has a counterpart
  plover   PLOVER-style JSON records (id, date, event, mode, context, source, target ...)
The column mappings are documented in docs/store.md. The store is opened read-only.

{FILTER_HELP}"""

EPILOG = """\
examples:
  lagebild export --format parquet -o events/
  lagebild export --format gdelt -o events.tsv --from 2022-01-01 --to 2022-01-31
  lagebild export --format jsonl -o rus-nato.jsonl --dyad RUS,NATO
"""


def register(subparsers: Any) -> None:
    """Add the `export` command to the `lagebild` parser."""
    parser = new_parser(
        subparsers,
        "export",
        "export events as Parquet, CSV, JSONL, GDELT or PLOVER",
        DESCRIPTION,
        EPILOG,
    )
    add_db_argument(parser)
    parser.add_argument("--format", required=True, choices=FORMATS, help="output format")
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="PATH",
        help="file to write (a new or empty folder for partitioned parquet)",
    )
    add_filter_arguments(parser)
    parser.set_defaults(func=run_export)


def run_export(args: argparse.Namespace) -> int:
    """Run `lagebild export`; returns the exit code."""
    from lagebild.store import EventStore, default_db_path
    from lagebild.store.exports import export_events

    flt = filter_from_args(args)
    with EventStore(args.db or default_db_path(), read_only=True) as store:
        count = export_events(store.con, args.output, args.format, flt)
    print(f"lagebild: wrote {count} events to {args.output} ({args.format})", file=sys.stderr)
    return 0
