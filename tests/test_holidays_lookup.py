"""Public holidays looked up one country at a time say exactly what the package says.

``supportflow.businesstime.holidays`` loads a country's module alone instead of
the ~250 that ``holidays.countries`` imports first; every country, subdivision
and option must still give the dates and names ``holidays.country_holidays`` gives.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import subprocess
import sys

import holidays as package
import pytest
from holidays.registry import COUNTRIES

from supportflow.businesstime import holiday_package, holidays
from supportflow.businesstime.spec import HolidaySource

CODES = sorted(code for _, code, *_ in COUNTRIES.values())
YEAR = 2027


def _package_table(source: HolidaySource, year: int, **options: object) -> package.HolidayBase:
    if "include_sundays" in package.country_holidays(source.country).get_supported_options():
        options["include_sundays"] = False
    return package.country_holidays(
        source.country, subdiv=source.subdivision, years=year, categories=("public",), **options
    )


@pytest.mark.parametrize("code", CODES)
def test_every_country_gives_the_package_s_dates_and_names(code: str) -> None:
    source = HolidaySource(code)
    expected = _package_table(source, YEAR)
    assert holidays.public_holidays(source, YEAR) == {day.toordinal() for day in expected}
    entity = package.country_holidays(code)
    language = "en_US" if "en_US" in entity.supported_languages else entity.default_language
    named = _package_table(source, YEAR, language=language)
    assert holidays.public_holiday_names(source, YEAR) == {
        day.toordinal(): name for day, name in named.items()
    }


@pytest.mark.parametrize(("code", "subdivision"), [("DE", "BY"), ("US", "CA"), ("AX", None)])
def test_subdivisions_and_child_entities_agree(code: str, subdivision: str | None) -> None:
    source = HolidaySource(code, subdivision)
    for year in (2024, 2031):
        expected = {day.toordinal() for day in _package_table(source, year)}
        assert holidays.public_holidays(source, year) == expected


def test_the_class_is_the_one_the_package_instantiates() -> None:
    for code in ("SE", "FI", "SA", "AX"):
        ours = holiday_package.country_class(code)
        theirs = type(package.country_holidays(code))
        assert (ours.__module__, ours.__qualname__) == (theirs.__module__, theirs.__qualname__)


def test_unknown_countries_still_raise_as_the_package_does() -> None:
    with pytest.raises(NotImplementedError):
        holiday_package.country_class("XX")


SPY = """
import sys


class Spy:
    \"\"\"Records every module the import system is asked to find.\"\"\"

    def find_spec(self, name, path=None, target=None):
        if name.startswith("holidays.countries"):
            print(name)
        return None


sys.meta_path.insert(0, Spy())
"""


def test_one_country_is_imported_alone_and_leaves_no_trace() -> None:
    probe = (
        f"{SPY}\n"
        "from supportflow.businesstime.holidays import public_holidays\n"
        "from supportflow.businesstime.spec import HolidaySource\n"
        "assert public_holidays(HolidaySource('AX'), 2027)\n"
        "left = [m for m in sys.modules if m.startswith('holidays.countries')]\n"
        "assert not left, left\n"
        "print('then the package')\n"
        "import holidays.countries.sweden\n"
        "print(holidays.countries.sweden.SE.__name__)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    alone, _, later = done.stdout.partition("then the package\n")
    # The package is found (for its folder), not run; then Åland, and Finland, whose class
    # Åland's extends: nothing else of holidays.countries.
    assert alone.split() == [
        "holidays.countries",
        "holidays.countries.aland_islands",
        "holidays.countries.finland",
    ]
    # Afterwards the package imports as ever, every country with it.
    assert len(later.split()) > 200 and later.endswith("\nSE\n")


def _run(probe: str) -> str:
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return done.stdout


def test_the_package_imports_without_importlib_metadata_and_knows_its_release() -> None:
    out = _run(
        "import sys\n"
        "from supportflow.businesstime.holidays import public_holidays\n"
        "from supportflow.businesstime.spec import HolidaySource\n"
        "assert public_holidays(HolidaySource('SE'), 2027)\n"
        "import holidays, holidays.version\n"
        "print('importlib.metadata' in sys.modules, holidays.__version__,"
        " holidays.version.__version__)\n"
    )
    release = importlib.metadata.version("holidays")
    assert out.split() == ["False", release, release]


def test_the_package_imports_without_the_date_parser_and_still_parses_strings() -> None:
    out = _run(
        "import sys\n"
        "from supportflow.businesstime.holidays import public_holidays\n"
        "from supportflow.businesstime.spec import HolidaySource\n"
        "assert public_holidays(HolidaySource('SE'), 2027)\n"
        "print('dateutil.parser' in sys.modules)\n"
        "import holidays\n"
        "print(holidays.SE(years=2027).get('Dec 25, 2027'))\n"
        "import dateutil.parser\n"
        "print(dateutil.parser.__file__ is not None, dateutil.parser.parse('2027-12-25').day)\n"
    )
    assert out.splitlines() == ["False", "Christmas Day", "True 25"]


def test_a_package_that_does_not_import_so_is_imported_as_it_is() -> None:
    # A release whose __init__ wants more of holidays.version than the release.
    out = _run(
        "import types\n"
        "from supportflow.businesstime import holiday_package as ours\n"
        "class Bare(types.ModuleType):\n"
        "    def __setattr__(self, name, value):\n"
        "        pass\n"
        "ours.ModuleType = Bare\n"
        "from supportflow.businesstime.spec import HolidaySource\n"
        "from supportflow.businesstime.holidays import public_holidays\n"
        "assert public_holidays(HolidaySource('SE'), 2027)\n"
        "import holidays, dateutil.parser\n"
        "print(holidays.__version__, type(holidays.version).__name__,"
        " dateutil.parser.__file__ is not None)\n"
    )
    assert out.split() == [importlib.metadata.version("holidays"), "module", "True"]


def test_a_first_run_loads_only_the_calendars_and_groups_its_countries_use() -> None:
    out = _run(
        "import sys\n"
        "from supportflow.businesstime.holidays import public_holidays\n"
        "from supportflow.businesstime.spec import HolidaySource\n"
        "assert public_holidays(HolidaySource('SE'), 2027)\n"
        "print(sorted(m for m in sys.modules if m.startswith(('holidays.calendars.',"
        " 'holidays.groups.'))))\n"
        "import holidays\n"
        "print(holidays.country_holidays('SA', years=2027) == holidays.SA(years=2027))\n"
    )
    first, then = out.splitlines()
    assert "holidays.groups.christian" in first and "holidays.calendars.gregorian" in first
    assert "islamic" not in first and "chinese" not in first
    assert then == "True"  # a country needing others loads them when it is used


@pytest.mark.parametrize("name", ["holidays.calendars", "holidays.groups"])
def test_a_lazy_package_gives_every_name_its_init_gathers(name: str) -> None:
    """The stand-in answers each name with the object the package's own __init__ binds."""
    real = importlib.import_module(name)
    assert "__getattr__" not in vars(real)  # as it ran, when this file imported holidays
    with open(real.__file__, encoding="utf-8") as file:
        origins = holiday_package.gathered(file.read(), name)
    assert origins is not None
    submodules = {n for n, value in vars(real).items() if isinstance(value, type(real))}
    assert set(origins) == {n for n in vars(real) if not n.startswith("__")} - submodules
    lazy = holiday_package._lazy_package(name)
    assert lazy is not None
    for item in origins:
        assert getattr(lazy, item) is getattr(real, item)
    with pytest.raises(AttributeError):
        lazy.NotGathered  # noqa: B018
    assert set(dir(lazy)) >= set(origins)
    star_real: dict[str, object] = {}
    star_lazy: dict[str, object] = {}
    exec(f"from {name} import *", star_real)
    sys.modules[name], real_module = lazy, sys.modules[name]
    try:
        exec(f"from {name} import *", star_lazy)
    finally:
        sys.modules[name] = real_module
    gathered = {k: v for k, v in star_real.items() if not isinstance(v, type(real))}
    del gathered["__builtins__"]  # and the submodules, which the real one holds too
    assert {k: star_lazy[k] for k in gathered} == gathered


@pytest.mark.parametrize(
    "extra",
    [
        "X = 1\n",
        "from holidays.groups.christian import ChristianHolidays as Christian\n",
        "from holidays.groups.christian import *\n",
        "from holidays.constants import PUBLIC\n",  # a name from outside the package
        "if True:\n    pass\n",
    ],
)
def test_an_init_that_does_more_than_gather_runs_as_usual(extra: str) -> None:
    text = "# comment\nfrom holidays.groups.christian import (\n    ChristianHolidays,\n)\n"
    assert holiday_package.gathered(text, "holidays.groups") == {
        "ChristianHolidays": "holidays.groups.christian"
    }
    assert holiday_package.gathered(text + extra, "holidays.groups") is None
    assert holiday_package.gathered('"""Doc."""\n' + text, "holidays.groups") is not None


def test_threads_that_ask_at_once_import_the_package_once() -> None:
    out = _run(
        "import sys, threading\n"
        "from supportflow.businesstime.holidays import public_holidays\n"
        "from supportflow.businesstime.spec import HolidaySource\n"
        "seen, start = [], threading.Barrier(6)\n"
        "def ask(code):\n"
        "    start.wait()\n"
        "    seen.append((len(public_holidays(HolidaySource(code), 2027)) > 0,"
        " id(sys.modules['holidays.groups'])))\n"
        "threads = [threading.Thread(target=ask, args=(c,)) for c in"
        " ('SE', 'FI', 'NO', 'US', 'SA', 'NL')]\n"
        "[t.start() for t in threads]; [t.join() for t in threads]\n"
        "print(all(ok for ok, _ in seen), len({groups for _, groups in seen}), len(seen))\n"
    )
    assert out.split() == ["True", "1", "6"]
