"""`lagebild report`: an offline HTML report of the filtered events, or a timeline PNG."""

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

DESCRIPTION = f"""\
Make a self-contained HTML report of the events in the store that works offline (inline
CSS and SVG, no scripts): a timeline of events by quad class, the top dyads, an actor
network with cooperation (green) and conflict (red) edges, and the top events with their
evidence sentences, trigger highlighted. With -o FILE.png it writes the timeline as an
image instead (needs matplotlib: pip install 'lagebild[report]').

{FILTER_HELP}"""

EPILOG = """\
examples:
  lagebild report -o report.html
  lagebild report --from 2022-01-01 --to 2022-02-28 --actor RUS -o crisis.html
  lagebild report --period week -o timeline.png
"""


def register(subparsers: Any) -> None:
    """Add the `report` command to the `lagebild` parser."""
    parser = new_parser(
        subparsers, "report", "write an offline HTML report or timeline PNG", DESCRIPTION, EPILOG
    )
    add_db_argument(parser)
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="FILE",
        help="report.html (full report) or report.png (timeline)",
    )
    parser.add_argument("--title", default="lagebild report", help="heading of the report")
    parser.add_argument(
        "--period",
        choices=("day", "week", "month"),
        help="bars of the timeline (default: by the span of the data)",
    )
    parser.add_argument(
        "--top", type=int, default=25, metavar="N", help="how many top events to list (default 25)"
    )
    add_filter_arguments(parser, limit=False)
    parser.set_defaults(func=run_report)


def run_report(args: argparse.Namespace) -> int:
    """Run `lagebild report`; returns the exit code."""
    from lagebild.store import EventStore, default_db_path
    from lagebild.store.report import ReportOptions, write_report

    flt = filter_from_args(args)
    options = ReportOptions(title=args.title, period=args.period, top_events=args.top)
    with EventStore(args.db or default_db_path(), read_only=True) as store:
        data = write_report(store.con, args.output, flt, options)
    print(
        f"lagebild: wrote {args.output} ({data.totals.get('events', 0)} events, "
        f"{data.totals.get('articles', 0)} articles)",
        file=sys.stderr,
    )
    return 0
