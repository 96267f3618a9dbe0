"""Options and plumbing shared by the commands that read and code articles.

`extract`, `quotes`, `actors`, `ingest` and `scale` take the same inputs and coding options;
they are declared, checked and turned into pipeline options here, once.
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

from lagebild.ingest import IngestOptions
from lagebild.lang import available_languages
from lagebild.pipeline import ExtractOptions

EXIT_OK = 0
EXIT_USAGE = 1
EXIT_SKIPPED = 2


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


def silence_stdout() -> None:
    """Point stdout at /dev/null so that Python's final flush does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        pass


def add_coding_options(parser: argparse.ArgumentParser) -> None:
    """The options of every command that codes events: --date, --lang, --actors,
    --min-confidence, --no-modal, --max-mb and --progress (read by `coding_options`)."""
    add_date_option(parser)
    add_lang_option(parser)
    add_actors_option(parser)
    add_event_filter_options(parser)
    add_max_mb_option(parser)
    add_progress_option(parser)
