"""The event store: an embedded DuckDB file that grows as news arrives.

`EventStore` opens a store (migrating it), `ingest_articles` codes and writes articles
idempotently, `queries` reads events and series, `exports` writes Parquet, CSV, JSONL,
GDELT-style and PLOVER-style files, `report` renders an offline HTML report.
The tables and views are documented in docs/store.md.
"""

from __future__ import annotations

from lagebild.store.connection import default_db_path
from lagebild.store.errors import StoreError
from lagebild.store.event_store import EventStore
from lagebild.store.filters import EventFilter, build_filter
from lagebild.store.ingest import IngestSettings, IngestSummary, ingest_articles, ingest_rows
from lagebild.store.schema import SCHEMA_VERSION

__all__ = [
    "SCHEMA_VERSION",
    "EventFilter",
    "EventStore",
    "IngestSettings",
    "IngestSummary",
    "StoreError",
    "build_filter",
    "default_db_path",
    "ingest_articles",
    "ingest_rows",
]
