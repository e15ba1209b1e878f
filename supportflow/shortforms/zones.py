"""Time zone names, checked the same way for a policy's ``timezone:`` and ``due --tz``.

A zone must exist (E301). Legacy and fixed-offset names (CET, EST5EDT, Etc/GMT-2)
are W308. Old aliases (US/Eastern, Asia/Calcutta) are W309: region names that are
not in tzdata's ``zone.tab`` but are links in its ``tzdata.zi``, whose target is
the zone to use. Both files are read from the ``tzdata`` package (a dependency),
lazily and once, so the answer follows the installed tz database instead of a
table that goes stale.
"""

from __future__ import annotations

import os
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from supportflow.diagnostics.ruledocs.calendars import LEGACY_ZONE, UNKNOWN_ZONE, ZONE_ALIAS
from supportflow.diagnostics.suggestions import closest
from supportflow.shortforms.errors import Problem

# UTC is a fine zone for 24/7 calendars; other names without a region are legacy.
_UTC = frozenset({"UTC", "Etc/UTC"})


def zone_problem(name: str) -> Problem | None:
    """What is wrong with the zone ``name``, or None for a current region zone (or UTC)."""
    if not _exists(name):
        # Only a misspelt region name gets a guess: 'UTC+2' must not become 'UTC'.
        regions = sorted(zone for zone in available_timezones() if "/" in zone)
        close = closest(name, regions) if "/" in name else None
        hint = f"Did you mean {close}?" if close else UNKNOWN_ZONE.hint
        return Problem(UNKNOWN_ZONE, f"unknown time zone {name!r}", hint)
    if name in _UTC:
        return None
    if "/" not in name or name.startswith("Etc/"):
        return Problem(
            LEGACY_ZONE, f"{name!r} is a legacy or fixed-offset zone name", LEGACY_ZONE.hint
        )
    target = alias_target(name)
    if target is not None:
        return Problem(
            ZONE_ALIAS,
            f"{name!r} is an old alias of {target}",
            f"Write {target}; {name} is kept only for backward compatibility.",
        )
    return None


def alias_target(name: str) -> str | None:
    """The current zone an old region alias points to (US/Eastern → America/New_York)."""
    if name in _region_zones():
        return None
    links = _links()
    seen = {name}
    target = links.get(name)
    while target in links and target not in seen:  # tzdata.zi has no chains; be safe anyway
        seen.add(target)
        target = links[target]
    return target


def _exists(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return False
    return True


def _tzdata_file(name: str) -> str:
    """A file of the ``tzdata`` package, opened beside its code.

    ``importlib.resources`` would cost ~5 ms of every ``validate`` to import (it brings
    ``tempfile``, ``shutil`` and ``zipfile``); pip installs ``tzdata`` as plain files.
    """
    import tzdata

    folder = os.path.join(os.path.dirname(tzdata.__file__), "zoneinfo")
    with open(os.path.join(folder, name), encoding="utf-8") as file:
        return file.read()


@cache
def _region_zones() -> frozenset[str]:
    """The zones of ``zone.tab``: one current name per country and region."""
    rows = (line.split("\t") for line in _tzdata_file("zone.tab").splitlines())
    return frozenset(row[2] for row in rows if len(row) > 2 and not row[0].startswith("#"))


@cache
def _links() -> dict[str, str]:
    """Every link of the tz database, alias → target, from ``tzdata.zi``'s ``L`` lines."""
    links = {}
    for line in _tzdata_file("tzdata.zi").splitlines():
        if line.startswith("L "):
            _, target, alias = line.split()
            links[alias] = target
    return links
