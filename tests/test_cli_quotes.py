"""`lagebild quotes`: quotations and speakers from the real pipeline, and the CLI plumbing.

The plumbing tests replace `Pipeline.process` by a small stand-in that finds quotes with a
regex, so that they test options, formats and exit codes and not the coder.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

import lagebild.cli
from lagebild.cli.quotes import QUOTE_TABLE_WIDTH, quote_record
from lagebild.errors import UnsupportedLanguageError
from lagebild.pipeline import CodedArticle, Pipeline
from lagebild.schema import Actor, Article, Quote

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_0676fddd96149b3e.txt"
INPUTS = Path(__file__).parent / "data" / "inputs"


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch):
    """`lagebild ...` with the quotes command registered (the real pipeline)."""
    monkeypatch.setattr(lagebild.cli, "COMMAND_MODULES", ("extract", "quotes"))
    return lagebild.cli.main


def stand_in_process(self: Pipeline, article: Article) -> CodedArticle:
    """Every »…« quote, spoken by the first capitalised word of the text."""
    if "bonjour" in article.text:
        raise UnsupportedLanguageError("fr")
    first = article.text.split()[0]
    quotes = [
        Quote(m.group(1), m.start(1), m.end(1), Actor(first, country="DEU", sector="GOV"))
        for m in re.finditer(r"»([^«]+)«", article.text)
    ]
    return CodedArticle(article=replace(article, language="de"), quotes=quotes)


@pytest.fixture
def plumbing(cli, monkeypatch: pytest.MonkeyPatch):
    """`lagebild ...` with the stand-in pipeline."""
    monkeypatch.setattr(Pipeline, "process", stand_in_process)
    return cli


def jsonl(out: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


@pytest.mark.skipif(not SEED.exists(), reason=f"seed article {SEED} not present")
def test_seed_quote_of_the_ministry_is_found(cli, capsys) -> None:
    assert cli(["quotes", str(SEED), "--date", "2022-01-21"]) == 0
    out, err = capsys.readouterr()
    records = jsonl(out)
    [withdrawal] = [r for r in records if r["text"].startswith("Wir sprechen über den Abzug")]
    assert withdrawal["article_id"] == SEED.stem
    assert withdrawal["end"] - withdrawal["start"] == len(withdrawal["text"])
    assert withdrawal["speaker"]["country"] == "RUS"
    assert [r["start"] for r in records] == sorted(r["start"] for r in records)
    assert err == ""


@pytest.mark.parametrize(
    ("lang", "text", "quoted", "speaker_country"),
    [
        ("de", "Der russische Präsident Wladimir Putin erklärte am Montag, „der Westen will "
         "Russland schwächen“.", "der Westen will Russland schwächen", "RUS"),
        ("de", "Bundeskanzler Olaf Scholz sagte in einer Rede: »Wir stehen fest an der Seite "
         "der Ukraine.«", "Wir stehen fest an der Seite der Ukraine.", None),
        ("en", 'US President Joe Biden said on Tuesday: "We will defend every inch of NATO '
         'territory."', "We will defend every inch of NATO territory.", "USA"),
        ("en", "The British prime minister told parliament that “sanctions will be tightened "
         "further”.", "sanctions will be tightened further", None),
    ],
)
def test_hand_written_quotes_in_both_languages(
    cli, capsys, tmp_path: Path, lang: str, text: str, quoted: str, speaker_country: str | None,
) -> None:
    path = tmp_path / f"{lang}.txt"
    path.write_text(text + "\n", "utf-8")
    assert cli(["quotes", str(path), "--date", "2023-05-02", "--lang", lang]) == 0
    records = jsonl(capsys.readouterr().out)
    [record] = [r for r in records if r["text"] == quoted]
    assert text[record["start"] : record["end"]] == quoted
    if speaker_country:
        assert record["speaker"]["country"] == speaker_country


def test_records_carry_offsets_and_the_speaker(plumbing, capsys, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Berlin sagte »Ja zur Hilfe« und später »Nein zu Truppen«.\n", "utf-8")
    assert plumbing(["quotes", str(path)]) == 0
    first, second = jsonl(capsys.readouterr().out)
    assert first == {
        "article_id": "a", "start": 14, "end": 26, "text": "Ja zur Hilfe",
        "speaker": {"text": "Berlin", "name": None, "country": "DEU", "org": None,
                    "sector": "GOV", "code": "DEUGOV"},
    }
    assert second["text"] == "Nein zu Truppen" and second["start"] > first["end"]


def test_quote_without_speaker_gives_null() -> None:
    record = quote_record("x", Quote("Nein", 3, 7))
    assert record == {"article_id": "x", "start": 3, "end": 7, "text": "Nein", "speaker": None}


def test_table_format_fits_its_width(plumbing, capsys, tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("Moskau erklärte »" + "sehr lange Worte " * 30 + "«.\n", "utf-8")
    assert plumbing(["quotes", str(path), "--format", "table"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["article", "offsets", "speaker", "name", "quote"]
    assert len(lines) == 3 and "DEUGOV" in lines[2] and lines[2].endswith("…")
    assert all(len(line) <= QUOTE_TABLE_WIDTH for line in lines)


def test_bad_inputs_are_reported_and_skipped_with_exit_2(plumbing, capsys, tmp_path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Kyjiw sagte »Wir halten stand«.\n", "utf-8")
    french = tmp_path / "fr.txt"
    french.write_text("Paris dit bonjour »oui«.\n", "utf-8")
    missing = tmp_path / "missing.txt"
    assert plumbing(["quotes", str(good), str(french), str(missing)]) == 2
    out, err = capsys.readouterr()
    assert [r["text"] for r in jsonl(out)] == ["Wir halten stand"]
    assert f"lagebild: skipped {french}: language 'fr' is not supported" in err
    assert f"lagebild: skipped {missing}: no such file or directory" in err
    assert "2 of 3 inputs skipped" in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["quotes", "x.txt", "--format", "csv"], "--format expects one of jsonl, table"),
        (["quotes", "x.txt", "--date", "21.01.2022"], "--date expects a date as YYYY-MM-DD"),
        (["quotes", "x.txt", "--lang", "fr"], "--lang expects one of auto"),
        (["quotes"], "no INPUT given"),
    ],
)
def test_usage_errors_exit_1(plumbing, capsys, argv: list[str], message: str) -> None:
    assert plumbing(argv) == 1
    assert message in capsys.readouterr().err


def test_output_file_and_stdin(plumbing, capsys, monkeypatch, tmp_path: Path) -> None:
    import io
    import sys

    stdin = io.TextIOWrapper(io.BytesIO("Warschau sagte »Genug«.\n".encode()), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    target = tmp_path / "quotes.jsonl"
    assert plumbing(["quotes", "-", "-o", str(target)]) == 0
    assert [r["text"] for r in jsonl(target.read_text("utf-8"))] == ["Genug"]
    assert f"wrote 1 quotes to {target}" in capsys.readouterr().err


def test_help_describes_the_command(cli, capsys) -> None:
    assert cli(["quotes", "--help"]) == 0
    out = capsys.readouterr().out
    assert "direct quotation" in out and "--format" in out and "exit codes" in out
