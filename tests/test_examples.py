"""The bundled example articles (`make demo`) are well-formed: fields, dates, languages, length.

These tests check the inputs only, not what the coder makes of them.
"""

from __future__ import annotations

import json
import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest

EXAMPLES_DIR = Path(__file__).resolve().parent.parent / "examples"
JSONL_PATH = EXAMPLES_DIR / "articles.jsonl"
REQUIRED_FIELDS = ("id", "lang", "date", "title", "url", "source", "text")
LANGUAGES = ("de", "en")
MIN_WORDS = 120
MAX_WORDS = 450
MIN_ARTICLES_PER_LANGUAGE = 7


class ArticleTextParser(HTMLParser):
    """Collects the published date, the page language and the paragraphs inside <article>."""

    def __init__(self) -> None:
        super().__init__()
        self.published: str | None = None
        self.lang: str | None = None
        self.paragraphs: list[str] = []
        self._article_depth = 0
        self._in_paragraph = False
        self._current: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "html":
            self.lang = attributes.get("lang")
        elif tag == "meta" and attributes.get("property") == "article:published_time":
            self.published = attributes.get("content")
        elif tag == "article":
            self._article_depth += 1
        elif tag == "p" and self._article_depth:
            self._in_paragraph = True
            self._current = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self._article_depth -= 1
        elif tag == "p" and self._in_paragraph:
            self._in_paragraph = False
            self.paragraphs.append("".join(self._current).strip())

    def handle_data(self, data: str) -> None:
        if self._in_paragraph:
            self._current.append(data)


def word_count(text: str) -> int:
    """Number of words (runs of letters or digits) in a text."""
    return len(re.findall(r"\w+(?:[-'’.]\w+)*", text))


def read_jsonl_records() -> list[dict[str, object]]:
    """The records of examples/articles.jsonl, failing with the line number on bad JSON."""
    records = []
    for line_no, line in enumerate(JSONL_PATH.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError as exc:
            pytest.fail(f"{JSONL_PATH.name}:{line_no}: not valid JSON ({exc})")
    return records


def parse_html_page(path: Path) -> ArticleTextParser:
    """Parse one example HTML page."""
    parser = ArticleTextParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def html_paths() -> list[Path]:
    """The example HTML pages."""
    return sorted((EXAMPLES_DIR / "html").glob("*.html"))


def txt_paths() -> list[Path]:
    """The example plain-text files."""
    return sorted((EXAMPLES_DIR / "txt").glob("*.txt"))


def language_from_file_name(path: Path) -> str:
    """Example files are named '<lang>-<topic>.<suffix>'."""
    return path.name.split("-", 1)[0]


def test_jsonl_records_have_every_required_field() -> None:
    records = read_jsonl_records()
    assert records, "examples/articles.jsonl has no records"
    for record in records:
        missing = [f for f in REQUIRED_FIELDS if not (isinstance(record.get(f), str) and record[f])]
        assert not missing, f"{record.get('id')}: missing or empty fields {missing}"


def test_jsonl_records_are_valid() -> None:
    records = read_jsonl_records()
    ids = [r["id"] for r in records]
    assert len(ids) == len(set(ids)), "duplicate ids in articles.jsonl"
    for record in records:
        assert record["lang"] in LANGUAGES, f"{record['id']}: unknown lang {record['lang']}"
        published = date.fromisoformat(str(record["date"]))
        assert date(2000, 1, 1) <= published <= date.today(), f"{record['id']}: odd date"
        assert str(record["url"]).startswith("https://example.org/"), record["id"]
        assert str(record["id"]).startswith(f"{record['lang']}-"), record["id"]


@pytest.mark.parametrize("path", html_paths(), ids=lambda p: p.name)
def test_html_page_has_published_date_language_and_body(path: Path) -> None:
    page = parse_html_page(path)
    assert page.published, f"{path.name}: no article:published_time meta tag"
    date.fromisoformat(page.published[:10])
    assert page.lang == language_from_file_name(path), f"{path.name}: <html lang> vs file name"
    assert len(page.paragraphs) >= 4, f"{path.name}: too few paragraphs in <article>"


def test_html_pages_carry_boilerplate_for_the_cleaner() -> None:
    pages = {language_from_file_name(p): p.read_text(encoding="utf-8") for p in html_paths()}
    assert set(pages) == set(LANGUAGES)
    for lang, html in pages.items():
        for tag in ("<nav", "<footer", "<aside"):
            assert tag in html, f"{lang} page lacks {tag}>"
    assert "Leave a Reply" in pages["en"] and "Share this article" in pages["en"]


@pytest.mark.parametrize("path", txt_paths(), ids=lambda p: p.name)
def test_text_file_has_headline_and_explicit_dates(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    headline, _, body = text.partition("\n\n")
    assert headline.strip() and "\n" not in headline.strip(), f"{path.name}: no headline line"
    assert re.search(r"\b\d{1,2}\.? (?:[A-ZÄÖÜ][a-zäöü]+) 20\d\d\b", body), (
        f"{path.name}: give an explicit date in the text, since plain text has no metadata"
    )


def all_article_texts() -> list[tuple[str, str, str]]:
    """(name, language, text) of every example article in every format."""
    articles = [(str(r["id"]), str(r["lang"]), str(r["text"])) for r in read_jsonl_records()]
    for path in html_paths():
        page = parse_html_page(path)
        articles.append((path.name, str(page.lang), "\n\n".join(page.paragraphs)))
    for path in txt_paths():
        articles.append((path.name, language_from_file_name(path), path.read_text("utf-8")))
    return articles


def test_every_article_has_a_wire_report_length() -> None:
    for name, _, text in all_article_texts():
        words = word_count(text)
        assert MIN_WORDS <= words <= MAX_WORDS, f"{name}: {words} words"


def test_enough_articles_per_language_and_every_format_per_language() -> None:
    per_language = {lang: 0 for lang in LANGUAGES}
    for _, lang, _ in all_article_texts():
        assert lang in per_language, f"unexpected language {lang}"
        per_language[lang] += 1
    for lang, count in per_language.items():
        assert count >= MIN_ARTICLES_PER_LANGUAGE, f"only {count} {lang} examples"
    for paths in (html_paths(), txt_paths()):
        assert {language_from_file_name(p) for p in paths} == set(LANGUAGES)


def test_promo_blocks_are_present_for_the_cleaning_demo() -> None:
    articles = all_article_texts()
    texts = {lang: "\n".join(t for _, la, t in articles if la == lang) for lang in LANGUAGES}
    assert "WEITERLESEN:" in texts["de"]
    assert "READ MORE:" in texts["en"]


def test_readme_lists_every_article() -> None:
    readme = (EXAMPLES_DIR / "README.md").read_text(encoding="utf-8")
    for name, _, _ in all_article_texts():
        assert f"| {name} |" in readme, f"examples/README.md does not list {name}"
