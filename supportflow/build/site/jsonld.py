"""schema.org structured data for a product page: the Organization and its ContactPoints.

One ContactPoint per language × available channel of the product, with the
channel's address as telephone, email or url and its hours as
OpeningHoursSpecification in the calendar's local time (24/7 is 00:00–23:59
every day). The JSON is made safe to sit inside a <script> element.
"""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup

from supportflow.build.site.channel_hours import channel_hours
from supportflow.build.site.hours import SCHEMA_DAYS, is_always_open, openings
from supportflow.build.site.links import channel_link
from supportflow.model import Calendar, Channel, MatrixCell, Policy, Product


def opening_hours(calendar: Calendar) -> list[dict[str, Any]]:
    """OpeningHoursSpecification entries for a calendar's weekly hours."""
    if is_always_open(calendar.spec):
        return [_spec(SCHEMA_DAYS, "00:00", "23:59")]
    return [
        _spec([SCHEMA_DAYS[d] for d in opening.days], opening.opens_iso, opening.closes_iso)
        for opening in openings(calendar.spec)
    ]


def _spec(days: Any, opens: str, closes: str) -> dict[str, Any]:
    return {
        "@type": "OpeningHoursSpecification",
        "dayOfWeek": [f"https://schema.org/{day}" for day in days],
        "opens": opens,
        "closes": "23:59" if closes == "24:00" else closes,
    }


def contact_point(channel: Channel, cell: MatrixCell) -> dict[str, Any]:
    """One language × channel: where to reach it and when."""
    point: dict[str, Any] = {
        "@type": "ContactPoint",
        "contactType": channel.name,
        "availableLanguage": cell.language.id,
    }
    link = channel_link(channel)
    if link is not None and link.kind is not None:
        point[link.kind] = link.text
    calendar = channel_hours(cell, channel).default
    if calendar is not None:
        point["hoursAvailable"] = opening_hours(calendar)
    return point


def organization(policy: Policy, product: Product, cells: list[MatrixCell]) -> dict[str, Any]:
    """The Organization with a ContactPoint per language × available channel of ``product``
    (``cells`` are the product's support-matrix cells)."""
    org = policy.organization
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": org.name if org is not None else product.name,
    }
    if org is not None and org.website and org.website.startswith("https://"):
        data["url"] = org.website
    points = []
    for cell in cells:
        for ref in cell.available:
            if ref.target is not None:
                points.append(contact_point(ref.target, cell))
    data["contactPoint"] = points
    return data


def script_json(data: dict[str, Any]) -> Markup:
    """JSON for a <script type="application/ld+json"> body: '<', '>' and '&' are escaped
    so no policy text can close the element."""
    text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)
