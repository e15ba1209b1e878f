"""E8xx: data protection: redaction and retention."""

from supportflow.diagnostics.catalogue import declare

BAD_REDACTION_PATTERN = declare(
    "E801",
    title="Redaction pattern does not compile",
    description="""
    Redaction patterns are regular expressions (Python syntax). One that
    does not compile would redact nothing, and sensitive data would stay
    readable.
    """,
    hint="Fix the regular expression; quote it with single quotes so backslashes stay as written.",
    bad="""
    data_protection:
      redaction:
        - name: Passwords
          pattern: '(?i)password\\s*[:=\\s*\\S+'
    """,
    good="""
    data_protection:
      redaction:
        - name: Passwords
          pattern: '(?i)password\\s*[:=]\\s*\\S+'
    """,
)

RETENTION_WITHOUT_PERIOD = declare(
    "E802",
    title="Retention rule without a usable period",
    description="""
    A retention rule that deletes data some time after a status or after
    inactivity needs that time, written as a calendar period such as `730d`,
    `24mo`, `2y` or ISO 8601 `P2Y`; without it nothing can ever be deleted on
    schedule. Months and years keep their calendar meaning (the same date two
    years later). `24M` is refused: write `24mo` for months or `24m` for
    minutes. A period over 100 years is a typo.
    """,
    hint="Add `after:` with a period such as 2y, 24mo or 365d.",
    bad="""
    data_protection:
      retention:
        - {data: user_accounts, condition: inactive, delete: delete}
    """,
    good="""
    data_protection:
      retention:
        - {data: user_accounts, condition: inactive, after: 365d, delete: delete}
    """,
)

BACKSPACE_IN_PATTERN = declare(
    "E803",
    title="Redaction pattern holds a backspace where \\b was meant",
    description="""
    In a double-quoted YAML string `\\b` is an escape for the backspace
    character (U+0008), so `"\\bpassword\\b"` reaches the regular expression
    as backspace-password-backspace instead of word boundaries. The pattern
    then matches only text that contains backspaces, which tickets never do:
    nothing is redacted.
    """,
    hint="Quote the pattern with single quotes, so backslashes reach the regex as written.",
    bad="""
    data_protection:
      redaction:
        - name: Passwords
          pattern: "\\bpassword\\b"
    """,
    good="""
    data_protection:
      redaction:
        - name: Passwords
          pattern: '\\bpassword\\b'
    """,
)

EMPTY_MATCH_PATTERN = declare(
    "E804",
    title="Redaction pattern matches empty text",
    description="""
    A pattern that can match the empty string, such as `(password|passwd|)`
    with its empty last alternative or `\\d*`, finds a match of nothing at
    every position of every ticket. Redaction then inserts its replacement
    between every pair of characters, or, with the empty alternative tried
    last, misses what it was meant to hide.
    """,
    hint="Remove the empty alternative (the '|' before ')'), or use + instead of *.",
    bad="""
    data_protection:
      redaction:
        - name: Passwords
          pattern: '(password|passwd|)'
    """,
    good="""
    data_protection:
      redaction:
        - name: Passwords
          pattern: '(password|passwd)'
    """,
)
