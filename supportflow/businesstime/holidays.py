"""Public holidays from the ``holidays`` package: the one module that talks to it.

The validator asks whether a source exists (``source_problem``); the business-time
engine asks for a year's dates (``public_holidays``), looked up lazily and cached.
Only the public category counts as closed. Sweden's class can list every Sunday as
a holiday; a weekly schedule already says whether Sundays are open, so
``include_sundays=False`` goes to every country that has that option.

Importing ``holidays`` costs ~70 ms, more than the rest of ``validate`` on a
typical policy, so ``source_problem`` answers from ``holiday_codes``, a table of
every country and subdivision code generated from the package
(``scripts/generate_holiday_codes.py``). The table is used only when it was made
from the installed release; with any other release the package itself answers.

A country's class is loaded with its own module only (:func:`_country_class`):
the package's ``holidays.countries`` imports all ~250 countries first, another
~110 ms, for the one or two a policy names.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import sys
from datetime import date
from functools import cache, lru_cache
from types import ModuleType
from typing import Any

from supportflow.businesstime import holiday_codes
from supportflow.businesstime.spec import HolidaySource


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
    """The subdivision codes of ``country``, or None when the package has no such country."""
    if installed_version() == holiday_codes.HOLIDAYS_VERSION:
        return holiday_codes.SUBDIVISIONS.get(country)
    return package_subdivisions(country)


@lru_cache(maxsize=256)
def package_subdivisions(country: str) -> tuple[str, ...] | None:
    """What the installed package says; the registry names every country without importing
    them all, and only a known country is loaded."""
    from holidays.registry import COUNTRIES

    if country not in {code for _, code, *_ in COUNTRIES.values()}:
        return None
    return tuple(_country_class(country).subdivisions)


def package_countries() -> list[str]:
    """Every country code the installed package knows, sorted."""
    from holidays.registry import COUNTRIES

    return sorted({code for _, code, *_ in COUNTRIES.values()})


@cache
def installed_version() -> str | None:
    """The installed holidays release, read from its ``*.dist-info`` folder name.

    ``importlib.metadata`` would cost more to import than the package lookup it
    replaces; the folder name (``holidays-0.109.dist-info``) says the same.
    """
    for folder in sys.path:
        try:
            names = os.listdir(folder or ".")
        except OSError:
            continue
        for name in names:
            if name.startswith("holidays-") and name.endswith(".dist-info"):
                return name.removeprefix("holidays-").removesuffix(".dist-info")
    return None


@lru_cache(maxsize=256)
def _country_class(country: str) -> type[Any]:
    """The class ``holidays.country_holidays(country)`` would instantiate ('SE' → the
    ``SE`` class of ``holidays.countries.sweden``), imported with its module alone.

    The registry names each country's module; an entity it does not name, or a release
    laid out otherwise, is looked up through the package as a whole.
    """
    try:
        from holidays.registry import COUNTRIES, IMPORT_LOCK

        module = next(name for name, entities in COUNTRIES.items() if country in entities)
        with IMPORT_LOCK:  # the lock the package's own lazy loader imports countries under
            return getattr(_import_alone(f"holidays.countries.{module}"), country)
    except (ImportError, StopIteration, AttributeError):
        import holidays

        return type(holidays.country_holidays(country))


def _import_alone(name: str) -> ModuleType:
    """Import the submodule ``name`` without running its package's ``__init__``.

    While it loads, the package is an empty module made from its own spec, so a
    sibling it imports (Åland imports Finland) loads alone too. Afterwards the
    stand-in and the modules loaded under it leave ``sys.modules`` again: the
    package imports as usual later, with classes like these in all but identity.
    """
    package = name.rpartition(".")[0]
    if package in sys.modules:
        return importlib.import_module(name)
    spec = importlib.util.find_spec(package)
    if spec is None:
        raise ImportError(f"no package {package}")
    before = set(sys.modules)
    sys.modules[package] = importlib.util.module_from_spec(spec)
    try:
        return importlib.import_module(name)
    finally:
        inside = [m for m in sys.modules if m == package or m.startswith(f"{package}.")]
        for loaded in inside:
            if loaded not in before:
                del sys.modules[loaded]


@lru_cache(maxsize=256)
def _options(country: str) -> dict[str, Any]:
    """The options passed for every year of this country, read from its class's signature.

    The class's own signature says which options it takes in every release, where
    ``get_supported_options`` appeared only recently.
    """
    import inspect

    parameters = inspect.signature(_country_class(country)).parameters
    return {"include_sundays": False} if "include_sundays" in parameters else {}


@lru_cache(maxsize=4096)
def public_holidays(source: HolidaySource, year: int) -> frozenset[int]:
    """Proleptic ordinals of the public holidays of ``source`` in ``year``."""
    table = _country_class(source.country)(
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
    country = _country_class(source.country)
    language = "en_US" if "en_US" in country.supported_languages else country.default_language
    table = country(
        subdiv=source.subdivision,
        years=year,
        categories=("public",),
        language=language,
        **_options(source.country),
    )
    return {day.toordinal(): name for day, name in table.items() if day.year == year}


def named_public_holidays(
    source: HolidaySource, year: int, language: str | None = None
) -> tuple[tuple[date, str], ...]:
    """The public holidays of ``source`` in ``year`` with their names, sorted by date.

    ``language`` (such as 'sv' or 'en_US') is used when the country's table has
    names in it; otherwise American English or, failing that, the country's own
    language names the days, never the reader's locale.
    """
    country = _country_class(source.country)
    supported = country.supported_languages
    fallback = "en_US" if "en_US" in supported else country.default_language
    # Never None: the package would then follow the reader's LANG.
    chosen = next((c for c in _language_candidates(language) if c in supported), fallback)
    return _named(source, year, chosen)


@lru_cache(maxsize=1024)
def _named(source: HolidaySource, year: int, language: str) -> tuple[tuple[date, str], ...]:
    """Cached per language the table has, so pages in many languages share one lookup."""
    table = _country_class(source.country)(
        subdiv=source.subdivision,
        years=year,
        categories=("public",),
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
