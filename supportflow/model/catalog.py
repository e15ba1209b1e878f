"""What support is about and how customers reach it: organization, languages,
products, request types and channels."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from supportflow.diagnostics.findings import Location
from supportflow.frozen import frozen
from supportflow.model.base import Ref

if TYPE_CHECKING:
    from supportflow.model.calendars import Calendar

ChannelKind = Literal["chat", "phone", "email", "ticket_portal", "self_service", "on_call"]


@frozen
class Language:
    """A language the policy supports, by its BCP 47 code."""

    code: str
    where: Location


@frozen
class Organization:
    """Who gives the support, and where customers find its sites."""

    name: str
    where: Location
    id: str | None = None
    description: str | None = None
    website: str | None = None
    status_page: str | None = None
    help_center: str | None = None
    default_language: Ref[Language] | None = None


@frozen
class Portal:
    """A web portal of a product that is not a support channel."""

    name: str
    where: Location
    purpose: str | None = None
    address: str | None = None


@frozen
class Product:
    """A product supported, with the web portals that are not support channels."""

    id: str
    name: str
    where: Location
    description: str | None = None
    portals: tuple[Portal, ...] = ()


@frozen
class RequestType:
    """A kind of request, and what a customer must give for it."""

    id: str
    name: str
    where: Location
    description: str | None = None
    required_information: tuple[str, ...] = ()


@frozen
class Channel:
    """A way in; ``accepts`` is None when the channel takes every request type."""

    id: str
    kind: ChannelKind
    where: Location
    name: str
    status: Literal["available", "coming_soon"] = "available"
    status_where: Location | None = None
    description: str | None = None
    address: str | None = None
    audience: str | None = None
    accepts: tuple[Ref[RequestType], ...] | None = None
    calendar: Ref[Calendar] | None = None
    sends_case_reference: bool | None = None
    guidance: tuple[str, ...] = ()
    illustrative: bool = False
