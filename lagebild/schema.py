"""The typed records every stage passes: Article, Token, Sentence, Actor, Mention, Quote, Event.

The DuckDB tables, the Parquet files and the JSON records map onto these one to one.
`Event.to_record()` is the public contract of `lagebild extract --format jsonl`
(see the README, "The event record").
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any

#: Field order of the event record, as documented in the ontology.
EVENT_FIELDS: tuple[str, ...] = (
    "event_id",
    "article_id",
    "language",
    "type",
    "cameo",
    "quad_class",
    "goldstein",
    "source",
    "target",
    "date",
    "negated",
    "hypothetical",
    "sentence",
    "trigger",
    "char_start",
    "char_end",
    "confidence",
)
#: Optional fields, written only when set.
EVENT_OPTIONAL_FIELDS: tuple[str, ...] = (
    "mode",
    "context",
    "location",
    "quote",
    "size",
    "dead",
    "injured",
)

ACTOR_FIELDS: tuple[str, ...] = ("text", "name", "country", "org", "sector", "code")


@dataclass(slots=True)
class Article:
    """One input document after ingestion: the text the pipeline codes and its metadata."""

    id: str
    text: str
    date: date | None = None
    language: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    #: where it came from, for error messages ("file.jsonl:12")
    origin: str | None = None

    def content_hash(self) -> str:
        """A stable hash of the text, used for ids and idempotent storage."""
        return hashlib.sha1(self.text.encode("utf-8")).hexdigest()


@dataclass(slots=True)
class Token:
    """A word or punctuation mark with its offsets into the article text."""

    text: str
    lower: str
    lemma: str
    start: int
    end: int


@dataclass(slots=True)
class Sentence:
    """A sentence with its tokens; offsets are into the article text."""

    index: int
    text: str
    start: int
    end: int
    tokens: list[Token] = field(default_factory=list)


@dataclass(slots=True)
class Actor:
    """Who acts or is acted upon, resolved to country, organisation and sector."""

    text: str
    name: str | None = None
    country: str | None = None
    org: str | None = None
    sector: str | None = None
    code: str | None = None

    def __post_init__(self) -> None:
        if self.code is None:
            self.code = actor_code(self.country, self.org, self.sector)

    def key(self) -> str | None:
        """The country or organisation code an evaluation matches on."""
        return self.country or self.org

    def to_dict(self) -> dict[str, Any]:
        """The actor object of the event record."""
        return {f: getattr(self, f) for f in ACTOR_FIELDS}


def actor_code(country: str | None, org: str | None, sector: str | None) -> str | None:
    """CAMEO-style concatenation: USA+GOV -> USAGOV, NATO -> NATO, None -> None."""
    head = country or org
    if head is None:
        return sector
    if sector and not (org and not country and sector == "IGO"):
        return head + sector
    return head


@dataclass(slots=True)
class Mention:
    """A span of text that names an actor; offsets are into the text searched."""

    start: int
    end: int
    text: str
    actor: Actor
    #: country, demonym, metonym, org, group, person, role, institution
    kind: str
    #: id of the knowledge entry that matched, for explanations
    entry: str = ""
    #: the dated role that applied (e.g. "foreign minister"), if any
    role: str | None = None
    #: True for a prefix in a compound ("NATO-Grenzen") or an adjective that does not
    #: itself head a noun phrase naming an actor ("russische Invasion")
    attributive: bool = False


@dataclass(slots=True)
class Quote:
    """A direct quotation and who said it."""

    text: str
    start: int
    end: int
    speaker: Actor | None = None

    def to_dict(self) -> dict[str, Any]:
        """The quote object of the event record."""
        return {
            "text": self.text,
            "speaker": self.speaker.to_dict() if self.speaker else None,
        }


@dataclass(slots=True)
class Event:
    """One coded event with its evidence. `to_record()` gives the public JSON record."""

    article_id: str
    language: str
    type: str
    cameo: str
    quad_class: int
    goldstein: float
    source: Actor | None
    target: Actor | None
    date: date | None
    negated: bool
    hypothetical: bool
    sentence: str
    trigger: str
    char_start: int
    char_end: int
    confidence: float
    event_id: str = ""
    mode: str | None = None
    context: str | None = None
    location: dict[str, Any] | None = None
    quote: Quote | None = None
    #: PLOVER magnitudes: people involved (troops, protesters), killed, injured
    size: int | None = None
    dead: int | None = None
    injured: int | None = None

    def __post_init__(self) -> None:
        if not self.event_id:
            self.event_id = make_event_id(
                self.article_id,
                self.char_start,
                self.char_end,
                self.type,
                self.cameo,
                self.source.code if self.source else None,
                self.target.code if self.target else None,
            )

    def to_record(self) -> dict[str, Any]:
        """The event record of `lagebild extract --format jsonl`, fields in contract order."""
        rec: dict[str, Any] = {
            "event_id": self.event_id,
            "article_id": self.article_id,
            "language": self.language,
            "type": self.type,
            "cameo": self.cameo,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "source": self.source.to_dict() if self.source else None,
            "target": self.target.to_dict() if self.target else None,
            "date": self.date.isoformat() if self.date else None,
            "negated": self.negated,
            "hypothetical": self.hypothetical,
            "sentence": self.sentence,
            "trigger": self.trigger,
            "char_start": self.char_start,
            "char_end": self.char_end,
            "confidence": round(self.confidence, 3),
        }
        if self.mode:
            rec["mode"] = self.mode
        if self.context:
            rec["context"] = self.context
        if self.location:
            rec["location"] = self.location
        if self.quote:
            rec["quote"] = self.quote.to_dict()
        for name in ("size", "dead", "injured"):
            value = getattr(self, name)
            if value is not None:
                rec[name] = value
        return rec


def make_event_id(article_id: str, start: int, end: int, *parts: object) -> str:
    """Stable event id: the same article and options give the same id."""
    raw = "\x1f".join([article_id, str(start), str(end), *(str(p) for p in parts)])
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]
