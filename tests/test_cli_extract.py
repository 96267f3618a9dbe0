"""`lagebild extract` and the output writers: plumbing, exit codes, messages, formats.

Most tests replace `Pipeline.process` by a small stand-in (clean, language id, one event per
article) so that they test the plumbing and not the coder; one test runs the real pipeline.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

import lagebild.cli
from lagebild.clean import clean_text
from lagebild.errors import DataError, UnsupportedLanguageError
from lagebild.lang import available_languages
from lagebild.langid import detect_language
from lagebild.output import CSV_COLUMNS, TABLE_WIDTH, ordered_record, write_events
from lagebild.pipeline import CodedArticle, ExtractOptions, Pipeline
from lagebild.schema import EVENT_FIELDS, Actor, Article, Event, Quote

INPUTS = Path(__file__).parent / "data" / "inputs"
SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_0676fddd96149b3e.txt"


def stand_in_process(self: Pipeline, article: Article) -> CodedArticle:
    """Clean, identify the language, and code one event on the article's first word."""
    text = clean_text(article.text)
    lang = article.language or (self.options.lang if self.options.lang != "auto" else None)
    lang = lang or detect_language(text)[0]
    if lang not in available_languages():
        raise UnsupportedLanguageError(lang)
    first = text.split()[0]
    event = Event(
        article_id=article.id, language=lang, type="CONSULT", cameo="040", quad_class=1,
        goldstein=1.0, source=Actor("Moskau", name="Russia", country="RUS", sector="GOV"),
        target=Actor("die Nato", org="NATO"), date=article.date, negated=False,
        hypothetical=True, sentence=text.split("\n")[0], trigger=first, char_start=0,
        char_end=len(first), confidence=0.8,
    )
    return CodedArticle(article=replace(article, text=text, language=lang), events=[event])


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch):
    """Run `lagebild ...` with only the extract command and the stand-in pipeline."""
    monkeypatch.setattr(lagebild.cli, "COMMAND_MODULES", ("extract",))
    monkeypatch.setattr(Pipeline, "process", stand_in_process)
    return lagebild.cli.main


def jsonl(out: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def test_text_file_gives_jsonl_events_and_exit_0(cli, capsys, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Moskau führte Gespräche mit der Nato in Genf über Sicherheit.\n", "utf-8")
    assert cli(["extract", str(path), "--date", "2022-01-21"]) == 0
    out, err = capsys.readouterr()
    [record] = jsonl(out)
    assert list(record)[: len(EVENT_FIELDS)] == list(EVENT_FIELDS)
    assert record["article_id"] == "a" and record["date"] == "2022-01-21"
    assert record["language"] == "de"
    assert err == ""


def test_bad_records_are_reported_by_file_and_line_and_skipped(cli, capsys) -> None:
    path = INPUTS / "records.jsonl"
    assert cli(["extract", str(path)]) == 2
    out, err = capsys.readouterr()
    assert [r["article_id"] for r in jsonl(out)] == ["ok-1", "bad-date", "html-1", "7"]
    assert (f"lagebild: skipped {path}:3: malformed JSON (Expecting ',' delimiter); "
            "fix or remove the line") in err
    assert f"lagebild: skipped {path}:4: record has neither 'text' nor 'html'" in err
    assert f"lagebild: warning: {path}:5: bad date '29.03.2022' ignored" in err
    assert err.rstrip().endswith("lagebild: 5 of 9 inputs skipped")


def test_missing_path_among_others_gives_exit_2(cli, capsys, tmp_path: Path) -> None:
    good = tmp_path / "a.txt"
    good.write_text("The ministers met in Geneva for talks on Monday.", "utf-8")
    missing = tmp_path / "fehlt.txt"
    assert cli(["extract", str(missing), str(good)]) == 2
    out, err = capsys.readouterr()
    assert len(jsonl(out)) == 1
    assert f"lagebild: skipped {missing}: no such file or directory" in err
    assert "1 of 2 inputs skipped" in err


def test_unsupported_language_is_reported_and_skipped(cli, capsys) -> None:
    assert cli(["extract", str(INPUTS / "french.txt"), str(INPUTS / "page.html")]) == 2
    out, err = capsys.readouterr()
    assert [r["article_id"] for r in jsonl(out)] == ["page"]
    assert f"skipped {INPUTS / 'french.txt'}: language 'fr' is not supported" in err
    assert "--lang" in err


def test_forced_language_is_passed_on(cli, capsys) -> None:
    assert cli(["extract", str(INPUTS / "french.txt"), "--lang", "de"]) == 0
    [record] = jsonl(capsys.readouterr().out)
    assert record["language"] == "de"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["extract"], "no INPUT given"),
        (["extract", "a.txt", "--date", "21.01.2022"], "--date expects a date as YYYY-MM-DD"),
        (["extract", "a.txt", "--date", "2022-02-30"], "not a valid date"),
        (["extract", "a.txt", "--format", "xml"], "--format expects one of jsonl, csv, table"),
        (["extract", "a.txt", "--lang", "xx"], "--lang expects one of auto"),
        (["extract", "a.txt", "--min-confidence", "1.5"], "--min-confidence expects a number"),
        (["extract", "a.txt", "--min-confidence", "hoch"], "--min-confidence expects a number"),
        (["extract", "a.txt", "--actors", "/nonexistent/actors.yaml"], "--actors file not found"),
        (["extract", "/nonexistent/only.txt"], "no such file or directory: /nonexistent/only.txt"),
        (["extract", "a.txt", "-o", "/nonexistent/dir/out.jsonl"], "folder does not exist"),
    ],
)
def test_usage_errors_exit_1_with_what_was_expected(cli, capsys, tmp_path, monkeypatch,
                                                     argv: list[str], message: str) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("Some text.", "utf-8")
    assert cli(argv) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("lagebild: error: ") and message in err


def test_options_reach_the_pipeline(cli, capsys, monkeypatch, tmp_path: Path) -> None:
    seen: list[ExtractOptions] = []

    def record_options(self: Pipeline, article: Article) -> CodedArticle:
        seen.append(self.options)
        return CodedArticle(article=article)

    monkeypatch.setattr(Pipeline, "process", record_options)
    actors = tmp_path / "mine.yaml"
    actors.write_text("[]\n", "utf-8")
    argv = ["extract", str(INPUTS / "page.html"), "--date", "2021-03-04", "--lang", "en",
            "--no-modal", "--min-confidence", "0.4", "--actors", str(actors)]
    assert cli(argv) == 0
    [options] = seen
    assert options.lang == "en" and options.keep_modal is False
    assert options.min_confidence == pytest.approx(0.4)
    assert options.default_date is not None and options.default_date.isoformat() == "2021-03-04"
    assert options.actor_files == (actors,)
    assert capsys.readouterr().out == ""


def test_output_file_is_written_atomically(cli, capsys, tmp_path: Path) -> None:
    target = tmp_path / "events.jsonl"
    assert cli(["extract", str(INPUTS / "page.html"), "-o", str(target)]) == 0
    assert [r["article_id"] for r in jsonl(target.read_text("utf-8"))] == ["page"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.jsonl"]
    assert "wrote 1 events from 1 articles" in capsys.readouterr().err


def test_failed_run_leaves_the_old_output_untouched(cli, capsys, monkeypatch, tmp_path) -> None:
    target = tmp_path / "events.jsonl"
    target.write_text("old\n", "utf-8")
    calls: list[str] = []

    def fail_on_second(self: Pipeline, article: Article) -> CodedArticle:
        calls.append(article.id)
        if len(calls) == 2:
            raise DataError("invalid entry", "mine.yaml", 3)
        return stand_in_process(self, article)

    monkeypatch.setattr(Pipeline, "process", fail_on_second)
    argv = ["extract", str(INPUTS / "page.html"), str(INPUTS / "utf16_bom.txt"), "-o", str(target)]
    assert cli(argv) == 1
    assert "mine.yaml:3: invalid entry" in capsys.readouterr().err
    assert target.read_text("utf-8") == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.jsonl"]


def test_an_error_inside_the_coder_skips_only_that_article(cli, capsys, monkeypatch) -> None:
    def break_on_html(self: Pipeline, article: Article) -> CodedArticle:
        if article.id == "page":
            raise RuntimeError("boom")
        return stand_in_process(self, article)

    monkeypatch.setattr(Pipeline, "process", break_on_html)
    assert cli(["extract", str(INPUTS / "page.html"), str(INPUTS / "utf16_bom.txt")]) == 2
    out, err = capsys.readouterr()
    assert [r["article_id"] for r in jsonl(out)] == ["utf16_bom"]
    assert "page.html: internal error while coding (RuntimeError: boom)" in err


def test_several_megabyte_article(cli, capsys, tmp_path: Path) -> None:
    paragraph = "Die Regierung in Berlin kündigte am Montag neue Hilfen für die Ukraine an.\n\n"
    path = tmp_path / "gross.txt"
    path.write_text(paragraph * 60000, "utf-8")  # ~4.6 MB
    assert cli(["extract", str(path), "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["article_id"] for r in rows] == ["gross"]


def test_stdin_input(cli, capsys, monkeypatch) -> None:
    data = b'{"id": "s1", "text": "The ministers met in Geneva."}\n{"id": "s2", "text": }\n'
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    assert cli(["extract", "-"]) == 2
    out, err = capsys.readouterr()
    assert [r["article_id"] for r in jsonl(out)] == ["s1"]
    assert "skipped <stdin>:2: malformed JSON" in err


def test_table_and_progress(cli, capsys) -> None:
    argv = ["extract", str(INPUTS / "page.html"), "--format", "table", "--progress"]
    assert cli(argv) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:3] == ["date", "type", "cameo"]
    assert "RUSGOV" in lines[2] and "NATO" in lines[2] and "HYP" in lines[2]


def test_help_describes_the_command(capsys, monkeypatch) -> None:
    monkeypatch.setattr(lagebild.cli, "COMMAND_MODULES", ("extract",))
    assert lagebild.cli.main(["extract", "--help"]) == 0
    out = capsys.readouterr().out
    for option in ("--format", "--date", "--lang", "--actors", "--min-confidence", "--no-modal"):
        assert option in out


@pytest.mark.skipif(not SEED.exists(), reason=f"seed article {SEED} not present")
def test_real_pipeline_on_the_seed(capsys, monkeypatch) -> None:
    monkeypatch.setattr(lagebild.cli, "COMMAND_MODULES", ("extract",))
    assert lagebild.cli.main(["extract", str(SEED), "--date", "2022-01-21"]) == 0
    out, err = capsys.readouterr()
    for record in jsonl(out):
        assert list(record)[: len(EVENT_FIELDS)] == list(EVENT_FIELDS)
        assert record["article_id"] == SEED.stem
    assert "skipped" not in err


# --- output writers -----------------------------------------------------------------------


def sample_records() -> list[dict[str, Any]]:
    speaker = Actor("Lawrow", name="Sergey Lavrov", country="RUS", sector="GOV")
    full = Event(
        article_id="a1", language="de", type="THREATEN", cameo="138", quad_class=3,
        goldstein=-7.0, source=Actor("Herr Blinken", name="Antony Blinken", country="USA",
                                     sector="GOV"),
        target=Actor("Russland", country="RUS"), date=None, negated=True, hypothetical=False,
        sentence="Herr Blinken warnte, jede „Invasion“ würde beantwortet, sagte er, " * 4,
        trigger="warnte", char_start=13, char_end=19, confidence=0.91234, mode="military",
        location={"name": "Genf", "country": "CHE"}, quote=Quote("Wir greifen nicht an", 0, 20,
                                                                   speaker),
    )
    bare = Event(
        article_id="a2", language="en", type="CONSULT", cameo="040", quad_class=1,
        goldstein=1.0, source=None, target=None, date=None, negated=False, hypothetical=False,
        sentence="Talks, \"frank\"; held", trigger="talks", char_start=0, char_end=5,
        confidence=0.5,
    )
    return [full.to_record(), bare.to_record()]


def test_jsonl_keeps_contract_order_and_non_ascii() -> None:
    stream = io.StringIO()
    shuffled = [dict(reversed(list(r.items()))) for r in sample_records()]
    assert write_events(shuffled, "jsonl", stream) == 2
    lines = stream.getvalue().splitlines()
    assert "„Invasion“" in lines[0]
    first = json.loads(lines[0])
    assert list(first) == [*EVENT_FIELDS, "mode", "location", "quote"]
    assert first == ordered_record(sample_records()[0])


def test_csv_is_parsable_with_flat_actor_columns() -> None:
    stream = io.StringIO()
    write_events(sample_records(), "csv", stream)
    reader = csv.DictReader(io.StringIO(stream.getvalue()))
    assert tuple(reader.fieldnames or ()) == CSV_COLUMNS
    full, bare = list(reader)
    assert (full["source_name"], full["source_code"], full["target_code"]) == (
        "Antony Blinken", "USAGOV", "RUS")
    assert full["negated"] == "true" and full["date"] == ""
    assert json.loads(full["location"]) == {"name": "Genf", "country": "CHE"}
    assert (full["quote_text"], full["quote_speaker_code"]) == ("Wir greifen nicht an", "RUSGOV")
    assert bare["sentence"] == 'Talks, "frank"; held'
    assert bare["source_code"] == "" and bare["target_text"] == ""
    for column in ("source_text", "source_country", "source_org", "source_sector",
                   "target_name", "target_country", "target_org", "target_sector"):
        assert column in CSV_COLUMNS


def test_table_fits_its_width_and_shows_flags() -> None:
    stream = io.StringIO()
    write_events(sample_records(), "table", stream)
    lines = stream.getvalue().splitlines()
    assert len(lines) == 4
    assert all(len(line) <= TABLE_WIDTH for line in lines)
    assert "NEG" in lines[2] and "USAGOV" in lines[2] and "…" in lines[2]
    assert "NEG" not in lines[3] and "HYP" not in lines[3]


def test_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown output format"):
        write_events([], "xml", io.StringIO())
