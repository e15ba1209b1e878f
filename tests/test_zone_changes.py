"""UTC offset segments from the zone files' own transitions agree with zoneinfo, probe by probe."""

from __future__ import annotations

import calendar
import functools
import io
import itertools
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import tzdata

from supportflow.businesstime import tzif, zones

# Zones whose rules are unusual: half-hour DST, negative DST, southern hemisphere, rule
# times of 24:00 and later or before midnight, Ramadan suspensions, +2 h DST, fixed offsets.
ZONES = (
    "Europe/Stockholm",
    "America/New_York",
    "Australia/Lord_Howe",
    "Africa/Casablanca",
    "Europe/Dublin",
    "America/Santiago",
    "America/Nuuk",
    "Asia/Tehran",
    "Pacific/Apia",
    "Antarctica/Troll",
    "Asia/Gaza",
    "Asia/Kolkata",
    "UTC",
)


def _utc(year: int) -> int:
    return calendar.timegm((year, 1, 1, 0, 0, 0))


def _sampled(key: str, lo: int, hi: int) -> tuple[tuple[int, int, int], ...]:
    """The reference: the offset every six hours, each change bisected."""
    step = zones.SAMPLE_SECONDS
    return zones._segments(zones.ZoneInfo(key), lo, hi, range(lo + step, hi, step))


def _packaged(key: str) -> bytes:
    return (Path(tzdata.__file__).parent / "zoneinfo" / key).read_bytes()


@functools.cache
def _packaged_zone(key: str) -> ZoneInfo:
    """The zone as read from the tzdata package, whatever release the system has."""
    return ZoneInfo.from_file(io.BytesIO(_packaged(key)), key=key)


@pytest.fixture(params=["system", "tzdata"])
def zone_source(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Both kinds of zone file: the system's (fat files, transitions listed to 2037) and
    the tzdata package's (slim files, the footer's rule from the 1990s on)."""
    if request.param == "tzdata":  # offsets and hints both from the package's files
        monkeypatch.setattr(tzif, "_read", _packaged)
        monkeypatch.setattr(zones, "ZoneInfo", _packaged_zone)
    tzif._zone_data.cache_clear()
    zones.offset_segments.cache_clear()
    yield request.param
    tzif._zone_data.cache_clear()
    zones.offset_segments.cache_clear()


@pytest.mark.parametrize("key", ZONES)
def test_segments_match_sampling_from_1970_to_2045(key: str, zone_source: str) -> None:
    lo, hi = _utc(1970), _utc(2045)
    assert tzif.change_hints(key, lo, hi) is not None  # the file was read, not sampled
    found = zones.offset_segments(key, lo, hi)
    assert found == _sampled(key, lo, hi)
    zone = zones.ZoneInfo(key)
    for start, end, offset in found:
        for probe in (start, end - 1):
            local = datetime.fromtimestamp(probe, zone)
            assert local.utcoffset().total_seconds() == offset  # type: ignore[union-attr]


def test_segments_are_contiguous_and_change_at_each_boundary() -> None:
    segments = zones.offset_segments("Europe/Stockholm", _utc(2026), _utc(2028))
    assert [s[2] for s in segments] == [3600, 7200, 3600, 7200, 3600]
    assert all(a[1] == b[0] for a, b in itertools.pairwise(segments))
    # 2027's change to summer time: 28 March 01:00 UTC
    assert segments[3][0] == calendar.timegm((2027, 3, 28, 1, 0, 0))


def test_a_change_no_hint_names_is_still_found() -> None:
    """A stretch whose two ends disagree is bisected: here neither of the year's changes
    is hinted, only midsummer, between them."""
    key, lo, hi = "America/New_York", _utc(2027), _utc(2028)
    midsummer = calendar.timegm((2027, 7, 1, 0, 0, 0))
    assert zones._segments(ZoneInfo(key), lo, hi, [midsummer]) == _sampled(key, lo, hi)


def test_an_unreadable_zone_file_falls_back_to_sampling(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tzif, "_read", lambda key: None)
    tzif._zone_data.cache_clear()
    lo, hi = _utc(2027), _utc(2029)
    assert tzif.change_hints("Europe/Helsinki", lo, hi) is None
    found = zones.offset_segments.__wrapped__("Europe/Helsinki", lo, hi)
    tzif._zone_data.cache_clear()
    assert found == _sampled("Europe/Helsinki", lo, hi)


@pytest.mark.parametrize("data", [b"", b"TZif", b"not a zone file at all" * 4])
def test_a_damaged_zone_file_gives_no_hints(data: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tzif, "_read", lambda key: data)
    tzif._zone_data.cache_clear()
    assert tzif.change_hints("Europe/Oslo", _utc(2027), _utc(2028)) is None
    tzif._zone_data.cache_clear()


@pytest.mark.parametrize("key", ["/etc/passwd", "../zoneinfo/UTC", "Europe/../UTC"])
def test_keys_that_are_not_plain_names_are_not_read(key: str) -> None:
    assert tzif._read(key) is None


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        ("M3.5.0", 2027, datetime(2027, 3, 28, 2)),  # last Sunday of March
        ("M10.5.0/3", 2027, datetime(2027, 10, 31, 3)),
        ("M3.2.0", 2027, datetime(2027, 3, 14, 2)),  # second Sunday
        ("M9.1.6/24", 2027, datetime(2027, 9, 5)),  # first Saturday, 24:00
        ("M3.5.0/-1", 2027, datetime(2027, 3, 27, 23)),  # an hour before the Sunday
        ("J60", 2028, datetime(2028, 3, 1, 2)),  # Julian days never count 29 February
        ("59", 2028, datetime(2028, 2, 29, 2)),  # zero-based days do
        ("J365/25", 2027, datetime(2028, 1, 1, 1)),
    ],
)
def test_rule_dates_follow_posix(text: str, year: int, expected: datetime) -> None:
    rule = tzif._rule_date(text)
    assert rule is not None
    assert rule(year) == calendar.timegm(expected.replace(tzinfo=UTC).timetuple())


@pytest.mark.parametrize("text", ["CET-1CEST,M13.5.0,M10.5.0", "CET-1CEST,M3.5.0", "+-"])
def test_footers_that_cannot_be_read_are_refused(text: str) -> None:
    assert tzif._rule(text) is False


@pytest.mark.parametrize("text", ["", "<+03>-3", "CET-1"])
def test_footers_without_yearly_changes_have_no_rule(text: str) -> None:
    assert tzif._rule(text) is None
