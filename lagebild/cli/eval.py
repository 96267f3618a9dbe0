"""`lagebild eval`: score the coder against gold sets (precision, recall, F1 per type).

Thin layer over `lagebild.evaluate`: load the gold files, run one Pipeline over every item,
print a table or JSON. A bad gold file is a DataError (file and line); the CLI exits 1.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from lagebild.evaluate import GoldItem, evaluate, format_errors, format_table, load_gold

DESCRIPTION = """\
Run the coder over hand-coded gold sets and report precision, recall and F1.

Each GOLD file is JSONL with one item a line: "id", "lang", "date", "text", "events"
(each with "type", "source", "target" as country or organisation codes, optional "cameo",
"negated", "hypothetical") and "phenomena". Events match on (type, source, target);
CONSULT, AGREE and COOPERATE in either direction; negated and hypothetical events are
left out on both sides. See tests/data/gold/README.md for the coding conventions.
"""

EPILOG = """\
examples:
  lagebild eval tests/data/gold/de.jsonl tests/data/gold/en.jsonl
  lagebild eval tests/data/gold/de.jsonl --by phenomenon
  lagebild eval tests/data/gold/en.jsonl --errors
  lagebild eval tests/data/gold/*.jsonl --format json
"""


def register(subparsers: Any) -> None:
    """Add the `eval` command to the `lagebild` parser."""
    parser = subparsers.add_parser(
        "eval",
        help="score the coder against gold sets (precision, recall, F1)",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "gold", nargs="+", type=Path, metavar="GOLD", help="gold set file (.jsonl), one item a line"
    )
    parser.add_argument(
        "--by",
        choices=("type", "phenomenon", "language"),
        default="type",
        help="rows of the table (default: type)",
    )
    parser.add_argument(
        "--errors",
        action="store_true",
        help="also list every item with a missing or spurious event",
    )
    parser.add_argument(
        "--format",
        choices=("table", "json"),
        default="table",
        help="output format (default: table)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Load the gold files, evaluate, print the report; 0 when the evaluation ran."""
    from lagebild.pipeline import ExtractOptions, Pipeline

    items: list[GoldItem] = []
    for path in args.gold:
        items.extend(load_gold(path))
    report = evaluate(items, Pipeline(ExtractOptions()))
    if args.format == "json":
        json.dump(report.to_dict(with_items=args.errors), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    print(format_table(report, by=args.by))
    if args.errors:
        listing = format_errors(report)
        if listing:
            print()
            print(listing)
    return 0
