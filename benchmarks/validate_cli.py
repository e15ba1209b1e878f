"""Time `supportflow validate` against yamllint and check-jsonschema on every example.

All three run as the command a CI job would call, on the same files, in one
run; each is timed as the median wall-clock time of several runs. The peers
do less: yamllint checks YAML style only, check-jsonschema checks the schema
only; supportflow runs its strict loader, the schema and every semantic rule.

    python benchmarks/validate_cli.py [--runs N]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted(p for p in (ROOT / "examples").iterdir() if p.is_dir())
SCHEMA = ROOT / "schemas" / "policy.v1.schema.json"


def _command(name: str) -> list[str]:
    """The console script beside this interpreter, as CI would call it."""
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        sys.exit(f"{name} is not installed; pip install '.[bench]'")
    return [found]


def _time(argv: list[str], runs: int, ok_codes: tuple[int, ...] = (0,)) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(argv, capture_output=True, cwd=ROOT, check=False)
        samples.append(time.perf_counter() - start)
        if done.returncode not in ok_codes:
            sys.exit(
                f"{' '.join(argv)} exited {done.returncode}:\n{done.stdout.decode()}"
                f"{done.stderr.decode()}"
            )
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="runs per tool and example")
    args = parser.parse_args()

    ours, yamllint, checker = (
        _command("supportflow"),
        _command("yamllint"),
        _command("check-jsonschema"),
    )
    print(
        f"{'example':<24}{'supportflow':>12}{'check-jsonschema':>18}{'yamllint':>10}"
        f"{'vs c-j':>9}{'vs yamllint':>13}"
    )
    ratios_cj, ratios_yl = [], []
    for example in EXAMPLES:
        files = [str(p.relative_to(ROOT)) for p in sorted(example.glob("*.yaml"))]
        t_ours = _time([*ours, "validate", str(example.relative_to(ROOT))], args.runs)
        t_cj = _time([*checker, "--schemafile", str(SCHEMA), *files], args.runs)
        # yamllint's default rules flag style (line length, document start); exit 1 is fine.
        t_yl = _time([*yamllint, *files], args.runs, ok_codes=(0, 1))
        ratios_cj.append(t_ours / t_cj)
        ratios_yl.append(t_ours / t_yl)
        print(
            f"{example.name:<24}{t_ours * 1000:>10.0f}ms{t_cj * 1000:>16.0f}ms"
            f"{t_yl * 1000:>8.0f}ms{t_ours / t_cj:>9.2f}{t_ours / t_yl:>13.2f}"
        )
    print(
        f"\nsupportflow time / check-jsonschema time: median {statistics.median(ratios_cj):.2f}"
        " (target ≤ 1.00)"
    )
    print(
        f"supportflow time / yamllint time:         median {statistics.median(ratios_yl):.2f}"
        " (stretch target ≤ 1.00)"
    )


if __name__ == "__main__":
    main()
