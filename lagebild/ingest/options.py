"""Options of ingestion (IngestOptions) and what it reports instead of an article (InputProblem)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

#: articles bigger than this are reported and skipped (per article, not per JSONL file)
DEFAULT_MAX_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class IngestOptions:
    """Options of reading inputs."""

    #: date for articles whose input carries none (the pipeline applies it too)
    default_date: date | None = None
    #: "auto", or a language code that every article is forced to
    lang: str = "auto"
    #: skip (and report) an article whose text or HTML is bigger than this
    max_bytes: int = DEFAULT_MAX_BYTES


@dataclass(frozen=True, slots=True)
class InputProblem:
    """A record or file that could not be read: where, what, and what to do about it.

    `skipped` is False for a warning: the article was still read (e.g. a bad date was
    ignored) and comes as its own item in the stream.
    """

    where: str
    message: str
    hint: str = ""
    skipped: bool = True

    def __str__(self) -> str:
        text = f"{self.where}: {self.message}"
        return f"{text}; {self.hint}" if self.hint else text
