"""The short forms people write, in YAML and on the command line alike.

One grammar, one parser each: hours (``mon-fri 08:00-17:00``), durations
(``1h30m``, ``PT1H30M``), target lengths (``2 business days``) and retention periods
(``24mo``, ``P2Y``). They parse
text into the business-time engine's plain values and raise
:class:`ShortFormError` with the offset of the offending character.
"""

from supportflow.shortforms.durations import MAX_DURATION, format_duration, parse_duration
from supportflow.shortforms.errors import ShortFormError
from supportflow.shortforms.hours import parse_day_hours, parse_hours
from supportflow.shortforms.periods import Period, parse_period
from supportflow.shortforms.targets import (
    MAX_BUSINESS_DAYS,
    Clock,
    parse_business_day,
    parse_target_length,
)

__all__ = [
    "MAX_BUSINESS_DAYS",
    "MAX_DURATION",
    "Clock",
    "Period",
    "ShortFormError",
    "format_duration",
    "parse_business_day",
    "parse_day_hours",
    "parse_duration",
    "parse_hours",
    "parse_period",
    "parse_target_length",
]
