"""Ingestion: every reader, and every bad input reported with its place and skipped."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest

from lagebild.ingest import IngestOptions, InputProblem, iter_articles
from lagebild.ingest.decode import NotTextError, decode_bytes, looks_binary
from lagebild.ingest.records import ArticleIds, is_jsonl_text, parse_record_date
from lagebild.schema import Article

INPUTS = Path(__file__).parent / "data" / "inputs"


def read(*inputs: str | Path, stdin: bytes | None = None, **options: object):
    """Articles, skip problems and warnings of the inputs, in order."""
    items = list(iter_articles([str(i) for i in inputs], IngestOptions(**options),  # type: ignore[arg-type]
                               stdin=io.BytesIO(stdin) if stdin is not None else None))
    articles = [i for i in items if isinstance(i, Article)]
    problems = [i for i in items if isinstance(i, InputProblem) and i.skipped]
    warnings = [i for i in items if isinstance(i, InputProblem) and not i.skipped]
    return articles, problems, warnings


# --- plain text -------------------------------------------------------------------------


def test_text_file_becomes_one_article_named_after_the_file(tmp_path: Path) -> None:
    path = tmp_path / "meldung.txt"
    path.write_text("Titel\n\nDer Minister sagte am Montag ...\n", encoding="utf-8")
    articles, problems, _ = read(path, default_date=date(2022, 1, 21))
    assert problems == []
    [article] = articles
    assert article.id == "meldung"
    assert article.text.startswith("Titel\n\nDer Minister")
    assert article.date == date(2022, 1, 21)
    assert article.origin == str(path)
    assert article.language is None


def test_forced_language_is_set_on_every_article(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Some text here.", encoding="utf-8")
    articles, _, _ = read(tmp_path / "a.txt", INPUTS / "records.jsonl", lang="de")
    assert articles and all(a.language == "de" for a in articles)


def test_same_stem_in_two_folders_gives_unique_ids(tmp_path: Path) -> None:
    for sub in ("x", "y"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "a.txt").write_text(f"Text aus {sub}.", encoding="utf-8")
    articles, _, _ = read(tmp_path)
    assert [a.id for a in articles] == ["a", "a~2"]
    assert [a.text for a in articles] == ["Text aus x.", "Text aus y."]


def test_directory_is_read_recursively_and_sorted_skipping_other_files(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("zwei", encoding="utf-8")
    (tmp_path / "1.txt").write_text("eins", encoding="utf-8")
    (tmp_path / "3.TXT").write_text("drei", encoding="utf-8")
    (tmp_path / "notes.md").write_text("not an input", encoding="utf-8")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "0.txt").write_text("versteckt", encoding="utf-8")
    articles, problems, _ = read(tmp_path)
    assert problems == []
    assert [a.text for a in articles] == ["eins", "drei", "zwei"]


def test_directory_without_inputs_is_a_problem(tmp_path: Path) -> None:
    (tmp_path / "readme.md").write_text("nothing to code", encoding="utf-8")
    _, [problem], _ = read(tmp_path)
    assert problem.where == str(tmp_path)
    assert "no input files" in problem.message


# --- odd and bad files --------------------------------------------------------------------


@pytest.mark.parametrize("name", ["empty.txt", "blank_lines.txt"])
def test_empty_file_is_reported(name: str) -> None:
    articles, [problem], _ = read(INPUTS / name)
    assert articles == []
    assert problem.where.endswith(name)
    assert problem.message == "empty, nothing to code"


def test_binary_file_is_reported_not_decoded() -> None:
    articles, [problem], _ = read(INPUTS / "binary.txt")
    assert articles == []
    assert problem.message == "binary file, not text"


def test_legacy_windows_file_is_decoded_with_a_warning() -> None:
    [article], problems, [warning] = read(INPUTS / "legacy_cp1252.txt")
    assert problems == []
    assert "Außenminister" in article.text and "München" in article.text and "„" in article.text
    assert "Windows-1252" in warning.message


def test_utf16_file_with_byte_order_mark_is_decoded() -> None:
    [article], problems, warnings = read(INPUTS / "utf16_bom.txt")
    assert problems == [] and warnings == []
    assert article.text.startswith("The foreign minister arrived in Geneva")


def test_mostly_utf8_file_keeps_utf8_and_replaces_the_broken_byte() -> None:
    [article], _, [warning] = read(INPUTS / "mixed_broken_utf8.txt")
    assert "äußerte" in article.text
    assert "\ufffd" in article.text
    assert "replaced" in warning.message


def test_missing_path_is_a_problem_and_the_rest_goes_on(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text("Text.", encoding="utf-8")
    missing = tmp_path / "nicht-da.txt"
    articles, [problem], _ = read(missing, tmp_path / "ok.txt")
    assert [a.id for a in articles] == ["ok"]
    assert problem.where == str(missing)
    assert "no such file" in problem.message


def test_file_over_the_size_limit_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_text("x" * 2000, encoding="utf-8")
    (tmp_path / "small.txt").write_text("y" * 10, encoding="utf-8")
    articles, [problem], _ = read(tmp_path, max_bytes=1000)
    assert [a.id for a in articles] == ["small"]
    assert problem.where.endswith("big.txt") and "limit" in problem.message


def test_several_megabyte_article_passes_through(tmp_path: Path) -> None:
    paragraph = "Die Regierung in Berlin kündigte am Montag neue Hilfen an.\n\n"
    (tmp_path / "gross.txt").write_text(paragraph * 80000, encoding="utf-8")  # ~4.8 MB
    [article], problems, _ = read(tmp_path / "gross.txt")
    assert problems == []
    assert len(article.text) == len(paragraph) * 80000


# --- JSONL --------------------------------------------------------------------------------


def test_jsonl_good_records_are_read_and_bad_ones_reported_by_line() -> None:
    articles, problems, warnings = read(INPUTS / "records.jsonl")
    assert [a.id for a in articles] == ["ok-1", "bad-date", "html-1", "7"]
    by_line = {p.where.rsplit(":", 1)[1]: p for p in problems}
    assert set(by_line) == {"3", "4", "6", "9", "10"}
    assert by_line["3"].message.startswith("malformed JSON (")
    assert by_line["3"].hint == "fix or remove the line"
    assert "neither 'text' nor 'html'" in by_line["4"].message
    assert "JSON object" in by_line["6"].message
    assert by_line["9"].message == "empty, nothing to code"
    assert "must be a string" in by_line["10"].message
    [date_warning] = warnings
    assert date_warning.where.endswith("records.jsonl:5")
    assert "29.03.2022" in date_warning.message


def test_jsonl_fields_are_mapped_onto_the_article() -> None:
    articles, _, _ = read(INPUTS / "records.jsonl", default_date=date(2020, 1, 1))
    ok, bad_date, html, numeric = articles
    assert ok.text == "Russia and Ukraine held talks in Istanbul."
    assert ok.date == date(2022, 3, 29)
    assert (ok.language, ok.url, ok.source) == ("en", "https://example.org/a", "example")
    assert ok.origin == f"{INPUTS / 'records.jsonl'}:1"
    assert bad_date.date == date(2020, 1, 1)  # bad date ignored, default applies
    assert numeric.language == "en"  # "en-GB"
    assert html.date == date(2022, 2, 24)  # from the HTML's metadata
    assert "Russische Truppen griffen" in html.text and "<p>" not in html.text


def test_jsonl_without_ids_and_with_duplicates(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text('{"text": "eins"}\n{"id": "a", "text": "zwei"}\n{"id": "a", "text": "drei"}\n',
                    encoding="utf-8")
    articles, problems, [warning] = read(path)
    assert problems == []
    assert [a.id for a in articles] == ["feed-1", "a", "a~2"]
    assert "duplicate id" in warning.message and warning.where.endswith(":3")


def test_jsonl_with_only_blank_lines_is_empty(tmp_path: Path) -> None:
    (tmp_path / "leer.jsonl").write_text("\n\n  \n", encoding="utf-8")
    _, [problem], _ = read(tmp_path / "leer.jsonl")
    assert problem.message == "empty, nothing to code"


def test_record_over_the_size_limit_is_skipped_and_the_next_read(tmp_path: Path) -> None:
    path = tmp_path / "f.jsonl"
    path.write_text('{"id": "big", "text": "' + "x" * 3000 + '"}\n{"id": "ok", "text": "y"}\n',
                    encoding="utf-8")
    articles, [problem], _ = read(path, max_bytes=1000)
    assert [a.id for a in articles] == ["ok"]
    assert problem.where.endswith("f.jsonl:1")


def test_json_document_with_a_list_of_records(tmp_path: Path) -> None:
    path = tmp_path / "batch.json"
    path.write_text('[{"id": "a", "text": "eins"}, {"text": "zwei"}, 3]', encoding="utf-8")
    articles, [problem], _ = read(path)
    assert [a.id for a in articles] == ["a", "batch-2"]
    assert problem.where.endswith("batch.json[2]")


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2022-01-21", date(2022, 1, 21)), ("2022-01-21T10:00:00Z", date(2022, 1, 21)),
     ("2022-01-21 10:00", date(2022, 1, 21)), (None, None), ("", None)],
)
def test_parse_record_date(value: object, expected: date | None) -> None:
    assert parse_record_date(value) == expected


@pytest.mark.parametrize("value", ["21.01.2022", "2022-13-01", "2022-01-21junk", 20220121, "x"])
def test_parse_record_date_rejects(value: object) -> None:
    with pytest.raises(ValueError):
        parse_record_date(value)


# --- HTML ---------------------------------------------------------------------------------


def test_html_file_main_text_title_and_date() -> None:
    [article], problems, _ = read(INPUTS / "page.html")
    assert problems == []
    assert article.id == "page"
    assert article.date == date(2022, 1, 21)
    assert article.title and "Nato warnt Moskau" in article.title
    assert "Der Generalsekretär der Nato" in article.text
    assert "\n\n" in article.text  # paragraphs kept apart
    for furniture in ("Startseite", "Wetter am Wochenende", "Alle Rechte vorbehalten"):
        assert furniture not in article.text


def test_html_date_is_not_guessed_from_a_copyright_line() -> None:
    [article], _, _ = read(INPUTS / "no_date_copyright.html", default_date=date(2023, 5, 1))
    assert article.date == date(2023, 5, 1)
    assert "Waffenstillstand" in article.text


def test_html_without_article_text_is_a_problem() -> None:
    articles, [problem], _ = read(INPUTS / "empty_page.html")
    assert articles == []
    assert "no main text" in problem.message


# --- stdin --------------------------------------------------------------------------------


def test_stdin_plain_text() -> None:
    [article], _, _ = read("-", stdin="Ein Text über Gespräche in Genf.\n".encode())
    assert article.id == "stdin"
    assert article.text.startswith("Ein Text")
    assert article.origin == "<stdin>"


def test_stdin_jsonl_with_a_bad_line() -> None:
    data = b'{"id": "a", "text": "eins"}\n{"id": "b", "text": }\n{"id": "c", "text": "drei"}\n'
    articles, [problem], _ = read("-", stdin=data)
    assert [a.id for a in articles] == ["a", "c"]
    assert problem.where == "<stdin>:2"


def test_stdin_html_is_recognised() -> None:
    html = (INPUTS / "page.html").read_bytes()
    [article], _, _ = read("-", stdin=html)
    assert "Der Generalsekretär der Nato" in article.text and "<p>" not in article.text


def test_empty_stdin_is_a_problem() -> None:
    _, [problem], _ = read("-", stdin=b"")
    assert problem.where == "<stdin>"


# --- helpers ------------------------------------------------------------------------------


def test_is_jsonl_text() -> None:
    assert is_jsonl_text('{"a": 1}\n\n{"b": 2}\n')
    assert is_jsonl_text('{"a": 1}\n{"b": }\n')  # a bad later line is reported, not text
    assert not is_jsonl_text("{Klammer} am Anfang\nund Text")
    assert not is_jsonl_text('{"a": 1}\nText\n')
    assert not is_jsonl_text("")


def test_decode_bytes_refuses_binary_and_reads_latin1() -> None:
    with pytest.raises(NotTextError):
        decode_bytes(b"abc\x00def")
    assert looks_binary(bytes(range(32)) * 10)
    assert not looks_binary("Grüße\n\tTab".encode())
    # 0x81 is undefined in Windows-1252: Latin-1 is the last resort
    decoded = decode_bytes(b"Stra\xdfe \x81")
    assert decoded.text.startswith("Straße") and "Latin-1" in decoded.note


def test_article_ids_are_unique() -> None:
    ids = ArticleIds()
    assert [ids.claim(x) for x in ("a", "a", "a~2", "b", "a")] == ["a", "a~2", "a~2~2", "b", "a~3"]
