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
    inactivity needs that time, written as a length such as `730d` or `P90D`;
    without it nothing can ever be deleted on schedule.
    """,
    hint="Add `after:` with a length such as 365d.",
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
