"""Ingest benchmark: `lagebild ingest` throughput against `lagebild extract` on one corpus.

Run by hand (never by the test suite):

    .venv/bin/python bench/ingest.py --articles 600

It builds the synthetic corpus of bench/throughput.py (gold sentences, else the example
articles), then times, in one process:

1. extract: `Pipeline.process` plus event records serialised as JSON lines (what
   `lagebild extract` does per article, output to memory);
2. ingest: `ingest_articles` into a new DuckDB store (coding, rows, batched transactions,
   closing the store);
3. re-ingest: the same corpus again, every article skipped as unchanged.

Target: ingest articles/s within 20% of extract articles/s (ratio >= 0.80).
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR.parent))
sys.path.insert(0, str(BENCH_DIR))

from throughput import build_corpus, sentence_pools  # noqa: E402

from lagebild.pipeline import ExtractOptions, Pipeline  # noqa: E402
from lagebild.schema import Article  # noqa: E402
from lagebild.store import EventStore, IngestSettings, ingest_articles  # noqa: E402

#: ingest may cost at most this share of extract's throughput
TARGET_RATIO = 0.80


def corpus_articles(count: int, seed: int) -> list[Article]:
    """The benchmark corpus as Articles (ids, language and date set)."""
    pools, origins = sentence_pools()
    print("corpus: " + ", ".join(f"{lang}: {origin}" for lang, origin in origins.items()))
    return [Article(id=a.id, text=a.text, date=a.published, language=a.lang)
            for a in build_corpus(pools, count, seed)]


def time_extract(pipeline: Pipeline, articles: list[Article]) -> tuple[float, int]:
    """Seconds to code every article and serialise its records; and the events written."""
    sink = io.StringIO()
    events = 0
    started = time.perf_counter()
    for article in articles:
        for event in pipeline.process(article).events:
            sink.write(json.dumps(event.to_record(), ensure_ascii=False) + "\n")
            events += 1
    return time.perf_counter() - started, events


def time_ingest(pipeline: Pipeline, articles: list[Article], db: Path,
                batch_size: int) -> tuple[float, Any]:
    """Seconds to ingest every article into the store at `db` (open to close)."""
    started = time.perf_counter()
    with EventStore(db) as store:
        summary = ingest_articles(store, articles, pipeline.process,
                                  IngestSettings(batch_size=batch_size))
    return time.perf_counter() - started, summary


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--batch-size", type=int, default=IngestSettings().batch_size,
                        help="articles per transaction (default: what `lagebild ingest` uses)")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    args = parser.parse_args(argv)

    articles = corpus_articles(args.articles, args.seed)
    pipeline = Pipeline(ExtractOptions())
    for article in articles[:2]:  # load language packs and knowledge outside the timing
        pipeline.process(article)

    extract_seconds, extract_events = time_extract(pipeline, articles)
    with tempfile.TemporaryDirectory(prefix="lagebild-bench-") as folder:
        db = Path(folder) / "bench.duckdb"
        ingest_seconds, summary = time_ingest(pipeline, articles, db, args.batch_size)
        again_seconds, again = time_ingest(pipeline, articles, db, args.batch_size)
        size_mib = db.stat().st_size / 2**20

    count = len(articles)
    extract_rate = count / extract_seconds
    ingest_rate = count / ingest_seconds
    ratio = ingest_rate / extract_rate
    figures = {
        "articles": count, "events": extract_events,
        "extract_articles_per_s": round(extract_rate, 1),
        "ingest_articles_per_s": round(ingest_rate, 1),
        "ingest_events_written": summary.events_written,
        "reingest_articles_per_s": round(count / again_seconds, 1),
        "reingest_skipped": again.articles_skipped,
        "ratio": round(ratio, 3), "target_ratio": TARGET_RATIO,
        "store_mib": round(size_mib, 2), "batch_size": args.batch_size,
    }
    print(f"extract   {extract_rate:8.1f} articles/s  ({extract_events} events)")
    print(f"ingest    {ingest_rate:8.1f} articles/s  ({summary.events_written} events, "
          f"{size_mib:.1f} MiB store)")
    print(f"re-ingest {count / again_seconds:8.1f} articles/s  "
          f"({again.articles_skipped} unchanged, skipped)")
    verdict = "ok" if ratio >= TARGET_RATIO else "BELOW TARGET"
    print(f"ingest / extract = {ratio:.2f} (target >= {TARGET_RATIO:.2f}): {verdict}")
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
