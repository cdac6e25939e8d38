"""Each compiled catalog as JSON and as CSV (UTF-8 with BOM, for Excel on Chinese Windows)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Sequence
from typing import Any

from jxs_catalog.catalog import (
    Catalog,
    CompiledItem,
    Section,
    alike_lists,
    township_items,
    village_lists_title,
    with_subjects,
)
from jxs_catalog.citations import Resolved, parse_basis, title_key
from jxs_catalog.fields import ELEMENTS, IN_TABLE, Element, published_but_subject
from jxs_catalog.models import committee

CSV_COLUMNS: tuple[tuple[str, str], ...] = (
    ("domain", "领域"), *((e.key, e.heading) for e in IN_TABLE), ("origin", "来源"),
)
# The column of the village lists' table that names the villages a row applies to.
VILLAGES_COLUMN = "村（居）"
ORIGIN_ZH = {"standard": "县级标准", "changed": "本级调整", "added": "本级新增"}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """A cell a spreadsheet would read as a formula gets a leading apostrophe."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def catalog_dict(catalog: Catalog, build_date: str, register: dict[str, Resolved] | None = None) -> dict[str, Any]:
    return Exports(register).catalog_dict(catalog, build_date)


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


# Shared items remembered at most: a process renders one unit after another, so this bounds its memory.
_REMEMBERED = 20_000


_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def _section_head(section: Section) -> dict[str, Any]:
    return {"domain": section.domain, "domain_id": section.domain_id, "reference": section.reference}


def _around_subject(item: dict[str, object]) -> tuple[str, str]:
    """An item's JSON before and after the subject's value (its keys in order, the subject among them)."""
    keys = list(item)
    at = keys.index("subject")
    before, after = _encode({k: item[k] for k in keys[:at]}), _encode({k: item[k] for k in keys[at + 1:]})
    return (before[:-1] + ("," if at else "") + '"subject":', ("," + after[1:]) if len(keys) > at + 1 else "}")


class Exports:
    """JSON and CSV of catalogs, each item's fields and cells made once per process and only its
    subject put in per catalog (a township repeats many of the county's items)."""

    def __init__(self, register: dict[str, Resolved] | None = None) -> None:
        self._item = _json_item if register is None else _with_documents(register)
        self._dicts: dict[tuple[object, ...], dict[str, object]] = {}
        self._texts: dict[tuple[object, ...], tuple[str, str]] = {}
        self._rows: dict[tuple[object, ...], list[str]] = {}

    def item_dict(self, it: CompiledItem, subject: str) -> dict[str, object]:
        key = published_but_subject(it)
        made = self._dicts.get(key)
        if made is None:
            if len(self._dicts) >= _REMEMBERED:
                self._dicts.clear()
            made = self._dicts[key] = self._item(it)
        out = made.copy()  # the subject keeps its place among the keys
        out["subject"] = subject
        return out

    def catalog_dict(self, catalog: Catalog, build_date: str) -> dict[str, Any]:
        return {
            **self._head(catalog, build_date),
            "sections": [{**_section_head(s), "items": [self.item_dict(it, by) for it, by in with_subjects(s.items)]}
                         for s in catalog.sections],
            **self._tail(catalog),
        }

    @staticmethod
    def _head(catalog: Catalog, build_date: str) -> dict[str, Any]:
        return {"scope": catalog.scope, "id": catalog.id, "name": catalog.name, "title": catalog.title,
                "subject": catalog.subject, "township": catalog.township, "code": catalog.code,
                "kind": catalog.kind, "date": build_date, "item_count": catalog.item_count}

    @staticmethod
    def _tail(catalog: Catalog) -> dict[str, Any]:
        return {"adjustments": [{"kind": a.kind, "domain": a.domain, "item": a.item, "reason": a.reason,
                                 "changed": list(a.changed)} for a in catalog.adjustments],
                "villages": [v.as_dict() for v in catalog.villages]}

    def _around(self, it: CompiledItem) -> tuple[str, str]:
        """The item's JSON before and after its subject, encoded once per process."""
        key = published_but_subject(it)
        around = self._texts.get(key)
        if around is None:
            if len(self._texts) >= _REMEMBERED:
                self._texts.clear()
            around = self._texts[key] = _around_subject(self._item(it))
        return around

    def _item_text(self, it: CompiledItem, subject: str) -> str:
        around = self._around(it)
        return around[0] + _encode(subject) + around[1]

    def _items_json(self, items: Sequence[CompiledItem]) -> str:
        return ",".join(self._item_text(it, by) for it, by in with_subjects(items))

    def to_json(self, catalog: Catalog, build_date: str) -> bytes:
        """The catalog as JSON: what json.dumps gives for catalog_dict(), no indent and no blank after ,
        and : (smaller), put together from each item's text, made once per process."""
        sections = ",".join(_encode(_section_head(s))[:-1] + ',"items":[' + self._items_json(s.items) + "]}"
                            for s in catalog.sections)
        text = (_encode(self._head(catalog, build_date))[:-1] + ',"sections":[' + sections + "],"
                + _encode(self._tail(catalog))[1:])
        return (text + "\n").encode("utf-8")

    def csv_row(self, item: CompiledItem, subject: str) -> list[str]:
        key = published_but_subject(item)
        made = self._rows.get(key)
        if made is None:
            if len(self._rows) >= _REMEMBERED:
                self._rows.clear()
            made = self._rows[key] = _csv_row(item)
        out = made.copy()
        out[_SUBJECT_COLUMN] = _safe(subject)
        return out

    def to_csv(self, catalog: Catalog) -> bytes:
        return self._csv([[zh for _, zh in CSV_COLUMNS]]
                         + [self.csv_row(item, by) for s in catalog.sections for item, by in with_subjects(s.items)])

    @staticmethod
    def _csv(rows: list[list[str]]) -> bytes:
        buf = io.StringIO(newline="")
        csv.writer(buf, lineterminator="\r\n").writerows(rows)
        return b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8")

    def village_lists_dict(self, town: Catalog, villages: Sequence[Catalog], build_date: str) -> dict[str, Any]:
        """A township's village lists in one file: each group of lists alike but for the committee
        once, its items under the committee's common name, and the villages it is published by."""
        lists = []
        for group in alike_lists(villages):
            subject = committee(group[0].kind)
            lists.append({
                "kind": group[0].kind, "subject": subject, "item_count": group[0].item_count,
                "villages": [{"id": v.id, "name": v.name, "code": v.code, "title": v.title, "subject": v.subject}
                             for v in group],
                "sections": [{**_section_head(s), "items": [self.item_dict(it, subject) for it in township_items(s.items)]}
                             for s in group[0].sections],
            })
        return {"scope": "village", "township": town.name, "township_id": town.id,
                "title": village_lists_title(town.name), "date": build_date,
                "village_count": len(villages), "lists": lists}

    def village_lists_json(self, town: Catalog, villages: Sequence[Catalog], build_date: str) -> bytes:
        return (_encode(self.village_lists_dict(town, villages, build_date)) + "\n").encode("utf-8")

    def village_lists_csv(self, villages: Sequence[Catalog]) -> bytes:
        """The village lists as one table: a row per item of each group, the group's villages named in
        the first column (村（居）) and its committee by the common name."""
        rows = [[VILLAGES_COLUMN, *(zh for _, zh in CSV_COLUMNS)]]
        for group in alike_lists(villages):
            names, subject = _safe("、".join(v.name for v in group)), committee(group[0].kind)
            rows += [[names, *self.csv_row(it, subject)] for s in group[0].sections for it in township_items(s.items)]
        return self._csv(rows)


def to_json(catalog: Catalog, build_date: str, register: dict[str, Resolved] | None = None) -> bytes:
    """The catalog as JSON; with a register, each item's basis_documents resolve its basis texts."""
    return Exports(register).to_json(catalog, build_date)


def _csv_cell(value: object, element: Element) -> str:
    """Lists joined as a reader of the published table expects: bases one a line, choices with 、."""
    if isinstance(value, tuple):
        return ("\n" if element.kind == "texts" else "、").join(value)
    return value if isinstance(value, str) else ""


def _csv_row(item: CompiledItem) -> list[str]:
    """One item in CSV_COLUMNS order."""
    cells = [item.domain, *(_csv_cell(getattr(item, e.key), e) for e in IN_TABLE), ORIGIN_ZH[item.origin]]
    return [_safe(c) for c in cells]


_RISKY = frozenset(_FORMULA_START)
_SUBJECT_COLUMN = [key for key, _ in CSV_COLUMNS].index("subject")


def _safe(cell: str) -> str:
    return neutralise(cell) if cell[:1] in _RISKY else cell


def to_csv(catalog: Catalog) -> bytes:
    return Exports().to_csv(catalog)
