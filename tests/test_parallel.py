"""Work split over forked processes gives what one process computes, in the same order."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

from supportflow import parallel
from supportflow.api import validate_policy
from supportflow.rules import coverage

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from synthetic import write_policy  # noqa: E402


def _squares(part: Sequence[int]) -> list[tuple[int, int]]:
    return [(value, os.getpid()) for value in part]


def test_split_keeps_order_and_balances() -> None:
    items = list(range(10))
    parts = parallel.split(items, 3)
    assert [list(part) for part in parts] == [[0, 1, 2], [3, 4, 5], [6, 7, 8, 9]]
    assert parallel.split([], 2) == [[], []]


def test_split_gives_this_process_a_smaller_first_part() -> None:
    parts = parallel.split(list(range(10)), 2, first=0.25)
    assert [list(part) for part in parts] == [[0, 1], [2, 3, 4, 5, 6, 7, 8, 9]]
    assert [len(part) for part in parallel.split(list(range(9)), 3, first=0.5)] == [1, 4, 4]


def test_fork_map_runs_parts_elsewhere_and_returns_them_in_order() -> None:
    results = parallel.fork_map(_squares, parallel.split(list(range(9)), 3))
    assert [value for part in results for value, _ in part] == list(range(9))
    pids = [{pid for _, pid in part} for part in results]
    assert pids[0] == {os.getpid()}  # the first part in this process
    assert all(len(found) == 1 and found != pids[0] for found in pids[1:])  # the others forked


def test_a_failing_child_part_is_computed_again_here() -> None:
    me = os.getpid()

    def work(part: Sequence[int]) -> list[int]:
        if os.getpid() != me:
            raise RuntimeError("lost in the child")
        return [value * 2 for value in part]

    assert parallel.fork_map(work, [[1], [2], [3]]) == [[2], [4], [6]]


def test_an_error_here_stops_the_children_and_surfaces() -> None:
    def work(part: Sequence[int]) -> list[int]:
        if part == [1]:
            raise ValueError("the first part")
        return list(part)

    with pytest.raises(ValueError, match="the first part"):
        parallel.fork_map(work, [[1], [2]])


def test_jobs_honours_the_work_and_the_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(parallel.JOBS, raising=False)
    assert parallel.jobs(10, 100) == 1  # too little work for a second process
    cores = len(os.sched_getaffinity(0))
    assert parallel.jobs(10**9, 1) == cores
    monkeypatch.setenv(parallel.JOBS, "1")
    assert parallel.jobs(10**9, 1) == 1


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_policy(tmp_path_factory.mktemp("synthetic"), 100)


@pytest.fixture
def forks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The pids of the children forked while the test runs."""
    forked: list[int] = []
    real_fork = os.fork

    def counting_fork() -> int:
        pid = real_fork()
        if pid:
            forked.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", counting_fork)
    return forked


@pytest.mark.parametrize("name", ["pagero", "synthetic"])
def test_coverage_findings_are_the_same_split_or_not(
    name: str, synthetic: Path, forks: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    policy = synthetic if name == "synthetic" else ROOT / "examples" / name
    monkeypatch.setenv(parallel.JOBS, "1")
    alone = validate_policy(policy).findings
    monkeypatch.setenv(parallel.JOBS, "2")
    monkeypatch.setattr(coverage, "CELL_CALENDARS_PER_JOB", 1)  # split even a small policy
    split = validate_policy(policy).findings
    assert forks, "the sweep was not split"
    assert split == alone
    assert any(finding.rule_id.startswith("W70") for finding in split)


def test_balance_deals_the_heaviest_first_and_keeps_each_part_in_order() -> None:
    sizes = [5, 1, 9, 3, 3, 7]
    parts = parallel.balance(sizes, 2, lambda size: size)
    loads = [sum(part) for part in parts]
    assert max(loads) - min(loads) <= max(sizes)
    assert sorted(size for part in parts for size in part) == sorted(sizes)
    for part in parts:  # the items' own order inside each part
        positions = [sizes.index(size) for size in part]
        assert positions == sorted(positions)


def test_a_large_policy_loads_and_checks_the_same_split_or_not(
    synthetic: Path, forks: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    from supportflow.compile import loader, schema

    monkeypatch.setenv(parallel.JOBS, "1")
    alone = validate_policy(synthetic)
    monkeypatch.setenv(parallel.JOBS, "2")
    monkeypatch.setattr(loader, "BYTES_PER_JOB", 1)
    monkeypatch.setattr(schema, "BYTES_PER_JOB", 1)
    forks.clear()
    split = validate_policy(synthetic)
    assert len(forks) >= 2  # the loader's and the schema check's
    assert split.findings == alone.findings
    assert split.policy == alone.policy


def test_parsing_ahead_reads_no_file_that_is_not_regular(
    synthetic: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A link to a pipe is reported by the loader as unreadable; reading it ahead would
    block the run for good."""
    from supportflow.compile import loader

    policy = tmp_path / "policy"
    policy.mkdir()
    for source in synthetic.iterdir():
        (policy / source.name).write_bytes(source.read_bytes())
    os.mkfifo(policy / "pipe")
    (policy / "zz-pipe.yaml").symlink_to(policy / "pipe")
    monkeypatch.setenv(parallel.JOBS, "2")
    monkeypatch.setattr(loader, "BYTES_PER_JOB", 1)
    found = validate_policy(policy).findings
    assert [f.rule_id for f in found if f.location.file.endswith("zz-pipe.yaml")] == ["E001"]
