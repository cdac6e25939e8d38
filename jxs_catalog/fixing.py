"""`jxs fix`: repair what can be repaired without guessing, as text edits.

Repairs keep the clerk's file as it was written (comments, key order, Chinese or
English keys, line ends): a wrong encoding is re-decoded, tabs, full-width
spaces and full-width colons that break the structure are replaced, and
vocabulary variants are rewritten to their standard spelling in place. A repair
is kept only if the repaired text parses; anything else is left for the clerk.
"""

from __future__ import annotations

import codecs
import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

from jxs_catalog import keys as K
from jxs_catalog.diagnostics import Diagnostic
from jxs_catalog.loading.files import display_path, expand_paths, kind_of_file, source_files
from jxs_catalog.loading.source import decode, mixed_lines, parse_bytes, read_limited
from jxs_catalog.loading.yamltree import YamlProblem, YMap, YNode, YScalar, YSeq, parse, prescan
from jxs_catalog.messages import Phrase, phrase
from jxs_catalog.register import Register, citation_edits, load_register
from jxs_catalog.validation import resolve_key
from jxs_catalog.valuecheck import LIST_KEYS, canonical, split_joined
from jxs_catalog.workspace import extra_channels, load_file
from jxs_catalog.writing import check_all, write_file


@dataclass(slots=True)
class FileFix:
    path: Path
    display: str
    original: bytes
    fixed_text: str | None  # None when nothing could be repaired or nothing needed it
    before_text: str = ""
    changes: list[Phrase] = field(default_factory=list)  # what was repaired

    @property
    def changed(self) -> bool:
        return self.fixed_text is not None

    def fixed_bytes(self) -> bytes:
        assert self.fixed_text is not None
        return self.fixed_text.encode("utf-8")

    def unified_diff(self) -> str:
        before = self.before_text
        after = self.fixed_text or ""
        lines = difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                     fromfile=f"a/{self.display}", tofile=f"b/{self.display}")
        return "".join(lines)


def _redecode(data: bytes, wrong: str) -> str | None:
    """Decode a file whose encoding was recognised; None where that would be a guess."""
    try:
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return data.decode("utf-16")
        if wrong.startswith("UTF-16"):
            return data.decode("utf-16-le" if data[1:2] == b"\x00" else "utf-16-be")
        if wrong in ("GBK", "GB18030"):
            return data.decode("gb18030")
    except UnicodeDecodeError:
        return None
    return None  # Latin-1 or unknown: the characters cannot be recovered without guessing


def _mend_layout(text: str) -> tuple[str, str, list[Phrase]]:
    """Tabs and full-width spaces in indentation, full-width colons, `-key:` and `key:value`.

    Returns the text to write, the text to parse (where an indentation that cannot be
    told is mended by a guess, so the rest can still be checked) and what was done.
    """
    notes: list[Phrase] = []
    hints, parsed = prescan(text, "")
    if not hints:
        return text, text, notes
    lines, mended = text.split("\n"), parsed.split("\n")
    undecided = {h.line for h in hints if h.code in ("JXS004", "JXS005") and h.params.get("spaces") is None}
    for i in range(len(lines)):
        if i + 1 not in undecided:
            lines[i] = mended[i]
    for hint in sorted(hints, key=lambda h: (h.line, h.code)):
        notes.append(_layout_note(hint, hint.line in undecided))
    return "\n".join(lines), parsed, notes


def _layout_note(hint: Diagnostic, undecided: bool) -> Phrase:
    n = hint.line
    if hint.code in ("JXS004", "JXS005"):
        what = phrase("fix.what-tab" if hint.code == "JXS005" else "fix.what-fullwidth-space")
        if undecided:
            return phrase("fix.indent-undecided", line=n, what=what)
        return phrase("fix.indent", line=n, what=what, spaces=hint.params.get("spaces"))
    key = str(hint.params.get("key", ""))
    if hint.code == "JXS030":
        return phrase("fix.dash-space", line=n, key=key)
    if hint.code == "JXS031":
        return phrase("fix.colon-space", line=n, key=key)
    return phrase("fix.colon", line=n, key=key)


@dataclass(frozen=True, slots=True)
class _Edit:
    line: int
    col: int
    old: str  # the scalar's text as parsed
    new: str  # what replaces it (inside its quotes, if it had any, unless `bare`)
    note: Phrase
    bare: bool = False  # the replacement is YAML structure, written as it is


def _vocab_edits(tree: YNode, text: str, kind: str) -> tuple[str, list[Phrase]]:
    """Rewrite values where they stand, keeping everything else: variants in their standard
    spelling (政府网 → 政府网站), several values typed into one as a list, Chinese quotes
    around a date or code as English ones."""
    lines = text.split("\n")
    edits: list[_Edit] = []
    _collect(tree, kind, lines, edits)
    notes: list[Phrase] = []
    for edit in sorted(edits, key=lambda e: (e.line, -e.col)):
        row = lines[edit.line - 1]
        start = edit.col - 1
        for quote in ("", '"', "'"):
            raw = quote + edit.old + quote
            if row[start:start + len(raw)] == raw:
                new = edit.new if edit.bare else quote + edit.new + quote
                lines[edit.line - 1] = row[:start] + new + row[start + len(raw):]
                notes.append(edit.note)
                break
    return "\n".join(lines), sorted(notes, key=str)


def _basis_scalars(node: YNode, table: str) -> list[YScalar]:
    """Every basis entry of the items, additions and changes below node."""
    if isinstance(node, YSeq):
        return [s for child in node.items for s in _basis_scalars(child, table)]
    if not isinstance(node, YMap):
        return []
    out: list[YScalar] = []
    spec = K.TABLES[table]
    for key_node, value in node.entries:
        name = resolve_key(key_node.text or "", spec)
        nested = K.NESTED.get((table, name)) if name else None
        if nested is not None:
            out.extend(_basis_scalars(value, nested[0]))
        elif name == "basis" and table in ("item", "addition", "patch"):
            out.extend(s for s in (value.items if isinstance(value, YSeq) else [value]) if isinstance(s, YScalar))
    return out


def _citation_edits(tree: YNode, text: str, kind: str, register: Register) -> tuple[str, list[Phrase]]:
    """Cite a replaced document's replacement, and the register's number where another is written."""
    lines = text.split("\n")
    notes: list[Phrase] = []
    for scalar in _basis_scalars(tree, kind):
        if not scalar.text:
            continue
        new, changed = citation_edits(scalar.text, register)
        row = lines[scalar.line - 1]
        # Only a basis written on one line as typed can be edited in place without a guess.
        at = row.find(scalar.text, scalar.col - 1) if changed else -1
        if at < 0:
            continue
        lines[scalar.line - 1] = row[:at] + new + row[at + len(scalar.text):]
        for note in changed:
            notes.append(phrase("fix.at-line", line=scalar.line, change=note))
    return "\n".join(lines), notes


_DATE_KEYS = frozenset({"reviewed", "code", "date", "valid_until"})
_CHINESE_QUOTES = ("“”", "‘’", "””", "““")


def _collect(node: YNode, table: str, lines: list[str], edits: list[_Edit]) -> None:
    if isinstance(node, YSeq):
        for child in node.items:
            _collect(child, table, lines, edits)
        return
    if not isinstance(node, YMap):
        return
    spec = K.TABLES[table]
    for key_node, value in node.entries:
        name = resolve_key(key_node.text or "", spec)
        if name is None:
            continue
        nested = K.NESTED.get((table, name))
        if nested is not None:
            _collect(value, nested[0], lines, edits)
        if name in LIST_KEYS.get(table, frozenset()):
            for scalar in (value.items if isinstance(value, YSeq) else [value]):
                if isinstance(scalar, YScalar) and scalar.text:
                    edit = _list_edit(name, scalar, lines[scalar.line - 1], isinstance(value, YSeq))
                    if edit is not None:
                        edits.append(edit)
        elif name in _DATE_KEYS and isinstance(value, YScalar) and _in_chinese_quotes(value.text):
            n, text = value.line, value.text or ""
            edits.append(_Edit(n, value.col, text, f'"{text[1:-1]}"', phrase(
                "fix.chinese-quotes", line=n, text=text), bare=True))


def _in_chinese_quotes(text: str | None) -> bool:
    return text is not None and len(text) > 2 and text[0] + text[-1] in _CHINESE_QUOTES


def _list_edit(key: str, scalar: YScalar, row: str, in_list: bool) -> _Edit | None:
    text, n = scalar.text or "", scalar.line
    standard = canonical(key, text)
    if standard is not None:
        if standard == text:
            return None
        return _Edit(n, scalar.col, text, standard, phrase("fix.variant", line=n, old=text, new=standard))
    parts = split_joined(text)
    if parts is None:
        return None
    parts = [canonical(key, p) or p for p in parts]
    prefix = row[: scalar.col - 1]
    if in_list and re.fullmatch(r"[ ]*-[ ]+", prefix):
        new = ("\n" + prefix).join(parts)  # one entry a line, as the list was written
    elif in_list and prefix.rstrip().endswith(("[", ",")):
        new = ", ".join(parts)
    elif not in_list:
        new = "[" + ", ".join(parts) + "]"
    else:
        return None
    return _Edit(n, scalar.col, text, new, phrase("fix.split", line=n, text=text, count=len(parts)),
                 bare=True)


def fix_file(path: Path, display: str, kind: str, root: Path | None = None,
             register: Register | None = None) -> tuple[FileFix, list[Diagnostic]]:
    """Repair one file in memory; the diagnostics say what is left for the clerk (or why not).
    With the workspace's register, citations of replaced documents are brought up to date too."""
    data, unreadable = read_limited(path, display, root)
    if data is None:
        return FileFix(path, display, b"", None), unreadable
    result = FileFix(path, display, data, None)
    text, wrong = decode(data)
    if text is None and not (wrong or "").startswith("UTF-16") and mixed_lines(data):
        _, diags = parse_bytes(data, display)  # which lines are not UTF-8: nothing is guessed
        return result, diags
    if text is None:
        text = _redecode(data, wrong or "")
        if text is None:
            _, diags = parse_bytes(data, display)
            return result, diags
        result.changes.append(phrase("fix.encoding", encoding=wrong))
    result.before_text = text
    crlf = "\r\n" in text
    body = text.lstrip("\ufeff").replace("\r\n", "\n")
    mended, parsable, notes = _mend_layout(body)
    try:
        tree = parse(parsable, [])
    except YamlProblem:
        _, diags = parse_bytes(data if wrong is None else mended.encode("utf-8"), display)
        return result, diags  # structure still broken: nothing is written
    result.changes.extend(notes)
    if tree is not None:
        mended, vocab_notes = _vocab_edits(tree, mended, kind)
        result.changes.extend(vocab_notes)
        if register is not None and kind in ("domain", "township"):
            mended, cite_notes = _citation_edits(tree, mended, kind, register)
            result.changes.extend(cite_notes)
    if not result.changes or (mended == body and wrong is None):
        return result, []
    if text.startswith("\ufeff") and wrong is None:
        mended = "\ufeff" + mended
    result.fixed_text = mended.replace("\n", "\r\n") if crlf else mended
    return result, []


@dataclass(slots=True)
class FixRun:
    """What one `jxs fix` run found: the files it can repair, and what is left for the clerk."""

    repaired: list[FileFix] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    files: int = 0
    written: bool = False


def fix_files(root: Path, paths: list[Path] | None, write: bool) -> FixRun:
    """Repair the files named (every source file when None); write the repairs only when asked.

    Writing is all or nothing as far as jxs can tell in advance: every target is checked
    (no links, regular files) before the first one is replaced, each one atomically.
    """
    channels = extra_channels(root)
    register = load_register(root)
    files = expand_paths(paths) if paths is not None else source_files(root)
    run = FixRun(files=len(files))
    for file in files:
        if not file.exists() and not file.is_symlink():
            continue
        shown = display_path(file, root)
        result, diags = fix_file(file, shown, kind_of_file(file, root), root, register)
        if result.changed:
            run.repaired.append(result)
        data = result.fixed_bytes() if result.changed else None
        run.diagnostics.extend(diags if diags else load_file(file, root, data, channels).diagnostics)
    if write and run.repaired:
        check_all([fix.path for fix in run.repaired], may_replace=True)
        for fix in run.repaired:
            write_file(fix.path, fix.fixed_bytes(), may_replace=True)
        run.written = True
    return run
