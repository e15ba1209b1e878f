"""The interval algebra (the coverage analysis's, and the calendar's wall-to-UTC mapping)
and instant writing, against plain definitions.

Spans of small integers stand for epoch µs; each operation must give exactly the set
the same operation gives on the instants themselves, as a span in normal form (sorted,
disjoint, no two touching), whatever the input's order or overlaps. Instants must be
written exactly as ``datetime.isoformat`` writes them in the zone.
"""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from supportflow.analysis import intervals as iv
from supportflow.businesstime.intervals import wall_to_utc

raw = st.lists(
    st.tuples(st.integers(0, 60), st.integers(1, 12)).map(lambda p: (p[0], p[0] + p[1])),
    max_size=12,
)


def _span(pairs: list[tuple[int, int]]) -> iv.Span:
    return iv.normal([a for a, _ in pairs], [b for _, b in pairs])


def _instants(span: iv.Span) -> set[int]:
    return {t for a, b in zip(*span, strict=True) for t in range(a, b)}


def _is_normal(span: iv.Span) -> bool:
    starts, ends = span
    pieces = list(zip(starts, ends, strict=True))
    return all(a < b for a, b in pieces) and all(b < c for (_, b), (c, _) in pairwise(pieces))


@given(raw)
def test_normal_keeps_every_instant_once(pairs) -> None:
    span = _span(pairs)
    assert _is_normal(span)
    assert _instants(span) == {t for a, b in pairs for t in range(a, b)}


@given(raw, raw, raw)
def test_union_intersect_subtract_are_the_set_operations(x, y, z) -> None:
    a, b, c = _span(x), _span(y), _span(z)
    for result, expected in (
        (iv.union([a, b, c]), _instants(a) | _instants(b) | _instants(c)),
        (iv.union([a]), _instants(a)),
        (iv.intersect(a, b), _instants(a) & _instants(b)),
        (iv.subtract(a, b), _instants(a) - _instants(b)),
    ):
        assert _is_normal(result)
        assert _instants(result) == expected
    assert iv.total(a) == len(_instants(a))


@given(raw, st.integers(0, 80), st.integers(0, 80))
def test_clip_is_the_intersection_with_one_interval(x, lo, hi) -> None:
    a = _span(x)
    assert iv.clip(a, lo, hi) == iv.intersect(a, iv.span(lo, hi))


def test_empty_and_single_spans() -> None:
    assert iv.span(5, 5) == iv.EMPTY == iv.union([])
    assert iv.subtract(iv.span(0, 10), iv.span(0, 10)) == iv.EMPTY
    assert iv.intersect(iv.span(0, 10), iv.span(10, 20)) == iv.EMPTY
    assert iv.union([iv.span(0, 10), iv.span(10, 20)]) == iv.span(0, 20)


# No deadline: the first example in a zone reads its transitions, which on a busy CI
# machine can take longer than Hypothesis's 200 ms, and the next run is then fast.
@settings(deadline=None)
@given(
    st.lists(st.integers(0, 60 * 365 * 86_400), min_size=1, max_size=40),
    st.sampled_from(["Europe/Stockholm", "America/St_Johns", "Asia/Kolkata", "UTC"]),
)
def test_instants_are_written_as_datetime_writes_them(seconds, zone) -> None:
    from datetime import UTC, datetime, timedelta
    from zoneinfo import ZoneInfo

    from supportflow.analysis.instants import isoformat_many

    start = datetime(1990, 1, 1, tzinfo=UTC)
    instants = sorted(int((start.timestamp() + s) * 1_000_000) for s in seconds)
    expected = [
        (datetime(1970, 1, 1, tzinfo=UTC) + timedelta(microseconds=t))
        .astimezone(ZoneInfo(zone))
        .isoformat()
        for t in instants
    ]
    assert isoformat_many(instants, zone) == expected


@st.composite
def runs(draw: st.DrawFn) -> list[tuple[int, int, int]]:
    """Consecutive ``(utc_start, utc_end, offset)`` runs, as a zone's offsets change."""
    bounds = sorted(set(draw(st.lists(st.integers(-20, 140), min_size=2, max_size=6))))
    return [(a, b, draw(st.integers(-15, 15))) for a, b in pairwise(bounds)]


@settings(max_examples=300)
@given(raw, runs())
def test_wall_to_utc_holds_the_instants_whose_wall_time_is_inside(pairs, segments) -> None:
    """Unsorted, overlapping and long wall intervals, across offset changes: the UTC
    pieces hold exactly the instants ``u`` of each run whose ``u + offset`` is inside
    one of them, and come sorted by start."""
    starts, ends = wall_to_utc([a for a, _ in pairs], [b for _, b in pairs], segments)
    expected = {
        u
        for lo, hi, offset in segments
        for u in range(lo, hi)
        if any(a <= u + offset < b for a, b in pairs)
    }
    assert _instants(iv.normal(starts, ends)) == expected
    assert starts == sorted(starts)
