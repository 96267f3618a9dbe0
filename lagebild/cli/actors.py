"""`lagebild actors`: list the actor mentions found in texts, to inspect the gazetteer."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from lagebild.errors import InputError
from lagebild.schema import Mention

COLUMNS = (
    "text",
    "start",
    "end",
    "kind",
    "entry",
    "role",
    "name",
    "country",
    "org",
    "sector",
    "code",
)


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the `actors` subcommand."""
    parser = subparsers.add_parser(
        "actors",
        help="list the actor mentions found in texts",
        description=(
            "Find every actor mention (countries, demonyms, capitals standing for governments, "
            "organisations, armed groups, institutions, people, role nouns) in plain-text files "
            "and print it with the actor it resolves to as of --date."
        ),
    )
    parser.add_argument(
        "inputs", nargs="+", metavar="INPUT", help="plain-text files, or - for standard input"
    )
    parser.add_argument(
        "--date",
        type=_iso_date,
        default=None,
        help="date the roles of people are resolved for (YYYY-MM-DD; "
        "default: each person's latest role)",
    )
    parser.add_argument(
        "--lang", choices=("de", "en"), default="de", help="language of the texts (default: de)"
    )
    parser.add_argument(
        "--format",
        choices=("jsonl", "table"),
        default="table",
        help="one JSON object a line, or an aligned table (default)",
    )
    parser.add_argument(
        "--actors",
        type=Path,
        action="append",
        default=[],
        metavar="YAML",
        help="user dictionary of actors (repeatable; see lagebild.knowledge)",
    )
    parser.set_defaults(func=run)


def _iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date YYYY-MM-DD: {value!r}") from exc


def read_texts(inputs: list[str]) -> Iterator[tuple[str, str]]:
    """(name, text) of each input: a UTF-8 text file, or standard input for '-'."""
    for name in inputs:
        if name == "-":
            yield "<stdin>", sys.stdin.read()
            continue
        try:
            yield name, Path(name).read_text(encoding="utf-8")
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror or exc}", name, "check the path") from exc
        except UnicodeDecodeError as exc:
            raise InputError("not UTF-8 text", name, "convert it to UTF-8") from exc


def mention_row(mention: Mention) -> dict[str, object]:
    """The printed fields of one mention."""
    actor = mention.actor
    return {
        "text": mention.text,
        "start": mention.start,
        "end": mention.end,
        "kind": mention.kind,
        "entry": mention.entry,
        "role": mention.role,
        "name": actor.name,
        "country": actor.country,
        "org": actor.org,
        "sector": actor.sector,
        "code": actor.code,
        "attributive": mention.attributive,
    }


def run(args: argparse.Namespace) -> int:
    """Print the mentions of every input."""
    from lagebild.actors import load_gazetteer

    gazetteer = load_gazetteer(tuple(args.actors))
    out = sys.stdout
    for name, text in read_texts(args.inputs):
        rows = [mention_row(m) for m in gazetteer.find(text, args.lang, args.date)]
        if args.format == "jsonl":
            for row in rows:
                out.write(json.dumps({"input": name, **row}, ensure_ascii=False) + "\n")
            continue
        out.write(f"# {name}\n")
        table = [list(COLUMNS)] + [
            ["" if r[c] is None else str(r[c]) for c in COLUMNS] for r in rows
        ]
        widths = [max(len(cells[i]) for cells in table) for i in range(len(COLUMNS))]
        for cells in table:
            out.write(
                "  ".join(cell.ljust(w) for cell, w in zip(cells, widths, strict=True)).rstrip()
                + "\n"
            )
    return 0
