"""What one product page says in one language, as plain values for the templates.

Everything locale-dependent that CLDR knows (language names, weekdays, times,
zones, dates, durations) is formatted here with Babel; the sentences around the
values are UI strings in the templates' gettext catalogs; policy text is passed
through as written and escaped by the template.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any

from babel.dates import format_date

from supportflow.build.site.channel_hours import channel_hours
from supportflow.build.site.closures import closures
from supportflow.build.site.hours import days_text, is_always_open, openings, time_text, zone_text
from supportflow.build.site.links import Link, channel_link
from supportflow.build.site.translations import PageLanguage, page_language
from supportflow.businesstime.spec import CalendarSpec
from supportflow.model import Calendar, Channel, MatrixCell, Policy, Product


@dataclass(frozen=True)
class HoursText:
    """A calendar's weekly hours in one locale; ``always`` for 24/7."""

    always: bool
    openings: tuple[dict[str, Any], ...]
    zone: str


@dataclass(frozen=True)
class HoursRow:
    """One language of the product: its hours and, per channel column, its status."""

    language: PageLanguage
    name: str
    hours: HoursText
    statuses: tuple[str, ...]  # "available", "coming_soon" or "" per channel column
    note: str | None


@dataclass(frozen=True)
class Reach:
    """How to reach one channel in the page's language."""

    channel: Channel
    link: Link | None
    hours: HoursText | None
    coming_soon: bool
    accepts: tuple[str, ...]
    # Hours that differ for some request types: (request type names, hours).
    special_hours: tuple[tuple[str, HoursText], ...] = ()


@dataclass
class ProductPage:
    language: PageLanguage
    product: Product
    rows: list[HoursRow]
    columns: list[Channel]
    reach: list[Reach]
    has_own_cell: bool
    closures: list[dict[str, Any]] = field(default_factory=list)


def hours_text(calendar: Calendar, language: PageLanguage) -> HoursText:
    return _hours_text(calendar.spec, language.code)


@cache
def _hours_text(spec: CalendarSpec, code: str) -> HoursText:
    """Cached per calendar and language: every product page of a language shows the same."""
    locale = page_language(code).locale
    if is_always_open(spec):
        return HoursText(True, (), "")
    return HoursText(
        False,
        tuple(
            {
                "days": days_text(o.days, locale),
                "opens": time_text(o.opens, locale),
                "closes": time_text(o.closes, locale),
                "opens_iso": o.opens_iso,
                "closes_iso": o.closes_iso,
                "overnight": o.overnight,
            }
            for o in openings(spec)
        ),
        zone_text(spec.timezone, locale),
    )


def language_name(code: str, language: PageLanguage) -> str:
    """A language's name in the page's language ('Swedish', 'schwedisch' → 'Schwedisch')."""
    return _language_name(code, language.code)


@cache
def _language_name(code: str, page_code: str) -> str:
    name = page_language(code).locale.get_display_name(page_language(page_code).locale) or code
    return name[:1].upper() + name[1:]


def cells_by_product(policy: Policy) -> dict[str, list[MatrixCell]]:
    """The support-matrix cells of each product, in the order they are written."""
    found: dict[str, list[MatrixCell]] = {product_id: [] for product_id in policy.products}
    for cell in policy.support_matrix:
        found.setdefault(cell.product.id, []).append(cell)
    return found


def channel_columns(policy: Policy, cells: list[MatrixCell]) -> list[Channel]:
    """The channels any of ``cells`` offers or announces, in the policy's channel order."""
    used = {ref.id for cell in cells for ref in (*cell.available, *cell.coming_soon)}
    return [channel for channel in policy.channels.values() if channel.id in used]


def build_page(
    product: Product,
    cells: list[MatrixCell],
    columns: list[Channel],
    language: PageLanguage,
    as_of: date,
) -> ProductPage:
    """The page of ``product`` in ``language``; ``cells`` and ``columns`` are the product's."""
    rows = []
    own: MatrixCell | None = None
    for cell in cells:
        calendar = cell.calendar.target
        if calendar is None:
            continue
        if cell.language.id == language.code:
            own = cell
        available = {ref.id for ref in cell.available}
        soon = {ref.id for ref in cell.coming_soon}
        statuses = tuple(
            "available" if c.id in available else "coming_soon" if c.id in soon else ""
            for c in columns
        )
        rows.append(
            HoursRow(
                page_language(cell.language.id),
                language_name(cell.language.id, language),
                hours_text(calendar, language),
                statuses,
                cell.note,
            )
        )
    page = ProductPage(language, product, rows, columns, [], own is not None)
    if own is not None:
        page.reach = _reach(own, language)
    page.closures = _closures(cells, language, as_of)
    return page


def _reach(cell: MatrixCell, language: PageLanguage) -> list[Reach]:
    """The channels of the page's own language: address, hours, what they take."""
    found = []
    for refs, soon in ((cell.available, False), (cell.coming_soon, True)):
        for ref in refs:
            channel = ref.target
            if channel is None:
                continue
            hours = channel_hours(cell, channel)
            accepts = tuple(r.target.name for r in channel.accepts or () if r.target is not None)
            found.append(
                Reach(
                    channel,
                    channel_link(channel),
                    hours_text(hours.default, language) if hours.default is not None else None,
                    soon,
                    accepts,
                    tuple(
                        (", ".join(types), hours_text(calendar, language))
                        for types, calendar in hours.by_request_type
                    ),
                )
            )
    return found


def _closures(cells: list[MatrixCell], language: PageLanguage, as_of: date) -> list[dict[str, Any]]:
    """Per calendar of the product, which languages it serves and the days it closes."""
    by_calendar: dict[str, tuple[Calendar, list[str]]] = {}
    for cell in cells:
        calendar = cell.calendar.target
        if calendar is None:
            continue
        entry = by_calendar.setdefault(calendar.id, (calendar, []))
        entry[1].append(language_name(cell.language.id, language))
    found = []
    for calendar, languages in by_calendar.values():
        days = _closure_days(calendar.spec, as_of, language.code)
        if days:
            found.append({"calendar": calendar, "languages": languages, "days": days})
    return found


@cache
def _closure_days(spec: CalendarSpec, as_of: date, code: str) -> tuple[dict[str, Any], ...]:
    """Cached per calendar and language: every product page of a language lists the same."""
    language = page_language(code)
    return tuple(
        {
            "iso": c.day.isoformat(),
            "text": format_date(c.day, "full", locale=language.locale),
            "name": c.name,
        }
        for c in closures(spec, as_of, language.locale.language)
    )
