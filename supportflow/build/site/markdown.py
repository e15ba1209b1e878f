"""Markdown text that shows policy strings as written and never as markup or HTML.

In the Markdown environment a ``Markup`` value means "safe Markdown": every
other printed value is backslash-escaped, so ``<script>`` or
``[x](javascript:…)`` in a policy stays literal text in any Markdown renderer.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from gettext import NullTranslations
from typing import Any

from markupsafe import Markup

# ASCII punctuation that can start Markdown or HTML syntax anywhere in a line;
# CommonMark lets a backslash escape every one of them.
_BACKSLASHED = str.maketrans({ch: "\\" + ch for ch in "\\`*_{}[]<>()#+!|~&"})
_SPACES = re.compile(r"\s+")
# What starts a list, heading rule or block quote when it opens a line.
_LINE_START = re.compile(r"^(\d+)([.)])|^([-=])")
_PLACEHOLDER = re.compile(r"(%\(\w+\)s|%%)")


def escape_markdown(value: Any) -> Markup:
    """Backslash-escape Markdown and HTML syntax; Markup (our own Markdown) passes through.

    Runs of whitespace become one space: a newline in a value would end a table row.
    """
    if isinstance(value, Markup):
        return value
    return _escaped(str(value))


@lru_cache(maxsize=1 << 16)
def _escaped(text: str) -> Markup:
    """Kept for the names, tiers and triggers that recur in every ladder's table (a handbook
    escapes ~500,000 cells at 10,000 teams). One translate pass does the punctuation, and
    the line-start rule runs only on text that opens with a digit, - or =."""
    text = _SPACES.sub(" ", text).translate(_BACKSLASHED)
    first = text[:1]
    if first.isdigit() or first in ("-", "="):
        text = _LINE_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", text)
    return Markup(text)


def finalize(value: Any) -> Any:
    """Jinja ``finalize`` for Markdown templates: escape everything not already Markup."""
    if value is None:
        return ""
    return escape_markdown(value)


def table(headers: Sequence[Any], rows: Iterable[Sequence[Any]]) -> Markup:
    """A GitHub/GitLab pipe table; cells are escaped unless they are Markup."""
    lines = [
        "| " + " | ".join(escape_markdown(h) for h in headers) + " |",
        "|" + "---|" * len(headers),
    ]
    for row in rows:
        lines.append("| " + " | ".join(escape_markdown(cell) for cell in row) + " |")
    return Markup("\n".join(lines) + "\n")


def link(text: str, href: str) -> Markup:
    """``[text](<href>)``; callers pass only https:, mailto: and tel: addresses."""
    return Markup(f"[{escape_markdown(text)}](<{href}>)")


def code(text: str, in_table: bool = False) -> Markup:
    """An inline code span, or escaped text when the value holds a backtick.

    In a table cell a pipe ends the cell even inside a code span, so GFM wants it as \\|.
    """
    if "`" in text or "\n" in text:
        return escape_markdown(text)
    return Markup(f"`{text.replace('|', chr(92) + '|') if in_table else text}`")


def code_block(text: str, info: str = "text") -> Markup:
    """A fenced block shown as written: the fence is longer than any backtick run inside."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return Markup(f"{fence}{info}\n{text.rstrip(chr(10))}\n{fence}\n")


def gettext_callables(
    translations: NullTranslations,
) -> tuple[Callable[..., Markup], Callable[..., Markup]]:
    """gettext and ngettext for Markdown templates: the message is escaped as text and
    its %(name)s values are escaped unless they are Markup."""

    def gettext(message: str, **values: Any) -> Markup:
        return fill(translations.gettext(message), values)

    def ngettext(singular: str, plural: str, n: int, **values: Any) -> Markup:
        return fill(translations.ngettext(singular, plural, n), {"num": n, **values})

    return gettext, ngettext


def fill(message: str, values: dict[str, Any]) -> Markup:
    """Escape the message's own text and put the escaped values in its placeholders."""
    out = []
    for part in _PLACEHOLDER.split(message):
        if part == "%%":
            out.append("%")
        elif _PLACEHOLDER.fullmatch(part):
            out.append(escape_markdown(values[part[2:-2]]))
        elif part:
            out.append(escape_markdown(part))
    return Markup("".join(out))
