"""The few exceptions that cross layers. Bad data is never an exception: it is a diagnostic."""

from __future__ import annotations

import errno

from jxs_catalog.messages import PROBLEMS, Phrase, phrase, say


class JxsError(Exception):
    """Base of jxs's own exceptions."""


class UsageProblem(JxsError):
    """The environment or the command line is wrong (exit 2); its words are in messages.PROBLEMS."""

    def __init__(self, kind: str, detail: str = "", reason: Phrase | None = None) -> None:
        super().__init__(f"{kind}: {detail}")
        self.kind = kind
        self.detail = detail
        self.reason = reason

    def message(self, lang: str = "zh") -> str:
        text = say(self.kind, lang, detail=self.detail) if self.kind in PROBLEMS else self.detail
        if self.reason is not None:
            text += say("problem.reason", lang, reason=self.reason)
        return text


_OS_REASONS = {
    errno.ELOOP: "os.loop",
    errno.ENOENT: "os.missing",
    errno.EACCES: "os.denied",
    errno.EISDIR: "os.folder",
    errno.EIO: "os.io",
    errno.ENOSPC: "os.full",
    errno.EROFS: "os.read-only",
    errno.EPERM: "os.not-permitted",
    errno.EDQUOT: "os.quota",
    errno.ENOTDIR: "os.not-a-folder",
}


def os_reason(exc: OSError) -> Phrase:
    """Why a file could not be read or written, put into words when shown."""
    key = _OS_REASONS.get(exc.errno or 0)
    return phrase(key) if key else phrase("os.other", error=exc.strerror or str(exc))
