"""The ``runtime`` generator: OUT/runtime.json, the policy as routers and SLA timers run it.

The document is :func:`supportflow.runtime.build_document` of the model and the
build's as-of date, the same document ``supportflow route`` evaluates; its shape is
``schemas/runtime.v1.schema.json``. JSON has no comments, so the generated-file
marker is the document's ``generated_by`` field.
"""

from __future__ import annotations

from supportflow.build.generator import BuildContext, OutputFile
from supportflow.runtime.document import build_document, dumps

name = "runtime"
description = "runtime.json: routing, calendars, targets and ladders for machines."


def render(context: BuildContext) -> list[OutputFile]:
    document = build_document(context.policy, context.as_of)
    return [OutputFile("runtime.json", dumps(document).encode("utf-8"))]
