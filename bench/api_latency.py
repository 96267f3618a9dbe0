"""API latency on a big store: p50/p95 of GET /api/events with typical filters.

Generates N synthetic events (default 1,000,000) straight into a new DuckDB store with one
`INSERT ... SELECT` over `range()`, then sends a bounded number of requests through the
in-process ASGI client (no network) and prints the latency percentiles per query and
overall. Target: p95 < 200 ms.

    python bench/api_latency.py [--events 1000000] [--rounds 20] [--db PATH]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from lagebild.store import EventStore  # noqa: E402

TYPES = [  # (type, cameo, quad class, goldstein)
    ("CONSULT", "040", 1, 1.0), ("AGREE", "030", 1, 4.0), ("SUPPORT", "051", 1, 3.4),
    ("AID", "070", 2, 7.0), ("COOPERATE", "060", 2, 6.0), ("REQUEST", "100", 3, -5.0),
    ("ACCUSE", "112", 3, -2.0), ("REJECT", "120", 3, -4.0), ("THREATEN", "130", 3, -4.4),
    ("MOBILIZE", "152", 4, -7.2), ("SANCTION", "163", 4, -8.0), ("ASSAULT", "190", 4, -10.0),
]
COUNTRIES = ["RUS", "UKR", "USA", "DEU", "FRA", "GBR", "CHN", "JPN", "POL", "TUR", "ISR",
             "PSE", "IRN", "TWN", "BLR", "SYR"]
SECTORS = ["GOV", "MIL", "CVL", "", "GOV", "OPP"]

#: typical dashboard and API queries (query strings of /api/events)
QUERIES: dict[str, dict[str, str]] = {
    "first page": {"limit": "50"},
    "type": {"type": "THREATEN", "limit": "50"},
    "actor": {"actor": "RUS", "limit": "50"},
    "dyad": {"dyad": "RUS,UKR", "limit": "50"},
    "date range": {"from": "2022-01-01", "to": "2022-01-31", "limit": "50"},
    "type+lang+range": {"type": "ASSAULT,MOBILIZE", "lang": "de", "from": "2022-02-01",
                        "to": "2022-06-30", "limit": "100"},
    "text": {"text": "Grenze", "limit": "50"},
    "sorted": {"sort": "-confidence", "actor": "USA", "limit": "50"},
    "deep page": {"offset": "200000", "limit": "50"},
    "big page": {"quad": "4", "limit": "1000"},
}


def generate(db: Path, events: int) -> float:
    """Fill a new store with `events` synthetic events; returns the seconds it took."""
    started = time.perf_counter()
    types = ", ".join(f"('{t}', '{c}', {q}, {g})" for t, c, q, g in TYPES)
    countries = "[" + ", ".join(f"'{c}'" for c in COUNTRIES) + "]"
    sectors = "[" + ", ".join(f"'{s}'" for s in SECTORS) + "]"
    with EventStore(db) as store:
        con = store.con
        con.execute(f"CREATE TEMP TABLE kinds AS SELECT * FROM (VALUES {types}) "
                    "k(type, cameo, quad, goldstein)")
        con.execute("CREATE TEMP TABLE kind_list AS SELECT row_number() OVER () - 1 AS k, * "
                    "FROM kinds")
        con.execute(f"""
            INSERT INTO events (event_id, global_id, article_id, language, type, cameo,
                quad_class, goldstein, source_text, source_country, source_sector, source_code,
                target_text, target_country, target_sector, target_code, date, day, negated,
                hypothetical, sentence, sentence_index, trigger, char_start, char_end,
                confidence)
            SELECT printf('%016x', hash(i)), i, 'syn-' || (i // 8),
                   CASE WHEN i % 3 = 0 THEN 'en' ELSE 'de' END,
                   k.type, k.cameo, k.quad, k.goldstein,
                   s, s, NULLIF(ss, ''), s || ss, t, t, NULLIF(ts, ''), t || ts,
                   d, d, i % 23 = 0, i % 19 = 0,
                   'Meldung ' || i || ': ' || s || ' und ' || t || ' an der Grenze, '
                       || k.type || '.',
                   (i % 8)::INTEGER, lower(k.type), 20, 20 + length(k.type),
                   0.5 + (i % 50) / 100.0
            FROM (
                SELECT i,
                       {countries}[1 + (i * 7) % {len(COUNTRIES)}] AS s,
                       {countries}[1 + (i * 11 + 3) % {len(COUNTRIES)}] AS t,
                       {sectors}[1 + i % {len(SECTORS)}] AS ss,
                       {sectors}[1 + (i // 7) % {len(SECTORS)}] AS ts,
                       DATE '2022-01-01' + CAST((i * 2654435761) % 730 AS INTEGER) AS d,
                       (i * 31) % {len(TYPES)} AS kind
                FROM range({events}) r(i)
            ) x JOIN kind_list k ON k.k = x.kind
        """)
        con.execute("""
            INSERT INTO articles (id, title, date, language, content_hash, text,
                                  lagebild_version, n_events)
            SELECT 'syn-' || a, 'Meldung ' || a, DATE '2022-01-01' + CAST(a % 730 AS INTEGER),
                   'de', md5(a::VARCHAR), 'Synthetischer Text ' || a, 'bench', 8
            FROM range((? + 7) // 8) r(a)""", [events])
    return time.perf_counter() - started


def percentile(values: list[float], share: float) -> float:
    """The share-th percentile (nearest rank) of the values."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def measure(db: Path, rounds: int) -> dict[str, list[float]]:
    """Milliseconds of each request, per query name (after one warm-up round)."""
    from fastapi.testclient import TestClient

    from lagebild.server import ServerSettings, create_app

    timings: dict[str, list[float]] = {name: [] for name in QUERIES}
    with TestClient(create_app(ServerSettings(db=str(db)))) as client:
        for round_number in range(rounds + 1):
            for name, params in QUERIES.items():
                started = time.perf_counter()
                response = client.get("/api/events", params=params)
                elapsed = (time.perf_counter() - started) * 1000
                if response.status_code != 200:
                    raise SystemExit(f"{name}: HTTP {response.status_code} {response.text}")
                if round_number:
                    timings[name].append(elapsed)
    return timings


def main() -> int:
    """Generate the store (unless --db names an existing one), measure, print."""
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=20, help="requests per query")
    parser.add_argument("--db", type=Path, help="reuse or create this store file")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "bench.duckdb"
        if not db.exists():
            seconds = generate(db, args.events)
            print(f"generated {args.events:,} events in {seconds:.1f} s -> {db}")
        timings = measure(db, args.rounds)
    print(f"{'query':<18}{'p50 ms':>9}{'p95 ms':>9}")
    for name, values in timings.items():
        print(f"{name:<18}{statistics.median(values):>9.1f}{percentile(values, 0.95):>9.1f}")
    every = [v for values in timings.values() for v in values]
    p95 = percentile(every, 0.95)
    print(f"{'all':<18}{statistics.median(every):>9.1f}{p95:>9.1f}   "
          f"({len(every)} requests; target p95 < 200 ms: {'met' if p95 < 200 else 'MISSED'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
