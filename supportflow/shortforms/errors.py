"""The error every short-form parser raises, with the offset of the culprit."""

from __future__ import annotations


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
