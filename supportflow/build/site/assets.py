"""A built-in generator's shipped files: manifest, templates and catalogs.

They live in the top-level ``generators/NAME/`` folder, shipped in the wheel as
``supportflow/generators/NAME``, and are read through importlib.resources so an
installed wheel and a source checkout behave the same.
"""

from __future__ import annotations

import contextlib
import json
import os
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import Any

import jinja2
import jinja2.bccache

from supportflow.build.site.markdown import finalize
from supportflow.businesstime.holiday_cache import cache_root


def folder(generator: str) -> Traversable:
    """The generator's shipped folder."""
    return files("supportflow") / "generators" / generator


@cache
def manifest(generator: str) -> dict[str, Any]:
    """The generator's ``manifest.json``: name, description and output globs."""
    return json.loads((folder(generator) / "manifest.json").read_text(encoding="utf-8"))


def read_text(generator: str, name: str) -> str:
    return (folder(generator) / name).read_text(encoding="utf-8")


@cache
def environment(generator: str, markdown: bool = False) -> jinja2.Environment:
    """Templates of one generator: autoescape on for every HTML/XML/SVG template,
    StrictUndefined so a misspelt variable fails the build instead of printing nothing,
    and the i18n extension for catalogs. Policy text is data here, never template source.

    A Markdown environment escapes every printed value for Markdown (a help center
    that imports Markdown also renders inline HTML); trusted Markdown is passed as Markup.
    """
    autoescape = True if markdown else jinja2.select_autoescape(("html", "xml", "svg", "j2"))
    env = jinja2.Environment(
        loader=jinja2.FunctionLoader(lambda name: read_text(generator, name)),
        autoescape=autoescape,
        undefined=jinja2.StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=finalize if markdown else None,
        bytecode_cache=_bytecode_cache(),
    )
    return env


class QuietBytecodeCache(jinja2.FileSystemBytecodeCache):
    """A bytecode cache that a read-only or full disk only slows down, never breaks."""

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with contextlib.suppress(OSError):
            super().load_bytecode(bucket)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def cache_folder(kind: str) -> str | None:
    """``<kind>`` in supportflow's cache folder, made if need be; None when the cache is
    off (``SUPPORTFLOW_NO_CACHE=1``) or the folder cannot be made: the caller does without."""
    root = cache_root()
    if root is None:
        return None
    folder = os.path.join(root, kind)
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError:
        return None
    return folder


@cache
def _bytecode_cache() -> jinja2.BytecodeCache | None:
    """Compiled templates kept in the user's cache folder, keyed by each template's source
    checksum, so only the first build after an install pays for compiling them. None when
    the folder cannot be made: templates are then compiled every run."""
    folder = cache_folder("jinja")
    return QuietBytecodeCache(folder) if folder is not None else None
