"""Every file jxs writes goes through this module.

The rules (SPEC §6): a file is written to a temporary file created exclusively
beside it (O_EXCL | O_NOFOLLOW, a random name), flushed to the disk and then
renamed over the target, so a full disk or a crash never leaves half a file.
An existing file keeps its permission bits. jxs never writes through a
symbolic link, never writes to anything but a regular file, and never replaces
a file that exists unless the caller says it may (the file is jxs's own, or
the user passed --force).
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from collections.abc import Iterable
from pathlib import Path

from jxs_catalog.errors import UsageProblem, os_reason

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_BINARY = getattr(os, "O_BINARY", 0)
_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC | _BINARY

def _failed(path: Path, exc: OSError) -> UsageProblem:
    return UsageProblem("write-failed", str(path), reason=os_reason(exc))


def make_folder(folder: Path) -> None:
    """Create folder and its parents; a failure is the environment's problem (exit 2)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError as exc:
        raise UsageProblem("write-failed", str(folder), reason=os_reason(OSError(errno.ENOTDIR, "not a folder"))) from exc
    except OSError as exc:
        raise _failed(folder, exc) from exc


def check_writable(path: Path, may_replace: bool) -> None:
    """Refuse a target jxs must not write: a link, a non-regular file, or a file it may not replace."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise _failed(path, exc) from exc
    if stat.S_ISLNK(info.st_mode):
        raise UsageProblem("write-link", str(path))
    if not stat.S_ISREG(info.st_mode):
        raise UsageProblem("write-not-file", str(path))
    if not may_replace:
        raise UsageProblem("file-exists", str(path))


def check_all(paths: Iterable[Path], may_replace: bool) -> None:
    """check_writable for several targets, naming every refused one, before anything is written."""
    refused: list[str] = []
    first: UsageProblem | None = None
    for path in paths:
        try:
            check_writable(path, may_replace)
        except UsageProblem as problem:
            first = first or problem
            refused.append(str(path))
    if first is not None and len(refused) > 1 and first.kind == "file-exists":
        raise UsageProblem("file-exists", "、".join(refused))
    if first is not None:
        raise first


def create_file(path: Path, data: bytes) -> None:
    """A new file in a folder jxs made (the build's staging folder): created exclusively, never followed."""
    fd = os.open(path, _CREATE, 0o666)
    try:
        _write_all(fd, data)
    finally:
        os.close(fd)


def write_file(path: Path, data: bytes, may_replace: bool = False) -> None:
    """Write data to path atomically; an existing regular file is replaced only when may_replace."""
    check_writable(path, may_replace)
    folder = path.parent
    try:
        old_mode = stat.S_IMODE(os.stat(path, follow_symlinks=False).st_mode)
    except FileNotFoundError:
        old_mode = None
    except OSError as exc:
        raise _failed(path, exc) from exc
    tmp = _temporary(path)
    try:
        fd = os.open(tmp, _CREATE, 0o666)
    except OSError as exc:
        raise _failed(path, exc) from exc
    try:
        try:
            if old_mode is not None and hasattr(os, "fchmod"):
                os.fchmod(fd, old_mode)
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        # The target may have become a link or a folder meanwhile: look again just before the swap.
        check_writable(path, may_replace or old_mode is not None)
        os.replace(tmp, path)
    except OSError as exc:
        _discard(tmp)
        raise _failed(path, exc) from exc
    except BaseException:
        _discard(tmp)
        raise
    _sync_folder(folder)


def write_text(path: Path, text: str, may_replace: bool = False) -> None:
    write_file(path, text.encode("utf-8"), may_replace)


def _temporary(path: Path) -> Path:
    # Unpredictable, so a link planted in advance cannot be at this name; O_EXCL refuses it anyway.
    return path.with_name(f".{path.name}.{secrets.token_hex(8)}.jxs-tmp")


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        done = os.write(fd, view)
        view = view[done:]


def _discard(tmp: Path) -> None:
    with contextlib.suppress(OSError):
        os.unlink(tmp)


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable where the platform allows opening a folder."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
