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

ZONE_ALIAS = declare(
    "W309",
    title="Old alias of a time zone",
    description="""
    The zone is an old name that the IANA database keeps only as an alias
    (US/Eastern for America/New_York, Asia/Calcutta for Asia/Kolkata,
    Europe/Kiev for Europe/Kyiv). It works today, but aliases are
    packaged separately on some systems (Debian's tzdata-legacy) and can be
    missing on a fresh machine, where the policy would then stop loading.
    """,
    hint="Use the zone the alias points to, e.g. America/New_York for US/Eastern.",
    bad="""
    calendars:
      us-office:
        timezone: US/Eastern
        hours: mon-fri 09:00-17:00
    """,
    good="""
    calendars:
      us-office:
        timezone: America/New_York
        hours: mon-fri 09:00-17:00
    """,
)

SWAPPED_SHIFT = declare(
    "W310",
    title="Overnight shift that is probably swapped",
    description="""
    A shift whose end is before its start runs overnight: `17:30-08:30` is
    open fifteen hours, from the evening to the next morning. An office day
    written end first always reads as an overnight shift of more than half a
    day; when such a shift sits on a calendar whose other shifts are daytime
    shifts, or is longer than the business day, `08:30-17:30` was probably
    meant. A night shift that starts when a day shift ends (or ends when one
    starts) is deliberate round-the-clock cover and is not reported.
    """,
    hint="Write the start first (08:30-17:30); a night shift is written 22:00-06:00.",
    bad="""
    calendars:
      office:
        timezone: Europe/Stockholm
        hours: mon-thu 08:30-17:30; fri 17:30-08:30
    """,
    good="""
    calendars:
      office:
        timezone: Europe/Stockholm
        hours: mon-fri 08:30-17:30
    """,
)

LONG_BUSINESS_DAY = declare(
    "W311",
    title="Business day longer than any day's opening hours",
    description="""
    `business_day: 12h` on a calendar open 08:00-16:00 means "1 business
    day" is a day and a half of opening hours: a ticket due in one business
    day spills into the next day. The business day is usually the length of
    one day's opening hours.
    """,
    hint="Set business_day to the hours of one day, or to 'same time next business day'.",
    bad="""
    calendars:
      office:
        timezone: Europe/Stockholm
        hours: mon-fri 08:00-16:00
        business_day: 12h
    """,
    good="""
    calendars:
      office:
        timezone: Europe/Stockholm
        hours: mon-fri 08:00-16:00
        business_day: 8h
    """,
)

REPEATED_DAY = declare(
    "W312",
    title="Day listed twice with the same hours",
    description="""
    One calendar gives a day the hours it already has, as in
    `mon-fri 08:00-20:00; fri 08:00-20:00`. The repeat changes nothing, so
    the author usually meant another day (`sat`). A repeat with different
    hours that overlap is reported as overlapping shifts (E303) instead.
    """,
    hint="List each day once; if another day was meant, name that day.",
    bad="""
    calendars:
      office:
        timezone: Europe/Stockholm
        hours: mon-fri 08:00-20:00; fri 08:00-20:00
    """,
    good="""
    calendars:
      office:
        timezone: Europe/Stockholm
        hours: mon-fri 08:00-20:00; sat 08:00-20:00
    """,
)
