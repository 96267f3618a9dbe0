"""Run the coding of partitions on a Dask cluster and collect the results as they finish.

`open_client("local:4")` starts a LocalCluster of 4 worker processes (one thread each: the
coder is pure Python, so processes, not threads, use the cores); `open_client("tcp://host:
8786")` connects to a running scheduler. `scale_extract` plans the partitions, skips the
parts a previous run finished, submits the rest and reports each part as it completes.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from lagebild import __version__
from lagebild.errors import LagebildError
from lagebild.ingest import IngestOptions
from lagebild.pipeline import ExtractOptions
from lagebild.scale.parts import (
    PartResult,
    code_partition,
    finished_part,
    part_names,
    remove_parts,
    remove_temp_files,
)
from lagebild.scale.plan import Partition, ScaleError, plan_partitions

DEFAULT_PART_SIZE = 500
_INSTALL_HINT = "install it with: pip install 'lagebild[dask]'"


@dataclass(frozen=True, slots=True)
class ScaleOptions:
    """Options of a scaled run: where the parts go, how big they are, how to code."""

    out_dir: Path
    extract: ExtractOptions = field(default_factory=ExtractOptions)
    ingest: IngestOptions = field(default_factory=IngestOptions)
    #: articles per partition (one task, one part)
    part_size: int = DEFAULT_PART_SIZE
    #: delete parts of an earlier run with other inputs or options instead of refusing
    restart: bool = False


@dataclass(slots=True)
class ScaleSummary:
    """What a scaled run did, summed over its parts."""

    parts: int = 0
    parts_resumed: int = 0
    inputs: int = 0
    articles: int = 0
    skipped: int = 0
    events: int = 0
    sentences: int = 0
    #: planned articles, for the progress bar's total
    planned: int = 0

    def add(self, result: PartResult) -> None:
        """Count one finished part."""
        self.parts_resumed += int(result.resumed)
        self.inputs += result.inputs
        self.articles += result.articles
        self.skipped += result.skipped
        self.events += result.events
        self.sentences += result.sentences

    def describe(self) -> str:
        """One line for the end of `lagebild scale`."""
        return (
            f"{self.parts} parts ({self.parts_resumed} done before), {self.articles} articles "
            f"coded, {self.skipped} of {self.inputs} inputs skipped, {self.events} events"
        )


def parse_cluster(spec: str) -> tuple[int | None, str | None]:
    """'local' or 'local:N' -> (N workers or None for one per core, None); an address
    'tcp://host:port' -> (None, address); anything else raises ScaleError."""
    spec = spec.strip()
    match = re.fullmatch(r"local(?::(\d+))?", spec)
    if match:
        workers = int(match.group(1)) if match.group(1) else None
        if workers is not None and workers < 1:
            raise ScaleError(f"local:{workers} needs at least one worker", "use e.g. local:2")
        return workers, None
    if re.fullmatch(r"(tcp|tls)://[^\s/:]+:\d+", spec):
        return None, spec
    raise ScaleError(
        f"unknown cluster {spec!r}",
        "use local, local:N (N worker processes) or tcp://host:port of a running scheduler",
    )


@contextmanager
def open_client(spec: str) -> Iterator[Any]:
    """A dask.distributed Client on a new LocalCluster or a running scheduler."""
    workers, address = parse_cluster(spec)
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise ScaleError("Dask is not installed", _INSTALL_HINT) from exc
    if address is None:
        cluster = LocalCluster(
            n_workers=workers or os.cpu_count() or 1,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",
            silence_logs=logging.ERROR,
        )
        with cluster, Client(cluster) as client:
            yield client
        return
    try:
        client = Client(address, timeout="10s")
    except (OSError, TimeoutError) as exc:
        raise ScaleError(
            f"cannot reach the Dask scheduler at {address} ({exc})",
            "start one with `dask scheduler` and `dask worker ADDRESS`, or use --cluster local",
        ) from exc
    with client:
        _check_workers(client)
        yield client


def _lagebild_version() -> str:
    """The lagebild version a worker has (run on every worker)."""
    import lagebild

    return lagebild.__version__


def _check_workers(client: Any) -> None:
    """Every worker of a remote cluster must run this lagebild version."""
    versions = client.run(_lagebild_version)
    wrong = {worker: v for worker, v in versions.items() if v != __version__}
    if not versions or wrong:
        found = ", ".join(f"{w}: {v}" for w, v in wrong.items()) or "no workers"
        raise ScaleError(
            f"the cluster's workers cannot code with lagebild {__version__} ({found})",
            f"install lagebild {__version__} on every worker",
        )


def prepare_out_dir(out_dir: Path, plan: Sequence[Partition], restart: bool) -> None:
    """Create the output folder, drop temporary files of a killed run, and refuse parts of a
    run with other inputs or options (they would duplicate events) unless `restart`."""
    out_dir.mkdir(parents=True, exist_ok=True)
    remove_temp_files(out_dir)
    planned = {p.name for p in plan}
    stale = {name for name in part_names(out_dir) if name not in planned}
    if stale and not restart:
        raise ScaleError(
            f"{out_dir} holds {len(stale)} part(s) of a run with other inputs, options or "
            "lagebild version",
            "use a new --out folder, or pass --restart to delete them",
        )
    remove_parts(out_dir, stale)


def scale_extract(
    inputs: Sequence[str],
    options: ScaleOptions,
    client: Any,
    *,
    on_plan: Callable[[ScaleSummary], None] | None = None,
    on_part: Callable[[PartResult], None] | None = None,
) -> ScaleSummary:
    """Code the inputs on the cluster into part files under `options.out_dir`.

    Parts a previous run finished are not coded again; `on_plan` is called once the plan
    is known, `on_part` with each part as it is found done or completes. A task that fails
    as a whole (a bad data file, a full disk) stops the run; finished parts are kept.
    """
    from distributed import as_completed

    out_dir = options.out_dir.absolute()
    # workers need not share the driver's working directory
    extract = replace(
        options.extract, actor_files=tuple(p.absolute() for p in options.extract.actor_files)
    )
    plan = plan_partitions(inputs, options.part_size, extract, options.ingest)
    prepare_out_dir(out_dir, plan, options.restart)
    summary = ScaleSummary(parts=len(plan), planned=sum(p.articles for p in plan))
    if on_plan:
        on_plan(summary)
    todo = []
    for partition in plan:
        done = finished_part(out_dir, partition.name)
        if done is None:
            todo.append(partition)
            continue
        summary.add(done)
        if on_part:
            on_part(done)
    futures = [
        client.submit(code_partition, p, extract, options.ingest, str(out_dir), pure=False)
        for p in todo
    ]
    try:
        for future in as_completed(futures):
            result = _part_result(future)
            summary.add(result)
            if on_part:
                on_part(result)
    finally:
        client.cancel([f for f in futures if not f.done()])
    return summary


def _part_result(future: Any) -> PartResult:
    """A finished task's result; a failed task becomes a ScaleError naming the fix."""
    try:
        result: PartResult = future.result()
    except LagebildError:
        raise
    except Exception as exc:
        raise ScaleError(
            f"a partition failed as a whole ({type(exc).__name__}: {exc})",
            "finished parts are kept: fix the cause and run the same command again to resume",
        ) from exc
    return result
