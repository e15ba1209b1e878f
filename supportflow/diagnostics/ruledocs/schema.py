"""E1xx: the shape of each file, checked against the policy JSON Schema."""

from supportflow.diagnostics.catalogue import declare

UNKNOWN_KEY = declare(
    "E101",
    title="Unknown key",
    description="""
    The key is not part of the policy language at this place. A misspelt key
    would otherwise be ignored silently, so every key must be one the schema
    knows.
    """,
    hint="Check the spelling; `supportflow schema` lists every key.",
    bad="""
    calendars:
      office:
        timezone: Europe/Stockholm
        hour: mon-fri 08:00-17:00
    """,
    good="""
    calendars:
      office:
        timezone: Europe/Stockholm
        hours: mon-fri 08:00-17:00
    """,
)

MISSING_KEY = declare(
    "E102",
    title="Missing required key",
    description="""
    Something the policy needs is absent: a calendar without a time zone cannot
    say when it is open, a channel without a kind cannot be routed.
    """,
    hint="Add the key.",
    bad="""
    calendars:
      office:
        hours: mon-fri 08:00-17:00
    """,
    good="""
    calendars:
      office:
        timezone: Europe/Stockholm
        hours: mon-fri 08:00-17:00
    """,
)

WRONG_TYPE = declare(
    "E103",
    title="Wrong type of value",
    description="""
    The value is of the wrong kind: a list where a mapping belongs, a number
    where text belongs.
    """,
    hint="Write the value in the form the schema expects.",
    bad="""
    languages: en
    """,
    good="""
    languages: [en]
    """,
)

NOT_ALLOWED = declare(
    "E104",
    title="Value not allowed",
    description="""
    The value must be one of a fixed set, such as a channel kind or a team tier.
    """,
    hint="Use one of the listed values.",
    bad="""
    channels:
      web:
        kind: website
    """,
    good="""
    channels:
      web:
        kind: ticket_portal
    """,
)

BAD_FORMAT = declare(
    "E105",
    title="Badly formed value",
    description="""
    The value has the right type but the wrong shape: an id with spaces, a
    language code that is not BCP 47, a date that is not YYYY-MM-DD, an empty
    list where one entry is needed. For an id the message names the character
    that breaks it, with its Unicode name and where it is (a Cyrillic letter
    drawn like a Latin one, an accented letter, a dash from a word processor),
    and suggests the id that was probably meant; for a holiday code it says
    how to write it (`SE`, not `se`).
    """,
    hint="Write the value in the documented shape.",
    bad="""
    languages: [English]
    """,
    good="""
    languages: [en]
    """,
)
