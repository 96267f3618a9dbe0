"""ServerSettings: what `lagebild serve` was asked for (store, limits, ingest switch)."""

from __future__ import annotations

from dataclasses import dataclass

#: the largest request body the API reads (POST /api/extract, POST /api/ingest)
DEFAULT_MAX_BODY_BYTES = 1024 * 1024
#: the largest page of events, quotes or articles one request may ask for
MAX_PAGE_SIZE = 1000
#: the most articles one POST /api/ingest may carry
MAX_INGEST_ARTICLES = 200


@dataclass(frozen=True, slots=True)
class ServerSettings:
    """Options of one server: the store file, whether POST /api/ingest writes, limits."""

    #: the store file; must exist unless ingest is allowed
    db: str
    #: POST /api/ingest stores articles only when this is True (else 403)
    allow_ingest: bool = False
    #: request bodies bigger than this are refused with 413
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES
    #: serve the dashboard at / (the API is always served)
    dashboard: bool = True
