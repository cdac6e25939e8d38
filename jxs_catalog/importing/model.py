"""What an import produces, and the helper that reports problems at a cell."""

from __future__ import annotations

from dataclasses import dataclass, field

from jxs_catalog.diagnostics import Diagnostic, Severity


@dataclass(slots=True)
class ImportedDomain:
    """One catalog table read from a workbook, ready to be written as a domain file."""

    name: str
    sheet: str
    items: list[dict[str, object]] = field(default_factory=list)
    department: str | None = None
    reference: str | None = None
    title: str | None = None  # the table's title row, kept as a comment in the YAML


@dataclass(slots=True)
class ImportResult:
    domains: list[ImportedDomain] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def column_letter(col: int) -> str:
    """Excel's name of a 0-based column: 0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    n = col + 1
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def cell_ref(sheet: str, row: int, col: int) -> str:
    """`涉农补贴!H12` for 0-based row and column."""
    return f"{sheet}!{column_letter(col)}{row + 1}"


class Reporter:
    """Collects the diagnostics of one workbook; positions are Excel's 1-based row and column."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.diagnostics: list[Diagnostic] = []

    def file(self, code: str, severity: Severity = Severity.ERROR, **params: object) -> None:
        self.diagnostics.append(Diagnostic(code, self.path, 0, 0, params, severity))

    def cell(self, code: str, sheet: str, row: int, col: int, severity: Severity = Severity.ERROR,
             **params: object) -> None:
        params = {"cell": cell_ref(sheet, row, col), **params}
        self.diagnostics.append(Diagnostic(code, self.path, row + 1, col + 1, params, severity))
