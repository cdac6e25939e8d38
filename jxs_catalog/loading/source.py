"""Turn a file's bytes into text and a located tree, or into diagnostics.

Clerks save files from Notepad, WPS and Excel on Chinese Windows; the usual
ways a file arrives in the wrong encoding are named so the fix is obvious.
"""

from __future__ import annotations

import codecs
import errno
import re
from dataclasses import dataclass
from pathlib import Path

from jxs_catalog.diagnostics import Diagnostic
from jxs_catalog.loading.yamltree import YamlProblem, YNode, parse, prescan

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


_OS_REASONS = {
    errno.ELOOP: ("符号链接形成了循环（链接最终指向自己）", "a symbolic link loop"),
    errno.ENOENT: ("文件不存在（可能是指向不存在文件的链接）", "no such file (or a dangling link)"),
    errno.EACCES: ("没有读取权限", "permission denied"),
    errno.EISDIR: ("这是一个文件夹，不是文件", "this is a folder, not a file"),
    errno.EIO: ("磁盘读写错误", "an input/output error"),
    errno.ENOSPC: ("磁盘空间已满", "no space left on the disk"),
    errno.EROFS: ("位置是只读的", "a read-only file system"),
    errno.EPERM: ("没有写入权限", "operation not permitted"),
}


def os_reason(exc: OSError) -> dict[str, str]:
    """Why a file could not be read, in both languages."""
    zh, en = _OS_REASONS.get(exc.errno or 0, (exc.strerror or str(exc), exc.strerror or str(exc)))
    return {"zh": zh, "en": en}


def read_source(file: Path, display: str) -> tuple[Source, list[Diagnostic]]:
    """Read and parse one file; every problem comes back as a located diagnostic."""
    try:
        if file.is_dir():
            return Source(display, None, None), [Diagnostic("JXS013", display, params={
                "reason": {"zh": "这是一个文件夹，不是文件", "en": "this is a folder, not a file"}})]
        size = file.stat().st_size
        if size > MAX_BYTES:
            return Source(display, None, None), [Diagnostic("JXS012", display, 1, 1, {
                "size": f"{size / 1048576:.1f} MB", "limit": f"{MAX_BYTES // 1048576} MB"})]
        data = file.read_bytes()
    except OSError as exc:
        return Source(display, None, None), [Diagnostic("JXS013", display, params={"reason": os_reason(exc)})]
    return parse_bytes(data, display)


def parse_bytes(data: bytes, display: str) -> tuple[Source, list[Diagnostic]]:
    text, wrong = decode(data)
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
