"""The coverage report: townships × domains, as CSV and as a standalone HTML page."""

from __future__ import annotations

import csv
import io
from html import escape

from jxs_catalog.checking import Coverage, CoverageCell


def cell_text(cell: CoverageCell) -> str:
    if cell.excluded:
        return "排除"
    text = str(cell.items) if cell.items else "—"
    if cell.partial_exclusions:
        text += f"（排除{cell.partial_exclusions}）"
    return text


def coverage_csv(cov: Coverage) -> bytes:
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(["乡镇", *cov.domains, "事项合计", "排除领域", "错误", "警告"])
    for town, row in cov.rows.items():
        total = sum(c.items for c in row.values())
        excluded = sum(1 for c in row.values() if c.excluded)
        writer.writerow([town, *(cell_text(row[d]) for d in cov.domains), total, excluded,
                         cov.errors.get(town, 0), cov.warnings.get(town, 0)])
    return b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8")


def coverage_html(cov: Coverage, title: str, day: str) -> bytes:
    head = "".join(f'<th scope="col">{escape(d)}</th>' for d in cov.domains)
    rows = []
    for town, row in cov.rows.items():
        cells = []
        for d in cov.domains:
            c = row[d]
            cls = "ex" if c.excluded else ("none" if not c.items else "")
            cells.append(f'<td class="{cls}">{escape(cell_text(c))}</td>')
        total = sum(c.items for c in row.values())
        rows.append(f'<tr><th scope="row">{escape(town)}</th>{"".join(cells)}<td>{total}</td>'
                    f'<td>{cov.errors.get(town, 0)}</td><td>{cov.warnings.get(town, 0)}</td></tr>')
    html = f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)}</title>
<style>
body{{font-family:"Microsoft YaHei","Noto Sans CJK SC",sans-serif;margin:1rem;color:#1a1a1a}}
table{{border-collapse:collapse;font-size:.85rem}}th,td{{border:1px solid #999;padding:.25rem .4rem;text-align:center}}
thead th{{background:#e8edf5;writing-mode:vertical-rl;white-space:nowrap}}tbody th{{text-align:left;white-space:nowrap}}
td.ex{{background:#eeeeee;color:#444}}td.none{{background:#fdecea}}caption{{text-align:left;font-weight:bold;padding:.5rem 0}}
</style></head><body>
<h1>{escape(title)}</h1>
<p>数据日期：{escape(day)}。每格为该乡镇目录中该领域的事项数；“排除”表示整个领域不适用（已写明理由）；“—”表示没有乡级事项。</p>
<div style="overflow-x:auto"><table><caption>乡镇 × 领域覆盖情况</caption>
<thead><tr><th scope="col">乡镇</th>{head}<th scope="col">事项合计</th><th scope="col">错误</th><th scope="col">警告</th></tr></thead>
<tbody>{"".join(rows)}</tbody></table></div>
</body></html>
"""
    return html.encode("utf-8")
