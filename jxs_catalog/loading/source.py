"""Turn a file's bytes into text and a located tree, or into diagnostics.

Clerks save files from Notepad, WPS and Excel on Chinese Windows; the usual
ways a file arrives in the wrong encoding are named so the fix is obvious.
"""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from jxs_catalog.diagnostics import Diagnostic
from jxs_catalog.errors import os_reason
from jxs_catalog.loading.yamltree import YamlProblem, YNode, parse, prescan
from jxs_catalog.messages import phrase

MAX_BYTES = 5 * 1024 * 1024

# C0 controls other than tab, LF and CR, plus DEL and C1: never in a clerk's text.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x9f]")


@dataclass(slots=True)
class Source:
    """One file as read: its display path, its text (when decodable) and its tree."""

    path: str
    text: str | None
    tree: YNode | None
    encoding: str = "utf-8"


def decode(data: bytes) -> tuple[str | None, str | None]:
    """Return (text, None) for UTF-8, or (None, name of the encoding it really is)."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None, "UTF-16"
    elif _looks_utf16(data):
        return None, "UTF-16（无 BOM）"
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return None, "Latin-1 或其他非 UTF-8 编码"
    if re.search(r"[\u3400-\u9fff\U00020000-\U0002ffff]", text):
        try:
            data.decode("gbk")
            return None, "GBK"
        except UnicodeDecodeError:
            return None, "GB18030"
    return None, "Latin-1 或其他非 UTF-8 编码"


def _looks_utf16(data: bytes) -> bool:
    sample = data[:200]
    if len(sample) < 4:
        return False
    zeros_even = sample[0::2].count(0)
    zeros_odd = sample[1::2].count(0)
    half = len(sample) // 2
    return max(zeros_even, zeros_odd) > half * 0.4 and min(zeros_even, zeros_odd) < half * 0.1


SOURCE_FOLDERS = ("domains", "townships", "templates")


def workspace_areas(root: Path) -> tuple[Path, ...]:
    """Where a source may really live: the workspace, and the source folders when they are links themselves."""
    areas = [Path(os.path.realpath(root))]
    for name in SOURCE_FOLDERS:
        real = Path(os.path.realpath(root / name))
        if not any(real == a or real.is_relative_to(a) for a in areas):
            areas.append(real)
    return tuple(areas)


def read_limited(file: Path, display: str, root: Path | None = None, limit: int = MAX_BYTES
                 ) -> tuple[bytes | None, list[Diagnostic]]:
    """A source file's bytes, or the diagnostic that says why not.

    Only regular files are read (a FIFO would block forever, a device never ends); a link
    that leads outside the workspace is refused without a word about its target; at most
    limit bytes are read whatever size the file claims (/dev/zero claims 0).
    """
    try:
        if file.is_symlink() and root is not None:
            real = Path(os.path.realpath(file))
            if not any(real == a or real.is_relative_to(a) for a in workspace_areas(root)):
                return None, [Diagnostic("JXS016", display, 1, 1)]
        info = file.stat()
        if stat.S_ISDIR(info.st_mode):
            return None, [Diagnostic("JXS013", display, params={
                "reason": phrase("os.folder")})]
        if not stat.S_ISREG(info.st_mode):
            return None, [Diagnostic("JXS017", display, 1, 1)]
        if info.st_size > limit:
            return None, [_too_large(display, info.st_size, limit)]
        fd = os.open(file, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):  # swapped for something else since the check
                return None, [Diagnostic("JXS017", display, 1, 1)]
            chunks: list[bytes] = []
            total = 0
            while total <= limit:
                chunk = os.read(fd, min(1 << 20, limit + 1 - total))
                if not chunk:
                    break
                chunks.append(chunk)
                total += len(chunk)
        finally:
            os.close(fd)
    except (OSError, RuntimeError) as exc:
        error = exc if isinstance(exc, OSError) else OSError(errno.ELOOP, str(exc))
        return None, [Diagnostic("JXS013", display, params={"reason": os_reason(error)})]
    if total > limit:
        return None, [_too_large(display, total, limit)]
    return b"".join(chunks), []


def _too_large(display: str, size: int, limit: int) -> Diagnostic:
    return Diagnostic("JXS012", display, 1, 1, {"size": f"{size / 1048576:.1f} MB",
                                                 "limit": f"{limit // 1048576} MB"})


def read_source(file: Path, display: str, root: Path | None = None) -> tuple[Source, list[Diagnostic]]:
    """Read and parse one file; every problem comes back as a located diagnostic."""
    data, diags = read_limited(file, display, root)
    if data is None:
        return Source(display, None, None), diags
    return parse_bytes(data, display)


def mixed_lines(data: bytes) -> list[int]:
    """The lines that are not UTF-8 in a file whose other lines hold UTF-8 text beyond ASCII."""
    bad: list[int] = []
    utf8_text = False
    for number, line in enumerate(data.removeprefix(codecs.BOM_UTF8).split(b"\n"), start=1):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            bad.append(number)
            continue
        utf8_text = utf8_text or not line.isascii()
    return bad if bad and utf8_text else []


def parse_bytes(data: bytes, display: str) -> tuple[Source, list[Diagnostic]]:
    text, wrong = decode(data)
    if text is None and not (wrong or "").startswith("UTF-16") and (lines := mixed_lines(data)):
        shown = "、".join(str(n) for n in lines[:10]) + ("…" if len(lines) > 10 else "")
        return Source(display, None, None, encoding="mixed"), [
            Diagnostic("JXS018", display, lines[0], 1, {"lines": shown})]
    if text is None:
        return Source(display, None, None, encoding=wrong or ""), [
            Diagnostic("JXS001", display, 1, 1, {"encoding": wrong or "?"})]
    bad = _CONTROL.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        col = bad.start() - (text.rfind("\n", 0, bad.start()) + 1) + 1
        what = "NUL" if bad.group() == "\x00" else f"U+{ord(bad.group()):04X}"
        return Source(display, text, None), [Diagnostic("JXS011", display, line, col, {"what": what})]
    text = text.replace("\r\n", "\n")
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.split("\n")):
        return Source(display, text, None), [Diagnostic("JXS009", display, 1, 1)]
    hints, mended = prescan(text, display)
    problems: list[YamlProblem] = []
    try:
        tree = parse(mended, problems)
    except YamlProblem as problem:
        problems.append(problem)
        tree = None
    found = [Diagnostic(p.code, display, p.line, p.col, p.params) for p in problems]
    return Source(display, text, tree), [*hints, *found]
