"""The diagrams generator: DOT for every example, SVG from Graphviz's real dot, the
missing-dot warning, and the weekly coverage heatmaps."""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET

import pytest

from tests.site_build import EXAMPLES, context_for, render
from tests.test_examples import NAMES

SVG = "{http://www.w3.org/2000/svg}"


def _files(example: str) -> tuple[dict[str, bytes], list[str]]:
    context = context_for(EXAMPLES / example)
    files = {f.path: f.data for f in render(context, ["diagrams"])}
    return files, [w.message for w in context.warnings]


@pytest.fixture(scope="module", params=NAMES)
def example(request):
    if shutil.which("dot") is None:
        pytest.fail("Graphviz dot is not installed; .ci/run installs it with apt-get")
    policy = context_for(EXAMPLES / request.param).policy
    return policy, *_files(request.param)


def test_every_team_and_step_appears_in_the_dot(example) -> None:
    policy, files, warnings = example
    assert warnings == []
    for ladder in policy.escalations.values():
        source = files[f"diagrams/escalation-{ladder.id}.dot"].decode()
        for number, step in enumerate(ladder.steps, 1):
            edge = rf'"{step.source.id}" -> "{step.to.id}" \[label="{number}\. '
            assert re.search(edge, source), (ladder.id, number)
            for ref in (step.source, step.to):
                assert f'"{ref.id}" [label="{ref.target.name}\\n(' in source
    routing = files["diagrams/routing.dot"].decode()
    for team in {rule.to.target for rule in policy.routing.rules} | {
        policy.routing.front_door.target
    }:
        assert f'"team:{team.id}" [label="{team.name}"]' in routing
    # Every team is drawn somewhere: on a ladder or as a routing target.
    drawn = "".join(data.decode() for path, data in files.items() if path.endswith(".dot"))
    for team in policy.teams.values():
        assert f'"{team.id}" [label=' in drawn or f'"team:{team.id}" [label=' in drawn, team.id
    for channel in policy.channels.values():
        assert f'"channel:{channel.id}"' in routing
    assert f'-> "team:{policy.routing.front_door.id}" [label="front door' in routing
    if policy.lifecycle is not None:
        lifecycle = files["diagrams/lifecycle.dot"].decode()
        for state in policy.lifecycle.states:
            assert f'"{state}" [label=' in lifecycle
        for t in policy.lifecycle.transitions:
            assert f'"{t.source.id}" -> "{t.to.id}" [label="{t.on}"]' in lifecycle


def test_every_dot_file_has_its_svg_and_every_svg_is_xml(example) -> None:
    _policy, files, _warnings = example
    dots = [p for p in files if p.endswith(".dot")]
    assert dots
    for path in dots:
        root = ET.fromstring(files[path[:-4] + ".svg"])
        assert root.tag == f"{SVG}svg"
    for path, data in files.items():
        if path.endswith(".svg"):
            ET.fromstring(data)


def test_svgs_show_the_team_names(example) -> None:
    policy, files, _warnings = example
    texts = " ".join(
        t.text or ""
        for path, data in files.items()
        if path.endswith(".svg") and not path.startswith("diagrams/coverage/")
        for t in ET.fromstring(data).iter(f"{SVG}text")
    )
    for team in policy.teams.values():
        assert team.name in texts


def test_missing_dot_is_one_warning_and_the_dot_is_still_written(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # a PATH with no Graphviz on it
    files, warnings = _files("pagero")
    assert len(warnings) == 1
    assert (
        "Graphviz `dot` was not found" in warnings[0] and "apt-get install graphviz" in warnings[0]
    )
    assert "diagrams/routing.dot" in files and "diagrams/routing.svg" not in files
    assert any(p.startswith("diagrams/coverage/") for p in files)


def _rows(svg: bytes) -> dict[tuple[str, str], list[str]]:
    """(day, row label) → texts of its bands, read back from the heatmap SVG."""
    root = ET.fromstring(svg)
    days = [
        (float(t.get("y")), t.text)
        for t in root.iter(f"{SVG}text")
        if t.get("font-weight") == "bold" and t.get("x") == "10"
    ]
    found: dict[tuple[str, str], list[str]] = {}
    for group in root.iter(f"{SVG}g"):
        texts = list(group.iter(f"{SVG}text"))
        if group.get("class") not in ("channel", "tier"):
            continue
        y = float(texts[0].get("y"))
        day = [name for top, name in days if top < y][-1]
        found[(day, texts[0].text)] = [t.text for t in texts[1:] if t.text]
    return found


def test_heatmap_shows_the_desk_week_in_local_time() -> None:
    files, _ = _files("pagero")
    coverage = sorted(p for p in files if p.startswith("diagrams/coverage/"))
    assert len(coverage) == 12  # one per support-matrix cell
    arabic = _rows(files["diagrams/coverage/online-ar.svg"])
    assert arabic[("Sunday", "Channel: Ticket portal")] == ["09:00–18:00"]
    assert arabic[("Friday", "Channel: Ticket portal")] == ["closed"]
    assert arabic[("Friday", "Tier: First line")] == ["00:00–24:00"]
    # The English desk keeps UTC; the Stockholm 2nd line (08–17 local) is 07–16 UTC in winter.
    english = _rows(files["diagrams/coverage/online-en.svg"])
    assert english[("Monday", "Tier: Second line")] == ["07:00–16:00"]
    assert english[("Saturday", "Tier: Second line")] == ["closed"]
    assert english[("Saturday", "Channel: Chat")] == ["00:00–24:00"]
    finnish = _rows(files["diagrams/coverage/online-fi.svg"])
    assert finnish[("Monday", "Channel: Phone")] == ["08:00–16:00"]
    assert ("Monday", "Tier: Second line") not in finnish  # no 2nd-line team speaks Finnish


def test_heatmap_reads_without_colour() -> None:
    files, _ = _files("pagero")
    svg = files["diagrams/coverage/online-de.svg"].decode()
    assert "Channel open (solid)" in svg and "Tier staffed (hatched)" in svg
    assert '<pattern id="hatch"' in svg
    root = ET.fromstring(svg)
    assert root.find(f"{SVG}title").text == "Weekly coverage: Pagero Online, German"


def test_parallel_drawing_matches_one_graph_at_a_time_and_names_a_bad_graph() -> None:
    from supportflow.build.site.graphviz import RenderError, dot_program, render_many, render_svg

    program = dot_program()
    if program is None:
        pytest.fail("Graphviz dot is not installed; .ci/run installs it with apt-get")
    files, _ = _files("crm-insight")
    sources = [data.decode() for path, data in sorted(files.items()) if path.endswith(".dot")]
    assert render_many(program, sources) == [render_svg(program, s) for s in sources]
    drawn = render_many(program, [sources[0], "digraph broken { a -> }", sources[-1]])
    assert isinstance(drawn[1], RenderError) and "syntax error" in str(drawn[1])
    assert drawn[0] == render_svg(program, sources[0])
    assert drawn[2] == render_svg(program, sources[-1])


def test_batched_drawing_gives_each_graph_its_own_bytes() -> None:
    """Every example's graphs through a few dot processes: the bytes of one graph drawn alone."""
    from supportflow.build.site.graphviz import dot_program, render_many, render_svg

    program = dot_program()
    if program is None:
        pytest.fail("Graphviz dot is not installed; .ci/run installs it with apt-get")
    sources = [
        data.decode()
        for name in NAMES
        for path, data in sorted(_files(name)[0].items())
        if path.endswith(".dot")
    ]
    assert len(sources) > 8  # more graphs than batches, so batches hold several
    drawn = render_many(program, sources)
    assert drawn == [render_svg(program, s) for s in sources]
    assert all(svg.count(b"<?xml ") == 1 and b'id="page' not in svg for svg in drawn)
