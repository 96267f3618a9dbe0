"""Throughput benchmark: sentences/s and articles/s end to end on one core, and peak memory.

Run by `make bench` (never by the test suite). It builds a corpus of synthetic articles
from the gold sentences (`tests/data/gold/{de,en}.jsonl`, or the example articles when
those are missing), then times `Pipeline.process` on plain text and on the same articles
wrapped in full HTML pages read through `lagebild.ingest`. See bench/README.md for targets.
"""

from __future__ import annotations

import argparse
import html
import json
import random
import re
import resource
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

REPO_DIR = Path(__file__).resolve().parent.parent
GOLD_DIR = REPO_DIR / "tests" / "data" / "gold"
EXAMPLES_JSONL = REPO_DIR / "examples" / "articles.jsonl"
LANGUAGES = ("de", "en")

#: what lagebild promises per core (bench/README.md)
TARGET_SENTENCES_PER_SECOND = 1000.0
TARGET_HTML_ARTICLES_PER_SECOND = 50.0
TARGET_PEAK_RSS_MIB = 1024.0

#: a language with fewer distinct sentences than this is topped up from the examples
MIN_POOL_SENTENCES = 30
#: crude sentence split for the fallback pool: end mark, space, capital or opening quote
SENTENCE_BOUNDARY = re.compile(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ„\"“])")


@dataclass(frozen=True, slots=True)
class PoolSentence:
    """A sentence to build synthetic articles from, with the date of the text it came from."""

    text: str
    published: date | None


class SyntheticArticle(NamedTuple):
    """One article of the benchmark corpus."""

    id: str
    lang: str
    published: date | None
    text: str


@dataclass(slots=True)
class PhaseResult:
    """Figures of one timed phase."""

    name: str
    articles: int = 0
    sentences: int = 0
    events: int = 0
    problems: int = 0
    seconds: float = 0.0
    pipeline_seconds: float = 0.0
    stopped_by_budget: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    def rate(self, count: int, seconds: float | None = None) -> float:
        """Items per second over the phase (or over `seconds`)."""
        elapsed = self.seconds if seconds is None else seconds
        return count / elapsed if elapsed > 0 else 0.0

    def to_dict(self) -> dict[str, Any]:
        """The phase as JSON-ready figures."""
        return {
            "articles": self.articles,
            "sentences": self.sentences,
            "events": self.events,
            "problems": self.problems,
            "seconds": round(self.seconds, 3),
            "pipeline_seconds": round(self.pipeline_seconds, 3),
            "articles_per_second": round(self.rate(self.articles), 2),
            "sentences_per_second": round(self.rate(self.sentences), 1),
            "stopped_by_time_budget": self.stopped_by_budget,
            **self.extra,
        }


def peak_rss_mib() -> float:
    """Peak resident set size of this process so far, in MiB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # Linux reports KiB, macOS bytes
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def parse_date(value: object) -> date | None:
    """An ISO date string (or datetime prefix) as a date; None when absent or malformed."""
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    """The JSON objects of a JSONL file; malformed lines are skipped with a note on stderr."""
    for line_no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            print(f"bench: {path}:{line_no}: skipped, not JSON ({exc.msg})", file=sys.stderr)
            continue
        if isinstance(record, dict):
            yield record


def split_sentences(text: str) -> list[str]:
    """Sentences of a paragraph-structured text, by a simple end-mark rule (fallback pool only)."""
    sentences: list[str] = []
    for paragraph in re.split(r"\n\s*\n", text):
        paragraph = " ".join(paragraph.split())
        if paragraph.endswith(":") or len(paragraph.split()) < 4:
            continue  # promo lead-ins and teaser lines are not news sentences
        sentences.extend(s for s in SENTENCE_BOUNDARY.split(paragraph) if len(s.split()) >= 4)
    return sentences


def gold_sentences(lang: str) -> list[PoolSentence]:
    """Sentences of the gold set of one language, if it exists."""
    path = GOLD_DIR / f"{lang}.jsonl"
    if not path.exists():
        return []
    pool: list[PoolSentence] = []
    for record in read_jsonl(path):
        text = record.get("text")
        if isinstance(text, str) and text.strip() and record.get("lang", lang) == lang:
            pool.append(PoolSentence(" ".join(text.split()), parse_date(record.get("date"))))
    return pool


def example_sentences(lang: str) -> list[PoolSentence]:
    """Sentences of the bundled example articles of one language."""
    if not EXAMPLES_JSONL.exists():
        return []
    pool: list[PoolSentence] = []
    for record in read_jsonl(EXAMPLES_JSONL):
        if record.get("lang") != lang or not isinstance(record.get("text"), str):
            continue
        published = parse_date(record.get("date"))
        pool.extend(PoolSentence(s, published) for s in split_sentences(record["text"]))
    return pool


def sentence_pools() -> tuple[dict[str, list[PoolSentence]], dict[str, str]]:
    """Per language, the sentences to draw from and where they came from."""
    pools: dict[str, list[PoolSentence]] = {}
    origins: dict[str, str] = {}
    for lang in LANGUAGES:
        pool = gold_sentences(lang)
        origins[lang] = f"gold ({len(pool)} sentences)"
        if len(pool) < MIN_POOL_SENTENCES:
            fallback = example_sentences(lang)
            origins[lang] = f"gold ({len(pool)}) + examples ({len(fallback)})"
            pool = pool + fallback
        if not pool:
            raise SystemExit(f"bench: no {lang} sentences in {GOLD_DIR} nor in {EXAMPLES_JSONL}")
        pools[lang] = pool
    return pools, origins


def build_corpus(
    pools: dict[str, list[PoolSentence]], count: int, seed: int
) -> list[SyntheticArticle]:
    """`count` synthetic articles of 8-20 shuffled sentences each.

    Languages alternate; sentences come in paragraphs of two to four; the article takes the
    date of its first sentence so that relative dates ("am Mittwoch") still resolve.
    """
    rng = random.Random(seed)
    corpus = []
    for number in range(count):
        lang = LANGUAGES[number % len(LANGUAGES)]
        pool = pools[lang]
        size = rng.randint(8, 20)
        picked = rng.sample(pool, size) if len(pool) >= size else rng.choices(pool, k=size)
        paragraphs, start = [], 0
        while start < len(picked):
            step = rng.randint(2, 4)
            paragraphs.append(" ".join(s.text for s in picked[start:start + step]))
            start += step
        corpus.append(SyntheticArticle(f"bench-{number:05d}-{lang}", lang, picked[0].published,
                                       "\n\n".join(paragraphs)))
    return corpus


PAGE_WORDS = {
    "de": {
        "nav": ["Politik", "Ausland", "Wirtschaft", "Kultur", "Sport", "Meinung"],
        "related": "Mehr zum Thema",
        "share": "Diesen Artikel teilen",
        "comments": "Kommentare",
        "reply": "Schreiben Sie einen Kommentar",
        "comment": "Interessanter Artikel, danke für die Einordnung.",
        "footer": "Impressum · Datenschutz · Kontakt · © Beispiel-Rundschau",
        "newsletter": "Jetzt den Newsletter abonnieren und nichts mehr verpassen.",
    },
    "en": {
        "nav": ["World", "Politics", "Business", "Culture", "Sport", "Opinion"],
        "related": "Related stories",
        "share": "Share this article",
        "comments": "Comments",
        "reply": "Leave a Reply",
        "comment": "Thanks for the clear summary of what happened.",
        "footer": "About us · Privacy · Contact · © Example Herald",
        "newsletter": "Sign up for our morning briefing and never miss a story.",
    },
}


def html_page(article_id: str, lang: str, published: date | None, text: str) -> str:
    """A realistic news page around the text: head, nav, header, paragraphs, aside, comments."""
    words = PAGE_WORDS[lang]
    paragraphs = text.split("\n\n")
    title = html.escape(" ".join(paragraphs[0].split()[:9]))
    meta_date = (
        f'<meta property="article:published_time" content="{published.isoformat()}T08:00:00Z">'
        if published else ""
    )
    nav = "".join(f'<li><a href="/{w.lower()}">{w}</a></li>' for w in words["nav"])
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    related = "".join(
        f'<li><a href="/{lang}/story/{article_id}-{n}">{html.escape(p[:60])}</a></li>'
        for n, p in enumerate(paragraphs[1:4])
    )
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>
<meta property="og:type" content="article">{meta_date}
<link rel="canonical" href="https://example.org/{lang}/story/{article_id}"></head>
<body><header><a class="logo" href="/">Example</a><nav><ul>{nav}</ul></nav></header>
<main><article><header><h1>{title}</h1></header>
{body}
<div class="share"><h3>{words["share"]}</h3><a href="/share?m=mail">E-Mail</a>
<a href="/share?m=social">Social</a></div></article>
<aside><h2>{words["related"]}</h2><ul>{related}</ul><p>{words["newsletter"]}</p></aside>
<section class="comments"><h2>{words["comments"]} (1)</h2>
<div class="comment"><cite>reader42</cite><p>{words["comment"]}</p></div>
<h3>{words["reply"]}</h3><form><textarea></textarea></form></section></main>
<footer><p>{words["footer"]}</p></footer></body></html>
"""


def write_html_pages(corpus: Iterable[SyntheticArticle], folder: Path) -> int:
    """Write one HTML page per synthetic article into `folder`; returns how many."""
    written = 0
    for article in corpus:
        page = html_page(article.id, article.lang, article.published, article.text)
        (folder / f"{article.id}.html").write_text(page, encoding="utf-8")
        written += 1
    return written


def run_text_phase(pipeline: Any, corpus: list[SyntheticArticle], budget: float) -> PhaseResult:
    """Time `Pipeline.process` on the plain-text articles until done or out of time."""
    from lagebild.schema import Article

    result = PhaseResult("text")
    started = time.perf_counter()
    for article in corpus:
        coded = pipeline.process(Article(id=article.id, text=article.text, date=article.published))
        result.articles += 1
        result.sentences += len(coded.sentences)
        result.events += len(coded.events)
        if time.perf_counter() - started > budget:
            result.stopped_by_budget = result.articles < len(corpus)
            break
    result.seconds = time.perf_counter() - started
    result.pipeline_seconds = result.seconds
    return result


def run_html_phase(pipeline: Any, corpus: list[SyntheticArticle], budget: float) -> PhaseResult:
    """Time ingest (HTML extraction) plus `Pipeline.process` on the pages of the corpus."""
    from lagebild.ingest import IngestOptions, InputProblem, iter_articles

    result = PhaseResult("html")
    with tempfile.TemporaryDirectory(prefix="lagebild-bench-") as tmp:
        folder = Path(tmp)
        write_html_pages(corpus, folder)
        started = time.perf_counter()
        for item in iter_articles([str(folder)], IngestOptions()):
            if isinstance(item, InputProblem):
                result.problems += int(item.skipped)
                continue
            before = time.perf_counter()
            coded = pipeline.process(item)
            result.pipeline_seconds += time.perf_counter() - before
            result.articles += 1
            result.sentences += len(coded.sentences)
            result.events += len(coded.events)
            if time.perf_counter() - started > budget:
                result.stopped_by_budget = result.articles < len(corpus)
                break
        result.seconds = time.perf_counter() - started
    ingest_seconds = result.seconds - result.pipeline_seconds
    result.extra["ingest_seconds"] = round(ingest_seconds, 3)
    ingest_rate = result.rate(result.articles, ingest_seconds)
    result.extra["ingest_articles_per_second"] = round(ingest_rate, 1)
    return result


def warm_up(pipeline: Any, corpus: list[SyntheticArticle]) -> dict[str, float]:
    """Process one German and one English article (loads every pack); returns the times."""
    from lagebild.schema import Article

    times = {}
    for lang in LANGUAGES:
        first = next(a for a in corpus if a.lang == lang)
        started = time.perf_counter()
        pipeline.process(Article(id=f"warmup-{first.id}", text=first.text, date=first.published))
        times[f"first_{lang}_article_seconds"] = round(time.perf_counter() - started, 3)
    return times


def verdict(ok: bool) -> str:
    """How a figure compares with its target."""
    return "ok" if ok else "BELOW TARGET"


def print_report(figures: dict[str, Any]) -> None:
    """A compact table of the figures and how they compare with the targets."""
    text, page = figures["text"], figures["html"]
    rss_loaded, rss_end = figures["peak_rss_mib_after_load"], figures["peak_rss_mib_at_end"]
    rows = [
        ("load: imports + first de article", f"{figures['first_de_article_seconds']:.2f} s", ""),
        ("load: first en article", f"{figures['first_en_article_seconds']:.2f} s", ""),
        ("text: articles coded", f"{text['articles']} in {text['seconds']:.1f} s", ""),
        ("text: sentences/s", f"{text['sentences_per_second']:,.0f}",
         f">= {TARGET_SENTENCES_PER_SECOND:,.0f}  "
         f"{verdict(text['sentences_per_second'] >= TARGET_SENTENCES_PER_SECOND)}"),
        ("text: articles/s", f"{text['articles_per_second']:,.1f}", ""),
        ("text: events / sentence", f"{text['events'] / max(text['sentences'], 1):.3f}",
         f"({text['events']} events)"),
    ]
    if page.get("skipped"):
        rows.append(("html", f"skipped: {page['skipped']}", ""))
    else:
        rows += [
            ("html: articles coded", f"{page['articles']} in {page['seconds']:.1f} s",
             f"{page['problems']} skipped inputs"),
            ("html: articles/s", f"{page['articles_per_second']:,.1f}",
             f">= {TARGET_HTML_ARTICLES_PER_SECOND:,.0f}  "
             f"{verdict(page['articles_per_second'] >= TARGET_HTML_ARTICLES_PER_SECOND)}"),
            ("html: ingest only, articles/s", f"{page['ingest_articles_per_second']:,.1f}", ""),
        ]
    rows += [
        ("peak RSS after loading packs", f"{rss_loaded:,.0f} MiB",
         f"< {TARGET_PEAK_RSS_MIB:,.0f}  {verdict(rss_loaded < TARGET_PEAK_RSS_MIB)}"),
        ("peak RSS at end", f"{rss_end:,.0f} MiB",
         f"< {TARGET_PEAK_RSS_MIB:,.0f}  {verdict(rss_end < TARGET_PEAK_RSS_MIB)}"),
    ]
    print(f"lagebild throughput, one process (seed {figures['seed']}, "
          f"Python {figures['python']})")
    print(f"  corpus: {figures['corpus_articles']} synthetic articles from "
          f"de {figures['pool']['de']}, en {figures['pool']['en']}")
    for label, value, note in rows:
        print(f"  {label:<34} {value:>24}  {note}".rstrip())
    if text["stopped_by_time_budget"] or page.get("stopped_by_time_budget"):
        print(f"  (a phase stopped at its time budget of {figures['time_budget_seconds']:.0f} s;"
              " rates are over the articles coded)")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Command-line options of the benchmark."""
    parser = argparse.ArgumentParser(
        description="Measure lagebild end to end on one core: sentences/s and articles/s from "
        "plain text, articles/s from HTML pages, load time and peak memory.",
    )
    parser.add_argument("--articles", type=int, default=3000,
                        help="synthetic articles to build (default: 3000)")
    parser.add_argument("--seed", type=int, default=13, help="shuffle seed (default: 13)")
    parser.add_argument("--time-budget", type=float, default=40.0, metavar="SECONDS",
                        help="stop each timed phase after this long (default: 40)")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the figures here")
    args = parser.parse_args(argv)
    if args.articles < 2:
        parser.error("--articles must be at least 2 (one per language)")
    return args


def main(argv: list[str] | None = None) -> int:
    """Build the corpus, run the phases, print the table and optionally write JSON."""
    args = parse_args(argv)
    if str(REPO_DIR) not in sys.path:
        # `python bench/throughput.py` from a checkout that is not pip-installed
        sys.path.insert(1, str(REPO_DIR))
    pools, origins = sentence_pools()
    corpus = build_corpus(pools, args.articles, args.seed)

    from lagebild.pipeline import ExtractOptions, Pipeline

    pipeline = Pipeline(ExtractOptions())
    try:
        figures: dict[str, Any] = warm_up(pipeline, corpus)
    except (ImportError, NotImplementedError) as exc:
        print(f"bench: the pipeline cannot run yet ({exc}); nothing to measure", file=sys.stderr)
        return 1
    figures.update(
        seed=args.seed, python=sys.version.split()[0], corpus_articles=len(corpus),
        pool=origins, time_budget_seconds=args.time_budget,
        peak_rss_mib_after_load=round(peak_rss_mib(), 1),
    )
    figures["text"] = run_text_phase(pipeline, corpus, args.time_budget).to_dict()
    try:
        figures["html"] = run_html_phase(pipeline, corpus, args.time_budget).to_dict()
    except ImportError as exc:
        figures["html"] = {"skipped": f"lagebild.ingest not available ({exc})"}
    figures["peak_rss_mib_at_end"] = round(peak_rss_mib(), 1)
    figures["targets"] = {
        "sentences_per_second_text": TARGET_SENTENCES_PER_SECOND,
        "articles_per_second_html": TARGET_HTML_ARTICLES_PER_SECOND,
        "peak_rss_mib": TARGET_PEAK_RSS_MIB,
    }
    print_report(figures)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
        print(f"  figures written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
