"""OUT on disk: swap a whole build in atomically, or compare one with it for ``--check``.

A build is written into a fresh folder next to OUT (same file system, so the
renames are atomic), fsynced, and then swapped in; the old one is deleted. A failure before the swap
deletes the new folder and leaves OUT as it was. On Linux the two folders are
exchanged in one ``renameat2`` call; elsewhere OUT is renamed aside first and
moved back if the second rename fails. Readers see the old OUT or the new one,
never a mix.

OUT is only ever replaced when it is empty or was made by ``supportflow build``
(it holds a ``manifest.json`` saying so), so ``-o .`` cannot wipe a project.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from supportflow.build.run import MANIFEST


class OutError(OSError):
    """OUT cannot be read, replaced or written; the message says what to do."""


def previous_manifest(out: Path) -> dict[str, object] | None:
    """OUT/manifest.json as written by an earlier build, or None."""
    try:
        data = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if isinstance(data, dict) and str(data.get("generated_by", "")).startswith("supportflow"):
        return data
    return None


def check_replaceable(out: Path) -> None:
    """Refuse an OUT that is a file, or a non-empty folder not made by ``supportflow build``."""
    if not out.exists() and not out.is_symlink():
        return
    if out.is_symlink() or not out.is_dir():
        raise OutError(f"{out} exists and is not a folder; choose another output folder")
    if any(out.iterdir()) and previous_manifest(out) is None:
        raise OutError(
            f"{out} is not empty and was not made by supportflow build (no manifest.json);"
            " choose a new or empty output folder"
        )


def write_tree(out: Path, files: Mapping[str, bytes]) -> None:
    """Make OUT hold exactly ``files``, all at once."""
    check_replaceable(out)
    parent = out.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(dir=parent, prefix=f".{out.name}.new-"))
        os.chmod(staging, 0o777 & ~_umask())  # mkdtemp makes it private; OUT is not
    except OSError as error:
        raise OutError(f"cannot create a folder in {parent}: {error.strerror}") from error
    try:
        for path, data in files.items():
            target = staging.joinpath(*path.split("/"))
            target.parent.mkdir(parents=True, exist_ok=True)
            with open(target, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        _swap(staging, out)
    except OSError as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise OutError(f"cannot write {out}: {error.strerror or error}") from error
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _swap(staging: Path, out: Path) -> None:
    if not out.exists():
        os.rename(staging, out)
        return
    if _exchange(staging, out):  # one step: OUT is never missing, even for an instant
        shutil.rmtree(staging, ignore_errors=True)
        return
    old = Path(tempfile.mkdtemp(dir=out.parent, prefix=f".{out.name}.old-"))
    old.rmdir()
    os.rename(out, old)
    try:
        os.rename(staging, out)
    except BaseException:
        os.rename(old, out)
        raise
    shutil.rmtree(old, ignore_errors=True)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two folders atomically with Linux's ``renameat2(RENAME_EXCHANGE)``.

    False where that is not available (another system, an old C library, a file
    system without it); the caller then renames twice.
    """
    if sys.platform != "linux":
        return False
    import ctypes

    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(first), at_fdcwd, os.fsencode(second), rename_exchange) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(second))


@dataclass
class Drift:
    """How OUT differs from what a build would write."""

    stale: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.stale or self.missing or self.extra)


def compare_tree(out: Path, files: Mapping[str, bytes]) -> Drift:
    """Compare OUT with ``files`` without writing anything."""
    drift = Drift()
    if out.exists() and not out.is_dir():
        raise OutError(f"{out} exists and is not a folder")
    present: set[str] = set()
    if out.is_dir():
        for root, folders, names in os.walk(out):
            folders.sort()
            base = Path(root).relative_to(out)
            present.update((base / name).as_posix() for name in names)
    for path, data in files.items():
        if path not in present:
            drift.missing.append(path)
            continue
        try:
            on_disk = (out / path).read_bytes()
        except OSError as error:
            raise OutError(f"cannot read {out / path}: {error.strerror}") from error
        if on_disk != data:
            drift.stale.append(path)
    drift.extra = sorted(present - files.keys())
    return drift
