"""EventStore: one open store file, with the reading and writing operations on it.

This is what `lagebild.open(db)` returns in a notebook and what the CLI commands use.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb

from lagebild import __version__
from lagebild.store import queries
from lagebild.store.connection import connect, default_db_path
from lagebild.store.errors import StoreError
from lagebild.store.filters import EventFilter, build_filter
from lagebild.store.writer import BatchWriter, coded_article_rows

if TYPE_CHECKING:
    from lagebild.pipeline import CodedArticle


class EventStore:
    """An open lagebild store (a DuckDB file). Use as a context manager or call close()."""

    def __init__(
        self, path: str | Path | None = None, *, read_only: bool = False, wait: float = 0.0
    ) -> None:
        self.path = str(path or default_db_path())
        self.read_only = read_only
        self.con: duckdb.DuckDBPyConnection = connect(self.path, read_only=read_only, wait=wait)

    @classmethod
    def from_connection(cls, con: duckdb.DuckDBPyConnection, path: str) -> EventStore:
        """A store object over an open connection or cursor (the HTTP server writes through
        a cursor of its own, since one DuckDB connection is not safe across threads)."""
        store = cls.__new__(cls)
        store.path = path
        store.read_only = False
        store.con = con
        return store

    def __enter__(self) -> EventStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        mode = "read-only" if self.read_only else "read-write"
        return f"EventStore({self.path!r}, {mode})"

    def close(self) -> None:
        """Close the connection (committed data is on disk already)."""
        self.con.close()

    # ---- reading -------------------------------------------------------------------

    def filter(self, flt: EventFilter | None = None, **filters: Any) -> EventFilter:
        """The filter given, or one built from keywords (see `build_filter`)."""
        if flt is not None and filters:
            raise StoreError("pass either an EventFilter or filter keywords, not both")
        return flt if flt is not None else build_filter(**filters)

    def events(
        self, flt: EventFilter | None = None, *, polars: bool = False, **filters: Any
    ) -> Any:
        """Filtered events as a pandas DataFrame (polars with polars=True), one row each."""
        sql, params = queries.events_sql(self.filter(flt, **filters))
        return self._frame(sql, params, polars=polars)

    def records(self, flt: EventFilter | None = None, **filters: Any) -> list[dict[str, Any]]:
        """Filtered events as event records of the JSON contract (nested actors)."""
        return list(queries.iter_records(self.con, self.filter(flt, **filters)))

    def query(self, sql: str, params: Sequence[Any] = (), *, polars: bool = False) -> Any:
        """Raw SQL (with `?` parameters) against the tables and views, as a DataFrame."""
        return self._frame(sql, list(params), polars=polars)

    def aggregate(
        self,
        period: str = "week",
        by: str = "none",
        flt: EventFilter | None = None,
        *,
        polars: bool = False,
        **filters: Any,
    ) -> Any:
        """Events, Goldstein sum and mean per day/week/month, by none/dyad/type/quad."""
        table = queries.aggregate(self.con, self.filter(flt, **filters), period, by)
        return self._table_frame(table, polars=polars)

    def top_actors(self, limit: int = 20, flt: EventFilter | None = None, **filters: Any) -> Any:
        """The most active actors as a DataFrame."""
        return queries.top_actors(self.con, self.filter(flt, **filters), limit).to_pandas()

    def top_dyads(self, limit: int = 20, flt: EventFilter | None = None, **filters: Any) -> Any:
        """The most frequent dyads as a DataFrame."""
        return queries.top_dyads(self.con, self.filter(flt, **filters), limit).to_pandas()

    def counts(self) -> dict[str, int]:
        """Rows per table: articles, events, actors, quotes, runs."""
        return {
            t: queries.count_table(self.con, t)
            for t in ("articles", "events", "actors", "quotes", "runs")
        }

    def runs(self) -> list[dict[str, Any]]:
        """Every ingest run, newest first."""
        return queries.fetch(self.con, "SELECT * FROM runs ORDER BY run_id DESC").dicts()

    def _frame(self, sql: str, params: list[Any], *, polars: bool) -> Any:
        """Run SQL and return pandas (or polars) results; SQL errors become StoreErrors."""
        try:
            cursor = self.con.execute(sql, params)
            if polars:
                # DuckDB 2 renamed fetch_arrow_table to to_arrow_table
                names = ("to_arrow_table", "fetch_arrow_table")
                to_arrow = next(getattr(cursor, n) for n in names if hasattr(cursor, n))
                return _polars().from_arrow(to_arrow())
            return cursor.df()
        except duckdb.Error as exc:
            raise StoreError(
                f"query failed: {exc}", self.path, "see docs/store.md for the tables and views"
            ) from exc

    @staticmethod
    def _table_frame(table: queries.Table, *, polars: bool) -> Any:
        """A Table as pandas or polars."""
        frame = table.to_pandas()
        return _polars().from_pandas(frame) if polars else frame

    # ---- writing -------------------------------------------------------------------

    def _require_writable(self) -> None:
        if self.read_only:
            raise StoreError("opened read-only", self.path, "open it with read_only=False")

    def stored_articles(self) -> dict[str, tuple[str, str]]:
        """article id -> (content hash, lagebild version) of every stored article."""
        rows = self.con.execute(
            "SELECT id, content_hash, lagebild_version FROM articles"
        ).fetchall()
        return {row[0]: (row[1], row[2]) for row in rows}

    def add_coded_article(
        self,
        coded: CodedArticle,
        content_hash: str | None = None,
        *,
        run_id: int | None = None,
        force: bool = False,
    ) -> str:
        """Store one pipeline result in its own transaction: 'new', 'recoded' or 'skipped'.

        `content_hash` is the hash of the input text (defaults to the coded text's hash).
        """
        self._require_writable()
        content_hash = content_hash or coded.article.content_hash()
        row = self.con.execute(
            "SELECT content_hash, lagebild_version FROM articles WHERE id = ?", [coded.article.id]
        ).fetchone()
        if row and tuple(row) == (content_hash, __version__) and not force:
            return "skipped"
        writer = BatchWriter(self.con, self.path, batch_size=1)
        writer.add(coded_article_rows(coded, content_hash, run_id=run_id), replace=bool(row))
        writer.flush()
        return "recoded" if row else "new"

    def writer(
        self, batch_size: int = 64, *, max_seconds: float | None = None, background: bool = False
    ) -> BatchWriter:
        """A batch writer on this store (one transaction per batch); close() it when done."""
        self._require_writable()
        return BatchWriter(
            self.con,
            self.path,
            batch_size=batch_size,
            max_seconds=max_seconds,
            background=background,
        )

    def start_run(self, options: dict[str, Any], inputs: Sequence[str] = ()) -> int:
        """Record a new ingest run (status 'running'); earlier unfinished runs become
        'aborted' since this process now holds the only write lock."""
        self._require_writable()
        try:
            self.con.execute("BEGIN TRANSACTION")
            self.con.execute("UPDATE runs SET status = 'aborted' WHERE status = 'running'")
            row = self.con.execute("SELECT coalesce(max(run_id), 0) + 1 FROM runs").fetchone()
            run_id = int(row[0]) if row else 1
            self.con.execute(
                "INSERT INTO runs (run_id, started, lagebild_version, options, inputs, status) "
                "VALUES (?, ?, ?, ?, ?, 'running')",
                [
                    run_id,
                    datetime.now(),
                    __version__,
                    json.dumps(options, default=str, ensure_ascii=False),
                    json.dumps(list(inputs), ensure_ascii=False),
                ],
            )
            self.con.execute("COMMIT")
        except duckdb.Error as exc:
            self.con.execute("ROLLBACK")
            raise StoreError(
                f"could not record the run: {exc}",
                self.path,
                "is the disk full or the file read-only?",
            ) from exc
        return run_id

    def finish_run(
        self, run_id: int, counts: dict[str, int], status: str, message: str | None = None
    ) -> None:
        """Record the end of a run with its counts and status (finished/interrupted/failed)."""
        self._require_writable()
        names = (
            "articles_new",
            "articles_skipped",
            "articles_recoded",
            "articles_failed",
            "inputs_skipped",
            "events_written",
        )
        sets = ", ".join(f"{name} = ?" for name in names)
        self.con.execute(
            f"UPDATE runs SET finished = ?, status = ?, message = ?, {sets} WHERE run_id = ?",
            [datetime.now(), status, message, *(int(counts.get(n, 0)) for n in names), run_id],
        )


def _polars() -> Any:
    """The polars module, or a StoreError saying how to get it."""
    try:
        import polars
    except ImportError as exc:
        raise StoreError(
            "polars is not installed", hint="pip install polars, or leave out polars=True"
        ) from exc
    return polars
