"""The few exceptions that cross layers. Bad data is never an exception: it is a diagnostic."""

from __future__ import annotations

import errno

_TEXTS: dict[str, tuple[str, str]] = {
    "no-workspace": (
        "在 {detail} 及其上级目录中找不到 jxs.yaml。请进入工作区目录，或用 --root 指定，或运行 jxs init 新建。",
        "No jxs.yaml in {detail} or above. Change into a workspace, pass --root, or run jxs init.",
    ),
    "no-such-path": ("找不到路径：{detail}", "No such path: {detail}"),
    "out-is-source": (
        "输出目录 {detail} 是工作区本身或包含源文件，拒绝写入。请换一个目录，例如默认的 out/。",
        "The output directory {detail} is or contains the workspace's sources; choose another (e.g. out/).",
    ),
    "out-not-writable": ("无法写入输出目录：{detail}", "Cannot write the output directory: {detail}"),
    "file-locked": (
        "无法替换 {detail}：文件可能正在 Excel 或其他程序中打开。请关闭后重新运行 jxs build。",
        "Cannot replace {detail}: it may be open in Excel. Close it and run jxs build again.",
    ),
    "init-not-empty": ("目录 {detail} 已有 jxs.yaml，不会覆盖。", "{detail} already holds jxs.yaml; not overwritten."),
    "git-revision": ("无法读取 git 版本 {detail}", "Cannot read the git revision {detail}"),
    "import-unreadable": ("无法读取 Excel 文件：{detail}", "Cannot read the workbook: {detail}"),
}


class JxsError(Exception):
    """Base of jxs's own exceptions."""


class UsageProblem(JxsError):
    """The environment or the command line is wrong (exit 2)."""

    def __init__(self, kind: str, detail: str = "") -> None:
        super().__init__(f"{kind}: {detail}")
        self.kind = kind
        self.detail = detail

    def message(self, lang: str = "zh") -> str:
        from jxs_catalog.messages import PROBLEMS
        zh, en = _TEXTS.get(self.kind) or PROBLEMS.get(self.kind, ("{detail}", "{detail}"))
        return (en if lang == "en" else zh).format(detail=self.detail)


_OS_REASONS = {
    errno.ELOOP: ("符号链接形成了循环（链接最终指向自己）", "a symbolic link loop"),
    errno.ENOENT: ("文件不存在（可能是指向不存在文件的链接）", "no such file (or a dangling link)"),
    errno.EACCES: ("没有权限（读取或写入被拒绝）", "permission denied"),
    errno.EISDIR: ("这是一个文件夹，不是文件", "this is a folder, not a file"),
    errno.EIO: ("磁盘读写错误", "an input/output error"),
    errno.ENOSPC: ("磁盘空间已满", "no space left on the disk"),
    errno.EROFS: ("位置是只读的", "a read-only file system"),
    errno.EPERM: ("没有写入权限", "operation not permitted"),
    errno.EDQUOT: ("磁盘配额已满", "disk quota exceeded"),
    errno.ENOTDIR: ("路径中有一段是文件而不是文件夹", "a part of the path is a file, not a folder"),
}


def os_reason(exc: OSError) -> dict[str, str]:
    """Why a file could not be read, in both languages."""
    zh, en = _OS_REASONS.get(exc.errno or 0, (exc.strerror or str(exc), exc.strerror or str(exc)))
    return {"zh": zh, "en": en}
