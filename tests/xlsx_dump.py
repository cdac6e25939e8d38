"""A comparable JSON dump of a workbook: cells, merged ranges, key styles and print settings."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl


def dump_workbook(path: Path) -> dict[str, Any]:
    wb = openpyxl.load_workbook(path)
    out: dict[str, Any] = {"properties": {"title": wb.properties.title, "creator": wb.properties.creator,
                                          "created": wb.properties.created.isoformat()
                                          if wb.properties.created else None},
                           "sheets": {}}
    for ws in wb.worksheets:
        cells = {c.coordinate: [c.value, c.data_type] for row in ws.iter_rows() for c in row if c.value is not None}
        title = ws["A1"]
        head = ws["A2"]
        body = ws["D4"] if ws.max_row >= 4 else ws["A3"]
        out["sheets"][ws.title] = {
            "cells": cells,
            "merged": sorted(str(r) for r in ws.merged_cells.ranges),
            "freeze": ws.freeze_panes,
            "print": {
                "orientation": ws.page_setup.orientation,
                "paper": ws.page_setup.paperSize,
                "fit_width": ws.page_setup.fitToWidth,
                "fit_height": ws.page_setup.fitToHeight,
                "scale": ws.page_setup.scale,
                "title_rows": ws.print_title_rows,
                "footer": ws.oddFooter.center.text,
            },
            "styles": {
                "title": [title.font.b, title.font.sz, title.alignment.horizontal],
                "head": [head.font.b, head.fill.fgColor.rgb, head.border.left.style, head.alignment.wrap_text],
                "body": [body.border.left.style, body.alignment.wrap_text, body.alignment.vertical],
            },
            "widths": {k: round(v.width, 2) for k, v in sorted(ws.column_dimensions.items()) if v.width},
        }
    return out
