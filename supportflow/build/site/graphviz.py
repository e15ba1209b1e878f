"""Render DOT to SVG with Graphviz's own ``dot``, when it is installed.

Fixed flags and no environment-dependent input make the SVG depend only on the
DOT text and the Graphviz version. Without ``dot`` the caller writes the DOT
alone and warns once.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor

INSTALL_HINT = (
    "install Graphviz (Debian/Ubuntu: apt-get install graphviz; macOS: brew install graphviz)"
    " to get SVG diagrams; the DOT sources are written either way"
)


class RenderError(RuntimeError):
    """``dot`` ran and refused the input."""


def dot_program() -> str | None:
    return shutil.which("dot")


def render_many(program: str, sources: list[str]) -> list[bytes | RenderError]:
    """The SVG of each source, in order, one ``dot`` process per graph, a few at a time.

    One process per graph, not several graphs per process: ``dot`` numbers the graphs of
    one input in its SVG ids, so a graph's SVG would change when another graph moved.
    """
    with ThreadPoolExecutor(max_workers=min(8, os.cpu_count() or 1)) as pool:
        return list(pool.map(lambda source: _draw(program, source), sources))


def _draw(program: str, source: str) -> bytes | RenderError:
    try:
        return render_svg(program, source)
    except RenderError as error:
        return error


def render_svg(program: str, source: str) -> bytes:
    """The SVG ``dot -Tsvg`` draws for the one graph in ``source``."""
    done = subprocess.run(
        [program, "-Tsvg", "-Gcharset=UTF-8"],
        input=source.encode("utf-8"),
        capture_output=True,
        timeout=120,
        check=False,
        env={"PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8", "SOURCE_DATE_EPOCH": "0"},
    )
    if done.returncode != 0:
        raise RenderError(done.stderr.decode("utf-8", "replace").strip())
    return done.stdout
