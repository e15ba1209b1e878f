"""A user's generator: a folder with a ``manifest.json`` and Jinja2 templates.

Every ``*.j2`` file under the folder is rendered to the same path without
``.j2`` (``pages/index.html.j2`` → ``OUT/pages/index.html``). Templates run in
Jinja's ``SandboxedEnvironment``, so they cannot reach ``os``, ``subprocess`` or
private attributes; with ``StrictUndefined``, so a misspelt variable is an
error and never an empty string; and with autoescape for ``.html``, ``.htm``,
``.xml`` and ``.svg`` outputs. They see ``policy`` (the typed model),
``as_of`` and ``version``. Jinja is imported only when such a generator runs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from supportflow.build.generator import BuildContext, OutputFile
from supportflow.build.manifest import GeneratorError, GeneratorInfo, parse_manifest

SUFFIX = ".j2"
_ESCAPED = (".html", ".htm", ".xml", ".svg")


class TemplateFailure(RuntimeError):
    """A template could not be rendered; the message names the template file and line."""


def template_generator(folder: Path) -> GeneratorInfo:
    """Read a user's generator folder; a missing or bad manifest is a :class:`GeneratorError`."""
    if not folder.is_dir():
        raise GeneratorError(f"--generator {folder}: not a folder")
    manifest_path = folder / "manifest.json"
    try:
        text = manifest_path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise GeneratorError(f"{manifest_path}: missing; a generator folder needs one") from None
    except (OSError, UnicodeDecodeError) as error:
        raise GeneratorError(f"{manifest_path}: cannot read it ({error})") from None
    manifest = parse_manifest(text, str(manifest_path))
    templates = sorted(
        path.relative_to(folder).as_posix() for path in folder.rglob(f"*{SUFFIX}") if path.is_file()
    )
    if not templates:
        raise GeneratorError(f"--generator {folder}: no templates (*{SUFFIX} files)")
    if not manifest.outputs:
        manifest = replace(manifest, outputs=tuple(name[: -len(SUFFIX)] for name in templates))

    def load() -> Callable[[BuildContext], list[OutputFile]]:
        return lambda context: render_folder(folder, templates, context)

    return GeneratorInfo(manifest, load)


def _autoescape(name: str | None) -> bool:
    return name is not None and name.removesuffix(SUFFIX).lower().endswith(_ESCAPED)


def render_folder(folder: Path, templates: list[str], context: BuildContext) -> list[OutputFile]:
    import jinja2
    from jinja2.sandbox import SandboxedEnvironment, SecurityError

    environment = SandboxedEnvironment(
        loader=jinja2.FileSystemLoader(str(folder)),
        autoescape=_autoescape,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    variables: dict[str, Any] = {
        "policy": context.policy,
        "as_of": context.as_of,
        "version": context.version,
    }
    outputs = []
    for name in templates:
        try:
            text = environment.get_template(name).render(variables)
        except jinja2.TemplateSyntaxError as error:
            raise TemplateFailure(
                f"{folder / (error.filename or name)}:{error.lineno}: template syntax error:"
                f" {error.message}"
            ) from None
        except (jinja2.UndefinedError, SecurityError) as error:
            kind = "not allowed" if isinstance(error, SecurityError) else "undefined"
            raise TemplateFailure(
                f"{folder / name}:{_line(error, name)}: {kind}: {str(error).rstrip('.')}"
            ) from None
        except jinja2.TemplateError as error:
            raise TemplateFailure(f"{folder / name}:{_line(error, name)}: {error}") from None
        outputs.append(OutputFile(name[: -len(SUFFIX)], text.encode("utf-8")))
    return outputs


def _line(error: BaseException, name: str) -> int:
    """The template line a render error happened on, from the traceback Jinja rewrites."""
    line = 0
    traceback = error.__traceback__
    while traceback is not None:
        if traceback.tb_frame.f_code.co_filename.endswith(name):
            line = traceback.tb_lineno
        traceback = traceback.tb_next
    return line
