"""Read a workbook file into plain grids of text, one per sheet.

Merged ranges are filled with their top-left value (a merged 一级事项 or 公开主体
applies to every row it covers) and remembered, so callers can still tell a
merged cell from a repeated one. Every way a file can fail to open becomes a
diagnostic: clerks bring .xls files, web pages saved as .xls, damaged copies.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jxs_catalog.errors import os_reason
from jxs_catalog.importing.model import Reporter
from jxs_catalog.messages import phrase

if TYPE_CHECKING:
    from jxs_catalog.importing.xlsx import SheetCells

MAX_BYTES = 50 * 1024 * 1024
MAX_INFLATED = 1024 * 1024 * 1024  # the parts of a workbook unpacked: 100,000 catalog rows are about 60 MB
# The used range a sheet may have: a real catalog has a few thousand rows and about 16 columns.
MAX_ROWS = 200_000
MAX_COLUMNS = 256
MAX_CELLS = 5_000_000  # rows × columns of the used range, so a grid never outgrows memory
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"

Region = tuple[int, int, int, int]  # first row, first column, last row, last column (0-based, inclusive)


@dataclass(slots=True)
class Grid:
    """One sheet as text: rows of cells, merged regions, and internal links (for the contents sheet)."""

    name: str
    cells: list[list[str]]
    regions: dict[tuple[int, int], Region] = field(default_factory=dict)
    links: dict[tuple[int, int], str] = field(default_factory=dict)
    width: int = 0  # every row is this wide; computed once, not per row read

    @property
    def height(self) -> int:
        return len(self.cells)

    def text(self, row: int, col: int) -> str:
        if 0 <= row < len(self.cells) and 0 <= col < len(self.cells[row]):
            return self.cells[row][col]
        return ""

    def region(self, row: int, col: int) -> Region | None:
        return self.regions.get((row, col))


def cell_text(value: object) -> str:
    """A cell's value as the text a reader sees; numbers without a spurious `.0`."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return str(value).replace("\r\n", "\n").replace("\r", "\n")


def within_caps(name: str, height: int, width: int, report: Reporter) -> bool:
    """Whether a used range of this size may be read; beyond the caps the sheet is reported (JXS418)."""
    if height <= MAX_ROWS and width <= MAX_COLUMNS and height * width <= MAX_CELLS:
        return True
    report.file("JXS418", sheet=name, rows=height, columns=width, max_rows=MAX_ROWS, max_columns=MAX_COLUMNS,
                max_cells=MAX_CELLS)
    return False


Rows = dict[int, list[str]]  # 0-based row -> its texts, each row as long as its last cell


def _grid(name: str, values: Iterable[tuple[int, int, object]], merged: Iterable[Region],
          links: dict[tuple[int, int], str], report: Reporter) -> Grid | None:
    rows: Rows = {}
    for row, col, value in values:
        text = cell_text(value)
        if text:
            cells = rows.setdefault(row, [])
            if col >= len(cells):
                cells.extend([""] * (col + 1 - len(cells)))
            cells[col] = text
    return _dense(name, rows, _extent(rows), list(merged), links, report)


def _extent(rows: Rows) -> tuple[int, int]:
    """Height and width of the cells with text; trailing blanks are dropped from each row."""
    height = width = 0
    for row, cells in rows.items():
        while cells and not cells[-1]:
            cells.pop()
        if cells:
            height = max(height, row + 1)
            width = max(width, len(cells))
    return height, width


def _hide_merged(rows: Rows, merged: list[Region]) -> None:
    """Drop the values a merge hides (Excel shows only the top-left one), as openpyxl does."""
    ordered: list[int] | None = None
    for r0, c0, r1, c1 in merged:
        if r1 - r0 < len(rows):
            candidates: Iterable[int] = range(r0, r1 + 1)
        else:  # a merge taller than the rows that have cells: visit only those rows
            ordered = ordered if ordered is not None else sorted(rows)
            candidates = ordered[bisect_left(ordered, r0):bisect_right(ordered, r1)]
        for r in candidates:
            cells = rows.get(r)
            if cells is None:
                continue
            for c in range(c0 + 1 if r == r0 else c0, min(c1 + 1, len(cells))):
                cells[c] = ""


def _dense(name: str, rows: Rows, extent: tuple[int, int], merged: list[Region],
           links: dict[tuple[int, int], str], report: Reporter) -> Grid | None:
    height, width = extent
    if not within_caps(name, height, width, report):
        return None
    cells = [_padded(rows.get(r), width) for r in range(height)]
    grid = Grid(name, cells, width=width)
    for r0, c0, r1, c1 in merged:
        if r0 >= height or c0 >= width:
            continue
        value = cells[r0][c0]
        region = (r0, c0, min(r1, height - 1), min(c1, width - 1))
        for r in range(r0, region[2] + 1):
            row = cells[r]
            for c in range(c0, region[3] + 1):
                row[c] = value
                grid.regions[(r, c)] = region
    grid.links.update(links)
    return grid


def _padded(cells: list[str] | None, width: int) -> list[str]:
    if cells is None:
        return [""] * width
    if len(cells) < width:
        cells.extend([""] * (width - len(cells)))
    return cells


def read_book(path: Path, report: Reporter) -> list[Grid] | None:
    """Every worksheet of the file as a grid, or None after reporting why the file cannot be read."""
    try:
        if path.is_dir():
            report.file("JXS013", reason=phrase("os.folder"))
            return None
        size = path.stat().st_size
        if size > MAX_BYTES:
            report.file("JXS012", size=f"{size / 1048576:.1f} MB", limit=f"{MAX_BYTES // 1048576} MB")
            return None
        data = path.read_bytes()
    except OSError as exc:
        report.file("JXS013", reason=os_reason(exc))
        return None
    if data.startswith(ZIP_MAGIC):
        return _read_xlsx(data, report)
    if data.startswith(OLE2_MAGIC):
        return _read_xls(data, path, report)
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"<"):
        report.file("JXS411", reason=phrase("import.web-page"))
        return None
    report.file("JXS411", reason=phrase("import.not-a-workbook"))
    return None


def _damaged(report: Reporter, exc: BaseException) -> None:
    detail = str(exc).strip() or type(exc).__name__
    report.file("JXS411", reason=phrase("import.damaged", detail=detail))


def _read_xlsx(data: bytes, report: Reporter) -> list[Grid] | None:
    from jxs_catalog.importing.xlsx import Limits, read_sheets

    grids: list[Grid] = []
    try:
        inflated = sum(info.file_size for info in zipfile.ZipFile(io.BytesIO(data)).infolist())
        if inflated > MAX_INFLATED:  # a small file that unpacks to gigabytes would take minutes to read
            report.file("JXS012", size=f"{inflated / 1048576:.1f} MB",
                        limit=f"{MAX_INFLATED // 1048576} MB")
            return None
        for sheet in read_sheets(io.BytesIO(data), Limits(MAX_ROWS, MAX_COLUMNS, MAX_CELLS)):
            grid = _xlsx_grid(sheet, report)
            if grid is not None:
                grids.append(grid)
    except Exception as exc:  # a damaged file can fail in any of zipfile's, XML's or number parsing's ways
        _damaged(report, exc)
        return None
    return grids


def _xlsx_grid(sheet: SheetCells, report: Reporter) -> Grid | None:
    if not sheet.over:
        _hide_merged(sheet.rows, sheet.merged)
    links = _place_links(sheet)
    if sheet.over:
        within_caps(sheet.name, sheet.height, sheet.width, report)
        return None
    return _dense(sheet.name, sheet.rows, _extent(sheet.rows), sheet.merged, links, report)


def _place_links(sheet: SheetCells) -> dict[tuple[int, int], str]:
    """Each linked cell's link, as openpyxl binds them: a link on a merged cell goes to the merge's
    top-left cell, a range links every cell it covers but the hidden ones, and an empty linked cell
    shows its link's address."""
    out: dict[tuple[int, int], str] = {}
    merged = sheet.merged if len(sheet.links) * len(sheet.merged) <= 10_000_000 else []
    for link in sheet.links:
        r0, c0, r1, c1 = link.cells
        if not link.is_range:
            top = next(((m[0], m[1]) for m in merged if _hidden(m, r0, c0)), None)
            cells: Iterable[tuple[int, int]] = [top or (r0, c0)]
        elif (r1 - r0 + 1) * (c1 - c0 + 1) > MAX_CELLS:
            _beyond(sheet, r1, c1)  # every cell of the range would show the address
            continue
        else:
            near = [m for m in merged if m[0] <= r1 and m[2] >= r0 and m[1] <= c1 and m[3] >= c0]
            cells = [(r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)
                     if not any(_hidden(m, r, c) for m in near)]
        for r, c in cells:
            out[(r, c)] = link.location or link.target
            _show_if_empty(sheet, r, c, link.target or link.location)
    return out


def _hidden(region: Region, row: int, col: int) -> bool:
    r0, c0, r1, c1 = region
    return r0 <= row <= r1 and c0 <= col <= c1 and (row, col) != (r0, c0)


def _beyond(sheet: SheetCells, row: int, col: int) -> None:
    sheet.over = True
    sheet.rows.clear()
    sheet.height, sheet.width = max(sheet.height, row + 1), max(sheet.width, col + 1)


def _show_if_empty(sheet: SheetCells, row: int, col: int, text: str) -> None:
    if sheet.over:
        sheet.height, sheet.width = max(sheet.height, row + 1), max(sheet.width, col + 1)
        return
    cells = sheet.rows.get(row)
    if cells is not None and col < len(cells) and cells[col]:
        return
    if row >= MAX_ROWS or col >= MAX_COLUMNS:
        _beyond(sheet, row, col)
        return
    cells = sheet.rows.setdefault(row, [])
    if col >= len(cells):
        cells.extend([""] * (col + 1 - len(cells)))
    cells[col] = cell_text(text)


def _read_xls(data: bytes, path: Path, report: Reporter) -> list[Grid] | None:
    try:
        import xlrd
    except ImportError:
        report.file("JXS403", file=path.name)
        return None
    try:
        try:
            book = xlrd.open_workbook(file_contents=data, formatting_info=True)
        except NotImplementedError:  # some writers' files have formatting xlrd cannot read
            book = xlrd.open_workbook(file_contents=data)
    except Exception as exc:  # xlrd raises its own errors, struct.error, AssertionError … on damaged files
        _damaged(report, exc)
        return None
    grids: list[Grid] = []
    for sheet in book.sheets():
        if not within_caps(sheet.name, sheet.nrows, sheet.ncols, report):
            continue
        values = [(r, c, _xls_value(sheet.cell(r, c), book.datemode))
                  for r in range(sheet.nrows) for c in range(sheet.ncols)]
        # xlrd's ranges are half-open.
        merged = [(r0, c0, r1 - 1, c1 - 1) for r0, r1, c0, c1 in getattr(sheet, "merged_cells", [])]
        grid = _grid(sheet.name, values, merged, {}, report)
        if grid is not None:
            grids.append(grid)
    return grids


def _xls_value(cell: Any, datemode: int) -> object:
    import xlrd

    if cell.ctype == xlrd.XL_CELL_DATE:
        try:
            return xlrd.xldate.xldate_as_datetime(cell.value, datemode)
        except (ValueError, OverflowError, xlrd.xldate.XLDateError):
            return cell.value
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return bool(cell.value)
    if cell.ctype in (xlrd.XL_CELL_ERROR, xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return None
    return cell.value
