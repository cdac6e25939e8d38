"""Writing the output directory safely: staged beside the target, swapped in whole.

A build writes into `.<out>.staging-<pid>` next to the target and only then
replaces the target. On Linux the two directories are exchanged in one atomic
step (renameat2 RENAME_EXCHANGE); elsewhere the old output is moved aside
first and restored by the next build if the process died in between.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import hashlib
import os
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from jxs_catalog.errors import UsageProblem

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


@dataclass(slots=True)
class Written:
    path: str
    sha256: str
    kind: str


@dataclass(slots=True)
class Staging:
    """A directory being filled; every write is checked to stay inside it."""

    root: Path
    written: list[Written] = field(default_factory=list)

    def target(self, rel: str) -> Path:
        pure = PurePosixPath(rel)
        if pure.is_absolute() or ".." in pure.parts or not pure.parts or "\\" in rel or ":" in rel:
            raise ValueError(f"refusing to write outside the output directory: {rel!r}")
        dest = self.root.joinpath(*pure.parts)
        dest.parent.mkdir(parents=True, exist_ok=True)
        return dest

    def write(self, rel: str, data: bytes, kind: str) -> None:
        self.target(rel).write_bytes(data)
        self.record(rel, kind, data)

    def record(self, rel: str, kind: str, data: bytes | None = None) -> None:
        if data is None:
            data = self.target(rel).read_bytes()
        self.written.append(Written(rel, hashlib.sha256(data).hexdigest(), kind))


def staging_name(out: Path, kind: str) -> Path:
    return out.parent / f".{out.name}.{kind}-{os.getpid()}"


def check_out(out: Path, root: Path) -> Path:
    """Refuse an output directory that is, or holds, or sits among the workspace's sources."""
    try:
        out_r = out.resolve()
        root_r = root.resolve()
    except (OSError, RuntimeError) as exc:  # a symlink loop on the way
        raise UsageProblem("out-not-writable", f"{out}: {exc}") from exc
    sources = [root_r / "jxs.yaml", root_r / "domains", root_r / "townships", root_r / "templates"]
    if out_r == root_r or root_r.is_relative_to(out_r):
        raise UsageProblem("out-is-source", str(out))
    for src in sources:
        if out_r == src or out_r.is_relative_to(src) or src.is_relative_to(out_r):
            raise UsageProblem("out-is-source", str(out))
    if out_r.exists() and not out_r.is_dir():
        raise UsageProblem("out-not-writable", f"{out}（不是文件夹 / not a folder）")
    return out_r


def recover(out: Path) -> None:
    """Clean up after a build that was killed: restore the old output, drop staging dirs."""
    parent = out.parent
    if not parent.is_dir():
        return
    prefix = f".{out.name}."
    for entry in sorted(parent.iterdir()):
        if not entry.name.startswith(prefix):
            continue
        kind = entry.name[len(prefix):].split("-", 1)[0]
        if kind == "old" and not out.exists():
            entry.rename(out)  # the previous output, moved aside just before a crash
        elif kind in ("old", "staging"):
            shutil.rmtree(entry, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        fn = libc.renameat2
    except (OSError, AttributeError):
        return False
    fn.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    rc = fn(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if rc == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP):
        return False
    raise OSError(err, os.strerror(err), str(b))


def locked_file(out: Path) -> Path | None:
    """A workbook in the old output that another program holds open (Excel on Windows)."""
    for wb in sorted(out.rglob("*.xlsx")):
        try:
            with open(wb, "r+b"):
                pass
        except PermissionError:
            return wb
        except OSError:
            continue
    return None


def swap_in(staging: Path, out: Path) -> None:
    """Make staging the output directory; the previous output stays whole until then."""
    try:
        if out.exists():
            if _exchange(staging, out):
                shutil.rmtree(staging, ignore_errors=True)  # now holds the previous output
                return
            old = staging_name(out, "old")
            out.rename(old)
            try:
                staging.rename(out)
            except OSError:
                old.rename(out)
                raise
            shutil.rmtree(old, ignore_errors=True)
        else:
            staging.rename(out)
    except PermissionError as exc:
        held = locked_file(out) if out.exists() else None
        shutil.rmtree(staging, ignore_errors=True)
        if held is not None:
            raise UsageProblem("file-locked", str(held)) from exc
        raise UsageProblem("out-not-writable", f"{out}: {exc.strerror}") from exc
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise UsageProblem("out-not-writable", f"{out}: {exc.strerror or exc}") from exc
