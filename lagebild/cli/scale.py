"""`lagebild scale`: code articles on a Dask cluster into Parquet parts, then into a store.

Thin layer over `lagebild.scale`: it checks the options, opens the cluster, shows one
progress bar over all parts, reports bad inputs as they come and, with --db, loads the
parts into the event store the way `lagebild ingest` stores articles.
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
    UsageError,
    add_coding_options,
    add_inputs_option,
    coding_options,
    progress_bar,
)
from lagebild.cli.store import new_parser

DESCRIPTION = """\
Code articles (same inputs as `lagebild extract`, but no stdin) on a Dask cluster.

The inputs are split into partitions of about --part-size articles without reading them
(folders are listed, JSONL files cut into line ranges); each Dask task reads and codes its
partition and writes it as Parquet parts under --out: events/, articles/, actors/ and
quotes/ with the columns of the store's tables. A part is written under a temporary name
and renamed when complete, so a re-run after a crash or Ctrl-C skips the finished parts
and codes only the rest. Bad inputs are reported with file and line and skipped.
With --db the parts are then loaded into the event store (articles already stored with the
same text and lagebild version are skipped, as with `lagebild ingest`).

Needs Dask: pip install 'lagebild[dask]'. Workers of a remote cluster must have the same
lagebild installed and see the input files and the --out folder under the same paths.

exit codes: 0 all inputs coded, 1 usage, cluster or store error, 2 some inputs were skipped
"""

EPILOG = """\
examples:
  lagebild scale news/ --out parts/                       # LocalCluster, a worker per core
  lagebild scale feed.jsonl --cluster local:2 --out parts/ --db news.duckdb
  lagebild scale archive/ --cluster tcp://10.0.0.5:8786 --out /shared/parts --part-size 1000
  duckdb -c "SELECT type, count(*) FROM 'parts/events/*.parquet' GROUP BY type"
"""


def register(subparsers: Any) -> None:
    """Add the `scale` command to the `lagebild` parser."""
    parser = new_parser(
        subparsers,
        "scale",
        "code articles on a Dask cluster into Parquet parts (and a store)",
        DESCRIPTION,
        EPILOG,
    )
    add_inputs_option(parser, stdin=False)
    parser.add_argument(
        "--out", metavar="DIR", help="folder of the Parquet parts (created; required)"
    )
    parser.add_argument(
        "--cluster",
        default="local",
        metavar="SPEC",
        help="local (a worker process per core, default), local:N (N workers), "
        "or tcp://host:port of a running Dask scheduler",
    )
    parser.add_argument(
        "--part-size",
        default="500",
        metavar="N",
        help="articles per partition, i.e. per task and part (default 500)",
    )
    parser.add_argument(
        "--db",
        metavar="PATH",
        help="then load the parts into this event store (DuckDB file)",
    )
    parser.add_argument(
        "--restart",
        action="store_true",
        help="delete parts of an earlier run with other inputs or options in --out",
    )
    add_coding_options(parser)
    parser.set_defaults(func=run_scale)


def _check(args: argparse.Namespace) -> Any:
    """The ScaleOptions of the command line; UsageError when it is wrong."""
    from lagebild.scale import ScaleOptions, check_inputs, parse_cluster

    extract, ingest = coding_options(args)
    if not args.inputs:
        raise UsageError("no INPUT given: name files or folders (see lagebild scale --help)")
    if not args.out:
        raise UsageError("--out DIR is required: the folder the Parquet parts go to")
    if Path(args.out).exists() and not Path(args.out).is_dir():
        raise UsageError(f"--out {args.out}: is a file, not a folder")
    if not args.part_size.isdigit() or int(args.part_size) < 1:
        raise UsageError(f"--part-size expects a positive number, got {args.part_size!r}")
    # ScaleErrors (exit code 1) name the accepted cluster forms and what is wrong with INPUT
    parse_cluster(args.cluster)
    check_inputs(args.inputs)
    return ScaleOptions(
        Path(args.out),
        extract=extract,
        ingest=ingest,
        part_size=int(args.part_size),
        restart=args.restart,
    )


def run_scale(args: argparse.Namespace) -> int:
    """Run `lagebild scale`; returns the exit code."""
    from lagebild.scale import duplicate_article_ids, open_client, scale_extract

    try:
        options = _check(args)
    except UsageError as exc:
        print(f"lagebild: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    show_progress = bool(args.progress or sys.stderr.isatty())
    with open_client(args.cluster) as client, progress_bar(show_progress) as bar:

        def on_plan(summary: Any) -> None:
            bar.reset(total=summary.planned)

        def on_part(result: Any) -> None:
            for problem in result.problems:
                bar.write(f"lagebild: skipped {problem}", file=sys.stderr)
            for warning in result.warnings:
                bar.write(f"lagebild: warning: {warning}", file=sys.stderr)
            bar.update(result.planned)

        summary = scale_extract(args.inputs, options, client, on_plan=on_plan, on_part=on_part)
    for article_id, count in duplicate_article_ids(options.out_dir):
        print(
            f"lagebild: warning: article id {article_id!r} occurs in {count} partitions; "
            "the store keeps one of them (give every record its own id)",
            file=sys.stderr,
        )
    print(f"lagebild: {args.out}: {summary.describe()}", file=sys.stderr)
    if args.db:
        _load(args, options.out_dir, show_progress)
    if summary.skipped:
        return EXIT_SKIPPED
    return EXIT_OK


def _load(args: argparse.Namespace, out_dir: Path, show_progress: bool) -> None:
    """Load the parts into the store named by --db."""
    from lagebild.scale import load_parts
    from lagebild.store import EventStore, IngestSettings

    settings = IngestSettings(
        inputs=(str(out_dir),), options={"scale_parts": str(out_dir), "cluster": args.cluster}
    )
    with EventStore(args.db) as store, progress_bar(show_progress) as bar:
        summary = load_parts(store, out_dir, settings, on_article=lambda _: bar.update(1))
    print(f"lagebild: {args.db}: {summary.describe()}", file=sys.stderr)
