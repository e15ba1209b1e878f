"""Public holidays from the ``holidays`` package, asked as the engine and validator need them.

The validator asks whether a source exists (``source_problem``); the business-time
engine asks for a year's dates (``public_holidays``), looked up lazily and cached.
Only the public category counts as closed. Sweden's class can list every Sunday as
a holiday; a weekly schedule already says whether Sundays are open, so
``include_sundays=False`` goes to every country that has that option.

Importing the package at all costs a first run tens of milliseconds, even as
``holiday_package`` imports it (only a policy's countries, and little else), so
``source_problem`` answers from ``holiday_codes``, a table of every country and
subdivision code generated from the package (``scripts/generate_holiday_codes.py``).
The table is used only when it was made from the installed release; with any other
release the package itself answers, once per country, and the cache keeps the
answer. A year's dates and names, once computed, are kept on disk
(``holiday_cache``) under the installed release, so the next run reads them without
importing the package at all.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import lru_cache
from typing import Any, TypeVar

from supportflow.businesstime import holiday_cache, holiday_codes, holiday_package
from supportflow.businesstime.spec import HolidaySource

# What every year's lookup asks the package for. Each cache entry's key holds them, so
# an entry computed with other arguments is never read; bump _ENTRY_FORMAT when what an
# entry holds changes in any other way.
_CATEGORIES = ("public",)
_NO_SUNDAYS = {"include_sundays": False}  # for every country whose class takes the option
_NAMES_IN = "en_US"  # where the country has it, else its own language
_ENTRY_FORMAT = 1

T = TypeVar("T")

# A year's public holidays: sorted ordinals, and (ordinal, name) in the package's order.
_Year = tuple[tuple[int, ...], tuple[tuple[int, str], ...]]


@lru_cache(maxsize=256)
def source_problem(source: HolidaySource) -> str:
    """Why the holidays package cannot serve ``source``, or '' when it can."""
    known = subdivisions(source.country)
    if known is None:
        return f"the holidays package has no country {source.country!r}"
    if source.subdivision is None or source.subdivision in known:
        return ""
    return f"{source.country} has no subdivision {source.subdivision!r} (known: {', '.join(known)})"


def subdivisions(country: str) -> tuple[str, ...] | None:
    """The subdivision codes of ``country``, or None when the package has no such country.

    The generated table answers for the release it was made from. For any other
    release (the package publishes one every few weeks) the package answers once,
    and the answer is kept in the cache beside that release's holidays: asking the
    package costs every ``validate`` ~40 ms.
    """
    if holiday_package.installed_version() == holiday_codes.HOLIDAYS_VERSION:
        return holiday_codes.SUBDIVISIONS.get(country)
    (answer,) = _kept(
        ("subdivisions", country),
        ["subdivisions", country],
        lambda: (holiday_package.package_subdivisions(country),),
        _parsed_codes,
        lambda found: {"codes": None if found[0] is None else list(found[0])},
    )
    return answer


def _parsed_codes(value: Any) -> tuple[tuple[str, ...] | None] | None:
    """A subdivisions entry's codes (None: no such country), in a 1-tuple; None if no entry."""
    codes = value.get("codes", False) if isinstance(value, dict) else False
    if codes is None:
        return (None,)
    if isinstance(codes, list) and all(type(code) is str for code in codes):
        return (tuple(codes),)
    return None


@lru_cache(maxsize=256)
def _options(country: str) -> dict[str, Any]:
    """The options passed for every year of this country, read from its class's ``__init__``.

    The class's own parameters say which options it takes in every release, where
    ``get_supported_options`` appeared only recently. They are read from its code
    object, as ``inspect.signature`` reads them, since importing ``inspect`` would cost
    a first run ~4 ms. (Sweden's ordinary Sundays staying open is tested.)
    """
    code = holiday_package.country_class(country).__init__.__code__
    parameters = code.co_varnames[: code.co_argcount + code.co_kwonlyargcount]
    return {k: v for k, v in _NO_SUNDAYS.items() if k in parameters}


@lru_cache(maxsize=4096)
def public_holidays(source: HolidaySource, year: int) -> frozenset[int]:
    """Proleptic ordinals of the public holidays of ``source`` in ``year``."""
    return frozenset(_year(source, year)[0])


@lru_cache(maxsize=4096)
def public_holiday_names(source: HolidaySource, year: int) -> dict[int, str]:
    """The same dates as :func:`public_holidays`, with their names.

    Names are asked for in American English where the package has it, else in
    the country's own language, never in the reader's locale (the package would
    follow ``LANG``), so a runtime file is the same on every machine.
    """
    return dict(_year(source, year)[1])


@lru_cache(maxsize=4096)
def _year(source: HolidaySource, year: int) -> _Year:
    """A year's dates and names: from the cache on disk, else computed and stored there."""
    key = [source.country, source.subdivision, year, *_CATEGORIES]
    key += [*(f"{name}={value}" for name, value in _NO_SUNDAYS.items()), _NAMES_IN]
    return _kept(
        (source.country, source.subdivision, year),
        key,
        lambda: _computed(source, year),
        lambda value: _parsed(value, year),
        lambda found: {"dates": found[0], "names": found[1]},
    )


def _kept(
    name: holiday_cache.Key,
    key: list[Any],
    compute: Callable[[], T],
    parse: Callable[[Any], T | None],
    stored: Callable[[T], Any],
) -> T:
    """``compute()``, kept in the cache under the installed release as entry ``name``: read
    back when its entry parses, else computed and written. Without a known release to key
    entries by, or with the cache off, it is computed every time."""
    release = holiday_package.installed_version()
    root = holiday_cache.cache_root()
    if release is None or root is None:
        return compute()
    key = [_ENTRY_FORMAT, release, *key]
    path = holiday_cache.entry_path(root, ("holidays", release), name)
    found = parse(holiday_cache.read(path, key))
    if found is None:
        found = compute()
        holiday_cache.write(path, key, stored(found))
    return found


def _computed(source: HolidaySource, year: int) -> _Year:
    """A year's dates and names, computed once: the language changes only the names."""
    country = holiday_package.country_class(source.country)
    supported = country.supported_languages
    language = _NAMES_IN if _NAMES_IN in supported else country.default_language
    names = country(
        subdiv=source.subdivision,
        years=year,
        categories=_CATEGORIES,
        language=language,
        **_options(source.country),
    )
    named = tuple((day.toordinal(), name) for day, name in names.items() if day.year == year)
    return tuple(sorted(day for day, _ in named)), named


def _parsed(value: Any, year: int) -> _Year | None:
    """A cache entry's value as :func:`_computed` returns it, or None if it is not one."""
    if not isinstance(value, dict):
        return None
    dates, names = value.get("dates"), value.get("names")
    first, last = date(year, 1, 1).toordinal(), date(year, 12, 31).toordinal()

    def in_year(day: Any) -> bool:
        return type(day) is int and first <= day <= last

    if not isinstance(dates, list) or not all(in_year(day) for day in dates):
        return None
    if not isinstance(names, list) or not all(
        isinstance(pair, list) and len(pair) == 2 and in_year(pair[0]) and isinstance(pair[1], str)
        for pair in names
    ):
        return None
    return tuple(dates), tuple((day, name) for day, name in names)


def named_public_holidays(
    source: HolidaySource, year: int, language: str | None = None
) -> tuple[tuple[date, str], ...]:
    """The public holidays of ``source`` in ``year`` with their names, sorted by date.

    ``language`` (such as 'sv' or 'en_US') is used when the country's table has
    names in it; otherwise American English or, failing that, the country's own
    language names the days, never the reader's locale.
    """
    country = holiday_package.country_class(source.country)
    supported = country.supported_languages
    fallback = "en_US" if "en_US" in supported else country.default_language
    # Never None: the package would then follow the reader's LANG.
    chosen = next((c for c in _language_candidates(language) if c in supported), fallback)
    return _named(source, year, chosen)


@lru_cache(maxsize=1024)
def _named(source: HolidaySource, year: int, language: str) -> tuple[tuple[date, str], ...]:
    """Cached per language the table has, so pages in many languages share one lookup."""
    table = holiday_package.country_class(source.country)(
        subdiv=source.subdivision,
        years=year,
        categories=_CATEGORIES,
        language=language,
        **_options(source.country),
    )
    return tuple(sorted((day, name) for day, name in table.items() if day.year == year))


def _language_candidates(language: str | None) -> tuple[str, ...]:
    """'en' → ('en', 'en_US', 'en_GB'): the holidays package names some languages by region,
    and Norwegian Bokmål as 'no'."""
    if not language:
        return ()
    base = language.replace("-", "_").split("_")[0]
    regional = {"en": ("en_US", "en_GB"), "nb": ("no",)}.get(base, (f"{base}_{base.upper()}",))
    return (language.replace("-", "_"), base, *regional)
