"""Scale-out on a Dask cluster: code millions of articles into Parquet parts, then a store.

`plan` splits the inputs into partitions without reading the articles; `parts` holds the
Dask task (`code_partition`: one pipeline per worker process, parts written atomically) and
the part files; `cluster` opens a LocalCluster or connects to a scheduler and runs the
plan, resuming after a crash; `load_parts` puts the parts into the event store under the
keys `lagebild ingest` uses. Dask is an optional dependency: `pip install 'lagebild[dask]'`.

>>> from lagebild.scale import ScaleOptions, open_client, scale_extract
>>> with open_client("local:4") as client:
...     summary = scale_extract(["news/"], ScaleOptions(Path("parts")), client)
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from lagebild.scale.cluster import (
    DEFAULT_PART_SIZE,
    ScaleOptions,
    ScaleSummary,
    open_client,
    parse_cluster,
    scale_extract,
)
from lagebild.scale.parts import PartResult, duplicate_article_ids, iter_part_rows
from lagebild.scale.plan import Partition, ScaleError, check_inputs, plan_partitions
from lagebild.store import EventStore, IngestSettings, IngestSummary, ingest_rows

__all__ = [
    "DEFAULT_PART_SIZE",
    "PartResult",
    "Partition",
    "ScaleError",
    "ScaleOptions",
    "ScaleSummary",
    "check_inputs",
    "duplicate_article_ids",
    "load_parts",
    "open_client",
    "parse_cluster",
    "plan_partitions",
    "scale_extract",
]


def load_parts(
    store: EventStore,
    out_dir: Path,
    settings: IngestSettings | None = None,
    *,
    on_article: Callable[[IngestSummary], None] | None = None,
) -> IngestSummary:
    """Load the finished parts of `out_dir` into the store, idempotently: articles stored
    with the same id, text hash and lagebild version are skipped, changed ones replaced."""
    return ingest_rows(store, iter_part_rows(out_dir), settings, on_article=on_article)
