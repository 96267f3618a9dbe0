"""`lagebild actors`: list the actor mentions found in texts, to inspect and extend the gazetteer.

Reads inputs like `lagebild extract` (txt, HTML, JSONL, folders, stdin) through
`lagebild.ingest.iter_articles`, cleans and language-identifies each article the way the coder
does, and prints every mention with the actor it resolves to. Bad inputs are reported on
stderr and skipped (exit code 2); a bad option or user dictionary is a usage error (exit 1).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from lagebild.cli.options import (
    EXIT_OK,
    EXIT_SKIPPED,
    EXIT_USAGE,
    RunCounts,
    UsageError,
    add_actors_option,
    add_inputs_option,
    add_lang_option,
    parse_date_option,
    silence_stdout,
)
from lagebild.errors import DataError, InputError, UnsupportedLanguageError
from lagebild.ingest import STDIN, IngestOptions, InputProblem, iter_articles
from lagebild.lang import available_languages
from lagebild.schema import Article, Mention

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

DESCRIPTION = """\
Find every actor mention (countries, demonyms, capitals and seats of power standing for
governments, organisations, armed groups, institutions, people, role nouns) and print it with
the actor it resolves to: name, country, org, sector, code, and which knowledge entry and
dated role matched. Use it to debug the coding and to write user dictionaries (--actors).

INPUT is a .txt file, an .html/.htm page, a .jsonl file (one article a line), a folder, or -
for stdin, exactly as for `lagebild extract`. People are resolved as of each article's date
(or --date); without any date, each person's latest role applies.

exit codes: 0 all inputs read, 1 usage error, 2 some inputs were skipped
"""

EPILOG = """\
examples:
  lagebild actors article.txt --date 2022-01-21
  lagebild actors news/ --format jsonl --lang de
  echo "Lawrow traf Blinken." | lagebild actors - --date 2022-01-21 --actors mine.yaml
"""


def register(subparsers: Any) -> None:
    """Add the `actors` subcommand."""
    parser = subparsers.add_parser(
        "actors",
        help="list the actor mentions found in texts (to debug and extend the dictionaries)",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_inputs_option(parser)
    parser.add_argument(
        "--date",
        metavar="YYYY-MM-DD",
        help="date of articles whose input carries none (people's roles are "
        "resolved for it; default: each person's latest role)",
    )
    add_lang_option(parser)
    parser.add_argument(
        "--format",
        choices=("jsonl", "table"),
        default="table",
        help="one JSON object a line, or an aligned table (default)",
    )
    add_actors_option(parser)
    parser.set_defaults(func=run)


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


def article_mentions(
    article: Article, lang_option: str, actor_files: tuple[Path, ...] = ()
) -> tuple[str, list[Mention]]:
    """The language and the actor mentions of one article, cleaned as the coder cleans it."""
    from lagebild.actors import load_gazetteer
    from lagebild.clean import clean_text
    from lagebild.coder import resolve_language
    from lagebild.pipeline import ExtractOptions

    text = clean_text(article.text)
    lang = resolve_language(article, ExtractOptions(lang=lang_option), text)
    return lang, load_gazetteer(actor_files).find(text, lang, article.date)


def _check_options(args: argparse.Namespace) -> tuple[IngestOptions, tuple[Path, ...]]:
    languages = ("auto", *available_languages())
    if args.lang not in languages:
        raise UsageError(f"--lang expects one of {', '.join(languages)}, got {args.lang!r}")
    default_date = parse_date_option(args.date)
    if not args.inputs:
        raise UsageError(
            "no INPUT given: name files, folders, or - for stdin (see lagebild actors --help)"
        )
    missing = [f for f in args.actors if not Path(f).is_file()]
    if missing:
        raise UsageError(f"--actors file not found: {', '.join(missing)}")
    paths = [i for i in args.inputs if i != STDIN]
    if paths and len(paths) == len(args.inputs) and not any(Path(p).exists() for p in paths):
        raise UsageError(f"no such file or directory: {', '.join(paths)}")
    actor_files = tuple(Path(f) for f in args.actors)
    from lagebild.actors import load_gazetteer

    try:
        load_gazetteer(actor_files)
    except DataError as exc:
        raise UsageError(f"--actors: {exc}") from exc
    return IngestOptions(default_date=default_date, lang=args.lang), actor_files


def run(args: argparse.Namespace) -> int:
    """Print the mentions of every input; returns the exit code."""
    try:
        ingest_options, actor_files = _check_options(args)
    except UsageError as exc:
        print(f"lagebild: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    counts = RunCounts()
    try:
        for article, lang, mentions in _read(args, ingest_options, actor_files, counts):
            _write(sys.stdout, args.format, article, lang, [mention_row(m) for m in mentions])
    except BrokenPipeError:  # `lagebild actors ... | head`: the reader went away
        silence_stdout()
        return EXIT_OK
    if counts.skipped:
        print(f"lagebild: {counts.skipped} of {counts.inputs} inputs skipped", file=sys.stderr)
        return EXIT_SKIPPED
    return EXIT_OK


def _read(
    args: argparse.Namespace,
    options: IngestOptions,
    actor_files: tuple[Path, ...],
    counts: RunCounts,
) -> Iterator[tuple[Article, str, list[Mention]]]:
    """Every readable article with its mentions; problems go to stderr as they come."""
    for item in iter_articles(args.inputs, options):
        counts.inputs += item.skipped if isinstance(item, InputProblem) else 1
        if isinstance(item, InputProblem):
            counts.skipped += item.skipped
            print(f"lagebild: {'skipped' if item.skipped else 'warning:'} {item}", file=sys.stderr)
            continue
        try:
            lang, mentions = article_mentions(item, args.lang, actor_files)
        except (UnsupportedLanguageError, InputError) as exc:
            counts.skipped += 1
            where = item.origin or item.id
            print(
                f"lagebild: skipped {where}: {exc} (pass --lang to force a language)",
                file=sys.stderr,
            )
            continue
        yield item, lang, mentions


def _write(
    out: TextIO, fmt: str, article: Article, lang: str, rows: list[dict[str, object]]
) -> None:
    if fmt == "jsonl":
        for row in rows:
            out.write(
                json.dumps({"article_id": article.id, "language": lang, **row}, ensure_ascii=False)
                + "\n"
            )
        return
    date = article.date.isoformat() if article.date else "no date"
    out.write(f"# {article.origin or article.id} ({lang}, {date})\n")
    table = [list(COLUMNS)] + [["" if r[c] is None else str(r[c]) for c in COLUMNS] for r in rows]
    widths = [max(len(cells[i]) for cells in table) for i in range(len(COLUMNS))]
    for cells in table:
        out.write(
            "  ".join(cell.ljust(w) for cell, w in zip(cells, widths, strict=True)).rstrip() + "\n"
        )
