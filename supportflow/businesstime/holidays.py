"""Public-holiday dates from the ``holidays`` package, looked up lazily per year and cached.

Only the public category counts as closed. Sweden's class can list every Sunday as a holiday;
a weekly schedule already says whether Sundays are open, so we always pass
``include_sundays=False`` to any country that supports that option.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from supportflow.schedule import HolidaySource


@lru_cache(maxsize=256)
def _options(country: str, subdivision: str | None) -> dict[str, Any]:
    """Validate the source once and pick the options we pass for every year."""
    import holidays

    try:
        probe = holidays.country_holidays(country, subdiv=subdivision)
    except (NotImplementedError, KeyError, ValueError) as exc:
        name = f"{country}-{subdivision}" if subdivision else country
        raise ValueError(f"unknown holiday country or subdivision {name!r} ({exc})") from None
    return {"include_sundays": False} if "include_sundays" in probe.get_supported_options() else {}


def check_source(source: HolidaySource) -> None:
    """Raise ValueError with a readable message if ``holidays`` has no such country/subdivision."""
    _options(source.country, source.subdivision)


@lru_cache(maxsize=4096)
def public_holidays(source: HolidaySource, year: int) -> frozenset[int]:
    """Proleptic ordinals of the public holidays of ``source`` in ``year``."""
    import holidays

    options = _options(source.country, source.subdivision)
    table = holidays.country_holidays(
        source.country,
        subdiv=source.subdivision,
        years=year,
        categories=("public",),
        **options,
    )
    return frozenset(day.toordinal() for day in table if day.year == year)
