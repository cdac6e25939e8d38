"""Each compiled catalog as JSON and as CSV (UTF-8 with BOM, for Excel on Chinese Windows)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from typing import Any

from jxs_catalog.catalog import Catalog, CompiledItem
from jxs_catalog.citations import Resolved, parse_basis, title_key
from jxs_catalog.fields import ELEMENTS, IN_TABLE, Element

CSV_COLUMNS: tuple[tuple[str, str], ...] = (
    ("domain", "领域"), *((e.key, e.heading) for e in IN_TABLE), ("origin", "来源"),
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
    out: dict[str, object] = {e.key: getattr(it, e.key) for e in ELEMENTS}
    out["origin"] = it.origin
    return out


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


def _csv_cell(value: object, element: Element) -> str:
    """Lists joined as a reader of the published table expects: bases one a line, choices with 、."""
    if isinstance(value, tuple):
        return ("\n" if element.kind == "texts" else "、").join(value)
    return value if isinstance(value, str) else ""


def _csv_row(item: CompiledItem) -> list[str]:
    """One item in CSV_COLUMNS order."""
    cells = [item.domain, *(_csv_cell(getattr(item, e.key), e) for e in IN_TABLE), ORIGIN_ZH[item.origin]]
    return [neutralise(c) if c[:1] in _RISKY else c for c in cells]


_RISKY = frozenset(_FORMULA_START)


def to_csv(catalog: Catalog) -> bytes:
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow([zh for _, zh in CSV_COLUMNS])
    writer.writerows(_csv_row(item) for item in catalog.items)
    return b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8")
