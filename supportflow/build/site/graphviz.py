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
import tempfile

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
    """The SVG of each source, in order, the same bytes as :func:`render_svg` gives for it."""
    return start_many(program, sources).result()


def start_many(program: str, sources: list[str]) -> Drawing:
    """Start drawing every source in the background; :meth:`Drawing.result` collects them.

    Starting ``dot`` costs as much as laying out a ladder, so the graphs are drawn a batch
    to a process, one batch per core (eight at most), their sizes balanced. ``dot``
    numbers the later graphs of one input as pages in their top group's id; that id is
    set back to the one a graph drawn alone has, and one graph is drawn alone to check it,
    so a Graphviz that leaks other state from graph to graph is drawn one graph per
    process instead. A batch ``dot`` refuses is drawn graph by graph, so the bad graph is
    named.
    """
    batches = _balanced(sources, min(8, os.cpu_count() or 1)) if sources else []
    check = next((batch[1] for batch in batches if len(batch) > 1), None)
    return Drawing(
        program,
        sources,
        [(batch, _Process(program, [sources[i] for i in batch])) for batch in batches],
        (check, _Process(program, [sources[check]])) if check is not None else None,
    )


class Drawing:
    """``dot`` processes drawing batches of graphs, started and not yet waited on."""

    def __init__(
        self,
        program: str,
        sources: list[str],
        batches: list[tuple[list[int], _Process]],
        alone: tuple[int, _Process] | None,
    ) -> None:
        self._program = program
        self._sources = sources
        self._batches = batches
        self._alone = alone

    def result(self) -> list[bytes | RenderError]:
        """Wait for every batch: the SVG of each source in order, or why dot refused it."""
        found: list[bytes | RenderError] = [b""] * len(self._sources)
        for batch, process in self._batches:
            for index, svg in zip(batch, process.svgs(), strict=True):
                found[index] = svg
        if self._alone is not None and self._alone[1].svgs() != [found[self._alone[0]]]:
            return [_draw(self._program, source) for source in self._sources]  # leaks state
        return found


class _Process:
    """One ``dot`` over the concatenated sources, reading and writing unnamed temporary
    files, so no thread has to feed or drain a pipe while the caller renders on."""

    def __init__(self, program: str, sources: list[str]) -> None:
        self._program = program
        self._sources = sources
        self._output = tempfile.TemporaryFile()  # noqa: SIM115 - closed by svgs()
        with tempfile.TemporaryFile() as given:
            given.write("".join(sources).encode("utf-8"))
            given.seek(0)
            self._process = subprocess.Popen(
                [program, "-Tsvg", "-Gcharset=UTF-8"],
                stdin=given,
                stdout=self._output,
                stderr=subprocess.DEVNULL,
                env=_ENV,
            )

    def svgs(self) -> list[bytes | RenderError]:
        """Each graph's SVG, once dot is done; graph by graph when it refused any of them."""
        try:
            status = self._process.wait(timeout=120 * len(self._sources))
        except subprocess.TimeoutExpired:
            self._process.kill()
            status = self._process.wait()
        with self._output:
            self._output.seek(0)
            parts = self._output.read().split(_XML_START)[1:]
        if status != 0 or len(parts) != len(self._sources):
            return [_draw(self._program, source) for source in self._sources]
        first, *later = (_XML_START + part for part in parts)
        return [first, *(_CARRIED_PAGE.sub(rb'<g id="\1" class="graph"', svg, 1) for svg in later)]


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
