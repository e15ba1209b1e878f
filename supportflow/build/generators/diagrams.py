"""Diagrams: DOT sources, their SVGs, and the weekly coverage heatmaps.

``OUT/diagrams/escalation-<ladder>.dot``, ``routing.dot`` and ``lifecycle.dot``
are always written; each gets an ``.svg`` beside it when Graphviz's ``dot`` is
installed (a missing ``dot`` is one build warning with the install hint).
``OUT/diagrams/coverage/<product>-<language>.svg`` is the weekly heatmap of
each support-matrix cell, written directly as SVG.
"""

from __future__ import annotations

from functools import partial

from supportflow.build.generator import BuildContext, Later, OutputFile
from supportflow.build.site import assets, dot
from supportflow.build.site.graphviz import (
    INSTALL_HINT,
    Drawing,
    RenderError,
    dot_program,
    start_many,
)
from supportflow.build.site.heatmap import LEFT, Staffing, heatmap
from supportflow.build.site.product_page import language_name
from supportflow.build.site.translations import page_language
from supportflow.model import Policy

name = "diagrams"
description = assets.manifest(name)["description"]


def dot_sources(policy: Policy) -> dict[str, str]:
    """Every DOT file by its path under OUT."""
    sources = {
        f"diagrams/escalation-{ladder.id}.dot": dot.escalation(ladder)
        for ladder in policy.escalations.values()
    }
    if policy.routing is not None:
        sources["diagrams/routing.dot"] = dot.routing(policy)
    if policy.lifecycle is not None:
        sources["diagrams/lifecycle.dot"] = dot.lifecycle(policy.lifecycle)
    return sources


def render(context: BuildContext) -> list[OutputFile] | Later:
    """The DOT files and heatmaps now, and the SVGs ``dot`` draws meanwhile, later."""
    files = [
        OutputFile(path, text.encode("utf-8")) for path, text in dot_sources(context.policy).items()
    ]
    program = dot_program()
    if program is None:
        context.warn(name, f"Graphviz `dot` was not found: {INSTALL_HINT}")
        return files + heatmaps(context)
    drawing = start_many(program, [f.data.decode("utf-8") for f in files])
    return Later(files + heatmaps(context), partial(_drawn, context, files, drawing))


def _drawn(context: BuildContext, dots: list[OutputFile], drawing: Drawing) -> list[OutputFile]:
    """The SVG beside each DOT file that ``dot`` could draw; a warning for each it could not."""
    files = []
    for source, svg in zip(dots, drawing.result(), strict=True):
        if isinstance(svg, RenderError):
            context.warn(name, f"dot could not draw {source.path}: {svg}")
        else:
            files.append(OutputFile(source.path[: -len(".dot")] + ".svg", svg))
    return files


def heatmaps(context: BuildContext) -> list[OutputFile]:
    """One weekly coverage heatmap per support-matrix cell."""
    policy = context.policy
    staffing = Staffing(policy.teams.values(), policy.calendars)
    template = assets.environment(name).get_template("heatmap.svg.j2")
    english = page_language("en")
    files = []
    for cell in policy.support_matrix:
        product = cell.product.target
        if product is None or cell.calendar.target is None:
            continue
        picture = heatmap(
            cell, product.name, language_name(cell.language.id, english), staffing, context.as_of
        )
        svg = template.render(map=picture, left=LEFT)
        path = f"diagrams/coverage/{product.id}-{cell.language.id}.svg"
        files.append(OutputFile(path, svg.encode("utf-8")))
    return files
