"""Diagnostics: the one currency every stage reports problems in.

A diagnostic carries a stable code and the parameters of its message; the text
is produced in the reader's language only when it is reported.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from enum import Enum

from jxs_catalog.messages import render_message


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    code: str
    path: str
    line: int = 0
    column: int = 0
    params: Mapping[str, object] = field(default_factory=dict)
    severity: Severity = Severity.ERROR

    def message(self, lang: str = "zh") -> str:
        return render_message(self.code, self.params, lang)

    def render(self, lang: str = "zh") -> str:
        """As a part of another message (its text, without place or code)."""
        return self.message(lang)

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.code)


class DiagnosticList:
    """An ordered collection that also answers the questions callers ask of it."""

    def __init__(self, items: Iterable[Diagnostic] = ()) -> None:
        self._items: list[Diagnostic] = list(items)

    def add(self, diag: Diagnostic) -> None:
        self._items.append(diag)

    def extend(self, diags: Iterable[Diagnostic]) -> None:
        self._items.extend(diags)

    def __iter__(self) -> Iterator[Diagnostic]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self._items if d.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self._items if d.severity is Severity.WARNING]

    def has_errors(self, strict: bool = False) -> bool:
        return bool(self.errors) or (strict and bool(self.warnings))

    def sorted(self) -> list[Diagnostic]:
        # Stable and unique: the same problem found twice is reported once.
        seen: set[tuple[object, ...]] = set()
        out: list[Diagnostic] = []
        for d in sorted(self._items, key=Diagnostic.sort_key):
            key = (d.code, d.path, d.line, d.column, tuple(sorted((k, str(v)) for k, v in d.params.items())))
            if key not in seen:
                seen.add(key)
                out.append(d)
        return out
