"""Batch scoring: read profiles one at a time from CSV, JSON Lines or folders, score, write a row.

Nothing is held beyond the current row, so memory does not grow with the input. Every input row
produces exactly one output row: a row that fails validation becomes an ``error`` row with the
message, and the run goes on.
"""

from __future__ import annotations

import codecs
import csv
import json
import os
import signal
import threading
from collections.abc import Callable, Generator, Iterator
from datetime import date
from decimal import Decimal
from itertools import chain
from pathlib import Path
from typing import Any, NamedTuple

import msgspec

from littlegiant import engine, profile
from littlegiant.consistency import unusual_figures
from littlegiant.errors import InputError
from littlegiant.plan import Plan, Summary, plan_for
from littlegiant.report_common import part_text, warning_text
from littlegiant.result import MET, json_number, json_value, to_dict
from littlegiant.rulecalendar import Choice
from littlegiant.rules import TIER_IDS, RuleSet

PROFILE_SUFFIXES = (".yaml", ".yml", ".json")


class Item(NamedTuple):
    """One company to score: where it came from, and its raw form or why it has none.

    JSON Lines stay bytes until they are scored, so that with ``--jobs`` the parsing happens in
    the workers and the reading process only reads.
    """

    source: str
    kind: str  # "csv" (flat cells), "json" (one line's bytes), "file" (a profile file), "error"
    payload: Any


class Lines(NamedTuple):
    """Whole JSON Lines as read from a file, undecoded: the process that scores them splits and
    numbers them, so that with ``--jobs`` the reading process does no work per row."""

    name: str
    first: int  # the line number of the block's first line
    data: bytes


Chunk = Lines | list[Item]
"""What one worker scores at a time: a block of JSON Lines, or up to CHUNK_ROWS other items."""

CHUNK_ROWS = 256
BLOCK_BYTES = 1 << 18
"""JSON Lines are read in blocks of about this many bytes (a few hundred companies each)."""


def read_chunks(paths: list[Path]) -> Iterator[Chunk]:
    """The inputs' companies in order, in chunks. An unreadable input raises InputError once the
    chunks before it have been handed out, so their rows are still scored and written."""
    pending: list[Item] = []
    for path in paths:
        if path.suffix.lower() in (".jsonl", ".ndjson") and path.is_file():
            if pending:
                yield pending
                pending = []
            yield from _jsonl_blocks(path)
            continue
        try:
            for item in _items(path):
                pending.append(item)
                if len(pending) >= CHUNK_ROWS:
                    yield pending
                    pending = []
        except InputError:
            if pending:
                yield pending
            raise
    if pending:
        yield pending


def items_in(chunk: Chunk) -> Iterator[Item]:
    """The items of a chunk: a block of JSON Lines is split here, blank lines skipped but counted."""
    if not isinstance(chunk, Lines):
        yield from chunk
        return
    name, number = chunk.name, chunk.first
    for raw in chunk.data.split(b"\n"):
        if raw and not raw.isspace():  # a blank line is not a company
            yield Item(f"{name}:{number}", "json", raw)
        number += 1


def _items(path: Path) -> Iterator[Item]:
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.suffix.lower() in PROFILE_SUFFIXES and p.is_file())
        for f in files:
            yield Item(str(f), "file", f)
    elif not path.exists():
        raise InputError("no such file or folder", file=str(path))
    elif path.suffix.lower() == ".csv":
        yield from _csv_rows(path)
    elif path.suffix.lower() in PROFILE_SUFFIXES:
        yield Item(str(path), "file", path)  # one profile file, as in a folder
    else:
        raise InputError("expected a .csv or .jsonl file, a profile file, or a folder of profiles", file=str(path))


def _csv_rows(path: Path) -> Iterator[Item]:
    try:
        handle = path.open(encoding="utf-8-sig", errors="surrogateescape", newline="")
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", file=str(path)) from None
    with handle:
        reader = csv.reader(handle)
        header = next(reader, None)
        if header is None:
            return
        header = [h.strip() for h in header]
        if any(_has_bad_bytes(h) for h in header):
            raise InputError("the header is not UTF-8 text", file=str(path), line=1)
        for cells in reader:
            where = f"{path}:{reader.line_num}"
            if not any(c.strip() for c in cells):
                continue  # a blank line is not a company
            if any(_has_bad_bytes(c) for c in cells):
                yield Item(where, "error", "the row is not UTF-8 text (save the file as UTF-8)")
            elif len(cells) != len(header):
                yield Item(where, "error", f"the row has {len(cells)} cells but the header has {len(header)} columns")
            else:
                yield Item(where, "csv", dict(zip(header, cells, strict=True)))


def _has_bad_bytes(text: str) -> bool:
    return any("\udc80" <= ch <= "\udcff" for ch in text)


def _jsonl_blocks(path: Path) -> Iterator[Lines]:
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", file=str(path)) from None
    name, number, rest = str(path), 1, b""
    with handle:
        if handle.read(3) != codecs.BOM_UTF8:  # as Windows editors save "UTF-8": not part of line 1
            handle.seek(0)
        while data := handle.read(BLOCK_BYTES):
            data = rest + data
            cut = data.rfind(b"\n") + 1  # a block ends with a whole line
            if cut == 0:
                rest = data  # one line longer than a block: read on
                continue
            block, rest = data[:cut], data[cut:]
            yield Lines(name, number, block)
            number += block.count(b"\n")
    if rest:
        yield Lines(name, number, rest)  # the last line had no newline


_DECODER = json.JSONDecoder(parse_float=Decimal)
"""One decoder for every line: ``json.loads`` with an argument builds a new one per call."""
_FAST = msgspec.json.Decoder(float_hook=Decimal).decode
"""msgspec parses a line in under half the time, floats to the same exact Decimal. It is tried
first; a line it refuses goes through the standard decoder, whose messages say what is wrong."""


def _json_data(raw: bytes) -> Any:
    try:
        return _FAST(raw)
    except (msgspec.DecodeError, UnicodeDecodeError, RecursionError):
        pass  # explained, or accepted, below: the standard decoder is the reference
    try:
        return _DECODER.decode(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise InputError("the line is not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON: {exc.msg}") from None
    except RecursionError:
        raise InputError("invalid JSON: nested too deeply") from None


def to_profile(item: Item, rules: RuleSet) -> profile.Profile:
    """Validate one Item into a Profile (InputError when it is not valid)."""
    if item.kind == "error":
        raise InputError(str(item.payload))
    if item.kind == "file":
        return profile.load_profile(item.payload, rules)
    if item.kind == "json":
        return profile.from_data(_json_data(item.payload), rules, item.source)
    return profile.from_row(item.payload, rules, item.source)


SUMMARY_COLUMNS = ["source", "name", "status", "error", "sme_size", *[
    f"{t}_{k}" for t in TIER_IDS for k in ("status", "score")], "next_step", "warnings"]


Cells = list[Any]
"""A summary row: its cells in SUMMARY_COLUMNS order (CSV writes them as they are, JSON Lines
pairs them with the column names)."""
_STATUS, _ERROR, _NEXT_STEP = (SUMMARY_COLUMNS.index(c) for c in ("status", "error", "next_step"))


def error_row(item: Item, message: str) -> Cells:
    cells: Cells = [""] * len(SUMMARY_COLUMNS)
    cells[0], cells[_STATUS], cells[_ERROR] = item.source, "error", message
    return cells


def screening_row(item: Item, name: str | None, summary: Summary, lang: str, warnings: str = "") -> Cells:
    """The compact output row: tiers' statuses and scores, the first criterion holding one back, and
    the figures to check (possible but unusual, in words)."""
    cells: Cells = [item.source, name or "", "scored", "", summary.sme_size or ""]
    step = None
    tiers = summary.tiers
    for tid in TIER_IDS:
        tier = tiers.get(tid)
        if tier is None:
            cells += ("", "")
            continue
        if tier.score is not None:
            score: Any = json_number(tier.score)
        elif tier.score_min is not None:
            score = f"{json_value(tier.score_min)}-{json_value(tier.score_max)}"
        else:
            score = ""
        cells += (tier.status, score)
        if step is None and tier.status != MET:
            step = (tid, tier)
    if step is not None and step[1].blocker:
        title = step[1].blocker_title
        cells.append(f"{step[0]}: {step[1].blocker} — {title.get(lang) if title else ''}")
    else:
        cells.append("")
    cells.append(warnings)
    return cells


class Scorer:
    """Scores Items under fixed settings; picklable so that --jobs can ship it to workers."""

    def __init__(self, rules_ref: str, as_of: date, renewal: str | None, lang: str, full: bool, version: str,
                 advice: bool = False, calendar: Choice | None = None) -> None:
        self.advice = advice
        self.calendar = calendar
        self.rules_ref = rules_ref
        self.as_of = as_of
        self.renewal = renewal
        self.lang = lang
        self.full = full
        self.version = version
        self._rules: RuleSet | None = None
        self._plan: Plan | None = None

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "_rules": None, "_plan": None}

    def __call__(self, item: Item) -> Cells | dict[str, Any]:
        """A summary row's cells, or with ``--format json`` the full result (an error row is always cells)."""
        if self._rules is None:
            from littlegiant import rules as rulesets

            self._rules = rulesets.load(self.rules_ref)
        try:
            prof = to_profile(item, self._rules)
        except InputError as exc:
            if isinstance(exc, profile.PartExceedsWhole) and self.lang == "zh":  # said in words, its place kept
                exc = InputError(part_text(exc.violation, self.lang), file=exc.file, line=exc.line, field=exc.field)
            if exc.file == item.source and exc.line is None:  # a JSON line: the source column says where
                exc = InputError(exc.message, field=exc.field)
            return error_row(item, str(exc))
        if self.full:
            result = engine.evaluate(self._rules, prof, self.as_of, self.renewal, self.calendar)
            return {"source": item.source, "status": "scored", "result": to_dict(result, self.lang, self.version)}
        if self._plan is None:
            self._plan = plan_for(self._rules, self.as_of.year - 1, self.renewal)
        summary = self._plan.run(prof.values)  # type: ignore[arg-type]
        unusual = unusual_figures(self._rules, prof.values)
        warnings = ("；" if self.lang == "zh" else "; ").join(warning_text(w, self.lang) for w in unusual) if unusual else ""
        row = screening_row(item, prof.name, summary, self.lang, warnings)
        if self.advice:
            row[_NEXT_STEP] = self._advice(prof, summary) or row[_NEXT_STEP]
        return row

    def _advice(self, prof: profile.Profile, summary: Summary) -> str | None:
        """The first gap step (with its exact amount) of the lowest tier not met; the slow, full path."""
        from littlegiant.gaps import analyse

        assert self._rules is not None
        tier = next((tid for tid, t in summary.tiers.items() if t.status != MET), None)
        if tier is None:
            return None
        result = engine.evaluate(self._rules, prof, self.as_of, self.renewal)
        for gap in analyse(self._rules, result, prof, only=tier):
            for step in gap.steps:
                sets = " ".join(f"--set {c.set_arg}" for c in step.changes)
                return f"{tier}: {step.text(self.lang)}" + (f"  [{sets}]" if sets else "")
        return None


AUTO_JOBS_AFTER = 2000
"""With ``--jobs`` left to its default, an input of up to this many rows is scored in this process
(a small batch never pays for starting workers); a longer one is spread over the CPUs."""
AUTO_JOBS_MAX = 8
"""The most workers the default starts: each holds its own copy of the rule set (tens of MB), and a
park's server with 64 CPUs should not hand a screening run 64 of them unasked."""


def cpu_count() -> int:
    """The CPUs this process may run on (not all of the machine's under a container's limits)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _quiet_worker() -> None:
    """Workers leave Ctrl-C to the parent, which stops them and says how many rows were written;
    otherwise each would die printing its own traceback."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


class Done(NamedTuple):
    """A scored chunk: how many rows, how many of them errors, and their output lines as one text."""

    rows: int
    errors: int
    text: str


class Job:
    """Scores a chunk into its output lines; picklable, so that workers format their own rows and
    send back one text per chunk rather than a row of fields per company."""

    def __init__(self, scorer: Scorer, csv_rows: bool) -> None:
        self.scorer = scorer
        self.csv_rows = csv_rows
        self._lines: list[str] = []
        self._csv: Any = None

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "_lines": [], "_csv": None}

    def __call__(self, chunk: Chunk) -> Done:
        rows = errors = 0
        lines = self._lines
        scorer, line = self.scorer, self.line
        try:
            for item in items_in(chunk):
                row = scorer(item)
                rows += 1
                if type(row) is list and row[_STATUS] == "error":
                    errors += 1
                line(row)
            return Done(rows, errors, "".join(lines))
        finally:
            lines.clear()

    def line(self, row: Cells | dict[str, Any]) -> None:
        """Add the row's output line to this chunk's lines."""
        if not self.csv_rows:
            record = dict(zip(SUMMARY_COLUMNS, row, strict=True)) if isinstance(row, list) else row
            self._lines.append(json.dumps(record, ensure_ascii=False) + "\n")
            return
        cells = list(map(str, row))  # full results never go to a .csv (Writer refuses)
        line = ",".join(cells)
        if line.count(",") == _SEPARATORS and '"' not in line and "\n" not in line and "\r" not in line:
            self._lines.append(line + "\r\n")  # no cell needs quotes: what csv.writer would write
            return
        if self._csv is None:  # the csv module quotes; its one write per row lands in the list
            self._csv = csv.writer(_Sink(self._lines.append))
        self._csv.writerow(cells)


_SEPARATORS = len(SUMMARY_COLUMNS) - 1


class _Sink:
    """A file-like target for csv.writer that hands each written line to ``write``."""

    def __init__(self, write: Callable[[str], None]) -> None:
        self.write = write


def score_all(chunks: Iterator[Chunk], job: Job, jobs: int | None) -> Generator[Done, None, None]:
    """Each chunk scored, in input order: on this process, or on ``jobs`` processes (``None``: one
    per CPU, at most AUTO_JOBS_MAX, when the input is longer than AUTO_JOBS_AFTER rows).

    The default reads ahead to decide, so that a long input is spread over the workers from its
    first row on and a short one never starts them.
    """
    if jobs is None:
        jobs = min(cpu_count(), AUTO_JOBS_MAX)
        ahead: list[Chunk] = []
        rows = 0
        try:
            for chunk in chunks:
                ahead.append(chunk)
                rows += _rows_in(chunk)
                if rows > AUTO_JOBS_AFTER:
                    break
            else:
                jobs = 1  # the whole input is short
        except InputError:  # an unreadable input: the rows before it are still scored and written
            yield from map(job, ahead)
            raise
        chunks = chain(ahead, chunks)
    if jobs <= 1:
        yield from map(job, chunks)
        return
    yield from _on_workers(job, chunks, jobs)


def _on_workers(job: Job, chunks: Iterator[Chunk], jobs: int) -> Generator[Done, None, None]:
    """The chunks scored on ``jobs`` processes, in order, with at most two chunks a worker in flight
    (so memory does not grow with the input). A worker that dies (killed, out of memory) stops the
    run with a message rather than leaving it waiting for the rows that worker held."""
    import multiprocessing
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    # Forked workers start with the rule set and plan already loaded; Python 3.14 makes another
    # start method the default on Linux, which would load them again in every worker.
    forked = multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None
    pool = ProcessPoolExecutor(jobs, mp_context=forked, initializer=_quiet_worker)
    pending: deque[Any] = deque()
    try:
        try:
            for chunk in chunks:
                pending.append(pool.submit(job, chunk))
                if len(pending) > 2 * jobs:
                    yield pending.popleft().result()
        except InputError:  # an unreadable input: the rows before it are still written
            while pending:
                yield pending.popleft().result()
            raise
        while pending:
            yield pending.popleft().result()
    except BrokenProcessPool:
        raise InputError("a worker process stopped unexpectedly (killed, or out of memory?); "
                         "the output holds the rows scored before it") from None
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _rows_in(chunk: Chunk) -> int:
    """How many rows a chunk holds, blank lines of JSON Lines counted (enough to decide --jobs)."""
    if isinstance(chunk, Lines):
        return chunk.data.count(b"\n") + (not chunk.data.endswith(b"\n"))
    return len(chunk)


class Writer:
    """Streams output lines to a .csv (summary columns) or .jsonl file."""

    def __init__(self, path: Path, full: bool) -> None:
        suffix = path.suffix.lower()
        if suffix not in (".csv", ".jsonl", ".ndjson"):
            raise InputError("expected an output file ending in .csv or .jsonl", field="--output")
        if full and suffix == ".csv":
            raise InputError("--format json rows need a .jsonl output", field="--output")
        self.csv_rows = suffix == ".csv"
        try:
            self.handle = path.open("w", encoding="utf-8", newline="")
        except OSError as exc:
            raise InputError(f"cannot write: {exc.strerror}", file=str(path)) from None
        if self.csv_rows:
            csv.writer(self.handle).writerow(SUMMARY_COLUMNS)
        self.rows = 0

    def write(self, done: Done) -> None:
        """Write a chunk's rows and count them, as one step as far as Ctrl-C is concerned: the
        count printed after an interruption is then the number of rows in the file. (Ctrl-C could
        otherwise land between the write and the count, and the message be a chunk short.)"""
        held: list[int] = []
        # Python lets only the main thread set handlers; None: a handler not ours to change.
        previous = signal.getsignal(signal.SIGINT) if threading.current_thread() is threading.main_thread() else None
        if previous is not None:
            signal.signal(signal.SIGINT, lambda signum, frame: held.append(signum))
        try:
            self.handle.write(done.text)
            self.handle.flush()  # rows written are rows on disk, should the run be stopped
            self.rows += done.rows
        finally:
            if previous is not None:
                signal.signal(signal.SIGINT, previous)
        if held:
            raise KeyboardInterrupt

    def close(self) -> None:
        self.handle.flush()
        self.handle.close()
