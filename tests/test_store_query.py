"""Queries on the store: every filter, the aggregate series and views, and `lagebild query`."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pytest
from test_store_support import crisis_articles, filled_store, run_cli

from lagebild.store import EventStore, StoreError, build_filter
from lagebild.store.filters import EventFilter

NON_MODAL = {"marschieren", "droht", "beraet", "schickt", "wirft", "imposes"}


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return filled_store(tmp_path_factory.mktemp("query") / "crisis.duckdb")


@pytest.fixture(scope="module")
def store(db: Path) -> Any:
    with EventStore(db, read_only=True) as opened:
        yield opened


FILTER_CASES: list[tuple[dict[str, Any], set[str]]] = [
    ({}, NON_MODAL),
    ({"include_modal": True}, NON_MODAL | {"attack", "fire"}),
    ({"start": "2022-01-19"}, {"schickt", "wirft", "imposes"}),
    ({"end": date(2022, 1, 12)}, {"marschieren", "droht", "beraet"}),
    # the sanction has no event date: the article date (25 Jan) places it
    ({"start": "2022-01-25", "end": "2022-01-25"}, {"imposes"}),
    ({"actor": "RUS"}, {"marschieren", "droht", "wirft", "imposes"}),
    ({"actor": "nato"}, {"beraet", "wirft"}),
    ({"actor": "RUSMIL"}, {"marschieren"}),
    ({"actor": "Antony Blinken"}, {"droht", "imposes"}),
    ({"actor": ["NATO", "UKR"]}, {"beraet", "wirft", "marschieren", "schickt"}),
    ({"source": "RUS"}, {"marschieren", "wirft"}),
    ({"target": "RUS"}, {"droht", "imposes"}),
    ({"dyad": "RUS,NATO"}, {"wirft"}),
    ({"dyad": ("NATO", "RUS")}, {"wirft"}),
    ({"dyad": "USA, RUS"}, {"droht", "imposes"}),
    ({"type": "mobilize"}, {"marschieren"}),
    ({"type": ["ASSAULT"], "include_modal": True}, {"attack", "fire"}),
    ({"quad": [1, 2]}, {"beraet", "schickt"}),
    ({"quad": 3}, {"droht", "wirft"}),
    ({"lang": "en"}, {"imposes"}),
    ({"lang": "en", "include_modal": True}, {"imposes", "attack", "fire"}),
    ({"text": "Moskau Folgen"}, {"droht"}),
    ({"text": "GRENZE"}, {"marschieren"}),
    ({"text": "%"}, set()),
    ({"min_confidence": 0.7}, {"marschieren", "droht", "schickt", "imposes"}),
    ({"limit": 2}, {"marschieren", "droht"}),
    ({"article": "a2"}, {"schickt", "wirft"}),
    ({"actor": "RUS' OR 1=1 --"}, set()),
]


@pytest.mark.parametrize(("filters", "triggers"), FILTER_CASES)
def test_event_filters(store: EventStore, filters: dict[str, Any], triggers: set[str]) -> None:
    frame = store.events(**filters)
    assert set(frame["trigger"]) == triggers
    assert len(frame) == len(triggers)
    assert {r["trigger"] for r in store.records(**filters)} == triggers


@pytest.mark.parametrize("bad", [
    {"type": "INVADE"}, {"quad": 5}, {"start": "2022-02-01", "end": "2022-01-01"},
    {"dyad": "RUS"}, {"start": "yesterday"}, {"colour": "red"},
])
def test_bad_filters_raise_store_errors(bad: dict[str, Any]) -> None:
    with pytest.raises(StoreError):
        build_filter(**bad)


def test_filter_sql_uses_placeholders_only() -> None:
    sql, params = EventFilter(actors=("X'); DROP TABLE events; --",), text="a_b").where("e")
    assert "DROP" not in sql and "a_b" not in sql
    assert "a_b" in params  # matched literally by contains(), no LIKE wildcards


def test_aggregate_series(store: EventStore) -> None:
    weekly = store.aggregate("week", by="quad")
    rows = {(str(r.week)[:10], r.quad_class): r.events for r in weekly.itertuples()}
    assert rows == {("2022-01-10", 4): 1, ("2022-01-10", 3): 1, ("2022-01-10", 1): 1,
                    ("2022-01-17", 3): 1, ("2022-01-17", 2): 1, ("2022-01-24", 4): 1}
    monthly = store.aggregate("month", by="dyad")
    dyads = {(r.source_key, r.target_key): (r.events, r.goldstein_sum)
             for r in monthly.itertuples()}
    assert dyads[("USA", "RUS")] == (2, -12.4)
    assert len(dyads) == 5
    daily = store.aggregate("day", by="type", actor="RUS")
    assert sorted(daily["type"]) == ["ACCUSE", "MOBILIZE", "SANCTION", "THREATEN"]
    with pytest.raises(StoreError):
        store.aggregate("fortnight")


def test_top_actors_and_dyads(store: EventStore) -> None:
    actors = store.top_actors()
    assert actors.iloc[0]["actor"] == "RUS" and actors.iloc[0]["events"] == 4
    assert actors.iloc[0]["conflict"] == 4
    dyads = store.top_dyads(limit=1)
    assert list(dyads.iloc[0][["source_key", "target_key", "events"]]) == ["USA", "RUS", 2]


def test_documented_views(store: EventStore) -> None:
    assert store.query("SELECT count(*) AS n FROM v_events")["n"][0] == 6
    for view, period in (("v_daily", "day"), ("v_weekly", "week"), ("v_monthly", "month")):
        frame = store.query(f"SELECT {period}, sum(events) AS n FROM {view} GROUP BY ALL")
        assert frame["n"].sum() == 6
    top = store.query("SELECT actor, events FROM v_top_actors LIMIT 1")
    assert list(top.iloc[0]) == ["RUS", 4]
    dyad = store.query("SELECT * FROM v_top_dyads WHERE source_key = ? AND target_key = ?",
                       ["USA", "RUS"])
    assert dyad["events"][0] == 2 and dyad["conflict"][0] == 2


# ---- the command line ------------------------------------------------------------------


def test_query_table(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(["query", "--db", str(db), "--actor", "RUS"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0].split()[:4] == ["day", "type", "source_code", "target_code"]
    assert len(lines) == 2 + 4 and "MOBILIZE" in out and "CONSULT" not in out


def test_query_jsonl_gives_event_records(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(["query", "--db", str(db), "--format", "jsonl", "--include-modal"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    expected = {e.event_id: e.to_record() for c in crisis_articles() for e in c.events}
    assert {r["event_id"]: r for r in records} == expected


def test_query_csv_and_filters(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["query", "--db", str(db), "--format", "csv", "--type", "ACCUSE", "CONSULT",
            "--quad", "1", "--lang", "de", "--from", "2022-01-01", "--to", "2022-01-31",
            "--text", "NATO", "--min-confidence", "0.5"]
    assert run_cli(argv) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["trigger"] for r in rows] == ["beraet"]
    assert rows[0]["source_code"] == "NATO" and rows[0]["target_code"] == "DEUGOV"


def test_query_dyad_and_sides(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(["query", "--db", str(db), "--format", "jsonl", "--dyad", "UKR,DEU",
                    "--source", "DEU", "--target", "UKR"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["type"] for r in records] == ["AID"]


def test_query_parquet(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "rus.parquet"
    assert run_cli(["query", "--db", str(db), "--actor", "RUS", "--format", "parquet",
                    "-o", str(out)]) == 0
    rows = duckdb.sql(f"SELECT type FROM read_parquet('{out}') ORDER BY type").fetchall()
    assert [r[0] for r in rows] == ["ACCUSE", "MOBILIZE", "SANCTION", "THREATEN"]


def test_query_sql_with_params(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["query", "--db", str(db), "--format", "jsonl", "--sql",
            "SELECT count(*) AS n FROM v_events WHERE source_key = ?", "--param", "RUS"]
    assert run_cli(argv) == 0
    assert json.loads(capsys.readouterr().out) == {"n": 2}


def test_query_agg_and_top(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(["query", "--db", str(db), "--agg", "week", "--by", "quad",
                    "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert sum(int(r["events"]) for r in rows) == 6
    assert {r["week"] for r in rows} == {"2022-01-10", "2022-01-17", "2022-01-24"}
    assert run_cli(["query", "--db", str(db), "--top", "dyads", "--format", "jsonl"]) == 0
    first = json.loads(capsys.readouterr().out.splitlines()[0])
    assert (first["source_key"], first["target_key"], first["events"]) == ("USA", "RUS", 2)


@pytest.mark.parametrize(("argv", "message"), [
    (["--type", "INVADE"], "unknown event type"),
    (["--from", "12.01.2022"], "YYYY-MM-DD"),
    (["--dyad", "RUS"], "two actors"),
    (["--sql", "DELETE FROM events"], "SQL failed"),
    (["--format", "parquet"], "needs -o"),
])
def test_query_errors(db: Path, capsys: pytest.CaptureFixture[str], argv: list[str],
                      message: str) -> None:
    assert run_cli(["query", "--db", str(db), *argv]) == 1
    assert message in capsys.readouterr().err


def test_query_missing_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(["query", "--db", str(tmp_path / "none.duckdb")]) == 1
    assert "lagebild ingest" in capsys.readouterr().err
