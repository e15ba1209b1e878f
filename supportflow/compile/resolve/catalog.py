"""Organization, languages, products, request types, channels and the support matrix."""

from __future__ import annotations

from collections.abc import Mapping

from supportflow.compile.merge import Entry, PolicySource
from supportflow.compile.resolve.context import listed_refs, optional_ref, optional_refs, ref
from supportflow.model import (
    Calendar,
    Channel,
    HoursOverride,
    Language,
    MatrixCell,
    Organization,
    Portal,
    Product,
    Ref,
    RequestType,
)


def organization(entry: Entry | None, languages: Mapping[str, Language]) -> Organization | None:
    if entry is None:
        return None
    value = entry.value
    return Organization(
        name=value["name"],
        where=entry.at(key=True),
        id=value.get("id"),
        description=value.get("description"),
        website=value.get("website"),
        status_page=value.get("status_page"),
        help_center=value.get("help_center"),
        default_language=optional_ref(entry.get("default_language"), languages),
    )


def languages(source: PolicySource) -> dict[str, Language]:
    return {code: Language(code, entry.at()) for code, entry in source.languages.items()}


def products(section: dict[str, Entry]) -> dict[str, Product]:
    return {
        product_id: Product(
            id=product_id,
            name=entry.value["name"],
            where=entry.at(key=True),
            description=entry.value.get("description"),
            portals=tuple(
                Portal(
                    name=p.value["name"],
                    where=p.at(),
                    purpose=p.value.get("purpose"),
                    address=p.value.get("address"),
                )
                for p in entry.each("portals")
            ),
        )
        for product_id, entry in section.items()
    }


def request_types(section: dict[str, Entry]) -> dict[str, RequestType]:
    return {
        type_id: RequestType(
            id=type_id,
            name=entry.value["name"],
            where=entry.at(key=True),
            description=entry.value.get("description"),
            required_information=tuple(entry.value.get("required_information", ())),
        )
        for type_id, entry in section.items()
    }


def channels(
    section: dict[str, Entry],
    types: Mapping[str, RequestType],
    calendars: Mapping[str, Calendar],
) -> dict[str, Channel]:
    built: dict[str, Channel] = {}
    for channel_id, entry in section.items():
        value = entry.value
        status = entry.get("status")
        built[channel_id] = Channel(
            id=channel_id,
            kind=value["kind"],
            where=entry.at(key=True),
            name=value.get("name", channel_id),
            status=value.get("status", "available"),
            status_where=status.at() if status is not None else None,
            description=value.get("description"),
            address=value.get("address"),
            audience=value.get("audience"),
            accepts=optional_refs(entry.get("accepts"), types),
            calendar=optional_ref(entry.get("calendar"), calendars),
            sends_case_reference=value.get("auto_reply", {}).get("sends_case_reference"),
            guidance=tuple(value.get("guidance", ())),
            illustrative=value.get("illustrative", False),
        )
    return built


def support_matrix(
    source: PolicySource,
    products: Mapping[str, Product],
    languages: Mapping[str, Language],
    calendars: Mapping[str, Calendar],
    channels: Mapping[str, Channel],
    types: Mapping[str, RequestType],
) -> tuple[MatrixCell, ...]:
    """One cell per product and language, in the order written; the product ref points at
    the product's row."""
    cells = []
    for (product, language), entry in source.matrix.items():
        row = source.matrix_products[product]
        cells.append(
            MatrixCell(
                product=Ref(product, row.at(key=True), products.get(product)),
                language=Ref(language, entry.at(key=True), languages.get(language)),
                calendar=ref(entry.child("calendar"), calendars),
                where=entry.at(key=True),
                available=listed_refs(entry, "available", channels),
                coming_soon=listed_refs(entry, "coming_soon", channels),
                note=entry.value.get("note"),
                hours=tuple(_hours(h, calendars, channels, types) for h in entry.each("hours")),
            )
        )
    return tuple(cells)


def _hours(
    entry: Entry,
    calendars: Mapping[str, Calendar],
    channels: Mapping[str, Channel],
    types: Mapping[str, RequestType],
) -> HoursOverride:
    return HoursOverride(
        calendar=ref(entry.child("calendar"), calendars),
        where=entry.at(),
        channels=optional_refs(entry.get("channels"), channels),
        request_types=optional_refs(entry.get("request_types"), types),
        illustrative=entry.value.get("illustrative", False),
    )
