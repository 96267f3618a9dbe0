"""The `lagebild` command: a thin layer that parses options and calls library functions.

Each subcommand lives in its own module with `register(subparsers)`; the module sets
`func` on its parser to a callable `(args) -> int` that returns the exit code.
Exit codes: 0 all well, 1 usage error, 2 some inputs were skipped.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from lagebild import __version__
from lagebild.errors import LagebildError

#: subcommand modules, in the order `lagebild --help` lists them
COMMAND_MODULES: tuple[str, ...] = (
    "extract",
    "actors",
    "quotes",
    "eval",
    "ingest",
    "scale",
    "query",
    "export",
    "report",
    "serve",
)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand registered."""
    parser = argparse.ArgumentParser(
        prog="lagebild",
        description="Turn German and English news into PLOVER/CAMEO political event data.",
    )
    parser.add_argument("--version", action="version", version=f"lagebild {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(f"lagebild.cli.{name}").register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the console script."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse uses 2 for usage errors; ours is 1 (2 = inputs skipped)
        return 1 if exc.code == 2 else int(exc.code or 0)
    if not getattr(args, "func", None):
        parser.print_help()
        return 1
    try:
        return int(args.func(args))
    except LagebildError as exc:
        print(f"lagebild: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("lagebild: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
