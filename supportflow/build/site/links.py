"""Links a customer may follow: only https:, mailto: and tel: ever become an href.

Validation (rule E503) refuses other schemes; this is the second line: an
address that is not clearly one of the three is shown as text, not linked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from supportflow.model import Channel

_PHONE = re.compile(r"^\+?[0-9][0-9 ()./-]{2,30}$")
_EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$")
_HTTPS = re.compile(r"^https://[^\s\"'<>\\]+$", re.IGNORECASE)


@dataclass(frozen=True)
class Link:
    """What a customer sees (``text``) and where it goes (``href``, None when not linkable).

    ``kind`` names the schema.org property: telephone, email or url.
    """

    text: str
    href: str | None
    kind: str | None


def link_for(address: str, channel_kind: str | None = None) -> Link:
    """The link for a phone number, e-mail address or https address."""
    text = address.strip()
    lowered = text.lower()
    if lowered.startswith("tel:"):
        text = text[4:]
    elif lowered.startswith("mailto:"):
        text = text[7:]
    if _HTTPS.match(text):
        return Link(text, text, "url")
    if _EMAIL.match(text):
        return Link(text, f"mailto:{text}", "email")
    if _PHONE.match(text) and channel_kind in (None, "phone", "on_call"):
        digits = re.sub(r"[^0-9+]", "", text)
        return Link(text, f"tel:{digits}", "telephone")
    return Link(text, None, None)


def channel_link(channel: Channel) -> Link | None:
    """The channel's link, or None when it has no address."""
    if not channel.address:
        return None
    return link_for(channel.address, channel.kind)
