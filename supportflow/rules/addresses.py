"""Addresses customers follow: only https:, mailto: and tel: may become links."""

from __future__ import annotations

import re
from collections.abc import Iterator

from supportflow.diagnostics.catalogue import RuleDoc
from supportflow.diagnostics.findings import Finding, Location
from supportflow.diagnostics.ruledocs.matrix import UNSAFE_ADDRESS
from supportflow.model import Policy
from supportflow.rules.check import rule

SAFE_SCHEMES = frozenset({"https", "mailto", "tel"})
# Browsers drop ASCII tabs, newlines and other controls inside a URL, so
# "java\tscript:" is still javascript:; they are removed before the scheme is read.
_CONTROLS = re.compile(r"[\x00-\x20\x7f]+")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")


def unsafe_scheme(address: str) -> str | None:
    """The scheme of ``address`` when it is one a link must not carry, else None."""
    found = _SCHEME.match(_CONTROLS.sub("", address))
    if found is None or found.group(1).lower() in SAFE_SCHEMES:
        return None
    return found.group(1).lower()


def _addresses(policy: Policy) -> Iterator[tuple[str, str, Location]]:
    """(what, address, where) for every address the help center may link to."""
    for channel in policy.channels.values():
        if channel.address:
            yield f"channel '{channel.id}'", channel.address, channel.where
    for product in policy.products.values():
        for portal in product.portals:
            if portal.address:
                yield f"portal '{portal.name}' of '{product.id}'", portal.address, product.where
    organization = policy.organization
    if organization is not None:
        for key in ("website", "status_page", "help_center"):
            value = getattr(organization, key)
            if value:
                yield f"organization {key}", value, organization.where


@rule(UNSAFE_ADDRESS)
def check_address_schemes(policy: Policy, doc: RuleDoc) -> Iterator[Finding]:
    for what, address, where in _addresses(policy):
        scheme = unsafe_scheme(address)
        if scheme is not None:
            yield doc.finding(f"{what} has a '{scheme}:' address, which is never linked", where)
