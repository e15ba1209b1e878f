"""The load stage: policy files and folders to plain values that keep file:line:col.

:func:`load_policy` finds the files (a folder is scanned recursively; a single
file's folder is the policy root), follows ``include:`` lists, and hands each
file's bytes to :mod:`supportflow.compile.yaml_reader`, which owns the YAML pitfalls.
:func:`load_text` is the same per-file check without the file system.

Every problem becomes a located finding; only a target that cannot be loaded at
all (missing, not a file or folder, unreadable, a folder without policy files)
raises :class:`InputError`, which the CLI turns into exit code 2.

Containment: every file loaded lives inside the policy root, by real path. An
include that is absolute, climbs out with ``..`` or reaches outside through a
symlink (of a file or of a folder) is reported at the include entry and not
followed; while scanning a folder, a symlink that leads outside is reported at
the link and not followed. Symlinks that stay inside are harmless: every file is
loaded once, under the first name it was reached by.

``include`` is kept in a file's data (the schema knows it), so later stages can
see what a file pulled in.
"""

from __future__ import annotations

import glob
import os
import re
import stat
from collections.abc import Sequence
from functools import cached_property, partial
from pathlib import Path, PurePosixPath, PureWindowsPath

from supportflow.compile.yaml_reader import (
    COLUMN_BITS,
    COLUMN_MASK,
    Limits,
    Mark,
    MarkTable,
    Path_,
    parse_yaml,
)
from supportflow.diagnostics.catalogue import RuleDoc
from supportflow.diagnostics.findings import Finding, Location, sort_findings
from supportflow.diagnostics.ruledocs.loading import (
    BAD_INCLUDE,
    MISSING_API_VERSION,
    OUTSIDE_ROOT,
    SUPPORTED_API_VERSION,
    TOO_LARGE,
    UNREADABLE,
    UNSUPPORTED_API_VERSION,
)
from supportflow.frozen import field, frozen, replace
from supportflow.parallel import balance, fork_map, jobs

__all__ = [
    "DEFAULT_LIMITS",
    "SUPPORTED_API_VERSION",
    "InputError",
    "Limits",
    "LoadResult",
    "LoadedFile",
    "Mark",
    "Path_",
    "load_policy",
    "load_text",
]

DEFAULT_LIMITS = Limits()  # frozen, so one shared default is safe
POLICY_SUFFIXES = (".yaml", ".yml")
# Bytes of YAML one process parses before a second one is worth forking (~0.5 s on a
# 2-core CI machine; a large hand-written policy is ~50 KB, 10,000 teams 6.5 MB).
BYTES_PER_JOB = 1_500_000
_GLOB_MAGIC = re.compile(r"[*?[]")
_INCLUDE_PROBLEMS = frozenset({OUTSIDE_ROOT.id, BAD_INCLUDE.id})
_NO_CODES: dict[Path_, int] = {}


class InputError(Exception):
    """The target cannot be loaded at all (exit code 2); the message is for the user."""


@frozen
class LoadedFile:
    """One policy file's plain data and where each key and value starts in its text."""

    name: str
    path: Path
    text: str
    data: dict
    key_marks: MarkTable = field(repr=False)
    value_marks: MarkTable = field(repr=False)

    def location(self, path: Path_, *, key: bool = False) -> Location:
        """Where ``path`` is written, or its nearest written ancestor (a missing key's mapping).

        ``key=True`` points at an entry's key rather than its value where there is one.
        Resolve asks this for every object it builds, so it reads the packed codes.
        """
        path = tuple(path)
        key_codes = self.key_marks.codes if key else _NO_CODES
        value_codes = self.value_marks.codes
        code = key_codes.get(path) or value_codes.get(path)  # nearly always: its own mark
        if code is not None:
            return Location(self.name, code >> COLUMN_BITS, code & COLUMN_MASK)
        for end in range(len(path) - 1, -1, -1):
            prefix = path[:end]
            code = key_codes.get(prefix) or value_codes.get(prefix)
            if code is not None:
                return Location(self.name, code >> COLUMN_BITS, code & COLUMN_MASK)
        return Location(self.name)

    def source_line(self, line: int) -> str:
        """The text of 1-based ``line`` without its line break; empty when out of range."""
        return self._lines[line - 1] if 1 <= line <= len(self._lines) else ""

    @cached_property
    def _lines(self) -> list[str]:
        return self.text.splitlines()


@frozen
class LoadResult:
    """The files that loaded as usable mappings (sorted by name) and every finding."""

    files: list[LoadedFile]
    findings: list[Finding]

    @property
    def complete(self) -> bool:
        """Whether every file and include of the policy was loaded, so every id is known."""
        names = {file.name for file in self.files}
        return all(
            finding.location.file in names and finding.rule_id not in _INCLUDE_PROBLEMS
            for finding in self.findings
        )


def load_text(
    name: str, text: str | bytes, limits: Limits = DEFAULT_LIMITS
) -> tuple[LoadedFile | None, list[Finding]]:
    """Check one file's content as :func:`load_policy` would, without the file system.

    ``include`` lists are not followed. The file is None when its data cannot be
    trusted; it is returned despite duplicate keys (the first value is kept),
    dropped complex keys and a missing apiVersion (read as v1), so that later
    stages still see its definitions instead of reporting them missing.
    """
    size = len(text) if isinstance(text, bytes) else len(text.encode("utf-8", "surrogatepass"))
    if size > limits.max_file_bytes:
        return None, [_too_large(name, size, limits)]
    parsed = parse_yaml(name, text, limits)
    findings = parsed.findings
    if not parsed.usable:
        return None, findings
    loaded = LoadedFile(
        name=name,
        path=Path(name).resolve(),
        text=parsed.text or "",
        data=parsed.data,
        key_marks=parsed.key_marks,
        value_marks=parsed.value_marks,
    )
    version = loaded.data.get("apiVersion")
    if "apiVersion" not in loaded.data:
        findings.append(
            MISSING_API_VERSION.finding(
                f"the file has no apiVersion; add 'apiVersion: {SUPPORTED_API_VERSION}'",
                loaded.location(()),
            )
        )
    elif version != SUPPORTED_API_VERSION:
        findings.append(
            UNSUPPORTED_API_VERSION.finding(
                f"apiVersion {version!r} is not supported; use '{SUPPORTED_API_VERSION}'",
                loaded.location(("apiVersion",)),
            )
        )
        return None, findings
    return loaded, findings


def load_policy(target: str | os.PathLike[str], limits: Limits = DEFAULT_LIMITS) -> LoadResult:
    """Load a policy folder (every non-hidden ``*.yaml``/``*.yml``, recursively) or one file.

    Raises :class:`InputError` when the target itself cannot be loaded.
    """
    given = Path(os.path.abspath(target))
    if given.is_dir():
        session = _Session(given, limits)
        queue = session.scan(given)
        if not queue:
            raise InputError(f"{target}: no policy files (*.yaml, *.yml) in this folder")
    elif given.is_file():
        try:
            given.open("rb").close()
        except OSError as error:
            raise InputError(f"{target}: cannot read the file ({error.strerror})") from None
        session = _Session(given.parent, limits)
        queue = [given]
    elif given.exists():
        raise InputError(f"{target}: not a file or a folder")
    else:
        raise InputError(f"{target}: no such file or folder")
    session.load(queue)
    return LoadResult(
        files=sorted(session.files, key=lambda loaded: loaded.name),
        findings=sort_findings(session.findings),
    )


def display_name(path: Path) -> str:
    """The path as a user would type it: relative to the working folder when inside it."""
    try:
        return path.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path.as_posix()


def _inside(path: str | Path, root: str | Path) -> bool:
    return os.path.commonpath([path, root]) == os.fspath(root)


def _too_large(name: str, size: int, limits: Limits) -> Finding:
    return TOO_LARGE.finding(
        f"the file is {size:,} bytes; the limit is {limits.max_file_bytes:,}",
        Location(name),
    )


_Loaded = tuple[LoadedFile | None, list[Finding]]


def _parse_part(limits: Limits, files: Sequence[tuple[str, str, bytes]]) -> list[_Loaded]:
    return [load_text(name, raw, limits) for _, name, raw in files]


class _Session:
    """One load: the root, the files seen by real path, and what was found."""

    def __init__(self, root: Path, limits: Limits) -> None:
        self.root = root
        self.real_root = os.path.realpath(root)
        self.limits = limits
        self.seen: set[str] = set()
        self.files: list[LoadedFile] = []
        self.findings: list[Finding] = []

    def scan(self, folder: Path) -> list[Path]:
        """Policy files under ``folder``, sorted; symlinks leading outside are reported."""
        try:
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except OSError as error:
            if folder == self.root:
                raise InputError(f"{folder}: cannot read the folder ({error.strerror})") from None
            self.findings.append(
                UNREADABLE.finding(
                    f"cannot read the folder ({error.strerror})", Location(display_name(folder))
                )
            )
            return []
        found: list[Path] = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = folder / entry.name
            is_policy = entry.name.lower().endswith(POLICY_SUFFIXES)
            if entry.is_symlink():
                real = os.path.realpath(path)
                if not _inside(real, self.real_root) and (is_policy or os.path.isdir(real)):
                    self.findings.append(
                        OUTSIDE_ROOT.finding(
                            f"this symlink leads outside the policy folder (to {real}); "
                            "it is not followed",
                            Location(display_name(path)),
                        )
                    )
                elif is_policy:  # a link to a folder inside the root is scanned as that folder
                    found.append(path)
            elif entry.is_dir(follow_symlinks=False):
                found.extend(self.scan(path))
            elif is_policy and entry.is_file(follow_symlinks=False):
                found.append(path)
        return found

    def load(self, queue: list[Path]) -> None:
        """Load the queued files and, breadth first, the files they include."""
        ahead = self.parse_ahead(queue)
        while queue:
            path = queue.pop(0)
            real = os.path.realpath(path)
            if real in self.seen:
                continue
            name = display_name(path)
            if len(self.seen) >= self.limits.max_files:
                self.findings.append(
                    TOO_LARGE.finding(
                        f"the policy has more than {self.limits.max_files:,} files; "
                        "this one and any after it were not loaded",
                        Location(name),
                    )
                )
                return
            self.seen.add(real)
            raw = self.read(path, name)
            if raw is None:
                continue
            found = ahead.get(real)
            if found is not None and found[0] == raw:
                loaded, findings = found[1]
            else:
                loaded, findings = load_text(name, raw, self.limits)
            self.findings.extend(findings)
            if loaded is not None:
                loaded = replace(loaded, path=Path(real))
                self.files.append(loaded)
                queue.extend(self.includes(loaded, path))

    def parse_ahead(self, queue: list[Path]) -> dict[str, tuple[bytes, _Loaded]]:
        """For a large policy, the queued files parsed in forked processes, by real path,
        with the bytes each was parsed from; empty when one process is enough.

        ``load`` still reads, checks and orders every file as it does alone, and takes a
        result only for the same bytes, so the outcome is the same either way.
        """
        sized: list[tuple[Path, int]] = []
        for path in queue[: self.limits.max_files]:
            try:
                info = path.stat()
            except OSError:
                continue  # ``load`` reports it
            if stat.S_ISREG(info.st_mode) and info.st_size <= self.limits.max_file_bytes:
                sized.append((path, info.st_size))
        processes = jobs(sum(size for _, size in sized), BYTES_PER_JOB)
        if processes < 2:
            return {}  # decided from the sizes alone: a small policy's files are read once
        ready: list[tuple[str, str, bytes]] = []
        for path, _ in sized:
            try:
                ready.append((os.path.realpath(path), display_name(path), path.read_bytes()))
            except OSError:
                continue
        parts = balance(ready, processes, lambda file: len(file[2]))
        done = fork_map(partial(_parse_part, self.limits), parts)
        return {
            real: (raw, result)
            for part, results in zip(parts, done, strict=True)
            for (real, _, raw), result in zip(part, results, strict=True)
        }

    def read(self, path: Path, name: str) -> bytes | None:
        """The file's bytes, reading no more than the size limit allows."""
        limit = self.limits.max_file_bytes
        try:
            info = path.stat()
            if not stat.S_ISREG(info.st_mode):
                problem = "it is not a regular file"
            elif info.st_size > limit:
                self.findings.append(_too_large(name, info.st_size, self.limits))
                return None
            else:
                with path.open("rb") as handle:
                    return handle.read(limit + 1)  # one byte more shows it grew past the limit
        except OSError as error:
            problem = error.strerror or str(error)
        self.findings.append(UNREADABLE.finding(f"cannot read the file: {problem}", Location(name)))
        return None

    def includes(self, loaded: LoadedFile, path: Path) -> list[Path]:
        """The files ``loaded`` includes, after checking that each stays inside the root."""
        entries = loaded.data.get("include")
        if entries is None:
            return []
        if not isinstance(entries, list):
            self.findings.append(
                BAD_INCLUDE.finding(
                    "include must be a list of paths", loaded.location(("include",))
                )
            )
            return []
        found: list[Path] = []
        for index, entry in enumerate(entries):
            where = loaded.location(("include", index))
            if not isinstance(entry, str) or not entry.strip():
                self.report(BAD_INCLUDE, "an include entry must be a relative path", where)
            elif PurePosixPath(entry).is_absolute() or PureWindowsPath(entry).anchor:
                self.report(
                    OUTSIDE_ROOT,
                    f"include {entry!r} is an absolute path; use a path relative to this file",
                    where,
                )
            elif not _inside(os.path.normpath(path.parent / entry), self.root):
                self.report(OUTSIDE_ROOT, f"include {entry!r} leaves the policy folder", where)
            else:
                found.extend(self.matches(entry, path.parent, where))
        return found

    def matches(self, entry: str, base: Path, where: Location) -> list[Path]:
        """The files an include entry names; a glob keeps only policy files."""
        if _GLOB_MAGIC.search(entry):
            names = sorted(
                match
                for match in glob.glob(entry, root_dir=base, recursive=True)
                if match.lower().endswith(POLICY_SUFFIXES)
            )
            if not names:
                self.report(BAD_INCLUDE, f"include {entry!r} matches no policy files", where)
        else:
            names = [entry]
        found: list[Path] = []
        for match in names:
            path = Path(os.path.normpath(base / match))
            real = os.path.realpath(path)
            if not _inside(path, self.root):  # a glob such as '**/../..'
                self.report(OUTSIDE_ROOT, f"include {entry!r} leaves the policy folder", where)
            elif not _inside(real, self.real_root):
                self.report(
                    OUTSIDE_ROOT,
                    f"include {entry!r} reaches {display_name(path)}, which leads through "
                    f"a symlink to {real}, outside the policy folder",
                    where,
                )
            elif os.path.isdir(real):
                self.report(
                    BAD_INCLUDE,
                    f"include {entry!r} is a folder; include its files with '{entry}/*.yaml'",
                    where,
                )
            elif not os.path.exists(real):
                self.report(BAD_INCLUDE, f"include {entry!r} does not exist", where)
            else:
                found.append(path)
        return found

    def report(self, doc: RuleDoc, message: str, where: Location) -> None:
        self.findings.append(doc.finding(message, where))
