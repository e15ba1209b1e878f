"""E0xx: reading policy files: YAML, UTF-8, size limits, includes, apiVersion."""

from supportflow.diagnostics.catalogue import declare

# The one version of the policy language this supportflow reads.
SUPPORTED_API_VERSION = "supportflow/v1"

UNREADABLE = declare(
    "E001",
    title="File cannot be read",
    description="""
    A policy file was found but could not be read: no permission, a broken
    symlink, or something that is not a regular file (a pipe or a device).
    """,
    hint="Check the file's permissions, or remove it from the policy folder.",
    bad="""
    # teams.yaml is a symlink to a file that was deleted
    include: [teams.yaml]
    """,
    good="""
    include: [teams.yaml]   # teams.yaml is a readable file
    """,
)

TOO_LARGE = declare(
    "E002",
    title="Input exceeds a size limit",
    description="""
    A file is larger than the loader reads (1 MB by default), or the policy has
    more files than it loads (1,000). Policies are a few kilobytes per file;
    input this large is the wrong folder or generated data, and reading it all
    would only make the real findings slow to arrive.
    """,
    hint="Point supportflow at the policy folder, or split and trim the file.",
    bad="""
    # notes.yaml: 40 MB of exported tickets pasted under one key
    notes: ...
    """,
    good="""
    # keep tickets out of the policy; link to them instead
    notes: https://helpdesk.example.com/exports
    """,
)

NOT_TEXT = declare(
    "E003",
    title="File is not UTF-8 text",
    description="""
    Policy files must be UTF-8 text (a byte order mark at the start is fine).
    Other encodings and control characters make YAML parsers disagree on what
    the file says, so the loader refuses them and points at the first bad byte.
    """,
    hint="Save the file as UTF-8 text, without control characters.",
    bad="""
    # saved as Latin-1, so the é below is the byte 0xE9, which is not UTF-8
    organization: {name: Café Support}
    """,
    good="""
    organization: {name: Café Support}
    """,
)

TAB_INDENT = declare(
    "E004",
    title="Tab used for indentation",
    description="""
    YAML indents with spaces only. Editors show tabs at different widths, so a
    tab would make the structure depend on the reader's settings.
    """,
    hint="Replace the tabs at the start of the line with spaces.",
    bad="""
    teams:
    \tfirst-line: {tier: first_line}
    """,
    good="""
    teams:
      first-line: {tier: first_line}
    """,
)

SYNTAX = declare(
    "E005",
    title="Invalid YAML",
    description="""
    The file is not valid YAML, so nothing in it can be checked. The location
    is where the parser gave up; the cause is often a line or two above it (an
    unclosed quote or bracket, or a line indented one space too far).
    """,
    hint="Check the indentation and quoting at and just above this line.",
    bad="""
    channels:
      email: {kind: email
    """,
    good="""
    channels:
      email: {kind: email}
    """,
)

EMPTY = declare(
    "E006",
    title="Empty file",
    description="""
    The file holds no data (it is empty or has only comments). An empty policy
    file is usually a mistake, such as a file saved before it was written.
    """,
    hint="Add the policy, or delete the file.",
    bad="""
    # teams go here
    """,
    good="""
    apiVersion: supportflow/v1
    teams:
      first-line: {tier: first_line}
    """,
)

MULTI_DOC = declare(
    "E007",
    title="More than one YAML document",
    description="""
    A file holds one policy document. A second document (after a second `---`)
    would be ignored by many tools, so it is refused instead; split it into its
    own file.
    """,
    hint="Move the second document into a file of its own.",
    bad="""
    apiVersion: supportflow/v1
    teams: {}
    ---
    apiVersion: supportflow/v1
    channels: {}
    """,
    good="""
    apiVersion: supportflow/v1
    teams: {}
    channels: {}
    """,
)

NOT_MAPPING = declare(
    "E008",
    title="Top level is not a mapping",
    description="""
    A policy file is a mapping of sections (`apiVersion:`, `teams:`, ...). A
    list or a single value at the top level cannot be a policy.
    """,
    hint="Start the file with `apiVersion: supportflow/v1` and put sections under keys.",
    bad="""
    - first-line
    - second-line
    """,
    good="""
    apiVersion: supportflow/v1
    teams:
      first-line: {tier: first_line}
    """,
)

TOO_DEEP = declare(
    "E009",
    title="Nesting too deep",
    description="""
    Values are nested deeper than the loader allows (64 levels by default,
    counting aliases as expanded). No policy needs that; such input is broken
    or hostile, and walking it could exhaust the stack.
    """,
    hint="Flatten the structure; the policy language never nests more than a few levels.",
    bad=f"notes: {'[' * 65}x{']' * 65}",
    good="""
    notes: [x]
    """,
)

DUPLICATE_KEY = declare(
    "E010",
    title="Duplicate key",
    description="""
    The same key appears twice in one mapping. YAML parsers disagree on which
    value wins (most silently keep the last), so a duplicate is an error; the
    loader keeps the first value and reports the second.
    """,
    hint="Remove one of the two, or merge their contents.",
    bad="""
    channels:
      email: {kind: email}
      email: {kind: chat}
    """,
    good="""
    channels:
      email: {kind: email}
      chat: {kind: chat}
    """,
)

COMPLEX_KEY = declare(
    "E011",
    title="Key is not a plain value",
    description="""
    Keys must be text. Scalar keys are taken as the text written (`1:` is the
    key "1", `no:` is "no"), but a list, a mapping or an alias used as a key has
    no text form, so the entry is dropped and reported.
    """,
    hint="Use a plain word or a quoted string as the key.",
    bad="""
    ? [email, chat]
    : {kind: email}
    """,
    good="""
    email: {kind: email}
    """,
)

BAD_TAG = declare(
    "E012",
    title="Unsupported YAML tag",
    description="""
    Tags such as `!!python/object` ask a YAML library to build program objects,
    which is unsafe, and other tags (`!!timestamp`, `!!binary`, custom `!tags`)
    mean nothing in a policy. Only `!!str` (to force text), `!!map` and `!!seq`
    are accepted.
    """,
    hint="Remove the tag; quote the value if it must stay text.",
    bad="""
    organization: !!python/object:os.system {name: Acme}
    """,
    good="""
    organization: {name: Acme}
    """,
)

MERGE_KEY = declare(
    "E013",
    title="Merge key is not supported",
    description="""
    `<<` merge keys were dropped from YAML 1.2 and make a mapping silently gain
    keys from another place, so duplicate-key checks cannot see them. Aliases of
    whole values (`hours: *office_hours`) are fine.
    """,
    hint="Write the keys out, or alias a whole value instead of merging.",
    bad="""
    calendars:
      base: &base {timezone: Europe/Oslo}
      oslo:
        <<: *base
        hours: mon-fri 08:00-16:00
    """,
    good="""
    calendars:
      oslo:
        timezone: Europe/Oslo
        hours: mon-fri 08:00-16:00
    """,
)

TOO_BIG = declare(
    "E014",
    title="Too many values after alias expansion",
    description="""
    The file has, or expands through aliases to, more values than the loader
    allows (200,000 by default), or uses aliases more than 1,000 times. A few
    kilobytes of nested aliases can expand to gigabytes (the "billion laughs"
    attack), so expansion is counted as it happens and stopped at the limit.
    """,
    hint="Write the repeated values out, or use fewer, smaller aliases.",
    bad="""
    a: &a [x, x, x, x, x, x, x, x, x, x]
    b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
    c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
    # ... and so on, each level ten times the last
    """,
    good="""
    hours: &office mon-fri 08:00-17:00
    support_hours: *office
    """,
)

BAD_NUMBER = declare(
    "E015",
    title="Number is infinite, not a number or too long",
    description="""
    `.inf`, `.nan`, numbers too large for a float and integers of thousands of
    digits have no use in a policy and cannot be written to JSON, so they are
    refused rather than passed on.
    """,
    hint="Use an ordinary number, or quote the value if it is text.",
    bad="""
    priorities:
      p4: {response: .inf}
    """,
    good="""
    priorities:
      p4: {response: 5d}
    """,
)

MISSING_API_VERSION = declare(
    "E016",
    title="Missing apiVersion",
    description="""
    Every policy file says which version of the policy language it is written
    in, so that a later version can change the language without old files
    being misread. The file is still checked as `supportflow/v1`.
    """,
    hint=f"Add `apiVersion: {SUPPORTED_API_VERSION}` as the first line.",
    bad="""
    teams:
      first-line: {tier: first_line}
    """,
    good=f"""
    apiVersion: {SUPPORTED_API_VERSION}
    teams:
      first-line: {{tier: first_line}}
    """,
)

UNSUPPORTED_API_VERSION = declare(
    "E017",
    title="Unsupported apiVersion",
    description="""
    The file is written for a version of the policy language this supportflow
    does not know, so its contents cannot be read reliably and are not checked.
    """,
    hint=f"This supportflow supports apiVersion `{SUPPORTED_API_VERSION}` only.",
    bad="""
    apiVersion: supportflow/v2
    """,
    good=f"""
    apiVersion: {SUPPORTED_API_VERSION}
    """,
)

OUTSIDE_ROOT = declare(
    "E018",
    title="Path outside the policy folder",
    description="""
    A policy is the folder it lives in. An include that is absolute, climbs out
    with `..` or leads outside through a symlink (of a file or a folder), and a
    symlink in the policy folder that points outside it, would make the policy
    depend on files elsewhere on the machine, which CI and colleagues do not
    have. They are reported and not followed.
    """,
    hint="Copy the file into the policy folder, or include it by a path inside it.",
    bad="""
    include: [../shared/hours.yaml]
    """,
    good="""
    include: [shared/hours.yaml]
    """,
)

BAD_INCLUDE = declare(
    "E019",
    title="Include cannot be followed",
    description="""
    `include:` is a list of paths relative to the including file; each may be a
    glob such as `teams/*.yaml`. A path that does not exist, a glob that matches
    no policy file, a folder, or an entry that is not a path is reported here.
    """,
    hint="Fix the path (it is relative to this file), or remove the entry.",
    bad="""
    include: [team.yaml]   # the file is called teams.yaml
    # teams.yaml
    teams: {}
    """,
    good="""
    include: [teams.yaml]
    # teams.yaml
    teams: {}
    """,
)
