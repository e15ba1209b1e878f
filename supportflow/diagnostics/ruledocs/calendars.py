"""E3xx: calendars: time zones, opening hours, dates, holidays, business days."""

from supportflow.diagnostics.catalogue import declare

UNKNOWN_ZONE = declare(
    "E301",
    title="Unknown time zone",
    description="""
    Opening hours are wall-clock times in an IANA time zone, such as
    Europe/Helsinki. A fixed offset such as UTC+2 is not a time zone: it
    would ignore summer time.
    """,
    hint="Use an IANA zone name such as Europe/Stockholm, Europe/Helsinki or Asia/Riyadh.",
    bad="""
    calendars:
      fi-office:
        timezone: UTC+2
        hours: mon-fri 08:00-16:00
    """,
    good="""
    calendars:
      fi-office:
        timezone: Europe/Helsinki
        hours: mon-fri 08:00-16:00
    """,
)

BAD_HOURS = declare(
    "E302",
    title="Malformed opening hours",
    description="""
    Hours are written as days then times: `mon-fri 08:00-17:00`, split days
    as `mon-fri 08:00-12:00, 13:00-17:00`, more groups after `;`, overnight
    as `mon-fri 22:00-06:00`, or `24/7`. The same short form works on the
    command line.
    """,
    hint="Write hours like 'mon-fri 08:00-17:00'.",
    bad="""
    calendars:
      office:
        timezone: Europe/Stockholm
        hours: mon-fri 8-25
    """,
    good="""
    calendars:
      office:
        timezone: Europe/Stockholm
        hours: mon-fri 08:00-17:00
    """,
)

OVERLAPPING_SHIFTS = declare(
    "E303",
    title="Overlapping shifts",
    description="""
    Two shifts of one calendar cover the same hour, often an overnight shift
    running into the next day's opening, or a day listed in two groups. The
    intended hours are unclear, and business time would be counted once
    where the author may have meant something else.
    """,
    hint="Make the shifts meet end to start, or merge them into one.",
    bad="""
    calendars:
      office:
        timezone: Europe/Stockholm
        hours: mon-fri 08:00-17:00; fri 16:00-20:00
    """,
    good="""
    calendars:
      office:
        timezone: Europe/Stockholm
        hours: mon-thu 08:00-17:00; fri 08:00-20:00
    """,
)

BAD_DATE = declare(
    "E304",
    title="Invalid date",
    description="""
    Closed, open and special dates must be real calendar dates in the form
    YYYY-MM-DD.
    """,
    hint="Write a real date as YYYY-MM-DD.",
    bad="""
    calendars:
      office:
        timezone: Europe/Stockholm
        hours: mon-fri 08:00-17:00
        closed: [2026-02-30]
    """,
    good="""
    calendars:
      office:
        timezone: Europe/Stockholm
        hours: mon-fri 08:00-17:00
        closed: [2026-02-28]
    """,
)

UNKNOWN_HOLIDAYS = declare(
    "E305",
    title="Unknown holiday calendar",
    description="""
    Public holidays come from the `holidays` package, by ISO 3166 country
    code and optionally a subdivision (SE, DE-BY). A code it does not know
    would leave the calendar open on every holiday.
    """,
    hint="Use a country code the holidays package supports, e.g. SE, FI, SA, NL, NO.",
    bad="""
    calendars:
      office:
        timezone: Europe/Stockholm
        hours: mon-fri 08:00-17:00
        holidays: SW
    """,
    good="""
    calendars:
      office:
        timezone: Europe/Stockholm
        hours: mon-fri 08:00-17:00
        holidays: SE
    """,
)

BAD_BUSINESS_DAY = declare(
    "E307",
    title="Unclear business day",
    description="""
    "1 business day" must say what it means: a number of business hours
    (`8h`) or `same time next business day`. Helpdesks disagree here, so the
    policy decides.
    """,
    hint="Write '8h' (or another number of hours) or 'same time next business day'.",
    bad="""
    calendars:
      office:
        timezone: Europe/Stockholm
        hours: mon-fri 08:00-17:00
        business_day: one day
    """,
    good="""
    calendars:
      office:
        timezone: Europe/Stockholm
        hours: mon-fri 08:00-17:00
        business_day: 9h
    """,
)

LEGACY_ZONE = declare(
    "W308",
    title="Legacy or fixed-offset time zone",
    description="""
    The zone exists in the IANA database only for backward compatibility
    (CET, EST5EDT) or as a fixed offset (Etc/GMT-2). Legacy names are links
    whose meaning has changed between tzdata releases, and a fixed offset
    ignores summer time. A region zone says where the team works.
    """,
    hint="Use the region's zone, e.g. Europe/Stockholm for CET, America/New_York for EST5EDT.",
    bad="""
    calendars:
      office:
        timezone: CET
        hours: mon-fri 08:00-17:00
    """,
    good="""
    calendars:
      office:
        timezone: Europe/Stockholm
        hours: mon-fri 08:00-17:00
    """,
)
