"""Hostile policy text comes out of every site generator as the literal text it is.

tests/data/site/hostile is a valid policy whose text fields hold `<script>`,
`" onmouseover=`, `javascript:` links, `{{ 7*7 }}` and `{% ... %}`. The pages,
Markdown, handbook, DOT and heatmaps must show them and never run, render or
evaluate them; unsafe addresses and `../` ids are refused at validation.
"""

from __future__ import annotations

import html.parser
import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from supportflow.api import validate_policy
from tests.policy_files import write_policy
from tests.site_build import build

HOSTILE = Path(__file__).resolve().parent / "data" / "site" / "hostile"


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hostile-site")
    build(HOSTILE, folder)
    return folder


class _Elements(html.parser.HTMLParser):
    """Every start tag with its attributes, and the text of each <script>."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag) -> None:
        self._in_script = False

    def handle_data(self, data) -> None:
        if self._in_script:
            self.scripts[-1] += data


def _pages(out: Path) -> list[Path]:
    pages = sorted((out / "helpcenter").rglob("*.html"))
    assert len(pages) == 1 + 2  # the picker, and one product in two languages
    return pages


def test_html_has_no_injected_element_attribute_or_link(out) -> None:
    for page in _pages(out):
        parsed = _Elements()
        parsed.feed(page.read_text(encoding="utf-8"))
        tags = [tag for tag, _ in parsed.tags]
        assert "img" not in tags and "b" not in tags
        scripts = [attrs for tag, attrs in parsed.tags if tag == "script"]
        assert all(attrs == {"type": "application/ld+json"} for attrs in scripts)
        for tag, attrs in parsed.tags:
            assert not [name for name in attrs if name.startswith("on")], (tag, attrs)
            href = attrs.get("href") or ""
            assert not href.lower().startswith(("javascript:", "data:")), href
        for script in parsed.scripts:
            assert "</" not in script.lower()
            json.loads(script)


def test_template_syntax_is_shown_not_evaluated(out) -> None:
    page = (out / "helpcenter/en/app/index.html").read_text(encoding="utf-8")
    assert "{{ 7*7 }}" in page
    assert "{% if true %}template{% endif %}" in page
    assert "{% raw %}raw{% endraw %}" in page
    assert "{{ config }}" in page
    assert "&lt;script&gt;alert(&#39;org&#39;)&lt;/script&gt;" in page
    assert "&#34; onmouseover=&#34;alert(&#39;product&#39;)" in page
    assert ">49<" not in page and "<Config" not in page


def test_json_ld_keeps_the_text_and_cannot_close_its_element(out) -> None:
    page = (out / "helpcenter/en/app/index.html").read_text(encoding="utf-8")
    body = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)[1]
    data = json.loads(body)
    assert data["name"] == "<script>alert('org')</script>"
    assert "<" not in body


def test_markdown_shows_markup_as_text(out) -> None:
    text = (out / "helpcenter-md/en/app.md").read_text(encoding="utf-8")
    outside_code = re.sub(r"`[^`]*`", "", text)  # a code span shows its text literally
    assert not re.search(r"(?<!\\)<(script|img|b>)", outside_code)
    assert "`<b>-###`" in text
    assert "\\<img src=x onerror=alert\\('guidance'\\)\\>" in text
    assert "](javascript:" not in text
    assert "\\[click\\]\\(javascript:alert\\('link'\\)\\)" in text
    assert "\\{\\{ 7\\*7 \\}\\}" in text


def test_handbook_and_mermaid_show_markup_as_text(out) -> None:
    text = (out / "handbook/README.md").read_text(encoding="utf-8")
    assert not re.search(r"(?<!\\)<script", text)
    assert "\\<script\\>alert\\('org'\\)" in text
    mermaid = re.findall(r"```mermaid\n(.*?)```", text, re.S)
    assert len(mermaid) == 2
    for block in mermaid:
        assert '"]; x' not in block and "<" not in block
    assert "#quot;#93;#59; x -#gt; y#59;" in mermaid[0]
    # The ladder name starts with ``` and must not end the code block early: the fences are
    # the two Mermaid blocks' and the coverage block's.
    assert text.count("```") == 6


def test_dot_labels_cannot_add_nodes_or_attributes(out) -> None:
    source = (out / "diagrams/escalation-ladder.dot").read_text(encoding="utf-8")
    assert '"\\"]; x -> y; a[label=\\""' in source.replace("1. ", "")
    assert "\\\\N" in source  # a literal backslash-N, not Graphviz's node-name escape
    dot = shutil.which("dot")
    if dot is None:
        pytest.fail("Graphviz dot is not installed; .ci/run installs it with apt-get")
    plain = subprocess.run([dot, "-Tplain"], input=source, capture_output=True, text=True)
    assert plain.returncode == 0, plain.stderr
    nodes = [line.split()[1] for line in plain.stdout.splitlines() if line.startswith("node ")]
    assert sorted(nodes) == ["desk", "experts"]


def test_svgs_are_xml_with_text_escaped(out) -> None:
    for svg in (out / "diagrams").rglob("*.svg"):
        root = ET.parse(svg).getroot()
        assert not [e for e in root.iter() if e.tag.endswith("script")]
    heatmap = (out / "diagrams/coverage/app-en.svg").read_text(encoding="utf-8")
    assert "&#34; onmouseover=&#34;" in heatmap


def test_hostile_page_runs_nothing_in_the_browser(out) -> None:
    playwright_api = pytest.importorskip("playwright.sync_api")
    from tests.test_site_browser import ARGS, CHROMIUM

    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page()
        dialogs: list[str] = []
        errors: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto((out / "helpcenter/ar/app/index.html").as_uri())
        page.hover("h1")
        for element in page.locator("h1, h3, td, li").all():
            element.hover()
        assert page.locator("h1").inner_text().count("onmouseover") == 1
        browser.close()
    assert dialogs == [] and errors == []


@pytest.mark.parametrize(
    "address",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "http://example.com/chat",
        "vbscript:x",
    ],
)
def test_unsafe_channel_address_is_a_validation_error(tmp_path, address: str) -> None:
    folder = write_policy(
        tmp_path,
        "channels:\n  chat: {kind: chat, name: Chat, address: " + json.dumps(address) + "}\n",
    )
    found = [f for f in validate_policy(folder).findings if f.rule_id == "E503"]
    assert len(found) == 1
    assert found[0].location.line == 3  # the channel, after the apiVersion line


@pytest.mark.parametrize(
    "snippet",
    [
        "organization: {name: X, status_page: 'http://status.example.com'}\n",
        "products:\n  app:\n    name: App\n    portals: [{name: P, address: 'data:x'}]\n",
    ],
)
def test_unsafe_organization_and_portal_addresses_are_errors(tmp_path, snippet: str) -> None:
    folder = write_policy(tmp_path, snippet)
    assert "E503" in {f.rule_id for f in validate_policy(folder).findings}


@pytest.mark.parametrize(
    "address",
    [
        "https://example.com/chat",
        "mailto:help@example.com",
        "tel:+4681234567",
        "help@example.com",
        "+46 8 123 45 67",
    ],
)
def test_safe_addresses_pass(tmp_path, address: str) -> None:
    folder = write_policy(
        tmp_path,
        "channels:\n  chat: {kind: phone, name: Chat, address: " + json.dumps(address) + "}\n",
    )
    assert "E503" not in {f.rule_id for f in validate_policy(folder).findings}


def test_dot_dot_slash_in_an_id_is_refused(tmp_path) -> None:
    folder = write_policy(tmp_path, "products:\n  ../etc:\n    name: Escape\n")
    findings = validate_policy(folder).findings
    assert any(f.rule_id.startswith("E1") and "../etc" in f.message for f in findings)
