"""The runtime API on a built runtime.json gives exactly the answers of ``supportflow route``.

The file is built once per example by the ``runtime`` generator with a fixed as-of date
and read back with ``supportflow.runtime.load``, without the policy. ``route`` gets the
policy and builds its own document per ticket, with its default horizon (a week before
the ticket): different holiday windows, the same answers. Thousands of random tickets go
through the command's Python entry point; a handful through the real CLI.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest
from runtime_tickets import random_tickets

from supportflow import __version__
from supportflow.api import load_valid_policy
from supportflow.build.generator import BuildContext
from supportflow.build.generators import runtime as runtime_generator
from supportflow.commands.route import Preview
from supportflow.runtime import Ticket, evaluate, load

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ["pagero", "pagonxt", "paymentus", "dutch-customer-success", "crm-insight", "timeline"]
TICKETS = 2000


def _path(name: str) -> Path:
    if name == "timeline":
        return ROOT / "tests" / "fixtures" / "runtime" / "timeline.yaml"
    return ROOT / "examples" / name


@pytest.fixture(scope="module", params=EXAMPLES)
def built(request, tmp_path_factory) -> tuple[str, Path]:
    policy = load_valid_policy(_path(request.param))
    [output] = runtime_generator.render(BuildContext(policy, date(2027, 1, 1), __version__))
    path = tmp_path_factory.mktemp(request.param) / output.path
    path.write_bytes(output.data)
    return request.param, path


def test_the_runtime_file_and_route_agree_on_randomrandom_tickets(built) -> None:
    name, path = built
    runtime = load(path)
    preview = Preview(load_valid_policy(_path(name)))
    tickets = random_tickets(runtime.document, name, TICKETS)
    for ticket, at in tickets:
        assert runtime.route(ticket, at).as_json() == preview.route(ticket, at).as_json(), (
            ticket,
            at,
        )
    timed = sum(1 for t, a in tickets if runtime.route(t, a).targets)
    assert timed > 0 or not runtime.document["targets"]


def test_the_real_cli_prints_what_the_runtime_file_answers(built) -> None:
    name, path = built
    runtime = load(path)
    for ticket, at in random_tickets(runtime.document, f"cli-{name}", 2):
        args = [
            sys.executable, "-m", "supportflow", "route", str(_path(name)),
            "--product", ticket.product, "--language", ticket.language,
            "--channel", ticket.channel, "--type", str(ticket.request_type),
            "--at", at.isoformat(), "--format", "json",
        ]  # fmt: skip
        if ticket.priority:
            args += ["--priority", ticket.priority]
        if ticket.severity:
            args += ["--severity", ticket.severity]
        done = subprocess.run(args, capture_output=True, text=True, check=False)
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout) == runtime.route(ticket, at).as_json()


def _answer(runtime, ticket: Ticket, at: datetime) -> object:
    """The route as JSON, or the kind of refusal."""
    try:
        return runtime.route(ticket, at).as_json()
    except Exception as refusal:  # a refusal must be the same one on both paths
        return type(refusal).__name__, str(refusal)


def test_the_epoch_microsecond_path_answers_as_the_datetime_path(
    built, monkeypatch: pytest.MonkeyPatch
) -> None:
    """route() times steps and targets on epoch µs where it can; with that path turned
    off, every instant goes through datetimes and the engine's own API. Both must give
    the same answers, offsets and refusals included, on every example."""
    name, path = built
    runtime = load(path)
    tickets = random_tickets(runtime.document, f"{name}-paths", TICKETS // 2)
    fast = [_answer(runtime, ticket, at) for ticket, at in tickets]
    slow_runtime = load(path)
    monkeypatch.setattr(evaluate, "count", lambda *_: None)
    slow = [_answer(slow_runtime, ticket, at) for ticket, at in tickets]
    for ticket_at, one, other in zip(tickets, fast, slow, strict=True):
        assert one == other, ticket_at
    assert any(isinstance(answer, dict) and answer["escalations"] for answer in fast)
