"""Print-ready workbooks in the published layout: a contents sheet and a sheet per domain.

Written with XlsxWriter (measured faster than openpyxl for writing; see
benchmarks/). Every cell is written as a string, so nothing ever becomes a
formula or a number; zip entry times and document properties are fixed, so the
same sources give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from jxs_catalog.catalog import Catalog, Section
from jxs_catalog.rendering.layout import COLUMNS, line_count, row_values, section_title

FONT = "宋体"
LINE_HEIGHT = 13.5  # points per text line at 10 pt
MAX_ROW_HEIGHT = 409
REFERENCE_WIDTH = 70  # the contents sheet's 参考目录: wide, so a guideline's title takes one or two lines
CONTENTS_WIDTH = 6 + 30 + 10 + REFERENCE_WIDTH  # the contents sheet's four columns
_SHEET_BAD = re.compile(r"[\[\]:*?/\\]")


def _formats(wb: Workbook) -> dict[str, Any]:
    base = {"font_name": FONT, "font_size": 10, "border": 1, "valign": "vcenter", "text_wrap": True}
    return {
        "title": wb.add_format({"font_name": "黑体", "font_size": 16, "bold": True, "align": "center",
                                "valign": "vcenter"}),
        "head": wb.add_format({**base, "bold": True, "align": "center", "bg_color": "#D9E1F2"}),
        "text": wb.add_format({**base, "align": "left"}),
        "center": wb.add_format({**base, "align": "center"}),
        "link": wb.add_format({**base, "align": "left", "font_color": "#1F4E79", "underline": 1}),
        "note": wb.add_format({"font_name": FONT, "font_size": 9, "italic": True}),
        "wrapped_note": wb.add_format({"font_name": FONT, "font_size": 10, "text_wrap": True, "valign": "top"}),
    }


def sheet_name(domain: str, used: set[str]) -> str:
    # Excel compares sheet names without letter case and refuses a leading or trailing apostrophe.
    name = _SHEET_BAD.sub("_", domain).strip("'")[:31].strip("'") or "领域"
    base, n = name, 2
    taken = {u.casefold() for u in used}
    while name.casefold() in taken:
        suffix = f"({n})"
        name = base[: 31 - len(suffix)] + suffix
        n += 1
    used.add(name)
    return name


FOOTER_LIMIT = 255  # Excel's limit for a header or footer, control codes included


def footer(title: str) -> str:
    """The page footer: the title (shortened to fit Excel's limit, & doubled) and the page count."""
    tail = "&C第 &P 页，共 &N 页"
    room = FOOTER_LIMIT - len(tail) - len("&L")
    text = title.replace("&", "&&")
    if len(text) > room:
        text = text[: room - 1].rstrip("&") + "…"
    return f"&L{text}{tail}"


def _print_setup(ws: Worksheet, header_rows: tuple[int, int] | None, footer_title: str) -> None:
    ws.set_landscape()
    ws.set_paper(9)  # A4
    ws.fit_to_pages(1, 0)  # one page wide, as many tall as needed
    ws.center_horizontally()
    ws.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
    if header_rows is not None:
        ws.repeat_rows(*header_rows)
    ws.set_footer(footer(footer_title))


def _write_section(ws: Worksheet, fmt: dict[str, Any], section: Section, title: str,
                   extra: tuple[str, ...]) -> None:
    last_col = len(COLUMNS) - 1
    for col, (_, _, width) in enumerate(COLUMNS):
        ws.set_column(col, col, width)
    ws.set_row(0, 30)
    ws.merge_range(0, 0, 0, last_col, title, fmt["title"])
    # Two header rows: a group spanning its sub-columns, or one cell merged down.
    col = 0
    while col < len(COLUMNS):
        group, sub, _ = COLUMNS[col]
        if sub is None:
            ws.merge_range(1, col, 2, col, group, fmt["head"])
            col += 1
            continue
        end = col
        while end + 1 < len(COLUMNS) and COLUMNS[end + 1][0] == group:
            end += 1
        ws.merge_range(1, col, 1, end, group, fmt["head"])
        for c in range(col, end + 1):
            ws.write_string(2, c, COLUMNS[c][1] or "", fmt["head"])
        col = end + 1
    ws.set_row(1, 20)
    ws.set_row(2, 30)
    first_row = 3
    widths = [w for _, _, w in COLUMNS]
    for i, item in enumerate(section.items):
        row = first_row + i
        values = row_values(i + 1, item, extra)
        lines = max(line_count(v, widths[c]) for c, v in enumerate(values))
        ws.set_row(row, min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT + 6))
        for c, value in enumerate(values):
            style = fmt["center"] if c == 0 or 8 <= c <= 14 else fmt["text"]
            ws.write_string(row, c, value, style)
    # 一级事项 merged down over consecutive rows of the same category.
    start = 0
    items = section.items
    for i in range(1, len(items) + 1):
        if i == len(items) or items[i].category != items[start].category:
            if i - start > 1:
                ws.merge_range(first_row + start, 1, first_row + i - 1, 1, items[start].category, fmt["text"])
            start = i
    ws.freeze_panes(first_row, 0)


def _contents_line(ws: Worksheet, fmt: dict[str, Any], row: int, text: str) -> int:
    """A wrapped line across the contents sheet below its table; returns the next free row."""
    ws.merge_range(row, 0, row, 3, text, fmt["wrapped_note"])
    ws.set_row(row, min(MAX_ROW_HEIGHT, line_count(text, CONTENTS_WIDTH) * LINE_HEIGHT + 6))
    return row + 1


def write_workbook(catalog: Catalog, target: Path, place: str, title: str, created: dt.datetime,
                   extra: tuple[str, ...] = (), publisher: str = "") -> None:
    """Write one catalog's workbook to target."""
    # in_memory: the parts of the package are assembled in memory rather than in one temporary file
    # each (a third less time in the Excel stage; the workbook's contents are the same).
    wb = xlsxwriter.Workbook(str(target), {"strings_to_numbers": False, "strings_to_formulas": False,
                                           "strings_to_urls": False, "in_memory": True})
    wb.set_properties({"title": catalog.title, "subject": catalog.title, "author": publisher or catalog.subject,
                       "company": publisher, "created": created, "comments": "jxs"})
    wb.set_custom_property("jxs_scope", catalog.scope)
    fmt = _formats(wb)
    contents = wb.add_worksheet("目录")
    used = {"目录"}
    names = [sheet_name(s.domain, used) for s in catalog.sections]
    contents.set_column(0, 0, 6)
    contents.set_column(1, 1, 30)
    contents.set_column(2, 2, 10)
    contents.set_column(3, 3, REFERENCE_WIDTH)
    contents.merge_range(0, 0, 0, 3, catalog.title, fmt["title"])
    contents.set_row(0, 30)
    for c, head in enumerate(("序号", "领域", "事项数", "参考目录")):
        contents.write_string(1, c, head, fmt["head"])
    for i, (section, name) in enumerate(zip(catalog.sections, names, strict=True)):
        row = 2 + i
        contents.write_string(row, 0, str(i + 1), fmt["center"])
        quoted = name.replace("'", "''")
        contents.write_url(row, 1, f"internal:'{quoted}'!A1", fmt["link"], string=section.domain)
        contents.write_string(row, 2, str(len(section.items)), fmt["center"])
        contents.write_string(row, 3, section.reference or "", fmt["text"])
        # Long reference titles wrap: without a height the printed rows overlap each other.
        lines = max(line_count(section.domain, 30), line_count(section.reference or "", REFERENCE_WIDTH))
        contents.set_row(row, min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT + 6))
    total_row = 2 + len(catalog.sections)
    contents.write_string(total_row, 1, "合计", fmt["head"])
    contents.write_string(total_row, 2, str(catalog.item_count), fmt["center"])
    contents.write_string(total_row, 3, "", fmt["text"])
    contents.write_string(total_row + 2, 0, f"公开主体：{catalog.subject}", fmt["note"])
    below = total_row + 3
    if catalog.villages:
        listed = "、".join(v.name for v in catalog.villages)
        below = _contents_line(contents, fmt, below, f"村（居）务公开清单（{len(catalog.villages)} 份）：{listed}")
    if catalog.note:
        _contents_line(contents, fmt, below, f"说明：{catalog.note}")
    contents.freeze_panes(2, 0)
    _print_setup(contents, (1, 1), catalog.title)
    for section, name in zip(catalog.sections, names, strict=True):
        ws = wb.add_worksheet(name)
        heading = section_title(place, section.domain, title)
        _write_section(ws, fmt, section, heading, extra)
        _print_setup(ws, (1, 2), heading)
    wb.close()
