"""Writing coded articles into the store: rows per table, batched, one transaction a batch.

A batch replaces the rows of every article it holds (delete, then insert) inside one
transaction, so a crash or a kill leaves each article either fully stored or absent.
Arrow tables are appended when pyarrow is installed (fast); otherwise `executemany`.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import time
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

import duckdb

from lagebild import __version__
from lagebild.schema import Actor, Article
from lagebild.store.errors import StoreError
from lagebild.store.schema import (
    ACTOR_PARTS,
    ACTOR_SIDES,
    ARTICLE_COLUMNS,
    EVENT_COLUMNS,
    MENTION_COLUMNS,
    QUOTE_COLUMNS,
    column_names,
)

if TYPE_CHECKING:
    from lagebild.pipeline import CodedArticle

#: table -> its columns, in the order the row builders below produce values
_TABLE_COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "articles": ARTICLE_COLUMNS,
    "events": EVENT_COLUMNS,
    "actors": MENTION_COLUMNS,
    "quotes": QUOTE_COLUMNS,
}


@dataclass(slots=True)
class ArticleRows:
    """The rows one coded article adds to each table."""

    article_id: str
    article: tuple[Any, ...]
    events: list[tuple[Any, ...]] = field(default_factory=list)
    mentions: list[tuple[Any, ...]] = field(default_factory=list)
    quotes: list[tuple[Any, ...]] = field(default_factory=list)


def global_event_number(event_id: str) -> int:
    """A stable positive 60-bit integer for an event id (GDELT's GLOBALEVENTID is numeric)."""
    try:
        return int(event_id[:15], 16)
    except ValueError:
        return int(hashlib.sha1(event_id.encode("utf-8")).hexdigest()[:15], 16)


def _actor_values(actor: dict[str, Any] | None) -> list[Any]:
    """The six flattened columns of an actor object (all None for no actor)."""
    if not actor:
        return [None] * len(ACTOR_PARTS)
    return [actor.get(part) for part in ACTOR_PARTS]


def _as_date(value: Any) -> date | None:
    """An ISO string or date as a date."""
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def event_row(
    record: dict[str, Any], article_date: date | None, sentence_index: int | None
) -> tuple[Any, ...]:
    """Flatten one event record (the JSON contract) into an `events` row."""
    location = record.get("location") or None
    quote = record.get("quote") or None
    event_date = _as_date(record.get("date"))
    values: list[Any] = [
        record["event_id"],
        global_event_number(record["event_id"]),
        record["article_id"],
        record.get("language"),
        record.get("type"),
        record.get("cameo"),
        record.get("quad_class"),
        record.get("goldstein"),
    ]
    for side in ACTOR_SIDES:
        values.extend(_actor_values(record.get(side)))
    values.extend(
        [
            event_date,
            event_date or article_date,
            bool(record.get("negated")),
            bool(record.get("hypothetical")),
            record.get("sentence"),
            sentence_index,
            record.get("trigger"),
            record.get("char_start"),
            record.get("char_end"),
            record.get("confidence"),
            record.get("mode"),
            record.get("context"),
            json.dumps(location, ensure_ascii=False) if location else None,
            location.get("name") if location else None,
            location.get("country") if location else None,
            _as_float(location.get("lat")) if location else None,
            _as_float(location.get("lon")) if location else None,
            json.dumps(quote, ensure_ascii=False) if quote else None,
            record.get("size"),
            record.get("dead"),
            record.get("injured"),
        ]
    )
    return tuple(values)


def _as_float(value: Any) -> float | None:
    """A coordinate as a float, None when missing or unreadable."""
    try:
        return float(value) if value is not None else None
    except (TypeError, ValueError):
        return None


def article_rows(
    article: Article,
    records: list[dict[str, Any]],
    content_hash: str,
    *,
    sentence_starts: Sequence[int] | None = None,
    mentions: Sequence[Any] = (),
    quotes: Sequence[Any] = (),
    run_id: int | None = None,
    version: str = __version__,
    coded_at: datetime | None = None,
) -> ArticleRows:
    """All rows of one article: its metadata, its events (as records), mentions and quotes."""
    coded_at = coded_at or datetime.now()
    rows = ArticleRows(
        article_id=article.id,
        article=(
            article.id,
            article.url,
            article.title,
            article.source,
            article.date,
            article.language,
            content_hash,
            article.text,
            article.origin,
            version,
            coded_at,
            run_id,
            len(records),
        ),
    )
    for record in records:
        index = None
        start = record.get("char_start")
        if sentence_starts and isinstance(start, int):
            index = max(bisect.bisect_right(sentence_starts, start) - 1, 0)
        rows.events.append(event_row(record, article.date, index))
    for mention in mentions:
        actor = mention.actor
        rows.mentions.append(
            (
                article.id,
                mention.start,
                mention.end,
                mention.text,
                mention.kind,
                mention.entry,
                mention.role,
                bool(mention.attributive),
                actor.name,
                actor.country,
                actor.org,
                actor.sector,
                actor.code,
            )
        )
    for quote in quotes:
        speaker: Actor | None = quote.speaker
        rows.quotes.append(
            (
                article.id,
                quote.start,
                quote.end,
                quote.text,
                *_actor_values(speaker.to_dict() if speaker else None),
            )
        )
    return rows


def coded_article_rows(
    coded: CodedArticle,
    content_hash: str | None = None,
    *,
    run_id: int | None = None,
    version: str = __version__,
) -> ArticleRows:
    """All rows of a pipeline result; `content_hash` is the hash of the input text."""
    article = coded.article
    return article_rows(
        article,
        [event.to_record() for event in coded.events],
        content_hash or article.content_hash(),
        sentence_starts=[s.start for s in coded.sentences],
        mentions=list(coded.mentions),
        quotes=list(coded.quotes),
        run_id=run_id,
        version=version,
    )


class BatchWriter:
    """Collects article rows and writes them, a batch per transaction, replacing old rows.

    With `background=True` a batch is written on a worker thread while the caller codes
    the next articles (DuckDB releases the GIL while it works); at most one batch is in
    flight and batches commit in order. `add` and `flush` return the ids committed so far.
    """

    def __init__(
        self,
        con: duckdb.DuckDBPyConnection,
        path: str,
        batch_size: int = 64,
        *,
        max_seconds: float | None = None,
        background: bool = False,
    ) -> None:
        self.con = con
        self.path = path
        self.batch_size = max(1, batch_size)
        #: also flush when the oldest queued article waited this long (bounds lost work)
        self.max_seconds = max_seconds
        self._pending: dict[str, ArticleRows] = {}
        self._replace: set[str] = set()
        self._first_queued = 0.0
        self._use_arrow = _arrow_available()
        self._executor = (
            ThreadPoolExecutor(1, thread_name_prefix="lagebild-store") if background else None
        )
        self._in_flight: tuple[Future[None], list[str]] | None = None

    def __len__(self) -> int:
        return len(self._pending)

    def add(self, rows: ArticleRows, *, replace: bool) -> list[str]:
        """Queue one article; writes the batch when it is full (or old enough)."""
        committed = self._collect(block=False)
        if not self._pending:
            self._first_queued = time.monotonic()
        self._pending[rows.article_id] = rows
        if replace:
            self._replace.add(rows.article_id)
        due = len(self._pending) >= self.batch_size or (
            self.max_seconds is not None
            and time.monotonic() - self._first_queued >= self.max_seconds
        )
        if due:
            committed += self.flush(wait=False)
        return committed

    def flush(self, wait: bool = True) -> list[str]:
        """Write every queued article in one transaction; returns the ids committed.

        With wait=False (background mode) the batch may still be in flight on return.
        """
        committed = self._collect(block=True)
        if self._pending:
            batch = list(self._pending.values())
            replace = sorted(self._replace)
            self._pending = {}
            self._replace = set()
            ids = [rows.article_id for rows in batch]
            if self._executor is None:
                self._write(batch, replace)
                committed += ids
            else:
                self._in_flight = (self._executor.submit(self._write, batch, replace), ids)
        if wait:
            committed += self._collect(block=True)
        return committed

    def close(self) -> list[str]:
        """Write what is queued, wait for it, and stop the worker thread."""
        try:
            return self.flush(wait=True)
        finally:
            self.stop()

    def stop(self) -> None:
        """Stop the worker thread (after the batch in flight); queued rows are dropped."""
        if self._executor is not None:
            self._executor.shutdown(wait=True)

    def _collect(self, *, block: bool) -> list[str]:
        """The ids of the batch in flight once it has committed; raises its StoreError."""
        if self._in_flight is None:
            return []
        future, ids = self._in_flight
        if not block and not future.done():
            return []
        self._in_flight = None
        future.result()
        return ids

    def _write(self, batch: list[ArticleRows], replace: list[str]) -> None:
        """One transaction: delete the rows of re-coded articles, insert the batch."""
        con = self.con
        try:
            con.execute("BEGIN TRANSACTION")
            if replace:
                marks = ", ".join("?" for _ in replace)
                for table in ("events", "actors", "quotes"):
                    con.execute(f"DELETE FROM {table} WHERE article_id IN ({marks})", replace)
                con.execute(f"DELETE FROM articles WHERE id IN ({marks})", replace)
            self._insert("articles", [rows.article for rows in batch])
            self._insert("events", [row for rows in batch for row in rows.events])
            self._insert("actors", [row for rows in batch for row in rows.mentions])
            self._insert("quotes", [row for rows in batch for row in rows.quotes])
            con.execute("COMMIT")
        except (duckdb.Error, OSError) as exc:
            _rollback(con)
            raise StoreError(
                f"could not write {len(batch)} article(s): {exc}",
                self.path,
                "nothing of this batch was stored; if the disk is full, free space and "
                "run the same command again — stored articles are skipped",
            ) from exc

    def _insert(self, table: str, rows: list[tuple[Any, ...]]) -> None:
        """Append rows to a table (inside the caller's transaction)."""
        if not rows:
            return
        columns = _TABLE_COLUMNS[table]
        names = ", ".join(column_names(columns))
        if self._use_arrow:
            view = f"_lagebild_batch_{table}"
            self.con.register(view, arrow_table(columns, rows))
            try:
                self.con.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM {view}")
            finally:
                self.con.unregister(view)
        else:
            marks = ", ".join("?" for _ in columns)
            self.con.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)


def _rollback(con: duckdb.DuckDBPyConnection) -> None:
    """Roll back the open transaction, if any, ignoring a second failure."""
    try:
        con.execute("ROLLBACK")
    except duckdb.Error:
        pass


def _arrow_available() -> bool:
    """Whether pyarrow can be imported (the fast insert path)."""
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        return False
    return True


def arrow_table(columns: tuple[tuple[str, str], ...], rows: list[tuple[Any, ...]]) -> Any:
    """Rows as a pyarrow Table with types that match the DuckDB columns."""
    import pyarrow as pa

    types = {
        "VARCHAR": pa.string(),
        "INTEGER": pa.int32(),
        "BIGINT": pa.int64(),
        "DOUBLE": pa.float64(),
        "BOOLEAN": pa.bool_(),
        "DATE": pa.date32(),
        "TIMESTAMP": pa.timestamp("us"),
    }
    arrays = []
    for position, (_name, sql_type) in enumerate(columns):
        arrow_type = types[sql_type.split()[0]]
        arrays.append(pa.array([row[position] for row in rows], type=arrow_type))
    return pa.Table.from_arrays(arrays, names=column_names(columns))
