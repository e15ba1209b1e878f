"""Time `supportflow validate` against yamllint and check-jsonschema on every example.

All three run as the command a CI job would call, on the same files, in one
run. The tools take turns run by run (supportflow cold, supportflow warm,
yamllint, check-jsonschema, supportflow cold, ...), so a burst of load from other
work on the machine hits each of them alike; each figure is the median of its
runs. The peers do less: yamllint checks YAML style only, check-jsonschema the
schema only; supportflow runs its strict loader, the schema and every semantic rule.

supportflow keeps the public holidays it computed in a cache folder, so it is
timed twice, with a cache folder of its own (never the user's): *cold*, the
folder emptied before every run, as on a fresh CI runner, and *warm*, the folder
left as the run before filled it, as on a developer's machine or a CI job that
keeps the folder. Emptying the folder is not timed.

Every tool runs as installed: pip byte-compiles a package when it installs it,
so supportflow's modules are byte-compiled first here too (an editable install
would otherwise compile them on every run where PYTHONDONTWRITEBYTECODE is set).
``--cpu`` reports each run's processor time (user + system) instead of the
elapsed time, which a machine shared with other work disturbs less.

    python benchmarks/validate_cli.py [--runs N] [--cpu] [--examples pagero ...]
"""

from __future__ import annotations

import argparse
import compileall
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import supportflow

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SCHEMA = ROOT / "schemas" / "policy.v1.schema.json"
TOOLS = ("supportflow cold", "supportflow warm", "yamllint", "check-jsonschema")
NO_CACHE = "SUPPORTFLOW_NO_CACHE"

Clock = Callable[[], float]


def _elapsed() -> float:
    return time.perf_counter()


def _children_cpu() -> float:
    """User and system seconds of every finished child process so far (POSIX only)."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _command(name: str) -> str:
    """The console script beside this interpreter, as CI would call it."""
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        sys.exit(f"{name} is not installed; pip install '.[bench]'")
    return found


Command = tuple[list[str], tuple[int, ...], dict[str, str] | None]


def _commands(example: Path, cache: Path) -> dict[str, Command]:
    """Each tool's command on one example, the exit codes that mean it ran, and its env."""
    files = [str(p.relative_to(ROOT)) for p in sorted(example.glob("*.yaml"))]
    validate = [_command("supportflow"), "validate", str(example.relative_to(ROOT))]
    environ = {k: v for k, v in os.environ.items() if k != NO_CACHE}
    environ["XDG_CACHE_HOME"] = str(cache)
    return {
        "supportflow cold": (validate, (0,), environ),
        "supportflow warm": (validate, (0,), environ),
        # yamllint's default rules flag style (line length, document start); exit 1 is fine.
        "yamllint": ([_command("yamllint"), *files], (0, 1), None),
        "check-jsonschema": (
            [_command("check-jsonschema"), "--schemafile", str(SCHEMA), *files],
            (0,),
            None,
        ),
    }


def _run(command: Command, clock: Clock) -> float:
    argv, ok_codes, environ = command
    start = clock()
    done = subprocess.run(argv, capture_output=True, cwd=ROOT, env=environ, check=False)
    seconds = clock() - start
    if done.returncode not in ok_codes:
        sys.exit(
            f"{' '.join(argv)} exited {done.returncode}:\n{done.stdout.decode()}"
            f"{done.stderr.decode()}"
        )
    return seconds


def _empty(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()


def time_example(example: Path, runs: int, clock: Clock) -> dict[str, float]:
    """Median seconds per tool, the tools taking turns run by run after one warm-up each.

    Before each cold run the cache folder is emptied; the cold run fills it again,
    for the warm run that follows.
    """
    with tempfile.TemporaryDirectory(prefix="validate-cli-cache-") as folder:
        cache = Path(folder) / "xdg"
        commands = _commands(example, cache)
        samples: dict[str, list[float]] = {tool: [] for tool in TOOLS}
        for tool in TOOLS:  # page cache and byte-code, for every tool alike
            if tool == "supportflow cold":
                _empty(cache)
            _run(commands[tool], clock)
        for _ in range(runs):
            for tool in TOOLS:
                if tool == "supportflow cold":
                    _empty(cache)
                samples[tool].append(_run(commands[tool], clock))
    return {tool: statistics.median(times) for tool, times in samples.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="runs per tool and example")
    parser.add_argument("--cpu", action="store_true", help="time user + system, not elapsed")
    parser.add_argument("--examples", nargs="+", help="example names (default: all)")
    args = parser.parse_args()
    names = args.examples or sorted(p.name for p in EXAMPLES.iterdir() if p.is_dir())
    clock = _children_cpu if args.cpu else _elapsed

    compileall.compile_dir(Path(supportflow.__file__).parent, quiet=1)
    print(f"{'cpu' if args.cpu else 'elapsed'} time, median of {args.runs} runs")
    print(
        f"{'example':<24}{'sf cold':>9}{'sf warm':>9}{'yamllint':>10}{'c-j':>8}"
        f"{'cold/yl':>9}{'warm/yl':>9}{'warm/c-j':>10}"
    )
    ratios: dict[str, list[float]] = {"cold/yl": [], "warm/yl": [], "warm/c-j": []}
    for name in names:
        median = time_example(EXAMPLES / name, args.runs, clock)
        cold, warm, yl, cj = (median[tool] for tool in TOOLS)
        row = {"cold/yl": cold / yl, "warm/yl": warm / yl, "warm/c-j": warm / cj}
        for key, ratio in row.items():
            ratios[key].append(ratio)
        print(
            f"{name:<24}{cold * 1000:>7.0f}ms{warm * 1000:>7.0f}ms{yl * 1000:>8.0f}ms"
            f"{cj * 1000:>6.0f}ms{row['cold/yl']:>9.2f}{row['warm/yl']:>9.2f}"
            f"{row['warm/c-j']:>10.2f}"
        )
    print()
    for key, label in (
        ("cold/yl", "supportflow cold / yamllint:"),
        ("warm/yl", "supportflow warm / yamllint:"),
        ("warm/c-j", "supportflow warm / check-jsonschema:"),
    ):
        target = " (target ≤ 1.00 on every example)" if key != "warm/c-j" else ""
        print(
            f"{label:<38} median {statistics.median(ratios[key]):.2f}, "
            f"worst {max(ratios[key]):.2f}{target}"
        )


if __name__ == "__main__":
    main()
