"""E9xx: supportflow's own failures, reported instead of crashing."""

from supportflow.diagnostics.catalogue import declare

RULE_CRASHED = declare(
    "E900",
    title="A rule failed",
    description="""
    A rule raised an unexpected error on this policy. The other rules still
    ran. This is a bug in supportflow; please report it with the policy.
    """,
    hint="Report this with the policy that caused it.",
    bad="# any policy that makes a rule fail",
    good="# the same policy, once the bug is fixed",
)
