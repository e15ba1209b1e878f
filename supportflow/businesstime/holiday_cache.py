"""A cache on disk of the public holidays the holidays package computed, so a run can skip it.

Importing the package and a policy's countries (Pagero's three) costs ~13 ms of CPU
on every run, even as ``holiday_package`` imports them; a year's dates take ~1 ms to compute
and ~0.1 ms to read back. An entry is one small JSON file,
``<root>/holidays/<release>/<country>_<subdivision>_<year>.json`` (and, for a
release the generated code table is not from, ``subdivisions_<country>.json``), where the root is
``$XDG_CACHE_HOME/supportflow`` (``~/.cache/supportflow`` by default).
``SUPPORTFLOW_NO_CACHE=1`` turns the cache off.

The cache never changes an answer or an exit code. An entry is written to a
temporary file and renamed over its name, so concurrent runs read a whole entry
or none; a file that cannot be read or parsed, or that holds another key (two
names that differ only in case, on a file system that ignores case) is a miss;
a file that cannot be written is not written.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

NO_CACHE = "SUPPORTFLOW_NO_CACHE"
# Entries are a few hundred bytes; anything much larger was not written here.
_MAX_BYTES = 1 << 20
_PLAIN = re.compile(r"[A-Za-z0-9][A-Za-z0-9.+-]*")

Key = Sequence[str | int | bool | None]


def cache_root(environ: Mapping[str, str] = os.environ) -> Path | None:
    """supportflow's cache folder, or None when the cache is off or has no home.

    The one place that decides it: the build's caches (compiled catalogs and templates)
    ask here too, so ``SUPPORTFLOW_NO_CACHE=1`` turns every cache off. It lives in this
    floor-1 package because businesstime imports nothing else of supportflow."""
    if environ.get(NO_CACHE, "") not in ("", "0"):
        return None
    xdg = environ.get("XDG_CACHE_HOME", "")
    if os.path.isabs(xdg):  # the XDG spec: a relative value is to be ignored
        return Path(xdg) / "supportflow"
    home = os.path.expanduser("~")
    return Path(home) / ".cache" / "supportflow" if os.path.isabs(home) else None


def entry_path(root: Path, folders: Sequence[str], name: Key) -> Path:
    """``root/folder/.../name_parts.json``, each part as it is when it is plain text."""
    stem = "_".join(_part(value) for value in name)
    return root.joinpath(*(_part(folder) for folder in folders), f"{stem}.json")


def read(path: Path, key: Key) -> Any:
    """The value stored under ``key`` at ``path``, or None for a miss."""
    try:
        with open(path, "rb") as file:
            data = file.read(_MAX_BYTES + 1)
        entry = json.loads(data) if len(data) <= _MAX_BYTES else None
    except (OSError, ValueError, RecursionError):
        return None
    if not isinstance(entry, dict) or entry.get("key") != list(key):
        return None
    return entry.get("value")


def write(path: Path, key: Key, value: Any) -> None:
    """Store ``value`` under ``key`` at ``path``, atomically; failing quietly."""
    text = json.dumps({"key": list(key), "value": value}, ensure_ascii=False)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{os.urandom(4).hex()}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(temporary, "x", encoding="utf-8") as file:
            file.write(text)
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)


def _part(value: str | int | bool | None) -> str:
    """A file-name part: plain text as it is, anything else spelt out in hexadecimal."""
    if value is None:
        return "-"
    text = str(value)
    return text if _PLAIN.fullmatch(text) else "x" + text.encode("utf-8").hex()
