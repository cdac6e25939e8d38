"""`jxs import`: read a catalog workbook in the published layout into domain YAML.

import_workbook() reads every sheet that holds a catalog (or the one named),
finds each table's header wherever it starts, and maps its rows to items;
whatever cannot be mapped is reported at its cell. domain_yaml() writes one
imported domain as a domain file that jxs's own loader reads back.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from jxs_catalog.diagnostics import Severity
from jxs_catalog.importing.book import Grid, read_book
from jxs_catalog.importing.header import Table, find_tables
from jxs_catalog.importing.model import ImportedDomain, ImportResult, Reporter
from jxs_catalog.importing.rows import read_table
from jxs_catalog.importing.titles import ContentsEntry, parse_title, read_contents
from jxs_catalog.importing.yaml_writer import domain_yaml
from jxs_catalog.timing import cyclic_gc_paused

__all__ = ["ImportResult", "ImportedDomain", "domain_yaml", "import_workbook"]


def import_workbook(path: Path, sheet: str | None = None, domain: str | None = None, *,
                    extra_channels: tuple[str, ...] = ()) -> ImportResult:
    """Read the workbook at path; only the sheet named `sheet` if given; name every domain `domain` if given.

    extra_channels are the workspace's own channels (jxs.yaml `channels`), accepted without a warning.
    """
    with cyclic_gc_paused():  # a large sheet makes hundreds of thousands of cells and items, none in a cycle
        return _import(path, sheet, domain, extra_channels)


def _import(path: Path, sheet: str | None, domain: str | None, extra_channels: tuple[str, ...]) -> ImportResult:
    report = Reporter(path.name)
    grids = read_book(path, report)
    if grids is None:
        return ImportResult([], report.diagnostics)
    tables = {grid.name: find_tables(grid) for grid in grids}
    catalog_sheets = [g.name for g in grids if tables[g.name]]
    contents: dict[str, ContentsEntry] = {}
    for grid in grids:
        if not tables[grid.name]:
            contents.update(read_contents(grid, catalog_sheets))
    selected = grids
    if sheet is not None:
        selected = [g for g in grids if g.name == sheet] or [g for g in grids if g.name.strip() == sheet.strip()]
        if not selected:
            report.file("JXS404", sheet=sheet, sheets="、".join(g.name for g in grids))
            return ImportResult([], report.diagnostics)
    result = ImportResult([], report.diagnostics)
    for grid in selected:
        for table in tables[grid.name]:
            entry = contents.get(grid.name) if len(tables[grid.name]) == 1 else None
            imported = _domain(grid, table, report, entry, domain, extra_channels)
            if imported is not None:
                result.domains.append(imported)
    if not any(tables[g.name] for g in selected):
        if sheet is not None:
            report.file("JXS401", sheet=sheet)
        else:
            report.file("JXS405", sheets="、".join(g.name for g in grids) or "—")
    return result


def _domain(grid: Grid, table: Table, report: Reporter, entry: ContentsEntry | None, name: str | None,
            extra: tuple[str, ...]) -> ImportedDomain | None:
    info = parse_title(table.title) if table.title else None
    default_levels = ("乡级",) if info is not None and info.township else ("县级",)
    header = table.layout.header_row
    missing = table.layout.missing()
    if missing:
        first = table.layout.columns[0].index if table.layout.columns else 0
        report.cell("JXS413", grid.name, header, first, Severity.WARNING, columns="、".join(missing))
    items = read_table(grid, table, report, default_levels, tuple(extra))
    if not items:
        report.cell("JXS416", grid.name, header, 0, Severity.WARNING)
        return None
    subjects = Counter(str(item["subject"]) for item in items if item.get("subject"))
    department = subjects.most_common(1)[0][0] if subjects else None
    domain_name = name or (entry.domain if entry else None) or (info.domain if info else None) or grid.name
    return ImportedDomain(domain_name, grid.name, items, department, entry.reference if entry else None, table.title)

