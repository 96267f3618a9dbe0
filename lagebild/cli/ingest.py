"""`lagebild ingest`: code articles into the event store, incrementally and crash-safely."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from lagebild.cli.options import (
    EXIT_OK,
    EXIT_SKIPPED,
    EXIT_USAGE,
    UsageError,
    add_coding_options,
    add_inputs_option,
    coding_options,
    progress_bar,
)
from lagebild.cli.store import add_db_argument, new_parser
from lagebild.ingest import iter_articles

DESCRIPTION = """\
Read news articles (same inputs as `lagebild extract`), code them and store articles,
events, actor mentions and quotes in an embedded DuckDB file.

Ingesting is incremental: an article already stored with the same id, the same text and
the same lagebild version is skipped without coding; a changed text or a new lagebild
version re-codes it and replaces its rows. Articles are committed in small batches, so a
crash or Ctrl-C leaves a consistent store and the next run carries on where it stopped.
Only one process can write to a store at a time; a second one fails with a clear message
(or waits with --wait).

exit codes: 0 all inputs stored, 1 usage or store error, 2 some inputs were skipped
"""

EPILOG = """\
examples:
  lagebild ingest examples/ --db news.duckdb
  lagebild ingest feed.jsonl --date 2022-01-21 --progress
  LAGEBILD_DB=news.duckdb lagebild ingest new-articles/
"""


def register(subparsers: Any) -> None:
    """Add the `ingest` command to the `lagebild` parser."""
    parser = new_parser(
        subparsers, "ingest", "code articles into the event store (DuckDB)", DESCRIPTION, EPILOG
    )
    add_inputs_option(parser)
    add_db_argument(parser)
    parser.add_argument(
        "--force", action="store_true", help="re-code every article, even unchanged ones"
    )
    parser.add_argument(
        "--batch-size",
        type=int,
        default=128,
        metavar="N",
        help="articles per transaction (default 128; a batch is also "
        "written when its first article waited 2 seconds)",
    )
    parser.add_argument(
        "--wait",
        type=float,
        default=0.0,
        metavar="SECONDS",
        help="wait up to SECONDS for another process to release the store",
    )
    add_coding_options(parser)
    parser.set_defaults(func=run_ingest)


def run_ingest(args: argparse.Namespace) -> int:
    """Run `lagebild ingest`; returns the exit code."""
    from lagebild.pipeline import Pipeline
    from lagebild.store import EventStore, IngestSettings, default_db_path, ingest_articles

    try:
        extract_options, ingest_options = coding_options(args)
        if args.batch_size < 1:
            raise UsageError(f"--batch-size expects a positive number, got {args.batch_size}")
    except UsageError as exc:
        print(f"lagebild: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    settings = IngestSettings(
        force=args.force,
        batch_size=args.batch_size,
        inputs=tuple(args.inputs),
        options={
            "lang": args.lang,
            "date": args.date,
            "actors": list(args.actors),
            "min_confidence": extract_options.min_confidence,
            "keep_modal": not args.no_modal,
            "max_mb": float(args.max_mb),  # checked by coding_options
            "force": args.force,
        },
    )
    db = args.db or default_db_path()
    if not args.inputs:
        with EventStore(db, wait=args.wait) as store:
            counts = store.counts()
        print(
            f"lagebild: {db}: no INPUT given; the store is ready ({counts['articles']} "
            f"articles, {counts['events']} events)",
            file=sys.stderr,
        )
        return EXIT_OK
    pipeline = Pipeline(extract_options)
    show_progress = bool(args.progress or sys.stderr.isatty())
    with EventStore(db, wait=args.wait) as store, progress_bar(show_progress) as bar:

        def on_article(summary: Any) -> None:
            bar.update(1)
            bar.set_postfix(
                new=summary.articles_new,
                skipped=summary.articles_skipped,
                events=summary.events_written,
                refresh=False,
            )

        summary = ingest_articles(
            store,
            iter_articles(args.inputs, ingest_options),
            pipeline.process,
            settings,
            on_article=on_article,
        )
    for warning in summary.warnings:
        print(f"lagebild: warning: {warning}", file=sys.stderr)
    for problem in summary.problems:
        print(f"lagebild: skipped {problem}", file=sys.stderr)
    print(f"lagebild: {db}: {summary.describe()}", file=sys.stderr)
    if summary.inputs_skipped or summary.articles_failed:
        return EXIT_SKIPPED
    return EXIT_OK
