"""Articles from JSON records and JSONL lines, with every bad record reported, never fatal."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from lagebild.ingest.html import extract_html, parse_iso_date
from lagebild.ingest.options import IngestOptions, InputProblem
from lagebild.schema import Article

ArticleOrProblem = Article | InputProblem


class ArticleIds:
    """Hands out article ids that are unique within a run ('a', then 'a~2', 'a~3' ...)."""

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def claim(self, wanted: str) -> str:
        """`wanted` if it is still free, else the first free 'wanted~N'."""
        candidate, n = wanted, 1
        while candidate in self._taken:
            n += 1
            candidate = f"{wanted}~{n}"
        self._taken.add(candidate)
        return candidate


def too_big(text: str, options: IngestOptions) -> bool:
    """Whether the UTF-8 size of `text` exceeds the per-article limit."""
    if len(text) * 4 <= options.max_bytes:  # cheap bound: a character is at most 4 bytes
        return False
    return len(text.encode("utf-8", errors="replace")) > options.max_bytes


def size_problem(where: str, options: IngestOptions) -> InputProblem:
    """The problem reported for an article over the size limit."""
    limit = options.max_bytes / (1024 * 1024)
    return InputProblem(
        where, f"article bigger than the limit of {limit:g} MB", "split it into smaller articles"
    )


def forced_or_given_language(value: Any, options: IngestOptions) -> str | None:
    """The forced language, else the record's own ('de-DE' -> 'de'), else None (detect it)."""
    if options.lang != "auto":
        return options.lang
    if isinstance(value, str) and value.strip():
        return value.strip().replace("_", "-").split("-", 1)[0].lower()
    return None


def parse_record_date(value: Any) -> date | None:
    """A record's date: 'YYYY-MM-DD' optionally followed by a time; raises ValueError if bad."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        parsed = parse_iso_date(value)
        rest = value.strip()[10:]
        if parsed is not None and (not rest or rest[0] in "T "):
            return parsed
    raise ValueError(f"bad date {value!r}")


def _optional_str(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def article_from_record(
    record: dict[str, Any], where: str, fallback_id: str, options: IngestOptions, ids: ArticleIds
) -> Iterator[ArticleOrProblem]:
    """The article of one JSON record, preceded by warnings; a problem instead if unusable."""
    text, html = record.get("text"), record.get("html")
    for name, value in (("text", text), ("html", html)):
        if value is not None and not isinstance(value, str):
            yield InputProblem(
                where,
                f"'{name}' must be a string, got {type(value).__name__}",
                "put the article text in a JSON string",
            )
            return
    url = _optional_str(record.get("url"))
    title = _optional_str(record.get("title"))
    html_date: date | None = None
    if text and text.strip():
        body = text
    elif html and html.strip():
        if too_big(html, options):
            yield size_problem(where, options)
            return
        content = extract_html(html, url)
        if content is None:
            yield InputProblem(
                where,
                "no main text found in 'html'",
                "check that the HTML holds the article, or give 'text'",
            )
            return
        body, title, html_date = content.text, title or content.title, content.date
    elif text is not None or html is not None:
        yield InputProblem(where, "empty, nothing to code", "fill 'text' or remove the record")
        return
    else:
        yield InputProblem(
            where,
            "record has neither 'text' nor 'html'",
            "add a 'text' field with the article text",
        )
        return
    if too_big(body, options):
        yield size_problem(where, options)
        return
    try:
        record_date = parse_record_date(record.get("date"))
    except ValueError as exc:
        record_date = None
        yield InputProblem(
            where,
            f"{exc} ignored",
            "expected YYYY-MM-DD; the article is coded with the default date (--date) or none",
            skipped=False,
        )
    raw_id = record.get("id")
    wanted_id = str(raw_id).strip() if isinstance(raw_id, str | int) else ""
    article_id = ids.claim(wanted_id or fallback_id)
    if wanted_id and article_id != wanted_id:
        yield InputProblem(
            where,
            f"duplicate id {wanted_id!r}, renamed to {article_id!r}",
            "give every record its own id",
            skipped=False,
        )
    yield Article(
        id=article_id,
        text=body,
        date=record_date or html_date or options.default_date,
        language=forced_or_given_language(record.get("lang"), options),
        title=title,
        url=url,
        source=_optional_str(record.get("source")),
        origin=where,
    )


def iter_jsonl_lines(
    lines: Iterable[bytes | str],
    path_label: str,
    id_prefix: str,
    options: IngestOptions,
    ids: ArticleIds,
    first_line: int = 1,
) -> Iterator[ArticleOrProblem]:
    """Articles of JSONL lines; a bad line is reported with its number and the rest goes on.

    `first_line` is the number of the first line given (a slice of a file starts later)."""
    seen_record = False
    for line_no, raw in enumerate(lines, first_line):
        where = f"{path_label}:{line_no}"
        if isinstance(raw, bytes):
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                line = raw.decode("utf-8", errors="replace")
                yield InputProblem(
                    where,
                    "invalid UTF-8 bytes replaced by U+FFFD",
                    "save the file as UTF-8",
                    skipped=False,
                )
        else:
            line = raw
        if line_no == 1:
            line = line.lstrip("\ufeff")
        if not line.strip():
            continue
        seen_record = True
        if "\x00" in line:
            yield InputProblem(where, "binary data, not a JSON record", "remove the line")
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputProblem(where, f"malformed JSON ({exc.msg})", "fix or remove the line")
            continue
        if not isinstance(record, dict):
            yield InputProblem(
                where,
                f"expected a JSON object, got {type(record).__name__}",
                'write one object a line: {"id": ..., "text": ...}',
            )
            continue
        yield from article_from_record(record, where, f"{id_prefix}-{line_no}", options, ids)
    if not seen_record:
        yield InputProblem(path_label, "empty, nothing to code", "remove it from the inputs")


def is_jsonl_text(text: str) -> bool:
    """Whether every non-empty line of `text` looks like a JSON object (stdin sniffing)."""
    first = True
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        if not (line.startswith("{") and line.endswith("}")):
            return False
        if first:
            try:
                if not isinstance(json.loads(line), dict):
                    return False
            except json.JSONDecodeError:
                return False
            first = False
    return not first
