"""The HTTP API and the web dashboard of lagebild (`lagebild serve`).

`create_app(ServerSettings(db=...))` builds the FastAPI app: a JSON API over the event
store under `/api/` and the offline dashboard (our own HTML, CSS and JS) at `/`.
FastAPI and uvicorn come with the `serve` extra: `pip install 'lagebild[serve]'`.
Documented for users in docs/api.md.
"""

from __future__ import annotations

from lagebild.server.settings import ServerSettings

__all__ = ["ServerSettings", "create_app"]


def create_app(settings: ServerSettings):  # noqa: ANN201 - FastAPI is an optional import
    """The FastAPI application serving the API and the dashboard for one store."""
    from lagebild.server.app import build_app

    return build_app(settings)
