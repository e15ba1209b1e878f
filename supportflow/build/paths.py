"""Is a generated file's path safe to write under OUT on every operating system?

The policy schema's id pattern keeps ``../x`` out of ids, but a generator (or a
user's template) builds paths from them, so the build checks every path again
before anything is written: relative, POSIX separators, no ``.`` or ``..``
parts, nothing Windows refuses (reserved device names such as ``CON`` or
``nul.txt``, ``<>:"|?*\\``, control characters, a trailing dot or space).
"""

from __future__ import annotations

import re

_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(\..*)?$", re.I)
_FORBIDDEN = re.compile(r'[\x00-\x1f\x7f<>:"|?*\\]')
MAX_PART_BYTES = 255


def unsafe_reason(path: str) -> str | None:
    """Why ``path`` must not be written under OUT, or None when it is safe."""
    if not path:
        return "the path is empty"
    if path.startswith("/") or re.match(r"^[A-Za-z]:", path):
        return "the path is absolute"
    parts = path.split("/")
    for part in parts:
        if part in ("", ".", ".."):
            return f"the path has a {part!r} part" if part else "the path has an empty part"
        if _FORBIDDEN.search(part):
            return f"{part!r} holds a character Windows or the shell cannot take"
        if _RESERVED.match(part):
            return f"{part!r} is a reserved device name on Windows"
        if part[-1] in ". ":
            return f"{part!r} ends in a dot or a space"
        if len(part.encode("utf-8")) > MAX_PART_BYTES:
            return f"a part of the path is longer than {MAX_PART_BYTES} bytes"
    return None
