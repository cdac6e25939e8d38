"""The output directory: whose it is, one build at a time, staged beside it and swapped in whole.

An output directory is jxs's only when its manifest lists every file in it;
anything else that exists and is not empty is refused (exit 2) unless --force.
A build holds an advisory lock on the output while it runs, writes into a
staging folder that jxs makes beside the target (`.<out>.staging-<pid>-<random>`,
marked as jxs's), and only then replaces the target: on Linux in one atomic
exchange (renameat2 RENAME_EXCHANGE); elsewhere the old output is moved aside
first and restored by the next build if the process died in between. Cleanup
touches only folders jxs made whose owner process is gone.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import errno
import hashlib
import json
import os
import re
import secrets
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from jxs_catalog.errors import UsageProblem, os_reason
from jxs_catalog.loading.source import SOURCE_FOLDERS
from jxs_catalog.messages import phrase
from jxs_catalog.writing import create_file

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100
STAGING_MARKER = ".jxs-staging"  # inside a staging folder: the pid of the build that made it
LOCK_WAIT = 5.0  # seconds a second build waits for the first before it stops


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
    folders: set[str] = field(default_factory=set)  # made already: thousands of files share a few folders

    def target(self, rel: str) -> Path:
        return Path(self.place(rel))

    def place(self, rel: str) -> str:
        """target() as a string: string operations, not pathlib, for the tens of thousands of files
        a large county writes or links."""
        parts = [part for part in rel.split("/") if part not in ("", ".")]
        if rel.startswith("/") or ".." in parts or not parts or "\\" in rel or ":" in rel:
            raise ValueError(f"refusing to write outside the output directory: {rel!r}")
        folder = "/".join(parts[:-1])
        if folder not in self.folders:
            os.makedirs(os.path.join(self.root, folder), exist_ok=True)
            self.folders.add(folder)
        return os.path.join(self.root, *parts)

    def write(self, rel: str, data: bytes, kind: str) -> None:
        create_file(self.target(rel), data)
        self.record(rel, kind, data)

    def record(self, rel: str, kind: str, data: bytes | None = None) -> None:
        if data is None:
            data = self.target(rel).read_bytes()
        self.written.append(Written(rel, hashlib.sha256(data).hexdigest(), kind))


def _pattern(out: Path) -> re.Pattern[str]:
    return re.compile(rf"^\.{re.escape(out.name)}\.(staging|old)-(\d+)-[0-9a-f]{{8}}$")


def staging_name(out: Path, kind: str) -> Path:
    return out.parent / f".{out.name}.{kind}-{os.getpid()}-{secrets.token_hex(4)}"


def make_staging(out: Path) -> Path:
    """A new staging folder beside out, made by this process and marked as such."""
    staging = staging_name(out, "staging")
    staging.mkdir()
    create_file(staging / STAGING_MARKER, str(os.getpid()).encode("ascii"))
    return staging


def _real(path: Path) -> Path:
    return Path(os.path.realpath(path))


def _inside(a: Path, b: Path) -> bool:
    return a == b or a.is_relative_to(b)


def check_out(out: Path, root: Path, force: bool = False) -> Path:
    """The output directory to build into, after every check that keeps the user's files safe."""
    try:
        out_r = _real(out)
        root_r = _real(root)
        sources = [_real(root / "jxs.yaml"), *(_real(root / name) for name in SOURCE_FOLDERS)]
    except (OSError, RuntimeError, ValueError) as exc:  # a symlink loop on the way
        error = exc if isinstance(exc, OSError) else OSError(errno.ELOOP, str(exc))
        raise UsageProblem("out-not-writable", str(out), reason=os_reason(error)) from exc
    if _inside(root_r, out_r):
        raise UsageProblem("out-is-source", str(out))
    for src in sources:
        if _inside(out_r, src) or _inside(src, out_r):
            raise UsageProblem("out-is-source", str(out))
    if any(part == ".git" for part in out_r.parts) or any(_inside(place, out_r) for place in _precious()):
        raise UsageProblem("out-refused", str(out))
    if out.is_symlink() and not force:
        raise UsageProblem("write-link", str(out))
    if out_r.exists() and not out_r.is_dir():
        raise UsageProblem("out-not-writable", str(out), reason=phrase("os.not-a-folder"))
    if not force and out_r.is_dir():
        try:
            foreign = foreign_file(out_r)
        except OSError as exc:
            raise UsageProblem("out-not-writable", str(out), reason=os_reason(exc)) from exc
        if foreign is not None:
            raise UsageProblem("out-not-jxs", f"{out}（{foreign}）")
    return out_r


def _precious() -> list[Path]:
    """Folders a build must never replace: the home folder and the current one (and so their parents)."""
    places = []
    for where in (Path.home, Path.cwd):
        with contextlib.suppress(OSError, RuntimeError):
            places.append(_real(where()))
    return places


def foreign_file(out: Path) -> str | None:
    """The first thing in out that its manifest does not list (None when jxs wrote it all)."""
    entries = _tree(str(out), "")
    if not entries:
        return None
    try:
        manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
        listed = {str(o["path"]) for o in manifest["outputs"]} | {"manifest.json"}
    except (OSError, ValueError, KeyError, TypeError):
        return min((rel for rel, _ in entries), key=_path_order)
    foreign = [rel for rel, kind in entries if kind != "dir" and (kind != "file" or rel not in listed)]
    return min(foreign, key=_path_order) if foreign else None


def _path_order(rel: str) -> list[str]:
    """Paths in the order of their parts, as pathlib sorts them ("a/b" before "a-b")."""
    return rel.split("/")


def _tree(folder: str, prefix: str) -> list[tuple[str, str]]:
    """Everything under folder as (relative path, "dir" | "file" | "other"), links not followed.
    os.scandir, not Path.rglob: the entry types come with the listing, with no stat per file, which
    matters for the tens of thousands of files of a large county's previous output."""
    found: list[tuple[str, str]] = []
    with os.scandir(folder) as listing:
        for entry in listing:
            rel = prefix + entry.name
            if entry.is_dir(follow_symlinks=False):
                try:
                    inside = _tree(entry.path, rel + "/")
                except OSError:  # a folder jxs cannot list is not one it made
                    found.append((rel, "other"))
                    continue
                found.append((rel, "dir"))
                found.extend(inside)
            else:
                found.append((rel, "file" if entry.is_file(follow_symlinks=False) else "other"))
    return found


@contextlib.contextmanager
def build_lock(out: Path, wait: float = LOCK_WAIT) -> Iterator[None]:
    """One build at a time per output: a second one waits up to `wait` seconds, then stops (exit 2)."""
    lock = out.parent / f".{out.name}.jxs-lock"
    deadline = time.monotonic() + wait
    while True:
        try:
            fd = _try_lock(lock)
        except OSError as exc:  # /proc, a read-only place: the environment's problem
            raise UsageProblem("out-not-writable", str(out), reason=os_reason(exc)) from exc
        if fd is not None:
            break
        if time.monotonic() >= deadline:
            raise UsageProblem("build-running", str(out))
        time.sleep(0.1)
    try:
        yield
    finally:
        _unlock(lock, fd)


def _try_lock(lock: Path) -> int | None:
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        import fcntl
    except ImportError:  # no advisory locks: the lock file's existence is the lock
        try:
            fd = os.open(lock, flags | os.O_EXCL, 0o644)
        except FileExistsError:
            with contextlib.suppress(OSError, ValueError):
                if not _alive(int(lock.read_text(encoding="ascii") or "0")):
                    lock.unlink()  # left by a build that was killed
            return None
        os.write(fd, str(os.getpid()).encode())
        return fd
    fd = os.open(lock, flags, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        os.close(fd)
        if exc.errno in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
            return None
        raise
    # The previous holder may have removed the file between our open and our lock.
    try:
        same = os.path.samestat(os.fstat(fd), os.stat(lock, follow_symlinks=False))
    except FileNotFoundError:
        same = False
    if not same:
        os.close(fd)
        return None
    return fd


def _unlock(lock: Path, fd: int) -> None:
    with contextlib.suppress(OSError):
        os.unlink(lock)  # removed while still held, so no other build can lock a file about to vanish
    os.close(fd)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def _is_jxs_output(folder: Path) -> bool:
    return (folder / "manifest.json").is_file() and foreign_file(folder) is None


def recover(out: Path) -> None:
    """After a build that was killed: restore the old output, drop staging folders jxs made.

    Only folders whose names jxs gives, that jxs marked (a staging marker, or a jxs manifest
    listing everything inside), and whose owner process is gone are touched.
    """
    parent = out.parent
    if not parent.is_dir():
        return
    pattern = _pattern(out)
    for entry in sorted(parent.iterdir()):
        match = pattern.match(entry.name)
        if match is None or entry.is_symlink() or not entry.is_dir() or _alive(int(match.group(2))):
            continue
        kind = match.group(1)
        if kind == "old" and _is_jxs_output(entry):
            if not out.exists() and not out.is_symlink():
                entry.rename(out)  # the previous output, moved aside just before a crash
            else:
                discard(entry)
        elif kind == "staging" and ((entry / STAGING_MARKER).is_file() or _is_jxs_output(entry)):
            # Marked while being written; a whole output once its marker is gone just before the swap.
            discard(entry)
        elif not any(entry.iterdir()):
            entry.rmdir()  # killed between making the folder and marking it: nothing in it to lose


def discard(folder: Path) -> None:
    """Remove a folder jxs made, its marker and manifest last.

    A build killed halfway through leaves what is left still provably jxs's (marked, or all
    listed in its manifest), so the next build can finish the removal.
    """
    proofs = {STAGING_MARKER, "manifest.json"}
    for top, dirs, files in os.walk(folder, topdown=False):
        for name in files:
            if top != str(folder) or name not in proofs:
                with contextlib.suppress(OSError):
                    os.unlink(os.path.join(top, name))
        for name in dirs:
            path = os.path.join(top, name)
            with contextlib.suppress(OSError):
                os.unlink(path) if os.path.islink(path) else os.rmdir(path)
    for name in sorted(proofs, key=lambda n: n != "manifest.json"):  # the marker is the last word
        with contextlib.suppress(OSError):
            os.unlink(folder / name)
    with contextlib.suppress(OSError):
        folder.rmdir()


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
    (staging / STAGING_MARKER).unlink(missing_ok=True)
    try:
        if out.exists():
            if _exchange(staging, out):
                discard(staging)  # now holds the previous output
                return
            old = staging_name(out, "old")
            out.rename(old)
            try:
                staging.rename(out)
            except OSError:
                old.rename(out)
                raise
            discard(old)
        else:
            staging.rename(out)
    except PermissionError as exc:
        held = locked_file(out) if out.exists() else None
        discard(staging)
        if held is not None:
            raise UsageProblem("file-locked", str(held)) from exc
        raise UsageProblem("out-not-writable", str(out), reason=os_reason(exc)) from exc
    except OSError as exc:
        discard(staging)
        raise UsageProblem("out-not-writable", str(out), reason=os_reason(exc)) from exc
