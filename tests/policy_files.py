"""Write policy snippets to folders, for tests that run the real pipeline."""

from __future__ import annotations

import re
from pathlib import Path

FILE_MARKER = re.compile(r"^# (\S+\.ya?ml)$", re.MULTILINE)
API_VERSION = "apiVersion: supportflow/v1\n"


def write_policy(folder: Path, snippet: str, *, add_api_version: bool = True) -> Path:
    """Write a snippet as a policy folder; '# name.yaml' lines start a new file.

    Each file gets the apiVersion line unless the snippet sets it itself, or
    ``add_api_version`` is off (to test what the loader does with the bare text).
    """
    folder.mkdir(parents=True, exist_ok=True)
    parts = FILE_MARKER.split(snippet)
    files = {"policy.yaml": parts[0]} if parts[0].strip() else {}
    files.update(zip(parts[1::2], parts[2::2], strict=True))
    for name, text in files.items():
        body = text.lstrip("\n")
        if add_api_version and "apiVersion" not in body:
            body = API_VERSION + body
        (folder / name).write_text(body, encoding="utf-8")
    return folder
