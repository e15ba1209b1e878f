"""The error every short-form parser raises, and the problems of values that did parse."""

from __future__ import annotations

from supportflow.diagnostics.catalogue import RuleDoc
from supportflow.frozen import frozen


class ShortFormError(ValueError):
    """A short-form text that does not parse; ``offset`` is the 0-based index of the problem."""

    def __init__(self, message: str, offset: int, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.offset = offset
        self.hint = hint

    def __str__(self) -> str:
        suffix = f" (hint: {self.hint})" if self.hint else ""
        return f"{self.message} at character {self.offset + 1}{suffix}"


@frozen
class Problem:
    """A value that parsed but is wrong or doubtful: the rule it breaks, what, and the fix.

    Resolve turns a problem into a located finding and the CLI into a warning or an
    error line, so a policy and a command line get the same answer for the same text.
    """

    rule: RuleDoc
    message: str
    hint: str
