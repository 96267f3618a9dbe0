"""`lagebild serve`: the HTTP API and the dashboard over an event store."""

from __future__ import annotations

import argparse
import ipaddress
import sys
from pathlib import Path
from typing import Any

from lagebild.cli.store import add_db_argument, new_parser

DESCRIPTION = """\
Serve the JSON API (/api/...) and the web dashboard (/) over an event store.

The dashboard shows a timeline, the actor network and the event table with the
evidence behind every event; everything is served from this package (no CDN), so it
works offline. The API is documented at /api/docs and /openapi.json.
"""

EPILOG = """\
examples:
  lagebild ingest examples/ --db demo.duckdb
  lagebild serve --db demo.duckdb                 # then open http://127.0.0.1:8000/
  lagebild serve --db news.duckdb --port 8080 --allow-ingest

By default the server listens on 127.0.0.1 only. POST /api/ingest is refused (403)
unless --allow-ingest is given; POST /api/extract codes text without storing it.
"""


def register(subparsers: Any) -> None:
    """Add the `serve` subcommand."""
    parser = new_parser(
        subparsers, "serve", "serve the HTTP API and the dashboard", DESCRIPTION, EPILOG
    )
    add_db_argument(parser)
    parser.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default 127.0.0.1: this machine only)",
    )
    parser.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    parser.add_argument(
        "--allow-ingest",
        action="store_true",
        help="let POST /api/ingest code and store articles (opens the store for writing)",
    )
    parser.add_argument(
        "--max-body-mb",
        type=float,
        default=1.0,
        metavar="MB",
        help="largest request body accepted (default 1 MB)",
    )
    parser.add_argument(
        "--log-level",
        default="warning",
        choices=("critical", "error", "warning", "info", "debug"),
        help="uvicorn log level (default warning)",
    )
    parser.set_defaults(func=run_serve)


def _is_loopback(host: str) -> bool:
    """Whether an address only accepts connections from this machine."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def run_serve(args: argparse.Namespace) -> int:
    """Run `lagebild serve` until interrupted; returns the exit code."""
    from lagebild.store import default_db_path

    try:
        import uvicorn

        from lagebild.server import ServerSettings, create_app
    except ImportError as exc:
        print(
            f"lagebild: error: the server needs FastAPI and uvicorn ({exc.name} is missing);"
            " install them with: pip install 'lagebild[serve]'",
            file=sys.stderr,
        )
        return 1
    if not 0 < args.port < 65536:
        print(f"lagebild: error: --port expects 1..65535, got {args.port}", file=sys.stderr)
        return 1
    if args.max_body_mb <= 0:
        print("lagebild: error: --max-body-mb must be positive", file=sys.stderr)
        return 1
    db = args.db or default_db_path()
    if not Path(db).exists() and not args.allow_ingest:
        print(
            f"lagebild: error: {db}: no event store here (run `lagebild ingest INPUT... "
            f"--db {db}` first, or pass --db)",
            file=sys.stderr,
        )
        return 1
    settings = ServerSettings(
        db=db, allow_ingest=args.allow_ingest, max_body_bytes=int(args.max_body_mb * 1024 * 1024)
    )
    app = create_app(settings)  # opens the store: a bad --db fails here, before listening
    if not _is_loopback(args.host):
        print(
            f"lagebild: warning: listening on {args.host}, reachable from other machines; "
            "the API has no authentication",
            file=sys.stderr,
        )
    shown = f"[{args.host}]" if ":" in args.host else args.host
    print(
        f"lagebild: serving {db} at http://{shown}:{args.port}/ "
        f"(API docs at /api/docs; Ctrl-C stops)",
        file=sys.stderr,
    )
    uvicorn.run(app, host=args.host, port=args.port, log_level=args.log_level)
    return 0
