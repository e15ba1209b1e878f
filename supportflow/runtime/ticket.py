"""A ticket as the runtime sees it, and the errors a runtime answers with instead of a guess."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from supportflow.diagnostics.suggestions import closest
from supportflow.frozen import frozen


class RuntimeInputError(ValueError):
    """A ticket or instant the runtime cannot answer for; the message is one line for users."""


class TicketError(RuntimeInputError):
    """The ticket names something the policy does not have or does not offer."""


class HorizonError(RuntimeInputError):
    """An instant outside the dates the runtime document carries closed days for."""


@frozen
class Ticket:
    """What routing and targets depend on; ``priority`` and ``severity`` may be unknown."""

    product: str
    language: str
    channel: str
    request_type: str | None
    priority: str | None = None
    severity: str | None = None

    @classmethod
    def from_mapping(cls, values: Mapping[str, str | None]) -> Ticket:
        """From a mapping with ``product``, ``language``, ``channel`` and ``type`` (or
        ``request_type``), and optionally ``priority`` and ``severity``."""
        missing = [key for key in ("product", "language", "channel") if not values.get(key)]
        if missing:
            raise TicketError(f"the ticket has no {', '.join(missing)}")
        return cls(
            product=str(values["product"]),
            language=str(values["language"]),
            channel=str(values["channel"]),
            request_type=values.get("type", values.get("request_type")),
            priority=values.get("priority"),
            severity=values.get("severity"),
        )


def did_you_mean(value: str, known: Iterable[str]) -> str:
    """' (did you mean 'x'?)' for a near miss, else ' (known: a, b, c)'; '' when none."""
    names = sorted(known)
    close = closest(value, names)
    if close is not None:
        return f" (did you mean {close!r}?)"
    return f" (known: {', '.join(names)})" if names else ""


def unknown(what: str, value: str, known: Iterable[str]) -> TicketError:
    return TicketError(f"unknown {what} {value!r}{did_you_mean(value, known)}")
