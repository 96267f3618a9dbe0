"""Ingestion: read .txt, .html, .jsonl/.json files, directories and stdin into Articles.

`iter_articles` yields an `Article` for every readable input and an `InputProblem` for every
bad file or record (and for warnings, with `skipped=False`); problems never stop the run.
Articles carry the raw text: cleaning and language id are pipeline stages.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from lagebild.ingest.decode import NotTextError, decode_bytes, looks_binary
from lagebild.ingest.html import extract_html, looks_like_html
from lagebild.ingest.options import DEFAULT_MAX_BYTES, IngestOptions, InputProblem
from lagebild.ingest.records import (
    ArticleIds,
    ArticleOrProblem,
    article_from_record,
    forced_or_given_language,
    is_jsonl_text,
    iter_jsonl_lines,
    size_problem,
    too_big,
)
from lagebild.schema import Article

__all__ = [
    "DEFAULT_MAX_BYTES",
    "INPUT_SUFFIXES",
    "STDIN",
    "ArticleIds",
    "IngestOptions",
    "InputProblem",
    "directory_files",
    "iter_articles",
    "iter_jsonl_range",
    "iter_path",
]

STDIN = "-"
STDIN_LABEL = "<stdin>"
#: file suffixes a directory is searched for, and how each is read
INPUT_SUFFIXES: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
}


def iter_articles(
    inputs: Sequence[str], options: IngestOptions | None = None, stdin: BinaryIO | None = None
) -> Iterator[ArticleOrProblem]:
    """Articles and problems of every input in order; `-` reads stdin (or `stdin` if given)."""
    options = options or IngestOptions()
    ids = ArticleIds()
    for name in inputs:
        if name == STDIN:
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from _iter_stdin(stream, options, ids)
        else:
            yield from iter_path(Path(name), options, ids)


def iter_path(
    path: Path, options: IngestOptions, ids: ArticleIds, label: str | None = None
) -> Iterator[ArticleOrProblem]:
    """Articles and problems of one file or folder; `label` names it in reports and article
    origins (default: the path itself), so a Dask worker reading an absolute path reports
    the path as the user gave it."""
    where = label or str(path)
    if not path.exists():
        yield InputProblem(where, "no such file or directory", "check the path")
    elif path.is_dir():
        files = directory_files(path)
        if not files:
            kinds = ", ".join(sorted(INPUT_SUFFIXES))
            yield InputProblem(
                where,
                f"directory holds no input files ({kinds})",
                "point to the files or a folder that holds them",
            )
        for file in files:
            yield from _iter_file(file, options, ids, str(Path(where) / file.relative_to(path)))
    else:
        yield from _iter_file(path, options, ids, where)


def directory_files(directory: Path) -> list[Path]:
    """Input files under `directory`, recursively and sorted, skipping hidden ones."""
    found = []
    for path in directory.rglob("*"):
        hidden = any(part.startswith(".") for part in path.relative_to(directory).parts)
        if not hidden and path.suffix.lower() in INPUT_SUFFIXES and path.is_file():
            found.append(path)
    return sorted(found)


def _iter_file(
    path: Path, options: IngestOptions, ids: ArticleIds, where: str
) -> Iterator[ArticleOrProblem]:
    kind = INPUT_SUFFIXES.get(path.suffix.lower(), "sniff")
    try:
        if kind == "jsonl":
            with path.open("rb") as handle:
                if looks_binary(handle.read(8192)):
                    yield InputProblem(where, "binary file, not text", "give a UTF-8 JSONL file")
                    return
                handle.seek(0)
                yield from iter_jsonl_lines(handle, where, path.stem, options, ids)
            return
        if kind != "json" and path.stat().st_size > options.max_bytes:
            yield size_problem(where, options)
            return
        data = path.read_bytes()
    except OSError as exc:
        yield InputProblem(
            where, f"cannot read ({exc.strerror or exc})", "check the file's permissions"
        )
        return
    yield from _iter_bytes(data, where, path.stem, kind, options, ids)


def iter_jsonl_range(
    path: Path,
    start: int,
    end: int,
    first_line: int,
    options: IngestOptions,
    ids: ArticleIds,
    label: str | None = None,
) -> Iterator[ArticleOrProblem]:
    """Articles of the JSONL lines between byte offsets `start` and `end` (cut at line
    boundaries, `first_line` the number of the first); a Dask task reads its share of a big
    file this way and reports bad lines with their true numbers."""
    where = label or str(path)
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield InputProblem(
            where, f"cannot read ({exc.strerror or exc})", "check the file's permissions"
        )
        return
    with handle:
        handle.seek(start)

        def lines() -> Iterator[bytes]:
            remaining = end - start
            while remaining > 0:
                line = handle.readline()
                if not line:
                    return
                remaining -= len(line)
                yield line

        yield from iter_jsonl_lines(lines(), where, path.stem, options, ids, first_line)


def _iter_stdin(
    stream: BinaryIO, options: IngestOptions, ids: ArticleIds
) -> Iterator[ArticleOrProblem]:
    data = stream.read()
    if isinstance(data, str):  # a text stream was passed
        data = data.encode("utf-8")
    yield from _iter_bytes(data, STDIN_LABEL, "stdin", "sniff", options, ids)


def _iter_bytes(
    data: bytes, where: str, stem: str, kind: str, options: IngestOptions, ids: ArticleIds
) -> Iterator[ArticleOrProblem]:
    """Articles of the whole content of one file or of stdin."""
    if not data.strip():
        yield InputProblem(where, "empty, nothing to code", "remove it from the inputs")
        return
    try:
        decoded = decode_bytes(data)
    except NotTextError as exc:
        yield InputProblem(where, str(exc), "give a text, HTML or JSONL file")
        return
    if decoded.note:
        yield InputProblem(where, decoded.note, "save the file as UTF-8", skipped=False)
    text = decoded.text
    if kind == "sniff":
        kind = "jsonl" if is_jsonl_text(text) else "html" if looks_like_html(text) else "text"
    if kind == "jsonl":
        yield from iter_jsonl_lines(text.splitlines(), where, stem, options, ids)
    elif kind == "json":
        yield from _iter_json_document(text, where, stem, options, ids)
    elif kind == "html":
        yield from _html_article(text, where, stem, options, ids)
    elif too_big(text, options):
        yield size_problem(where, options)
    else:
        yield Article(
            id=ids.claim(stem),
            text=text,
            date=options.default_date,
            language=forced_or_given_language(None, options),
            origin=where,
        )


def _html_article(
    html: str, where: str, stem: str, options: IngestOptions, ids: ArticleIds
) -> Iterator[ArticleOrProblem]:
    content = extract_html(html)
    if content is None:
        yield InputProblem(
            where, "no main text found in the HTML", "check that the page holds the article text"
        )
        return
    yield Article(
        id=ids.claim(stem),
        text=content.text,
        date=content.date or options.default_date,
        language=forced_or_given_language(None, options),
        title=content.title,
        origin=where,
    )


def _iter_json_document(
    text: str, where: str, stem: str, options: IngestOptions, ids: ArticleIds
) -> Iterator[ArticleOrProblem]:
    """A .json file: one record object, or a list of them."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        if is_jsonl_text(text):  # JSONL saved as .json
            yield from iter_jsonl_lines(text.splitlines(), where, stem, options, ids)
            return
        yield InputProblem(
            f"{where}:{exc.lineno}",
            f"malformed JSON ({exc.msg})",
            "fix the file (a record object or a list of them)",
        )
        return
    records = document if isinstance(document, list) else [document]
    for index, record in enumerate(records):
        item_where = f"{where}[{index}]" if isinstance(document, list) else where
        if not isinstance(record, dict):
            yield InputProblem(
                item_where,
                f"expected a JSON object, got {type(record).__name__}",
                'give {"id": ..., "text": ...} records',
            )
            continue
        fallback = f"{stem}-{index + 1}" if isinstance(document, list) else stem
        yield from article_from_record(record, item_where, fallback, options, ids)
