"""Render DOT to SVG with Graphviz's own ``dot``, when it is installed.

Fixed flags and no environment-dependent input make the SVG depend only on the
DOT text and the Graphviz version. Without ``dot`` the caller writes the DOT
alone and warns once.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor

INSTALL_HINT = (
    "install Graphviz (Debian/Ubuntu: apt-get install graphviz; macOS: brew install graphviz)"
    " to get SVG diagrams; the DOT sources are written either way"
)
_ENV = {"PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8", "SOURCE_DATE_EPOCH": "0"}
_XML_START = b"<?xml "
# The top group of a graph that is not the first of its input: dot carries its page
# counter over from the graph before, as if the drawing were paged.
_CARRIED_PAGE = re.compile(rb'<g id="page\d+,\d+_(graph\d+)" class="graph"')


class RenderError(RuntimeError):
    """``dot`` ran and refused the input."""


def dot_program() -> str | None:
    return shutil.which("dot")


def render_many(program: str, sources: list[str]) -> list[bytes | RenderError]:
    """The SVG of each source, in order, the same bytes as :func:`render_svg` gives for it.

    Starting ``dot`` costs as much as laying out a ladder, so the graphs are drawn a batch
    to a process, a few batches at a time, their sizes balanced. ``dot`` numbers the later
    graphs of one input as pages in their top group's id; that id is set back to the one
    a graph drawn alone has, and one graph is drawn alone to check it, so a Graphviz that
    leaks other state from graph to graph is drawn one graph per process instead. A batch
    ``dot`` refuses is drawn graph by graph, so the bad graph is named.
    """
    if not sources:
        return []
    workers = min(8, os.cpu_count() or 1)
    batches = _balanced(sources, workers * 2)
    with ThreadPoolExecutor(max_workers=workers) as pool:
        drawn = pool.map(lambda batch: _draw_batch(program, [sources[i] for i in batch]), batches)
        check = next((b for b in batches if len(b) > 1), None)
        alone = pool.submit(_draw, program, sources[check[1]]) if check is not None else None
        found: list[bytes | RenderError] = [b""] * len(sources)
        for batch, svgs in zip(batches, drawn, strict=True):
            for index, svg in zip(batch, svgs, strict=True):
                found[index] = svg
        if alone is not None and check is not None and alone.result() != found[check[1]]:
            return list(pool.map(lambda source: _draw(program, source), sources))
    return found


def _balanced(sources: list[str], count: int) -> list[list[int]]:
    """Indexes of ``sources`` in at most ``count`` batches of about equal text, largest first
    (a graph's layout time grows with its text), each batch in source order."""
    batches: list[list[int]] = [[] for _ in range(min(count, len(sources)))]
    sizes = [0] * len(batches)
    for index in sorted(range(len(sources)), key=lambda i: -len(sources[i])):
        smallest = sizes.index(min(sizes))
        batches[smallest].append(index)
        sizes[smallest] += len(sources[index])
    return [sorted(batch) for batch in batches]


def _draw_batch(program: str, sources: list[str]) -> list[bytes | RenderError]:
    """Several graphs through one ``dot``; graph by graph when it refuses any of them."""
    if len(sources) == 1:
        return [_draw(program, sources[0])]
    done = subprocess.run(
        [program, "-Tsvg", "-Gcharset=UTF-8"],
        input="".join(sources).encode("utf-8"),
        capture_output=True,
        timeout=120 * len(sources),
        check=False,
        env=_ENV,
    )
    parts = done.stdout.split(_XML_START)[1:]
    if done.returncode != 0 or len(parts) != len(sources):
        return [_draw(program, source) for source in sources]
    first, *later = (_XML_START + part for part in parts)
    return [first, *(_CARRIED_PAGE.sub(rb'<g id="\1" class="graph"', svg, 1) for svg in later)]


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
        env=_ENV,
    )
    if done.returncode != 0:
        raise RenderError(done.stderr.decode("utf-8", "replace").strip())
    return done.stdout
