"""Incremental ingestion: code the articles not stored yet and write them in batches.

Idempotent: an article whose id, input hash and lagebild version are already stored is
skipped without running the pipeline; a changed text or a new lagebild version re-codes
it and replaces its rows in one transaction. Crash-safe: each batch is one transaction,
so a killed run leaves whole articles, and the next run skips them and goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, TypeVar

from lagebild import __version__
from lagebild.errors import InputError, LagebildError, UnsupportedLanguageError
from lagebild.schema import Article
from lagebild.store.errors import StoreError
from lagebild.store.event_store import EventStore
from lagebild.store.schema import ARTICLE_COLUMNS, column_names
from lagebild.store.writer import ArticleRows, coded_article_rows

if TYPE_CHECKING:
    from lagebild.pipeline import CodedArticle

#: the pipeline as ingestion sees it: an article in, a coded article out
Processor = Callable[[Article], "CodedArticle"]
_Item = TypeVar("_Item")


@dataclass(slots=True)
class IngestSummary:
    """What one ingest run did; also written to the `runs` table."""

    run_id: int = 0
    articles_new: int = 0
    articles_recoded: int = 0
    articles_skipped: int = 0
    articles_failed: int = 0
    inputs_skipped: int = 0
    events_written: int = 0
    #: "where: message (hint)" of every input or article that was skipped with a problem
    problems: list[str] = field(default_factory=list)
    #: input warnings: the article was still read (e.g. a bad date was ignored)
    warnings: list[str] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        """The counters by the names of the `runs` columns."""
        return {
            "articles_new": self.articles_new,
            "articles_recoded": self.articles_recoded,
            "articles_skipped": self.articles_skipped,
            "articles_failed": self.articles_failed,
            "inputs_skipped": self.inputs_skipped,
            "events_written": self.events_written,
        }

    def describe(self) -> str:
        """One line for the end of `lagebild ingest`."""
        return (
            f"run {self.run_id}: {self.articles_new} new, {self.articles_recoded} "
            f"re-coded, {self.articles_skipped} unchanged (skipped), "
            f"{self.articles_failed} failed, {self.inputs_skipped} input problem(s); "
            f"{self.events_written} events written"
        )


@dataclass(frozen=True, slots=True)
class IngestSettings:
    """How to ingest: re-code everything, batch size, what to record about the run."""

    #: re-code articles even when id, hash and version are unchanged
    force: bool = False
    #: articles per transaction; a kill loses at most one batch of work, never consistency
    batch_size: int = 128
    #: ... or fewer: a batch is written once its first article waited this many seconds
    max_batch_seconds: float = 2.0
    #: write batches on a worker thread while the next articles are coded
    background: bool = True
    #: the options of the run, recorded in `runs.options`
    options: dict[str, Any] = field(default_factory=dict)
    #: the inputs named on the command line, recorded in `runs.inputs`
    inputs: tuple[str, ...] = ()
    #: the coder version stored with each article; a different one triggers re-coding
    version: str = __version__


def _problem_text(item: Any) -> str:
    """An InputProblem (where/message/hint) as one line."""
    where = getattr(item, "where", None)
    message = getattr(item, "message", None) or str(item)
    hint = getattr(item, "hint", None)
    text = f"{where}: {message}" if where else str(message)
    return f"{text} ({hint})" if hint else text


@dataclass(slots=True)
class _IngestRun:
    """The state of one ingest run that the per-article steps share."""

    settings: IngestSettings
    summary: IngestSummary
    #: article id -> (content hash, lagebild version) stored so far
    stored: dict[str, tuple[str, str]]
    writer: Any
    #: article id -> events of the article, counted once its batch commits
    pending_events: dict[str, int] = field(default_factory=dict)

    def queue(self, rows: ArticleRows, key: tuple[str, str]) -> list[str]:
        """Queue the rows of a new or re-coded article; returns the ids committed so far."""
        previous = self.stored.get(rows.article_id)
        self.pending_events[rows.article_id] = len(rows.events)
        self.stored[rows.article_id] = key
        if previous is None:
            self.summary.articles_new += 1
        else:
            self.summary.articles_recoded += 1
        return list(self.writer.add(rows, replace=previous is not None))

    def unchanged(self, article_id: str, key: tuple[str, str]) -> bool:
        """Whether the article is stored with this hash and version (then it is skipped)."""
        if self.stored.get(article_id) == key and not self.settings.force:
            self.summary.articles_skipped += 1
            return True
        return False


def ingest_articles(
    store: EventStore,
    items: Iterable[Any],
    process: Processor,
    settings: IngestSettings | None = None,
    *,
    on_article: Callable[[IngestSummary], None] | None = None,
    on_commit: Callable[[Sequence[str]], None] | None = None,
) -> IngestSummary:
    """Code and store every new or changed article of `items` (Articles or InputProblems).

    `on_article` is called after each item (progress bars); `on_commit` with the ids of
    each committed batch. Ctrl-C commits the finished articles and marks the run
    'interrupted' before re-raising.
    """

    def ingest_item(item: Any, run: _IngestRun) -> list[str]:
        if isinstance(item, Article):
            return _ingest_one(item, process, run)
        if getattr(item, "skipped", True):
            run.summary.inputs_skipped += 1
            run.summary.problems.append(_problem_text(item))
        else:
            run.summary.warnings.append(_problem_text(item))
        return []

    return _ingest(store, items, ingest_item, settings, on_article, on_commit)


def ingest_rows(
    store: EventStore,
    items: Iterable[ArticleRows],
    settings: IngestSettings | None = None,
    *,
    on_article: Callable[[IngestSummary], None] | None = None,
    on_commit: Callable[[Sequence[str]], None] | None = None,
) -> IngestSummary:
    """Store articles coded elsewhere (the Parquet parts of `lagebild scale`) under the same
    keys as `ingest_articles`: an article stored with the same id, hash and coder version is
    skipped, a changed one replaces its rows; batches, runs and Ctrl-C work the same."""

    def ingest_item(rows: ArticleRows, run: _IngestRun) -> list[str]:
        article = dict(zip(column_names(ARTICLE_COLUMNS), rows.article, strict=True))
        key = (str(article["content_hash"]), str(article["lagebild_version"]))
        if run.unchanged(rows.article_id, key):
            return []
        article["run_id"] = run.summary.run_id
        return run.queue(replace(rows, article=tuple(article.values())), key)

    return _ingest(store, items, ingest_item, settings, on_article, on_commit)


def _ingest(
    store: EventStore,
    items: Iterable[_Item],
    ingest_item: Callable[[_Item, _IngestRun], list[str]],
    settings: IngestSettings | None,
    on_article: Callable[[IngestSummary], None] | None,
    on_commit: Callable[[Sequence[str]], None] | None,
) -> IngestSummary:
    """One recorded run: every item through `ingest_item`, batches committed in order."""
    settings = settings or IngestSettings()
    run_id = store.start_run(settings.options, settings.inputs)
    summary = IngestSummary(run_id=run_id)
    writer = store.writer(
        batch_size=settings.batch_size,
        max_seconds=settings.max_batch_seconds,
        background=settings.background,
    )
    run = _IngestRun(settings, summary, store.stored_articles(), writer)

    def commit(ids: Sequence[str]) -> None:
        if not ids:
            return
        summary.events_written += sum(run.pending_events.pop(i, 0) for i in ids)
        if on_commit:
            on_commit(ids)

    status, message = "finished", None
    try:
        for item in items:
            commit(ingest_item(item, run))
            if on_article:
                on_article(summary)
        commit(writer.close())
    except KeyboardInterrupt:
        status, message = "interrupted", "interrupted by the user"
        commit(_flush_quietly(writer))
        raise
    except BaseException as exc:
        status, message = "failed", str(exc)
        if not isinstance(exc, StoreError):
            commit(_flush_quietly(writer))
        raise
    finally:
        writer.stop()
        _finish(store, run_id, summary, status, message)
    return summary


def _ingest_one(article: Article, process: Processor, run: _IngestRun) -> list[str]:
    """Decide skip/new/re-code for one article, code it and queue its rows."""
    key = (article.content_hash(), run.settings.version)
    if run.unchanged(article.id, key):
        return []
    where = article.origin or article.id
    summary = run.summary
    try:
        coded = process(article)
    except (InputError, UnsupportedLanguageError) as exc:
        summary.articles_failed += 1
        summary.problems.append(f"{where}: {exc}")
        return []
    except LagebildError:
        raise  # bad data files or options: the whole run is wrong, stop it
    except Exception as exc:  # noqa: BLE001 - one article's bug must not end a long run
        summary.articles_failed += 1
        summary.problems.append(
            f"{where}: internal error {type(exc).__name__}: {exc} "
            "(please report it with this article)"
        )
        return []
    rows = coded_article_rows(coded, key[0], run_id=summary.run_id, version=key[1])
    return run.queue(rows, key)


def _flush_quietly(writer: Any) -> list[str]:
    """Commit what is queued after an interrupt or a bug; a failure here must not mask it."""
    try:
        return list(writer.close())
    except LagebildError:
        return []


def _finish(
    store: EventStore, run_id: int, summary: IngestSummary, status: str, message: str | None
) -> None:
    """Record the run's end; a store that cannot be written any more is left as is."""
    try:
        store.finish_run(run_id, summary.counts(), status, message)
    except Exception:  # noqa: BLE001 - the original error matters more than this one
        pass
