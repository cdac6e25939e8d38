"""Each compiled catalog as JSON and as CSV (UTF-8 with BOM, for Excel on Chinese Windows)."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from jxs_catalog.catalog import Catalog

CSV_COLUMNS: tuple[tuple[str, str], ...] = (
    ("domain", "领域"), ("category", "一级事项"), ("name", "二级事项"), ("content", "公开内容（要素）"),
    ("basis", "公开依据"), ("time_limit", "公开时限"), ("subject", "公开主体"), ("channels", "公开渠道和载体"),
    ("audience", "公开对象"), ("method", "公开方式"), ("levels", "公开层级"), ("reason", "不主动公开理由"),
    ("note", "备注"), ("origin", "来源"),
)
ORIGIN_ZH = {"standard": "县级标准", "changed": "本级调整", "added": "本级新增"}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """A cell a spreadsheet would read as a formula gets a leading apostrophe."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def catalog_dict(catalog: Catalog, build_date: str) -> dict[str, Any]:
    return {
        "scope": catalog.scope,
        "id": catalog.id,
        "name": catalog.name,
        "title": catalog.title,
        "subject": catalog.subject,
        "township": catalog.township,
        "code": catalog.code,
        "date": build_date,
        "item_count": catalog.item_count,
        "sections": [
            {"domain": s.domain, "domain_id": s.domain_id, "reference": s.reference,
             "items": [{k: v for k, v in it.as_dict().items() if k != "domain"} for it in s.items]}
            for s in catalog.sections
        ],
        "adjustments": [
            {"kind": a.kind, "domain": a.domain, "item": a.item, "reason": a.reason, "changed": list(a.changed)}
            for a in catalog.adjustments
        ],
        "villages": catalog.villages,
    }


def to_json(catalog: Catalog, build_date: str) -> bytes:
    return (json.dumps(catalog_dict(catalog, build_date), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "\n".join(str(v) for v in value)
    return str(value)


def to_csv(catalog: Catalog) -> bytes:
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow([zh for _, zh in CSV_COLUMNS])
    for item in catalog.items:
        data = item.as_dict()
        data["origin"] = ORIGIN_ZH[item.origin]
        data["channels"] = "、".join(item.channels)
        for key in ("method", "audience", "levels"):
            data[key] = "、".join(data[key])  # type: ignore[arg-type]
        writer.writerow([neutralise(_cell(data[key])) for key, _ in CSV_COLUMNS])
    return b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8")
