"""Time `supportflow validate` against yamllint and check-jsonschema on every example.

All three run as the command a CI job would call, on the same files, in one
run. The tools take turns run by run (supportflow, yamllint, check-jsonschema,
supportflow, ...), so a burst of load from other work on the machine hits each
of them alike; each figure is the median of its runs. The peers do less:
yamllint checks YAML style only, check-jsonschema the schema only; supportflow
runs its strict loader, the schema and every semantic rule.

Every tool runs as installed: pip byte-compiles a package when it installs it,
so supportflow's modules are byte-compiled first here too (an editable install
would otherwise compile them on every run where PYTHONDONTWRITEBYTECODE is set).

    python benchmarks/validate_cli.py [--runs N] [--examples pagero ...]
"""

from __future__ import annotations

import argparse
import compileall
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import supportflow

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SCHEMA = ROOT / "schemas" / "policy.v1.schema.json"
TOOLS = ("supportflow", "yamllint", "check-jsonschema")


def _command(name: str) -> str:
    """The console script beside this interpreter, as CI would call it."""
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        sys.exit(f"{name} is not installed; pip install '.[bench]'")
    return found


def _commands(example: Path) -> dict[str, tuple[list[str], tuple[int, ...]]]:
    """Each tool's command on one example, with the exit codes that mean it ran."""
    files = [str(p.relative_to(ROOT)) for p in sorted(example.glob("*.yaml"))]
    return {
        "supportflow": (
            [_command("supportflow"), "validate", str(example.relative_to(ROOT))],
            (0,),
        ),
        # yamllint's default rules flag style (line length, document start); exit 1 is fine.
        "yamllint": ([_command("yamllint"), *files], (0, 1)),
        "check-jsonschema": (
            [_command("check-jsonschema"), "--schemafile", str(SCHEMA), *files],
            (0,),
        ),
    }


def _run(argv: list[str], ok_codes: tuple[int, ...]) -> float:
    start = time.perf_counter()
    done = subprocess.run(argv, capture_output=True, cwd=ROOT, check=False)
    seconds = time.perf_counter() - start
    if done.returncode not in ok_codes:
        sys.exit(
            f"{' '.join(argv)} exited {done.returncode}:\n{done.stdout.decode()}"
            f"{done.stderr.decode()}"
        )
    return seconds


def time_example(example: Path, runs: int) -> dict[str, float]:
    """Median seconds per tool, the tools taking turns run by run after one warm-up each."""
    commands = _commands(example)
    samples: dict[str, list[float]] = {tool: [] for tool in TOOLS}
    for tool in TOOLS:
        _run(*commands[tool])  # page cache and byte-code, for every tool alike
    for _ in range(runs):
        for tool in TOOLS:
            samples[tool].append(_run(*commands[tool]))
    return {tool: statistics.median(times) for tool, times in samples.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="runs per tool and example")
    parser.add_argument("--examples", nargs="+", help="example names (default: all)")
    args = parser.parse_args()
    names = args.examples or sorted(p.name for p in EXAMPLES.iterdir() if p.is_dir())

    compileall.compile_dir(Path(supportflow.__file__).parent, quiet=1)
    print(
        f"{'example':<24}{'supportflow':>12}{'yamllint':>10}{'check-jsonschema':>18}"
        f"{'vs yamllint':>13}{'vs c-j':>8}"
    )
    ratios_yl, ratios_cj = [], []
    for name in names:
        median = time_example(EXAMPLES / name, args.runs)
        ours, yl, cj = (median[tool] for tool in TOOLS)
        ratios_yl.append(ours / yl)
        ratios_cj.append(ours / cj)
        print(
            f"{name:<24}{ours * 1000:>10.0f}ms{yl * 1000:>8.0f}ms{cj * 1000:>16.0f}ms"
            f"{ours / yl:>13.2f}{ours / cj:>8.2f}"
        )
    print(
        f"\nsupportflow time / yamllint time:         median {statistics.median(ratios_yl):.2f}"
        f", worst {max(ratios_yl):.2f} (target ≤ 1.00 on every example)"
    )
    print(
        f"supportflow time / check-jsonschema time: median {statistics.median(ratios_cj):.2f}"
        f", worst {max(ratios_cj):.2f}"
    )


if __name__ == "__main__":
    main()
