"""``due --batch``: a CSV of tickets in, their deadlines out, one chunk of rows at a time.

A million rows must take seconds, so the common case never touches a Python ``datetime``: each
chunk is split, parsed (``businesstime.instants``), computed (``due_many``) and written as numpy
arrays. A row the fast path does not understand (quotes, fractional seconds, ``+0100``) goes
through the exact per-row parsers, which also word every error. Memory stays bounded by the
chunk; the output goes to a temporary file and reaches stdout only when the run succeeds, so a
bad row never leaves half a result behind.

Errors name the line (the header is line 1). ``--on-error fail`` stops at the first bad row;
``skip`` reports every bad row and still writes every good row's result.
"""

from __future__ import annotations

import csv
import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import IO

import click
import numpy as np

from supportflow.businesstime.calendar import FIRST_YEAR, LAST_YEAR, BusinessCalendar
from supportflow.businesstime.instants import (
    format_local,
    format_utc,
    iso,
    parse_instant,
    parse_instants,
)
from supportflow.shortforms import MAX_DURATION, ShortFormError, parse_duration

CHUNK_BYTES = 1 << 20  # about 35,000 rows of a typical export: bounded memory, few numpy calls
LONGEST_PLAIN_ROW = 120  # longer rows take the exact path, so numpy arrays stay narrow
US = 1_000_000
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
FIRST_US = int((datetime(FIRST_YEAR, 1, 1, tzinfo=UTC) - EPOCH).total_seconds()) * US
END_US = int((datetime(LAST_YEAR + 1, 1, 1, tzinfo=UTC) - EPOCH).total_seconds()) * US
HEADER_MESSAGE = "--batch: the first line must be the header 'start,duration'"
ERA_YEARS = 50  # rows are computed per era of starts, each by its own calendar
ERA_US = ERA_YEARS * 36524 * 86400 * US
KEPT_ERAS = 4  # calendars kept at once: bounds memory when starts jump between eras


class BatchError(click.ClickException):
    """A bad batch row under ``--on-error fail``: one line, exit code 2."""

    exit_code = 2


@dataclass
class _Rows:
    """Rows that parsed: lines, µs starts and durations, and the cells as written."""

    lines: np.ndarray
    starts: np.ndarray
    durations: np.ndarray
    start_texts: np.ndarray
    duration_texts: np.ndarray
    cells: np.ndarray  # "start,duration" as the CSV output writes them
    exact: np.ndarray  # took the exact path (to JSON, its texts may need escaping)

    def take(self, keep: np.ndarray) -> _Rows:
        return _Rows(*(getattr(self, name)[keep] for name in _Rows.__dataclass_fields__))


@dataclass
class _Exact:
    """Rows parsed one by one, collected as plain lists before they join the numpy rows."""

    lines: list[int] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    durations: list[int] = field(default_factory=list)
    start_texts: list[str] = field(default_factory=list)
    duration_texts: list[str] = field(default_factory=list)
    errors: list[tuple[int, str]] = field(default_factory=list)


def row_label(line: int) -> str:
    """How an error names a row: by its number and by its line (the header is line 1)."""
    return f"--batch row {line - 1} (line {line})"


class Batch:
    """One ``--batch`` run: read chunks, compute, write, and account for bad rows."""

    def __init__(
        self, calendar: BusinessCalendar, fmt: str, skip: bool, report: Callable[[str], None]
    ) -> None:
        self.calendar = calendar
        self.zone = calendar.spec.timezone
        self.json = fmt == "json"
        self.skip = skip
        self.report = report
        self.bad = 0
        self.good = 0
        self._durations: dict[str, int | str] = {}  # text → µs, or the error message
        self._calendars: dict[int, BusinessCalendar] = {}
        self._spare: BusinessCalendar | None = calendar  # serves the first era

    def run(self, source: IO[bytes], out: IO[bytes]) -> None:
        """Stream ``source`` (CSV ``start,duration``) into ``out``."""
        self._header(source.readline())
        if not self.json:
            out.write(b"start,duration,due\n")
        line = 2
        while lines := source.readlines(CHUNK_BYTES):
            out.write(self._chunk(lines, line))
            line += len(lines)

    def _header(self, raw: bytes) -> None:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise BatchError(f"{HEADER_MESSAGE}; line 1 is not UTF-8") from None
        cells = next(csv.reader([text]), [])
        if [cell.strip().lower() for cell in cells] != ["start", "duration"]:
            raise click.UsageError(HEADER_MESSAGE)

    def _fail(self, line: int, message: str) -> None:
        """Report one bad row: stop the run, or note it and carry on."""
        text = f"{row_label(line)}: {message}"
        if not self.skip:
            raise BatchError(text)
        self.bad += 1
        self.report(text)

    # ---- one chunk ---------------------------------------------------------------------------

    def _chunk(self, raw: list[bytes], first_line: int) -> bytes:
        exact = _Exact()
        rows = self._decode(raw, first_line, exact)
        parsed = self._parse(rows, first_line, exact)
        for line, message in sorted(exact.errors):
            self._fail(line, message)
        parsed, due = self._due(parsed)
        return self._write(parsed, due)

    def _decode(self, raw: list[bytes], first_line: int, exact: _Exact) -> list[str | None]:
        try:
            text = b"".join(raw).decode("utf-8")
        except UnicodeDecodeError:
            rows: list[str | None] = []
            for offset, line in enumerate(raw):
                try:
                    rows.append(line.decode("utf-8"))
                except UnicodeDecodeError as error:
                    rows.append(None)
                    exact.errors.append(
                        (
                            first_line + offset,
                            f"not UTF-8: byte 0x{line[error.start]:02x}"
                            f" at column {error.start + 1}; save the file as UTF-8",
                        )
                    )
            return rows
        rows = text.split("\n")
        if text.endswith("\n"):
            rows.pop()
        return rows

    def _parse(self, rows: list[str | None], first_line: int, exact: _Exact) -> _Rows:
        """Parse the chunk: numpy for plain rows, the exact parsers for the rest."""
        if None in rows or max(map(len, rows), default=0) > LONGEST_PLAIN_ROW:
            plain_rows = [r if r is not None and len(r) <= LONGEST_PLAIN_ROW else "" for r in rows]
        else:
            plain_rows = rows
        table = np.array(plain_rows, dtype=str)
        start_t, sep, duration_t = np.strings.partition(table, ",")
        start_t, duration_t = np.strings.strip(start_t), np.strings.strip(duration_t)
        fast = (sep == ",") & (np.strings.find(duration_t, ",") < 0)
        fast &= np.strings.find(table, '"') < 0
        seconds, understood = parse_instants(start_t)
        fast &= understood & (np.strings.str_len(duration_t) > 0)
        starts = seconds * US
        fast &= (starts >= FIRST_US) & (starts < END_US)
        durations, simple = _simple_durations(duration_t)
        others = fast & ~simple
        if others.any():
            texts, index = np.unique(duration_t[others], return_inverse=True)
            values = [self._duration(text) for text in texts.tolist()]
            usable = np.array([isinstance(v, int) for v in values])
            numbers = np.array([v if isinstance(v, int) else 0 for v in values], np.int64)
            durations[others] = numbers[index]
            fast[np.flatnonzero(others)[~usable[index]]] = False
        for offset in np.flatnonzero(~fast).tolist():
            row = rows[offset]
            if row is not None:
                self._exact_row(row, first_line + offset, exact)
        keep = np.flatnonzero(fast)
        everything = keep.size == table.size  # the common case: take the arrays as they are
        start_t, duration_t, table = (
            (start_t, duration_t, table)
            if everything
            else (start_t[keep], duration_t[keep], table[keep])
        )
        verbatim = np.strings.str_len(table) == (
            np.strings.str_len(start_t) + 1 + np.strings.str_len(duration_t)
        )
        cells = table  # most rows are written back as they came
        if not verbatim.all():
            cells = np.strings.add(np.strings.add(start_t, ","), duration_t)
        fast_rows = _Rows(
            lines=keep + first_line,
            starts=starts if everything else starts[keep],
            durations=durations if everything else durations[keep],
            start_texts=start_t,
            duration_texts=duration_t,
            cells=cells,
            exact=np.zeros(keep.size, bool),
        )
        if not exact.lines:
            return fast_rows
        exact_cells = [
            f"{_cell(start)},{_cell(duration)}"
            for start, duration in zip(exact.start_texts, exact.duration_texts, strict=True)
        ]
        exact_rows = _Rows(
            lines=np.array(exact.lines, np.int64),
            starts=np.array(exact.starts, np.int64),
            durations=np.array(exact.durations, np.int64),
            start_texts=np.array(exact.start_texts, str),
            duration_texts=np.array(exact.duration_texts, str),
            cells=np.array(exact_cells, str),
            exact=np.ones(len(exact.lines), bool),
        )
        return _Rows(
            *(
                np.concatenate([getattr(fast_rows, name), getattr(exact_rows, name)])
                for name in _Rows.__dataclass_fields__
            )
        )

    def _duration(self, text: str) -> int | str:
        known = self._durations.get(text)
        if known is None:
            try:
                known = parse_duration(text) // timedelta(microseconds=1)
            except ShortFormError as error:
                known = f"{text!r}: {error}"
            self._durations[text] = known
        return known

    def _exact_row(self, row: str, line: int, chunk: _Exact) -> None:
        """Parse one row the fast path passed over; a bad one becomes a located error."""
        cells = next(csv.reader([row]), [])
        if not any(cell.strip() for cell in cells):
            return
        if len(cells) != 2:
            chunk.errors.append((line, f"expected 2 columns, got {len(cells)}"))
            return
        start_text, duration_text = cells[0].strip(), cells[1].strip()
        try:
            start = parse_instant(start_text)
        except ValueError as error:
            chunk.errors.append((line, str(error)))
            return
        start_us = (start - EPOCH) // timedelta(microseconds=1)
        if not FIRST_US <= start_us < END_US:
            chunk.errors.append(
                (line, f"{start_text!r} is outside the years {FIRST_YEAR}..{LAST_YEAR}")
            )
            return
        duration = self._duration(duration_text)
        if isinstance(duration, str):
            chunk.errors.append((line, duration))
            return
        chunk.starts.append(start_us)
        chunk.durations.append(duration)
        chunk.lines.append(line)
        chunk.start_texts.append(start_text)
        chunk.duration_texts.append(duration_text)

    # ---- compute and write -------------------------------------------------------------------

    def _due(self, rows: _Rows) -> tuple[_Rows, np.ndarray]:
        """Deadlines in µs; rows the engine refuses are reported and dropped.

        Rows are computed per era of ``ERA_YEARS`` by the era's own calendar: a calendar
        compiles every year between the starts it is asked about, so one row dated 9000 among
        rows dated 2026 must not make it compile seven thousand years.
        """
        due = np.zeros(rows.lines.size, np.int64)
        keep = np.ones(rows.lines.size, bool)
        refused: list[tuple[int, str]] = []
        eras = (rows.starts - FIRST_US) // ERA_US
        unique = np.unique(eras)
        for era in unique.tolist():
            part = np.arange(eras.size) if unique.size == 1 else np.flatnonzero(eras == era)
            calendar = self._calendar(era)
            try:
                due[part] = calendar.due_many(
                    rows.starts[part].astype("datetime64[us]"),
                    rows.durations[part].astype("timedelta64[us]"),
                ).astype(np.int64)
            except ValueError:
                refused += self._due_one_by_one(calendar, rows, part, due, keep)
        for line, message in sorted(refused):
            self._fail(line, message)
        return rows.take(keep), due[keep]

    def _calendar(self, era: int) -> BusinessCalendar:
        """The calendar for one era of starts (the first era seen uses the one given)."""
        calendar = self._calendars.pop(era, None)
        if calendar is None:
            if not self._calendars and self._spare is not None:
                calendar, self._spare = self._spare, None
            else:
                calendar = BusinessCalendar(self.calendar.spec)
        self._calendars[era] = calendar  # most recently used last
        while len(self._calendars) > KEPT_ERAS:
            del self._calendars[next(iter(self._calendars))]
        return calendar

    @staticmethod
    def _due_one_by_one(
        calendar: BusinessCalendar,
        rows: _Rows,
        part: np.ndarray,
        due: np.ndarray,
        keep: np.ndarray,
    ) -> list[tuple[int, str]]:
        """The engine refused the batch: find the rows it refuses, with their lines."""
        refused = []
        for k in part.tolist():
            try:
                value = calendar.due(
                    EPOCH + timedelta(microseconds=int(rows.starts[k])),
                    timedelta(microseconds=int(rows.durations[k])),
                )
            except ValueError as error:
                refused.append((int(rows.lines[k]), str(error)))
                keep[k] = False
                continue
            due[k] = (value - EPOCH) // timedelta(microseconds=1)
        return refused

    def _write(self, rows: _Rows, due_us: np.ndarray) -> bytes:
        """The chunk's result rows, in input order, as CSV or JSON Lines."""
        if due_us.size == 0:
            return b""
        if rows.exact.any():
            order = np.argsort(rows.lines, kind="stable")
            rows, due_us = rows.take(order), due_us[order]
        self.good += due_us.size
        seconds = due_us // US
        local = format_local(self.zone, seconds)
        fractional = np.flatnonzero(due_us % US).tolist()
        if fractional:  # datetime writes the microseconds
            local = local.astype(object)
            for k in fractional:
                local[k] = iso(self._instant(due_us[k]).astimezone(self.calendar.zone))
            local = local.astype(str)
        lines = self._json_lines(rows, local, due_us) if self.json else self._csv_lines(rows, local)
        return ("\n".join(lines) + "\n").encode("utf-8")

    @staticmethod
    def _csv_lines(rows: _Rows, local: np.ndarray) -> list[str]:
        return np.strings.add(np.strings.add(rows.cells, ","), local).tolist()

    def _json_lines(self, rows: _Rows, local: np.ndarray, due_us: np.ndarray) -> list[str]:
        """One JSON object per row, keys sorted as in the single-ticket output."""
        utc = format_utc(due_us // US).astype(object)
        for k in np.flatnonzero(due_us % US).tolist():
            utc[k] = iso(self._instant(due_us[k]))
        texts, index = np.unique(rows.duration_texts, return_inverse=True)
        durations = np.array([json.dumps(t, ensure_ascii=False) for t in texts.tolist()])
        starts = rows.start_texts.astype(object)
        for k in np.flatnonzero(rows.exact).tolist():  # the fast path's are plain ASCII
            starts[k] = json.dumps(starts[k], ensure_ascii=False)[1:-1]
        return [
            f'{{"due": "{d}", "due_utc": "{u}", "duration": {t}, "line": {n}, "start": "{s}"}}'
            for d, u, t, n, s in zip(
                local.tolist(),
                utc.tolist(),
                durations[index].tolist(),
                rows.lines.tolist(),
                starts.tolist(),
                strict=True,
            )
        ]

    @staticmethod
    def _instant(us: np.integer) -> datetime:
        return EPOCH + timedelta(microseconds=int(us))


_UNIT_SECONDS = np.zeros(128, np.int64)
_UNIT_SECONDS[[ord("s"), ord("m"), ord("h"), ord("d")]] = [1, 60, 3600, 86400]
_SIMPLE_DIGITS = 5  # 99999d is over the cap, so longer numbers go to the exact parser


def _simple_durations(texts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """µs of the durations written as digits and one unit (``90m``, ``4h``, ``2d``), and which
    texts had that form; ``parse_duration`` reads the rest (and says what is wrong with them)."""
    n = texts.size
    width = texts.dtype.itemsize // 4
    length = np.strings.str_len(texts)
    if n == 0 or width < 2:
        return np.zeros(n, np.int64), np.zeros(n, bool)
    codes = texts.view(np.uint32).reshape(n, width)
    unit = codes[np.arange(n), np.maximum(length - 1, 0)]
    size = _UNIT_SECONDS[np.minimum(unit, 127)]
    ok = (length >= 2) & (length <= _SIMPLE_DIGITS + 1) & (unit < 128) & (size > 0)
    value = np.zeros(n, np.int64)
    for column in range(min(width, _SIMPLE_DIGITS)):
        digit = codes[:, column].astype(np.int64) - ord("0")
        inside = column < length - 1
        ok &= ~inside | ((digit >= 0) & (digit <= 9))
        value = np.where(inside, value * 10 + digit, value)
    seconds = value * size
    ok &= seconds <= int(MAX_DURATION.total_seconds())
    return np.where(ok, seconds * US, 0), ok


def _cell(text: str) -> str:
    """A CSV cell, quoted only when it has to be (as ``csv.writer`` does)."""
    if any(char in text for char in ',"\r\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


def run_batch(
    calendar: BusinessCalendar,
    source: IO[bytes],
    stdout: IO[bytes],
    *,
    fmt: str,
    on_error: str,
    report: Callable[[str], None],
) -> int:
    """Run ``--batch``; returns the number of bad rows skipped (always 0 unless ``skip``)."""
    import tempfile

    batch = Batch(calendar, fmt, on_error == "skip", report)
    with tempfile.TemporaryFile() as buffer:
        batch.run(source, buffer)
        buffer.seek(0)
        shutil.copyfileobj(buffer, stdout)
    if batch.bad:
        report(f"--batch: {batch.bad} bad rows skipped, {batch.good} written")
    return batch.bad
