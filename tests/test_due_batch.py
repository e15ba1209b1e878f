"""``due --batch``: the fast path agrees with the exact one, and every bad row is located.

The fast path (numpy parsing and formatting) is checked against ``datetime.fromisoformat``,
``parse_duration`` and ``BusinessCalendar.due`` row by row, on generated input that mixes
the common forms with the unusual ones the exact parsers handle.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import numpy as np
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from supportflow.businesstime import BusinessCalendar
from supportflow.businesstime.instants import format_local, iso, parse_instants
from supportflow.businesstime.spec import CalendarSpec, HolidaySource
from supportflow.commands import due_batch
from supportflow.commands.due import command
from supportflow.shortforms import parse_duration, parse_hours

STOCKHOLM = ["--tz", "Europe/Stockholm", "--hours", "mon-fri 08:00-17:00", "--holidays", "SE"]
CALENDAR = BusinessCalendar(
    CalendarSpec("Europe/Stockholm", parse_hours("mon-fri 08:00-17:00"), (HolidaySource("SE"),))
)


def run(*args: str, stdin: bytes | str) -> tuple[int, str, str]:
    result = CliRunner().invoke(command, [*STOCKHOLM, "--batch", "-", *args], input=stdin)
    assert "Traceback" not in result.stderr
    return result.exit_code, result.stdout, result.stderr


def expected_due(start: str, duration: str) -> str:
    due = CALENDAR.due(datetime.fromisoformat(start), parse_duration(duration))
    return iso(due)


moments = st.datetimes(datetime(2019, 1, 1), datetime(2032, 12, 31))
offsets = st.sampled_from(["Z", "+00:00", "+01:00", "-05:00", "+05:30", "+0100", "-00:30"])
fractions = st.sampled_from(["", "", "", ".5", ".000001"])


@st.composite
def start_texts(draw: st.DrawFn) -> str:
    moment = draw(moments).replace(microsecond=0)
    separator = draw(st.sampled_from(["T", "T", "T", " "]))
    return moment.isoformat(sep=separator) + draw(fractions) + draw(offsets)


durations = st.one_of(
    st.integers(0, 99999).map(lambda n: f"{n}m"),
    st.sampled_from(["4h", "2d", "PT1H30M", "1h30m", "90 min", "15s", "0m", "3d4h"]),
)


@settings(max_examples=60, deadline=None)
@given(rows=st.lists(st.tuples(start_texts(), durations), min_size=1, max_size=40))
def test_fast_path_agrees_with_the_exact_one(rows: list[tuple[str, str]]) -> None:
    body = "".join(f"{start},{duration}\n" for start, duration in rows)
    code, out, _ = run(stdin="start,duration\n" + body)
    assert code == 0
    assert out.splitlines()[1:] == [f"{s},{d},{expected_due(s, d)}" for s, d in rows]


@settings(max_examples=200, deadline=None)
@given(
    texts=st.lists(
        st.one_of(
            start_texts(),
            st.text(alphabet="0123456789-T:Z+ ", min_size=18, max_size=26),
            st.builds(
                "{:04d}-{:02d}-{:02d}T{:02d}:{:02d}:{:02d}Z".format,
                *(st.integers(0, n) for n in (9999, 13, 32, 24, 60, 60)),
            ),
        ),
        min_size=1,
    )
)
def test_parse_instants_never_disagrees_with_fromisoformat(texts: list[str]) -> None:
    seconds, understood = parse_instants(np.array(texts))
    for text, value, ok in zip(texts, seconds.tolist(), understood.tolist(), strict=True):
        if ok:
            parsed = datetime.fromisoformat(text)
            assert value == (parsed - datetime(1970, 1, 1, tzinfo=UTC)).total_seconds()


@settings(max_examples=100, deadline=None)
@given(
    zone=st.sampled_from(["Europe/Stockholm", "America/New_York", "Asia/Kolkata", "UTC"]),
    base=st.integers(-61_000_000_000, 250_000_000_000),  # years 3..9891
    deltas=st.lists(st.integers(0, 2 * 366 * 86400), min_size=1, max_size=50),
)
def test_format_local_writes_what_datetime_writes(zone: str, base: int, deltas: list[int]) -> None:
    seconds = [base + delta for delta in deltas]
    written = format_local(zone, np.array(seconds, np.int64)).tolist()
    tz = ZoneInfo(zone)
    assert written == [iso(datetime.fromtimestamp(s, tz)) for s in seconds]


def test_rows_are_written_in_order_across_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(due_batch, "CHUNK_BYTES", 64)
    rows = [("2026-11-20T15:55:00Z", f"{k}m") for k in range(50)]
    rows[7] = ('"2026-11-20T15:55:00Z"', "4h")  # quoted: the exact path, mid-file
    body = "".join(f"{s},{d}\n" for s, d in rows)
    code, out, _ = run(stdin="start,duration\n" + body)
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 51
    assert lines[8] == "2026-11-20T15:55:00Z,4h," + expected_due("2026-11-20T15:55:00Z", "4h")
    assert lines[50] == f"2026-11-20T15:55:00Z,49m,{expected_due('2026-11-20T15:55:00Z', '49m')}"


def test_bom_crlf_spaces_and_quoting_are_handled() -> None:
    stdin = (
        "\ufeffstart,duration\r\n"
        " 2026-11-20T15:55:00Z , 4h \r\n"
        '"2026-11-20T16:55:00+01:00","1h 30m"\r\n'
    )
    code, out, _ = run(stdin=stdin.encode("utf-8"))
    assert code == 0, out
    assert out.splitlines() == [
        "start,duration,due",
        f"2026-11-20T15:55:00Z,4h,{expected_due('2026-11-20T15:55:00Z', '4h')}",
        "2026-11-20T16:55:00+01:00,1h 30m," + expected_due("2026-11-20T16:55:00+01:00", "1h30m"),
    ]


BAD = (
    b"start,duration\n"
    b"2026-11-20T15:55:00Z,4h\n"
    b"2026-11-20T15:55:00Z,4\xff\n"
    b"9999-12-31T10:00:00Z,1h\n"
    b"2026-11-20T15:55:00,1h\n"
    b"2026-11-20T15:55:00Z,24M\n"
    b"9997-12-31T10:00:00Z,36000d\n"
    b"2026-11-20T16:00:00Z,1h\n"
)


def test_first_bad_row_fails_with_its_line_and_writes_nothing() -> None:
    code, out, err = run(stdin=BAD)
    assert code == 2
    assert out == ""
    assert err.strip().splitlines() == [
        "Error: --batch row 2 (line 3): not UTF-8: byte 0xff at column 23; save the file as UTF-8"
    ]


def test_skip_reports_every_bad_row_and_keeps_the_good_ones() -> None:
    code, out, err = run("--on-error", "skip", stdin=BAD)
    assert code == 1
    assert out.splitlines() == [
        "start,duration,due",
        f"2026-11-20T15:55:00Z,4h,{expected_due('2026-11-20T15:55:00Z', '4h')}",
        f"2026-11-20T16:00:00Z,1h,{expected_due('2026-11-20T16:00:00Z', '1h')}",
    ]
    lines = err.strip().splitlines()
    assert [line.split(":")[0] for line in lines[:-1]] == [
        "--batch row 2 (line 3)",
        "--batch row 3 (line 4)",
        "--batch row 4 (line 5)",
        "--batch row 5 (line 6)",
        "--batch row 6 (line 7)",
    ]
    assert "outside the years 2..9997" in lines[1]
    assert "no UTC offset" in lines[2]
    assert "write 24mo for months or 24m for minutes" in lines[3]
    assert "9997" in lines[4]
    assert lines[-1] == "--batch: 5 bad rows skipped, 2 written"


def test_json_lines_one_object_per_row() -> None:
    code, out, _ = run(
        "--format",
        "json",
        stdin="start,duration\n2026-11-20T15:55:00Z,4h\n\n2026-11-20T16:55:00.5+01:00,PT1H\n",
    )
    assert code == 0
    objects = [json.loads(line) for line in out.splitlines()]
    assert objects == [
        {
            "due": "2026-11-23T11:55:00+01:00",
            "due_utc": "2026-11-23T10:55:00Z",
            "duration": "4h",
            "line": 2,
            "start": "2026-11-20T15:55:00Z",
        },
        {
            "due": "2026-11-23T08:55:00.500000+01:00",
            "due_utc": "2026-11-23T07:55:00.500000Z",
            "duration": "PT1H",
            "line": 4,
            "start": "2026-11-20T16:55:00.5+01:00",
        },
    ]


def test_header_that_is_not_utf8_is_refused() -> None:
    code, _, err = run(stdin=b"st\xe4rt,duration\n")
    assert code == 2
    assert "not UTF-8" in err


def test_engine_refusal_names_the_row() -> None:
    code, _, err = run(stdin="start,duration\n2026-01-01T00:00:00Z,1h\n9997-12-30T10:00:00Z,30d\n")
    assert code == 2
    assert err.strip().splitlines()[-1].startswith("Error: --batch row 2 (line 3): ")


def test_rows_far_apart_in_time_are_each_computed_in_their_own_era() -> None:
    rows = [
        ("2026-11-20T15:55:00Z", "4h"),
        ("9000-01-03T10:00:00Z", "4h"),
        ("0150-06-01T12:00:00+01:00", "2d"),
        ("2027-01-04T09:00:00+01:00", "1h"),
    ]
    body = "".join(f"{start},{duration}\n" for start, duration in rows)
    code, out, _ = run(stdin="start,duration\n" + body)
    assert code == 0
    expected = []
    for start, duration in rows:  # a fresh calendar each: one calendar would span 8,850 years
        calendar = BusinessCalendar(CALENDAR.spec)
        due = calendar.due(datetime.fromisoformat(start), parse_duration(duration))
        expected.append(f"{start},{duration},{iso(due)}")
    assert out.splitlines()[1:] == expected
