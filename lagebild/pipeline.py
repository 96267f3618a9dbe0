"""The pipeline: clean -> language id -> sentences -> actors -> events, over typed records.

`Pipeline.process` is pure (no I/O, no printing): the CLI, the HTTP API, the store and
Dask workers all call it. Heavy data is loaded once per process by cached loaders.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from lagebild.schema import Article, Event, Mention, Quote, Sentence


@dataclass(frozen=True, slots=True)
class ExtractOptions:
    """Options of one extraction run; part of what makes event ids reproducible."""

    #: "auto" or a language code; forces the language when not "auto"
    lang: str = "auto"
    #: publication date for inputs that carry none
    default_date: date | None = None
    #: user dictionaries (YAML) that add or override actor entries
    actor_files: tuple[Path, ...] = ()
    #: emit negated and hypothetical events (flagged) instead of dropping them
    keep_modal: bool = True
    #: drop events below this confidence
    min_confidence: float = 0.0


@dataclass(slots=True)
class CodedArticle:
    """What the pipeline made of one article: the cleaned article and everything found in it."""

    article: Article
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)


class Pipeline:
    """Runs every stage on an article. Create one per process and reuse it."""

    def __init__(self, options: ExtractOptions | None = None) -> None:
        self.options = options or ExtractOptions()

    def process(self, article: Article) -> CodedArticle:
        """Code one article; raises UnsupportedLanguageError for a language with no pack."""
        from lagebild.coder import code_article

        if article.date is None and self.options.default_date is not None:
            article = replace(article, date=self.options.default_date)
        return code_article(article, self.options)


def code_or_reason(pipeline: Pipeline, article: Article) -> tuple[CodedArticle | None, str]:
    """The coded article, or (None, why it was skipped) for one bad article, so that a long
    run (the CLI, a Dask task) reports it and goes on; bad data files or options still raise."""
    from lagebild.errors import InputError, LagebildError, UnsupportedLanguageError
    from lagebild.lang import available_languages

    where = article.origin or article.id
    try:
        return pipeline.process(article), ""
    except UnsupportedLanguageError as exc:
        langs = ", ".join(available_languages())
        return None, (
            f"{where}: language '{exc.language}' is not supported (available: {langs}); "
            "pass --lang to force one"
        )
    except InputError as exc:
        return None, str(exc) if exc.where else f"{where}: {exc}"
    except LagebildError:
        raise  # bad data files or options: the whole run is wrong, stop with exit code 1
    except Exception as exc:  # noqa: BLE001 - one article's failure must not end a long run
        return None, (
            f"{where}: internal error while coding ({type(exc).__name__}: {exc}); "
            "please report it with this input"
        )
