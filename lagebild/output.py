"""Writers of event records: JSONL (the public contract), flat CSV and a readable table.

Writers stream: each record is written as it comes, so a run over many articles never holds
all events in memory. `open_writer(fmt, stream)` gives a writer; `write_events` writes an
iterable of records in one call.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import Any, Protocol, TextIO

from lagebild.schema import ACTOR_FIELDS, EVENT_FIELDS, EVENT_OPTIONAL_FIELDS

FORMATS: tuple[str, ...] = ("jsonl", "csv", "table")

#: CSV columns, in this order: the record's fields with the source and target actors
#: flattened into `source_<field>`/`target_<field>`, then the optional fields (location as
#: JSON text, the quote as its text and its speaker's code).
CSV_COLUMNS: tuple[str, ...] = (
    *EVENT_FIELDS[: EVENT_FIELDS.index("source")],
    *(f"source_{f}" for f in ACTOR_FIELDS),
    *(f"target_{f}" for f in ACTOR_FIELDS),
    *EVENT_FIELDS[EVENT_FIELDS.index("target") + 1 :],
    "mode",
    "context",
    "location",
    "quote_text",
    "quote_speaker_code",
)

#: table columns: (header, width); the sentence takes what is left of TABLE_WIDTH
TABLE_COLUMNS: tuple[tuple[str, int], ...] = (
    ("date", 10),
    ("type", 9),
    ("cameo", 5),
    ("source", 12),
    ("target", 12),
    ("flags", 7),
    ("trigger", 20),
)
TABLE_WIDTH = 160


class EventWriter(Protocol):
    """Writes event records one by one to a text stream."""

    def write(self, record: dict[str, Any]) -> None:
        """Write one event record."""

    def finish(self) -> None:
        """Write what a format needs at the end (nothing for the streaming formats)."""


def ordered_record(record: dict[str, Any]) -> dict[str, Any]:
    """The record with its fields in contract order; unknown extra fields keep theirs, last."""
    known = [f for f in (*EVENT_FIELDS, *EVENT_OPTIONAL_FIELDS) if f in record]
    extra = [f for f in record if f not in known]
    return {f: record[f] for f in (*known, *extra)}


class JsonlWriter:
    """One JSON object a line, non-ASCII characters kept as they are."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, record: dict[str, Any]) -> None:
        """Write one record as a JSON line."""
        self.stream.write(json.dumps(ordered_record(record), ensure_ascii=False) + "\n")

    def finish(self) -> None:
        """Nothing to close: JSONL is complete after every line."""


def _csv_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def flatten_record(record: dict[str, Any]) -> dict[str, str]:
    """The record as one flat CSV row keyed by CSV_COLUMNS."""
    row: dict[str, Any] = {}
    for column in CSV_COLUMNS:
        role, _, field = column.partition("_")
        if role in ("source", "target") and field in ACTOR_FIELDS:
            actor = record.get(role) or {}
            row[column] = actor.get(field)
        elif column == "quote_text":
            row[column] = (record.get("quote") or {}).get("text")
        elif column == "quote_speaker_code":
            row[column] = ((record.get("quote") or {}).get("speaker") or {}).get("code")
        else:
            row[column] = record.get(column)
    return {k: _csv_value(v) for k, v in row.items()}


class CsvWriter:
    """A header line, then one flat row per event (columns: CSV_COLUMNS)."""

    def __init__(self, stream: TextIO) -> None:
        self.writer = csv.writer(stream, lineterminator="\n")
        self.writer.writerow(CSV_COLUMNS)

    def write(self, record: dict[str, Any]) -> None:
        """Write one record as a CSV row."""
        row = flatten_record(record)
        self.writer.writerow([row[c] for c in CSV_COLUMNS])

    def finish(self) -> None:
        """Nothing to close: every row is complete."""


def shorten(text: str, width: int) -> str:
    """`text` on one line, cut to `width` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


def _actor_label(actor: dict[str, Any] | None) -> str:
    if not actor:
        return "-"
    return actor.get("code") or actor.get("name") or actor.get("text") or "?"


def table_cells(record: dict[str, Any]) -> list[str]:
    """The table's cells for one record: date, type, cameo, actors, flags, trigger, sentence."""
    flags = "/".join(
        flag
        for flag, on in (("NEG", record.get("negated")), ("HYP", record.get("hypothetical")))
        if on
    )
    return [
        record.get("date") or "-",
        record.get("type") or "",
        str(record.get("cameo") or ""),
        _actor_label(record.get("source")),
        _actor_label(record.get("target")),
        flags or "-",
        record.get("trigger") or "",
        record.get("sentence") or "",
    ]


class TableWriter:
    """A fixed-width table for reading in a terminal, at most TABLE_WIDTH columns wide."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.sentence_width = TABLE_WIDTH - sum(w + 1 for _, w in TABLE_COLUMNS)
        self._line([h for h, _ in TABLE_COLUMNS] + ["sentence"])
        self._line(["-" * w for _, w in TABLE_COLUMNS] + ["-" * self.sentence_width])

    def _line(self, cells: list[str]) -> None:
        widths = [w for _, w in TABLE_COLUMNS] + [self.sentence_width]
        parts = [
            shorten(cell, width).ljust(width) for cell, width in zip(cells, widths, strict=True)
        ]
        self.stream.write(" ".join(parts).rstrip() + "\n")

    def write(self, record: dict[str, Any]) -> None:
        """Write one record as a table row."""
        self._line(table_cells(record))

    def finish(self) -> None:
        """Nothing to close: every row is complete."""


def open_writer(fmt: str, stream: TextIO) -> EventWriter:
    """A writer of `fmt` (one of FORMATS) on `stream`; ValueError for an unknown format."""
    writers: dict[str, type[JsonlWriter] | type[CsvWriter] | type[TableWriter]] = {
        "jsonl": JsonlWriter,
        "csv": CsvWriter,
        "table": TableWriter,
    }
    if fmt not in writers:
        raise ValueError(f"unknown output format {fmt!r}; expected one of {', '.join(FORMATS)}")
    return writers[fmt](stream)


def write_events(records: Iterable[dict[str, Any]], fmt: str, stream: TextIO) -> int:
    """Write event records (from `Event.to_record()`) in `fmt` to `stream`; returns how many."""
    writer = open_writer(fmt, stream)
    count = 0
    for record in records:
        writer.write(record)
        count += 1
    writer.finish()
    return count
