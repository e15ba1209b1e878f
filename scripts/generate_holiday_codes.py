"""Write supportflow/businesstime/holiday_codes.py: every country and subdivision code.

`supportflow validate` checks `holidays: DE-BY` against this table instead of
importing the holidays package (~70 ms). Run this after upgrading holidays;
tests/test_holiday_codes.py checks the table against the installed release.

    python scripts/generate_holiday_codes.py
"""

from __future__ import annotations

from pathlib import Path

from supportflow.businesstime.holiday_package import (
    installed_version,
    package_countries,
    package_subdivisions,
)

OUTPUT = (
    Path(__file__).resolve().parent.parent / "supportflow" / "businesstime" / "holiday_codes.py"
)


def render() -> str:
    """The table module for the installed holidays release."""
    rows = []
    for country in package_countries():
        codes = package_subdivisions(country) or ()
        rows.append(f'    "{country}": ({"".join(f"{code!r}, " for code in codes)}),')
    return "\n".join(
        [
            '"""Country and subdivision codes of the holidays package. Generated: do not edit.',
            "",
            "Regenerate with `python scripts/generate_holiday_codes.py`; used only while",
            "HOLIDAYS_VERSION is the installed release.",
            '"""',
            "",
            "# ruff: noqa",
            "# fmt: off",
            "",
            f"HOLIDAYS_VERSION = {installed_version()!r}",
            "",
            "SUBDIVISIONS: dict[str, tuple[str, ...]] = {",
            *rows,
            "}",
            "",
        ]
    )


def main() -> None:
    OUTPUT.write_text(render(), encoding="utf-8")
    print(f"wrote {OUTPUT.name}")


if __name__ == "__main__":
    main()
