"""Compiled help-center catalogs kept in the user's cache give the bytes Babel compiles."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from supportflow.build.site.assets import cache_folder, folder
from supportflow.build.site.translations import CATALOG_LANGUAGES, _compiled
from supportflow.businesstime.holiday_cache import NO_CACHE


@pytest.fixture
def cache_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The cache turned back on (tests/conftest.py turns it off), in a folder of its own."""
    monkeypatch.delenv(NO_CACHE, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    return tmp_path


def _babel(po: bytes, catalog: str) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, read_po(io.BytesIO(po), locale=catalog))
    return buffer.getvalue()


@pytest.mark.parametrize("catalog", CATALOG_LANGUAGES)
def test_cached_catalog_is_what_babel_compiles(catalog: str, cache_on: Path) -> None:
    tmp_path = cache_on
    po = (folder("helpcenter") / "locale" / catalog / "LC_MESSAGES" / "messages.po").read_bytes()
    expected = _babel(po, catalog)
    assert _compiled(po, catalog) == expected  # compiled and kept
    assert len(list((tmp_path / "supportflow" / "catalogs").iterdir())) == 1
    assert _compiled(po, catalog) == expected  # read back


def test_a_changed_source_is_compiled_again(cache_on: Path) -> None:
    po = (folder("helpcenter") / "locale" / "sv" / "LC_MESSAGES" / "messages.po").read_bytes()
    _compiled(po, "sv")
    changed = po.replace(b'msgstr "Tillg', b'msgstr "Nu tillg', 1)
    assert changed != po
    assert _compiled(changed, "sv") == _babel(changed, "sv") != _babel(po, "sv")


def test_no_cache_folder_only_costs_the_compiling(
    cache_on: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = cache_on / "a-file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    po = (folder("helpcenter") / "locale" / "de" / "LC_MESSAGES" / "messages.po").read_bytes()
    assert _compiled(po, "de") == _babel(po, "de")


def test_no_cache_turns_the_build_caches_off_too(
    cache_on: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert cache_folder("catalogs") == str(cache_on / "supportflow" / "catalogs")
    monkeypatch.setenv(NO_CACHE, "1")
    assert cache_folder("catalogs") is None and cache_folder("jinja") is None
    po = (folder("helpcenter") / "locale" / "fi" / "LC_MESSAGES" / "messages.po").read_bytes()
    assert _compiled(po, "fi") == _babel(po, "fi")
    assert not list((cache_on / "supportflow" / "catalogs").iterdir())  # nothing kept


def test_a_relative_cache_home_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(NO_CACHE, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", "relative")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert cache_folder("jinja") == str(tmp_path / ".cache" / "supportflow" / "jinja")
