"""Dask scale-out: partitions, equality with the plain extract, resume, bad records, loading.

One LocalCluster of two worker processes serves the whole module (starting it and loading
the language data in each worker is most of the time these tests take).
"""

from __future__ import annotations

import json
import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb
import pytest

from lagebild.cli import main
from lagebild.ingest import IngestOptions, InputProblem, iter_articles
from lagebild.pipeline import ExtractOptions, Pipeline, code_or_reason
from lagebild.scale import (
    ScaleError,
    ScaleOptions,
    duplicate_article_ids,
    load_parts,
    open_client,
    parse_cluster,
    plan_partitions,
    scale_extract,
)
from lagebild.scale.parts import finished_part, iter_part_rows, part_names
from lagebild.scale.plan import iter_partition
from lagebild.schema import Article
from lagebild.store import EventStore, ingest_articles
from lagebild.store.schema import EVENT_COLUMNS, column_names
from lagebild.store.writer import coded_article_rows

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
RECORDS = ROOT / "tests" / "data" / "inputs" / "records.jsonl"


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    with open_client("local:2") as dask_client:
        yield dask_client


@pytest.fixture(scope="module")
def plain_pipeline() -> Pipeline:
    return Pipeline(ExtractOptions())


def _plain_event_rows(inputs: list[str], pipeline: Pipeline) -> list[tuple[Any, ...]]:
    """The store rows of every event the single-process path finds (`extract`/`ingest`)."""
    rows = []
    for item in iter_articles(inputs, IngestOptions()):
        if isinstance(item, Article):
            coded, _ = code_or_reason(pipeline, item)
            if coded is not None:
                rows.extend(coded_article_rows(coded).events)
    return sorted(rows, key=lambda row: row[0])


def _part_event_rows(out_dir: Path) -> list[tuple[Any, ...]]:
    rows = [event for article in iter_part_rows(out_dir) for event in article.events]
    return sorted(rows, key=lambda row: row[0])


def _plain_problems(inputs: list[str]) -> list[str]:
    items = iter_articles(inputs, IngestOptions())
    return sorted(str(i) for i in items if isinstance(i, InputProblem) and i.skipped)


# ---- planning (no cluster) ---------------------------------------------------------


def test_plan_cuts_jsonl_into_line_ranges_that_cover_the_file() -> None:
    plan = plan_partitions([str(EXAMPLES)], 3)
    assert [p.articles for p in plan] == [3, 3, 3, 3, 2]
    jsonl = [s for p in plan for s in p.slices if s.label.endswith(".jsonl")]
    assert len(jsonl) == 4
    size = (EXAMPLES / "articles.jsonl").stat().st_size
    assert jsonl[0].start == 0 and jsonl[-1].end == size
    assert all(a.end == b.start for a, b in zip(jsonl, jsonl[1:], strict=False))
    assert [s.first_line for s in jsonl] == [1, 4, 7, 10]
    assert len({p.name for p in plan}) == len(plan)


def test_partitions_read_the_same_articles_as_extract() -> None:
    inputs = [str(EXAMPLES), str(RECORDS)]
    plain = [i for i in iter_articles(inputs, IngestOptions()) if isinstance(i, Article)]
    scaled = [
        item
        for partition in plan_partitions(inputs, 2)
        for item in iter_partition(partition, IngestOptions())
        if isinstance(item, Article)
    ]
    assert [(a.id, a.origin, a.text, a.date) for a in scaled] == [
        (a.id, a.origin, a.text, a.date) for a in plain
    ]


def test_plan_names_change_with_options_and_inputs(tmp_path: Path) -> None:
    data = tmp_path / "a.jsonl"
    data.write_text('{"id": "x", "text": "Russia attacked Ukraine."}\n', encoding="utf-8")
    first = plan_partitions([str(data)], 10)[0].name
    assert plan_partitions([str(data)], 10)[0].name == first
    assert plan_partitions([str(data)], 10, ExtractOptions(lang="en"))[0].name != first
    data.write_text('{"id": "x", "text": "Russia attacked Kyiv."}\n', encoding="utf-8")
    assert plan_partitions([str(data)], 10)[0].name != first


def test_plan_refuses_stdin_and_bad_sizes() -> None:
    with pytest.raises(ScaleError, match="stdin"):
        plan_partitions(["-"], 10)
    with pytest.raises(ScaleError, match="at least 1"):
        plan_partitions([str(EXAMPLES)], 0)


def test_missing_input_becomes_a_slice_its_task_reports(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.jsonl")
    (partition,) = plan_partitions([missing, str(EXAMPLES / "txt")], 10)
    problem, *articles = list(iter_partition(partition, IngestOptions()))
    assert isinstance(problem, InputProblem) and problem.where == missing
    assert [type(a) for a in articles] == [Article, Article]
    with pytest.raises(ScaleError, match="no such file or directory"):
        plan_partitions([missing], 10)


@pytest.mark.parametrize(
    ("spec", "expected"),
    [("local", (None, None)), ("local:3", (3, None)), ("tcp://h:8786", (None, "tcp://h:8786"))],
)
def test_parse_cluster(spec: str, expected: tuple[int | None, str | None]) -> None:
    assert parse_cluster(spec) == expected


@pytest.mark.parametrize("spec", ["local:0", "locale", "http://h:1", "tcp://h"])
def test_parse_cluster_rejects(spec: str) -> None:
    with pytest.raises(ScaleError, match="local"):
        parse_cluster(spec)


def test_missing_dask_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(ScaleError, match=r"lagebild\[dask\]"), open_client("local:1"):
        pass


# ---- on the cluster -----------------------------------------------------------------


def test_events_equal_the_plain_extract(
    client: Any, plain_pipeline: Pipeline, tmp_path: Path
) -> None:
    inputs = [str(EXAMPLES), str(RECORDS)]
    summary = scale_extract(inputs, ScaleOptions(tmp_path, part_size=3), client)
    expected = _plain_event_rows(inputs, plain_pipeline)
    assert len(expected) > 50
    assert _part_event_rows(tmp_path) == expected
    assert summary.events == len(expected)
    assert summary.parts == len(part_names(tmp_path)) == 8
    # the events parts alone are a table with the store's event columns
    count = duckdb.execute(
        "SELECT count(DISTINCT event_id) FROM read_parquet(?)",
        [str(tmp_path / "events" / "*.parquet")],
    ).fetchone()
    assert count == (len(expected),)


def test_bad_records_are_reported_with_file_and_line(client: Any, tmp_path: Path) -> None:
    results = []
    summary = scale_extract(
        [str(RECORDS)], ScaleOptions(tmp_path, part_size=2), client, on_part=results.append
    )
    problems = sorted(p for r in results for p in r.problems)
    assert problems == _plain_problems([str(RECORDS)])
    assert any(p.startswith(f"{RECORDS}:3: malformed JSON") for p in problems)
    assert summary.skipped == 5 and summary.inputs == 9 and summary.articles == 4
    warnings = [w for r in results for w in r.warnings]
    assert len(warnings) == 1
    assert warnings[0].startswith(f"{RECORDS}:5: bad date '29.03.2022' ignored")


def test_rerun_skips_finished_parts_and_redoes_a_missing_one(client: Any, tmp_path: Path) -> None:
    inputs, options = [str(EXAMPLES)], ScaleOptions(tmp_path, part_size=4)
    first = scale_extract(inputs, options, client)
    events_dir = tmp_path / "events"
    stamps = {p.name: p.stat().st_mtime_ns for p in events_dir.iterdir()}
    again = scale_extract(inputs, options, client)
    assert again.parts_resumed == again.parts == first.parts
    assert (again.events, again.articles) == (first.events, first.articles)
    assert {p.name: p.stat().st_mtime_ns for p in events_dir.iterdir()} == stamps
    rows = _part_event_rows(tmp_path)
    lost = sorted(events_dir.iterdir())[1]
    lost.unlink()  # as if the run died before this part's events were renamed into place
    third = scale_extract(inputs, options, client)
    assert third.parts_resumed == first.parts - 1
    assert lost.exists() and _part_event_rows(tmp_path) == rows


def test_temp_and_broken_files_are_not_counted(client: Any, tmp_path: Path) -> None:
    inputs, options = [str(EXAMPLES)], ScaleOptions(tmp_path, part_size=5)
    first = scale_extract(inputs, options, client)
    rows = _part_event_rows(tmp_path)
    names = part_names(tmp_path)
    temp = tmp_path / "events" / f".{names[0]}.parquet.123-abc.tmp"
    temp.write_bytes(b"PAR1 half a file")
    broken = tmp_path / "events" / f"{names[-1]}.parquet"
    broken.write_bytes(broken.read_bytes()[:100])  # a truncated copy
    assert finished_part(tmp_path, names[-1]) is None
    again = scale_extract(inputs, options, client)
    assert again.parts_resumed == first.parts - 1
    assert not temp.exists()
    assert _part_event_rows(tmp_path) == rows


def test_parts_of_another_run_are_refused_unless_restart(client: Any, tmp_path: Path) -> None:
    scale_extract([str(EXAMPLES)], ScaleOptions(tmp_path, part_size=4), client)
    with pytest.raises(ScaleError, match="--restart"):
        scale_extract([str(EXAMPLES)], ScaleOptions(tmp_path, part_size=6), client)
    summary = scale_extract(
        [str(EXAMPLES)], ScaleOptions(tmp_path, part_size=6, restart=True), client
    )
    assert summary.parts == len(part_names(tmp_path)) == 3 and summary.parts_resumed == 0


def test_loading_parts_equals_plain_ingest_and_is_idempotent(
    client: Any, plain_pipeline: Pipeline, tmp_path: Path
) -> None:
    inputs = [str(EXAMPLES), str(RECORDS)]
    parts = tmp_path / "parts"
    scale_extract(inputs, ScaleOptions(parts, part_size=3), client)
    with EventStore(tmp_path / "plain.duckdb") as plain:
        ingest_articles(plain, iter_articles(inputs), plain_pipeline.process)
        expected = plain.con.execute("SELECT * FROM events ORDER BY event_id").fetchall()
        articles = plain.con.execute("SELECT id, content_hash FROM articles ORDER BY id").fetchall()
    with EventStore(tmp_path / "scaled.duckdb") as store:
        first = load_parts(store, parts)
        assert store.con.execute("SELECT * FROM events ORDER BY event_id").fetchall() == expected
        assert (
            store.con.execute("SELECT id, content_hash FROM articles ORDER BY id").fetchall()
            == articles
        )
        second = load_parts(store, parts)
        counts = store.counts()
    assert first.articles_new == len(articles) and first.events_written == len(expected)
    assert second.articles_new == 0 and second.articles_skipped == len(articles)
    assert counts["events"] == len(expected)


def test_relative_inputs_and_actor_files_reach_the_workers(
    client: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # the workers were started in another directory
    Path("mine.yaml").write_text(
        "- id: erika_muster\n  name: Erika Musterfrau\n  country: AUT\n"
        "  roles: [{role: foreign_minister, start: 2020-01-01}]\n",
        encoding="utf-8",
    )
    record = {"id": "a", "text": "Erika Musterfrau kritisierte Russland.", "date": "2022-05-02"}
    Path("in.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    extract = ExtractOptions(actor_files=(Path("mine.yaml"),))
    options = ScaleOptions(Path("parts"), extract=extract)
    summary = scale_extract(["in.jsonl"], options, client)
    assert summary.skipped == 0
    rows = _part_event_rows(tmp_path / "parts")
    assert rows == _plain_event_rows(["in.jsonl"], Pipeline(extract))
    source_code = column_names(EVENT_COLUMNS).index("source_code")
    assert [row[source_code] for row in rows] == ["AUTGOV"]


def test_ids_repeated_across_partitions_are_found(client: Any, tmp_path: Path) -> None:
    data = tmp_path / "in"
    data.mkdir()
    for name, text in (("a", "Russia attacked Ukraine."), ("b", "Germany criticised Iran.")):
        record = {"id": "same", "text": text, "date": "2022-01-01"}
        (data / f"{name}.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    scale_extract([str(data)], ScaleOptions(tmp_path / "parts", part_size=1), client)
    assert duplicate_article_ids(tmp_path / "parts") == [("same", 2)]


def test_remote_scheduler_address(client: Any, tmp_path: Path) -> None:
    address = client.scheduler.address
    with open_client(address) as remote:
        summary = scale_extract(
            [str(EXAMPLES / "txt")], ScaleOptions(tmp_path, part_size=1), remote
        )
    assert summary.articles == 2 and summary.events > 0


# ---- the command ----------------------------------------------------------------------


@pytest.fixture
def cli_on_fixture_cluster(client: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """`lagebild scale` on the module's cluster instead of starting one of its own."""

    @contextmanager
    def reuse(spec: str) -> Iterator[Any]:
        parse_cluster(spec)
        yield client

    monkeypatch.setattr("lagebild.scale.open_client", reuse)


def test_cli_scale_reports_problems_and_loads_the_store(
    cli_on_fixture_cluster: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    records = tmp_path / "records.jsonl"
    shutil.copy(RECORDS, records)
    out, db = tmp_path / "parts", tmp_path / "news.duckdb"
    argv = ["scale", str(records), "--out", str(out), "--part-size", "3", "--db", str(db)]
    assert main([*argv, "--cluster", "local:2"]) == 2
    err = capsys.readouterr().err
    assert f"lagebild: skipped {records}:10: 'text' must be a string" in err
    assert f"lagebild: warning: {records}:5: bad date" in err
    assert "4 articles coded, 5 of 9 inputs skipped" in err
    assert "4 new" in err
    with EventStore(db, read_only=True) as store:
        assert store.counts()["articles"] == 4
    assert main(argv) == 2
    assert "3 parts (3 done before)" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ([], "--out DIR is required"),
        (["--out", "x", "--part-size", "0"], "--part-size expects a positive number"),
        (["--out", "x", "--lang", "fr"], "--lang expects one of"),
    ],
)
def test_cli_scale_usage_errors(
    extra: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["scale", str(EXAMPLES), *extra]) == 1
    assert message in capsys.readouterr().err


@pytest.mark.parametrize(
    ("inputs", "extra", "message"),
    [
        ([str(EXAMPLES)], ["--cluster", "yarn"], "unknown cluster 'yarn'"),
        (["-"], [], "stdin (-) cannot be read by Dask workers"),
        (["no/such/dir"], [], "no such file or directory: no/such/dir"),
    ],
)
def test_cli_scale_refuses_before_starting_a_cluster(
    inputs: list[str],
    extra: list[str],
    message: str,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("lagebild.scale.open_client", None)  # fails if it were called
    assert main(["scale", *inputs, "--out", str(tmp_path), *extra]) == 1
    assert message in capsys.readouterr().err
