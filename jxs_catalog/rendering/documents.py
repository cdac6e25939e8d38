"""`jxs check --report`'s list of cited documents: each with its status and the items citing it."""

from __future__ import annotations

import csv
import datetime as dt
import io

from jxs_catalog.messages import say
from jxs_catalog.register import Citing

_NEEDS_ACTION = ("已废止", "已失效", "已过期", "未登记")
_STATUS = {"现行有效": "status.in-force", "已修订": "status.revised", "已废止": "status.repealed",
           "已失效": "status.lapsed", "已过期": "status.expired", "未登记": "status.unregistered"}


def _ordered(rows: list[Citing]) -> list[Citing]:
    # What needs action first, then the rest in the register's order.
    return sorted(rows, key=lambda r: 0 if r.status in _NEEDS_ACTION else 1)


def documents_text(rows: list[Citing], today: dt.date, lang: str) -> str:
    lines = [say("documents.heading", lang, day=today.isoformat())]
    for row in _ordered(rows):
        number = f"（{row.number}）" if row.number else ""
        status = say(_STATUS[row.status], lang) if row.status in _STATUS else row.status
        extra = ""
        if row.replaced_by:
            extra = f" → 《{row.replaced_by}》"
        elif row.valid_until:
            extra = say("documents.valid-until", lang, day=row.valid_until)
        count = say("documents.cited", lang, n=len(row.sites))
        lines.append(f"《{row.title}》{number}  {status}{extra}  {count}")
        for site in row.sites:
            lines.append(f"    {site.path}:{site.line}  {site.domain} · {site.item}")
    return "\n".join(lines) + "\n"


def documents_csv(rows: list[Citing]) -> bytes:
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(["文件标题", "文号", "状态", "替代文件", "有效期至", "引用位置", "领域", "事项"])
    for row in _ordered(rows):
        head = [row.title, row.number or "", row.status, row.replaced_by or "", row.valid_until or ""]
        if not row.sites:
            writer.writerow([*head, "", "", ""])
        for site in row.sites:
            writer.writerow([*head, f"{site.path}:{site.line}", site.domain, site.item])
    return b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8")
