"""StoreAccess: the server's one open store, a cursor per request and a lock for writes.

DuckDB connections are not thread-safe, but cursors made from one connection are: every
request reads through its own cursor, and the (rare) writes of POST /api/ingest are
serialised by a lock. Without --allow-ingest the store is opened read-only, so other
read-only readers (notebooks, `lagebild query`) can share it.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cached_property
from typing import TYPE_CHECKING

import duckdb

from lagebild.server.settings import ServerSettings
from lagebild.store import EventStore

if TYPE_CHECKING:
    from lagebild.pipeline import Pipeline


class StoreAccess:
    """The open store of a running server and the pipeline that codes posted text."""

    def __init__(self, settings: ServerSettings) -> None:
        self.settings = settings
        self.store = EventStore(settings.db, read_only=not settings.allow_ingest)
        self.write_lock = threading.Lock()
        self._cursor_lock = threading.Lock()

    @contextmanager
    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor of its own for one request, closed afterwards."""
        with self._cursor_lock:  # making a cursor touches the shared connection
            cur = self.store.con.cursor()
        try:
            yield cur
        finally:
            cur.close()

    @cached_property
    def pipeline(self) -> Pipeline:
        """The default pipeline (auto language), created on first use and reused."""
        from lagebild.pipeline import ExtractOptions, Pipeline

        return Pipeline(ExtractOptions())

    def close(self) -> None:
        """Close the store when the server stops."""
        self.store.close()
