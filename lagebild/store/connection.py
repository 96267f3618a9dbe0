"""Opening a store file: DuckDB errors turned into StoreErrors, migrations run on open."""

from __future__ import annotations

import os
import time
from pathlib import Path

import duckdb

from lagebild.store.errors import StoreError
from lagebild.store.schema import MIGRATIONS, SCHEMA_VERSION

#: the store used when neither --db nor LAGEBILD_DB names one
DEFAULT_DB = "lagebild.duckdb"

#: how often a waiting writer retries the lock; polling, not a timing assertion
_LOCK_RETRY_SECONDS = 0.2


def default_db_path() -> str:
    """The store path: $LAGEBILD_DB if set, else ./lagebild.duckdb."""
    return os.environ.get("LAGEBILD_DB") or DEFAULT_DB


def connect(
    path: str | Path, *, read_only: bool = False, wait: float = 0.0
) -> duckdb.DuckDBPyConnection:
    """Open a store file, migrating it to the current schema; raises StoreError on trouble.

    `wait` is how many seconds to keep retrying while another process holds the lock.
    """
    path = str(path)
    if read_only and not Path(path).exists():
        raise StoreError(
            "no event store here",
            path,
            "run `lagebild ingest INPUT... --db PATH` first, or pass --db",
        )
    if Path(path).is_dir():
        raise StoreError("is a directory, not a DuckDB file", path, "pass a file name to --db")
    deadline = time.monotonic() + max(wait, 0.0)
    while True:
        try:
            con = duckdb.connect(path, read_only=read_only)
            break
        except duckdb.Error as exc:
            error = _open_error(path, exc)
            if getattr(error, "locked", False) and time.monotonic() < deadline:
                time.sleep(_LOCK_RETRY_SECONDS)
                continue
            raise error from exc
    try:
        _prepare(con, path, read_only=read_only)
    except BaseException:
        con.close()
        raise
    return con


def _open_error(path: str, exc: duckdb.Error) -> StoreError:
    """Translate DuckDB's error on open into one a user can act on."""
    text = str(exc)
    if "lock" in text.lower():
        error = StoreError(
            "another lagebild process (or DuckDB client) is using this store",
            path,
            "wait for it to finish, or ingest into a different --db; "
            "`lagebild ingest --wait SECONDS` waits for the lock",
        )
        error.locked = True  # type: ignore[attr-defined]
        return error
    if "not a valid DuckDB database" in text or "Invalid Input" in text:
        return StoreError(
            "is not a DuckDB database file",
            path,
            "pass the .duckdb file that `lagebild ingest` wrote, or a new name",
        )
    if "version" in text.lower() and "storage" in text.lower():
        return StoreError(
            f"written by an incompatible DuckDB version: {text}",
            path,
            "open it with the DuckDB version that wrote it and EXPORT DATABASE",
        )
    return StoreError(f"cannot open the store: {text}", path, "check the path and its permissions")


def stored_schema_version(con: duckdb.DuckDBPyConnection) -> int:
    """The schema version recorded in the store; 0 for an empty database."""
    has_meta = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta'"
    ).fetchone()
    if not has_meta or not has_meta[0]:
        return 0
    row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row else 0


def _prepare(con: duckdb.DuckDBPyConnection, path: str, *, read_only: bool) -> None:
    """Check the schema version and run the migrations that are due."""
    try:
        version = stored_schema_version(con)
    except (duckdb.Error, ValueError) as exc:
        raise StoreError(
            f"has a damaged meta table: {exc}",
            path,
            "restore it from a backup or start a new store",
        ) from exc
    if version == 0 and _has_foreign_tables(con):
        raise StoreError(
            "is a DuckDB database but not a lagebild store",
            path,
            "pass a new file name to --db, or the store `lagebild ingest` wrote",
        )
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"was created by a newer lagebild (store schema {version}, "
            f"this lagebild reads up to {SCHEMA_VERSION})",
            path,
            "upgrade lagebild: pip install --upgrade lagebild",
        )
    if version == SCHEMA_VERSION:
        return
    if read_only:
        raise StoreError(
            f"uses store schema {version}, this lagebild needs {SCHEMA_VERSION}",
            path,
            "open it once for writing (e.g. `lagebild ingest --db PATH` with no inputs) "
            "to migrate it",
        )
    migrate(con, version, path)


def _has_foreign_tables(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether an unversioned database already holds tables (so it is someone else's)."""
    row = con.execute("SELECT count(*) FROM information_schema.tables").fetchone()
    return bool(row and row[0])


def migrate(con: duckdb.DuckDBPyConnection, from_version: int, path: str) -> None:
    """Apply every migration after `from_version`, each in its own transaction."""
    for target in range(from_version + 1, SCHEMA_VERSION + 1):
        try:
            con.execute("BEGIN TRANSACTION")
            for statement in MIGRATIONS[target]:
                con.execute(statement)
            con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(target)])
            con.execute("COMMIT")
        except duckdb.Error as exc:
            con.execute("ROLLBACK")
            raise StoreError(
                f"migration to store schema {target} failed: {exc}",
                path,
                "the store is unchanged; report this as a bug",
            ) from exc
