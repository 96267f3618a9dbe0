"""Hand-made articles and events for the store tests, and a subprocess helper.

Imported by the store, export, report and API tests (it holds no tests itself). Run as a
script it ingests a synthetic corpus (`ingest DB N`, printing each committed article id)
or holds a store's write lock (`hold DB`) so tests can kill or race it from outside.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

if __name__ == "__main__":  # run as a script from anywhere: make `lagebild` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from lagebild.pipeline import CodedArticle
from lagebild.schema import Actor, Article, Event, Mention, Quote, Sentence

#: (type, cameo, quad class, goldstein) of the event kinds the fake corpus uses
EVENT_KINDS: dict[str, tuple[str, int, float]] = {
    "MOBILIZE": ("152", 4, -7.2),
    "THREATEN": ("130", 3, -4.4),
    "CONSULT": ("040", 1, 1.0),
    "AID": ("070", 2, 7.0),
    "SANCTION": ("163", 4, -8.0),
    "ACCUSE": ("112", 3, -2.0),
    "ASSAULT": ("190", 4, -10.0),
}

ACTORS: dict[str, Actor] = {
    "RUSMIL": Actor("russische Truppen", None, "RUS", None, "MIL"),
    "RUSGOV": Actor("Moskau", None, "RUS", None, "GOV"),
    "UKR": Actor("die Ukraine", None, "UKR", None, None),
    "USAGOV": Actor("Blinken", "Antony Blinken", "USA", None, "GOV"),
    "NATO": Actor("die NATO", None, None, "NATO", None),
    "DEUGOV": Actor("Berlin", None, "DEU", None, "GOV"),
}


def make_event(article_id: str, text: str, kind: str, source: str | None,
               target: str | None, trigger: str, day: date | None, *,
               negated: bool = False, hypothetical: bool = False,
               confidence: float = 0.8, language: str = "de",
               location: dict | None = None, quote: Quote | None = None) -> Event:
    """One event whose trigger is the first occurrence of `trigger` in `text`."""
    cameo, quad, goldstein = EVENT_KINDS[kind]
    start = text.index(trigger)
    sentence_start = text.rfind(". ", 0, start)
    sentence_start = 0 if sentence_start < 0 else sentence_start + 2
    sentence_end = text.find(".", start)
    return Event(
        article_id=article_id, language=language, type=kind, cameo=cameo, quad_class=quad,
        goldstein=goldstein,
        source=replace(ACTORS[source]) if source else None,
        target=replace(ACTORS[target]) if target else None,
        date=day, negated=negated, hypothetical=hypothetical,
        sentence=text[sentence_start:sentence_end + 1], trigger=trigger,
        char_start=start, char_end=start + len(trigger), confidence=confidence,
        location=location, quote=quote,
    )


def coded(article: Article, events: list[Event]) -> CodedArticle:
    """A CodedArticle with sentences split at '. ' and one mention per event actor."""
    sentences: list[Sentence] = []
    start = 0
    for index, piece in enumerate(article.text.split(". ")):
        sentences.append(Sentence(index, piece, start, start + len(piece)))
        start += len(piece) + 2
    mentions = []
    for event in events:
        for actor in (event.source, event.target):
            if actor is not None and actor.text in article.text:
                begin = article.text.index(actor.text)
                mentions.append(Mention(begin, begin + len(actor.text), actor.text, actor,
                                        kind="country", entry=actor.code or ""))
    quotes = [e.quote for e in events if e.quote]
    return CodedArticle(article=article, sentences=sentences, mentions=mentions,
                        quotes=quotes, events=events)


def crisis_articles() -> list[CodedArticle]:
    """Four coded articles about January 2022 with conflict, cooperation and modal events."""
    out: list[CodedArticle] = []
    a1 = Article("a1", "Russische Truppen marschieren an der Grenze auf. "
                 "Blinken droht Moskau mit Folgen. Die NATO beraet mit Berlin.",
                 date(2022, 1, 12), "de", "Aufmarsch", "https://example.org/a1", "ex")
    out.append(coded(a1, [
        make_event("a1", a1.text, "MOBILIZE", "RUSMIL", "UKR", "marschieren",
                   date(2022, 1, 11), location={"name": "Donbas", "country": "UKR",
                                                "lat": 48.0, "lon": 37.8}),
        make_event("a1", a1.text, "THREATEN", "USAGOV", "RUSGOV", "droht",
                   date(2022, 1, 12), quote=Quote("mit Folgen", 30, 40, ACTORS["USAGOV"])),
        make_event("a1", a1.text, "CONSULT", "NATO", "DEUGOV", "beraet", date(2022, 1, 12),
                   confidence=0.6),
    ]))
    a2 = Article("a2", "Berlin schickt Hilfe an die Ukraine. "
                 "Moskau wirft der NATO Provokation vor.",
                 date(2022, 1, 20), "de", "Hilfe", "https://example.org/a2", "ex")
    out.append(coded(a2, [
        make_event("a2", a2.text, "AID", "DEUGOV", "UKR", "schickt", date(2022, 1, 20)),
        make_event("a2", a2.text, "ACCUSE", "RUSGOV", "NATO", "wirft", date(2022, 1, 19),
                   confidence=0.4),
    ]))
    a3 = Article("a3", "Washington imposes sanctions on Moscow. "
                 "Russia could attack Ukraine. Troops did not fire at Ukraine.",
                 date(2022, 1, 25), "en", "Sanctions", "https://example.org/a3", "ex")
    out.append(coded(a3, [
        make_event("a3", a3.text, "SANCTION", "USAGOV", "RUSGOV", "imposes", None,
                   language="en"),
        make_event("a3", a3.text, "ASSAULT", "RUSMIL", "UKR", "attack", date(2022, 1, 25),
                   hypothetical=True, language="en"),
        make_event("a3", a3.text, "ASSAULT", "RUSMIL", "UKR", "fire", date(2022, 1, 24),
                   negated=True, language="en"),
    ]))
    a4 = Article("a4", "Ein Bericht ohne Ereignis.", date(2022, 2, 2), "de", "Leer")
    out.append(coded(a4, []))
    return out


def synthetic_article(number: int) -> Article:
    """The n-th article of a synthetic corpus (distinct ids and texts)."""
    day = date(2022, 1, 1) + timedelta(days=number % 40)
    text = (f"Russische Truppen marschieren an der Grenze auf (Meldung {number}). "
            f"Blinken droht Moskau mit Folgen. Die NATO beraet mit Berlin.")
    return Article(f"syn{number:05d}", text, day, "de", f"Meldung {number}")


def fake_process(article: Article) -> CodedArticle:
    """A stand-in pipeline: codes the synthetic corpus's three sentences."""
    text = article.text
    return coded(article, [
        make_event(article.id, text, "MOBILIZE", "RUSMIL", "UKR", "marschieren", article.date),
        make_event(article.id, text, "THREATEN", "USAGOV", "RUSGOV", "droht", article.date),
        make_event(article.id, text, "CONSULT", "NATO", "DEUGOV", "beraet", article.date),
    ])


def run_cli(argv: list[str]) -> int:
    """Run a store command as `lagebild` would (LagebildError -> message and exit code 1)."""
    import argparse

    from lagebild.cli import export, ingest, query, report
    from lagebild.errors import LagebildError

    parser = argparse.ArgumentParser(prog="lagebild")
    sub = parser.add_subparsers(dest="command")
    for module in (ingest, query, export, report):
        module.register(sub)
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except LagebildError as exc:
        print(f"lagebild: error: {exc}", file=sys.stderr)
        return 1


def filled_store(path: Path) -> Path:
    """A store at `path` holding the crisis articles."""
    from lagebild.store import EventStore

    with EventStore(path) as store:
        for item in crisis_articles():
            store.add_coded_article(item)
    return path


def _main(argv: list[str]) -> int:
    """Subprocess entry: `ingest DB N [BATCH]` or `hold DB`."""
    from lagebild.store import EventStore, IngestSettings, ingest_articles

    command, db = argv[0], argv[1]
    if command == "hold":
        with EventStore(db):
            print("ready", flush=True)
            sys.stdin.read()
        return 0
    count = int(argv[2])
    batch = int(argv[3]) if len(argv) > 3 else 1
    with EventStore(db) as store:
        summary = ingest_articles(
            store, (synthetic_article(n) for n in range(count)), fake_process,
            IngestSettings(batch_size=batch),
            on_commit=lambda ids: print("\n".join(f"stored {i}" for i in ids), flush=True),
        )
    print("done", summary.describe(), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
