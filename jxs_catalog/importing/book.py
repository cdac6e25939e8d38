"""Read a workbook file into plain grids of text, one per sheet.

Merged ranges are filled with their top-left value (a merged 一级事项 or 公开主体
applies to every row it covers) and remembered, so callers can still tell a
merged cell from a repeated one. Every way a file can fail to open becomes a
diagnostic: clerks bring .xls files, web pages saved as .xls, damaged copies.
"""

from __future__ import annotations

import datetime as dt
import io
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jxs_catalog.errors import os_reason
from jxs_catalog.importing.model import Reporter
from jxs_catalog.messages import phrase

MAX_BYTES = 50 * 1024 * 1024
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


def _grid(name: str, values: Iterable[tuple[int, int, object]], merged: Iterable[Region],
          links: dict[tuple[int, int], str], report: Reporter) -> Grid | None:
    placed: dict[tuple[int, int], str] = {}
    for row, col, value in values:
        text = cell_text(value)
        if text:
            placed[(row, col)] = text
    regions = list(merged)
    height = max((r + 1 for r, _ in placed), default=0)
    width = max((c + 1 for _, c in placed), default=0)
    if not within_caps(name, height, width, report):
        return None
    rows: list[list[str]] = [[""] * width for _ in range(height)]
    for (r, c), text in placed.items():
        rows[r][c] = text
    cells = rows
    grid = Grid(name, cells, links=links, width=width)
    for r0, c0, r1, c1 in regions:
        if r0 >= height or c0 >= width:
            continue
        value = cells[r0][c0]
        region = (r0, c0, min(r1, height - 1), min(c1, width - 1))
        for r in range(r0, region[2] + 1):
            for c in range(c0, region[3] + 1):
                cells[r][c] = value
                grid.regions[(r, c)] = region
    return grid


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
    import openpyxl

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about features it drops; they do not matter here
            book = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except Exception as exc:  # a damaged file can fail in any of zipfile's, XML's or openpyxl's ways
        _damaged(report, exc)
        return None
    grids: list[Grid] = []
    for ws in book.worksheets:
        grid = _xlsx_sheet(ws, report)
        if grid is not None:
            grids.append(grid)
    return grids


def _xlsx_sheet(ws: Any, report: Reporter) -> Grid | None:
    # Only the cells that exist: iter_rows() over a sheet formatted down to row
    # 1,048,576 would create a million empty rows.
    cells: dict[tuple[int, int], Any] = getattr(ws, "_cells", {})
    values: list[tuple[int, int, object]] = []
    links: dict[tuple[int, int], str] = {}
    for (row, col), cell in cells.items():
        if cell.value is not None:
            values.append((row - 1, col - 1, cell.value))
        link = getattr(cell, "hyperlink", None)
        if link is not None and (link.location or link.target):
            links[(row - 1, col - 1)] = str(link.location or link.target)
    merged = [(r.min_row - 1, r.min_col - 1, r.max_row - 1, r.max_col - 1) for r in ws.merged_cells.ranges]
    return _grid(str(ws.title), values, merged, links, report)


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
