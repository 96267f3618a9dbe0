"""`lagebild extract`: code articles from files, folders or stdin into event records.

Thin layer: it checks the options, then feeds `lagebild.ingest.iter_articles` into
`Pipeline.process` and the coded events into a writer of `lagebild.output`. Bad inputs are
reported on stderr and skipped; the run goes on (exit code 2 when anything was skipped).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from lagebild.cli.options import (
    EXIT_OK,
    EXIT_SKIPPED,
    EXIT_USAGE,
    RunCounts,
    UsageError,
    add_coding_options,
    add_inputs_option,
    coding_options,
    open_output,
    progress_bar,
    silence_stdout,
)
from lagebild.ingest import STDIN, IngestOptions, InputProblem, iter_articles
from lagebild.output import FORMATS, open_writer
from lagebild.pipeline import ExtractOptions, Pipeline, code_or_reason
from lagebild.schema import Article

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
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write to FILE (atomically: complete or not at all) instead of stdout",
    )
    add_coding_options(parser)
    parser.set_defaults(func=run_extract)


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


def code_article(pipeline: Pipeline, article: Article) -> tuple[list[dict[str, Any]], str]:
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
        silence_stdout()
        return EXIT_OK
    return _finish(args, counts)


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
            records, why_skipped = code_article(pipeline, item)
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
