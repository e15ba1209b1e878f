"""Golden files: every example's help-center pages, Markdown, handbook and DOT sources.

The rendered SVGs depend on the installed Graphviz and are checked by
test_diagrams.py instead. After an intended change, regenerate with

    SUPPORTFLOW_UPDATE_GOLDEN=1 python -m pytest tests/test_site_golden.py

and review the diff. Holiday names and dates come from the `holidays` package
and CLDR wording from Babel, so a new release of either can change a golden file.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.site_build import EXAMPLES, context_for, render
from tests.test_examples import NAMES

GOLDEN = Path(__file__).resolve().parent / "golden" / "site"
UPDATE = os.environ.get("SUPPORTFLOW_UPDATE_GOLDEN") == "1"


def _kept(path: str) -> bool:
    return path.startswith(("helpcenter/", "helpcenter-md/", "handbook/")) or path.endswith(".dot")


@pytest.mark.parametrize("name", NAMES)
def test_example_matches_its_golden_files(name: str) -> None:
    built = {f.path: f.data for f in render(context_for(EXAMPLES / name)) if _kept(f.path)}
    folder = GOLDEN / name
    if UPDATE:
        shutil.rmtree(folder, ignore_errors=True)
        for path, data in built.items():
            (folder / path).parent.mkdir(parents=True, exist_ok=True)
            (folder / path).write_bytes(data)
    stored = {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }
    assert sorted(stored) == sorted(built), "files differ; see the module docstring"
    for path, data in built.items():
        assert data == stored[path], f"{name}/{path} differs from its golden file"


def test_bytes_do_not_depend_on_hash_seed() -> None:
    """Two processes with different PYTHONHASHSEED build byte-identical files."""
    script = (
        "import hashlib, sys; from tests.site_build import EXAMPLES, context_for, render;"
        "files = render(context_for(EXAMPLES / 'pagero'));"
        "print(hashlib.sha256(b''.join(f.path.encode() + f.data for f in files)).hexdigest())"
    )
    root = Path(__file__).resolve().parent.parent
    digests = {
        subprocess.run(
            [sys.executable, "-c", script],
            cwd=root,
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2")
    }
    assert len(digests) == 1
