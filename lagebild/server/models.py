"""The JSON shapes of the API (pydantic models): they document /openapi.json and check
every response against the event record contract."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from lagebild.server.settings import MAX_INGEST_ARTICLES


class ErrorBody(BaseModel):
    """A 4xx/5xx answer: what was wrong, which parameter, what to do."""

    error: str
    parameter: str | None = None
    hint: str | None = None


class ActorModel(BaseModel):
    """An actor object of the event record."""

    text: str | None = None
    name: str | None = None
    country: str | None = None
    org: str | None = None
    sector: str | None = None
    code: str | None = None


class Span(BaseModel):
    """A highlight inside the evidence sentence (offsets relative to the sentence)."""

    start: int
    end: int
    role: str = Field(description="trigger, source or target")


class Evidence(BaseModel):
    """Where the sentence starts in the article, and what to highlight in it."""

    sentence_start: int | None
    spans: list[Span]


class EventModel(BaseModel):
    """One event: the record of `lagebild extract --format jsonl`, plus `day`."""

    model_config = ConfigDict(extra="allow")

    event_id: str
    article_id: str
    language: str | None
    type: str | None
    cameo: str | None
    quad_class: int | None
    goldstein: float | None
    source: ActorModel | None
    target: ActorModel | None
    date: str | None
    negated: bool
    hypothetical: bool
    sentence: str | None
    trigger: str | None
    char_start: int | None
    char_end: int | None
    confidence: float | None
    day: str | None = Field(None, description="the event date, else the article date")
    sentence_index: int | None = None
    mode: str | None = None
    context: str | None = None
    location: dict[str, Any] | None = None
    quote: dict[str, Any] | None = None
    evidence: Evidence | None = None


class EventPage(BaseModel):
    """One page of filtered events and how many there are in all."""

    total: int
    limit: int
    offset: int
    sort: str | None
    events: list[EventModel]


class AggregateResponse(BaseModel):
    """Series rows: period start, breakdown keys, events, Goldstein sum and mean."""

    period: str
    by: str
    rows: list[dict[str, Any]]


class ActorStats(BaseModel):
    """An actor (country, else organisation) and its activity under the filter."""

    actor: str
    kind: str
    label: str
    events: int
    as_source: int
    as_target: int
    cooperation: int
    conflict: int
    goldstein_mean: float | None


class ActorList(BaseModel):
    """The most active actors."""

    actors: list[ActorStats]


class Edge(BaseModel):
    """A directed dyad with its cooperation/conflict split."""

    source_key: str
    target_key: str
    events: int
    cooperation: int
    conflict: int
    goldstein_sum: float | None
    goldstein_mean: float | None


class NetworkResponse(BaseModel):
    """Actors as nodes and dyads between them as edges."""

    nodes: list[ActorStats]
    edges: list[Edge]
    total_dyads: int
    truncated: bool


class QuoteModel(BaseModel):
    """A direct quotation, its speaker and the article it is from."""

    article_id: str
    char_start: int | None
    char_end: int | None
    text: str | None
    speaker: ActorModel | None
    article_title: str | None = None
    article_date: str | None = None
    language: str | None = None


class QuotePage(BaseModel):
    """One page of quotes."""

    total: int
    limit: int
    offset: int
    quotes: list[QuoteModel]


class ArticleSummary(BaseModel):
    """An article's metadata (no text)."""

    id: str
    title: str | None
    date: str | None
    language: str | None
    source: str | None
    url: str | None
    n_events: int | None


class ArticlePage(BaseModel):
    """One page of articles."""

    total: int
    limit: int
    offset: int
    articles: list[ArticleSummary]


class ArticleDetail(BaseModel):
    """An article with its cleaned text, events, actor mentions and quotes."""

    article: dict[str, Any]
    events: list[EventModel]
    mentions: list[dict[str, Any]]
    quotes: list[QuoteModel]


class ExtractRequest(BaseModel):
    """Text to code without storing it."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, description="the article text (plain text)")
    lang: str = Field("auto", max_length=8, description="auto, or a language code: de, en")
    date: str | None = Field(
        None, max_length=40, description="publication date YYYY-MM-DD, anchors 'on Monday'"
    )
    title: str | None = Field(None, max_length=1000)
    id: str | None = Field(None, max_length=200, description="article id for the records")


class ExtractResponse(BaseModel):
    """What the pipeline found in the posted text."""

    article: dict[str, Any]
    events: list[EventModel]
    quotes: list[dict[str, Any]]


class IngestRequest(BaseModel):
    """Articles to code and store, as records of the JSONL input format."""

    articles: list[dict[str, Any]] = Field(
        min_length=1,
        max_length=MAX_INGEST_ARTICLES,
        description="records with text (or html), and optionally id, lang, date, title, "
        "url, source",
    )


class IngestResponse(BaseModel):
    """What one POST /api/ingest did."""

    run_id: int
    articles_new: int
    articles_recoded: int
    articles_skipped: int
    articles_failed: int
    inputs_skipped: int
    events_written: int
    problems: list[str]


class Health(BaseModel):
    """The server is up; what store it serves."""

    status: str
    version: str
    store: str
    allow_ingest: bool
    counts: dict[str, Any]
