"""Split the inputs into partitions of about N articles without reading the articles.

The driver only lists files and, for JSONL files, scans for line breaks to cut them into
byte ranges; the articles themselves are read inside the Dask tasks. A partition is a list
of slices (a whole file, or a byte range of a JSONL file with the number of its first line),
named by its position and a fingerprint of what it covers, so a re-run finds the parts that
are already done and a changed input or option gives a new name.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from lagebild import __version__
from lagebild.errors import LagebildError
from lagebild.ingest import (
    INPUT_SUFFIXES,
    STDIN,
    ArticleIds,
    IngestOptions,
    directory_files,
    iter_jsonl_range,
    iter_path,
)
from lagebild.ingest.decode import looks_binary
from lagebild.ingest.records import ArticleOrProblem
from lagebild.pipeline import ExtractOptions

#: bytes read at a time when scanning a JSONL file for line breaks
_SCAN_BLOCK = 1 << 20


class ScaleError(LagebildError):
    """A scaled run cannot start or went wrong as a whole; says what to do."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        self.hint = hint
        super().__init__(f"{message} ({hint})" if hint else message)


@dataclass(frozen=True, slots=True)
class InputSlice:
    """One file, or the lines of a JSONL file between two byte offsets."""

    #: the input as the user named it: used in reports and as the article origin
    label: str
    #: where a worker reads it (absolute, since workers need not share the driver's cwd)
    location: str
    #: byte range of a JSONL file; `end` None means the whole file or folder
    start: int = 0
    end: int | None = None
    #: the number of the first line of the range
    first_line: int = 1


@dataclass(frozen=True, slots=True)
class Partition:
    """The inputs of one task, named by position and a fingerprint of what it covers."""

    index: int
    slices: tuple[InputSlice, ...]
    #: articles expected (one per file, one per non-blank JSONL line): for the progress bar
    articles: int
    fingerprint: str

    @property
    def name(self) -> str:
        """The file name stem of the part this partition becomes."""
        return f"part-{self.index:06d}-{self.fingerprint[:12]}"


@dataclass(slots=True)
class _Planner:
    """Fills partitions slice by slice and closes one when it holds `size` articles."""

    size: int
    options_key: str
    partitions: list[Partition] = field(default_factory=list)
    slices: list[InputSlice] = field(default_factory=list)
    count: int = 0

    def add(self, piece: InputSlice, articles: int) -> None:
        self.slices.append(piece)
        self.count += articles
        if self.count >= self.size:
            self.close()

    def room(self) -> int:
        return self.size - self.count

    def close(self) -> None:
        if not self.slices:
            return
        self.partitions.append(
            Partition(
                index=len(self.partitions),
                slices=tuple(self.slices),
                articles=self.count,
                fingerprint=_fingerprint(self.slices, self.options_key),
            )
        )
        self.slices, self.count = [], 0


def plan_partitions(
    inputs: Sequence[str],
    size: int,
    extract: ExtractOptions | None = None,
    ingest: IngestOptions | None = None,
) -> list[Partition]:
    """Partitions of about `size` articles over the inputs (files, folders, JSONL files).

    Folders are listed and JSONL files scanned for line breaks; nothing is parsed. A path
    that does not exist becomes a slice of its own, so its task reports it like `extract`.
    """
    if size < 1:
        raise ScaleError(f"the partition size must be at least 1, got {size}")
    check_inputs(inputs)
    extract, ingest = extract or ExtractOptions(), ingest or IngestOptions()
    planner = _Planner(size, _options_key(extract, ingest))
    for name in inputs:
        path = Path(name)
        files = directory_files(path) if path.is_dir() else []
        for file in files:
            _plan_file(planner, file, str(file))
        if files:
            continue
        if path.is_file():
            _plan_file(planner, path, str(path))
        else:  # missing, or a folder without inputs: the task reports it
            planner.add(InputSlice(str(path), str(path.absolute())), 1)
    planner.close()
    return planner.partitions


def check_inputs(inputs: Sequence[str]) -> None:
    """Refuse stdin (workers cannot read it) and inputs of which none exists, before a
    cluster is started for nothing."""
    if STDIN in inputs:
        raise ScaleError(
            "stdin (-) cannot be read by Dask workers", "save it to a file and name that file"
        )
    if inputs and not any(Path(name).exists() for name in inputs):
        raise ScaleError(f"no such file or directory: {', '.join(inputs)}")


def _plan_file(planner: _Planner, path: Path, label: str) -> None:
    """A whole file, or a JSONL file cut into ranges that fill the partitions."""
    location = str(path.absolute())
    whole = InputSlice(label, location)
    if INPUT_SUFFIXES.get(path.suffix.lower()) != "jsonl":
        planner.add(whole, 1)
        return
    try:
        handle = path.open("rb", buffering=_SCAN_BLOCK)
    except OSError:
        planner.add(whole, 1)  # the task reports why it cannot be read
        return
    with handle:
        if looks_binary(handle.read(8192)):
            planner.add(whole, 1)
            return
        handle.seek(0)
        added = False
        try:
            for start, end, first_line, records in _jsonl_ranges(handle, planner):
                planner.add(InputSlice(label, location, start, end, first_line), records)
                added = True
        except OSError as exc:
            raise ScaleError(f"{label}: cannot read ({exc})", "check the file") from exc
        if not added:  # no record at all: read whole, so the task reports it as empty
            planner.add(whole, 1)


def _jsonl_ranges(handle: BinaryIO, planner: _Planner) -> Iterator[tuple[int, int, int, int]]:
    """(start, end, first line, records) ranges of a JSONL file, each cut when it fills what
    is left of the planner's current partition (the caller adds it before the next)."""
    start = offset = records = 0
    first_line = line_no = 1
    for line in handle:
        offset += len(line)
        line_no += 1
        if line.strip():
            records += 1
            if records >= planner.room():
                yield start, offset, first_line, records
                start, first_line, records = offset, line_no, 0
    if records:
        yield start, offset, first_line, records


def iter_partition(partition: Partition, options: IngestOptions) -> Iterator[ArticleOrProblem]:
    """The articles and problems of one partition, read where the task runs; ids are made
    unique within the partition as `extract` makes them unique within a run."""
    ids = ArticleIds()
    for piece in partition.slices:
        path = Path(piece.location)
        if piece.end is None:
            yield from iter_path(path, options, ids, piece.label)
        else:
            yield from iter_jsonl_range(
                path, piece.start, piece.end, piece.first_line, options, ids, piece.label
            )


def _options_key(extract: ExtractOptions, ingest: IngestOptions) -> str:
    """What besides the inputs decides a part's content: options, actor files, version."""
    actor_files = [_file_state(Path(p)) for p in extract.actor_files]
    return json.dumps(
        [repr(extract), repr(ingest), actor_files, __version__], default=str, sort_keys=True
    )


def _file_state(path: Path) -> list[object]:
    """Path, size and modification time: a changed file gives a new fingerprint."""
    try:
        stat = path.stat()
    except OSError:
        return [str(path), None, None]
    return [str(path.absolute()), stat.st_size, stat.st_mtime_ns]


def _fingerprint(slices: Sequence[InputSlice], options_key: str) -> str:
    """A hash of the slices, the state of their files and the options."""
    digest = hashlib.sha1(options_key.encode("utf-8"))
    for piece in slices:
        state = _file_state(Path(piece.location))
        item = [piece.label, piece.start, piece.end, piece.first_line, state]
        digest.update(json.dumps(item, default=str).encode("utf-8"))
    return digest.hexdigest()
