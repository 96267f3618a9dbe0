"""Scale-out benchmark: `lagebild scale` throughput with 1 and 2 Dask worker processes.

Run by hand (never by the test suite):

    .venv/bin/python bench/scale.py --articles 2000 --workers 1 2

It writes the synthetic corpus of bench/throughput.py (gold sentences, else the example
articles) as one JSONL file, then for each worker count starts a LocalCluster, loads the
pipeline on every worker outside the timing, and times `scale_extract` (planning, reading
the JSONL ranges in the tasks, coding, writing the Parquet parts) into a new folder.
It prints articles/s, sentences/s and the speed-up over one worker, and next to it the
speed-up of a pure CPU loop on the same cluster: on a machine busy with other work that
one stays under the worker count too, and the coding speed-up should be read against it.
With --baseline it also times the plain single-process path (`Pipeline.process` over
`iter_articles`).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR.parent))
sys.path.insert(0, str(BENCH_DIR))

from throughput import build_corpus, sentence_pools  # noqa: E402

from lagebild.ingest import iter_articles  # noqa: E402
from lagebild.pipeline import ExtractOptions, Pipeline  # noqa: E402
from lagebild.scale import ScaleOptions, open_client, scale_extract  # noqa: E402
from lagebild.schema import Article  # noqa: E402


def write_corpus(path: Path, count: int, seed: int) -> None:
    """The benchmark corpus as a JSONL file (id, text, date, lang)."""
    pools, origins = sentence_pools()
    print("corpus: " + ", ".join(f"{lang}: {origin}" for lang, origin in origins.items()))
    with path.open("w", encoding="utf-8") as out:
        for article in build_corpus(pools, count, seed):
            record = {
                "id": article.id,
                "text": article.text,
                "lang": article.lang,
                "date": article.published.isoformat() if article.published else None,
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def load_pipeline() -> float:
    """Load the language packs and knowledge on a worker; returns the seconds it took."""
    from lagebild.scale.parts import worker_pipeline

    started = time.perf_counter()
    pipeline = worker_pipeline(ExtractOptions())
    for lang, text in (("de", "Russland griff die Ukraine an."), ("en", "Russia attacked.")):
        pipeline.process(Article(id=f"warm-{lang}", text=text, language=lang))
    return time.perf_counter() - started


def burn(rounds: int) -> int:
    """Pure CPU work with no I/O: how much parallelism the machine gives right now."""
    total = 0
    for i in range(rounds):
        total += i * i
    return total


def time_cluster(corpus: Path, workers: int, part_size: int, folder: Path) -> dict[str, Any]:
    """Start a LocalCluster of `workers` processes and time one scaled run over the corpus."""
    started = time.perf_counter()
    with open_client(f"local:{workers}") as client:
        ready = time.perf_counter()
        load = client.run(load_pipeline)
        burn_started = time.perf_counter()
        client.gather(client.map(burn, [2_000_000] * 8, pure=False))
        loaded = time.perf_counter()
        burn_seconds = loaded - burn_started
        out = folder / f"parts-{workers}"
        summary = scale_extract([str(corpus)], ScaleOptions(out, part_size=part_size), client)
        seconds = time.perf_counter() - loaded
    return {
        "workers": workers,
        "cluster_start_s": round(ready - started, 2),
        "burn_s": round(burn_seconds, 2),
        "worker_load_s": round(max(load.values()), 2),
        "seconds": round(seconds, 2),
        "parts": summary.parts,
        "articles": summary.articles,
        "sentences": summary.sentences,
        "events": summary.events,
        "articles_per_s": round(summary.articles / seconds, 1),
        "sentences_per_s": round(summary.sentences / seconds, 1),
    }


def time_plain(corpus: Path) -> dict[str, Any]:
    """The single-process path over the same file, pipeline loaded outside the timing."""
    pipeline = Pipeline(ExtractOptions())
    for lang, text in (("de", "Russland griff die Ukraine an."), ("en", "Russia attacked.")):
        pipeline.process(Article(id=f"warm-{lang}", text=text, language=lang))
    articles = sentences = events = 0
    started = time.perf_counter()
    for item in iter_articles([str(corpus)]):
        if isinstance(item, Article):
            coded = pipeline.process(item)
            articles += 1
            sentences += len(coded.sentences)
            events += len(coded.events)
    seconds = time.perf_counter() - started
    return {
        "workers": 0,
        "seconds": round(seconds, 2),
        "articles": articles,
        "sentences": sentences,
        "events": events,
        "articles_per_s": round(articles / seconds, 1),
        "sentences_per_s": round(sentences / seconds, 1),
    }


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--part-size", type=int, default=100, help="articles per task")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--baseline", action="store_true", help="also time one plain process")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    args = parser.parse_args(argv)

    print(f"cores: {os.cpu_count()}, load average: {os.getloadavg()[0]:.1f}")
    rows = []
    with tempfile.TemporaryDirectory(prefix="lagebild-bench-scale-") as name:
        folder = Path(name)
        corpus = folder / "corpus.jsonl"
        write_corpus(corpus, args.articles, args.seed)
        if args.baseline:
            rows.append(time_plain(corpus))
        for workers in args.workers:
            rows.append(time_cluster(corpus, workers, args.part_size, folder))
    base = next((r for r in rows if r["workers"] == 1), None)
    print(f"{'run':<10} {'articles/s':>10} {'sentences/s':>11} {'speed-up':>8}  details")
    for row in rows:
        label = "plain" if row["workers"] == 0 else f"{row['workers']} worker(s)"
        speedup = row["articles_per_s"] / base["articles_per_s"] if base else float("nan")
        cpu = base["burn_s"] / row["burn_s"] if base and row["workers"] else float("nan")
        details = f"{row['articles']} articles, {row['events']} events in {row['seconds']} s"
        if row["workers"]:
            details += (
                f"; {row['parts']} parts; cluster start {row['cluster_start_s']} s, "
                f"pipeline load {row['worker_load_s']} s per worker; "
                f"a pure CPU loop ran {cpu:.2f}x as fast as on 1 worker"
            )
        print(
            f"{label:<10} {row['articles_per_s']:>10.1f} {row['sentences_per_s']:>11.1f} "
            f"{speedup:>8.2f}  {details}"
        )
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
