"""Batch scoring: read profiles one at a time from CSV, JSON Lines or folders, score, write a row.

Nothing is held beyond the current row, so memory does not grow with the input. Every input row
produces exactly one output row: a row that fails validation becomes an ``error`` row with the
message, and the run goes on.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import gc
import hashlib
import io
import itertools
import json
import os
import re
import zipfile
import zlib
from array import array
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import partial
from itertools import chain
from json.encoder import encode_basestring
from pathlib import Path
from typing import Any, NamedTuple

import msgspec

from littlegiant import lazyre
from littlegiant.cli.stopping import check, ended, held, quiet_worker
from littlegiant.core import engine
from littlegiant.core.plan import Plan, Summary, TierSummary, plan_for
from littlegiant.core.result import MET, REVIEW, UNKNOWN, UNMET, CriterionResult, Result, TierResult, json_number
from littlegiant.errors import INTERNAL, InputError, internal_message
from littlegiant.load import expr, profile
from littlegiant.load.consistency import SMALL, Unusual, unit_slips, unusual_figures
from littlegiant.load.fileio import AtomicWriter, check_input_file
from littlegiant.load.rulecalendar import RENEWABLE, Choice
from littlegiant.load.rules import TIER_IDS, Node, RuleSet
from littlegiant.load.tabular import (
    CELL_TYPES,
    ID_COLUMNS,
    NOTE_LIST,
    PROBLEMS_SEPARATOR,
    ROW_NOTES,
    SHEET_UNIT,
    HeaderSearch,
    RowError,
    add_note,
    column,
    every_problem,
    names_companies,
    norm,
    note_code,
    note_kinds,
    row_identity,
    row_profile,
    template_row,
)
from littlegiant.load.yamlio import json_decimal, read_data_file
from littlegiant.messages import Got, SystemError_, Text, column_said, say, shell_word
from littlegiant.records import record
from littlegiant.report.common import (
    answered_under_texts,
    answered_under_warnings,
    close_texts,
    stale_year_text,
    standing_close,
    unheld_text,
    warning_sentences,
)
from littlegiant.report.explanations import UNCOMPUTED_ENDS
from littlegiant.report.table import (
    ADVICE_MARK,
    CARRIED_KEY,
    FORMULA_FIRST,
    FORMULA_STARTS,
    JSONL_COLUMNS,
    RESULT_OUTCOME,
    SUMMARY_COLUMNS,
    Labels,
    ScoreRange,
    any_output_columns,
    blocker_and_step,
    has_result_columns,
    heading_columns,
    inert,
    is_header_of,
    is_results,
    output_columns,
    result_header,
    result_words,
    text_cells,
)
from littlegiant.report.words import (
    NOTHING_SHORT,
    blank_cells_text,
    now_text,
    only_declared_text,
    red_lines_said,
    size_now,
)

PROFILE_SUFFIXES = (".yaml", ".yml", ".json")
TEXT_TABLES = (".csv", ".tsv", ".txt")
"""Text tables read as CSV: Excel's "Unicode 文本" and "文本(制表符分隔)" save .txt, tab-delimited."""


class Item(NamedTuple):
    """One company to score: where it came from, and its raw form or why it has none.

    JSON Lines stay bytes until they are scored, so that with ``--jobs`` the parsing happens in
    the workers and the reading process only reads.
    """

    source: str
    kind: str  # "csv" (flat cells), "json" (one line's bytes), "file" (a profile file), "data" (one read), "error"
    payload: Any
    notes: tuple[tuple[str, str], ...] = ()  # (message kind, parameter) for a JSON line or profile file


class Lines(NamedTuple):
    """Whole JSON Lines as read from a file, undecoded: the process that scores them splits and
    numbers them, so that with ``--jobs`` the reading process only reads (and looks up each line's
    company name, to say a company given twice)."""

    name: str
    first: int  # the line number of the block's first line
    data: bytes
    notes: tuple[tuple[int, str, str], ...] = ()  # (line number, message kind, parameter)


Chunk = Lines | list[Item]
"""What one worker scores at a time: a block of JSON Lines, or up to CHUNK_ROWS other items."""

CHUNK_ROWS = 256
HEAVY_CHUNK_ROWS = 32
"""A chunk's rows when each is a full result or carries advice (some ten times a summary row's
work, 50 KB of JSON each): on workers, chunks are written in input order, and a worker done with
its chunk waits for the one before; chunks of 256 rows (cut from blocks of ~370 lines as 256 and
the rest) left one of two workers waiting nearly half the run (measured at 2,000 full results on
two CPUs: 1.27 s, against 1.00 s with chunks of 32)."""
BLOCK_BYTES = 1 << 18
"""JSON Lines are read in blocks of about this many bytes (a few hundred companies each)."""


class SetAside(NamedTuple):
    """A workbook's sheet refused beside a sheet of it that passed (``check_headers``): not read, the others are."""

    problems: list[InputError]  # its refused columns, as the run's header check said them
    error: InputError | None  # its error row (what to change, the sheets read); None: notes by its name, passed over


class ReadOptions(NamedTuple):
    """How to read the inputs: a forced text encoding (else detected per file), one sheet of a
    workbook (else every sheet), and which cells are column headers (to find a sheet's header row
    under its title rows)."""

    encoding: str | None = None
    sheet: str | None = None
    known_header: Callable[[object], bool] | None = None
    on_header: Callable[[str, list[str], int | None], None] | None = None  # told each table's header once
    on_note: Callable[[str, dict[str, object]], None] | None = None  # told what reading passed over, and why
    identity: Callable[[dict[str, str]], list[tuple[str, str]]] | None = None  # which company a row is
    meant_header: Callable[[object], bool] | None = None  # a cell meant for a field, refused by name: a header too
    used_header: Callable[[object], bool] | None = None  # a column whose figures a criterion reads (said when hidden)
    figure_header: Callable[[object], bool] | None = None  # a number field's column (merged over companies: none's)
    chunk_rows: int = CHUNK_ROWS  # at most this many rows a chunk (a JSON Lines block's lines, too)
    in_folder: frozenset[Path] = frozenset()
    """The files a folder named on the command line gave: one that cannot be read is an error row and
    the run goes on, as a profile file there always was (named, it stops the run, exit 2)."""
    set_aside: Mapping[str, SetAside] | None = None
    """A workbook's sheets whose header was refused while another sheet of it was read (``check_headers``
    returns them), by file:sheet: each is that sheet's error row, named at the end of the run, and the
    other sheets are scored. One such sheet stopped the whole workbook, every company of its other sheets."""


def read_chunks(paths: list[Path], options: ReadOptions | None = None) -> Iterator[Chunk]:
    """The inputs' companies in order, in chunks. An unreadable input raises InputError once the
    chunks before it have been handed out, so their rows are still scored and written; one a folder
    gave (``options.in_folder``) is an error row instead: a FIFO or a link to nothing named .csv
    among a park's lists stopped the run, and the lists after it were never read."""
    options = options or ReadOptions()
    pending: list[Item] = []
    seen = _Seen(options.identity)
    for path in expanded(paths, options.on_note):
        if path in options.in_folder:
            try:
                check_input_file(path)  # its type, before it is opened: a FIFO would hang the run
            except InputError as exc:
                pending.append(Item(str(path), "error", exc))
                continue
        try:
            if path.suffix.lower() in (".jsonl", ".ndjson") and os.path.lexists(path) and not path.is_dir():
                if pending:
                    yield pending
                    pending = []
                again = seen.file(path)
                for block in _jsonl_blocks(path, options.encoding, options.chunk_rows):
                    yield seen.lines(block, again)
                continue
            again = seen.file(path)
            for item in _items(path, options):
                pending.append(seen.row(item, again, options.encoding))
                if len(pending) >= min(CHUNK_ROWS, options.chunk_rows):
                    yield pending
                    pending = []
        except InputError as exc:
            if path in options.in_folder:  # read in part, or not at all: the rest of it is one error row
                pending.append(Item(str(path), "error", exc))
                continue
            if pending:
                yield pending
            raise
    if pending:
        yield pending


_NO_LINE = 0xFFFFFFFF
_MAX_LINE = 999_999_999
"""The last row number kept as a number (nine digits): a source ending in a longer one is kept whole,
as a profile file's is."""


class _FirstRows:
    """Which row first gave each key (a company's name or code), in 16 bytes a key: a dict of the
    names and row texts took some 450 bytes a company, and a park sheet of 100,000 companies peaked
    at 1.7 times the memory of one of 10,000, where a batch is held to stream. A key is kept as its
    64-bit hash (two different names share one about once in 10^9 runs of 100,000 companies), in an
    open-addressing table over two arrays; a row as its table's number and its row number."""

    def __init__(self) -> None:
        self.hashes = array("q", bytes(8 * 1024))
        self.rows = array("q", bytes(8 * 1024))
        self.used = 0
        self.tables: list[str] = []  # "file:sheet" of each table read, by number
        self.numbers: dict[str, int] = {}

    def first(self, key: object, source: str) -> str:
        """The source of the first row that gave ``key``: ``source`` itself when none did (kept)."""
        where, _, line = source.rpartition(":")
        if not (line.isdigit() and len(line) <= 9):  # a profile file: the whole source, no line
            where, line = source, str(_NO_LINE)
        row = self.table(where) << 32 | int(line)
        kept = self.keep(hash(key) or 1, row)
        return source if kept == row else self.source(kept)

    def table(self, where: str) -> int:
        """The number of table ``where`` (a file, or a workbook's sheet), given on its first row."""
        number = self.numbers.get(where)
        if number is None:
            number = self.numbers[where] = len(self.tables)
            self.tables.append(where)
        return number

    def source(self, row: int) -> str:
        """A kept row as its source text (file:row, or a profile file's path)."""
        number = row & _NO_LINE
        return self.tables[row >> 32] + (f":{number}" if number != _NO_LINE else "")

    def keep(self, h: int, row: int) -> int:
        """The row kept for hash ``h`` (never 0: 0 marks an empty slot), or ``row``, kept now, when
        none was. A JSON Lines batch asks once a line, from the main process, whose time is the
        workers' on two CPUs: the slot is looked for here, not in a method of its own."""
        hashes = self.hashes
        mask = len(hashes) - 1
        i = h & mask
        while True:
            there = hashes[i]
            if there == h:
                return self.rows[i]
            if not there:
                break
            i = (i + 1) & mask
        hashes[i], self.rows[i] = h, row
        self.used += 1
        if self.used * 2 > len(hashes):
            self._grow()
        return row

    def _grow(self) -> None:
        hashes, rows = self.hashes, self.rows
        self.hashes = new = array("q", bytes(16 * len(hashes)))
        self.rows = into = array("q", bytes(16 * len(rows)))
        mask = len(new) - 1
        for h, row in itertools.compress(zip(hashes, rows, strict=True), hashes):  # the used slots only
            i = h & mask
            while new[i]:
                i = (i + 1) & mask
            new[i], into[i] = h, row


class _Seen:
    """The companies and files a run has read so far, so that one entered twice is said on its later
    rows (both are scored: a batch never drops a row). Holds a name and a code per company read."""

    def __init__(self, identity: Callable[[dict[str, str]], list[tuple[str, str]]] | None) -> None:
        self.identity = identity
        self.keys = _FirstRows()
        self.files: set[Path] = set()

    def file(self, path: Path) -> bool:
        """Whether ``path`` was given before (as another name for the same file, too)."""
        try:
            real = path.resolve()
        except (OSError, RuntimeError):
            return False
        again = real in self.files and not path.is_dir()
        self.files.add(real)
        return again

    def row(self, item: Item, again: bool, encoding: str | None = None) -> Item:
        """The item with its notes: a sheet's row on its cells; a profile file read here (its data
        handed on, its error an error row) for the company's name."""
        if self.identity is None or item.kind not in ("csv", "file"):
            return item
        if item.kind == "file":
            try:
                data = read_data_file(item.payload, encoding)
            except InputError as exc:
                return Item(item.source, "error", exc)
            found = (("note.same_file", ""),) if again else self._notes(item.source, _named(data))
            return Item(item.source, "data", data, found)
        if again:
            add_note(item.payload, "note.same_file")
            return item
        given = [(key[0], earlier) for key in self.identity(item.payload)
                 if (earlier := self.keys.first(key, item.source)) != item.source]
        if [kind for kind, _ in given] in (["name", "code"], ["code", "name"]) and given[0][1] == given[1][1]:
            # the same row given again, name and code alike: one note, where two said the same of one row
            add_note(item.payload, "note.same_both", given[0][1])
            return item
        for kind, earlier in given:
            add_note(item.payload, f"note.same_{kind}", earlier)
        return item

    def lines(self, block: Lines, again: bool) -> Lines:
        """A block of JSON Lines with the notes of its lines: each line's company name looked up (a
        partial decode, the rest of the line skipped); the line itself is still parsed by its scorer.

        The main process does this for every line while the workers score, and on two CPUs its
        time is theirs: a line's row is its block's table and its number (no "file:line" text made
        and read back), and an earlier row is put in words only when a name is met again
        (measured at 100,000 lines: 0.37 s of this process's CPU, 0.26 s now)."""
        if self.identity is None:
            return block
        data = block.data
        notes: list[tuple[int, str, str]] = []
        if again:
            notes += [(number, "note.same_file", "") for number, raw in enumerate(data.split(b"\n"), block.first)
                      if raw and not raw.isspace()]
        elif block.first + len(data) >= _MAX_LINE and block.first + data.count(b"\n") >= _MAX_LINE:
            for number, raw in enumerate(data.split(b"\n"), block.first):  # row numbers past nine digits: kept
                name = _name_in(raw)  # as text (first)
                if name is not None:
                    notes += [(number, *note) for note in self._notes(f"{block.name}:{number}", name)]
        else:
            keys, decode, key_of = self.keys, _NAME_ONLY, _name_key
            table = keys.table(block.name) << 32
            # each line found by find (memchr), as split would cut them, not by split, which reads the block
            # byte by byte: 3,600 of the ~31,800 instructions a line of this loop took (callgrind)
            size, find, start, number = len(data), data.find, 0, block.first - 1
            while start <= size:
                stop = find(b"\n", start)
                if stop < 0:
                    stop = size
                raw = data[start:stop]
                start, number = stop + 1, number + 1
                try:
                    name = decode(raw).name  # a blank line fails too: it is not a company
                except (msgspec.MsgspecError, UnicodeDecodeError, RecursionError):
                    continue  # a line its scorer will refuse, and say why
                if type(name) is not str or not (key := key_of(name)):
                    continue
                row = table | number
                kept = keys.keep(hash(("name", key)) or 1, row)
                if kept != row:
                    notes.append((number, "note.same_name", keys.source(kept)))
        return block._replace(notes=tuple(notes)) if notes else block

    def _notes(self, source: str, name: str | None) -> tuple[tuple[str, str], ...]:
        """note.same_name when a company of this name was read before, as a sheet's row would have it."""
        if name is None:
            return ()
        key = _name_key(name)
        if not key:
            return ()
        earlier = self.keys.first(("name", key), source)
        return (("note.same_name", earlier),) if earlier != source else ()


def _name_key(name: str) -> str:
    """A company name as norm folds it, to tell the same company given twice: NFKC leaves ASCII as
    it is, so ASCII text is only lowered and its spaces dropped."""
    return "".join(name.lower().split()) if name.isascii() else norm(name)


def _name_in(raw: bytes) -> str | None:
    """A JSON line's company name, when it is text (a partial decode, the rest of the line skipped)."""
    try:
        name = _NAME_ONLY(raw).name
    except (msgspec.MsgspecError, UnicodeDecodeError, RecursionError):
        return None  # a blank line, or one its scorer will refuse and say why
    return name if type(name) is str else None


class _Named(msgspec.Struct):
    """A JSON line's company name, the rest of the line skipped unread."""

    name: Any = None


_NAME_ONLY = msgspec.json.Decoder(_Named).decode


def _named(data: Any) -> str | None:
    name = data.get("name") if isinstance(data, dict) else None
    return name if isinstance(name, str) else None


def check_headers(paths: list[Path], options: ReadOptions, joined: set[str] | None = None) -> dict[str, SetAside]:
    """Read the header of every table the inputs hold (each CSV file, each sheet of a workbook) and
    the first line of each JSON Lines file, so that ``options.on_header`` sees them all before any
    row is scored: HeaderError listing every refused column (and results file) of them all. A
    workbook's sheet refused beside a sheet of it that passed is not among them: it is returned (by
    file:sheet, why it is not read) for ``ReadOptions.set_aside``, its error row written in its turn.
    ``joined`` gets each workbook whose sheets a year will be read as one list (a progress bar counts its
    companies, not its rows)."""
    from littlegiant.load import peryear
    from littlegiant.load.tabular import HeaderError

    problems: list[InputError] = []
    told = options.on_header
    book: str | None = None  # the workbook whose sheets are being checked
    fine: list[str] = []  # the tables whose headers passed (a workbook's sheets as path:sheet)
    probed: list[peryear.Probed] = []  # every table's header and its problems: a workbook of a sheet a year

    def collect(where: str, header: list[str], year: int | None) -> None:
        try:
            if told is not None:
                told(where, header, year)
            fine.append(where)
            probed.append(peryear.Probed(where, list(header), year, None))
        except HeaderError as exc:  # kept, and the next table read: every refused column is said at once
            said = list(exc.problems) if book is not None else [_in_a_text_table(p) for p in exc.problems]
            problems.extend(said)
            probed.append(peryear.Probed(where, list(header), year, said))
        except InputError as exc:  # a sheet refused whole (no column the rules read): the workbook's next sheets
            if not (exc.kind or "").startswith("column.") or book is None or not where.startswith(f"{book}:"):
                raise  # are still checked; a file's refusal is raised as before
            problems.append(exc)
            probed.append(peryear.Probed(where, list(header), year, [exc]))

    # what the tables' first rows note (a units row read) is said once every header has passed: a run
    # that stops on a refused column said first that the figures were read in that row's units
    noted: list[tuple[str, dict[str, object]]] = []
    tell = options.on_note
    collecting = options._replace(on_header=collect, on_note=(lambda kind, params: noted.append((kind, params)))
                                  if tell is not None else None)
    listed = expanded(paths, collecting.on_note)
    if options.sheet is not None:
        _sheet_without_workbook(listed, options.sheet, noted if tell is not None else None)
    set_aside: dict[str, SetAside] = {}
    for path in listed:
        suffix = path.suffix.lower()
        read: list[str] = []  # the workbook's sheets read (a sheet a year joined: each of them)
        try:
            if suffix in TEXT_TABLES:
                next(_items(path, collecting, told), None)  # a long table's header: checked as its joined list's
            elif suffix in (".xlsx", ".xlsm") and os.path.lexists(path):
                from littlegiant.load.xlsx import sheet_rows

                check_input_file(path)
                book = str(path)
                for _ in sheet_rows(path, options.sheet, options.known_header, collect, headers_only=True,
                                   meant=options.meant_header):
                    pass
                book = None
                joining = peryear.plan(str(path), probed, options.identity) \
                    if options.sheet is None and peryear.year_sheets(path) else None
                if joining is not None and joined is not None:
                    joined.add(str(path))
                if joining is not None:  # its sheets' missing years are read from their names: the joined list's header
                    # is checked instead, with what else an older sheet's header was refused for
                    given = {id(p) for sheet in joining.sheets for p in probed_problems(probed, sheet.where)}
                    given |= {id(p) for p in joining.early_problems}  # said in one line a sheet: joining.early
                    problems[:] = [p for p in problems if id(p) not in given]
                    if tell is not None:  # the closed years are joined; the year running is said and not read
                        noted.extend(("run.peryear_early", {"book": str(path), **p.params}) for p in joining.early)
                    problems.extend(p for sheet in joining.sheets[:-1] for p in sheet.others)
                    before = len(problems)
                    collect(joining.where, joining.header, joining.latest.year)
                    problems[before:] = [peryear.as_typed(joining, p) for p in problems[before:]]
                    if joining.where in fine:  # no --sheet reads the joined list: not offered for another sheet refused
                        fine.remove(joining.where)
                        read += [sheet.name for sheet in joining.sheets]
                elif told is not None:
                    _check_long_sheets(path, probed, problems, collecting, told)
                if options.sheet is None:
                    read += [where[len(str(path)) + 1:] for where in fine if where.startswith(f"{path}:")]
                    set_aside.update(_set_aside(str(path), problems, read, joining))
            elif suffix in (".jsonl", ".ndjson") and os.path.lexists(path) and not path.is_dir():
                next(_jsonl_blocks(path, options.encoding), None)  # a results file is refused on its first line
        except InputError as exc:  # a header row the reader refused (a column twice) joins them, as does a
            # --sheet no workbook has (a typo was told that the existing output could not be replaced); an
            # unreadable input is said in its turn, as is a folder's file whose header is no text at all
            # (random bytes named .csv): its error row, where it stopped every list of the folder
            if exc.kind == "column.header_text" and path in options.in_folder:
                continue
            if (exc.kind or "").startswith("column.") or exc.kind == "file.no_sheet":
                problems.append(exc)
    if problems:
        raise HeaderError(problems + ([] if options.sheet is not None else _other_sheets(problems, fine)))
    for kind, params in noted:
        tell(kind, params)  # type: ignore[misc]  # noted only when there is one to tell
    return set_aside


SET_ASIDE_SAID = 2
SET_ASIDE_CHARS = 100
"""A sheet set aside: the refused columns its error names, in at most about so many characters; more are
counted (the line stays one a park reads, and what to do after them is not cut off)."""


def _in_a_text_table(problem: InputError) -> InputError:
    """A column's refusal as said of a CSV's: a column without its year under a title naming one was told of
    worksheets (若是每个工作表一年……请把各工作表按年份命名) a CSV has none of (found trying the tool as park
    staff). Said in other words on a copy: the refusal is kept for the column's next table, a sheet's maybe."""
    if problem.kind != "column.needs_year_stated":
        return problem
    import copy

    said = copy.copy(problem)
    said.said_as("column.needs_year_titled")
    return said


def _set_aside(book: str, problems: list[InputError], read: list[str], joining: Any) -> dict[str, SetAside]:
    """The workbook's sheets refused beside ``read`` ones (a sheet of companies headed 营业收入（万元） beside two
    headed with the year), taken out of ``problems``: by file:sheet, why each is not read, with the columns to
    change and the sheets read. A sheet a year joined is not set aside (its refusal is the joined list's). A
    sheet of notes by its name (填表说明 laid out as a table) is set aside with or without another read, to be
    passed over with a note: its columns were no list's to correct."""
    from littlegiant.load.xlsx import notes_named

    joined = {sheet.where for sheet in joining.sheets} | {joining.where} if joining is not None else set()
    refused: dict[str, list[InputError]] = {}
    for p in problems:
        if p.file is not None and p.file.startswith(f"{book}:") and p.file not in joined and \
                (read or notes_named(p.file[len(book) + 1:])):  # a sheet of notes by its name: passed over alone too
            refused.setdefault(p.file, []).append(p)
    if not refused:
        return {}
    taken = {id(p) for found in refused.values() for p in found}
    problems[:] = [p for p in problems if id(p) not in taken]
    out: dict[str, SetAside] = {}
    for where, found in refused.items():
        said: dict[str, str] = {}
        for lang in ("zh", "en"):
            shown = [p.moved(file=None).render(lang) for p in found[:SET_ASIDE_SAID]]
            while len(shown) > 1 and sum(map(len, shown)) > SET_ASIDE_CHARS:  # the hint after them is not cut off
                shown.pop()
            more = len(found) - len(shown)
            said[lang] = ("；" if lang == "zh" else "; ").join(shown) + \
                (say("sheet.set_aside_more", lang, {"count": more}) if more else "")
        sheet = where[len(book) + 1:]
        if notes_named(sheet):  # 填表说明 laid out as a table (指标名称 | 填写要求): notes, passed over and said
            out[where] = SetAside(found, None)
            continue
        out[where] = SetAside(found, InputError(kind="sheet.set_aside" if len(read) > 1 else "sheet.set_aside_one", params={
            "problems": Text(said["zh"], said["en"]), "sheet": shell_word(read[0]),
            "sheets": Text("、".join(f"“{s}”" for s in read), ", ".join(repr(s) for s in read)),
            "this": sheet}, file=where))
    return out


def _check_long_sheets(path: Path, probed: list[Any], problems: list[InputError], collecting: ReadOptions,
                       told: Callable[[str, list[str], int | None], None]) -> None:
    """A workbook's long sheets (a row per company and year) checked as the lists they are read as: the
    refusals of their yearless per-year columns replaced by their joined lists' header's (its rows read,
    for the years they give)."""
    from littlegiant.load import peryear

    for table in {table.where: table for table in probed}.values():
        if not table.where.startswith(f"{path}:") or \
                peryear.long_table(table.where, table.header, table.problems, collecting.identity) is None:
            continue
        given = {id(p) for p in table.problems}
        problems[:] = [p for p in problems if id(p) not in given]
        for _ in _items(path, collecting._replace(sheet=table.where[len(str(path)) + 1:]), told):
            pass


def probed_problems(probed: list[Any], where: str) -> list[InputError]:
    """The problems the header check found in table ``where`` (none when it passed)."""
    return [p for table in probed if table.where == where for p in table.problems or ()]


def _other_sheets(problems: list[InputError], fine: list[str]) -> list[InputError]:
    """For a workbook whose list's sheet passed and another sheet's header did not (a 数据 sheet a VLOOKUP
    reads, headed 名称 | 收入), a line naming --sheet: the run stopped on a column of a sheet that is no list,
    and nothing said how to read the list alone (a park's review)."""
    passed: dict[str, list[str]] = {}
    for where in fine:
        book, _, sheet = where.rpartition(":")
        if book.lower().endswith((".xlsx", ".xlsm")):
            passed.setdefault(book, []).append(sheet)
    said: list[InputError] = []
    for book, sheets in passed.items():
        refused = list(dict.fromkeys(sheet for p in problems if p.file is not None
                                     for found, _, sheet in [p.file.rpartition(":")] if found == book))
        if refused and sheets:
            said.append(InputError(kind="column.other_sheet", params={
                "sheets": "、".join(f"“{s}”" for s in refused), "sheets_en": ", ".join(repr(s) for s in refused),
                "sheet": shell_word(sheets[0]), "book": book}, file=book))  # "2025 名单" quoted, to copy
    return said


SHEETS_NOT_READ = (".xls", ".xlsb", ".et", ".ett", ".ods", ".fods")
"""Spreadsheets this tool cannot read (old Excel, Excel binary, WPS, OpenDocument): a park's list kept
so. Named, each stops the run saying what it is and how to save it as .xlsx (``profile.SHEET_KINDS``); in a
folder, each is named so and the run ends with exit 1, as when rows are errors: passed over with a note
alone, its companies were missing from results that looked whole (exit 0)."""
WORKBOOKS = (".xlsx", ".xlsm", *SHEETS_NOT_READ)


def _sheet_without_workbook(paths: list[Path], sheet: str, noted: list[tuple[str, dict[str, object]]] | None) -> None:
    """--sheet names a sheet of a workbook, and a CSV or JSON Lines file has none: it was passed over
    without a word. With no workbook among the inputs nothing it names exists (the CSV saved from
    the workbook given in its place, most likely, or the wrong file): the run stops, saying so. Beside
    a workbook, the other inputs are read whole, and that is said once."""
    from littlegiant.load.tabular import HeaderError

    others = [p.name for p in paths if p.suffix.lower() not in WORKBOOKS]
    if paths and len(others) == len(paths):
        raise HeaderError([InputError(kind="opt.sheet_no_workbook", params={"sheet": sheet}, field="--sheet")])
    if not others or noted is None:
        return
    shown = others[:3]
    more = len(others) > len(shown)
    noted.append(("run.sheet_not_workbook", {"count": len(others), "files": Text(
        "、".join(shown) + ("等" if more else ""), ", ".join(shown) + (", …" if more else ""))}))


def earlier_results(path: Path, rules: RuleSet) -> bool:
    """Whether an existing output file is batch's own results (a run repeated writes them anew) or
    empty. Anything else (a list of companies, another park's sheet, a profile) is refused rather than
    replaced: an output never overwrites an input, and a file the user still needs is one. Results of
    another rule set count (a run repeated after 2026-04-01 titles tier 1 differently). Results with
    columns after their own are the run's only when those are the park's columns it copies back: see
    ``added_columns``."""
    try:
        if path.stat().st_size == 0:
            return True
        suffix = path.suffix.lower()
        if suffix in (".xlsx", ".xlsm"):
            return _ours(_sheet_header(path), rules)
        line = _first_line(path)
        if suffix in (".jsonl", ".ndjson", ".json"):
            data = json.loads(line)
            return isinstance(data, dict) and is_results(data)
        return _ours(next(csv.reader([line]), []), rules)
    # unreadable as a table: not something batch wrote. A line nested past json's recursion limit and a
    # cell past csv's field limit stopped the run as a bug (exit 3); batch writes neither
    except (OSError, ValueError, KeyError, IndexError, StopIteration, RecursionError, csv.Error, zipfile.BadZipFile):
        return False


def _first_line(path: Path) -> str:
    """A text file's first line, decoded as batch writes and reads them (UTF-8, GB18030, UTF-16)."""
    with path.open("rb") as handle:
        start = handle.read(4)
        handle.seek(0)  # a full result's line is some 50 KB, longer with long names: the whole line
        start = handle.read(1 << 16) if start.startswith((b"\xff\xfe", b"\xfe\xff")) else handle.readline(1 << 24)
    text = next((start.decode(codec, "ignore") for codec in ("utf-8-sig", "gb18030") if _decodes(start, codec)),
                start.decode("utf-16", "ignore"))
    return text.lstrip("\ufeff").splitlines()[0] if text.strip() else ""


def _sheet_header(path: Path) -> list[str]:
    """The first row of a workbook's first sheet, its text cells (a results sheet's header); none for a
    workbook openpyxl cannot read (a broken tag raised an XML error, which stopped the run as a bug)."""
    from littlegiant.load.xlsx import open_book, readable

    try:
        book = open_book(path)
    except Exception:  # openpyxl raises zip, XML and key errors alike for what is not a workbook
        return []
    try:
        first = next(readable(book.worksheets[0].iter_rows(max_row=1, values_only=True)), ())
    finally:
        book.close()
    return [c for c in first if isinstance(c, str)]


def added_columns(path: Path, rules: RuleSet) -> list[str]:
    """The columns of an earlier results table (.csv, .xlsx) after the results' own, as headed: the
    park's columns an earlier run copied back, or a column staff typed in (跟进情况, 走访记录). A run
    repeated replaces the file only when it would write those same columns again; else the notes typed
    into the results would be lost without a word. Empty for JSON Lines and an unreadable file."""
    try:
        suffix = path.suffix.lower()
        if suffix in (".xlsx", ".xlsm"):
            header = _sheet_header(path)
        elif suffix in TEXT_TABLES:
            header = next(csv.reader([_first_line(path)]), [])
        else:
            return []
    except (OSError, ValueError, KeyError, IndexError, StopIteration, csv.Error, zipfile.BadZipFile):
        return []
    ours = any_output_columns(rules)
    return [h.strip() for h in header if h.strip() and norm(h) not in ours]


WRITTEN_MARK = b"littlegiant batch results, sha256 "
"""How an .xlsx output's zip comment begins: the fingerprint of the workbook as written follows."""


def as_written(path: Path) -> bool:
    """Whether earlier results (``earlier_results``) are as batch wrote them: their fingerprint, kept
    when they were written (``mark_written``), still matches. Staff type into the results (备注, over a
    主要差距 cell) and run again onto the same file, which lost what they typed without a word. False
    for results changed since (Excel saves a workbook anew), and for results with no fingerprint (an
    older version's, a copy): a run repeated onto them keeps them first (``keep_if_changed``)."""
    try:
        if path.suffix.lower() in (".xlsx", ".xlsm"):
            with zipfile.ZipFile(path) as book:
                return book.comment == WRITTEN_MARK + _book_digest(book).encode()
        from littlegiant.load.fileio import read_own_file

        # read as the tool's own file: a FIFO put at its name hung the run, a link led anywhere
        mark = read_own_file(_mark_path(path), _MARK_MOST)
        if mark is None:
            return False
        kept = json.loads(mark.decode("utf-8"))
        if not isinstance(kept, dict):
            return False
        if "crc32" in kept:
            return kept.get("size") == path.stat().st_size and kept["crc32"] == _file_crc(path)
        return "sha256" in kept and kept["sha256"] == _file_digest(path)  # an earlier version's fingerprint
    except (OSError, ValueError, RecursionError, zipfile.BadZipFile):
        return False


def mark_written(path: Path, crc: str | None = None) -> None:
    """Keep the fingerprint of results just written to ``path``: a workbook's in its zip comment (read
    from the zip's directory alone, travels with the file, unseen in Excel), to be called on the file
    before it is put in place; a .csv's or JSON Lines' beside it in a hidden file (.评估结果.csv.littlegiant:
    a text table has nowhere to hold one), once it is in place. A fingerprint that cannot be kept is
    no harm: the next run keeps a copy of the file before replacing it. A link at the hidden file's
    name is replaced, never written through (it turned a company list into the fingerprint); a FIFO
    or folder there is left alone, the fingerprint not kept. ``crc``: the text output's CRC-32 as
    its rows were written (``Writer.crc``), where reading 110 MB of full results back took 26 ms of
    the run's end, after the workers were done (issue #14)."""
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        # the tail the zip rewrites kept: a full disk mid-write is put back as it was, a whole workbook
        # without a fingerprint (it was left with half an end record, said to hold the rows)
        size = path.stat().st_size
        with path.open("rb") as handle:
            handle.seek(size - min(size, 1 << 16))
            tail = handle.read()
        try:
            with path.open("r+b") as handle:  # buffered: a short write is retried, then raised
                with zipfile.ZipFile(handle, "a") as book:
                    book.comment = WRITTEN_MARK + _book_digest(book).encode()
                handle.flush()
                os.fsync(handle.fileno())
        except OSError:
            with path.open("r+b", buffering=0) as raw:  # closed above, whatever it still held dropped
                raw.truncate(size)
                raw.seek(size - len(tail))
                raw.write(tail)  # in place: no more room needed (a regular file takes it whole)
                os.fsync(raw.fileno())
        return
    from littlegiant.load.fileio import atomic_write_text

    try:
        atomic_write_text(_mark_path(path), json.dumps({
            "crc32": crc or _file_crc(path), "size": path.stat().st_size,
            "about": f"the fingerprint of {path.name} as littlegiant batch wrote it: a run onto it that finds the "
                     "file changed keeps it as NAME.backup-….csv first"}, ensure_ascii=False) + "\n", follow=False)
    except (OSError, InputError):
        pass


def keep_if_changed(path: Path) -> Path | None:
    """Before earlier results at ``path`` are replaced: when they are not as batch wrote them
    (``as_written``), the file kept under a dated name beside it (``fileio.backup_beside``), that
    name returned. An empty file or none is replaced as it is."""
    from littlegiant.load.fileio import backup_beside

    try:
        if not path.is_file() or path.stat().st_size == 0:
            return None
    except OSError:
        return None
    return None if as_written(path) else backup_beside(path)


_MARK_MOST = 1 << 12
"""The most of a fingerprint file read (what mark_written writes is some 250 bytes)."""


def _mark_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.littlegiant")


def _book_digest(book: zipfile.ZipFile) -> str:
    """A workbook's fingerprint: each part's name, CRC and size, from the zip's directory (nothing
    unpacked); any cell typed in, and any save by Excel, changes it."""
    digest = hashlib.sha256()
    for info in sorted(book.infolist(), key=lambda info: info.filename):
        digest.update(f"{info.filename}\0{info.CRC}\0{info.file_size}\n".encode())
    return digest.hexdigest()


def _file_crc(path: Path) -> str:
    """A text output's fingerprint: its CRC-32, beside its size. It tells a file as written from one
    typed into or saved again, which is all it is for; read back at the end of a run, the SHA-256 it
    was took 61 ms of a 2,000-company --format json run (110 MB), the CRC 26 (issue #14)."""
    crc = 0
    with path.open("rb") as handle:
        while block := handle.read(1 << 20):
            crc = zlib.crc32(block, crc)
    return f"{crc:08x}"


def _file_digest(path: Path) -> str:
    """The fingerprint earlier versions kept beside a text output (SHA-256): their marks still count."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def _ours(header: list[str], rules: RuleSet) -> bool:
    """A results header of ``rules`` or of any shipped rule set (known by its titles, not built), the
    park's own columns after it or not (those are told apart from figures by the rules, which may
    build the other shipped sets: only once the results' columns alone have not settled it)."""
    ours = output_columns(rules)
    if is_header_of(header, ours):
        return True
    if not has_result_columns(header):  # a list of companies, another sheet: refused without reading a rule file
        return False
    from littlegiant.load.rules import shipped_headings

    return any(is_header_of(header, heading_columns(tiers, name)) for tiers, name in shipped_headings()) or \
        is_header_of(header, any_output_columns(rules), rules)


def _decodes(data: bytes, codec: str) -> bool:
    """Whether ``data`` (the start of a file, perhaps cut inside a character) reads in ``codec``."""
    try:
        data.decode(codec)
    except UnicodeDecodeError as exc:
        return exc.start >= len(data) - 3  # only the last character was cut
    return True


def items_in(chunk: Chunk) -> Iterator[Item]:
    """The items of a chunk: a block of JSON Lines is split here, blank lines skipped but counted."""
    if not isinstance(chunk, Lines):
        yield from chunk
        return
    name, number = chunk.name, chunk.first
    if not chunk.notes:  # nearly every block (a company given twice is rare): no notes to look up a line
        # each line found by find (memchr), not split: split reads the block byte by byte (~3,600
        # instructions a line of benchmarks/batch.py's, where find and the loop take ~1,500)
        data, start = chunk.data, 0
        find = data.find
        while (stop := find(b"\n", start)) >= 0:
            raw = data[start:stop]
            if raw and not raw.isspace():  # a blank line is not a company
                yield Item(f"{name}:{number}", "json", raw)
            number += 1
            start = stop + 1
        raw = data[start:]  # after the last newline: the last line, or nothing
        if raw and not raw.isspace():
            yield Item(f"{name}:{number}", "json", raw)
        return
    notes: dict[int, list[tuple[str, str]]] = {}
    for line, kind, param in chunk.notes:
        notes.setdefault(line, []).append((kind, param))
    for raw in chunk.data.split(b"\n"):
        if raw and not raw.isspace():  # a blank line is not a company
            yield Item(f"{name}:{number}", "json", raw, tuple(notes.get(number, ())))
        number += 1


FOLDER_TABLES = (".csv", ".tsv", ".xlsx", ".xlsm", ".jsonl", ".ndjson", ".xls")
"""Lists a folder's files are read as, as if each were named on the command line (an .xls stops the
run saying how to save it as .xlsx, as it does named). Not .txt: in a park's folder a .txt is a note
far more often than Excel's text export, which is read when named."""


_PARTIAL = lazyre.compile(r"\.partial-[^.]*\.[^.]+$")
"""The name of a file batch is writing (``Writer``'s temporary file beside its output)."""


def expanded(paths: list[Path], on_note: Callable[[str, dict[str, object]], None] | None = None,
             output: Path | None = None, unread: Callable[[Path], str | None] | None = None) -> list[Path]:
    """The inputs with each folder replaced by the files in it that are read: its profiles and its
    lists, in name order. A park officer drops the lists into the folder with the profiles, and
    reading only the profiles dropped every company in the lists without a word. Any other file (and
    a folder in it) is said by name, with why (``on_note``); hidden files and Office's lock files
    (~$名单.xlsx, there while the list is open in Excel) are no one's input and pass silently.

    So is what batch writes there: the ``output`` (a run repeated into the folder it reads) and a
    partial file of a run. A list ``unread`` gives a note for is passed over and named with why:
    results of an earlier run (read as lists, each stopped the run with "this is a results file" once
    a folder had been scored into itself), or a table with no column the criteria read (a contacts
    list, scored as companies of nothing but unknowns). A spreadsheet this tool cannot read (an old .xls,
    SHEETS_NOT_READ) is named on its own (``run.folder_unreadable``, which fails the run with exit 1),
    rather than stopping the folder's other lists."""
    out: list[Path] = []
    target = output.resolve() if output is not None else None
    for path in paths:
        if not path.is_dir():
            out.append(path)
            continue
        passed: dict[str, list[str]] = {"run.folder_passed": []}
        for f in sorted(path.iterdir()):
            if f.name.startswith((".", "~$")) or _PARTIAL.search(f.name) or (target is not None and _resolves_to(f, target)):
                continue
            if f.suffix.lower() in SHEETS_NOT_READ and f.is_file():  # a list of companies, not read: the run is not clean
                # unless it was saved as .xlsx beside it, as the note asks: that copy is read, its companies scored
                saved = f.with_suffix(".xlsx")
                if saved.is_file() and not (target is not None and _resolves_to(saved, target)):
                    passed.setdefault("run.folder_skipped", []).append(f.name)
                else:
                    passed.setdefault("run.folder_unreadable", []).append(f.name)
                continue
            # not only regular files: a FIFO or link to nothing named like a profile becomes an error row
            if not f.is_dir() and f.suffix.lower() in (*PROFILE_SUFFIXES, *FOLDER_TABLES) and f.suffix.lower() != ".xls":
                why = unread(f) if unread is not None and f.suffix.lower() not in PROFILE_SUFFIXES and f.is_file() \
                    and f.stat().st_size else None
                if why is None:
                    out.append(f)
                else:
                    passed.setdefault(why, []).append(f.name)
            else:
                passed["run.folder_passed"].append(f.name + ("/" if f.is_dir() else ""))
        for kind, names in passed.items():
            if names and on_note is not None:
                on_note(kind, {"where": str(path), "count": len(names), "files": Text("、".join(names), ", ".join(names))})
    return out


def _resolves_to(path: Path, target: Path) -> bool:
    """Whether ``path`` is ``target`` by another name; a link in a loop is not (it is read, and its row
    says it cannot be: the loop stopped the whole folder's run with an internal error)."""
    try:
        return path.resolve() == target
    except (OSError, RuntimeError):
        return False


class _HeaderRead(Exception):
    """A table's header, once read: reading stops there."""

    def __init__(self, header: list[str]) -> None:
        super().__init__()
        self.header = header


def reads_nothing(path: Path, encoding: str | None, known: Callable[[object], bool]) -> bool:
    """Whether a text table's header names nothing a field is read from (``known``: a field's
    column, or one meant for a field and refused by name): a contacts list (姓名, 电话, 邮箱) in
    a park's folder, which was scored as one company of unknowns a row. Anything that stops the
    header being read is left for reading the file to say."""
    if path.suffix.lower() not in TEXT_TABLES:
        return False

    def stop(_where: str, header: list[str], _year: int | None) -> None:
        raise _HeaderRead(header)

    try:
        next(_csv_rows(path, encoding, stop, None, known), None)
    except _HeaderRead as read:
        return not any(known(cell) for cell in read.header)
    except InputError:
        return False
    return False


def _items(path: Path, options: ReadOptions, probe: Callable[[str, list[str], int | None], None] | None = None
           ) -> Iterator[Item]:
    """The rows of one input as items. ``probe``: the run's header check that raises (check_headers
    tells ``options.on_header`` what collects the refusals), to learn which table is a long one."""
    if not os.path.lexists(path):
        raise InputError(kind="file.missing_any", file=str(path))
    elif path.suffix.lower() in TEXT_TABLES:
        check_input_file(path)
        longs = _LongTables(options, probe)
        yield from longs.items(_csv_rows(path, options.encoding, longs.header if longs.probe else options.on_header,
                                         options.on_note, options.known_header, options.meant_header))
    elif path.suffix.lower() in (".xlsx", ".xlsm"):
        from littlegiant.load.xlsx import sheet_rows

        check_input_file(path)
        options = _setting_aside(options)
        joining = _year_plan(path, options) if options.sheet is None else None
        if joining is not None:
            yield from _joined_items(path, joining, options)
            return
        longs = _LongTables(options, probe)
        yield from longs.items(Item(source, "error" if isinstance(cells, InputError) else "csv", cells)
                               for source, cells in _whole_sheets(path, sheet_rows(
                                   path, options.sheet, options.known_header,
                                   longs.header if longs.probe else options.on_header, options.on_note,
                                   meant=options.meant_header, used=options.used_header, figure=options.figure_header)))
    elif path.suffix.lower() in PROFILE_SUFFIXES:
        yield Item(str(path), "file", path)  # one profile file, as in a folder
    elif path.suffix.lower() == ".xls":
        raise InputError(kind="file.batch_xls", file=str(path))
    elif path.suffix.lower() in profile.SHEET_KINDS:  # .et, .ods: what it is, and to save it as .xlsx
        kind, app = profile.SHEET_KINDS[path.suffix.lower()]
        raise InputError(kind="file.batch_sheet", params={"kind": kind, "suffix": path.suffix, "app": app},
                         file=str(path))
    else:
        raise InputError(kind="file.batch_kind", file=str(path))


def _whole_sheets(path: Path, rows: Iterable[tuple[str, dict[str, str] | InputError]]
                  ) -> Iterator[tuple[str, dict[str, str] | InputError]]:
    """A workbook's rows as read, a sheet refused before any row of it could be read (no header row found, a
    header too wide to be a list's, a sheet that cannot be read at all) said on its one error row as what it is:
    the sheet, named, whose companies could not be read row by row. The row said only why (没有找到列名行), as
    though it were one company's. A sheet that stopped being readable after some rows says so itself."""
    book = f"{path}:"
    read: set[str] = set()  # the sheets a row of which was read
    for source, cells in rows:
        sheet = source[len(book):] if source.startswith(book) else None
        if sheet is not None and ":" in sheet:  # a row (file:sheet:row): a sheet's name holds no colon
            read.add(sheet.rpartition(":")[0])
        elif sheet is not None and isinstance(cells, InputError) and sheet not in read:
            why = cells.moved(file=None) if cells.file == source else cells
            cells = InputError(kind="row.sheet_unread", params={
                "sheet": sheet, "why": Text(why.render("zh"), why.render("en")), "problem": cells})
        yield source, cells


def _setting_aside(options: ReadOptions) -> ReadOptions:
    """``options`` whose header check gives a set-aside sheet (``ReadOptions.set_aside``) its error, as the
    sheet's error row (``SheetSetAside``), the workbook's other sheets read on."""
    from littlegiant.load.xlsx import SheetSetAside

    told, aside = options.on_header, options.set_aside
    if told is None or not aside:
        return options

    def header(where: str, header: list[str], year: int | None) -> None:
        if where in aside:
            raise SheetSetAside(aside[where].error)
        told(where, header, year)
    return options._replace(on_header=header)


class _LongTables:
    """A file's tables that are long (a row per company and year, 年度 in a column: how a statistics
    system exports a park's companies), found from their headers and read as one row per company
    (``peryear.long_table``): such a table stopped the run asking for each column's year, without a
    word of its 年度 column. Its rows are held until the table is read; every other table's pass
    through as they are read."""

    def __init__(self, options: ReadOptions, probe: Callable[[str, list[str], int | None], None] | None) -> None:
        self.options = options
        self.probe = probe or options.on_header
        self.found: dict[str, Any] = {}  # where -> peryear.Long

    def header(self, where: str, header: list[str], year: int | None) -> None:
        """``on_header`` for the file's tables: a long one's header is checked once its years are known."""
        from littlegiant.load import peryear
        from littlegiant.load.tabular import HeaderError

        if self.probe is not None and peryear.year_column(header) is not None:
            try:
                self.probe(where, header, year)
            except HeaderError as exc:
                long = peryear.long_table(where, header, list(exc.problems), self.options.identity)
                if long is not None:
                    self.found[where] = long
                    return
        if self.options.on_header is not None:
            self.options.on_header(where, header, year)

    def items(self, rows: Iterable[Item]) -> Iterator[Item]:
        for item in rows:
            if self.found and item.kind == "csv":
                long = self.found.get(item.source.rpartition(":")[0])
                if long is not None:
                    long.rows.append((item.source, item.payload))
                    continue
            yield item
        for long in self.found.values():
            yield from self._joined(long)

    def _joined(self, long: Any) -> Iterator[Item]:
        """The long table's companies, a row each (``peryear.joined``): its header told to the run's check
        once for each year its rows give, as a sheet of that year is."""
        from littlegiant.load import peryear
        from littlegiant.load.tabular import ROW_NOTES, HeaderError

        assert self.probe is not None  # found only by it
        years = sorted({y for _, cells in long.rows if isinstance(y := peryear.row_year(long, cells), int)
                        and y <= long.last})
        probed: list[peryear.Probed] = []
        for year in years:
            where = f"{long.where}:{year}年"
            try:
                self.probe(where, long.header, year)
                probed.append(peryear.Probed(where, list(long.header), year, None))
            except HeaderError as exc:
                probed.append(peryear.Probed(where, list(long.header), year, list(exc.problems)))
        after = sorted({y for _, cells in long.rows if isinstance(y := peryear.row_year(long, cells), int)
                        and y > long.last})
        if not years and after:  # every year a row states is not over (a 2026 list run in 2026): one line, as for a
            # sheet of such a year, not an error row a company repeating it
            raise InputError(kind="column.long_early", params={
                "column": long.column, "years": Text("、".join(f"{y}年" for y in after), ", ".join(map(str, after))),
                "last": long.last, "year_after": after[-1] + 1}, file=long.where)
        joining = peryear.long_plan(long, probed, self.options.identity) if years else None
        if joining is None and years and self.options.on_header is not None:
            self.options.on_header(long.where, long.header, None)  # its refusal, as before
        if joining is None:  # no row of a year the assessment reads: each row says why
            for source, cells in long.rows:
                yield Item(source, "error", peryear.unread_year(long, source, peryear.row_year(long, cells)))
            return
        taken = peryear.long_taken(joining)
        if taken:
            raise HeaderError(taken)
        rows, aside = peryear.long_rows(joining, long)
        told = self.options.on_header
        if told is not None:
            told(joining.where, joining.header, joining.latest.year)
        by_name: list[bool] = []
        joined = list(peryear.joined(joining, rows, self.options.identity, aside, by_name))
        note = self.options.on_note
        if note is not None:
            missing = sum(1 for _, cells in joined if not isinstance(cells, InputError)
                          and ("note.long_missing" in cells.get(ROW_NOTES, "")
                               or "note.long_not_latest" in cells.get(ROW_NOTES, "")))
            later = sorted({getattr(why.params["year"], "en", "") for why, fatal in aside.values() if not fatal})
            note("run.long_joined", {
                "where": long.where, "column": long.column, "count": len(joined), "rows": len(long.rows),
                "years": Text("、".join(f"{s.year}年" for s in joining.sheets), ", ".join(str(s.year) for s in joining.sheets)),
                **_matched_by(joining.by_code, by_name),
                "missing": Text(say("run.long_missing", "zh", {"count": missing}),
                                say("run.long_missing", "en", {"count": missing})) if missing else "",
                "later": Text(say("run.long_later", "zh", {"years": "、".join(f"{y}年" for y in later),
                                                           "last": f"{long.last}年"}),
                              say("run.long_later", "en", {"years": ", ".join(later), "last": long.last}))
                if later else ""})
        for source, cells in joined:
            yield Item(source, "error" if isinstance(cells, InputError) else "csv", cells)


def _matched_by(by_code: bool, by_name: list[bool]) -> dict[str, object]:
    """How a joined list's companies were matched across their years, for its note (``by``, and ``named``:
    how many were matched by name instead, ``peryear.joined``'s ``by_name``: True where a code lost digits
    to Excel, False where none was given). 按统一社会信用代码对应 alone was said where a column Excel had
    turned into numbers left the codes no use, and the years were matched by name."""
    if not by_code:
        return {"by": Text("企业名称", "company name"), "named": ""}
    by = Text("统一社会信用代码", "unified social credit code")
    if not by_name:
        return {"by": by, "named": ""}
    why = Text("不完整", "incomplete") if all(by_name) else Text("未填", "not given") if not any(by_name) else \
        Text("不完整或未填", "incomplete or not given")
    return {"by": by, "named": Text(say("run.joined_by_name", "zh", {"count": len(by_name), "why": why}),
                                    say("run.joined_by_name", "en", {"count": len(by_name), "why": why}))}


def table_of(source: str) -> str:
    """The table (file:sheet, or file) a row's source names. A row joined from a sheet a year, or from a
    long table's rows (名单.xlsx:2023年:4 + 2024年:3 + 2025年:3), is its latest year's, whose columns other
    than the figures it reads: taken apart by its last colon, each joined row was a table of its own, and a
    share column's notice (all between 0 and 1) was said once a company, of one figure each."""
    first, _, rest = source.partition(" + ")
    if not rest:
        return source.rpartition(":")[0]
    book = first.rpartition(":")[0].rpartition(":")[0]
    return f"{book}:{rest.rpartition(' + ')[2].rpartition(':')[0]}"


def _year_plan(path: Path, options: ReadOptions) -> Any:
    """How a workbook kept a sheet a year is read as one list (``peryear.Plan``), or None for any other:
    its sheets' headers told to the run's header check, as check_headers told them, to learn which are
    refused only for want of the year their names state. Only a workbook whose sheet names state two
    years or more is looked at twice."""
    from littlegiant.load import peryear
    from littlegiant.load.tabular import HeaderError
    from littlegiant.load.xlsx import sheet_rows

    told = options.on_header
    if told is None or not peryear.year_sheets(path):
        return None
    probed: list[peryear.Probed] = []

    def probe(where: str, header: list[str], year: int | None) -> None:
        try:
            told(where, header, year)
            probed.append(peryear.Probed(where, list(header), year, None))
        except HeaderError as exc:
            probed.append(peryear.Probed(where, list(header), year, list(exc.problems)))

    for _ in sheet_rows(path, None, options.known_header, probe, headers_only=True, meant=options.meant_header):
        pass
    return peryear.plan(str(path), probed, options.identity)


def _joined_items(path: Path, joining: Any, options: ReadOptions) -> Iterator[Item]:
    """The workbook's other sheets' rows as they are read; then one row per company of the sheets
    joined (``peryear.joined``), which are held until the last of them is read."""
    from littlegiant.load import peryear
    from littlegiant.load.xlsx import sheet_rows

    sheets = {sheet.where: i for i, sheet in enumerate(joining.sheets)}
    told = options.on_header

    early = joining.early_sheets  # a year not over: not read (said by check_headers)

    def header_seen(where: str, header: list[str], year: int | None) -> None:
        if where not in sheets and where not in early and told is not None:  # a joined sheet's header is
            told(where, header, year)  # checked as the joined list's

    held: list[tuple[int, str, dict[str, str]]] = []
    passed = 0  # the rows of a sheet of a year not over, which no company's row holds
    for source, cells in _whole_sheets(path, sheet_rows(
            path, None, options.known_header, header_seen, options.on_note, meant=options.meant_header,
            used=options.used_header, figure=options.figure_header)):
        table = source.rpartition(":")[0]
        if table in early:
            passed += 1
            continue
        sheet = sheets.get(table)
        if sheet is None or isinstance(cells, InputError):
            yield Item(source, "error" if isinstance(cells, InputError) else "csv", cells)
        else:
            held.append((sheet, source, cells))
    if told is not None:
        told(joining.where, joining.header, joining.latest.year)
    by_name: list[bool] = []
    rows = list(peryear.joined(joining, held, options.identity, by_name=by_name))
    note = options.on_note
    if note is not None:
        missing = sum(1 for _, cells in rows if not isinstance(cells, InputError)
                      and "note.peryear_" in cells.get(ROW_NOTES, ""))
        # a sheet whose name states no year (Sheet1, its year in its title row) with the year it was read as:
        # 「工作表“Sheet1”、“Sheet2”按年份合并」 left the park to guess which sheet was which year
        named = [(sheet.name, None if str(sheet.year) in sheet.name else sheet.year) for sheet in joining.sheets]
        note("run.peryear_joined", {  # rows: the sheets' rows the count of companies stands for (a progress bar's)
            "book": joining.book, "count": len(rows), "rows": len(held) + passed, "latest": joining.latest.name,
            "sheets": Text("、".join(f"“{n}”" + (f"（{y}年）" if y else "") for n, y in named),
                           ", ".join(repr(n) + (f" ({y})" if y else "") for n, y in named)),
            **_matched_by(joining.by_code, by_name),
            "missing": Text(say("run.peryear_missing", "zh", {"count": missing}),
                            say("run.peryear_missing", "en", {"count": missing})) if missing else ""})
        alike: dict[tuple[str, ...], list[str]] = {}  # the older sheets passing over the same columns: one line
        for name, columns in joining.unread.items():
            alike.setdefault(tuple(columns), []).append(name)
        for columns, older in alike.items():
            note("run.peryear_unread", {"where": f"{joining.book}:{'、'.join(older)}", "latest": joining.latest.name,
                                        "columns": Text("、".join(f"“{c}”" for c in columns),
                                                        ", ".join(repr(c) for c in columns))})
    for source, cells in rows:
        yield Item(source, "error" if isinstance(cells, InputError) else "csv", cells)


CSV_FIELD_LIMIT = 131_072
"""Characters in one CSV cell (the csv module's default, set explicitly): a longer cell makes its
row an error row."""
CSV_ROW_CHARS = 1 << 20
"""Characters in one CSV row, line breaks inside quoted cells included: a longer row is an error
row, and reading never holds more than this of one row (a file without line breaks included)."""
CSV_ROW_LINES = 100
"""Lines one CSV row may span (cells with line breaks in quotes). A stray quote opens a cell that
swallows the lines after it; past this, or when the swallowed row has the wrong number of cells,
its first line becomes an error row and reading starts again on the line after it."""


class _TooLong(Exception):
    """A CSV row past CSV_ROW_CHARS or CSV_ROW_LINES."""


class _CsvLines:
    """The lines of a CSV file for csv.reader, numbered and capped, with the lines of the row
    being read kept (``taken``) so that a row a stray quote ran on can be read again from its
    second line (``replay``)."""

    def __init__(self, handle: Any) -> None:
        self.readline = handle.readline
        self.number = 0
        self.replay: deque[tuple[int, str | None]] = deque()
        self.taken: list[tuple[int, str | None]] = []
        self.chars = 0

    def __iter__(self) -> _CsvLines:
        return self

    def pull(self) -> tuple[int, str | None]:
        """The next line (to be read again first, or from the file) and its number; None for a
        line past CSV_ROW_CHARS, whose rest is skipped. StopIteration at the end."""
        if self.replay:
            return self.replay.popleft()
        text = self.readline(CSV_ROW_CHARS + 1)
        if not text:
            raise StopIteration
        self.number += 1
        if len(text) > CSV_ROW_CHARS and text[-1] not in "\r\n":
            while text and text[-1] not in "\r\n":
                text = self.readline(1 << 16)
            return self.number, None
        return self.number, text

    def __next__(self) -> str:
        item = self.pull()
        self.taken.append(item)
        if item[1] is None:
            raise _TooLong
        self.chars += len(item[1])
        if self.chars > CSV_ROW_CHARS or len(self.taken) > CSV_ROW_LINES:
            raise _TooLong
        return item[1]


def _csv_records(lines: _CsvLines, width: int | Callable[[], int | None] | None,
                 delimiter: str = ",") -> Iterator[tuple[int, list[str] | InputError]]:
    """(first line, cells) for each row, or (first line, why it is an error row). ``width``: the
    cells a row should have, or what says it as reading goes on (the header's, once found); with it
    None (before the header) a row spanning lines is taken whatever its number of cells."""
    columns = width if callable(width) else lambda: width
    csv.field_size_limit(CSV_FIELD_LIMIT)
    reader = csv.reader(lines, delimiter=delimiter)
    pull, replay = lines.pull, lines.replay
    while True:
        try:
            number, text = pull()
        except StopIteration:
            return
        if text is not None and '"' not in text and len(text) <= CSV_FIELD_LIMIT:
            yield number, text.rstrip("\r\n").split(delimiter)  # no quote: exactly what csv.reader gives
            continue
        replay.appendleft((number, text))  # quotes, or long: the csv module reads it
        lines.taken, lines.chars = [], 0
        problem = None
        try:
            cells = next(reader)
        except StopIteration:
            return
        except _TooLong:
            first = lines.taken[0]
            problem = (InputError(kind="row.too_long", params={"most": CSV_ROW_CHARS}) if first[1] is None
                       else InputError(kind="row.quote"))
        except csv.Error as exc:
            problem = (InputError(kind="row.cell_long", params={"most": CSV_FIELD_LIMIT}) if "field limit" in str(exc)
                       else InputError(kind="row.csv", params={"problem": str(exc)}))
        else:
            single = len(lines.taken) == 1
            expected = columns()
            if expected is None or len(cells) == expected or (single and str(lines.taken[0][1]).count('"') % 2 == 0):
                yield lines.taken[0][0], cells  # a wrong number of cells is the caller's to say
                continue
            problem = InputError(kind="row.quote")
        taken = lines.taken
        yield taken[0][0], problem
        lines.replay.extendleft(reversed(taken[1:]))  # read again from the line after


def _csv_rows(path: Path, encoding: str | None, on_header: Callable[[str, list[str], int | None], None] | None = None,
              on_note: Callable[[str, dict[str, object]], None] | None = None,
              known: Callable[[object], bool] | None = None,
              meant: Callable[[object], bool] | None = None) -> Iterator[Item]:
    """The companies of a CSV file. Its header is found as a workbook's is (``HeaderSearch``: title
    rows above it, a group row over it, as a sheet saved from Excel has them), by ``known`` header
    cells; a file where none is found is read with its first row as the header, as it always was."""
    from littlegiant.load.charsets import TRIED, sniff_file, utf8_in_gbk
    from littlegiant.load.footers import SheetFooter, text_tail_rows
    from littlegiant.load.tabular import (
        FOOTER,
        ColumnSums,
        not_a_company,
        read_twice,
        refuse_foreign_sheet,
        skipped_text,
        told_apart,
        units_under,
    )

    try:
        raw = path.open("rb")
    except OSError as exc:
        raise InputError(kind="file.unreadable", params={"error": SystemError_(exc.errno, exc.strerror)},
                         file=str(path)) from None
    _not_a_workbook(raw, path)
    codec, bom = sniff_file(raw, encoding)  # UTF-16 without a mark headed in Chinese too (charsets.sniff)
    gbk = codec == "gb18030" and encoding is None  # detected: a row in UTF-8 among GBK ones is said (utf8_in_gbk)
    not_text = Text(f"不是 {codec.upper()} 编码的文字", f"not {codec.upper()} text") if encoding else \
        Text("按常用编码（UTF-8、GB18030/GBK、UTF-16、UTF-32）都读不出文字", f"not text in any encoding tried ({TRIED})")
    with raw:
        for attempt in (known, None) if known is not None else (None,):
            raw.seek(bom)
            handle = io.TextIOWrapper(raw, encoding=codec, errors="surrogateescape", newline="")
            lines = _CsvLines(handle)
            delimiter = _delimiter(lines)
            search = HeaderSearch(attempt, meant if attempt is not None else None, str(path), path.stem)
            records = _csv_records(lines, search.width, delimiter)
            first = _csv_header(path, records, search)
            if search.header is not None:
                break
            handle.detach()  # the file read again from its start, its first row the header
        header = search.header
        if header is None:
            return
        # 金额单位：元 under the header: the sheet's; 人 | 亿元: the columns' units, no company
        found = units_under(header, first[1], str(path), first[0]) \
            if first is not None and not isinstance(first[1], InputError) else None
        if found is not None:
            header = found.header
        refuse_foreign_sheet(search, found, str(path), first[0] if first is not None else 0)
        # 注：金额单位为元 under the list: the file's too, known before its first company is read
        footer = SheetFooter(text_tail_rows(raw, codec, bom, delimiter), search, found, str(path),
                             first[0] if first is not None else 0)
        if any(_has_bad_bytes(h) for h in header):
            raise InputError(kind="column.header_text", params={"what": not_text}, file=str(path), line=search.line)
        if len(header) == 1 and ("\t" in header[0] or ";" in header[0] or "；" in header[0]):
            raise InputError(kind="column.one_column", file=str(path), line=search.line)
        apart = told_apart(header, search)
        if apart is None:  # a column a rule reads, twice
            column = read_twice(header, search)
            assert column is not None  # what told_apart refused
            at = header.index(column) + 1
            raise InputError(kind="column.twice", params={"column": column, "first": at,
                                                          "second": header.index(column, at) + 1},
                             file=str(path), line=search.line)
        header = apart
        if on_header is not None:
            on_header(str(path), header, search.year)
        if search.converted is not None and on_note is not None:
            on_note("run.sheet_unit", {"where": str(path), "unit": search.converted})
        footer.take(on_note)
        if found is not None and found.stated is not None:
            search.unit = search.unit or found.stated
        unit = {SHEET_UNIT: search.unit} if search.unit is not None else {}
        skipped: dict[str, list[int]] = {}
        sums = ColumnSums(header)  # a totals row left without 合计 (=SUM under a blank name), as a workbook's is known
        if first is not None and found is not None:
            if on_note is not None and found.said:
                on_note("run.unit_row", {"where": str(path), "line": first[0], "units": found.said})
            first = None
        for line, cells in itertools.chain([first] if first is not None else [], records):
            where = f"{path}:{line}"
            if isinstance(cells, InputError):
                yield Item(where, "error", cells)
            elif not any(c.strip() for c in cells):
                continue  # a blank line is not a company
            elif template_row(next(c for c in cells if c.strip()).strip()):
                continue  # the notes or sample row of init --csv, marked as not read
            elif (why := not_a_company(header, cells, first is not None and line == first[0], sums)) is not None:
                skipped.setdefault(why, []).append(line)  # a totals or footer row: said below, not scored
            elif gbk and not (joined := ",".join(cells)).isascii() and utf8_in_gbk(joined):
                # a row added from a UTF-8 export: read in GB18030, its name and choices were other characters
                # (华东精密传动 as 鍗庝笢绮惧瘑浼犲姩) without a word, or its bytes were no GB18030 at all (是 is three
                # bytes: an odd count of them broke the pairs); read as what it is, and said
                yield _csv_row(where, header, [c.encode("gb18030", "surrogateescape").decode("utf-8") for c in cells],
                               unit, "note.utf8_row")
            elif _has_bad_bytes("".join(cells)):
                yield Item(where, "error", InputError(kind="row.not_text", params={"what": not_text}))
            elif len(cells) != len(header):
                # the company's name kept on its error row, where its column is among the cells: the row
                # said what was wrong with no word of whose it was
                name = next((c.strip() for h, c in zip(header, cells, strict=False) if names_companies(h) and c.strip()
                             and not _FIGURE.fullmatch(c.strip())), None)  # a cell shifted under it: no name
                yield Item(where, "error", RowError([InputError(kind="row.cells", params={
                    "cells": len(cells), "columns": len(header), "header_line": search.line})], name))
            elif not any(c.strip() for h, c in zip(header, cells, strict=True) if h.strip()):
                skipped.setdefault(FOOTER, []).append(line)  # words under no heading alone (以上数据截至6月): no company
            else:
                yield _csv_row(where, header, cells, unit)
        if skipped and on_note is not None:
            on_note("run.skipped_rows", {"where": str(path), "rows": skipped_text(skipped),
                                         "count": sum(map(len, skipped.values()))})


_FIGURE = lazyre.compile(r"[-+]?[\d,.\s]+")
"""A cell that is a figure: under the name column of a row with a cell too many (one added to its left),
it is no company's name to keep on the error row."""


def _not_a_workbook(raw: Any, path: Path) -> None:
    """Refuse a workbook named as text (名单.xlsx saved or renamed as 名单.csv): read as CSV, its bytes
    gave "按常用编码都读不出文字", which sent staff looking for an encoding. An .xlsx is a zip holding
    xl/; an .xls begins with the OLE mark. ``raw`` is left at its start."""
    head = raw.read(8)
    raw.seek(0)
    kind = None
    from littlegiant.load.xlsx import OLE_MARK

    if head.startswith(OLE_MARK):
        kind = "file.xls_named"
    elif head.startswith(b"PK\x03\x04"):
        import zipfile

        try:
            with zipfile.ZipFile(raw) as book:
                kind = "file.xlsx_named" if any(n.startswith("xl/") for n in book.namelist()) else None
        except (zipfile.BadZipFile, OSError, ValueError):
            kind = None
        raw.seek(0)
    if kind is not None:
        raise InputError(kind=kind, params={"suffix": path.suffix, "stem": path.stem}, file=str(path))


DELIMITERS = (",", "\t", ";", "|")
"""What may part a text table's cells: commas (CSV), tabs (Excel's "Unicode 文本" and "文本(制表符分隔)"),
semicolons (CSV as Excel saves it where the decimal mark is a comma), pipes (exports of databases and
finance systems: a pipe file read as one column was refused as "no column holds anything the criteria
read"). Comma wins a tie, then the order here."""
SNIFF_LINES = 10


def _delimiter(lines: _CsvLines) -> str:
    """The delimiter of a text table: of DELIMITERS, the one its first line holding any of them
    holds most often, outside quotes (a simple count, not csv.Sniffer: that guesses from the
    cells' likeness and picked letters and digits as delimiters on a short Chinese header). The
    lines read are given back to be read again."""
    peeked: list[tuple[int, str | None]] = []
    found = ","
    try:
        while len(peeked) < SNIFF_LINES:
            item = lines.pull()
            peeked.append(item)
            text = re.sub(r'"[^"]*"', "", item[1] or "")
            counts = [text.count(d) for d in DELIMITERS]
            if max(counts):
                found = DELIMITERS[counts.index(max(counts))]
                break
    except StopIteration:
        pass
    lines.replay.extendleft(reversed(peeked))
    return found


def _csv_header(path: Path, records: Iterator[tuple[int, list[str] | InputError]],
                search: HeaderSearch) -> tuple[int, list[str] | InputError] | None:
    """Read ``records`` until ``search`` holds the file's header: the first record under it, or None
    (the file ends first, or no header is found: then ``search.header`` is None)."""
    for line, cells in records:
        if isinstance(cells, InputError):
            if not search.searching:
                search.end()  # a bad row under the header: the header stands, the row is an error row
                return line, cells
            if search.known is not None:
                return None  # no header before it: read again with the first row as the header
            said = Text(cells.render("zh"), cells.render("en"))
            raise InputError(kind="column.header_row", params={"problem": said}, file=str(path), line=line)
        if not any(c.strip() for c in cells):
            continue
        if not search.take(line, cells):
            return line, cells
        if search.given_up:
            return None
    search.end()
    return None


def _csv_row(where: str, header: list[str], cells: list[str], unit: dict[str, str], note: str | None = None) -> Item:
    """A CSV row of as many cells as its header, as the company its cells give (``note``: one on it)."""
    read = {h: c for h, c in zip(header, cells, strict=True) if h.strip()}
    # the cells under no heading, each kept (one key held only the last), for the row's note
    beside = " ".join(c.strip() for h, c in zip(header, cells, strict=True) if not h.strip() and c.strip())
    if beside:
        read[""] = beside
    read.update(unit)
    note_code(read)
    if note is not None:
        add_note(read, note)
    return Item(where, "csv", read)


_BAD_BYTES = lazyre.compile("[\udc80-\udcff]")


def _has_bad_bytes(text: str) -> bool:
    """Bytes that are not UTF-8, as ``errors="surrogateescape"`` kept them."""
    return _BAD_BYTES.search(text) is not None


BLOCK_LINES = 256
"""At most this many JSON Lines in a block, as CHUNK_ROWS for other inputs: a 270 KB file of ``{}``
lines made one block of 90,000 rows, and with ``--format json`` (about 50 KB a row) one chunk of
4 GB. Now a chunk's output stays near 256 full results (about 15 MB)."""


def _jsonl_blocks(path: Path, encoding: str | None = None, lines: int = BLOCK_LINES) -> Iterator[Lines]:
    """A JSON Lines file in blocks of ``lines`` whole lines (fewer in the last, and where lines are
    long: then a block ends once it holds BLOCK_BYTES). The lines a read leaves after its last
    full block wait for the next read: cut at every read's end too, a file of 100,000 companies
    made 820 blocks, of 256 lines and of some 110, where 391 do now, and each block costs the main
    process, which hands it to a worker, some 0.3 ms."""
    check_input_file(path)
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise InputError(kind="file.unreadable", params={"error": SystemError_(exc.errno, exc.strerror)},
                         file=str(path)) from None
    lines = min(lines, BLOCK_LINES)
    name, number, rest, checked = str(path), 1, b"", False
    with handle:
        from littlegiant.load.charsets import sniff_file

        codec, bom = sniff_file(handle, encoding)
        handle.seek(bom)  # a byte-order mark, as Windows editors save "UTF-8", is not part of line 1
        read = handle.read if codec == "utf-8" else _as_utf8(handle, codec)
        while data := read(BLOCK_BYTES):
            data = rest + data
            whole = data.rfind(b"\n") + 1  # a block ends with a whole line
            if not checked and whole:
                _not_results(data[:whole], name)
                checked = True
            start, find = 0, data.find
            while True:  # blocks of ``lines`` found line by line, not counted first: a count of the read's
                end = start  # newlines went over its 256 KB once more (~4,800 instructions a line of the ~36,000)
                for _ in range(lines):
                    end = find(b"\n", end) + 1
                    if not end:
                        break
                else:
                    yield Lines(name, number, data[start:end])
                    number += lines
                    start = end
                    continue
                break
            if whole - start >= BLOCK_BYTES:  # long lines: fewer than ``lines`` of them fill a block
                yield Lines(name, number, data[start:whole])
                number += data.count(b"\n", start, whole)
                start = whole
            rest = data[start:]
    if rest:
        yield Lines(name, number, rest)  # the last lines, the last one perhaps without a newline


def _not_results(block: bytes, name: str) -> None:
    """Refuse a JSON Lines file batch wrote (its first company line has batch's keys and no other): given
    back as input, each of its lines would be an error row listing every key."""
    for number, raw in enumerate(block.split(b"\n"), 1):
        if raw and not raw.isspace():
            try:
                data = _json_data(raw)
            except InputError:
                return  # said on its row
            if isinstance(data, dict) and is_results(data):
                raise InputError(kind="column.results_lines", file=name, line=number)
            return


def _as_utf8(handle: Any, codec: str) -> Callable[[int], bytes]:
    """A ``read`` that returns the file's GBK or UTF-16 text as UTF-8 bytes, which is what the
    workers parse (undecodable bytes kept, to be reported as their line's error)."""
    decoder = codecs.getincrementaldecoder(codec)(errors="surrogateescape")

    def read(size: int) -> bytes:
        while True:  # b"" only at the end: a piece shorter than one character is read on
            data = handle.read(size)
            text = decoder.decode(data, final=not data)
            if text or not data:
                return text.encode("utf-8", "surrogateescape")

    return read


_FAST = msgspec.json.Decoder(float_hook=json_decimal).decode
"""msgspec parses a line in under half the time, floats to the same exact Decimal. It is tried
first; a line it refuses goes through the standard decoder, whose messages say what is wrong."""


def _unique_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise InputError(kind="data.duplicate_here", params={"key": key})
            seen.add(key)
    return out


_STRICT = json.JSONDecoder(parse_float=json_decimal, object_pairs_hook=_unique_pairs)
"""The reference decoder: duplicate keys refused (msgspec, like json.loads, keeps the last)."""


def _keys(data: Any) -> int:
    """How many keys the decoded line holds in its nested mappings (no recursion: nesting is the
    decoder's to limit). Mappings inside lists are not counted: a line with them goes through the
    strict decoder, and no profile field takes a list."""
    if type(data) is not dict:
        return 0
    count, stack = 0, [data]
    while stack:
        node = stack.pop()
        count += len(node)
        for value in node.values():
            if type(value) is dict:
                stack.append(value)
    return count


def _json_data(raw: bytes) -> Any:
    try:
        data = _FAST(raw)
    except (msgspec.DecodeError, UnicodeDecodeError, RecursionError, InvalidOperation):
        return _json_strict(raw)  # explained, or accepted, by the standard decoder: the reference
    # Every key is followed by a colon outside the text: as many colons as keys means no key twice.
    # More colons (in text, like "10:30", or a duplicate key): the strict decoder tells which.
    if raw.count(b":") != _keys(data):
        return _json_strict(raw)
    return data


def _json_strict(raw: bytes) -> Any:
    try:
        data = _STRICT.decode(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise InputError(kind="data.not_utf8_line") from None
    except json.JSONDecodeError as exc:
        raise InputError(kind="data.json", params={"problem": exc.msg}) from None
    except RecursionError:
        raise InputError(kind="data.json", params={"problem": "nested too deeply"}) from None
    except ValueError as exc:  # Python's limit on digits in a whole number
        if "digits" in str(exc):
            raise InputError(kind="data.digits") from None
        raise
    if b"\\u" in raw:
        _check_text(data)
    return data


def _check_text(data: Any) -> None:
    """Refuse text with an unpaired ``\\ud800``-style escape: it is not text, and no file can hold it."""
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            stack.extend(node.keys())
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
        elif isinstance(node, str):
            try:
                node.encode("utf-8")
            except UnicodeEncodeError:
                raise InputError(kind="data.surrogate_line") from None


def to_profile(item: Item, rules: RuleSet, encoding: str | None = None, last_year: int | None = None) -> profile.Profile:
    """Validate one Item into a Profile (InputError when it is not valid; a RowError, which keeps
    the company's name, when the row has one)."""
    if item.kind == "error":
        raise item.payload if isinstance(item.payload, InputError) else InputError(str(item.payload))
    if item.kind == "csv":
        return row_profile(item.payload, rules, item.source, output_columns(rules), last_year)
    if item.kind == "file":
        data = read_data_file(item.payload, encoding)
    elif item.kind == "data":
        data = item.payload
    else:
        # A line decoded and read at once, its keys counted by the reading: as many as its colons, no key
        # came twice (_json_data's test, without its pass over the row). Any other line, or any failure,
        # goes the reference way below, which says what is wrong as it always did.
        try:
            data = _FAST(item.payload)
            if type(data) is dict:
                prof, keys = profile.counted_data(data, rules, item.source)
                if keys == item.payload.count(b":"):
                    return prof
        except Exception:  # told again, or first of all a key given twice, by the way below
            pass
        data = _json_data(item.payload)
        if not isinstance(data, dict):  # [1,2]: a JSON line is an object, not a YAML file's "项目: 值"
            raise InputError(kind="row.json_object", params={"got": Got(data), "example": JSON_OBJECT})
    try:
        return profile.from_data(data, rules, item.source)
    except InputError as exc:
        if not isinstance(data, dict):
            raise
        raise every_problem(data, rules, item.source, exc) from None


JSON_OBJECT = Text('{"name": "某某公司", "employees": 120}', '{"name": "Acme Ltd", "employees": 120}')
"""What a JSON line holds, as the message for a line that is no object shows it."""


def _of_year(rules: RuleSet, headers: list[str], year: int) -> bool:
    """Whether one of ``headers`` names a figure of ``year`` (营业收入（2025年）, 上年度研发费用)."""
    from littlegiant.load.profile import year_in_path
    from littlegiant.load.tabular import column

    for header in headers:
        try:
            path, f = column(rules, header, year)
        except InputError:
            continue
        if f.per_year and year_in_path(f, path) == year:
            return True
    return False


Cells = list[Any]
"""A summary row: its cells in SUMMARY_COLUMNS order (CSV writes them as they are, JSON Lines
pairs them with the column names)."""
_STATUS, _ERROR, _NEXT_STEP = (SUMMARY_COLUMNS.index(c) for c in ("status", "error", "next_step"))
_SCORES = tuple(SUMMARY_COLUMNS.index(f"{tid}_score") for tid in TIER_IDS)
_IDS = SUMMARY_COLUMNS.index(ID_COLUMNS[0])
_WORDED = RESULT_OUTCOME
"""Where the cells a Job words once for many rows begin, in words: after the source, the name and the
input's own 信用代码 and 序号, which every row has its own of."""


def error_row(item: Item, message: str, name: str | None = None) -> Cells:
    """A row that could not be scored, with its company's name as given: cut to the longest a name may
    be, where it was refused as longer (a 30-million-character name made a 30 MB results file)."""
    cells: Cells = [""] * len(SUMMARY_COLUMNS)
    if name is not None and len(name) > profile.TEXT_MAX:
        name = name[:profile.TEXT_MAX] + "…"
    cells[0], cells[1], cells[_STATUS], cells[_ERROR] = item.source, name or "", "error", message
    cells[_IDS:] = input_ids(item)
    return cells


def input_ids(item: Item) -> tuple[str, str]:
    """The row's own 统一社会信用代码 and 序号 (``row_identity``), written back beside its results so that a
    park can match them to its master list; none for a JSON line or a profile file."""
    if item.kind == "csv":
        return row_identity(item.payload)
    # a row joined from a sheet a year that could not be (a company twice on one sheet): the code its rows agree on
    return item.payload.ids if isinstance(item.payload, RowError) else ("", "")


def absent_inputs(header: list[str], rules: RuleSet, as_of: date, renewal: str | None, lang: str) -> list[str]:
    """The inputs the criteria read that no column of ``header`` gives, by their labels, less the
    red-line answers (``absent_declarations`` says those): a park's sheet seldom has the columns, and
    without a word every tier came out 未知."""
    from littlegiant.load.profile import field_for_path, input_label

    plan, absent = _absent_paths(header, rules, as_of, renewal)
    answers = dict(declarations(rules, plan).answers)
    return [input_label(field_for_path(rules, p), p).get(lang) for p in absent if p not in answers]


def absent_declarations(header: list[str], rules: RuleSet, as_of: date, renewal: str | None,
                        lang: str) -> list[tuple[str, bool]]:
    """The red-line and registration answers (``declarations``) no column of ``header`` gives: each by
    its label, which a column headed so is read as, with the answer that meets it (否; 是 for 境内注册)."""
    from littlegiant.load.profile import field_for_path, input_label

    plan, absent = _absent_paths(header, rules, as_of, renewal)
    answers = dict(declarations(rules, plan).answers)
    return [(input_label(field_for_path(rules, p), p).get(lang), answers[p]) for p in absent if p in answers]


def _absent_paths(header: list[str], rules: RuleSet, as_of: date, renewal: str | None) -> tuple[Plan, list[str]]:
    """The run's plan, and the inputs its criteria read that no column of ``header`` gives, in their order."""
    from littlegiant.load.tabular import column

    given: set[str] = set()
    for h in header:
        try:
            given.add(column(rules, h, as_of.year - 1)[0])
        except InputError:
            continue
    plan = plan_for(rules, as_of.year - 1, renewal)
    return plan, [p for p in plan.inputs() if p not in given]


@record(frozen=True)
class Declarations:
    """The yes/no answers a company declares for the gate every tier shares (境内注册, and each red line:
    经营异常, 严重失信, 数据造假, …), each with the answer that meets its criterion. A
    park's sheet seldom has their columns: left blank they are unknown, never 否, and most tiers 未知."""

    answers: tuple[tuple[str, bool], ...] = ()
    paths: tuple[str, ...] = ()  # the answers' paths alone

    def only_for(self, plan: Plan, values: dict[str, object], summary: Summary) -> dict[str, str]:
        """The tiers 未知 on ``values`` that these answers alone leave open, by the status each would have
        with every blank one given as meets it (满足, or 待审核): the row's figures fail nothing and lack
        nothing else there. A company that answers 是 to one is not met, so this is never a verdict: it
        tells "figures fine, declarations missing" from "figures missing" in a sheet of 未知."""
        if None not in map(values.get, self.paths):  # a batch asks this of every row, and most have no answer
            return {}  # blank: told by one pass in C over the answers' paths, not a loop of gets (~1,100 instructions)
        blank = {p: v for p, v in self.answers if values.get(p) is None}
        open_ = [tid for tid, t in summary.tiers.items() if t.status == UNKNOWN]
        if not open_:
            return {}
        return {tid: t.status for tid, t in plan.outcomes(open_, {**values, **blank}).items() if t.status in (MET, REVIEW)}


def declarations(rules: RuleSet, plan: Plan) -> Declarations:
    """``Declarations`` of ``rules``: in the gate every tier shares, each red line's yes/no field (answered 否
    it is met) and each yes/no check (境内工商注册登记: 是). Not a tier's own exclusions (小巨人's 单项冠军),
    which are no 参评基本条件. Made once for each rule set and year."""
    from littlegiant.core.result import stops_every_tier

    memo: dict[int, Declarations] = rules.memo.setdefault("batch.declarations", {})
    found = memo.get(plan.last_year)
    if found is not None:
        return found
    answers: dict[str, bool] = {}
    for _, node in rules.all_nodes():
        if not stops_every_tier(rules, node):  # one tier's exclusion (already a 单项冠军) is no gate answer
            continue
        if node.kind == "veto" and node.field and node.field in rules.fields:
            answers.setdefault(rules.fields[node.field].path, False)
        elif node.value is not None and node.op == "==" and isinstance(node.threshold, bool) and not node.prerequisite:
            reads = plan.reads_of(node.value)
            if len(reads) == 1:
                answers.setdefault(reads[0], node.threshold)
    found = memo[plan.last_year] = Declarations(tuple(answers.items()), tuple(answers))
    return found


def focus_tier(summary: Summary, ladder: frozenset[str] = frozenset(),
               beyond: dict[str, TierSummary] | None = None, passed: frozenset[str] = frozenset()) -> str | None:
    """The tier a row's 主要差距 / next step speaks of: the lowest one a known figure fails, else the
    lowest not known, else the lowest failed by ``ladder`` alone (the criteria that ask for the
    title below it), else the lowest awaiting the authority. ``beyond``: tiers that a title question
    fails, asked again with every title held, which tells a tier failed only for want of a title from
    one that a figure fails too (a tier's first failure is its title question, asked before its
    figures). A park's sheet seldom has the red-line columns: "尚待回答：境内工商注册登记" on every
    row hid that a company's R&D share is under 3%, while "小巨人 needs the 专精特新 title" says nothing
    the tier below does not. 待审核 is no gap the company can close (a 小巨人 that fails on its
    main-business share must not hide behind a market question the authority decides). ``passed``: tiers
    whose title is held and has no renewal (``Ladder.held_for_good``), passed over: nothing to apply for."""
    unknown = by_ladder = review = None  # the lowest tier of each kind; the lowest unmet is the answer
    tiers = summary.tiers
    for tid in TIER_IDS:
        tier = tiers.get(tid)
        if tier is None or tid in passed:
            continue
        kind = tier.status
        if kind == UNMET:
            if tier.blocker not in ladder:
                return tid
            past = beyond.get(tid) if beyond else None
            if past is not None and past.status == UNMET:
                return tid
            by_ladder = by_ladder or tid
        elif kind == UNKNOWN:
            unknown = unknown or tid
        elif kind == REVIEW:
            review = review or tid
    return unknown or by_ladder or review


@record(frozen=True)
class Ladder:
    """The criteria that ask for the title below (a tier's step up the ladder, ``prerequisite`` in the
    rule data), and the title inputs they read."""

    criteria: frozenset[str] = frozenset()
    titles: tuple[str, ...] = ()
    lower: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """(a tier with no renewal, the title inputs the tier above asks it by): held, such a tier needs no
    application, and a row's 主要差距 and 下一步 pass over it (``held_for_good``)."""

    def held_for_good(self, values: dict[str, object]) -> frozenset[str]:
        """The tiers with no renewal whose title ``values`` say is held (科技和创新型中小企业 held as 创新型 or
        科技型): a row whose 创新型 title is held, judged 未知 as a new application, was told 「尚待回答」 its
        questions, and with --advice 「已持有这一称号，有效期内无需再申报」 as its next step."""
        held: list[str] = []
        for tid, paths in self.lower:  # loops, not generators: ~1 us a row less of a batch's ~100
            for p in paths:
                if values.get(p) is True:
                    held.append(tid)
                    break
        return frozenset(held)

    def held(self, values: dict[str, object]) -> dict[str, object]:
        """``values`` with every title held: the answers a tier failed by its title question alone is asked
        again on (``beyond``), and its words and figure are made from (``Scorer._gap``, ``Scorer._now``)."""
        return {**values, **dict.fromkeys(self.titles, True)}

    def beyond(self, plan: Plan, values: dict[str, object], summary: Summary) -> dict[str, TierSummary]:
        """The tiers a title question fails, each asked again with every title held: only those under
        the lowest tier a figure fails (no higher one can be the row's focus), one tier at a time."""
        out: dict[str, TierSummary] = {}
        held: dict[str, object] | None = None
        for tid in TIER_IDS:
            tier = summary.tiers.get(tid)
            if tier is None or tier.status != UNMET:
                continue
            if tier.blocker not in self.criteria:
                break  # a figure fails this tier: the focus is here or lower
            if held is None:
                held = self.held(values)
            out[tid] = plan.outcome(tid, held)
            if out[tid].status == UNMET:
                break
        return out


def ladder_criteria(rules: RuleSet, plan: Plan) -> Ladder:
    """The criteria the rule data marks as a tier's step up the ladder (``prerequisite: true``: holds
    the title below), and the yes/no inputs they read."""
    ids, paths = set(), {}
    order = list(rules.tiers)
    lower: dict[str, dict[str, None]] = {}
    for tid, node in rules.all_nodes():
        if node.prerequisite and node.value is not None:
            ids.add(node.id)
            reads = dict.fromkeys(plan.reads_of(node.value))
            paths.update(reads)
            at = order.index(tid)
            if at > 0 and order[at - 1] not in RENEWABLE:  # the tier below, held for good when answered held
                lower.setdefault(order[at - 1], {}).update(reads)
    return Ladder(frozenset(ids), tuple(paths), tuple((t, tuple(p)) for t, p in lower.items()))


def focus_step(summary: Summary, ladder: frozenset[str] = frozenset(),
               beyond: dict[str, TierSummary] | None = None,
               passed: frozenset[str] = frozenset()) -> tuple[str, TierSummary, bool] | None:
    """(the row's ``focus_tier``, its outcome, whether that outcome is the one with every title held):
    a tier failed by its title question and by a figure too is named by the figure, not the title
    asked first."""
    focus = focus_tier(summary, ladder, beyond, passed)
    if focus is None:
        return None
    past = (beyond or {}).get(focus)
    tier = summary.tiers[focus]
    if tier.blocker in ladder and past is not None and past.status == UNMET:
        return focus, past, True
    return focus, tier, False


def screening_row(item: Item, name: str | None, summary: Summary, lang: str, warnings: str = "",
                  ladder: frozenset[str] = frozenset(), beyond: dict[str, TierSummary] | None = None,
                  gap: Callable[[str, bool], tuple[str | None, str]] | None = None,
                  red: dict[str, dict[str, str]] | None = None,
                  now: Callable[[str, TierSummary, bool], str] | None = None,
                  passed: frozenset[str] = frozenset()) -> Cells:
    """The compact output row: tiers' statuses and scores, what holds the focus tier back, and the
    figures to check (possible but unusual, in words). ``gap`` (tier, titles held) words an unmet
    tier as the report's summary does (the criterion named first, the words); without it, or for a
    tier not answered or left to the authority, the first criterion holding it back by its title, and
    ``now`` (tier, its outcome, titles held) what the company has of it (「（现为3,000万元）」) or, for a
    tier not answered, what the row left blank (「；本行缺：「营业收入（2025年）」」); a red
    line by the problem (``red``, from ``red_lines_said``), whose title states its absence. ``passed``: tiers held
    for good, which no cell speaks of (``Ladder.held_for_good``)."""
    cells: Cells = [item.source, name or "", "scored", "", summary.sme_size or ""]
    tiers = summary.tiers
    for tid in TIER_IDS:
        tier = tiers.get(tid)
        if tier is None:
            cells += ("", "")
            continue
        if tier.score is not None:
            score: Any = json_number(tier.score)
        elif tier.score_min is not None and tier.score_max is not None:
            score = ScoreRange(json_number(tier.score_min), json_number(tier.score_max))
        else:
            score = ""
        cells += (tier.status, score)
    step = focus_step(summary, ladder, beyond, passed)
    if step is not None and step[1].blocker:
        focus, outcome, held = step
        title = outcome.blocker_title
        first, said = outcome.blocker, title.get(lang) if title else ""
        if red and first in red:
            said = red[first].get(outcome.status, said)
        if gap is not None and outcome.status == UNMET:
            named, said = gap(focus, held)
            first = named or first
        elif now is not None and outcome.status in (UNMET, UNKNOWN):
            said += now(focus, outcome, held)
        cells.append(f"{focus}: {first} — {said}")
    else:
        cells.append("")
    cells.append(warnings)
    cells += input_ids(item)
    return cells


def _words_only(rules: RuleSet, as_of: date, renewal: str | None, name: str | None, summary: Summary,
                tiers: dict[str, TierResult]) -> Result:
    """A result of only the tiers a row's words need (its focus tier, at a fraction of a whole
    result's cost): for wording a batch cell, never written out (no fingerprint, no warnings)."""
    return Result(rules_id=rules.id, rules_title=rules.title, in_force_from=rules.in_force_from,
                  rules_source=rules.source, as_of=as_of, last_year=as_of.year - 1, renewal=renewal, input_sha256="",
                  name=name, sme_status=summary.sme_status, sme_size=summary.sme_size, tiers=tiers, rules=rules)


NO_SLIPS = (False, False, False)
"""Scorer.slips of a row with neither amounts past any SME's size nor revenue too small for its head count."""


def _slips_said(item: Item, found: list[Unusual], rules: RuleSet, last_year: int) -> tuple[bool, bool, bool]:
    """``unit_slips`` of a row as the run's closing note counts them, and whether its revenue too small for
    the head count was read in 元 (``_read_in_yuan``). An amount past any SME's size is not counted on a
    sheet whose title says its amounts are in 元. They were read in 元, and the note, which says 元 was read
    as 万元 and to write 金额单位：元 above the list, told the user to write what the sheet already said; the
    row's own warning still asks to check the figure."""
    large, small = unit_slips(found)
    if large and item.kind == "csv" and item.payload.get(SHEET_UNIT) == "元":
        large = False
    yuan = small and any(w.kind == SMALL and _read_in_yuan(item, rules, w.figure.path, last_year) for w in found)
    return large, small, yuan


def slip_notes(large: int, small: int, yuan: int) -> list[tuple[str, int]]:
    """The run's closing notes on amounts (Done.large, .small, .yuan), each with its count of rows: revenue too
    small a head blames the unit only where the sheet's 元 was read (``_read_in_yuan``), else it asks to check
    the figures (800 people and 100万 under 营业收入（万元） were told 万元 had been read as 元)."""
    return [(kind, count) for kind, count in (("run.amounts_large", large), ("run.amounts_small", yuan),
                                              ("run.revenue_small", small - yuan)) if count]


_OWN_UNIT = lazyre.compile(r"[^\d\s.,，０-９．+-]")
"""A cell with more than a number's characters (100万, 100万元, ¥100): its own unit, not the column's."""


def _read_in_yuan(item: Item, rules: RuleSet, path: str, last_year: int) -> bool:
    """Whether the amount at ``path`` was read in 元 or 千元 by the sheet's word, not the cell's: its column's
    header or the title rows name the unit (营业收入（元）, 金额单位：元) and the cell is a bare number. Only
    then can a revenue of 1,250元 a head be 万元 typed where 元 is read: 100 under 营业收入（万元） beside 800
    people was told it had been read as 元 and to write 万元, which the header said. (An amount read in 元 for
    ¥ alone is never held to the head count: its own warning asks which unit was meant.)"""
    if item.kind != "csv":
        return False
    from littlegiant.load.tabular import header_unit

    cells = item.payload
    for header, cell in cells.items():
        if not isinstance(header, str) or not isinstance(cell, str) or header.startswith("\x00"):
            continue
        try:
            at, f = column(rules, header, last_year)
            unit = header_unit(rules, header, f, cells.get(SHEET_UNIT)) if at == path else None
        except InputError:
            continue
        if unit is not None and unit < 1 and not _OWN_UNIT.search(cell):
            return True
    return False


_Shown = tuple[Node, expr.Compiled, CriterionResult]


class Scorer:
    """Scores Items under fixed settings; picklable so that --jobs can ship it to workers."""

    def __init__(self, rules_ref: str, as_of: date, renewal: str | None, lang: str, full: bool, version: str,
                 advice: bool = False, calendar: Choice | None = None, encoding: str | None = None,
                 allow_outside: bool = False) -> None:
        self.advice = advice
        self.allow_outside = allow_outside  # --allow-outside: a worker loads the set under the run's permission
        self.calendar = calendar
        self.encoding = encoding
        self.rules_ref = rules_ref
        self.as_of = as_of
        self.renewal = renewal
        self.lang = lang
        self.full = full
        self.version = version
        self._rules: RuleSet | None = None
        self._plan: Plan | None = None
        self._ladder = Ladder()
        self._declared = Declarations()
        self._red: dict[str, dict[str, str]] = {}  # red_lines_said, once the rule set is read
        self._last_figure: str | None = None  # the first figure of last year stale_year looks for, once the set is read
        self._columns: dict[str, str | None] = {}  # a sheet's header -> the input it gives (_blank)
        self._reads: dict[str, tuple[str, ...]] = {}  # a tier -> the inputs its criteria read (_blank)
        self._shown: dict[tuple[str, str], _Shown | None] = {}
        """A check that holds a tier back -> (its node, its value as its row shows it, a row of its rule
        that ``_now`` gives each figure in turn), from the plan's steps once its first row is made."""
        self.carried: tuple[tuple[str, tuple[str, ...]], ...] = ()
        """The park's own columns no rule reads, copied back after the results (CARRIED_KEY): each as
        the output heads it and as the inputs' headers spell it (with their spaces), known once every
        header is read (``carry``)."""
        self.typed = False
        """Whether the carried cells go to an .xlsx, as the sheet typed them (``own_typed``)."""
        self.slips = NO_SLIPS
        """Whether the row last scored has amounts past any SME's size, and revenue too small for its
        head count (``unit_slips``), that revenue read in 元 by the sheet's word (``_read_in_yuan``): Job
        counts such rows, and the run names them once at its end."""

    @property
    def _forced(self) -> bool:
        """Whether ``--rules`` chose the set, not the date (said so where answers were given to another's questions)."""
        return self.calendar is not None and self.calendar.forced

    def carry(self, columns: dict[str, list[str]], typed: bool = False) -> None:
        """Copy these columns back (by their heading: the headers that spell it) with every row; ``typed``:
        to an .xlsx, each cell with what the sheet held (``own_typed``)."""
        self.carried = tuple((shown, tuple(spelt)) for shown, spelt in columns.items())
        self.typed = typed

    def own_cells(self, item: Item) -> list[str]:
        """The row's cells under the carried columns, as typed: "" where its sheet has no such column,
        and for a row that is no sheet's."""
        if item.kind != "csv":
            return [""] * len(self.carried)
        cells = item.payload
        return [next((str(cells[h]) for h in spelt if h in cells), "") for _, spelt in self.carried]

    def own_typed(self, item: Item) -> list[str]:
        """The row's cells under the carried columns as the .xlsx is given them (own_json): each a JSON value,
        "" for an empty cell. A sheet's cell as what it held (load.xlsx.held: ["n", 2.85714285714286, "0.00"]),
        its text as ["s", text], which the workbook keeps text; a CSV's as its text, which the workbook reads
        a figure, share or day from. As text alone, a formula's result came back as text and an ID typed
        as text as a number Excel shows as 3.20594E+14."""
        own = self.own_cells(item)
        types = item.payload.get(CELL_TYPES) if item.kind == "csv" else None
        if types is None:
            return [encode_basestring(cell) if cell else "" for cell in own]
        held = json.loads(types)
        cells = item.payload
        out = []
        for (_, spelt), cell in zip(self.carried, own, strict=True):
            if not cell:
                out.append("")
                continue
            kind = next((held[h] for h in spelt if h in cells and h in held), None)
            out.append(json.dumps(kind if kind is not None else ["s", cell], ensure_ascii=False))
        return out

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "_rules": None, "_plan": None, "_shown": {}}

    def __call__(self, item: Item, codec: tuple[str, str] | None = None) -> Cells | str | bytes:
        """A summary row's cells, or with ``--format json`` the full result: its line as text, or as
        bytes in ``codec`` (encoding, errors) when given (an error row is always cells)."""
        if self._rules is None:
            from littlegiant.load import rules as rulesets

            self._rules = rulesets.load(self.rules_ref, allow_outside=self.allow_outside)
        self.slips = NO_SLIPS
        try:
            return self._score(item, self._rules, codec)
        except InputError as exc:
            self.slips = NO_SLIPS  # an error row is counted as one, not as a figure to check
            found = exc.errors if isinstance(exc, RowError) else [exc]
            return error_row(item, PROBLEMS_SEPARATOR.join(self._said(e, item) for e in found),
                             exc.name if isinstance(exc, RowError) else None)
        except Exception as exc:  # a bug met on this row: the row says so, the run goes on
            self.slips = NO_SLIPS
            return error_row(item, internal_message(exc))

    def _score(self, item: Item, rules: RuleSet, codec: tuple[str, str] | None) -> Cells | str | bytes:
        prof = to_profile(item, rules, self.encoding, self.as_of.year - 1)
        unsaved, notes = self._notes(item, prof)
        # answers a profile says it gave under another shipped set (a sheet's row is under another set by one
        # column's question alone: that answer is said), to that set's differently worded questions (the 2022
        # incident red line judged by 2026's), or under a set this tool does not have
        under = prof.answered_under is not None
        other_set = profile.answered_set(rules, prof) if under and item.kind != "csv" else None
        answered = other_set.title if other_set is not None else None
        others = profile.other_questions(rules, prof) if under else []
        unknown = profile.unknown_set(rules, prof) if under else None  # miit-2025
        if self.full:
            result = engine.evaluate(rules, prof, self.as_of, self.renewal, self.calendar)
            if result.warnings:
                self.slips = _slips_said(item, result.warnings, rules, self.as_of.year - 1)
            from littlegiant.report.result_json import to_bytes, to_dict, to_json

            words = [self._words(kind, param) for kind, param in notes]
            said = ('"notes": [' + ", ".join(map(encode_basestring, words)) + '], ') if notes else ""
            ids = "".join(f'"{k}": {encode_basestring(v)}, ' for k, v in zip(ID_COLUMNS, input_ids(item), strict=True) if v)
            own = f'"{CARRIED_KEY}": {own_json(self, (self.own_typed if self.typed else self.own_cells)(item))}, ' if self.carried else ""
            head = '{"source": ' + encode_basestring(item.source) + ', "status": "scored", ' + ids + own + said + \
                '"result": '
            if answered or others or unknown:  # a rare row: its result read back, and warned of in it as assess's is
                doc = to_dict(result, self.lang, self.version)
                doc["warnings"] += answered_under_warnings(answered, others, unknown, result.rules_title, self.as_of,
                                                           self.lang, self._forced)
                line = "".join((head, json.dumps(doc, ensure_ascii=False), "}\n"))
                return line if codec is None else line.encode(*codec)
            if codec is None:
                return "".join((head, to_json(result, self.lang, self.version), "}\n"))
            return b"".join((head.encode(*codec), to_bytes(result, self.lang, self.version, codec), b"}\n"))
        if self._plan is None:
            self._plan = plan_for(rules, self.as_of.year - 1, self.renewal)
            self._ladder = ladder_criteria(rules, self._plan)
            self._declared = declarations(rules, self._plan)
            self._red = red_lines_said(rules, self.lang)
            self._last_figure = next((f.concrete_path(self.as_of.year - 1) for f in rules.fields.values() if f.per_year),
                                     None)
        plan, values = self._plan, prof.values
        summary = plan.run(values, keep=True)  # type: ignore[arg-type]
        last_year = self.as_of.year - 1
        unusual = unusual_figures(rules, values, prof.percent_signed, prof.yuan_by_sign, last_year, prof.sized)
        if unusual:
            self.slips = _slips_said(item, unusual, rules, last_year)
        # a figure of last year given (its first, revenue, in nearly every row): stale_year would say None on
        # looking it up first, and is not called (~700 instructions a row)
        latest = None if values.get(self._last_figure) is not None else profile.stale_year(rules, values, last_year)  # type: ignore[arg-type]
        if latest is not None and _of_year(rules, unsaved, last_year):
            latest = None  # last year's figures are there, as formulas not computed: that note says why
        # the full result only where something needs it: the advice, and a figure said as approximate
        # (约500万), whose verdict the report flags when it is within 5% of a threshold (a close call);
        # with the calendar, as the report is: it names the set that judges a plan's later round
        # and a renewal the row fails: its first failing condition alone read 「本年度得分不低于60分（现为55分）」
        # of the either-year clause, last year's 58 unsaid (the report's words give both: a client's few rows)
        renewal_fails = self.renewal is not None and (renewed := summary.tiers.get(self.renewal)) is not None \
            and renewed.status == UNMET
        full = engine.evaluate(rules, prof, self.as_of, self.renewal, self.calendar) \
            if self.advice or prof.approximate or renewal_fails else None
        warnings = self._warnings(prof, notes, latest, full, unusual, (answered, others, unknown)) \
            if notes or latest is not None or self.renewal is not None or unusual or full is not None \
            or answered or others or unknown else ""  # most rows: nothing to say
        beyond = self._ladder.beyond(plan, values, summary)  # type: ignore[arg-type]
        # the report's words for what fails a tier (the nearest route, 或 before the others) need the
        # tier's full rows: with --advice, a consultant's run, whose rows are worked out for the plan
        # anyway; a park's screening of thousands keeps the first failing criterion's title, at a
        # third of the cost a row (measured: 14.8 s against ~5 s for 100,000 companies)
        gap = partial(self._gap, prof, summary, full) if (self.advice or renewal_fails) and full is not None else None
        red = self._red
        # a red line stops every tier, the one held too: the row names it at the lowest, as before
        for tier in summary.tiers.values():
            if tier.blocker in red and tier.status in (UNMET, REVIEW):
                passed: frozenset[str] = frozenset()
                break
        else:
            passed = self._ladder.held_for_good(values)  # type: ignore[arg-type]
            # a title held and not renewed by this run is kept by its own renewal: the row spoke of 专精特新 (judged
            # as a new application) in a run renewing 小巨人, or in a run renewing none, as the report no longer does
            passed |= frozenset(t for t in RENEWABLE if t != self.renewal and values.get(f"titles.{t}") is True)
        row = screening_row(item, prof.name, summary, self.lang, warnings, self._ladder.criteria, beyond, gap,
                            red, partial(self._now, item, prof, summary), passed)
        if row[_NEXT_STEP]:
            only = self._declared.only_for(plan, values, summary)  # type: ignore[arg-type]
            if only and passed:  # a title held for good needs no answers
                only = {t: said for t, said in only.items() if t not in passed}
            if only:  # 未知 for want of the red-line answers alone: said alike on every such row
                row[_NEXT_STEP] += only_declared_text([(rules.tiers[t].title.get(self.lang), s) for t, s in only.items()],
                                                      self.lang)
        if self.advice and full is not None:
            row[_NEXT_STEP] = self._advice(full, prof, summary, beyond, row[_NEXT_STEP], passed) or row[_NEXT_STEP]
        return row

    def _warnings(self, prof: profile.Profile, notes: list[tuple[str, str]], latest: int | None, full: Result | None,
                  unusual: list[Unusual], under: tuple[Text | None, list[profile.OtherQuestion], profile.UnknownSet | None]
                  ) -> str:
        """A summary row's warnings cell: a renewal of a title not held, its notes (formulas without
        their results first: where they hold last year's figures, they are why the row has none), a
        year's figures missing, answers given under another set, close calls and unusual figures.
        Asked only of a row with one of them (a park's screening: a row in a hundred)."""
        rules = self._rules
        assert rules is not None
        stale = stale_year_text(latest, self.as_of.year - 1, self.as_of, self.lang)
        held = prof.values.get(f"titles.{self.renewal}")
        unheld = unheld_text(self.renewal, held if isinstance(held, bool) else None,
                             rules.tiers[self.renewal].title.get(self.lang) if self.renewal in rules.tiers else "", self.lang)
        worded = [self._words(kind, param) for kind, param in notes]
        cause = [s for s, (kind, _) in zip(worded, notes, strict=True) if kind == "note.formula_unsaved"]
        answered, others, unknown = under
        asked = answered_under_texts(answered, others, unknown, rules.title, self.as_of, self.lang, self._forced) \
            if answered or others or unknown else []
        # not of a tier a red line or a gate answer has settled, as the report leaves them out: the row said
        # 「这一项的结论取决于这个约数」 of a verdict no exact figure could change
        close = close_texts(standing_close(full), self.lang) if full is not None else []
        sentences = [*([unheld] if unheld else ()), *cause, *([stale] if stale else ()), *(s for s in worded if s not in cause),
                     *asked, *close, *(warning_sentences(unusual, self.lang) if unusual else ())]
        return ("；" if self.lang == "zh" else "; ").join(sentences)

    def _gap(self, prof: profile.Profile, summary: Summary, full: Result, tier: str,
             held: bool) -> tuple[str | None, str]:
        """What holds an unmet ``tier`` back, as the report's summary words it (``screening_row``'s
        ``gap``): from the row's full result (an --advice row has one), or with every title held
        (``held``) from that tier's rows alone on those answers, a tenth of a whole result's cost."""
        from littlegiant.report.words import Words

        assert self._plan is not None and self._rules is not None
        if held:
            values = self._ladder.held(prof.values)  # type: ignore[arg-type]
            rows = self._plan.tier_result(tier, values)
            full = _words_only(self._rules, self.as_of, self.renewal, prof.name, summary, {tier: rows})
        return Words(full, self._rules, lang=self.lang, alone=True).gap(full.tiers[tier])

    def _now(self, item: Item, prof: profile.Profile, summary: Summary, tier: str, outcome: TierSummary,
             held: bool) -> str:
        """What the company has of the figure or score that holds ``tier`` back, as the report's 差在
        says it beside the title (「（现为3,000万元）」, 「（最多2项）」), worked out on the answers
        the outcome came from (``held``: every title held); empty where there is no such figure. For a
        tier not answered, the cells of the row's sheet that the row left blank and the tier reads: the
        first question open is most often a column the whole sheet lacks, and a company with its revenue
        blank read as the one beside it with every figure given."""
        assert self._plan is not None
        if outcome.status == UNKNOWN:
            blank = self._blank(item, prof, tier)
            if not blank and outcome.blocker_node is not None:
                why = self._uncomputed(prof, summary, tier, outcome.blocker_node, held)
                if why:
                    return why
            if not blank and item.kind == "csv" and self._nothing_short(prof, summary):
                # a strong candidate read as the blank row beside it: both 未知, both 尚待回答 the
                # columns a park's sheet never has; said apart, the sheet sorts into the two
                return NOTHING_SHORT.get(self.lang)
            return blank
        if outcome.blocker_node is None:
            return ""
        node = outcome.blocker_node
        if node.kind == "sme":
            return size_now(summary.sme_size, self.lang)
        state = self._plan.start(self._ladder.held(prof.values)) if held else summary.state  # type: ignore[arg-type]
        shown = self._shown.get((tier, node.id))
        if shown is not None and shown[0] is node:
            # the one figure the words need, not the whole row (the inputs it read, the formula filled
            # in): a row of the rule holding that value alone, which now_text words from the value and
            # the rule's comparison and unit (callgrind, a row of benchmarks/batch.py's to a .csv: 525,400
            # -> 513,400 instructions). A figure that is no number has nothing to say; none, a blank
            # part's row says what its whole holds (made whole, below)
            # one row of the rule, kept, is given each figure in turn: now_text reads it and keeps nothing of
            # it, and a new row a figure (make) was ~4,000 of a summary row's ~475,000 instructions
            _, value_of, made = shown
            value = value_of(state, 0)
            if isinstance(value, Decimal):
                made.value = value
                return now_text(made, self.lang)
            if value is not None:
                return ""
        row = self._plan.row_of(tier, node, state)
        if row is None:
            return ""
        if node.kind == "check" and (tier, node.id) not in self._shown:
            figure = self._plan.figure_of(tier, node)
            self._shown[(tier, node.id)] = None if figure is None else (node, figure[0], figure[1](UNMET))
        return now_text(row, self.lang)

    def _uncomputed(self, prof: profile.Profile, summary: Summary, tier: str, node: Node, held: bool) -> str:
        """Why a check holding ``tier`` back is unknown with every figure it reads given, as the report's
        summary says it after the title (「（营业收入（2023年）为0，无法计算，请核对）」); empty otherwise. A
        小巨人 grown from a revenue of 0 read 「尚待回答——近两年营业收入复合增长率…」 though every
        question was answered, and a park looked in vain for the blank cell."""
        from littlegiant.report.words import Words

        assert self._plan is not None and self._rules is not None
        state = self._plan.start(self._ladder.held(prof.values)) if held else summary.state  # type: ignore[arg-type]
        row = self._plan.uncomputed_row(tier, node, state)
        if row is None:
            return ""
        result = _words_only(self._rules, self.as_of, self.renewal, prof.name, summary, {})
        return Words(result, self._rules, lang=self.lang, alone=True).uncomputed(row).removeprefix(row.title.get(self.lang))

    def _nothing_short(self, prof: profile.Profile, summary: Summary) -> bool:
        """Whether nothing the row gives fails a tier: none is 不满足, and no red line the row answered
        是 awaits the authority (偷漏税 under 2026, which the tier's status, 未知 for the blanks beside
        it, did not show). A route of a group that another route may still meet is no shortfall (a
        市级 institution beside a blank exemption, a 5% domestic share beside a blank rank): counted,
        answering a column lost the mark that leaving it blank kept. The tiers not met are evaluated
        whole, which only the rows that get this far pay for."""
        assert self._plan is not None
        for tid, outcome in summary.tiers.items():
            if outcome.status == UNMET:
                return False
            if outcome.status == MET:
                continue
            for c in self._plan.tier_result(tid, prof.values).holding_back():  # type: ignore[arg-type]
                if c.status == REVIEW and c.kind == "veto":
                    return False
        return True

    def _blank(self, item: Item, prof: profile.Profile, tier: str) -> str:
        """「；本行缺：「营业收入（2025年）」、……等N项」: a sheet row's cells that ``tier`` reads and that were
        read as unknown (left blank, 不知道, —, /, or 暂无 and 未参评 for a figure, which a list of the words
        for "don't know" alone missed), in the order its criteria read them; empty for a row that is no
        sheet's (a JSON line, a profile file)."""
        if item.kind != "csv" or self._plan is None or self._rules is None:
            return ""
        columns = self._columns
        blank: set[str] = set()
        values = prof.values
        for header in item.payload:
            if header not in columns:
                try:
                    columns[header] = column(self._rules, header, self.as_of.year - 1)[0]
                except InputError:
                    columns[header] = None  # a column no input is read from
            path = columns[header]
            if path is not None and values.get(path) is None:
                blank.add(path)
        if not blank:
            return ""
        reads = self._reads.get(tier)
        if reads is None:
            reads = self._reads[tier] = self._plan.inputs(tier)
        left = [p for p in reads if p in blank]
        if not left:
            return ""
        return blank_cells_text([profile.input_label(profile.field_for_path(self._rules, p), p).get(self.lang)
                                 for p in left], self.lang)

    def _notes(self, item: Item, prof: profile.Profile) -> tuple[list[str], list[tuple[str, str]]]:
        """What the row's reading found that its reader should know: the headers of its formula cells
        without a saved result, and its notes (message kind, parameter): a row scored without a
        company name (which company it is cannot be told), and the reader's notes on its cells."""
        notes = note_kinds(item.payload) if item.kind == "csv" else list(item.notes)
        if prof.name is None:
            notes.insert(0, ("note.no_name", ""))
        if prof.unread_titles:
            notes.append(("note.title_unread", NOTE_LIST.join(prof.unread_titles)))
        beside = item.payload.get("", "").strip() if item.kind == "csv" else ""
        if beside:  # a note typed beside the table: the row is scored, and the note kept where staff read
            notes.append(("note.no_header", beside))  # (it made the row an error: no verdict for any tier)
        unsaved = [h for kind, param in notes if kind == "note.formula_unsaved" for h in param.split(NOTE_LIST)] \
            if notes else []
        return unsaved, notes

    def _words(self, kind: str, param: str) -> str:
        """A note in the run's language; a list of headers quoted and joined as the language writes them."""
        if kind == "note.merged_figures":  # each a header and its merged cells: “营业收入（2025年）”（D3:D4）
            cut = [item.rpartition(" ") for item in param.split(NOTE_LIST)]
            param = "、".join(f"“{' '.join(h.split())}”（{ref}）" for h, _, ref in cut) if self.lang == "zh" else \
                ", ".join(f"'{' '.join(h.split())}' ({ref})" for h, _, ref in cut)
        elif kind in ("note.long_missing", "note.long_not_latest"):  # a long table's years: 2024年, 2024 in English
            years = param.split(NOTE_LIST)
            param = ("、".join(f"“{y}年”" for y in years) if len(years) > 1 else f"{years[0]}年") if self.lang == "zh" \
                else ", ".join(years)
        elif NOTE_LIST in param or kind in ("note.formula_unsaved", "note.title_unread"):
            items = [" ".join(h.split()) for h in param.split(NOTE_LIST)]  # a header wrapped in Excel, on one line
            param = "、".join(f"“{h}”" for h in items) if self.lang == "zh" else ", ".join(f"'{h}'" for h in items)
        return say(kind, self.lang, {"param": param})

    def _said(self, exc: InputError, item: Item) -> str:
        """One problem as the error cell shows it: without the file when the source column already says
        where (a JSON line)."""
        if exc.file == item.source and exc.line is None:
            exc = exc.moved(file=None)
        return exc.render(self.lang)

    def _advice(self, result: Result, prof: profile.Profile, summary: Summary, beyond: dict[str, TierSummary],
                row_gap: str, passed: frozenset[str] = frozenset()) -> str | None:
        """The first step of the checked plan for the row's ``focus_tier``, as the assess report words it:
        a plan knows which years are closed (last year's audited figures can no longer change) and
        which round it is for, where the gap search alone told a park to change 2025's revenue."""
        from littlegiant.report.common import plans_of
        from littlegiant.report.words import Words, set_args

        assert self._rules is not None
        tier = focus_tier(summary, self._ladder.criteria, beyond, passed)  # the row's own, worked out once
        if tier is not None:
            head = row_gap or f"{tier}:"  # what holds it back, before the step
        else:
            # every tier's title held, none renewed by this run: the highest one's line, as the report's plan says
            # it (「已持有这一称号……到期前按复核条件复核」); the cell was empty (found in review)
            held = [t for t in reversed(TIER_IDS) if t in passed and t in RENEWABLE and t != self.renewal]
            if not held:
                return None
            tier, head = held[0], row_gap  # nothing holds it back: 主要差距 stays as it was (empty), not the tier's name
        stop = Words(result, self._rules, lang=self.lang, alone=True).stop_lines()
        if stop:  # a red line or an unmet gate condition: nothing to plan, as the report says
            return f"{head}{ADVICE_MARK}" + ("；" if self.lang == "zh" else "; ").join(stop)
        plans = plans_of(self._rules, prof, result)  # the report's: a lower tier's plan dates a title asked first
        plan = plans.get(tier)  # none for a tier met or awaiting the authority: when to apply, what it judges
        text = Words(result, self._rules, plans, self.lang, alone=True).next_step(result.tiers[tier])
        sets = " ".join(f"--set {a}" for a in set_args(plan, self._rules)) if plan is not None and plan.ok else ""
        # after what holds the row back (主要差距 keeps its reason), the step; the ids for a script last
        return f"{head}{ADVICE_MARK}{text}" + (f"  [{sets}]" if sets else "") if text else None


AUTO_JOBS_AFTER = 2000
"""With ``--jobs`` left to its default, an input of up to this many rows is scored in this process
(a small batch never pays for starting workers); a longer one is spread over the CPUs."""
HEAVY_ROW = 10
"""What a row costs against a summary row when it is a full result (``--format json``: every
criterion evaluated and some 50 KB written) or carries advice (a full result and a search): such an
input is spread over the CPUs from AUTO_JOBS_AFTER / HEAVY_ROW rows on, where workers pay off."""
AUTO_JOBS_MAX = 8
"""The most workers the default starts: each holds its own copy of the rule set (tens of MB), and a
park's server with 64 CPUs should not hand a screening run 64 of them unasked."""


def cpu_count() -> int:
    """The CPUs this process may run on (not all of the machine's under a container's limits)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class Done(NamedTuple):
    """A scored chunk: how many rows, how many of them errors (``internal`` of those: bugs), and
    their output lines as one text, or as the bytes the output file holds (Writer.codec); ``large``
    and ``small``: how many rows have amounts past any SME's size, or revenue too small for their head
    count (Scorer.slips), which the run names once at its end."""

    rows: int
    errors: int
    text: str | bytes
    internal: int = 0
    written: int = 0  # bytes a worker wrote to the output itself (_Turns), its ``text`` then empty
    large: int = 0
    small: int = 0
    yuan: int = 0  # of the ``small``, those whose revenue was read in 元 by the sheet's word (_read_in_yuan)


class _Worded(NamedTuple):
    """A summary row's words that rows of the same outcome share (``Job._kept``): its cells after the
    input's ids, the blocker's (and with --advice the step's) left empty; the heads of its next steps
    in words (``Job._step_in_words``); those cells joined before and after the blocker's (and the
    step's); and the commas of its .csv line when no cell needs quotes."""

    tail: list[str]
    heads: dict[str, str | None]
    before: str
    after: str
    commas: int


class Job:
    """Scores a chunk into its output lines; picklable, so that workers format their own rows and
    send back one text per chunk rather than a row of fields per company."""

    def __init__(self, scorer: Scorer, csv_rows: bool, labels: Labels | None = None,
                 codec: tuple[str, str] | None = None, shared: bool = False) -> None:
        self.scorer = scorer
        self.csv_rows = csv_rows
        self.labels = labels  # CSV rows in words (result_words), else in ids
        self.codec = codec  # (encoding, errors): a chunk's lines are sent as the bytes the file holds
        self.shared = shared  # workers write the output themselves, in turn (_Turns)
        self._lines: list[str | bytes] = []
        self._bytes = False  # some of the lines are bytes
        self._csv: Any = None
        self._worded: dict[tuple[Any, ...], _Worded] = {}  # see _kept
        self._writing: _Behind | None = None  # this worker's writer, from its first chunk (_write_behind)

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "_lines": [], "_csv": None, "_bytes": False, "_worded": {}, "_writing": None}

    def __call__(self, chunk: Chunk, turn: int | None = None) -> Done:
        """The chunk's rows; on a worker, with ``turn`` (the chunk's place in the input) and an
        output it shares, written to that output in turn rather than sent back (_Turns)."""
        done = self._scored(chunk)
        turns = _TURNS
        if turn is None or not self.shared or turns is None or turns.parent == os.getpid() or type(done.text) is not bytes:
            return done
        self._write_behind(turns, turn, done.text, done.rows)
        return done._replace(text=b"", written=len(done.text))

    def _write_behind(self, turns: _Turns, turn: int, data: bytes, rows: int) -> None:
        """Hand the chunk to this worker's writer, which writes it in its turn while the worker scores
        on: waiting for the other workers' turns and writing 1.6 MB left each of two workers idle some
        0.3 s of a 2,000-row --format json run. At most WRITE_AHEAD chunks a worker wait, so memory
        stays bounded; an earlier chunk's failure (a full disk) is raised here; _on_workers waits for the last."""
        writing = self._writing
        if writing is None:
            import sys

            # The writer takes the GIL at each turn, write and CRC from this thread, which scores on and
            # lets go of it only every switch interval (5 ms): turns were passed on that late, and the
            # workers waited for them (0.03-0.19 s idle a worker of a 2,000-row run on a busy machine,
            # 0.003-0.012 s at 0.5 ms). A worker is this run's alone: no other code shares its interval.
            sys.setswitchinterval(WRITER_SWITCH)
            self._writing = writing = _Behind(turns)
        writing.put(turn, data, rows)

    def _scored(self, chunk: Chunk) -> Done:
        rows = errors = internal = large = small = yuan = 0
        lines = self._lines
        scorer, line, codec = self.scorer, self.line, self.codec
        own = (scorer.own_typed if scorer.typed else scorer.own_cells) if scorer.carried else None
        try:
            for item in items_in(chunk):
                row = scorer(item, codec)
                rows += 1
                if scorer.slips is not NO_SLIPS:
                    large += scorer.slips[0]
                    small += scorer.slips[1]
                    yuan += scorer.slips[2]
                if type(row) is list:
                    if row[_STATUS] == "error":
                        errors += 1
                        internal += row[_ERROR].startswith(INTERNAL)
                    line(row, own(item) if own is not None else None)
                else:
                    line(row)
            _settled()
            if self._bytes:  # full results, each already the file's bytes; any error row among them is text
                assert codec is not None
                return Done(rows, errors, b"".join([x if isinstance(x, bytes) else x.encode(*codec) for x in lines]),
                            internal, large=large, small=small, yuan=yuan)
            text = "".join(lines)  # type: ignore[arg-type]
            return Done(rows, errors, text.encode(*codec) if codec else text, internal, large=large, small=small, yuan=yuan)
        finally:
            lines.clear()
            self._bytes = False

    def line(self, row: Cells | str | bytes, own: list[str] | None = None) -> None:
        """Add the row's output line to this chunk's lines; ``own``: its cells under the carried columns."""
        if isinstance(row, bytes):  # a full result, already the file's bytes
            self._lines.append(row)
            self._bytes = True
            return
        if isinstance(row, str):  # a full result, already JSON text
            self._lines.append(row)
            return
        if not self.csv_rows:
            line = _json_line(row)
            if own is not None:
                line = f'{line[:-2]}, "{CARRIED_KEY}": {own_json(self.scorer, own)}}}\n'
            self._lines.append(line)
            return
        # full results never go to a .csv (Writer refuses)
        if self.labels is not None:
            self._line_in_words(row, own)
            return
        cells = list(map(str, row))
        for i in _TEXT_CELLS:  # text a spreadsheet would run as a formula is made inert
            if cells[i].startswith(FORMULA_STARTS):
                cells[i] = inert(cells[i])
        self._add(cells, own)

    def _add(self, cells: list[str], own: list[str] | None, line: str | None = None) -> None:
        """Add a .csv row of these cells, and ``own`` after them (made inert here); ``line``: the cells
        already joined, ``own`` not among them."""
        if own is not None:
            more = [inert(c) if c.startswith(FORMULA_STARTS) else c for c in own]
            cells += more
            line = None if line is None else ",".join((line, *more))
        if line is None:
            line = ",".join(cells)
        if line.count(",") == len(cells) - 1 and '"' not in line and "\n" not in line and "\r" not in line:
            self._lines.append(line + "\r\n")  # no cell needs quotes: what csv.writer would write
            return
        if self._csv is None:  # the csv module quotes; its one write per row lands in the list
            self._csv = csv.writer(_Sink(self._lines.append))
        self._csv.writerow(cells)

    def _line_in_words(self, row: Cells, own: list[str] | None) -> None:
        """Add the row in words (result_words) as a .csv line, its text cells made inert: every cell after
        the input's ids is a function of the row's other cells, which a screening repeats (the same
        statuses, no warning), so those are worded once and kept (``_kept``), all but 主要差距, worded
        apart (``_step_in_words``), and joined once on either side of it. A line is then five cells
        of the row's own and the two kept texts: building the row's cells to join them was 30% of its
        ~32,000 instructions of Job.line (callgrind)."""
        assert self.labels is not None
        kept = self._kept(row)
        source = "" if row[0] is None else str(row[0])
        if source and source[0] in FORMULA_FIRST:
            source = inert(source)
        name = str(row[1]) if row[1] else ""
        if name and name[0] in FORMULA_FIRST:
            name = inert(name)
        code, seq = row[_IDS:]  # ID_COLUMNS, as result_words has them
        code = str(code) if code else ""
        if code and code[0] in FORMULA_FIRST:
            code = inert(code)
        seq = str(seq) if seq else ""
        if seq and seq[0] in FORMULA_FIRST:
            seq = inert(seq)
        step = row[_NEXT_STEP]
        blocker, then = self._step_in_words(step, kept.heads, row) if step else ("", "")
        if blocker and blocker[0] in FORMULA_FIRST:
            blocker = inert(blocker)
        if self.labels.advice:
            if then and then[0] in FORMULA_FIRST:
                then = inert(then)
            line = f"{source},{name},{code},{seq},{kept.before},{blocker},{then},{kept.after}"
        else:
            line = f"{source},{name},{code},{seq},{kept.before},{blocker},{kept.after}"
        if own is None and line.count(",") == kept.commas and '"' not in line and "\n" not in line and "\r" not in line:
            self._lines.append(line + "\r\n")  # no cell needs quotes: what csv.writer would write
            return
        tail = kept.tail
        at = len(tail) - (4 if self.labels.advice else 3)  # the blocker's cell, then the step's with --advice
        cells = [source, name, code, seq, *tail[:at], blocker, *([then] if self.labels.advice else ()),
                 *tail[at + 1 + self.labels.advice:]]
        self._add(cells, own, line)

    def _kept(self, row: Cells) -> _Worded:
        """The words of the row's cells after its ids (``_line_in_words``), kept for the rows that share
        those cells (WORDS_KEPT). A score written as a float is not kept: 60.0 would find the row kept for 60."""
        assert self.labels is not None
        key: tuple[Any, ...] | None = (*row[2:_NEXT_STEP], *row[_NEXT_STEP + 1:_IDS])  # not the ids: each row's own
        for i in _SCORES:
            if type(row[i]) is float:
                key = None
        kept = self._worded.get(key) if key is not None else None
        if kept is not None:
            return kept
        words = result_words(dict(zip(SUMMARY_COLUMNS, [*row[:_NEXT_STEP], "", *row[_NEXT_STEP + 1:]],
                                      strict=True)), self.labels)
        tail = ["" if c is None else str(c) for c in words[_WORDED:]]
        for i in text_cells(self.labels):
            if i >= _WORDED and tail[i - _WORDED].startswith(FORMULA_STARTS):
                tail[i - _WORDED] = inert(tail[i - _WORDED])
        at = len(tail) - (4 if self.labels.advice else 3)
        kept = _Worded(tail, {}, ",".join(tail[:at]), ",".join(tail[at + 1 + self.labels.advice:]),
                       _WORDED + len(tail) - 1)
        if key is not None:
            if len(self._worded) >= WORDS_KEPT:
                self._worded.clear()
            self._worded[key] = kept
        return kept

    def _step_in_words(self, step: str, heads: dict[str, str | None], row: Cells) -> tuple[str, str]:
        """A next_step cell as result_words words it (what holds the company back, the step to take).
        Nearly every screening row's differs from the next by the figure it ends with (「（现为1,234万元）」:
        on 20,000 rows of benchmarks/batch.py, 7,814 distinct rows and 5,013 distinct cells: rows
        worded whole were found kept for 30% of rows), but the words before it, made of ``tier:
        criterion — `` and the tier's status, are few (17 and 27): those are worded once in ``heads``
        (kept with the row's other cells' words, on which they depend) and the rest put after as it is.
        The criterion holds no space, so the first " — " is where its title starts. Measured: the
        rows' other words found kept for 99.9% of rows, Job.line 8.0 -> 3.5 us a row."""
        assert self.labels is not None
        head, dash, rest = step.partition(" — ")
        said: str | None = None
        if dash and ADVICE_MARK not in step and not rest.endswith(UNCOMPUTED_ENDS):  # (a rare row worded whole)
            if head in heads:
                said = heads[head]
            else:
                blocker, _ = blocker_and_step(head + dash, self.labels.tiers, self.labels.lang,
                                              dict(zip(SUMMARY_COLUMNS, row, strict=True)))
                said = heads[head] = blocker or None  # None: no screening cell, asked again whole
        if said is None:
            return blocker_and_step(step, self.labels.tiers, self.labels.lang, dict(zip(SUMMARY_COLUMNS, row, strict=True)))
        return said + rest, ""


WORDS_KEPT = 1024
"""How many rows' words (all but the source, the name and the next step, with the heads of the next
steps of rows that share them) a Job keeps: a screening has a few dozen outcomes; past this many, the
store starts again."""


_JSON_KEYS = tuple(("{" if i == 0 else ", ") + encode_basestring(c) + ": " for i, c in enumerate(JSONL_COLUMNS))


def own_json(scorer: Scorer, own: list[str]) -> str:
    """A row's carried cells as the JSON object CARRIED_KEY holds, by heading, in the columns' order
    (an empty cell is null, as in the summary's own keys); for an .xlsx, ``own`` is already JSON (own_typed)."""
    if scorer.typed:
        return "{" + ", ".join(f"{encode_basestring(shown)}: {cell or 'null'}"
                               for (shown, _), cell in zip(scorer.carried, own, strict=True)) + "}"
    return "{" + ", ".join(f"{encode_basestring(shown)}: {encode_basestring(cell) if cell else 'null'}"
                           for (shown, _), cell in zip(scorer.carried, own, strict=True)) + "}"


def _json_line(row: Cells) -> str:
    """The row as one JSON Lines line, the way json.dumps writes the dict of JSONL_COLUMNS (ensure_ascii
    off): one type a key, so a program reads them without guessing. A score is a number or null with
    its ends beside it (a range's, or the score twice; null without a score table); an empty cell is
    null (a .csv keeps it empty), where "" beside a 90 or "30-95" in the same key broke a reader of the
    file. Written without building the dict nor a list of cells: text, whole numbers and nulls, nearly
    every cell, the way json writes them (_json_value); a score's three keys, empty in most rows, at
    once. Measured: 4.85 -> 3.2 us a row of benchmarks/batch.py, where the cells were listed first (the
    tests keep that listing, and hold this to json.dumps of it)."""
    parts: list[str] = []
    for keys, cell in zip(_CELL_KEYS, row, strict=True):
        if type(keys) is str:  # one key: a cell that is no score
            if type(cell) is str:
                parts += (keys, encode_basestring(cell) if cell else "null")
            else:
                parts += (keys, _json_value(None if cell == "" else cell))
        elif isinstance(cell, ScoreRange):
            parts += (keys[0], "null", keys[1], _json_value(cell.low), keys[2], _json_value(cell.high))
        elif cell == "":
            parts.append(keys[3])
        else:
            said = _json_value(cell)
            parts += (keys[0], said, keys[1], said, keys[2], said)
    parts.append("}\n")
    return "".join(parts)


def _json_value(cell: Any) -> str:
    """One cell's value as json.dumps writes it (ensure_ascii off)."""
    kind = type(cell)
    if kind is str:
        return encode_basestring(cell)
    if kind is int:
        return int.__repr__(cell)
    if cell is None:
        return "null"
    return json.dumps(cell, ensure_ascii=False)


def _cell_keys() -> tuple[str | tuple[str, str, str, str], ...]:
    """Each summary cell's JSON Lines key (_JSON_KEYS), a score's three (the score, its ends) with the
    three written null, as an empty score is."""
    keys = iter(_JSON_KEYS)
    out: list[str | tuple[str, str, str, str]] = []
    for i in range(len(SUMMARY_COLUMNS)):
        if i in _SCORES:
            three = (next(keys), next(keys), next(keys))
            out.append((*three, "".join(k + "null" for k in three)))
        else:
            out.append(next(keys))
    return tuple(out)


_CELL_KEYS = _cell_keys()


_TEXT_CELLS = (0, 1, _ERROR, _NEXT_STEP, _IDS, _IDS + 1)
"""The cells that hold free text (source, name, error, next step, the input's 信用代码 and 序号); the rest
are ids and numbers."""


class _Sink:
    """A file-like target for csv.writer that hands each written line to ``write``."""

    def __init__(self, write: Callable[[str], None]) -> None:
        self.write = write


YOUNG_OBJECTS = 10_000
"""The collector's first threshold while a batch runs (Python's default: 700). A full result
builds a few thousand objects a row and frees them all; at 700 the collector ran a few times a
row for nothing, and promoted the row's live objects to older generations whose collections scan
everything (measured: 130 us of a 1,450 us full row). Only for full results and advice: a
summary batch gains nothing, and reading an .xlsx (openpyxl's cells hold cycles) kept more garbage
between collections: peak memory at 100,000 rows went from 63 to 72 MiB, past the streaming target."""

_frozen_in: int | None = None
"""The process whose rule set, plan and caches _settled has put out of the collector's way."""


def _settled() -> None:
    """Once per process, after its first chunk (every lazy cache built): what is alive now lives
    as long as the run, and gc.freeze keeps the collector from scanning it again and again (in a
    forked worker, from touching, and so copying, the pages it shares with its parent)."""
    global _frozen_in
    if _frozen_in != os.getpid():
        gc.freeze()
        _frozen_in = os.getpid()


def score_all(chunks: Iterator[Chunk], job: Job, jobs: int | None) -> Generator[Done, None, None]:
    """Each chunk scored, in input order: on this process, or on ``jobs`` processes (``None``: one
    per CPU, at most AUTO_JOBS_MAX, when the input holds more work than AUTO_JOBS_AFTER summary
    rows; a full result or advice counts HEAVY_ROW).

    The default reads ahead to decide, so that a long input is spread over the workers from its
    first row on and a short one never starts them. The collector runs less while it scores full
    results (YOUNG_OBJECTS), leaves the rule set alone (_settled), and runs as before once it is done.
    """
    global _frozen_in
    threshold = gc.get_threshold()
    if job.scorer.full or job.scorer.advice:
        gc.set_threshold(YOUNG_OBJECTS, *threshold[1:])
    try:
        yield from _score_all(chunks, job, jobs)
    finally:
        gc.set_threshold(*threshold)
        if _frozen_in == os.getpid():
            gc.unfreeze()  # a caller running more than one batch (the tests) keeps no garbage frozen
            _frozen_in = None


def _score_all(chunks: Iterator[Chunk], job: Job, jobs: int | None) -> Generator[Done, None, None]:
    if jobs is None:
        jobs = min(cpu_count(), AUTO_JOBS_MAX)
        ahead: list[Chunk] = []
        rows = 0
        weight = HEAVY_ROW if job.scorer.full or job.scorer.advice else 1
        try:
            for chunk in chunks:
                ahead.append(chunk)
                rows += _rows_in(chunk) * weight
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
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    # Forked workers start with the rule set and plan already loaded; Python 3.14 makes another
    # start method the default on Linux, which would load them again in every worker.
    forked = multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None
    _settled()  # the rule set loaded here is shared with the workers, not copied by their collectors
    turns = _TURNS if job.shared else None
    pool = ProcessPoolExecutor(jobs, mp_context=forked, initializer=_worker, initargs=(job,))
    pending: deque[Any] = deque()

    def stop() -> None:
        """Stop now, not after the chunks the workers hold (seconds each with --format json or
        --advice). Killed outright, this process takes them with it instead (quiet_worker)."""
        for process in list((getattr(pool, "_processes", None) or {}).values()):
            process.kill()
        for process in list((getattr(pool, "_processes", None) or {}).values()):
            process.join()  # dead: none of them writes to the output any more (_Turns)
        # A worker killed while it sent a result (a chunk larger than the pipe's buffer) leaves
        # half a message in the pipe, and the pool's thread would wait for the rest forever,
        # hanging the shutdown below. Every other writer is dead now: closing this process's own
        # write end lets that thread read the end of the pipe instead.
        results = getattr(pool, "_result_queue", None)
        if results is not None:
            results._writer.close()

    if turns is not None:
        turns.stop_workers = stop  # for Writer.abandon, before it cuts the file back
        turns.forked = True
    placed = 0

    def written() -> None:
        """Every chunk handed back; the workers' last ones may still wait for their turn."""
        if turns is not None:
            workers = list((getattr(pool, "_processes", None) or {}).values())
            turns.all_written(placed, lambda: all(w.exitcode is None for w in workers))

    try:
        try:
            for place, chunk in enumerate(chunks):
                # the workers start in a submit: a stop raised in the fork's hooks was lost, one in a worker
                # before quiet_worker killed it (a traceback), one between a start and its record left a
                # worker no one stops; held, it lands once they are all started. Once every worker is (forked,
                # all at the first submit), a submit starts none and is not held: holding swaps the stop
                # signals' handlers twice, ~40 us, for each of a 100,000-row run's 391 chunks
                starting = len(getattr(pool, "_processes", None) or ()) < jobs
                with held() if starting else contextlib.nullcontext():
                    pending.append(pool.submit(_in_worker, chunk, place))
                placed = place + 1
                if len(pending) > 2 * jobs:
                    yield pending.popleft().result()
        except InputError:  # an unreadable input: the rows before it are still written
            while pending:
                yield pending.popleft().result()
            written()
            raise
        while pending:
            yield pending.popleft().result()
        written()
    except BrokenProcessPool:
        stop()  # the others may wait for the dead one's turn (_Turns)
        raise InputError(kind="run.worker") from None
    except BaseException:  # interrupted, or the caller stopped reading
        stop()
        raise
    finally:
        # wait: the pool's own thread must be done before the interpreter exits, or its exit hook
        # writes to a pipe that thread closed (a traceback on Python 3.11)
        pool.shutdown(wait=True, cancel_futures=True)
        if turns is not None:
            turns.stop_workers = None


_JOB: Job | None = None
"""The Job of the batch this worker process runs (``_worker``)."""


def _worker(job: Job) -> None:
    """A worker's start: it keeps the run's Job for every chunk it scores. Handed with each chunk,
    the Job was pickled, sent and built again a chunk, its Scorer then looking up its rule set and
    plan again (some 0.15 ms a chunk) and its words (Job._worded) found again in every chunk."""
    global _JOB
    quiet_worker()
    _JOB = job


def _in_worker(chunk: Chunk, turn: int) -> Done:
    """A chunk scored by this worker's Job, in its ``turn``."""
    assert _JOB is not None
    return _JOB(chunk, turn)


class _Turns:
    """Full results written to the output by the workers themselves, each chunk in its turn (its
    place in the input), rather than sent back to this process to write: a --format json chunk is
    some 12 MB, and pickling it, passing it through a pipe and writing it again here cost more CPU
    than scoring it (measured: 1.6 s of 4.5 at 2,000 companies on two workers), and left one
    process writing while the others waited. The workers inherit the output's descriptor (fork),
    so their writes follow each other in the file. What they wrote whole (``end``, ``rows``) is
    what a stopped run keeps (``Writer.abandon``), cut back from what a killed worker half wrote."""

    def __init__(self, context: Any, fd: int, start: int) -> None:
        self.parent = os.getpid()
        self.fd = fd
        self.next = context.Value("q", 0, lock=False)  # the place of the chunk whose turn it is
        self.end = context.Value("q", start, lock=False)  # where the chunks written whole end
        self.rows = context.Value("q", 0, lock=False)  # how many rows they hold
        self.failed = context.Value("q", 0, lock=False)  # a worker's write failed: its errno (-1: none given; 0: none failed)
        self.crc = context.Value("q", _crc_before(fd, start), lock=False)  # the CRC-32 of the file up to ``end``
        self.changed = context.Condition()
        self.stop_workers: Callable[[], None] | None = None
        self.forked = False  # workers were started: what they wrote whole is counted here, not by Done

    def all_written(self, chunks: int, alive: Callable[[], bool]) -> None:
        """Wait until the workers have written every one of ``chunks`` (each hands its chunk back
        before it is written: Job._write_behind). A worker that died, or whose write failed, stops it."""
        with self.changed:
            while self.next.value < chunks:
                self._raise_failed()
                if not alive():
                    from concurrent.futures.process import BrokenProcessPool

                    raise BrokenProcessPool
                self.changed.wait(0.1)

    def _raise_failed(self) -> None:
        """A worker's write failed: the same error here, in the run's words for the disk's."""
        code = self.failed.value
        if code:
            raise OSError(code, os.strerror(code)) if code > 0 else OSError("a worker could not write")

    def write(self, place: int, data: bytes, rows: int) -> None:
        """Wait for the chunk before this one, write this one, hand the turn on. The lock is not
        held while writing: a worker killed mid-write leaves no lock that the others wait for."""
        with self.changed:
            while self.next.value != place:
                # a chunk before this one failed to write (a full disk): its turn never passes on, and
                # every later chunk's thread, its worker and the run would wait for it for ever
                self._raise_failed()
                self.changed.wait()
        view = memoryview(data)
        while view:
            view = view[os.write(self.fd, view):]
        crc = zlib.crc32(data, self.crc.value)  # in turn: the file's CRC runs on as it grows
        with self.changed:
            self.crc.value = crc
            self.end.value += len(data)
            self.rows.value += rows
            self.next.value = place + 1
            self.changed.notify_all()


WRITE_AHEAD = 2
"""The chunks a worker's writer holds, scored and waiting for their turn (_Behind), some 1.8 MB each
with --format json. With one, a worker that had scored its next chunk before its last one's turn came
(the other worker's chunk before it still being scored) waited for it idle: up to 0.14 s a worker of
a 2,000-row run on two workers on a busy machine."""

WRITER_SWITCH = 0.0005
"""The switch interval (seconds) of a worker that writes its own chunks (Job._write_behind)."""
WRITER_THREAD = "littlegiant-chunk-writer"
"""The name of a worker's writer thread (_Behind)."""


class _Behind:
    """A worker's writer: one thread that writes the worker's chunks in their turns (Job._write_behind).
    One thread for the run, not one a chunk: starting a thread waits until it runs, which on a busy
    machine left the worker idle 1-4 ms a chunk (0.04-0.1 s a worker of a 2,000-row run)."""

    def __init__(self, turns: _Turns) -> None:
        import threading

        self.turns = turns
        self.waiting: deque[tuple[int, bytes, int]] = deque()  # the chunk being written first
        self.changed = threading.Condition()
        self.failed: BaseException | None = None
        threading.Thread(target=self.run, daemon=True, name=WRITER_THREAD).start()

    def put(self, turn: int, data: bytes, rows: int) -> None:
        """Queue a chunk, once fewer than WRITE_AHEAD wait; an earlier one's failure is raised instead."""
        with self.changed:
            while len(self.waiting) >= WRITE_AHEAD and self.failed is None:
                self.changed.wait()
            if self.failed is not None:
                raise self.failed
            self.waiting.append((turn, data, rows))
            self.changed.notify_all()

    def run(self) -> None:
        while True:
            with self.changed:
                while not self.waiting:
                    self.changed.wait()
                turn, data, rows = self.waiting[0]
            try:
                self.turns.write(turn, data, rows)
            except BaseException as exc:  # a full disk: the worker's next chunk raises it, the run stops on it
                self.turns.failed.value = getattr(exc, "errno", None) or -1
                with self.turns.changed:
                    self.turns.changed.notify_all()
                with self.changed:
                    self.failed = exc
                    self.waiting.clear()
                    self.changed.notify_all()
                return
            with self.changed:
                self.waiting.popleft()
                self.changed.notify_all()


def _crc_before(fd: int, start: int) -> int:
    """The CRC-32 of what the output holds before its first row (a byte-order mark, or nothing)."""
    return zlib.crc32(os.pread(fd, start, 0)) if start else 0


_TURNS: _Turns | None = None
"""The turns of the workers of the batch running in this process (set before they are forked)."""


def _rows_in(chunk: Chunk) -> int:
    """How many rows a chunk holds, blank lines of JSON Lines counted (enough to decide --jobs)."""
    if isinstance(chunk, Lines):
        return chunk.data.count(b"\n") + (not chunk.data.endswith(b"\n"))
    return len(chunk)


_BYTES_CODECS = {"utf-8": "utf-8", "utf-8-sig": "utf-8", "gb18030": "gb18030"}
"""Output encodings whose chunks Job encodes itself (with --jobs, in the worker), and how it
encodes them: stateless, so each chunk encodes alone, with the byte-order mark left to the Writer.
A full result chunk is some 15 MB of text; as bytes it crosses from the worker without a decode,
and this process writes it without an encode. Other encodings go as text."""


def _encodes(ch: str, codec: str) -> bool:
    try:
        ch.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


SYNC_AHEAD = 8 << 20
"""Bytes written between two syncs of the output in the background (AtomicWriter.sync_ahead)."""


def load_writer(path: Path) -> None:
    """Load what writing ``path`` takes (openpyxl for an .xlsx: a good part of a second) before its
    ``Writer`` is made, stop signals held, in a moment."""
    if path.suffix.lower() == ".xlsx":
        import openpyxl  # noqa: F401

        from littlegiant.report import workbook  # noqa: F401


class Writer:
    """Streams output lines to a .csv (summary columns), .jsonl or .xlsx file: to a temporary file
    beside it (``partial``) that ``close`` renames into place once every row is written. An
    interrupted or failed run leaves the previous output as it was and ``abandon`` names the
    partial file. ``path`` must have passed ``fileio.check_output`` (never an input, never a
    special file).

    A .csv is UTF-8 with a byte-order mark unless ``encoding`` says otherwise: without the mark,
    Chinese Excel opens UTF-8 as GBK and garbles it. Its header and values are ids, or with
    ``labels`` the words of the .xlsx results sheet. An .xlsx is fed the JSON Lines of the summary
    rows (``about`` says which rule set, date, language and tool made it)."""

    def __init__(self, path: Path, full: bool, *, encoding: str | None = None,
                 about: dict[str, Any] | None = None, labels: Labels | None = None) -> None:
        suffix = path.suffix.lower()
        if suffix not in (".csv", ".jsonl", ".ndjson", ".xlsx"):
            raise InputError(kind="out.batch_kind", field="--output")
        if full and suffix in (".csv", ".xlsx"):
            raise InputError(kind="out.json_rows", field="--output")
        self.csv_rows = suffix == ".csv"
        self.labels = labels if self.csv_rows else None
        self.full = full
        self.end: int | None = None
        """Where the rows counted end in the file, once workers may write it themselves (``shared``)."""
        self.whole: int | None = None
        """Where the rows counted end in the file otherwise (.csv, .jsonl): what a stopped run keeps
        (``abandon``): a full disk cut the last chunk inside a cell, beyond the rows said."""
        self.turns: _Turns | None = None
        self.crc: int | None = None
        """The CRC-32 of the output so far, while every byte of it passed here as bytes (full results),
        or the workers' (``_Turns.crc``): its fingerprint without reading it back (``mark_written``).
        None once text went through the handle (a summary's rows), whose bytes it encodes unseen."""
        self.crc_ok = True  # no text has gone through the handle since the file was opened
        self.rows = 0
        self.large = self.small = self.yuan = 0  # rows with amounts past any SME's size, or revenue too small a head (Done)
        self.unsynced = 0  # bytes written since the output was last put on disk (AtomicWriter.sync_ahead)
        self.xlsx = suffix == ".xlsx"
        self.started = False  # the header written (start)
        self.backup: Path | None = None
        """Where the earlier results, changed since written, were kept before this run replaced them (``close``)."""
        self.gaps: dict[str, None] = {}
        """The rows (by their source cell) of a .csv in which a character the encoding lacks was written
        as charsets.GAP; what characters (``gap_chars``): the run names them when it ends."""
        self.gap_chars: dict[str, None] = {}
        self.lossy = False  # an encoding that lacks characters (gbk): then gaps are looked for
        self.codec: tuple[str, str] | None = None
        """(encoding, errors) to hand Job: its chunks come as bytes, which the file takes as they
        are (None: as text, which the handle encodes)."""
        if self.xlsx:
            from littlegiant.report.workbook import ResultBook

            try:
                self.out = AtomicWriter(path, keep_partial=True, binary=True)
            except OSError as exc:
                raise InputError(kind="out.unwritable", params={"error": SystemError_(exc.errno, exc.strerror)},
                                 file=str(path)) from None
            self.partial = self.out.temp
            try:  # openpyxl loads here, a good part of a second: a stop then left an empty partial file unsaid
                self.handle: Any = ResultBook(path, about or {}, handle=self.out.handle)
            except BaseException:
                self.out.handle.close()
                self.partial.unlink(missing_ok=True)
                raise
            return
        from littlegiant.load.charsets import holds_all, output_codec

        codec = output_codec(encoding) if encoding else "utf-8"
        if codec == "utf-8" and self.csv_rows and encoding is None:
            codec = "utf-8-sig"
        self.encoding = codec
        self.asked = encoding or codec
        """The encoding as the user named it (gb2312 is written as GBK, and said as they said it)."""
        self.lossy = not holds_all(codec)
        # errors: a lone surrogate no check caught is written as \ud800, not a crash mid-run; a character
        # GBK lacks as □ in a .csv (its row named at the end), as its JSON escape in JSON Lines (exact)
        errors = ("backslashreplace" if codec.startswith("utf") else "replace") if not self.lossy \
            else "littlegiant-gap" if self.csv_rows else "littlegiant-json"
        try:
            self.out = AtomicWriter(path, keep_partial=True, newline="", encoding=codec, errors=errors)
        except OSError as exc:
            raise InputError(kind="out.unwritable", params={"error": SystemError_(exc.errno, exc.strerror)},
                             file=str(path)) from None
        self.handle = self.out.handle
        self.partial = self.out.temp
        body = _BYTES_CODECS.get(codec)
        if body is not None:
            self.codec = (body, "backslashreplace" if codec.startswith("utf") else "replace")

    def start(self, carried: list[str] | None = None) -> None:
        """Write the header, once every input's is read: the results' columns, then ``carried`` (the
        park's own columns no rule reads, copied back last: its results are its list again)."""
        if self.started:
            return
        self.started = True
        if self.xlsx:
            self.handle.start(carried or ())
        elif self.csv_rows:
            csv.writer(self.handle).writerow([*(SUMMARY_COLUMNS if self.labels is None else result_header(self.labels)),
                                              *(inert(c) if c.startswith(FORMULA_STARTS) else c for c in carried or ())])

    def shared(self) -> bool:
        """Whether workers, if the run starts any, write full results to the output themselves
        (_Turns, set up here for them to inherit), everything before them written out first. Not
        where rows go through this process: a summary, an .xlsx, text to encode here, or a system
        whose workers are not forked (they could not inherit the file)."""
        global _TURNS
        import multiprocessing

        self.start()
        if not self.full or self.codec is None or "fork" not in multiprocessing.get_all_start_methods():
            return False
        self.handle.write("")  # the byte-order mark, if any, as a text write would put it first
        self.handle.flush()
        self.end = self.handle.buffer.tell()
        self.turns = _TURNS = _Turns(multiprocessing.get_context("fork"), self.handle.fileno(), self.end)
        return True

    def write(self, done: Done) -> None:
        """Write a chunk's rows and count them, as one step as far as Ctrl-C, SIGTERM and SIGHUP
        are concerned: the count printed after an interruption is then the number of rows in the
        file. (A signal could otherwise land between the write and the count, or mid-row.)"""
        with held():
            self.start()
            text = done.text
            if done.written:  # written by a worker itself (_Turns)
                assert self.end is not None
                self.end += done.written
            elif type(text) is bytes:  # encoded by the worker, in this file's encoding and errors
                self.handle.write("")  # the text layer writes a byte-order mark first, as a text write would
                self.handle.flush()
                if self.crc_ok:
                    if self.crc is None:
                        self.crc = _crc_before(self.handle.fileno(), self.handle.buffer.tell())
                    self.crc = zlib.crc32(text, self.crc)
                self.handle.buffer.write(text)
                self.handle.buffer.flush()  # rows written are rows on disk, should the run be stopped
                if self.end is not None:
                    self.end += len(text)
                else:
                    self.whole = self.handle.buffer.tell()
            else:
                if self.lossy and self.csv_rows and isinstance(text, str):
                    self._find_gaps(text)
                self.crc_ok, self.crc = False, None
                self.handle.write(text)
                self.handle.flush()
                if not self.xlsx:
                    self.whole = self.handle.buffer.tell()
            self.rows += done.rows
            self.large += done.large
            self.small += done.small
            self.yuan += done.yuan
        self.unsynced += done.written or len(text)  # characters of text: near enough its bytes
        if self.unsynced >= SYNC_AHEAD and not self.xlsx:
            self.unsynced = 0
            self.out.sync_ahead()

    def _find_gaps(self, text: str) -> None:
        """Note the rows of ``text`` (CSV lines) holding characters the output's encoding lacks, by
        their first cell (the source, file:row, as the output shows it)."""
        from littlegiant.load.charsets import is_surrogate

        try:
            text.encode(self.encoding)
            return
        except UnicodeEncodeError:
            pass
        for row in csv.reader(io.StringIO(text, newline="")):
            lacking = [ch for cell in row for ch in cell if not _encodes(ch, self.encoding) and not is_surrogate(ch)]
            if lacking and row:
                self.gaps.setdefault(row[0])
                self.gap_chars.update(dict.fromkeys(lacking))

    def close(self) -> None:
        """Every row is written: put the output in place (an .xlsx is written whole here), its fingerprint
        kept, the earlier results it replaces kept first when they were changed since written (``backup``)."""
        self.start()
        if self.xlsx:
            self.handle.notes.extend(self._slips_said())
            with held():  # the workbook written whole: a stop while it was saved left half a zip, named as rows kept
                self.handle.close()
        check()  # a stop Python dropped (stopping._ASKED) stops the run here, before the output is in place
        ended()  # from here the run finishes: a stop now would spare nothing, and could cut the move into place
        if self.xlsx:
            mark_written(self.partial)
        self._unshared()
        self.backup = keep_if_changed(self.out.target)
        self.out.commit()
        if not self.xlsx:
            mark_written(self.out.target, self._crc())

    def _slips_said(self) -> list[str]:
        """The run's closing notes on a sheet's unit read wrongly (run.amounts_large, run.amounts_small), for
        the results workbook's 说明 sheet: said on stderr alone, they were lost to whoever was sent the file,
        who read verdicts worked out on amounts 10,000 times too large as the park's answer."""
        from littlegiant.i18n import t

        lang = self.handle.lang
        column = t("xlsx.warnings", lang)
        where = column_said(column, lang)
        return [say(kind, lang, {"count": count, "column": where}) for kind, count in slip_notes(self.large, self.small, self.yuan)]

    def _crc(self) -> str | None:
        """The output's CRC-32 as written, when every byte of it was counted (else None: read back)."""
        if not self.crc_ok or self.crc is None:
            return None
        try:
            if os.stat(self.out.target).st_size != (self.end if self.end is not None else self.whole):
                return None
        except OSError:
            return None
        return f"{self.crc & 0xFFFFFFFF:08x}"

    def _unshared(self) -> None:
        """No worker writes the output from here on (stopped, if still running); what they wrote
        whole is what this run wrote, even the chunks whose count had not reached this process."""
        global _TURNS
        turns, self.turns = self.turns, None
        if turns is None:
            return
        if turns.stop_workers is not None:
            turns.stop_workers()
        if _TURNS is turns:
            _TURNS = None
        if turns.forked:  # workers wrote (with one process, this one did, and counted as it went)
            self.end, self.rows = turns.end.value, turns.rows.value
            self.crc = turns.crc.value if self.crc_ok else None

    def abandon(self) -> Path | None:
        """The run stopped: the previous output stays; the partial one's path, if anything was written
        (an .xlsx partial holds the rows so far, as a workbook Excel opens). An .xlsx whose save a full
        disk cut short is no zip Excel opens: it is removed and None returned (it was said to hold
        every row, then three tracebacks followed)."""
        if self.xlsx:
            try:
                self.handle.close(stopped=True)
            except (InputError, OSError):
                pass
            kept = self.out.abandon()
            if kept is not None and not self.handle.saved:
                kept.unlink(missing_ok=True)
                self.out.kept = None
                return None
            return kept
        self._unshared()
        # the rows counted, whole: beyond them, a chunk a full disk cut short or a killed worker half wrote
        return self.out.abandon(keep=self.end if self.end is not None else self.whole)

    def discard(self) -> None:
        """The run failed where no message names the partial file (a bug, exit 3): none is left behind,
        holding rows no one was told of, to be found beside the results later and taken for them."""
        try:
            self.abandon()
        except Exception:  # the failure being said is the run's own, not this one's
            pass
        self.partial.unlink(missing_ok=True)
