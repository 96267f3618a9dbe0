"""Every export format, written from a store and read back with DuckDB."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest
from test_store_support import crisis_articles, filled_store, run_cli

from lagebild.store import EventStore, StoreError
from lagebild.store.exports import GDELT_COLUMNS, export_events
from lagebild.store.filters import EventFilter


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return filled_store(tmp_path_factory.mktemp("export") / "crisis.duckdb")


def _export(db: Path, path: Path, fmt: str, flt: EventFilter | None = None) -> int:
    with EventStore(db, read_only=True) as store:
        return export_events(store.con, path, fmt, flt)


def test_partitioned_parquet(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events"
    assert _export(db, out, "parquet", EventFilter(include_modal=True)) == 8
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.parquet")) == [
        "year=2022/month=1/data_0.parquet"]
    rows = duckdb.sql(
        f"SELECT year, month, count(*), count(DISTINCT event_id), min(day) "
        f"FROM read_parquet('{out}/**/*.parquet', hive_partitioning = true) GROUP BY ALL"
    ).fetchall()
    assert [tuple(map(str, r)) for r in rows] == [("2022", "1", "8", "8", "2022-01-11")]


def test_partitions_split_by_month(tmp_path: Path) -> None:
    db = filled_store(tmp_path / "s.duckdb")
    with EventStore(db) as store:
        store.con.execute("UPDATE events SET day = DATE '2021-12-30' WHERE trigger = 'droht'")
    out = tmp_path / "pq"
    assert _export(db, out, "parquet") == 6
    parts = sorted(p.parent.relative_to(out).as_posix() for p in out.rglob("*.parquet"))
    assert parts == ["year=2021/month=12", "year=2022/month=1"]


def test_single_parquet_file_and_refusing_a_full_folder(db: Path, tmp_path: Path) -> None:
    single = tmp_path / "events.parquet"
    assert _export(db, single, "parquet", EventFilter(actors=("NATO",))) == 2
    types = duckdb.sql(f"SELECT type FROM '{single}' ORDER BY type").fetchall()
    assert types == [("ACCUSE",), ("CONSULT",)]
    full = tmp_path / "full"
    full.mkdir()
    (full / "keep.txt").write_text("mine")
    with pytest.raises(StoreError, match="not an empty folder"):
        _export(db, full, "parquet")
    assert (full / "keep.txt").read_text() == "mine"


def test_csv(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    assert _export(db, out, "csv", EventFilter(types=("MOBILIZE",))) == 1
    row = duckdb.sql(f"SELECT * FROM read_csv('{out}', header = true)").fetchall()
    columns = [d[0] for d in duckdb.sql(f"SELECT * FROM read_csv('{out}')").description]
    record = dict(zip(columns, row[0], strict=True))
    assert record["source_code"] == "RUSMIL" and record["target_country"] == "UKR"
    assert json.loads(record["location"])["name"] == "Donbas"
    assert record["location_lat"] == 48.0


def test_jsonl_is_the_event_record(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    assert _export(db, out, "jsonl", EventFilter(include_modal=True)) == 8
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    expected = {e.event_id: e.to_record() for c in crisis_articles() for e in c.events}
    assert {r["event_id"]: r for r in lines} == expected
    nested = duckdb.sql(
        f"SELECT source.code, target.country FROM read_json_auto('{out}') "
        "WHERE type = 'AID'").fetchall()
    assert nested == [("DEUGOV", "UKR")]


def test_gdelt_table(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.tsv"
    assert _export(db, out, "gdelt") == 6
    rel = duckdb.sql(f"SELECT * FROM read_csv('{out}', delim = '\t', header = true, "
                     "all_varchar = true)")
    assert [d[0] for d in rel.description] == [name for name, _ in GDELT_COLUMNS]
    rows = {r[0]: r for r in rel.fetchall()}
    columns = [name for name, _ in GDELT_COLUMNS]
    mobilize = next(dict(zip(columns, r, strict=True)) for r in rows.values()
                    if r[columns.index("EventCode")] == "152")
    assert mobilize["SQLDATE"] == "20220111" and mobilize["Actor1Code"] == "RUSMIL"
    assert mobilize["Actor1CountryCode"] == "RUS" and mobilize["Actor1Type1Code"] == "MIL"
    assert mobilize["Actor2CountryCode"] == "UKR" and mobilize["EventRootCode"] == "15"
    assert mobilize["QuadClass"] == "4" and float(mobilize["GoldsteinScale"]) == -7.2
    assert mobilize["ActionGeo_FullName"] == "Donbas" and mobilize["IsRootEvent"] == "1"
    assert mobilize["SOURCEURL"] == "https://example.org/a1"
    consult = next(dict(zip(columns, r, strict=True)) for r in rows.values()
                   if r[columns.index("EventCode")] == "040")
    assert consult["Actor1KnownGroupCode"] == "NATO" and consult["EventBaseCode"] == "040"
    sanction = next(dict(zip(columns, r, strict=True)) for r in rows.values()
                    if r[columns.index("EventCode")] == "163")
    assert sanction["SQLDATE"] == "20220125"  # no event date: the article's date


def test_gdelt_num_mentions_counts_reports_of_the_same_event(tmp_path: Path) -> None:
    db = filled_store(tmp_path / "s.duckdb")
    with EventStore(db) as store:
        first = crisis_articles()[0]
        first.article.id = "copy-of-a1"
        first.article.source = "other"
        for event in first.events:
            event.article_id = "copy-of-a1"
            event.event_id = "c" + event.event_id
        store.add_coded_article(first)
    out = tmp_path / "g.tsv"
    _export(db, out, "gdelt", EventFilter(types=("MOBILIZE",)))
    rows = duckdb.sql(f"SELECT NumMentions, NumSources, NumArticles FROM read_csv('{out}', "
                      "delim = '\t', header = true)").fetchall()
    assert rows == [(2, 2, 2), (2, 2, 2)]


def test_plover_records(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "plover.jsonl"
    assert _export(db, out, "plover") == 6
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    threat = next(r for r in records if r["event"] == "THREATEN")
    assert threat["source"] == [{"actorText": "Blinken", "code": "USA", "sector": "GOV",
                                 "name": "Antony Blinken"}]
    assert threat["target"][0]["code"] == "RUS" and threat["eventText"] == "droht"
    assert threat["date"] == "2022-01-12" and threat["language"] == "de"
    assert threat["url"] == "https://example.org/a1" and threat["quadClass"] == 3
    consult = next(r for r in records if r["event"] == "CONSULT")
    assert consult["source"][0]["code"] == "NATO"
    loaded = duckdb.sql(f"SELECT count(*) FROM read_json_auto('{out}')").fetchall()
    assert loaded == [(6,)]


def test_export_cli(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "rus.jsonl"
    assert run_cli(["export", "--db", str(db), "--format", "jsonl", "-o", str(out),
                    "--actor", "RUS", "--quad", "4"]) == 0
    assert "wrote 2 events" in capsys.readouterr().err
    types = sorted(json.loads(line)["type"] for line in out.read_text().splitlines())
    assert types == ["MOBILIZE", "SANCTION"]
    assert run_cli(["export", "--db", str(db), "--format", "csv",
                    "-o", str(tmp_path / "missing" / "x.csv")]) == 1
    assert "does not exist" in capsys.readouterr().err
