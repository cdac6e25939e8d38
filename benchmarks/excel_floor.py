"""The Excel stage beside its practical floor: a bare XlsxWriter constant_memory loop writing the
same cells with the same formats, in the same run.

    python benchmarks/excel_floor.py WORKSPACE
"""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
import time
from pathlib import Path

import xlsxwriter

from jxs_catalog.catalog import Catalog
from jxs_catalog.pipeline import compile_workspace
from jxs_catalog.rendering.layout import COLUMNS, row_values
from jxs_catalog.rendering.xlsx import write_workbook


def bare_workbook(catalog: Catalog, target: Path) -> None:
    """The same sheets, cells and formats, with none of jxs's layout work (no merges, no heights)."""
    wb = xlsxwriter.Workbook(str(target), {"constant_memory": True})
    base = {"font_name": "宋体", "font_size": 10, "border": 1, "valign": "vcenter", "text_wrap": True}
    head = wb.add_format({**base, "bold": True, "align": "center", "bg_color": "#D9E1F2"})
    text = wb.add_format({**base, "align": "left"})
    center = wb.add_format({**base, "align": "center"})
    title = wb.add_format({"font_name": "黑体", "font_size": 16, "bold": True, "align": "center"})
    contents = wb.add_worksheet("目录")
    for i, section in enumerate(catalog.sections):
        contents.write_string(i + 2, 1, section.domain, text)
    for section in catalog.sections:
        ws = wb.add_worksheet(section.domain[:31])
        ws.write_string(0, 0, section.domain, title)
        for col, (group, sub, _) in enumerate(COLUMNS):
            ws.write_string(1, col, group, head)
            ws.write_string(2, col, sub or "", head)
        for i, item in enumerate(section.items):
            for col, value in enumerate(row_values(i + 1, item)):
                ws.write_string(3 + i, col, value, center if col == 0 or 8 <= col <= 14 else text)
    wb.close()


def openpyxl_workbook(catalog: Catalog, target: Path) -> None:
    """The same cells with openpyxl's write-only mode, for choosing the writer library."""
    import openpyxl
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Border, Font, Side

    side = Side(style="thin")
    font, border = Font(name="宋体", size=10), Border(left=side, right=side, top=side, bottom=side)
    wrap = Alignment(wrap_text=True, vertical="center")
    wb = openpyxl.Workbook(write_only=True)
    for section in catalog.sections:
        ws = wb.create_sheet(section.domain[:31])
        ws.append([section.domain])
        ws.append([g for g, _, _ in COLUMNS])
        ws.append([s or "" for _, s, _ in COLUMNS])
        for i, item in enumerate(section.items):
            row = []
            for value in row_values(i + 1, item):
                cell = WriteOnlyCell(ws, value=value)
                cell.font, cell.border, cell.alignment = font, border, wrap
                row.append(cell)
            ws.append(row)
    wb.save(str(target))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("workspace", type=Path)
    args = parser.parse_args()
    compiled = compile_workspace(args.workspace).compiled
    assert compiled is not None
    books = [compiled.county, *compiled.townships]
    rows = sum(c.item_count for c in books)
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        for cat in books:
            bare_workbook(cat, Path(tmp) / f"bare-{cat.id}.xlsx")
        floor = time.perf_counter() - start
        start = time.perf_counter()
        for cat in books:
            write_workbook(cat, Path(tmp) / f"jxs-{cat.id}.xlsx", cat.name, "基层政务公开标准目录",
                           dt.datetime(2026, 1, 1))
        ours = time.perf_counter() - start
        start = time.perf_counter()
        for cat in books:
            openpyxl_workbook(cat, Path(tmp) / f"opx-{cat.id}.xlsx")
        opx = time.perf_counter() - start
    print(f"workbooks {len(books)}, item rows {rows}")
    print(f"bare XlsxWriter constant_memory  {floor:7.2f} s  {rows / floor:8.0f} rows/s")
    print(f"jxs write_workbook               {ours:7.2f} s  {rows / ours:8.0f} rows/s")
    print(f"openpyxl write-only              {opx:7.2f} s  {rows / opx:8.0f} rows/s")
    print(f"ratio jxs / floor                {ours / floor:7.2f}")


if __name__ == "__main__":
    main()
