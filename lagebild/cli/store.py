"""Options shared by the store commands (`ingest`, `query`, `export`, `report`).

Not a command itself: the command modules call `add_db_argument`, `add_filter_arguments`
and `filter_from_args` so every command spells --db and the filters the same way.
"""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from lagebild.store.connection import DEFAULT_DB
from lagebild.store.errors import StoreError
from lagebild.store.filters import PLOVER_TYPES, EventFilter

FILTER_HELP = """\
filters (combined with AND; negated and hypothetical events are left out unless
--include-modal): --from/--to select by event date (the article date when the event has
none); --actor, --source and --target take a country (RUS), organisation (NATO), full code
(RUSMIL) or canonical name, and are repeatable; --dyad A,B selects events between A and B
in either direction.
"""


def add_db_argument(parser: argparse.ArgumentParser) -> None:
    """--db PATH, defaulting to $LAGEBILD_DB or ./lagebild.duckdb."""
    parser.add_argument(
        "--db",
        metavar="PATH",
        default=None,
        help=f"the store file (default: $LAGEBILD_DB or ./{DEFAULT_DB})",
    )


def add_filter_arguments(parser: argparse.ArgumentParser, *, limit: bool = True) -> None:
    """The event filters of query, export and report."""
    group = parser.add_argument_group("filters")
    group.add_argument(
        "--from", dest="date_from", metavar="YYYY-MM-DD", help="first day (inclusive)"
    )
    group.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="last day (inclusive)")
    group.add_argument(
        "--actor",
        action="append",
        default=[],
        metavar="CODE",
        help="actor on either side: country, org, code or name (repeatable)",
    )
    group.add_argument(
        "--source",
        action="append",
        default=[],
        metavar="CODE",
        help="actor on the source side (repeatable)",
    )
    group.add_argument(
        "--target",
        action="append",
        default=[],
        metavar="CODE",
        help="actor on the target side (repeatable)",
    )
    group.add_argument("--dyad", metavar="A,B", help="events between A and B, either direction")
    group.add_argument(
        "--type",
        action="extend",
        nargs="+",
        default=[],
        metavar="TYPE",
        help="PLOVER event type(s), e.g. ASSAULT THREATEN",
    )
    group.add_argument(
        "--quad",
        action="extend",
        nargs="+",
        default=[],
        type=int,
        metavar="N",
        choices=(1, 2, 3, 4),
        help="quad class(es): 1 verbal coop., 2 material coop., "
        "3 verbal conflict, 4 material conflict",
    )
    group.add_argument(
        "--lang",
        dest="filter_lang",
        action="append",
        default=[],
        metavar="LANG",
        help="article language, e.g. de (repeatable)",
    )
    group.add_argument(
        "--text", metavar="WORDS", help="words that must all occur in the evidence sentence"
    )
    group.add_argument(
        "--min-confidence", type=float, metavar="X", help="only events with confidence >= X"
    )
    group.add_argument(
        "--include-modal", action="store_true", help="also negated and hypothetical events"
    )
    if limit:
        group.add_argument("--limit", type=int, metavar="N", help="at most N events")


def _day(option: str, value: str | None) -> date | None:
    """A --from/--to value as a date, or a StoreError saying how to write it."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError as exc:
        raise StoreError(f"{option} expects a date as YYYY-MM-DD, got {value!r}") from exc


def filter_from_args(args: argparse.Namespace) -> EventFilter:
    """The EventFilter the command line asks for; StoreError on bad values."""
    dyad = None
    if args.dyad:
        parts = [p.strip() for p in args.dyad.split(",") if p.strip()]
        if len(parts) != 2:
            raise StoreError(f"--dyad expects two actors as A,B, got {args.dyad!r}")
        dyad = (parts[0], parts[1])
    types = tuple(t.upper() for t in args.type)
    unknown = [t for t in types if t not in PLOVER_TYPES]
    if unknown:
        raise StoreError(
            f"--type: unknown event type(s) {', '.join(unknown)}",
            hint="use " + ", ".join(sorted(PLOVER_TYPES)),
        )
    return EventFilter(
        date_from=_day("--from", args.date_from),
        date_to=_day("--to", args.date_to),
        actors=tuple(args.actor),
        sources=tuple(args.source),
        targets=tuple(args.target),
        dyad=dyad,
        types=types,
        quads=tuple(args.quad),
        languages=tuple(args.filter_lang),
        text=args.text,
        min_confidence=args.min_confidence,
        include_modal=bool(args.include_modal),
        limit=getattr(args, "limit", None),
    )


def new_parser(
    subparsers: Any, name: str, help_text: str, description: str, epilog: str
) -> argparse.ArgumentParser:
    """A subcommand parser that keeps the layout of its description and examples."""
    return subparsers.add_parser(
        name,
        help=help_text,
        description=description,
        epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
