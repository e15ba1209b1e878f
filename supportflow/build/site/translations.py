"""UI strings of the help center, from the gettext catalogs shipped as .po sources.

The catalogs live in ``generators/helpcenter/locale/<lang>/LC_MESSAGES/messages.po``
and are compiled in memory with Babel when a build needs them, so no compiled .mo
file can drift from its source. A language without a catalog falls back to
English, and the build says so.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import cache
from gettext import GNUTranslations, NullTranslations

from babel import Locale, UnknownLocaleError
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from supportflow.build.site.assets import folder

CATALOG_LANGUAGES = ("en", "sv", "fi", "de", "es", "fr", "ar", "pl", "nl", "nb")
# Languages written with another catalog: Norwegian is written as Bokmål.
_SHARED_CATALOG = {"no": "nb"}


@dataclass(frozen=True)
class PageLanguage:
    """A policy language as the pages need it: BCP 47 code, CLDR locale and catalog."""

    code: str
    locale: Locale
    catalog: str | None  # None: no catalog, English UI strings

    @property
    def rtl(self) -> bool:
        return _rtl(self.code)

    @property
    def native_name(self) -> str:
        name = self.locale.get_display_name(self.locale) or self.code
        return name[:1].upper() + name[1:]


@cache
def page_language(code: str) -> PageLanguage:
    """The locale and catalog for a policy language code such as 'sv' or 'pt-BR'."""
    try:
        locale = Locale.parse(code.replace("-", "_"))
    except (ValueError, UnknownLocaleError):
        locale = Locale.parse("en")
    base = code.split("-")[0].lower()
    catalog = _SHARED_CATALOG.get(base, base)
    return PageLanguage(code, locale, catalog if catalog in CATALOG_LANGUAGES else None)


@cache
def _rtl(code: str) -> bool:
    return page_language(code).locale.character_order == "right-to-left"


@cache
def translations(catalog: str | None) -> NullTranslations:
    """The compiled catalog (English source strings when ``catalog`` is None)."""
    if catalog is None:
        return NullTranslations()
    po = folder("helpcenter") / "locale" / catalog / "LC_MESSAGES" / "messages.po"
    with po.open("rb") as handle:
        parsed = read_po(handle, locale=catalog)
    buffer = io.BytesIO()
    write_mo(buffer, parsed)
    buffer.seek(0)
    return GNUTranslations(buffer)
