"""The ``supportflow`` command's entry point.

The commands are a click group (``supportflow.commands.group``). A plain
``supportflow validate`` command line, what CI jobs run on every push, is read
without importing click at all (``supportflow.commands.validate_run``); click
still reads every other one, and explains those it cannot take.
"""

from __future__ import annotations

import gc
import os
import sys

# Commands that only read their input and print a report or write their files atomically,
# with every helper process they started waited for. When one of them is done, the
# process ends without freeing its objects one by one: for a 10,000-team policy that
# teardown took 2.3 s of validate's 7.5, and 7 s of build's 24 (the model, the runtime
# document and every rendered file). Commands that leave cleanups to exit handlers are
# not listed.
#
# They also run without the cyclic garbage collector. Their stages already pause it
# (supportflow.compile.paused_gc), so what it still did was walk the imported modules
# again and again, and every object the stages built once more when the pause ended:
# 25-30 ms of a 700 ms run on Pagero, with nothing to free, as the process ends next.
# Build's peak memory at 10,000 teams is the same either way (595 MB).
ENDS_WITHOUT_TEARDOWN = frozenset({"validate", "build"})


def main() -> None:
    """Console-script entry point; click maps usage errors to exit code 2."""
    arguments = sys.argv[1:]
    if not arguments or arguments[0] not in ENDS_WITHOUT_TEARDOWN:
        _click()
        return
    gc.disable()
    status = _plain_validate(arguments[1:]) if arguments[0] == "validate" else None
    if status is None:
        try:
            _click()
        except SystemExit as done:  # click always ends this way in standalone mode
            status = _exit_status(done.code)
        else:
            status = 0
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # the reader went away (a closed pipe)
            status = status or 1
    os._exit(status)


def _click() -> None:
    from supportflow.commands.group import cli

    cli(prog_name="supportflow")


def _plain_validate(arguments: list[str]) -> int | None:
    """Run validate on a command line click is not needed for; None for any other line.

    The ends click's standalone mode gives, too: a closed pipe exits 1, Ctrl-C prints
    "Aborted!" and exits 1.
    """
    from supportflow.commands.validate_run import plain_invocation, run

    invocation = plain_invocation(arguments)
    if invocation is None:
        return None
    try:
        return run(invocation)
    except BrokenPipeError:
        return 1
    except KeyboardInterrupt:
        sys.stderr.write("\nAborted!\n")
        return 1


def _exit_status(code: object) -> int:
    """What ``sys.exit(code)`` would end the process with, printing a text code as it would."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1
