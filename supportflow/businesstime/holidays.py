"""Public holidays from the ``holidays`` package: the one module that talks to it.

The validator asks whether a source exists (``source_problem``); the business-time
engine asks for a year's dates (``public_holidays``), looked up lazily and cached.
Only the public category counts as closed. Sweden's class can list every Sunday as
a holiday; a weekly schedule already says whether Sundays are open, so
``include_sundays=False`` goes to every country that has that option.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from supportflow.businesstime.spec import HolidaySource


@lru_cache(maxsize=256)
def source_problem(source: HolidaySource) -> str:
    """Why the holidays package cannot serve ``source``, or '' when it can.

    The registry names every country without importing them all, which keeps
    ``validate`` fast; only a subdivision check loads that one country.
    """
    from holidays.registry import COUNTRIES

    if source.country not in {code for _, code, *_ in COUNTRIES.values()}:
        return f"the holidays package has no country {source.country!r}"
    if source.subdivision is None:
        return ""
    known = _probe(source.country).subdivisions
    if source.subdivision not in known:
        return (
            f"{source.country} has no subdivision {source.subdivision!r}"
            f" (known: {', '.join(known)})"
        )
    return ""


def subdivisions(country: str) -> tuple[str, ...] | None:
    """The subdivision codes of ``country``, or None when the package has no such country."""
    from holidays.registry import COUNTRIES

    if country not in {code for _, code, *_ in COUNTRIES.values()}:
        return None
    return tuple(_probe(country).subdivisions)


@lru_cache(maxsize=256)
def _probe(country: str) -> Any:
    import holidays

    return holidays.country_holidays(country)


@lru_cache(maxsize=256)
def _options(country: str) -> dict[str, Any]:
    """The options passed for every year of this country."""
    supported = _probe(country).get_supported_options()
    return {"include_sundays": False} if "include_sundays" in supported else {}


@lru_cache(maxsize=4096)
def public_holidays(source: HolidaySource, year: int) -> frozenset[int]:
    """Proleptic ordinals of the public holidays of ``source`` in ``year``."""
    import holidays

    table = holidays.country_holidays(
        source.country,
        subdiv=source.subdivision,
        years=year,
        categories=("public",),
        **_options(source.country),
    )
    return frozenset(day.toordinal() for day in table if day.year == year)


def country_code(name: str) -> str | None:
    """The code of a country written by name ('sweden' → 'SE'), from the registry alone."""
    from holidays.registry import COUNTRIES

    entry = COUNTRIES.get(name.strip().lower().replace(" ", "_"))
    return entry[1] if entry else None


@lru_cache(maxsize=4096)
def public_holiday_names(source: HolidaySource, year: int) -> dict[int, str]:
    """The same dates as :func:`public_holidays`, with their names.

    Names are asked for in American English where the package has it, else in
    the country's own language, never in the reader's locale (the package would
    follow ``LANG``), so a runtime file is the same on every machine.
    """
    import holidays

    supported = _probe(source.country).supported_languages
    language = "en_US" if "en_US" in supported else _probe(source.country).default_language
    table = holidays.country_holidays(
        source.country,
        subdiv=source.subdivision,
        years=year,
        categories=("public",),
        language=language,
        **_options(source.country),
    )
    return {day.toordinal(): name for day, name in table.items() if day.year == year}
