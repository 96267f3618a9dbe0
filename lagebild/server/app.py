"""The FastAPI application: API routers, error handlers, limits and the dashboard files."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from lagebild import __version__
from lagebild.errors import LagebildError
from lagebild.server.access import StoreAccess
from lagebild.server.limits import GuardMiddleware
from lagebild.server.params import ParameterError
from lagebild.server.routes_read import NotFound
from lagebild.server.routes_read import router as read_router
from lagebild.server.routes_write import IngestForbidden
from lagebild.server.routes_write import router as write_router
from lagebild.server.settings import ServerSettings

STATIC_DIR = Path(__file__).parent / "static"

DESCRIPTION = """\
The events lagebild coded from German and English news, as JSON.

Event filters (on /api/events, /api/aggregates, /api/actors, /api/network) are those of
`lagebild query`: `from`, `to`, `actor`, `source`, `target`, `dyad`, `type`, `quad`,
`lang`, `text`, `min_confidence`, `include_modal`. List parameters take repeated or
comma-separated values. Bad parameters give 400 (or 422 for a wrong type) with a JSON body
`{"error": ..., "parameter": ..., "hint": ...}`.
"""


def _validation_message(exc: RequestValidationError) -> str:
    """The first validation problem as one readable line."""
    for error in exc.errors():
        where = ".".join(str(part) for part in error.get("loc", ()) if part != "query")
        return f"{where}: {error.get('msg', 'invalid value')}"
    return "invalid request"


def _install_error_handlers(app: FastAPI) -> None:
    """Turn the API's exceptions into JSON answers with the right status."""

    @app.exception_handler(ParameterError)
    async def bad_parameter(request: Request, exc: ParameterError) -> JSONResponse:
        return JSONResponse(exc.body(), status_code=400)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        detail = [
            {k: v for k, v in error.items() if k in ("loc", "msg", "type")}
            for error in exc.errors()
        ]
        return JSONResponse({"error": _validation_message(exc), "detail": detail}, status_code=422)

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound) -> JSONResponse:
        return JSONResponse({"error": str(exc)}, status_code=404)

    @app.exception_handler(IngestForbidden)
    async def forbidden(request: Request, exc: IngestForbidden) -> JSONResponse:
        return JSONResponse(
            {
                "error": "ingest is switched off on this server",
                "hint": "start it with `lagebild serve --allow-ingest`",
            },
            status_code=403,
        )

    @app.exception_handler(LagebildError)
    async def lagebild_error(request: Request, exc: LagebildError) -> JSONResponse:
        return JSONResponse({"error": str(exc)}, status_code=400)


def build_app(settings: ServerSettings) -> FastAPI:
    """The app for one store; opens the store now so a bad --db fails before serving."""
    access = StoreAccess(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        access.close()

    app = FastAPI(
        title="lagebild",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url="/api/docs",
        redoc_url=None,
    )
    app.state.access = access
    app.state.settings = settings
    app.add_middleware(GuardMiddleware, max_body_bytes=settings.max_body_bytes)
    _install_error_handlers(app)
    app.include_router(read_router)
    app.include_router(write_router)
    if settings.dashboard:
        _add_dashboard(app)
    return app


def _add_dashboard(app: FastAPI) -> None:
    """Serve the dashboard page at / and its files under /static/."""
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    @app.get("/", include_in_schema=False)
    def dashboard() -> Any:
        return FileResponse(STATIC_DIR / "index.html", media_type="text/html")
