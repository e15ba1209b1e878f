"""Render DOT to SVG with Graphviz's own ``dot``, when it is installed.

Fixed flags and no environment-dependent input make the SVG depend only on the
DOT text and the Graphviz version. Without ``dot`` the caller writes the DOT
alone and warns once.
"""

from __future__ import annotations

import shutil
import subprocess

INSTALL_HINT = (
    "install Graphviz (Debian/Ubuntu: apt-get install graphviz; macOS: brew install graphviz)"
    " to get SVG diagrams; the DOT sources are written either way"
)


class RenderError(RuntimeError):
    """``dot`` ran and refused the input."""


def dot_program() -> str | None:
    return shutil.which("dot")


def render_svg(program: str, source: str) -> bytes:
    """The SVG ``dot -Tsvg`` draws for ``source``."""
    done = subprocess.run(
        [program, "-Tsvg", "-Gcharset=UTF-8"],
        input=source.encode("utf-8"),
        capture_output=True,
        timeout=60,
        check=False,
        env={"PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8", "SOURCE_DATE_EPOCH": "0"},
    )
    if done.returncode != 0:
        raise RenderError(done.stderr.decode("utf-8", "replace").strip())
    return done.stdout
