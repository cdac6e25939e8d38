"""Values typed in a way the model would misread, found where they stand in the file.

Several values typed into one (`县级、乡级`, `[柳沟村，新庄村]`), a variant spelling
of a vocabulary word (`政府网`), two citations run together in one basis. Each is
reported at its line; the value handed on to the model is the one the clerk meant,
so the rest of the file is still checked in the same run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from jxs_catalog import vocab
from jxs_catalog.diagnostics import Diagnostic, Severity
from jxs_catalog.loading.yamltree import YNode, YScalar, YSeq
from jxs_catalog.messages import phrase

# Keys whose value is a list of short words or names, by the table they stand in.
LIST_KEYS: dict[str, frozenset[str]] = {
    "item": frozenset({"method", "audience", "levels", "channels"}),
    "addition": frozenset({"method", "audience", "levels", "channels"}),
    "patch": frozenset({"method", "audience", "levels", "channels"}),
    "domain": frozenset({"levels"}),
    "township": frozenset({"villages"}),
}
BASIS_TABLES = frozenset({"item", "addition", "patch"})

_SEPARATORS = re.compile(r"[、，,；;]")
_BRACKETS = "［］【】〔〕"


def split_joined(text: str) -> list[str] | None:
    """The values typed into one text (`县级、乡级`, `［县级，乡级］`), or None when it is one value."""
    text = text.strip()
    bracketed = len(text) > 1 and text[0] in _BRACKETS and text[-1] in _BRACKETS
    inner = text[1:-1] if bracketed else text
    parts = [p.strip() for p in _SEPARATORS.split(inner) if p.strip()]
    return parts if len(parts) > 1 or (bracketed and parts) else None


def canonical(key: str, value: str, extra: tuple[str, ...] = ()) -> str | None:
    """The standard spelling of a vocabulary value, or None outside the vocabulary (or no vocabulary)."""
    if key == "channels":
        return vocab.normalize_channel(value, extra)
    tables = {"method": (vocab.METHODS, vocab.METHOD_VARIANTS), "audience": (vocab.AUDIENCES, vocab.AUDIENCE_VARIANTS),
              "levels": (vocab.LEVELS, vocab.LEVEL_VARIANTS)}
    if key not in tables:
        return None
    return vocab.normalize_choice(value, *tables[key])


def titles(text: str) -> list[str]:
    """The outermost 《…》 titles of a text (a title may quote another inside it)."""
    out: list[str] = []
    depth, start = 0, 0
    for i, ch in enumerate(text):
        if ch == "《":
            if depth == 0:
                start = i
            depth += 1
        elif ch == "》" and depth:
            depth -= 1
            if depth == 0:
                out.append(text[start:i + 1])
    return out


@dataclass(slots=True)
class ValueChecker:
    """Checks the values of list keys and bases as the normaliser meets them."""

    path: str
    extra_channels: tuple[str, ...] = ()
    diags: list[Diagnostic] = field(default_factory=list)

    def value(self, table: str, key: str, spelled: str, node: YNode, raw: Any) -> Any:
        """The raw value to hand on, after reporting what was typed amiss."""
        if key in LIST_KEYS.get(table, frozenset()):
            return self._list(key, spelled, node, raw)
        if table == "village" and key == "name" and isinstance(node, YScalar) and node.text:
            # `- {name: 尕集村、新村, …}` would publish one village under both names; each needs its own code.
            parts = split_joined(node.text)
            if parts is not None:
                names = "".join(f"“{p}”" for p in parts)
                how = phrase("hint.village-each", names=names)
                self.diags.append(Diagnostic("JXS130", self.path, node.line, node.col,
                                             {"key": spelled, "value": node.text, "how": how}))
            return raw
        if key == "basis" and table in BASIS_TABLES:
            for scalar in _scalars(node):
                self._basis(spelled, scalar)
        return raw

    def _list(self, key: str, spelled: str, node: YNode, raw: Any) -> Any:
        if isinstance(node, YScalar) and node.text:
            parts = self._joined(key, spelled, node, element=False)
            if parts is not None:
                return [self._variant(key, node, p) for p in parts]
            self._variant(key, node, node.text)
            return raw
        if not isinstance(node, YSeq) or not isinstance(raw, list):
            return raw
        out: list[Any] = []
        for child, value in zip(node.items, raw, strict=True):
            if not (isinstance(child, YScalar) and child.text):
                out.append(value)
                continue
            parts = self._joined(key, spelled, child, element=True)
            if parts is not None:
                out.extend(self._variant(key, child, p) for p in parts)
            else:
                self._variant(key, child, child.text)
                out.append(value)
        return out

    def _joined(self, key: str, spelled: str, node: YScalar, element: bool) -> list[str] | None:
        text = node.text or ""
        if canonical(key, text, self.extra_channels) is not None:
            return None  # a word of the vocabulary that happens to hold a separator
        parts = split_joined(text)
        if parts is None:
            return None
        words = [canonical(key, p, self.extra_channels) or p for p in parts]
        if element:  # already inside a list: the entries are split, not nested
            entries = "".join(f"“- {w}”" for w in words)
            how = phrase("hint.split-entries", count=len(words), entries=entries)
        else:
            shown = "[" + ", ".join(words) + "]"
            how = phrase("hint.write-list", shown=shown)
        self.diags.append(Diagnostic("JXS130", self.path, node.line, node.col, {
            "key": spelled, "value": text, "how": how}))
        return parts

    def _variant(self, key: str, node: YScalar, text: str) -> str:
        standard = canonical(key, text, self.extra_channels)
        if standard is not None and standard != text.strip() and key != "villages":
            self.diags.append(Diagnostic("JXS131", self.path, node.line, node.col, {
                "value": text.strip(), "standard": standard}, Severity.WARNING))
        return text

    def _basis(self, spelled: str, node: YScalar) -> None:
        found = titles(node.text or "")
        if len(found) >= 2:
            self.diags.append(Diagnostic("JXS132", self.path, node.line, node.col, {
                "key": spelled, "first": found[0], "second": found[1]}, Severity.WARNING))


def _scalars(node: YNode) -> list[YScalar]:
    if isinstance(node, YScalar):
        return [node]
    if isinstance(node, YSeq):
        return [c for c in node.items if isinstance(c, YScalar)]
    return []

