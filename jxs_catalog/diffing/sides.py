"""The two sides of a diff: a workspace folder, or a git revision extracted to a temporary folder."""

from __future__ import annotations

import os
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from types import TracebackType
from typing import IO

from jxs_catalog.errors import UsageProblem
from jxs_catalog.loading.files import find_root


@dataclass(slots=True)
class Side:
    """One side of a diff: where its workspace root is, and how to name it to the user."""

    root: Path
    label: str  # what the user typed: ".", "v2024", "HEAD~1"
    prefix: str = ""  # put before workspace-relative paths, e.g. "HEAD~1:" or "../old/"
    _temp: tempfile.TemporaryDirectory[str] | None = field(default=None, repr=False)

    def shown(self, path: str) -> str:
        return f"{self.prefix}{path}"

    def close(self) -> None:
        if self._temp is not None:
            self._temp.cleanup()
            self._temp = None

    def __enter__(self) -> Side:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()


def resolve_side(spec: str, cwd: Path) -> Side:
    """A workspace folder if spec names an existing directory, else a git revision of cwd's repository."""
    if not spec.strip():
        raise UsageProblem("git-revision", spec)
    folder = Path(spec) if Path(spec).is_absolute() else cwd / spec
    if folder.is_dir():
        root = find_root(folder)
        return Side(root=root, label=spec, prefix=_folder_prefix(root, cwd))
    return _revision_side(spec, cwd)


def _folder_prefix(root: Path, cwd: Path) -> str:
    try:
        shown = Path(os.path.relpath(root, cwd.resolve())).as_posix()
    except ValueError:  # another drive on Windows
        shown = root.as_posix()
    return f"{shown.rstrip('/')}/"


def _git(args: list[str], cwd: Path, spec: str) -> str:
    """Run git and return its standard output; any failure is the user's revision problem."""
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except OSError as exc:  # git missing, cwd gone
        raise UsageProblem("git-revision", f"{spec} ({exc.strerror or exc})") from None
    if done.returncode != 0:
        raise UsageProblem("git-revision", spec)
    return done.stdout.decode("utf-8", errors="replace").strip()


def _revision_side(spec: str, cwd: Path) -> Side:
    if spec.startswith("-"):  # never let a revision pass for an option of git
        raise UsageProblem("git-revision", spec)
    top = Path(_git(["rev-parse", "--show-toplevel"], cwd, spec)).resolve()
    commit = _git(["rev-parse", "--verify", "--quiet", f"{spec}^{{commit}}"], cwd, spec)
    try:
        here = find_root(cwd)
    except UsageProblem:  # outside a workspace: compare the folder at the same place
        here = cwd
    try:
        inside = here.resolve().relative_to(top)
    except ValueError:
        raise UsageProblem("git-revision", spec) from None
    temp = tempfile.TemporaryDirectory(prefix="jxs-diff-")
    try:
        _extract(commit, top, Path(temp.name), PurePosixPath(inside.as_posix()), spec)
    except BaseException:
        temp.cleanup()
        raise
    prefix = f"{spec}:" if inside == Path(".") else f"{spec}:{inside.as_posix()}/"
    return Side(root=Path(temp.name) / inside, label=spec, prefix=prefix, _temp=temp)


def _wanted(member: tarfile.TarInfo, inside: PurePosixPath, spec: str) -> bool:
    """Regular files and folders under the workspace; unsafe names stop the extraction."""
    name = PurePosixPath(member.name)
    if name.is_absolute() or ".." in name.parts or "\\" in member.name:
        raise UsageProblem("git-revision", f"{spec}: {member.name}")
    if not (member.isfile() or member.isdir()):
        return False  # links and devices are never part of a workspace's sources
    return inside == PurePosixPath(".") or name == inside or inside in name.parents


def _extract(commit: str, top: Path, dest: Path, inside: PurePosixPath, spec: str) -> None:
    try:
        proc = subprocess.Popen(["git", "archive", "--format=tar", commit], cwd=top,
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    except OSError as exc:
        raise UsageProblem("git-revision", f"{spec} ({exc.strerror or exc})") from None
    assert proc.stdout is not None
    try:
        _extract_stream(proc.stdout, dest, inside, spec)
        # git pads the archive past its end marker: read it all, or git may die of SIGPIPE.
        while proc.stdout.read(1 << 16):
            pass
    except tarfile.TarError:
        raise UsageProblem("git-revision", spec) from None
    finally:
        proc.stdout.close()
        code = proc.wait()
    if code != 0:
        raise UsageProblem("git-revision", spec)


def _extract_stream(stream: IO[bytes], dest: Path, inside: PurePosixPath, spec: str) -> None:
    safe = hasattr(tarfile, "data_filter")  # Python 3.12, and 3.10.12 / 3.11.4 backports
    with tarfile.open(fileobj=stream, mode="r|") as archive:
        for member in archive:
            if not _wanted(member, inside, spec):
                continue
            if safe:
                archive.extract(member, dest, filter="data")
            else:  # pragma: no cover - old interpreters; names were checked above
                archive.extract(member, dest)
