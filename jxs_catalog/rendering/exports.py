"""Each compiled catalog as JSON and as CSV (UTF-8 with BOM, for Excel on Chinese Windows)."""

from __future__ import annotations

import csv
import io
import itertools
import json
from collections.abc import Callable, Sequence
from typing import Any

from jxs_catalog.catalog import Catalog, CompiledItem, Published, Section, with_subjects
from jxs_catalog.citations import Resolved, parse_basis, title_key
from jxs_catalog.fields import ELEMENTS, IN_TABLE, Element, published_but_subject

CSV_COLUMNS: tuple[tuple[str, str], ...] = (
    ("domain", "领域"), *((e.key, e.heading) for e in IN_TABLE), ("origin", "来源"),
)
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
    subject put in per catalog: a village list repeats its township's items under its committee."""

    def __init__(self, register: dict[str, Resolved] | None = None) -> None:
        self._item = _json_item if register is None else _with_documents(register)
        self._dicts: dict[tuple[object, ...], dict[str, object]] = {}
        self._texts: dict[tuple[object, ...], tuple[str, str]] = {}
        self._rows: dict[tuple[object, ...], list[str]] = {}
        # A township section's JSON and CSV text split where each item's subject goes, by the
        # section's shared list (kept beside it, so that its id cannot be a later list's).
        self._json_parts: dict[int, tuple[list[CompiledItem], list[str]]] = {}
        self._csv_parts: dict[int, tuple[list[CompiledItem], list[str] | None]] = {}

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
        if not isinstance(items, Published):
            return ",".join(self._item_text(it, by) for it, by in with_subjects(items))
        shared = items.shared
        kept = self._json_parts.get(id(shared))
        if kept is None or kept[0] is not shared:
            if len(self._json_parts) >= _SECTIONS_REMEMBERED:
                self._json_parts.clear()
            arounds = [self._around(it) for it in shared]
            # n items are n+1 parts: each item's text is (before, subject, after), joined by ",".
            parts = [arounds[0][0], *(after + "," + before for (_, after), (before, _) in itertools.pairwise(arounds)),
                     arounds[-1][1]] if arounds else [""]
            kept = self._json_parts[id(shared)] = (shared, parts)
        return _encode(items.subject).join(kept[1])

    def to_json(self, catalog: Catalog, build_date: str) -> bytes:
        """The catalog as JSON: what json.dumps gives for catalog_dict(), no indent and no blank after ,
        and : (smaller, and thousands of village lists add up), put together from each item's text;
        a village list's sections from its township's, with the committee put in where it goes."""
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
        buf = io.StringIO(newline="")
        writer = csv.writer(buf, lineterminator="\r\n")
        writer.writerow([zh for _, zh in CSV_COLUMNS])
        for s in catalog.sections:
            parts = self._csv_parts_of(s.items) if isinstance(s.items, Published) else None
            field = _csv_field(_safe(s.items.subject)) if isinstance(s.items, Published) else None
            if parts is not None and field is not None:
                buf.write(field.join(parts))
            else:
                writer.writerows([self.csv_row(item, by) for item, by in with_subjects(s.items)])
        return b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8")

    def _csv_parts_of(self, items: Published) -> list[str] | None:
        """A township section's CSV rows split at the subject's cell; None when that cannot be done
        safely (a cell holding the stand-in character)."""
        shared = items.shared
        kept = self._csv_parts.get(id(shared))
        if kept is None or kept[0] is not shared:
            if len(self._csv_parts) >= _SECTIONS_REMEMBERED:
                self._csv_parts.clear()
            buf = io.StringIO(newline="")
            csv.writer(buf, lineterminator="\r\n").writerows([self.csv_row(it, _STAND_IN) for it in shared])
            text = buf.getvalue()
            parts = text.split(_STAND_IN) if text.count(_STAND_IN) == len(shared) else None
            kept = self._csv_parts[id(shared)] = (shared, parts)
        return kept[1]


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
# Where a village committee's name goes in its township's rows: a private-use character, which no
# CSV quoting rule touches.
_STAND_IN = "\ue000"
# Township sections whose split text is kept: a unit's sections for each kind of village list.
_SECTIONS_REMEMBERED = 256


def _csv_field(cell: str) -> str | None:
    """A cell as the CSV writer writes it among others; None for one that needs the writer's row."""
    if not cell or _STAND_IN in cell:
        return None
    buf = io.StringIO(newline="")
    csv.writer(buf, lineterminator="\r\n").writerow([cell, ""])
    return buf.getvalue()[:-3]
_SUBJECT_COLUMN = [key for key, _ in CSV_COLUMNS].index("subject")


def _safe(cell: str) -> str:
    return neutralise(cell) if cell[:1] in _RISKY else cell


def to_csv(catalog: Catalog) -> bytes:
    return Exports().to_csv(catalog)
