"""Markdown and Mermaid escaping say what their rules say, for any text: each fast
implementation is checked against the rule written as plain regular expressions."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import Markup

from supportflow.build.site import mermaid
from supportflow.build.site.markdown import escape_markdown

# Characters the rules treat specially, mixed with any text at all.
AWKWARD = st.text(
    alphabet=st.one_of(
        st.sampled_from(
            list("\\`*_{}[]<>()#+!|~&-=.)0123456789 \t\n\r\x0b\x0c\xa0\u2028\u3000٣\"';:")
        ),
        st.characters(),
    ),
    max_size=30,
)


def _markdown_rule(text: str) -> str:
    text = re.sub(r"([\\`*_{}\[\]<>()#+!|~&])", r"\\\1", re.sub(r"\s+", " ", text))
    return re.sub(
        r"^(\d+)([.)])|^([-=])", lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", text
    )


# Mermaid's entity codes: named for the HTML four, numeric for the rest.
_MERMAID = {
    **{ch: f"#{ord(ch)};" for ch in "#`|;[]{}():"},
    **{'"': "#quot;", "<": "#lt;", ">": "#gt;", "&": "#amp;"},
}


@settings(max_examples=500, deadline=None)
@given(AWKWARD)
def test_markdown_escape_follows_its_rule(text: str) -> None:
    escaped = escape_markdown(text)
    assert isinstance(escaped, Markup) and str(escaped) == _markdown_rule(text)


@settings(max_examples=500, deadline=None)
@given(AWKWARD)
def test_mermaid_text_follows_its_rule(text: str) -> None:
    expected = "".join(_MERMAID.get(ch, ch) for ch in " ".join(text.split()))
    assert mermaid.text(text) == expected


def test_known_cases() -> None:
    assert escape_markdown("1. first") == "1\\. first"
    assert escape_markdown("2) x") == "2\\) x"
    assert escape_markdown("- item\n\tand  more") == "\\- item and more"
    assert escape_markdown("=== <b>") == "\\=== \\<b\\>"
    assert escape_markdown(Markup("**ours**")) == "**ours**"
    assert escape_markdown(12) == "12"
    assert mermaid.text('a "b"\n#c') == "a #quot;b#quot; #35;c"
