"""The typing mistakes that break YAML structure, found line by line before parsing.

Each is reported at its line and mended in memory so the rest of the file can
still be checked in the same run; `jxs fix` applies the same mends to the file.
"""

from __future__ import annotations

import re
from functools import cache

from jxs_catalog.diagnostics import Diagnostic
from jxs_catalog.keys import all_key_words
from jxs_catalog.messages import Phrase, phrase

# Every key and alias a clerk may write.
KNOWN_KEY_WORDS: frozenset[str] = frozenset(all_key_words())

# The patterns below are compiled on first use, and only for a line that could match:
# their CJK ranges take milliseconds each to compile, and most files need none of them.
_PATTERNS: dict[str, str] = {
    # A key written with a full-width colon: `名称：值` or `- 名称：值` where no ASCII colon
    # follows the key. Only letters count as the key, so `其他：办税服务厅` inside a
    # list of channels is flagged only when it stands where a key must be.
    "fw_key": r"^(?P<indent>[ ]*(?:-[ ]+)?)(?P<key>[A-Za-z_\u4e00-\u9fff][\w\u4e00-\u9fff（）()]*)：",
    # `-domain: 救灾`: a dash glued to the key that follows it.
    "dash_glued": r"^(?P<indent>[ ]*)-(?P<key>[A-Za-z_\u4e00-\u9fff][\w\u4e00-\u9fff]*)[ ]*:(?:[ ]|$)",
    # `audience:全社会`: a known key whose colon is not followed by a space.
    "no_space": r"^(?P<indent>[ ]*(?:-[ ]+)?)(?P<key>[A-Za-z_\u4e00-\u9fff][\w\u4e00-\u9fff]*):(?=[^\s/])",
    "flow_key": r"[{,][ ]*(?P<key>[A-Za-z_\u4e00-\u9fff][\w\u4e00-\u9fff]*)(?P<colon>[:：])",
}
# A colon followed by neither a blank nor a slash: a line without one cannot match no_space.
_COLON_GLUED = re.compile(r":(?=[^\s/])")
# A colon followed by something other than a space: without one (or a full-width colon) flow_key mends nothing.
_COLON_UNSPACED = re.compile(r":[^ ]")


@cache
def _pattern(name: str) -> re.Pattern[str]:
    return re.compile(_PATTERNS[name])


def prescan(text: str, path: str) -> tuple[list[Diagnostic], str]:
    """The diagnostics of structural typing mistakes, and the text with them mended."""
    diags: list[Diagnostic] = []
    lines = text.split("\n")
    for index, line in enumerate(lines):
        lineno = index + 1
        stripped = line.lstrip(" \t\u3000")
        lead = line[: len(line) - len(stripped)]
        if lead.strip(" ") and stripped and not stripped.startswith("#"):
            spaces, how = indentation(lines, index, lead)
            code = "JXS005" if "\t" in lead else "JXS004"
            col = lead.index("\t" if code == "JXS005" else "\u3000") + 1
            diags.append(Diagnostic(code, path, lineno, col, {"how": how, "spaces": spaces}))
            if code == "JXS005" and "\u3000" in lead:
                diags.append(Diagnostic("JXS004", path, lineno, lead.index("\u3000") + 1,
                                        {"how": how, "spaces": spaces}))
            line = " " * (spaces if spaces is not None else _width(lead, 2)) + stripped
        elif lead.strip(" "):
            line = stripped  # a blank line or a comment: its indentation means nothing
        if stripped and not stripped.startswith("#"):
            line = _mend_keys(line, lineno, path, diags)
        lines[index] = line
    return diags, "\n".join(lines) if diags else text


def _mend_keys(line: str, lineno: int, path: str, diags: list[Diagnostic]) -> str:
    m = _pattern("fw_key").match(line) if _word_before_fullwidth_colon(line) else None
    if m and _looks_like_key_line(line, m):
        diags.append(Diagnostic("JXS003", path, lineno, m.end("key") + 1, {"key": m.group("key")}))
        line = line[: m.end("key")] + ": " + line[m.end():].lstrip(" ")
    m = _pattern("dash_glued").match(line) if _dash_before_letter(line) and ":" in line else None
    if m and m.group("key") in KNOWN_KEY_WORDS:
        diags.append(Diagnostic("JXS030", path, lineno, m.end("indent") + 1, {"key": m.group("key")}))
        line = line[: m.end("indent")] + "- " + line[m.end("indent") + 1:]
    m = _pattern("no_space").match(line) if _COLON_GLUED.search(line) else None
    if m and m.group("key") in KNOWN_KEY_WORDS:
        diags.append(Diagnostic("JXS031", path, lineno, m.end("key") + 1, {"key": m.group("key")}))
        line = line[: m.end()] + " " + line[m.end():]
    # `{name:新庄村, kind: 村}`, `{name：新庄村}`: the same inside braces (and only these colons are mended)
    if "{" in line and ("：" in line or _COLON_UNSPACED.search(line)):
        for m in reversed(list(_pattern("flow_key").finditer(line))):
            key, colon = m.group("key"), m.group("colon")
            if key not in KNOWN_KEY_WORDS or (colon == ":" and line[m.end():m.end() + 1] in ("", " ")):
                continue
            diags.append(Diagnostic("JXS003" if colon == "：" else "JXS031", path, lineno, m.end("key") + 1,
                                    {"key": key}))
            line = line[: m.end("key")] + ": " + line[m.end():].lstrip(" ")
    return line


def _word_before_fullwidth_colon(line: str) -> bool:
    """A full-width colon with no blank or ASCII colon before it (past the indent and a list
    dash): what fw_key needs."""
    rest = line.lstrip(" ")
    if rest.startswith("- "):
        rest = rest[1:].lstrip(" ")
    end = rest.find("：")
    return end > 0 and " " not in rest[:end] and ":" not in rest[:end]


def _dash_before_letter(line: str) -> bool:
    """The line's first non-blank is a dash with a letter right after it: what dash_glued needs."""
    rest = line.lstrip(" ")
    return rest[:1] == "-" and (rest[1:2].isalpha() or rest[1:2] == "_")


def _looks_like_key_line(line: str, m: re.Match[str]) -> bool:
    after = line[m.end():]
    head = line[: m.end()]
    if ":" in head:
        return False
    # `- 其他：办税服务厅` in a list is a value, not a key; a key line has no dash
    # or has further text that reads as a value after the colon.
    if m.group("indent").strip().startswith("-"):
        return m.group("key") in KNOWN_KEY_WORDS
    return ": " not in after or m.group("key") in KNOWN_KEY_WORDS


def _width(lead: str, tab: int) -> int:
    """How wide the indentation looks in an editor whose tab stops are `tab` columns apart."""
    col = 0
    for ch in lead:
        if ch == "\t":
            col += tab - col % tab
        else:
            col += 2 if ch == "\u3000" else 1
    return col


def _entry_columns(row: str) -> list[int]:
    """Where a line's entries start: its indentation, and after each `- ` the text behind it."""
    indent = len(row) - len(row.lstrip(" "))
    m = re.match(r"[ ]*(?:-[ ]+)+", row)
    return [indent, len(m.group(0))] if m else [indent]


def _opens_block(row: str) -> bool:
    body = re.sub(r"\s+#.*$", "", row).rstrip()
    return body.endswith(":") and not body.lstrip().startswith("#")


def indentation(lines: list[str], index: int, lead: str) -> tuple[int | None, Phrase]:
    """How many spaces the tabbed or full-width indentation of lines[index] stands for, and the advice.

    Below a line that opens a block (`set:`), the line belongs inside it. Else it is
    aligned with the nearest line above it that it lines up with in an editor whose
    tab stops are 4, 8 or 2 columns apart. None when nothing above lines up.
    """
    above: list[tuple[int, str]] = []
    for j in range(index - 1, -1, -1):
        row = lines[j]
        if row.strip() and not row.lstrip(" \t\u3000").startswith("#"):
            above.append((j + 1, row))
            if len(above) > 40:
                break
    if not above:
        return 0, phrase("indent.first-line")
    prev_line, prev = above[0]
    if _opens_block(prev):
        n = _entry_columns(prev)[-1] + 2
        return n, phrase("indent.inside-block", spaces=n)
    limit: int | None = None
    for line_no, row in above:
        indent = len(row) - len(row.lstrip(" "))
        if limit is not None and indent >= limit:
            continue
        for col in reversed(_entry_columns(row)):
            if any(_width(lead, tab) == col for tab in (4, 8, 2)):
                where = phrase("indent.line-above") if line_no == prev_line else phrase("indent.line", line=line_no)
                return col, phrase("indent.align", where=where, spaces=col)
        limit = indent
        if indent == 0:
            break
    return None, phrase("indent.undecided")
