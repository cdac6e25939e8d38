"""Each compiled catalog as JSON and as CSV (UTF-8 with BOM, for Excel on Chinese Windows)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from typing import Any

from jxs_catalog.catalog import Catalog, CompiledItem
from jxs_catalog.citations import Resolved, parse_basis, title_key

CSV_COLUMNS: tuple[tuple[str, str], ...] = (
    ("domain", "领域"), ("category", "一级事项"), ("name", "二级事项"), ("content", "公开内容（要素）"),
    ("basis", "公开依据"), ("time_limit", "公开时限"), ("subject", "公开主体"), ("channels", "公开渠道和载体"),
    ("audience", "公开对象"), ("method", "公开方式"), ("levels", "公开层级"), ("reason", "不主动公开理由"),
    ("note", "备注"), ("applies_to", "适用于"), ("origin", "来源"),
)
ORIGIN_ZH = {"standard": "县级标准", "changed": "本级调整", "added": "本级新增"}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """A cell a spreadsheet would read as a formula gets a leading apostrophe."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def catalog_dict(catalog: Catalog, build_date: str, register: dict[str, Resolved] | None = None) -> dict[str, Any]:
    item = _json_item if register is None else _with_documents(register)
    return {
        "scope": catalog.scope,
        "id": catalog.id,
        "name": catalog.name,
        "title": catalog.title,
        "subject": catalog.subject,
        "township": catalog.township,
        "code": catalog.code,
        "kind": catalog.kind,
        "date": build_date,
        "item_count": catalog.item_count,
        "sections": [
            {"domain": s.domain, "domain_id": s.domain_id, "reference": s.reference,
             "items": [item(it) for it in s.items]}
            for s in catalog.sections
        ],
        "adjustments": [
            {"kind": a.kind, "domain": a.domain, "item": a.item, "reason": a.reason, "changed": list(a.changed)}
            for a in catalog.adjustments
        ],
        "villages": [v.as_dict() for v in catalog.villages],
    }


def _json_item(it: CompiledItem) -> dict[str, object]:
    # The domain is the section's; each item carries the rest of its elements.
    return {"category": it.category, "name": it.name, "content": it.content, "basis": it.basis,
            "time_limit": it.time_limit, "subject": it.subject, "method": it.method, "channels": it.channels,
            "audience": it.audience, "levels": it.levels, "reason": it.reason, "note": it.note,
            "applies_to": it.applies_to, "origin": it.origin}


def _with_documents(register: dict[str, Resolved]) -> Callable[[CompiledItem], dict[str, object]]:
    """Items that also carry, beside each basis text, the documents it cites as registered."""
    cache: dict[str, list[dict[str, str | None]]] = {}

    def documents(text: str) -> list[dict[str, str | None]]:
        if text not in cache:
            found = []
            for cited in parse_basis(text):
                doc = register.get(title_key(cited.title))
                found.append({"title": doc.title, "number": doc.number, "status": doc.status} if doc else
                             {"title": cited.title, "number": cited.number, "status": None})
            cache[text] = found
        return cache[text]

    def item(it: CompiledItem) -> dict[str, object]:
        out = _json_item(it)
        out["basis_documents"] = [documents(text) for text in it.basis]
        return out
    return item


def to_json(catalog: Catalog, build_date: str, register: dict[str, Resolved] | None = None) -> bytes:
    """The catalog as JSON; with a register, each item's basis_documents resolve its basis texts."""
    # No indent: the C encoder is an order of magnitude faster, and thousands of village lists add up.
    return (json.dumps(catalog_dict(catalog, build_date, register), ensure_ascii=False) + "\n").encode("utf-8")


def _csv_row(item: CompiledItem) -> list[str]:
    """One item in CSV_COLUMNS order; lists joined as a reader of the published table expects."""
    cells = [item.domain, item.category, item.name, item.content, "\n".join(item.basis), item.time_limit,
             item.subject, "、".join(item.channels), "、".join(item.audience), "、".join(item.method),
             "、".join(item.levels), item.reason or "", item.note or "", "、".join(item.applies_to or ()),
             ORIGIN_ZH[item.origin]]
    return [neutralise(c) if c[:1] in _RISKY else c for c in cells]


_RISKY = frozenset(_FORMULA_START)


def to_csv(catalog: Catalog) -> bytes:
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow([zh for _, zh in CSV_COLUMNS])
    writer.writerows(_csv_row(item) for item in catalog.items)
    return b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8")
