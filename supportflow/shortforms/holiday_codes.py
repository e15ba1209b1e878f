"""Holiday codes (``SE``, ``DE-BY``), read the same way for ``holidays:`` and ``due --holidays``.

:func:`parse_holiday_code` checks the form and refuses lower case, as the policy
schema does, with a message that says what to write. :func:`holiday_problem`
asks the holidays package whether the code exists and, for an unknown
subdivision, lists the ones that do.
"""

from __future__ import annotations

import re

from supportflow.businesstime.holiday_package import country_code
from supportflow.businesstime.holidays import source_problem, subdivisions
from supportflow.businesstime.spec import HolidaySource
from supportflow.diagnostics.ruledocs.calendars import UNKNOWN_HOLIDAYS
from supportflow.shortforms.errors import Problem, ShortFormError

_CODE = re.compile(r"([A-Za-z]{2})(?:-([A-Za-z0-9]{1,3}))?")
_SUBDIVISION = re.compile(r"[A-Z0-9]{1,3}")
CAPITALS_HINT = "Holiday codes are ISO 3166 codes in capitals, such as SE or DE-BY."
FORM_HINT = "Write a country code such as SE, or a country and subdivision such as DE-BY."


def parse_holiday_code(text: str) -> HolidaySource:
    """'SE' or 'DE-BY' as a holiday source; anything else raises ShortFormError."""
    stripped = text.strip()
    lead = len(text) - len(text.lstrip())
    match = _CODE.fullmatch(stripped)
    if match is None:
        code = country_code(stripped)
        hint = f"Write {code}, the country's code." if code else FORM_HINT
        raise ShortFormError(f"{text!r} is not a holiday code", lead, hint)
    lower = next((i for i, char in enumerate(stripped) if char.islower()), None)
    if lower is not None:
        raise ShortFormError(
            f"holiday codes are upper case: write {stripped.upper()!r}",
            lead + lower,
            CAPITALS_HINT,
        )
    return HolidaySource(match[1], match[2])


def holiday_problem(source: HolidaySource) -> Problem | None:
    """Why the holidays package cannot serve ``source``, or None when it can."""
    problem = source_problem(source)
    if not problem:
        return None
    listed = subdivisions(source.country)
    if source.subdivision is None or listed is None:
        return Problem(UNKNOWN_HOLIDAYS, problem, UNKNOWN_HOLIDAYS.hint)
    written = f"{source.country}-{source.subdivision}"
    known = [code for code in listed if _SUBDIVISION.fullmatch(code)]
    if not known:
        return Problem(
            UNKNOWN_HOLIDAYS,
            f"{written}: the holidays package has no subdivisions of {source.country}",
            f"Write {source.country} alone.",
        )
    return Problem(
        UNKNOWN_HOLIDAYS,
        f"{written}: {source.country} has no subdivision {source.subdivision!r}"
        f" (its subdivisions: {', '.join(known)})",
        f"Write one of them, e.g. {source.country}-{known[0]}, or {source.country} alone"
        " for the national holidays.",
    )
