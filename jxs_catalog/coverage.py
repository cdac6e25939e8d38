"""The coverage report's data: townships × domains, with one column set for every format."""

from __future__ import annotations

from dataclasses import dataclass, field

from jxs_catalog.diagnostics import Diagnostic, Severity
from jxs_catalog.pipeline import Result, source_day


@dataclass(slots=True)
class CoverageCell:
    items: int = 0
    excluded: bool = False
    partial_exclusions: int = 0


@dataclass(slots=True)
class Coverage:
    domains: list[str]
    rows: dict[str, dict[str, CoverageCell]] = field(default_factory=dict)  # township -> domain -> cell
    warnings: dict[str, int] = field(default_factory=dict)
    errors: dict[str, int] = field(default_factory=dict)
    day: str = ""  # the sources' date, as the build dates its outputs


# The report's columns after the township and one per domain, the same in CSV and HTML.
TOTAL_COLUMNS: tuple[str, ...] = ("事项合计", "排除领域", "错误", "警告")


def cell_text(cell: CoverageCell) -> str:
    if cell.excluded:
        return "排除"
    text = str(cell.items) if cell.items else "—"
    if cell.partial_exclusions:
        text += f"（排除{cell.partial_exclusions}）"
    return text


def header(cov: Coverage) -> list[str]:
    return ["乡镇", *cov.domains, *TOTAL_COLUMNS]


def totals(cov: Coverage, town: str) -> list[int]:
    """The values of TOTAL_COLUMNS for one township."""
    row = cov.rows[town]
    return [sum(c.items for c in row.values()), sum(1 for c in row.values() if c.excluded),
            cov.errors.get(town, 0), cov.warnings.get(town, 0)]


def coverage_of(result: Result, diagnostics: list[Diagnostic]) -> Coverage | None:
    compiled = result.compiled
    if compiled is None:
        return None
    domains = [s.domain for s in compiled.county.sections]
    for lf in result.workspace.valid_domains:
        if lf.model and lf.model.name not in domains:
            domains.append(lf.model.name)
    cov = Coverage(domains, day=source_day(result).isoformat())
    paths = {lf.model.name: lf.path for lf in result.workspace.valid_townships if lf.model}
    for town in compiled.townships:
        row = {d: CoverageCell() for d in domains}
        for section in town.sections:
            row[section.domain].items = len(section.items)
        for adj in town.adjustments:
            if adj.kind == "exclusion" and adj.domain in row:
                if adj.item is None:
                    row[adj.domain].excluded = True
                else:
                    row[adj.domain].partial_exclusions += 1
        cov.rows[town.name] = row
        path = paths.get(town.name, "")
        cov.warnings[town.name] = sum(1 for d in diagnostics if d.path == path and d.severity is Severity.WARNING)
        cov.errors[town.name] = sum(1 for d in diagnostics if d.path == path and d.severity is Severity.ERROR)
    return cov
