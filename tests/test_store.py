"""The event store: round trip, idempotence, re-coding, crash safety, bad files, locking."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import duckdb
import pytest
from test_store_support import (
    crisis_articles,
    fake_process,
    make_event,
    synthetic_article,
)

from lagebild.errors import UnsupportedLanguageError
from lagebild.ingest import InputProblem
from lagebild.pipeline import CodedArticle
from lagebild.schema import Article
from lagebild.store import (
    SCHEMA_VERSION,
    EventStore,
    IngestSettings,
    StoreError,
    ingest_articles,
)
from lagebild.store import writer as writer_module

SUPPORT = Path(__file__).with_name("test_store_support.py")


def _duplicates(store: EventStore) -> int:
    """Rows that share an event id or an article id (must be 0)."""
    row = store.con.execute(
        "SELECT (SELECT count(*) - count(DISTINCT event_id) FROM events) + "
        "(SELECT count(*) - count(DISTINCT id) FROM articles)").fetchone()
    assert row is not None
    return int(row[0])


def test_records_round_trip_exactly(tmp_path: Path) -> None:
    articles = crisis_articles()
    with EventStore(tmp_path / "s.duckdb") as store:
        for coded in articles:
            assert store.add_coded_article(coded) == "new"
        stored = store.records(include_modal=True)
        counts = store.counts()
    expected = [e.to_record() for c in articles for e in c.events]
    by_id = {r["event_id"]: r for r in stored}
    assert len(stored) == len(expected) == 8
    for record in expected:
        assert by_id[record["event_id"]] == record
        assert list(by_id[record["event_id"]]) == list(record)  # contract field order
    assert counts["articles"] == 4 and counts["quotes"] == 1 and counts["actors"] > 0


def test_same_article_twice_adds_nothing(tmp_path: Path) -> None:
    with EventStore(tmp_path / "s.duckdb") as store:
        for coded in crisis_articles():
            store.add_coded_article(coded)
        before = store.counts()
        results = [store.add_coded_article(coded) for coded in crisis_articles()]
        assert results == ["skipped"] * 4
        assert store.counts() == before
        assert _duplicates(store) == 0


def test_changed_text_replaces_the_articles_rows(tmp_path: Path) -> None:
    first = crisis_articles()[0]
    with EventStore(tmp_path / "s.duckdb") as store:
        store.add_coded_article(first)
        text = first.article.text.replace("Grenze", "Westgrenze")
        article = replace(first.article, text=text)
        changed = CodedArticle(article, events=[
            make_event("a1", text, "MOBILIZE", "RUSMIL", "UKR", "marschieren", None)])
        assert store.add_coded_article(changed) == "recoded"
        rows = store.con.execute("SELECT sentence FROM events").fetchall()
        assert rows == [("Russische Truppen marschieren an der Westgrenze auf.",)]
        assert store.con.execute("SELECT count(*) FROM actors").fetchone() == (0,)
        assert store.con.execute("SELECT count(*) FROM quotes").fetchone() == (0,)
        assert _duplicates(store) == 0


def test_ingest_counts_problems_failures_and_records_the_run(tmp_path: Path) -> None:
    def process(article: Article) -> CodedArticle:
        if article.id == "syn00002":
            raise UnsupportedLanguageError("fr", where=article.id)
        return fake_process(article)

    items = [synthetic_article(n) for n in range(5)]
    items.insert(1, InputProblem("feed.jsonl:7", "not JSON", "fix the line"))
    items.insert(2, InputProblem("feed.jsonl:8", "bad date ignored", skipped=False))
    with EventStore(tmp_path / "s.duckdb") as store:
        summary = ingest_articles(store, items, process, IngestSettings(batch_size=2))
        assert (summary.articles_new, summary.articles_failed, summary.inputs_skipped) == (4, 1, 1)
        assert summary.events_written == 12 and len(summary.warnings) == 1
        assert any("feed.jsonl:7" in p for p in summary.problems)
        assert any("syn00002" in p for p in summary.problems)
        run = store.runs()[0]
        assert run["status"] == "finished" and run["articles_new"] == 4
        assert run["events_written"] == 12 and run["inputs_skipped"] == 1
        again = ingest_articles(store, [synthetic_article(n) for n in range(5)], fake_process)
        assert (again.articles_new, again.articles_skipped) == (1, 4)
        assert store.counts()["events"] == 15 and _duplicates(store) == 0


def test_new_lagebild_version_recodes(tmp_path: Path) -> None:
    with EventStore(tmp_path / "s.duckdb") as store:
        ingest_articles(store, [synthetic_article(n) for n in range(3)], fake_process)
        summary = ingest_articles(store, [synthetic_article(n) for n in range(3)],
                                  fake_process, IngestSettings(version="99.0"))
        assert summary.articles_recoded == 3 and summary.articles_new == 0
        versions = store.con.execute("SELECT DISTINCT lagebild_version FROM articles").fetchall()
        assert versions == [("99.0",)]
        assert store.counts()["events"] == 9 and _duplicates(store) == 0


def test_ctrl_c_keeps_finished_articles(tmp_path: Path) -> None:
    def process(article: Article) -> CodedArticle:
        if article.id == "syn00004":
            raise KeyboardInterrupt
        return fake_process(article)

    path = tmp_path / "s.duckdb"
    with EventStore(path) as store, pytest.raises(KeyboardInterrupt):
        ingest_articles(store, [synthetic_article(n) for n in range(8)], process,
                        IngestSettings(batch_size=3))
    with EventStore(path) as store:
        assert store.counts()["articles"] == 4
        assert store.runs()[0]["status"] == "interrupted"
        summary = ingest_articles(store, [synthetic_article(n) for n in range(8)],
                                  fake_process)
        assert (summary.articles_skipped, summary.articles_new) == (4, 4)


def test_failed_write_leaves_the_store_unchanged(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """A write error mid-batch (as on a full disk) rolls the whole batch back."""
    path = tmp_path / "s.duckdb"
    with EventStore(path) as store:
        ingest_articles(store, [synthetic_article(0)], fake_process)
        original = writer_module.BatchWriter._insert

        def failing_insert(self: writer_module.BatchWriter, table: str, rows: list) -> None:
            original(self, table, rows)
            if table == "events":
                raise duckdb.IOException("No space left on device")

        monkeypatch.setattr(writer_module.BatchWriter, "_insert", failing_insert)
        with pytest.raises(StoreError, match="No space left"):
            ingest_articles(store, [synthetic_article(n) for n in range(1, 4)], fake_process,
                            IngestSettings(batch_size=10))
        assert store.counts()["articles"] == 1 and store.counts()["events"] == 3
        assert store.runs()[0]["status"] == "failed"
        monkeypatch.undo()
    with EventStore(path) as store:
        summary = ingest_articles(store, [synthetic_article(n) for n in range(4)], fake_process)
        assert (summary.articles_new, summary.articles_skipped) == (3, 1)


def test_killed_run_recovers(tmp_path: Path) -> None:
    path = tmp_path / "kill.duckdb"
    total = 400
    proc = subprocess.Popen([sys.executable, str(SUPPORT), "ingest", str(path), str(total), "1"],
                            stdout=subprocess.PIPE, text=True)
    stored = 0
    assert proc.stdout is not None
    for line in proc.stdout:  # read until some articles are committed, then kill
        if line.startswith("stored "):
            stored += 1
        if stored >= 20:
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL
    with EventStore(path) as store:
        articles_before = store.counts()["articles"]
        assert 20 <= articles_before < total
        # every stored article is complete: three events each
        assert store.counts()["events"] == 3 * articles_before
        assert store.runs()[0]["status"] == "running"
    rerun = subprocess.run([sys.executable, str(SUPPORT), "ingest", str(path), str(total), "16"],
                           capture_output=True, text=True, timeout=300, check=True)
    assert "done" in rerun.stdout
    with EventStore(path, read_only=True) as store:
        assert store.counts()["articles"] == total
        assert store.counts()["events"] == 3 * total
        assert _duplicates(store) == 0
        runs = store.runs()
        assert [r["status"] for r in runs] == ["finished", "aborted"]
        assert runs[0]["articles_skipped"] == articles_before


def _hold_lock(path: Path) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, str(SUPPORT), "hold", str(path)],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    return proc


def test_second_writer_fails_cleanly_and_file_stays_usable(tmp_path: Path) -> None:
    path = tmp_path / "lock.duckdb"
    with EventStore(path) as store:
        store.add_coded_article(crisis_articles()[0])
    holder = _hold_lock(path)
    try:
        with pytest.raises(StoreError, match="another lagebild process"):
            EventStore(path)
        with pytest.raises(StoreError, match="--wait"):  # retries, then gives up cleanly
            EventStore(path, wait=0.3)
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=60)
    with EventStore(path, read_only=True) as store:
        assert store.counts()["articles"] == 1


def test_not_a_duckdb_file(tmp_path: Path) -> None:
    path = tmp_path / "notes.duckdb"
    path.write_text("these are my notes, not a database\n" * 200)
    with pytest.raises(StoreError, match="not a DuckDB database") as info:
        EventStore(path)
    assert str(path) in str(info.value)
    assert path.read_text().startswith("these are my notes")


def test_foreign_duckdb_database(tmp_path: Path) -> None:
    path = tmp_path / "other.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE sales (x INTEGER)")
    con.close()
    with pytest.raises(StoreError, match="not a lagebild store"):
        EventStore(path)


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.duckdb"
    EventStore(path).close()
    con = duckdb.connect(str(path))
    con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'",
                [str(SCHEMA_VERSION + 1)])
    con.close()
    for read_only in (False, True):
        with pytest.raises(StoreError, match="newer lagebild.*upgrade"):
            EventStore(path, read_only=read_only)


def test_missing_store_read_only(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="lagebild ingest"):
        EventStore(tmp_path / "absent.duckdb", read_only=True)
    assert not (tmp_path / "absent.duckdb").exists()


def test_read_only_store_refuses_writes(tmp_path: Path) -> None:
    path = tmp_path / "s.duckdb"
    EventStore(path).close()
    with EventStore(path, read_only=True) as store:
        with pytest.raises(StoreError, match="read-only"):
            store.add_coded_article(crisis_articles()[0])
        with pytest.raises(StoreError, match="query failed"):
            store.query("INSERT INTO meta VALUES ('x', 'y')")


def test_default_path_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LAGEBILD_DB", str(tmp_path / "env.duckdb"))
    with EventStore() as store:
        assert store.path == str(tmp_path / "env.duckdb")
    assert os.path.exists(tmp_path / "env.duckdb")


def test_without_pyarrow_rows_are_the_same(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(writer_module, "_arrow_available", lambda: False)
    with EventStore(tmp_path / "plain.duckdb") as store:
        for item in crisis_articles():
            store.add_coded_article(item)
        records = store.records(include_modal=True)
    expected = {e.event_id: e.to_record() for c in crisis_articles() for e in c.events}
    assert {r["event_id"]: r for r in records} == expected


def test_schema_1_store_is_migrated_and_keeps_magnitudes(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    EventStore(path).close()
    con = duckdb.connect(str(path))  # turn it back into a schema-1 store
    for column in ("size", "dead", "injured"):
        con.execute(f"ALTER TABLE events DROP COLUMN {column}")
    con.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    con.close()
    with pytest.raises(StoreError, match="schema 1"):
        EventStore(path, read_only=True)
    coded = crisis_articles()[0]
    coded.events[0].size, coded.events[0].dead = 100000, 11
    with EventStore(path) as store:
        assert store.add_coded_article(coded) == "new"
        by_id = {r["event_id"]: r for r in store.records(include_modal=True)}
    record = by_id[coded.events[0].event_id]
    assert record["size"] == 100000 and record["dead"] == 11 and "injured" not in record
