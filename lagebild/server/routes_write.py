"""POST endpoints: code posted text without storing it, and (when allowed) ingest articles."""

from __future__ import annotations

from functools import cache
from typing import Annotated, Any

from fastapi import APIRouter, Depends

from lagebild.errors import LagebildError
from lagebild.server.access import StoreAccess
from lagebild.server.evidence import evidence_for
from lagebild.server.models import (
    ErrorBody,
    ExtractRequest,
    ExtractResponse,
    IngestRequest,
    IngestResponse,
)
from lagebild.server.params import ParameterError, parse_day
from lagebild.server.routes_read import ERROR_RESPONSES, access
from lagebild.store import EventStore, IngestSettings, ingest_articles

router = APIRouter(prefix="/api", responses=ERROR_RESPONSES)


class IngestForbidden(Exception):
    """POST /api/ingest on a server started without --allow-ingest: becomes HTTP 403."""


@cache
def _pipeline(lang: str) -> Any:
    """One pipeline per forced language ("auto" detects), created on first use."""
    from lagebild.pipeline import ExtractOptions, Pipeline

    return Pipeline(ExtractOptions(lang=lang))


def _check_language(lang: str) -> str:
    """`auto` or a language with a pack, else a ParameterError."""
    from lagebild.lang import available_languages

    languages = ("auto", *available_languages())
    if lang not in languages:
        raise ParameterError(
            "lang", f"{lang[:20]!r} is not supported", "use one of " + ", ".join(languages)
        )
    return lang


@router.post(
    "/extract",
    response_model=ExtractResponse,
    responses={413: {"model": ErrorBody, "description": "body too large"}},
    summary="Code posted text without storing it",
)
def extract(body: ExtractRequest) -> dict[str, Any]:
    """Run the pipeline on the posted text and return its events; nothing is stored."""
    from lagebild.schema import Article

    lang = _check_language(body.lang)
    article = Article(
        id=body.id or "posted",
        text=body.text,
        date=parse_day("date", body.date),
        title=body.title,
        language=None if lang == "auto" else lang,
    )
    try:
        coded = _pipeline(lang).process(article)
    except LagebildError as exc:
        raise ParameterError("text", str(exc)) from None
    mentions = [
        {"char_start": m.start, "char_end": m.end, "text": m.text, "code": m.actor.code}
        for m in coded.mentions
    ]
    events = []
    for event in coded.events:
        record = event.to_record()
        record["day"] = record["date"] or (
            coded.article.date.isoformat() if coded.article.date else None
        )
        record["evidence"] = evidence_for(record, coded.article.text, mentions)
        events.append(record)
    quotes = [{**q.to_dict(), "char_start": q.start, "char_end": q.end} for q in coded.quotes]
    meta = coded.article
    return {
        "article": {
            "id": meta.id,
            "language": meta.language,
            "title": meta.title,
            "date": meta.date.isoformat() if meta.date else None,
            "text": meta.text,
        },
        "events": events,
        "quotes": quotes,
    }


def _store_on_cursor(store: StoreAccess) -> Any:
    """An EventStore object writing through a cursor of its own (connections are not
    thread-safe; the readers use cursors of the same connection concurrently)."""
    return EventStore.from_connection(store.store.con.cursor(), store.store.path)


@router.post(
    "/ingest",
    response_model=IngestResponse,
    responses={
        403: {"model": ErrorBody, "description": "ingest is switched off"},
        413: {"model": ErrorBody, "description": "body too large"},
    },
    summary="Code and store articles (needs --allow-ingest)",
)
def ingest(body: IngestRequest, store: Annotated[StoreAccess, Depends(access)]) -> dict[str, Any]:
    """Code the posted article records and store them; off unless started --allow-ingest."""
    from lagebild.ingest import IngestOptions
    from lagebild.ingest.records import ArticleIds, article_from_record

    if not store.settings.allow_ingest:
        raise IngestForbidden()
    options, ids = IngestOptions(), ArticleIds()
    items: list[Any] = []
    for number, record in enumerate(body.articles, start=1):
        items.extend(
            article_from_record(record, f"articles[{number - 1}]", f"posted-{number}", options, ids)
        )
    items = [item for item in items if getattr(item, "skipped", True)]
    settings = IngestSettings(options={"via": "POST /api/ingest"}, inputs=("POST /api/ingest",))
    with store.write_lock:
        writer = _store_on_cursor(store)
        try:
            summary = ingest_articles(writer, items, store.pipeline.process, settings)
        finally:
            writer.close()
    return {"run_id": summary.run_id, **summary.counts(), "problems": summary.problems}
