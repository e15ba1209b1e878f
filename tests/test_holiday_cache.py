"""The holiday cache on disk: found where the user keeps caches, never wrong, never in the way.

A warm run of `validate` reads the year's holidays from the cache and does not
import the holidays package; whatever is in the cache folder (nothing, garbage,
another key, a folder it cannot write) the answers and the output stay the same.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from supportflow.businesstime import holiday_codes, holiday_package, holidays
from supportflow.businesstime.holiday_cache import NO_CACHE, cache_root, entry_path, read, write
from supportflow.businesstime.spec import HolidaySource

ROOT = Path(__file__).resolve().parent.parent
PAGERO = str(ROOT / "examples" / "pagero")
KEY = [1, "0.109", "SE", None, 2027]


def _clear() -> None:
    for cached in (holidays._year, holidays.public_holidays, holidays.public_holiday_names):
        cached.cache_clear()


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The cache turned on, in a fresh folder, for this process and the ones it starts."""
    monkeypatch.delenv(NO_CACHE)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    _clear()
    yield tmp_path / "xdg" / "supportflow"
    _clear()


def _entries(root: Path) -> list[Path]:
    return sorted(root.rglob("*.json"))


# where the cache lives


def test_the_cache_follows_xdg_and_can_be_turned_off() -> None:
    assert cache_root({"XDG_CACHE_HOME": "/c", "HOME": "/h"}) == Path("/c/supportflow")
    assert cache_root({"XDG_CACHE_HOME": "/c", NO_CACHE: "1"}) is None
    assert cache_root({"XDG_CACHE_HOME": "/c", NO_CACHE: "0"}) == Path("/c/supportflow")
    assert cache_root({"XDG_CACHE_HOME": "/c", NO_CACHE: ""}) == Path("/c/supportflow")


def test_a_relative_xdg_folder_is_ignored_for_the_home_folder(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("HOME", "/home/someone")
    assert cache_root({"XDG_CACHE_HOME": "cache"}) == Path("/home/someone/.cache/supportflow")
    assert cache_root({}) == Path("/home/someone/.cache/supportflow")


def test_entry_names_are_readable_and_odd_parts_stay_file_names(tmp_path: Path) -> None:
    assert entry_path(tmp_path, ("holidays", "0.109"), ("SE", None, 2027)) == (
        tmp_path / "holidays" / "0.109" / "SE_-_2027.json"
    )
    odd = entry_path(tmp_path, ("holidays", "../x"), ("BR", "São Paulo Capital", 2027))
    assert odd.parent.parent == tmp_path / "holidays"
    assert "/" not in odd.name and " " not in odd.name and odd.name.startswith("BR_x")


# reading and writing


def test_an_entry_reads_back_as_written(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b.json"
    assert read(path, KEY) is None
    write(path, KEY, {"dates": [1, 2], "names": [[1, "Nyårsdagen"]]})
    assert read(path, KEY) == {"dates": [1, 2], "names": [[1, "Nyårsdagen"]]}
    assert [p.name for p in path.parent.iterdir()] == ["b.json"]  # no temporary left


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"{not json",
        b"\xff\xfe garbage",
        b"[" * 100_000,
        b'{"key": [1, "0.110", "SE", null, 2027], "value": 1}',  # another release's key
        b'["key", "value"]',
        b" " * (2 << 20),
    ],
)
def test_anything_else_in_an_entry_is_a_miss(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "entry.json"
    path.write_bytes(content)
    assert read(path, KEY) is None


def test_a_folder_that_cannot_be_written_is_left_alone(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache wants a folder", encoding="utf-8")
    write(blocker / "holidays" / "x.json", KEY, [1])  # no exception
    assert list(tmp_path.iterdir()) == [blocker]


# the holidays lookups through the cache


@pytest.mark.parametrize("code", ["SE", "FI", "SA", "US", "DE"])
def test_answers_from_the_cache_are_the_computed_answers(cache: Path, code: str) -> None:
    source = HolidaySource(code)
    computed = holidays._computed(source, 2027)
    cold = (holidays.public_holidays(source, 2027), holidays.public_holiday_names(source, 2027))
    assert len(_entries(cache)) == 1
    _clear()
    warm = (holidays.public_holidays(source, 2027), holidays.public_holiday_names(source, 2027))
    assert cold == warm == (frozenset(computed[0]), dict(computed[1]))
    assert list(warm[1]) == [day for day, _ in computed[1]]  # the package's order, kept


def test_a_damaged_entry_is_computed_again_and_replaced(cache: Path) -> None:
    source = HolidaySource("SE")
    expected = holidays.public_holidays(source, 2027)
    (entry,) = _entries(cache)
    good = entry.read_text(encoding="utf-8")
    for damage in ('{"dates": [1, 2], "names": []}', good.replace("[7", "[-7", 1), ""):
        entry.write_text(damage, encoding="utf-8")
        _clear()
        assert holidays.public_holidays(source, 2027) == expected
        assert entry.read_text(encoding="utf-8") == good


@pytest.fixture
def newer_release(cache: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The installed holidays release is one the generated code table was not made from."""
    monkeypatch.setattr(holiday_codes, "HOLIDAYS_VERSION", "0.0-older")
    holiday_package.package_subdivisions.cache_clear()
    return cache


def _package_unasked(monkeypatch: pytest.MonkeyPatch) -> None:
    def asked(country: str) -> None:
        raise AssertionError(f"the package was asked for {country}'s subdivisions")

    monkeypatch.setattr(holiday_package, "package_subdivisions", asked)


def test_a_newer_release_is_asked_for_subdivisions_once(
    newer_release: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = {code: holidays.subdivisions(code) for code in ("SE", "US", "XX")}
    assert answers["XX"] is None and "CA" in (answers["US"] or ())
    assert answers["SE"] == holiday_package.package_subdivisions("SE")
    names = {p.name for p in _entries(newer_release)}
    assert {"subdivisions_SE.json", "subdivisions_US.json", "subdivisions_XX.json"} <= names
    _package_unasked(monkeypatch)
    assert {code: holidays.subdivisions(code) for code in answers} == answers


def test_a_damaged_subdivisions_entry_is_asked_again(
    newer_release: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = holidays.subdivisions("US")
    (entry,) = [p for p in _entries(newer_release) if p.name == "subdivisions_US.json"]
    good = entry.read_text(encoding="utf-8")
    for damage in ('{"codes": [1, 2]}', good.replace('"codes"', '"code"'), "[]"):
        entry.write_text(damage, encoding="utf-8")
        assert holidays.subdivisions("US") == expected
        assert entry.read_text(encoding="utf-8") == good


def test_the_release_the_table_is_from_reads_no_entry(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(holiday_codes, "HOLIDAYS_VERSION", holiday_package.installed_version())
    _package_unasked(monkeypatch)
    assert holidays.subdivisions("SE") == holiday_codes.SUBDIVISIONS["SE"]
    assert not cache.exists()


def test_without_a_known_release_nothing_is_cached(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(holiday_package, "installed_version", lambda: None)
    assert holidays.public_holidays(HolidaySource("SE"), 2027)
    assert not cache.exists()


def test_the_cache_turned_off_is_neither_read_nor_written(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(NO_CACHE, "1")
    assert holidays.public_holidays(HolidaySource("SE"), 2027)
    assert not cache.exists()


# whole runs


def _validate(*, imports: bool = False) -> tuple[str, set[str]]:
    """validate Pagero in a new process: its output, and the top-level packages it imported."""
    timing = ["-X", "importtime"] if imports else []
    done = subprocess.run(
        [sys.executable, *timing, "-m", "supportflow", "validate", PAGERO],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    lines = done.stderr.splitlines()
    imported = {line.rsplit("|", 1)[1].strip().split(".")[0] for line in lines if "|" in line}
    return done.stdout, imported


def test_a_warm_run_does_not_import_holidays_and_says_the_same(cache: Path) -> None:
    cold, cold_imports = _validate(imports=True)
    assert "holidays" in cold_imports
    assert {p.name for p in _entries(cache)} >= {"SE_-_2027.json", "FI_-_2027.json"}
    warm, warm_imports = _validate(imports=True)
    assert "holidays" not in warm_imports
    assert warm == cold


def test_concurrent_cold_runs_agree_and_leave_whole_entries(cache: Path) -> None:
    command = [sys.executable, "-m", "supportflow", "validate", PAGERO]
    runs = [
        subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(6)
    ]
    outputs = {run.communicate()[0] for run in runs}
    assert [run.returncode for run in runs] == [0] * 6
    assert len(outputs) == 1
    entries = _entries(cache)
    assert entries and all(json.loads(p.read_text(encoding="utf-8"))["value"] for p in entries)
    assert list(cache.rglob(".*")) == []  # no temporary file left behind
    assert outputs == {_validate()[0].encode()}
