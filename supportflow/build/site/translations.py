"""UI strings of the help center, from the gettext catalogs shipped as .po sources.

The catalogs live in ``generators/helpcenter/locale/<lang>/LC_MESSAGES/messages.po``
and are compiled with Babel when a build needs them, so no shipped .mo file can drift
from its source; the compiled bytes are kept in the user's cache folder under the
checksum of the source and the Babel version, like the templates' bytecode. A language
without a catalog falls back to English, and the build says so.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
from dataclasses import dataclass
from functools import cache
from gettext import GNUTranslations, NullTranslations

import babel
from babel import Locale, UnknownLocaleError

from supportflow.atomic import write_atomic
from supportflow.build.site.assets import cache_folder, folder

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
    return GNUTranslations(io.BytesIO(_compiled(po.read_bytes(), catalog)))


def _compiled(po: bytes, catalog: str) -> bytes:
    """The .mo bytes of a .po source. Babel parses a catalog in ~10 ms (0.1 s of a Pagero
    build), so the bytes are kept under a key of all they depend on: Babel's version, the
    catalog's language and its source. A cache that cannot be read or written costs only
    the compiling."""
    key = hashlib.sha256(b"%s\0%s\0" % (babel.__version__.encode(), catalog.encode()) + po)
    cached = cache_folder("catalogs")
    path = os.path.join(cached, key.hexdigest() + ".mo") if cached is not None else None
    if path is not None:
        with contextlib.suppress(OSError), open(path, "rb") as handle:
            return handle.read()
    from babel.messages.mofile import write_mo  # only when nothing is cached
    from babel.messages.pofile import read_po

    buffer = io.BytesIO()
    write_mo(buffer, read_po(io.BytesIO(po), locale=catalog))
    data = buffer.getvalue()
    if path is not None:
        with contextlib.suppress(OSError):
            write_atomic(path, data)
    return data
