"""`lagebild quotes`: list the direct quotations of articles and who said them.

Thin layer over the pipeline: every article read by `lagebild.ingest.iter_articles` is coded
with `Pipeline.process`, and its `CodedArticle.quotes` are written, one record per quote.
Options, problem reports and exit codes are those of `lagebild extract` (imported from it).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from typing import Any, TextIO, cast

from lagebild.cli.extract import build_options, code_article
from lagebild.cli.options import (
    EXIT_OK,
    EXIT_SKIPPED,
    EXIT_USAGE,
    RunCounts,
    UsageError,
    add_actors_option,
    add_inputs_option,
    add_lang_option,
    add_max_mb_option,
    open_output,
    silence_stdout,
)
from lagebild.ingest import IngestOptions, InputProblem, iter_articles
from lagebild.output import shorten
from lagebild.pipeline import CodedArticle, Pipeline
from lagebild.schema import Article, Quote

QUOTE_FORMATS: tuple[str, ...] = ("jsonl", "table")
#: table columns: (header, width); the quote takes what is left of QUOTE_TABLE_WIDTH
QUOTE_TABLE_COLUMNS: tuple[tuple[str, int], ...] = (
    ("article", 14),
    ("offsets", 11),
    ("speaker", 10),
    ("name", 22),
)
QUOTE_TABLE_WIDTH = 160

DESCRIPTION = """\
List every direct quotation („…“, »…«, "…", “…”) in news articles with its speaker.

INPUT is read as by `lagebild extract` (.txt, .html/.htm, .jsonl, a folder, or - for stdin).
Each quote is one record: article_id, start and end (character offsets into the cleaned
article text), the quoted text, and the speaker (text, name, country, org, sector, code;
null when no speaker was found). Inputs that cannot be read are reported on stderr and
skipped.

exit codes: 0 all inputs read, 1 usage error, 2 some inputs were skipped
"""

EPILOG = """\
examples:
  lagebild quotes article.txt --format table
  lagebild quotes news/ --lang de -o quotes.jsonl
  cat article.txt | lagebild quotes -
"""


def register(subparsers: Any) -> None:
    """Add the `quotes` command to the `lagebild` parser."""
    parser = subparsers.add_parser(
        "quotes",
        help="list direct quotations and their speakers",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_inputs_option(parser)
    parser.add_argument(
        "--format",
        default="jsonl",
        metavar="FORMAT",
        help=f"output format: {', '.join(QUOTE_FORMATS)} (default: jsonl)",
    )
    parser.add_argument(
        "--date",
        metavar="YYYY-MM-DD",
        help="publication date of articles whose input carries none (it "
        "decides who held an office, and so who the speaker is)",
    )
    add_lang_option(parser)
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write to FILE (atomically: complete or not at all) instead of stdout",
    )
    add_actors_option(parser)
    add_max_mb_option(parser)
    parser.set_defaults(func=run_quotes, min_confidence="0", no_modal=False)


def quote_record(article_id: str, quote: Quote) -> dict[str, Any]:
    """The record of one quote: article, offsets into the cleaned text, text and speaker."""
    return {
        "article_id": article_id,
        "start": quote.start,
        "end": quote.end,
        **quote.to_dict(),
    }


def quote_records(coded: CodedArticle) -> list[dict[str, Any]]:
    """The quote records of one coded article, in text order."""
    quotes = sorted(coded.quotes, key=lambda q: (q.start, q.end))
    return [quote_record(coded.article.id, q) for q in quotes]


def quote_table_cells(record: dict[str, Any]) -> list[str]:
    """The table's cells for one quote record: article, offsets, speaker code and name, text."""
    speaker = record.get("speaker") or {}
    return [
        str(record["article_id"]),
        f"{record['start']}-{record['end']}",
        speaker.get("code") or "-",
        speaker.get("name") or speaker.get("text") or "-",
        record["text"],
    ]


class QuoteWriter:
    """Writes quote records as JSON lines or as a fixed-width table."""

    def __init__(self, fmt: str, stream: TextIO) -> None:
        self.fmt = fmt
        self.stream = stream
        self.text_width = QUOTE_TABLE_WIDTH - sum(w + 1 for _, w in QUOTE_TABLE_COLUMNS)
        if fmt == "table":
            self._line([h for h, _ in QUOTE_TABLE_COLUMNS] + ["quote"])
            self._line(["-" * w for _, w in QUOTE_TABLE_COLUMNS] + ["-" * self.text_width])

    def _line(self, cells: list[str]) -> None:
        widths = [w for _, w in QUOTE_TABLE_COLUMNS] + [self.text_width]
        parts = [shorten(c, w).ljust(w) for c, w in zip(cells, widths, strict=True)]
        self.stream.write(" ".join(parts).rstrip() + "\n")

    def write(self, record: dict[str, Any]) -> None:
        """Write one quote record."""
        if self.fmt == "table":
            self._line(quote_table_cells(record))
        else:
            self.stream.write(json.dumps(record, ensure_ascii=False) + "\n")


class _KeepCoded:
    """Stands in for the pipeline in `extract.code_article`: it reports problems the same
    way, and this keeps the coded article it produced for its quotes."""

    def __init__(self, pipeline: Pipeline) -> None:
        self.pipeline = pipeline
        self.coded: CodedArticle | None = None

    def process(self, article: Article) -> CodedArticle:
        """Code the article and keep the result."""
        self.coded = None
        self.coded = self.pipeline.process(article)
        return self.coded


def iter_quote_records(
    pipeline: Pipeline,
    inputs: list[str],
    ingest_options: IngestOptions,
    counts: RunCounts,
) -> Iterator[dict[str, Any] | str]:
    """Quote records of every input, and messages (str) for the problems met on the way."""
    keeper = _KeepCoded(pipeline)
    for item in iter_articles(inputs, ingest_options):
        if isinstance(item, InputProblem):
            if item.skipped:
                counts.inputs += 1
                counts.skipped += 1
                yield f"skipped {item}"
            else:
                counts.warnings += 1
                yield f"warning: {item}"
            continue
        counts.inputs += 1
        _, why_skipped = code_article(cast(Pipeline, keeper), item)
        if why_skipped or keeper.coded is None:
            counts.skipped += 1
            yield f"skipped {why_skipped}"
            continue
        records = quote_records(keeper.coded)
        counts.events += len(records)
        yield from records


def run_quotes(args: argparse.Namespace) -> int:
    """Run `lagebild quotes`; returns the exit code."""
    try:
        if args.format not in QUOTE_FORMATS:
            raise UsageError(
                f"--format expects one of {', '.join(QUOTE_FORMATS)}, got {args.format!r}"
            )
        extract_options, ingest_options = build_options(args)
    except UsageError as exc:
        print(f"lagebild: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    counts = RunCounts()
    try:
        with open_output(args.output) as stream:
            writer = QuoteWriter(args.format, stream)
            items = iter_quote_records(
                Pipeline(extract_options), args.inputs, ingest_options, counts
            )
            for item in items:
                if isinstance(item, str):
                    print(f"lagebild: {item}", file=sys.stderr)
                else:
                    writer.write(item)
    except BrokenPipeError:
        silence_stdout()  # the reader went away (`lagebild quotes ... | head`)
        return EXIT_OK
    if args.output:
        print(f"lagebild: wrote {counts.events} quotes to {args.output}", file=sys.stderr)
    if counts.skipped:
        print(f"lagebild: {counts.skipped} of {counts.inputs} inputs skipped", file=sys.stderr)
        return EXIT_SKIPPED
    return EXIT_OK
