"""Public holidays from the ``holidays`` package: the one module that talks to it.

The validator asks whether a source exists (``source_problem``); the business-time
engine asks for a year's dates (``public_holidays``), looked up lazily and cached.
Only the public category counts as closed. Sweden's class can list every Sunday as
a holiday; a weekly schedule already says whether Sundays are open, so
``include_sundays=False`` goes to every country that has that option.

Importing ``holidays`` as the package does it costs ~70 ms, a quarter of a whole
``validate`` run, so ``source_problem`` answers from ``holiday_codes``, a table of
every country and subdivision code generated from the package
(``scripts/generate_holiday_codes.py``). The table is used only when it was made
from the installed release; with any other release the package itself answers, once
per country, and the cache keeps the answer.

A country's class is loaded with its own module only (:func:`_country_class`):
the package's ``holidays.countries`` imports all ~250 countries first, another
~110 ms, for the one or two a policy names. And a year's dates and names, once
computed, are kept on disk (``holiday_cache``) under the installed release, so
the next run reads them without importing the package at all.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import sys
from collections.abc import Callable
from datetime import date
from functools import cache, lru_cache
from types import ModuleType
from typing import Any, TypeVar

from supportflow.businesstime import holiday_cache, holiday_codes
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
    if installed_version() == holiday_codes.HOLIDAYS_VERSION:
        return holiday_codes.SUBDIVISIONS.get(country)
    (answer,) = _kept(
        ("subdivisions", country),
        ["subdivisions", country],
        lambda: (package_subdivisions(country),),
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
def package_subdivisions(country: str) -> tuple[str, ...] | None:
    """What the installed package says; the registry names every country without importing
    them all, and only a known country is loaded."""
    if country not in {code for _, code, *_ in _package().registry.COUNTRIES.values()}:
        return None
    return tuple(_country_class(country).subdivisions)


def package_countries() -> list[str]:
    """Every country code the installed package knows, sorted."""
    return sorted({code for _, code, *_ in _package().registry.COUNTRIES.values()})


@cache
def installed_version() -> str | None:
    """The release of the holidays package that ``import holidays`` would load, or None.

    It is the ``Version`` of the ``*.dist-info`` folder beside that package, which
    ``importlib.metadata`` would read too, at a cost greater than the package lookup
    it replaces; ``find_spec`` locates the package without importing it. A package
    without exactly one such folder beside it (a source checkout, an editable
    install) has no known release.
    """
    try:
        spec = importlib.util.find_spec("holidays")
    except (ImportError, ValueError):
        return None
    if spec is None or spec.origin is None:
        return None
    folder = os.path.dirname(os.path.dirname(spec.origin))
    try:
        names = os.listdir(folder)
        (info,) = (n for n in names if n.startswith("holidays-") and n.endswith(".dist-info"))
        with open(os.path.join(folder, info, "METADATA"), encoding="utf-8") as metadata:
            for line in metadata:
                if line.startswith("Version:"):
                    return line.removeprefix("Version:").strip()
                if not line.strip():  # the end of the headers
                    break
    except (OSError, ValueError, UnicodeDecodeError):
        pass
    return None


def _package() -> ModuleType:
    """The holidays package, imported without two imports it does not need here.

    ``holidays.version`` asks ``importlib.metadata`` for the release, and importing
    that costs ~20 ms; when :func:`installed_version` read the same release from
    the same file, the package is given a ``holidays.version`` that holds it.
    ``holiday_base`` binds ``dateutil.parser.parse``, for dates given as strings,
    which this module never gives; the parser costs ~5 ms to import, so the
    package binds a stand-in that imports it when first called (:func:`_parse`).
    Should the package not import with these, it is imported again as it is.
    """
    if "holidays" not in sys.modules and (release := installed_version()) is not None:
        version = ModuleType("holidays.version", "The release, from the package's METADATA.")
        version.__version__ = release
        stand_ins = {"holidays.version": version}
        if "dateutil.parser" not in sys.modules:
            parser = ModuleType("dateutil.parser", "Stands in while holidays imports.")
            parser.parse = _parse  # type: ignore[attr-defined]
            stand_ins["dateutil.parser"] = parser
        sys.modules.update(stand_ins)
        try:
            importlib.import_module("holidays.registry")
            sys.modules["holidays"].version = version
        except ImportError:
            for name in [m for m in sys.modules if m == "holidays" or m.startswith("holidays.")]:
                del sys.modules[name]
        finally:
            if sys.modules.get("dateutil.parser") is stand_ins.get("dateutil.parser"):
                sys.modules.pop("dateutil.parser", None)
    importlib.import_module("holidays.registry")
    return sys.modules["holidays"]


def _parse(*args: Any, **kwargs: Any) -> Any:
    """``dateutil.parser.parse``, imported on first use (see :func:`_package`)."""
    from dateutil.parser import parse

    return parse(*args, **kwargs)


@lru_cache(maxsize=256)
def _country_class(country: str) -> type[Any]:
    """The class ``holidays.country_holidays(country)`` would instantiate ('SE' → the
    ``SE`` class of ``holidays.countries.sweden``), imported with its module alone.

    The registry names each country's module; an entity it does not name, or a release
    laid out otherwise, is looked up through the package as a whole.
    """
    package = _package()
    try:
        registry = package.registry
        entries = registry.COUNTRIES.items()
        module = next(name for name, entities in entries if country in entities)
        with registry.IMPORT_LOCK:  # the lock the package's own lazy loader imports under
            return getattr(_import_alone(f"holidays.countries.{module}"), country)
    except (ImportError, StopIteration, AttributeError):
        return type(package.country_holidays(country))


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
    """The options passed for every year of this country, read from its class's ``__init__``.

    The class's own parameters say which options it takes in every release, where
    ``get_supported_options`` appeared only recently. They are read from its code
    object, as ``inspect.signature`` reads them, since importing ``inspect`` would cost
    a first run ~4 ms. (Sweden's ordinary Sundays staying open is tested.)
    """
    code = _country_class(country).__init__.__code__
    parameters = code.co_varnames[: code.co_argcount + code.co_kwonlyargcount]
    return {k: v for k, v in _NO_SUNDAYS.items() if k in parameters}


@lru_cache(maxsize=4096)
def public_holidays(source: HolidaySource, year: int) -> frozenset[int]:
    """Proleptic ordinals of the public holidays of ``source`` in ``year``."""
    return frozenset(_year(source, year)[0])


def country_code(name: str) -> str | None:
    """The code of a country written by name ('sweden' → 'SE'), from the registry alone."""
    entry = _package().registry.COUNTRIES.get(name.strip().lower().replace(" ", "_"))
    return entry[1] if entry else None


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
    release = installed_version()
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
    country = _country_class(source.country)
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
