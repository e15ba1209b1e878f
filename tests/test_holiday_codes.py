"""The holiday code table answers exactly as the installed holidays package does.

`validate` checks `holidays: SE` and `DE-BY` against a generated table so that
it never imports the package (~70 ms). The table must say what the package
says; with another release installed, the package itself answers.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
from pathlib import Path

import pytest

from supportflow.businesstime import holiday_codes, holiday_package, holidays
from supportflow.businesstime.spec import HolidaySource

ROOT = Path(__file__).resolve().parent.parent
COUNTRIES = ["SE", "DE", "US", "GB", "XX", "CH", "NO", "ZZ", "se", ""]


def _generator():
    spec = importlib.util.spec_from_file_location(
        "generate_holiday_codes", ROOT / "scripts" / "generate_holiday_codes.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_installed_version_is_read_from_the_package_metadata() -> None:
    assert holiday_package.installed_version() == importlib.metadata.version("holidays")


def test_the_table_is_what_the_installed_package_says() -> None:
    if holiday_package.installed_version() != holiday_codes.HOLIDAYS_VERSION:
        pytest.skip(
            f"the table is from holidays {holiday_codes.HOLIDAYS_VERSION}; "
            f"{holiday_package.installed_version()} is installed, so the package answers itself"
        )
    assert _generator().render() == (
        ROOT / "supportflow" / "businesstime" / "holiday_codes.py"
    ).read_text(encoding="utf-8"), "run python scripts/generate_holiday_codes.py"


@pytest.mark.parametrize("country", COUNTRIES)
def test_the_table_and_the_package_give_the_same_answer(country: str) -> None:
    assert holidays.subdivisions(country) == holiday_package.package_subdivisions(country)


def test_unknown_sources_are_explained() -> None:
    assert holidays.source_problem(HolidaySource("XX")) == (
        "the holidays package has no country 'XX'"
    )
    problem = holidays.source_problem(HolidaySource("DE", "XX"))
    assert problem.startswith("DE has no subdivision 'XX' (known: ")
    assert "BY" in problem.partition("known: ")[2].split(", ")
    assert holidays.source_problem(HolidaySource("DE", "BY")) == ""


def test_another_release_is_answered_by_the_package(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(holiday_codes, "HOLIDAYS_VERSION", "0.0-not-installed")
    monkeypatch.setattr(holiday_codes, "SUBDIVISIONS", {})
    assert holidays.subdivisions("SE") == holiday_package.package_subdivisions("SE")
    assert holidays.subdivisions("SE") is not None
