"""Print-ready workbooks in the published layout: a contents sheet and a sheet per domain.

Written with XlsxWriter (measured faster than openpyxl for writing; see
benchmarks/). Text is written as strings, so nothing ever becomes a formula; only
序号 and the counts are numbers. Zip entry times and document properties are
fixed, so the same sources give the same bytes. Rows are as tall as their wrapped
text (textfit.py), and sheets print one page wide on A4 (or A3) landscape. Channels print as
the whole ■/□ checklist, a line breaking only between channels.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from pathlib import Path
from typing import Any, BinaryIO

import xlsxwriter
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from jxs_catalog.catalog import Catalog, CompiledItem, Section
from jxs_catalog.messages import say
from jxs_catalog.rendering.layout import COLUMNS, checklist, row_values, section_title
from jxs_catalog.rendering.textfit import balance, column_pt, kept_breaks, line_count, pack, row_height

FONT = "宋体"
SIZE = 10
TITLE_HEIGHT = 24.0
HEAD_HEIGHT = 16.0  # one line of the header; a height Excel's default would swallow is not written
REFERENCE_WIDTH = 96  # the contents sheet's 参考目录: wide, so most guidelines' titles take one line
CONTENTS_WIDTHS = (6, 24, 8, REFERENCE_WIDTH)  # 序号 | 领域 | 事项数 | 参考目录
CONTENTS_WIDTH = sum(CONTENTS_WIDTHS)
PAPERS = {"A4": 9, "A3": 8}  # Excel's paper size codes
PAPER_WIDTH_PT = {"A4": 841.89, "A3": 1190.55}  # the long side: the width in landscape
PAPER_HEIGHT_PT = {"A4": 595.28, "A3": 841.89}
# A3 is used for room: its columns are a fifth wider, so rows take fewer lines and the text still
# prints larger than on A4 (about 10.9 pt against 9.1 pt).
SPREAD = {"A4": 1.0, "A3": 1.2}
SIDE_MARGIN_IN, TOP_MARGIN_IN, BOTTOM_MARGIN_IN = 0.25, 0.35, 0.45
# Column units follow the default font: Arial 10 measures alike in Excel and in LibreOffice
# (Liberation Sans), where Calibri, absent on most Linux systems, is replaced by a wider font.
DEFAULT_FONT: dict[str, object] = {"font_name": "Arial", "font_size": 10}
WORKBOOK_OPTIONS = {"strings_to_numbers": False, "strings_to_formulas": False, "strings_to_urls": False,
                    "in_memory": True, "default_format_properties": DEFAULT_FONT}
_SHEET_BAD = re.compile(r"[\[\]:*?/\\]")
_MARK_HEADS = frozenset(sub for _, sub, _ in COLUMNS if sub is not None and sub not in ("一级事项", "二级事项"))


def formats(wb: Workbook, size: float = SIZE) -> dict[str, Any]:
    base = {"font_name": FONT, "font_size": size, "border": 1, "valign": "vcenter", "text_wrap": True}
    return {
        "title": wb.add_format({"font_name": "黑体", "font_size": 16, "bold": True, "align": "center",
                                "valign": "vcenter", "text_wrap": True}),
        "head": wb.add_format({**base, "bold": True, "align": "center", "bg_color": "#D9E1F2"}),
        "text": wb.add_format({**base, "align": "left"}),
        "center": wb.add_format({**base, "align": "center"}),
        "link": wb.add_format({**base, "align": "left", "font_color": "#1F4E79", "underline": 1}),
        "note": wb.add_format({"font_name": FONT, "font_size": size, "text_wrap": True, "valign": "top"}),
        "band": wb.add_format({**base, "bold": True, "align": "left", "bg_color": "#F2F2F2"}),
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


def print_scale(widths: list[float] | tuple[float, ...], paper: str) -> int:
    """The print scale, in percent, that fits the columns to the paper's width (landscape).

    A fixed scale rather than "fit to one page wide": LibreOffice, asked to fit the width, also
    shrinks a sheet a little longer than a page onto one page, below 9 pt.
    """
    room = PAPER_WIDTH_PT.get(paper, PAPER_WIDTH_PT["A4"]) - 2 * SIDE_MARGIN_IN * 72
    return max(10, min(400, int(100 * room / sum(column_pt(w) for w in widths))))


def body_height(widths: list[float] | tuple[float, ...], paper: str) -> float:
    """The printable height of a page, in the sheet's points at its print scale."""
    paper_height = PAPER_HEIGHT_PT.get(paper, PAPER_HEIGHT_PT["A4"])
    return (paper_height - (TOP_MARGIN_IN + BOTTOM_MARGIN_IN) * 72) * 100 / print_scale(widths, paper)


def print_setup(ws: Worksheet, header_rows: tuple[int, int] | None, footer_title: str, paper: str,
                widths: list[float] | tuple[float, ...]) -> None:
    ws.set_landscape()
    ws.set_paper(PAPERS.get(paper, PAPERS["A4"]))
    ws.set_print_scale(print_scale(widths, paper))
    ws.center_horizontally()
    ws.set_margins(left=SIDE_MARGIN_IN, right=SIDE_MARGIN_IN, top=TOP_MARGIN_IN, bottom=BOTTOM_MARGIN_IN)
    if header_rows is not None:
        ws.repeat_rows(*header_rows)
    ws.set_footer(footer(footer_title))


def sheet_columns(scope: str) -> list[int]:
    """The published columns a sheet shows: a township's sheets leave out 县级, keeping the order."""
    return [i for i, (_, sub, _) in enumerate(COLUMNS) if not (scope == "township" and sub == "县级")]


def sheet_widths(cols: list[int], paper: str = "A4") -> list[float]:
    """Column widths; the width of a column left out goes to the two longest texts, 内容 and 依据,
    so every sheet prints at the same scale."""
    widths = [COLUMNS[c][2] for c in cols]
    spare = sum(w for _, _, w in COLUMNS) - sum(widths)
    for heading in ("公开内容（要素）", "公开依据"):
        at = next(i for i, c in enumerate(cols) if COLUMNS[c][0] == heading)
        widths[at] += spare / 2
    spread = SPREAD.get(paper, 1.0)
    return [round(w * spread, 1) for w in widths]


def _write_header(ws: Worksheet, fmt: dict[str, Any], cols: list[int]) -> None:
    """Two header rows: a group spanning its sub-columns, or one cell merged down."""
    at = 0
    while at < len(cols):
        group, sub, _ = COLUMNS[cols[at]]
        if sub is None:
            ws.merge_range(1, at, 2, at, group, fmt["head"])
            at += 1
            continue
        end = at
        while end + 1 < len(cols) and COLUMNS[cols[end + 1]][0] == group:
            end += 1
        if end > at:
            ws.merge_range(1, at, 1, end, group, fmt["head"])
        else:
            ws.write_string(1, at, group, fmt["head"])
        for c in range(at, end + 1):
            ws.write_string(2, c, COLUMNS[cols[c]][1] or "", fmt["head"])
        at = end + 1
    ws.set_row(1, HEAD_HEIGHT)
    ws.set_row(2, row_height(2))


def link_cell(ws: Worksheet, row: int, col: int, item: CompiledItem, text: str, fmt: dict[str, Any]) -> None:
    """The remark cell of an item with a link opens where the information is published."""
    if item.link and item.link.startswith(("http://", "https://")) and len(item.link) < 2000:
        ws.write_url(row, col, item.link, fmt["link"], string=text)


@lru_cache(maxsize=4096)
def _packed_checklist(channels: tuple[str, ...], width: float) -> str:
    # The same few sets of channels recur down every catalog: each is laid out once.
    return pack(checklist(channels), width)


def _write_section(ws: Worksheet, fmt: dict[str, Any], section: Section, title: str,
                   cols: list[int], paper: str) -> list[float]:
    """Write a domain's sheet; returns its column widths."""
    widths = sheet_widths(cols, paper)
    heads = [COLUMNS[c][0] for c in cols]
    channels_at = heads.index("公开渠道和载体")
    rows: list[list[str]] = []
    for i, item in enumerate(section.items):
        everything = row_values(i + 1, item)
        values = [everything[c] for c in cols]
        # The checklist with a line breaking between channels, never inside a name.
        values[channels_at] = _packed_checklist(item.channels, widths[channels_at])
        rows.append(values)
    widths = balance(rows, widths, heads.index("公开内容（要素）"), heads.index("公开依据"))
    for at, width in enumerate(widths):
        ws.set_column(at, at, width)
    ws.set_row(0, TITLE_HEIGHT)
    ws.merge_range(0, 0, 0, len(cols) - 1, title, fmt["title"])
    _write_header(ws, fmt, cols)
    first_row = 3
    heights = [TITLE_HEIGHT, HEAD_HEIGHT, row_height(2)]
    heights.extend(row_height(max(line_count(v, w) for v, w in zip(values, widths, strict=True))) for values in rows)
    styles = [fmt["center"] if at == 0 or COLUMNS[c][1] in _MARK_HEADS else fmt["text"] for at, c in enumerate(cols)]
    for i, (item, values) in enumerate(zip(section.items, rows, strict=True)):
        row = first_row + i
        ws.set_row(row, heights[row])
        ws.write_number(row, 0, i + 1, styles[0])
        # The 一级事项 stands on every row: a cell merged over a group prints blank on the pages it runs onto.
        for at in range(1, len(cols)):
            ws.write_string(row, at, values[at], styles[at])
        link_cell(ws, row, len(cols) - 1, item, values[-1], fmt)
    # A domain's last row never stands alone on a page: the row above it goes along.
    last_but_one = frozenset({len(heights) - 2} if len(rows) > 1 else ())
    ws.set_h_pagebreaks(kept_breaks(heights, body_height(widths, paper), heights[1] + heights[2], first_row, last_but_one))
    ws.freeze_panes(first_row, 0)
    return widths


def _line_below(ws: Worksheet, fmt: dict[str, Any], row: int, text: str) -> int:
    """A wrapped line across the contents sheet below its table; returns the next free row."""
    ws.merge_range(row, 0, row, 3, text, fmt["note"])
    ws.set_row(row, row_height(line_count(text, CONTENTS_WIDTH)))
    return row + 1


def _exclusions(ws: Worksheet, fmt: dict[str, Any], catalog: Catalog, row: int) -> int:
    """What the township leaves out of the county standard, and why: a small table."""
    excluded = [a for a in catalog.adjustments if a.kind == "exclusion"]
    if not excluded:
        return row
    row += 1  # a blank row above
    ws.merge_range(row, 0, row, 3, say("workbook.excluded"), fmt["head"])
    ws.set_row(row, row_height(1))
    row += 1
    ws.write_string(row, 0, say("workbook.number"), fmt["head"])
    ws.merge_range(row, 1, row, 2, say("workbook.excluded-what"), fmt["head"])
    ws.write_string(row, 3, say("workbook.reason"), fmt["head"])
    row += 1
    what_width = CONTENTS_WIDTHS[1] + CONTENTS_WIDTHS[2]
    for i, adj in enumerate(excluded, start=1):
        what = f"{adj.domain}：{adj.item}" if adj.item else say("workbook.whole-domain", domain=adj.domain)
        reason = adj.reason or ""
        ws.set_row(row, row_height(max(line_count(what, what_width), line_count(reason, REFERENCE_WIDTH))))
        ws.write_number(row, 0, i, fmt["center"])
        ws.merge_range(row, 1, row, 2, what, fmt["text"])
        ws.write_string(row, 3, reason, fmt["text"])
        row += 1
    return row + 1  # a blank row before what follows


def _contents(ws: Worksheet, fmt: dict[str, Any], catalog: Catalog, names: list[str], paper: str) -> None:
    for c, width in enumerate(CONTENTS_WIDTHS):
        ws.set_column(c, c, width)
    ws.merge_range(0, 0, 0, 3, catalog.title, fmt["title"])
    ws.set_row(0, 30)
    for c, head in enumerate((say("workbook.number"), say("workbook.domain"), say("workbook.count"), say("workbook.reference"))):
        ws.write_string(1, c, head, fmt["head"])
    ws.set_row(1, row_height(1))
    for i, (section, name) in enumerate(zip(catalog.sections, names, strict=True)):
        row = 2 + i
        ws.write_number(row, 0, i + 1, fmt["center"])
        quoted = name.replace("'", "''")
        ws.write_url(row, 1, f"internal:'{quoted}'!A1", fmt["link"], string=section.domain)
        ws.write_number(row, 2, len(section.items), fmt["center"])
        ws.write_string(row, 3, section.reference or "", fmt["text"])
        # Long reference titles wrap: without a height the printed rows overlap each other.
        lines = max(line_count(section.domain, CONTENTS_WIDTHS[1]), line_count(section.reference or "", REFERENCE_WIDTH))
        ws.set_row(row, row_height(lines))
    total_row = 2 + len(catalog.sections)
    ws.write_string(total_row, 0, "", fmt["text"])
    ws.write_string(total_row, 1, say("workbook.total"), fmt["head"])
    ws.write_number(total_row, 2, catalog.item_count, fmt["center"])
    ws.write_string(total_row, 3, "", fmt["text"])
    ws.set_row(total_row, row_height(1))
    below = _line_below(ws, fmt, total_row + 2, say("workbook.subject", subject=catalog.subject))
    below = _exclusions(ws, fmt, catalog, below)
    if catalog.villages:
        listed = "、".join(v.name for v in catalog.villages)
        below = _line_below(ws, fmt, below, say("workbook.village-lists", count=len(catalog.villages), names=listed))
    if catalog.note:
        _line_below(ws, fmt, below, say("workbook.note", note=catalog.note))
    ws.freeze_panes(2, 0)
    print_setup(ws, (1, 1), catalog.title, paper, CONTENTS_WIDTHS)


def new_workbook(catalog: Catalog, target: Path | BinaryIO, created: dt.datetime, publisher: str) -> Workbook:
    # A copy each time: XlsxWriter writes into the default-format options it is given.
    options = {**WORKBOOK_OPTIONS, "default_format_properties": dict(DEFAULT_FONT)}
    wb = xlsxwriter.Workbook(str(target) if isinstance(target, Path) else target, options)
    wb.set_properties({"title": catalog.title, "subject": catalog.title, "author": publisher or catalog.subject,
                       "company": publisher, "created": created, "comments": "jxs"})
    wb.set_custom_property("jxs_scope", catalog.scope)
    return wb


def write_workbook(catalog: Catalog, target: Path, place: str, title: str, created: dt.datetime,
                   publisher: str = "", paper: str = "A4") -> None:
    """Write a county or township catalog's workbook to target."""
    wb = new_workbook(catalog, target, created, publisher)
    fmt = formats(wb)
    contents = wb.add_worksheet(say("workbook.contents"))
    used = {say("workbook.contents")}
    names = [sheet_name(s.domain, used) for s in catalog.sections]
    _contents(contents, fmt, catalog, names, paper)
    cols = sheet_columns(catalog.scope)
    for section, name in zip(catalog.sections, names, strict=True):
        ws = wb.add_worksheet(name)
        heading = section_title(place, section.domain, title)
        widths = _write_section(ws, fmt, section, heading, cols, paper)
        print_setup(ws, (1, 2), heading, paper, widths)
    wb.close()
