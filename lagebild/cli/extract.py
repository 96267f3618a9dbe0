"""`lagebild extract`: code articles from files, folders or stdin into event records.

Thin layer: it checks the options, then feeds `lagebild.ingest.iter_articles` into
`Pipeline.process` and the coded events into a writer of `lagebild.output`. Bad inputs are
reported on stderr and skipped; the run goes on (exit code 2 when anything was skipped).
"""

from __future__ import annotations

import argparse
import io
import os
import re
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, TextIO, cast

from lagebild.ingest import STDIN, IngestOptions, InputProblem, iter_articles
from lagebild.lang import available_languages
from lagebild.output import FORMATS, open_writer
from lagebild.pipeline import ExtractOptions, Pipeline, code_or_reason
from lagebild.schema import Article

EXIT_OK = 0
EXIT_USAGE = 1
EXIT_SKIPPED = 2

DESCRIPTION = """\
Read news articles and write the political events found in them, one record per event.

INPUT is a .txt file, an .html/.htm page (main text, title and date are extracted), a
.jsonl file (one article a line: "id", "text" or "html", optional "date", "lang", "title",
"url", "source"), a folder (searched recursively for such files), or - for stdin.
Inputs that cannot be read are reported on stderr and skipped; the rest is coded.

exit codes: 0 all inputs coded, 1 usage error, 2 some inputs were skipped
"""

EPILOG = """\
examples:
  lagebild extract article.txt --date 2022-01-21 --format table
  lagebild extract news/ -o events.jsonl
  lagebild extract feed.jsonl --format csv -o events.csv --lang de
  cat article.txt | lagebild extract - --date 2022-01-21
"""


class UsageError(Exception):
    """A bad command line: the message says what was expected."""


@dataclass(slots=True)
class RunCounts:
    """What a run saw: inputs read or skipped, warnings, events written."""

    inputs: int = 0
    skipped: int = 0
    warnings: int = 0
    events: int = 0


def add_inputs_option(parser: argparse.ArgumentParser, stdin: bool = True) -> None:
    """The INPUT arguments every reading command takes (`stdin`: also "-")."""
    parser.add_argument(
        "inputs",
        nargs="*",
        metavar="INPUT",
        help="file (.txt, .html, .htm, .jsonl) or folder" + (", or - for stdin" if stdin else ""),
    )


def add_lang_option(parser: argparse.ArgumentParser) -> None:
    """--lang: detect per article, or force a language pack."""
    parser.add_argument(
        "--lang",
        default="auto",
        metavar="LANG",
        help="auto (detect per article, default) or a language code to force",
    )


def add_actors_option(parser: argparse.ArgumentParser) -> None:
    """--actors: user dictionaries that add to or override the built-in knowledge."""
    parser.add_argument(
        "--actors",
        action="append",
        default=[],
        metavar="FILE.yaml",
        help="user dictionary of actors that adds to or overrides the built-in "
        "knowledge (repeatable; schema in the README)",
    )


def register(subparsers: Any) -> None:
    """Add the `extract` command to the `lagebild` parser."""
    parser = subparsers.add_parser(
        "extract",
        help="code articles into event records (JSONL, CSV or a table)",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_inputs_option(parser)
    parser.add_argument(
        "--format",
        default="jsonl",
        metavar="FORMAT",
        help=f"output format: {', '.join(FORMATS)} (default: jsonl)",
    )
    add_date_option(parser)
    add_lang_option(parser)
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write to FILE (atomically: complete or not at all) instead of stdout",
    )
    add_actors_option(parser)
    add_event_filter_options(parser)
    add_max_mb_option(parser)
    add_progress_option(parser)
    parser.set_defaults(func=run_extract)


def add_date_option(parser: argparse.ArgumentParser) -> None:
    """--date: the publication date of inputs that carry none."""
    parser.add_argument(
        "--date", metavar="YYYY-MM-DD", help="publication date of articles whose input carries none"
    )


def add_event_filter_options(parser: argparse.ArgumentParser) -> None:
    """--min-confidence and --no-modal: which coded events are kept."""
    parser.add_argument(
        "--min-confidence",
        default="0",
        metavar="X",
        help="drop events with a confidence below X (0..1, default 0)",
    )
    parser.add_argument(
        "--no-modal",
        action="store_true",
        help="drop negated and hypothetical events instead of flagging them",
    )


def add_max_mb_option(parser: argparse.ArgumentParser) -> None:
    """--max-mb: the size above which an article is skipped."""
    parser.add_argument(
        "--max-mb",
        default="20",
        metavar="N",
        help="skip articles bigger than N megabytes (default 20)",
    )


def add_progress_option(parser: argparse.ArgumentParser) -> None:
    """--progress: a progress bar even when stderr is no terminal."""
    parser.add_argument(
        "--progress",
        action="store_true",
        help="show a progress bar on stderr (default: only on a terminal)",
    )


def parse_date_option(value: str | None) -> date | None:
    """--date: YYYY-MM-DD or nothing."""
    if value is None:
        return None
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        raise UsageError(f"--date expects a date as YYYY-MM-DD (e.g. 2022-01-21), got {value!r}")
    try:
        return date.fromisoformat(value.strip())
    except ValueError as exc:
        raise UsageError(f"--date {value!r} is not a valid date ({exc})") from exc


def parse_number_option(name: str, value: str, low: float, high: float | None) -> float:
    """A numeric option within [low, high]."""
    try:
        number = float(value)
    except ValueError:
        number = float("nan")
    if not (number >= low and (high is None or number <= high)):
        bound = f"between {low:g} and {high:g}" if high is not None else f"at least {low:g}"
        raise UsageError(f"{name} expects a number {bound}, got {value!r}")
    return number


def coding_options(args: argparse.Namespace) -> tuple[ExtractOptions, IngestOptions]:
    """Check the options every coding command shares (--lang, --date, --min-confidence,
    --no-modal, --max-mb, --actors) and turn them into pipeline and ingestion options."""
    languages = ("auto", *available_languages())
    if args.lang not in languages:
        raise UsageError(f"--lang expects one of {', '.join(languages)}, got {args.lang!r}")
    default_date = parse_date_option(args.date)
    min_confidence = parse_number_option("--min-confidence", args.min_confidence, 0.0, 1.0)
    max_mb = parse_number_option("--max-mb", args.max_mb, 0.001, None)
    missing_actors = [f for f in args.actors if not Path(f).is_file()]
    if missing_actors:
        raise UsageError(f"--actors file not found: {', '.join(missing_actors)}")
    extract = ExtractOptions(
        lang=args.lang,
        default_date=default_date,
        actor_files=tuple(Path(f) for f in args.actors),
        keep_modal=not args.no_modal,
        min_confidence=min_confidence,
    )
    ingest = IngestOptions(
        default_date=default_date, lang=args.lang, max_bytes=int(max_mb * 1024 * 1024)
    )
    return extract, ingest


def build_options(args: argparse.Namespace) -> tuple[ExtractOptions, IngestOptions]:
    """Check the command line of `extract` and `quotes` and turn it into pipeline and
    ingestion options."""
    if args.format not in FORMATS:
        raise UsageError(f"--format expects one of {', '.join(FORMATS)}, got {args.format!r}")
    extract, ingest = coding_options(args)
    if not args.inputs:
        raise UsageError(
            "no INPUT given: name files, folders, or - for stdin (see lagebild extract --help)"
        )
    if args.output and not Path(args.output).resolve().parent.is_dir():
        raise UsageError(f"-o {args.output}: its folder does not exist")
    paths = [i for i in args.inputs if i != STDIN]
    if paths and len(paths) == len(args.inputs) and not any(Path(p).exists() for p in paths):
        raise UsageError(f"no such file or directory: {', '.join(paths)}")
    return extract, ingest


@contextmanager
def open_output(path: str | None) -> Iterator[TextIO]:
    """stdout, or a temp file beside `path` renamed over it only when the run completed."""
    if path is None:
        yield sys.stdout
        return
    target = Path(path)
    handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed or removed below
        mode="w",
        encoding="utf-8",
        newline="",
        dir=target.resolve().parent,
        prefix=f".{target.name}.",
        suffix=".tmp",
        delete=False,
    )
    try:
        yield cast(TextIO, handle)
        handle.flush()
        os.fsync(handle.fileno())
        handle.close()
        os.replace(handle.name, target)
    except BaseException:
        handle.close()
        Path(handle.name).unlink(missing_ok=True)
        raise


def progress_bar(enabled: bool) -> Any:
    """A tqdm bar of articles on stderr (disabled unless asked for or on a terminal)."""
    from tqdm import tqdm

    return tqdm(
        unit=" articles", file=sys.stderr, disable=not enabled, leave=False, dynamic_ncols=True
    )


def _code_article(pipeline: Pipeline, article: Article) -> tuple[list[dict[str, Any]], str]:
    """The event records of one article, or ([], why it was skipped)."""
    coded, why_skipped = code_or_reason(pipeline, article)
    if coded is None:
        return [], why_skipped
    return [event.to_record() for event in coded.events], ""


def run_extract(args: argparse.Namespace) -> int:
    """Run `lagebild extract`; returns the exit code."""
    try:
        extract_options, ingest_options = build_options(args)
    except UsageError as exc:
        print(f"lagebild: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    counts = RunCounts()
    try:
        _run(args, Pipeline(extract_options), ingest_options, counts)
    except BrokenPipeError:
        # the reader of stdout went away (`lagebild extract ... | head`): stop quietly
        _silence_stdout()
        return EXIT_OK
    return _finish(args, counts)


def _silence_stdout() -> None:
    """Point stdout at /dev/null so that Python's final flush does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        pass


def _run(
    args: argparse.Namespace,
    pipeline: Pipeline,
    ingest_options: IngestOptions,
    counts: RunCounts,
) -> None:
    """Read, code and write every input, reporting problems on stderr as they come."""
    show_progress = bool(args.progress or sys.stderr.isatty())
    with open_output(args.output) as stream, progress_bar(show_progress) as bar:

        def report(message: str) -> None:
            bar.write(f"lagebild: {message}", file=sys.stderr)

        writer = open_writer(args.format, stream)
        for item in iter_articles(args.inputs, ingest_options):
            if isinstance(item, InputProblem):
                if item.skipped:
                    counts.inputs += 1
                    counts.skipped += 1
                    report(f"skipped {item}")
                else:
                    counts.warnings += 1
                    report(f"warning: {item}")
                continue
            counts.inputs += 1
            bar.update(1)
            records, why_skipped = _code_article(pipeline, item)
            if why_skipped:
                counts.skipped += 1
                report(f"skipped {why_skipped}")
            for record in records:
                writer.write(record)
            counts.events += len(records)
        writer.finish()


def _finish(args: argparse.Namespace, counts: RunCounts) -> int:
    if args.output:
        coded = counts.inputs - counts.skipped
        print(
            f"lagebild: wrote {counts.events} events from {coded} articles to {args.output}",
            file=sys.stderr,
        )
    if counts.skipped:
        print(f"lagebild: {counts.skipped} of {counts.inputs} inputs skipped", file=sys.stderr)
        return EXIT_SKIPPED
    return EXIT_OK
