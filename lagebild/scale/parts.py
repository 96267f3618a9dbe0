"""Part files: what one Dask task writes, how a re-run finds it, and how the store reads it.

A part is four Parquet files with the columns of the store's tables, one per folder of the
output directory: `events/`, `articles/`, `actors/`, `quotes/` (so `read_parquet('OUT/events/
*.parquet')` reads every event). Each file is written under a temporary name and renamed
when complete; the events file comes last and carries the part's counts and problems in its
metadata, so a part counts as done exactly when its events file exists and can be read.
"""

from __future__ import annotations

import json
import os
import uuid
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from lagebild.ingest import IngestOptions, InputProblem
from lagebild.pipeline import ExtractOptions, Pipeline, code_or_reason
from lagebild.scale.plan import Partition, iter_partition
from lagebild.store.schema import (
    ARTICLE_COLUMNS,
    EVENT_COLUMNS,
    MENTION_COLUMNS,
    QUOTE_COLUMNS,
    column_names,
)
from lagebild.store.writer import ArticleRows, arrow_table, coded_article_rows

#: the folders of a part's files and their columns; events last, it marks the part done
PART_TABLES: dict[str, tuple[tuple[str, str], ...]] = {
    "articles": ARTICLE_COLUMNS,
    "actors": MENTION_COLUMNS,
    "quotes": QUOTE_COLUMNS,
    "events": EVENT_COLUMNS,
}
#: the key of the part's summary in the metadata of its events file
_META_KEY = b"lagebild.part"


@dataclass(slots=True)
class PartResult:
    """What one task did with its partition: counts, and the problems to report."""

    index: int
    name: str
    #: articles the plan expected (for the progress bar)
    planned: int = 0
    #: articles read plus inputs skipped while reading, as `extract` counts inputs
    inputs: int = 0
    articles: int = 0
    skipped: int = 0
    events: int = 0
    sentences: int = 0
    #: "where: what; hint" of every skipped input or article
    problems: list[str] = field(default_factory=list)
    #: input warnings: the article was still coded (e.g. a bad date was ignored)
    warnings: list[str] = field(default_factory=list)
    #: True when a re-run found the part done and did not code it again
    resumed: bool = False


@lru_cache(maxsize=4)
def worker_pipeline(options: ExtractOptions) -> Pipeline:
    """One pipeline per worker process and options; its data loads on first use and stays."""
    return Pipeline(options)


def code_partition(
    partition: Partition, extract: ExtractOptions, ingest: IngestOptions, out_dir: str
) -> PartResult:
    """The Dask task: read one partition, code it and write its part files atomically."""
    pipeline = worker_pipeline(extract)
    result = PartResult(partition.index, partition.name, planned=partition.articles)
    rows: list[ArticleRows] = []
    for item in iter_partition(partition, ingest):
        if isinstance(item, InputProblem):
            if item.skipped:
                result.inputs += 1
                result.skipped += 1
                result.problems.append(str(item))
            else:
                result.warnings.append(str(item))
            continue
        result.inputs += 1
        coded, why_skipped = code_or_reason(pipeline, item)
        if coded is None:
            result.skipped += 1
            result.problems.append(why_skipped)
            continue
        result.articles += 1
        result.events += len(coded.events)
        result.sentences += len(coded.sentences)
        rows.append(coded_article_rows(coded, item.content_hash()))
    write_part(Path(out_dir), partition.name, rows, result)
    return result


def write_part(out_dir: Path, name: str, rows: list[ArticleRows], result: PartResult) -> None:
    """Write the four files of a part, each under a temporary name renamed when complete."""
    import pyarrow.parquet as pq

    tables: dict[str, list[tuple[Any, ...]]] = {
        "articles": [r.article for r in rows],
        "actors": [m for r in rows for m in r.mentions],
        "quotes": [q for r in rows for q in r.quotes],
        "events": [e for r in rows for e in r.events],
    }
    for folder, columns in PART_TABLES.items():
        table = arrow_table(columns, tables[folder])
        if folder == "events":
            summary = json.dumps(asdict(result), ensure_ascii=False).encode("utf-8")
            table = table.replace_schema_metadata({_META_KEY: summary})
        target = out_dir / folder / f"{name}.parquet"
        target.parent.mkdir(parents=True, exist_ok=True)
        temp = target.with_name(f".{target.name}.{os.getpid()}-{uuid.uuid4().hex[:8]}.tmp")
        try:
            with temp.open("wb") as handle:
                pq.write_table(table, handle)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temp, target)
        except BaseException:
            temp.unlink(missing_ok=True)
            raise


def finished_part(out_dir: Path, name: str) -> PartResult | None:
    """The result recorded in a finished part, or None when it is missing or unreadable."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    if not all((out_dir / folder / f"{name}.parquet").is_file() for folder in PART_TABLES):
        return None
    try:
        metadata = pq.read_schema(out_dir / "events" / f"{name}.parquet").metadata or {}
        result = PartResult(**json.loads(metadata[_META_KEY]))
    except (OSError, KeyError, TypeError, ValueError, pa.ArrowException):
        return None
    result.resumed = True
    return result


def part_names(out_dir: Path) -> list[str]:
    """The names of the finished parts in an output directory, in order."""
    return sorted(p.name[: -len(".parquet")] for p in (out_dir / "events").glob("part-*.parquet"))


def remove_parts(out_dir: Path, names: set[str]) -> None:
    """Delete the files of the named parts."""
    for name in names:
        for folder in PART_TABLES:
            (out_dir / folder / f"{name}.parquet").unlink(missing_ok=True)


def remove_temp_files(out_dir: Path) -> None:
    """Delete the temporary files a killed task left behind (never counted as parts)."""
    for folder in PART_TABLES:
        for path in (out_dir / folder).glob(".part-*.tmp"):
            path.unlink(missing_ok=True)


def duplicate_article_ids(out_dir: Path, limit: int = 20) -> list[tuple[str, int]]:
    """Article ids found in more than one part, with how often (first `limit`).

    `extract` renames a repeated id within a run; partitions are read apart, so an id
    repeated across partitions is only found here, after the run."""
    import duckdb

    pattern = str(out_dir / "articles" / "part-*.parquet")
    if not part_names(out_dir):
        return []
    rows = duckdb.execute(
        "SELECT id, count(*) AS n FROM read_parquet(?) GROUP BY id HAVING n > 1 "
        "ORDER BY n DESC, id LIMIT ?",
        [pattern, limit],
    ).fetchall()
    return [(str(row[0]), int(row[1])) for row in rows]


def iter_part_rows(out_dir: Path) -> Iterator[ArticleRows]:
    """The article rows of every finished part, part by part (the store loads them)."""
    import pyarrow.parquet as pq

    for name in part_names(out_dir):
        if finished_part(out_dir, name) is None:
            continue
        tables = {
            folder: pq.read_table(out_dir / folder / f"{name}.parquet", columns=column_names(cols))
            for folder, cols in PART_TABLES.items()
        }
        by_article: dict[str, dict[str, list[tuple[Any, ...]]]] = defaultdict(
            lambda: defaultdict(list)
        )
        for folder in ("events", "actors", "quotes"):
            for row in _rows(tables[folder]):
                by_article[row[_article_id_position(folder)]][folder].append(row)
        for article in _rows(tables["articles"]):
            owned = by_article.get(article[0], {})
            yield ArticleRows(
                article_id=article[0],
                article=article,
                events=owned.get("events", []),
                mentions=owned.get("actors", []),
                quotes=owned.get("quotes", []),
            )


def _rows(table: Any) -> list[tuple[Any, ...]]:
    """A pyarrow table as row tuples in column order."""
    return list(zip(*(column.to_pylist() for column in table.columns), strict=True))


def _article_id_position(folder: str) -> int:
    """Where the article id stands in the rows of a part table."""
    return column_names(PART_TABLES[folder]).index("article_id")
