"""Near misses: the known name that a mistyped one was most probably meant to be."""

from __future__ import annotations

from collections.abc import Iterable


def closest(word: str, known: Iterable[str]) -> str | None:
    """The known name most like ``word`` (``difflib``'s ratio at least 0.6), or None."""
    from difflib import get_close_matches  # here: only a policy with a typo needs difflib

    close = get_close_matches(word, list(known), n=1)
    return close[0] if close else None


def near_miss_hint(word: str, known: Iterable[str], otherwise: str = "") -> str:
    """The hint "Did you mean 'x'?" for a near miss, else ``otherwise``."""
    match = closest(word, known)
    return f"Did you mean '{match}'?" if match is not None else otherwise
