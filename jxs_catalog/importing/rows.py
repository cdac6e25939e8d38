"""Turn a table's data rows into items, reporting every cell that cannot be mapped."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from jxs_catalog import vocab
from jxs_catalog.diagnostics import Severity
from jxs_catalog.fields import ELEMENTS, IMPORTED, ElementName
from jxs_catalog.importing import cells
from jxs_catalog.importing.book import Grid, Region
from jxs_catalog.importing.header import Column, Layout, Role, Table, classify_sub, is_title
from jxs_catalog.importing.model import Reporter
from jxs_catalog.messages import phrase

_VALUE_ROLES = (Role.CATEGORY, Role.NAME, Role.NAME_MORE, Role.TEXT, Role.CHANNELS, Role.AUDIENCE, Role.AUDIENCE_TEXT, Role.METHOD, Role.METHOD_TEXT, Role.LEVEL,
                Role.LEVEL_TEXT, Role.LEVEL_OTHER, Role.NOTE)
_VOCABS = {"audience": vocab.AUDIENCES, "method": vocab.METHODS, "levels": vocab.LEVELS}
_READERS: dict[str, Callable[[str], object]] = {"line": cells.one_line, "multiline": cells.multiline,
                                                 "bases": lambda raw: tuple(cells.bases(raw))}
_JOINS = {e.key: e.import_join for e in ELEMENTS if e.import_join}
# Each choice: its mark columns' role, and its written-out column's.
_CHOICES = (("audience", Role.AUDIENCE, Role.AUDIENCE_TEXT), ("method", Role.METHOD, Role.METHOD_TEXT),
            ("levels", Role.LEVEL, Role.LEVEL_TEXT))
_WRITTEN = {key: written for key, _, written in _CHOICES}


# Catalog cells repeat (the same basis, time limit, channels or tick on many rows): each distinct
# text is read once. Lists are kept as tuples here and copied out, so no item shares a list.
@lru_cache(maxsize=65536)
def _read(reader: str, raw: str) -> object:
    return _READERS[reader](raw)


@lru_cache(maxsize=65536)
def _heading(raw: str) -> str:
    """A category or name as written, without outline numbers and wrapping."""
    return cells.strip_outline(cells.one_line(raw))


@lru_cache(maxsize=16384)
def _channels(raw: str, extra: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    found = cells.channels(raw, extra)
    return tuple(found.used), tuple(found.unknown)


@lru_cache(maxsize=16384)
def _remark(raw: str) -> tuple[tuple[str, str | None], ...]:
    return tuple(cells.remark(raw).items())


@dataclass(slots=True)
class _Record:
    row: int
    group: Region | None  # rows of one merged 二级事项 cell form one item
    values: dict[str, object] = field(default_factory=dict)


class _TableReader:
    def __init__(self, grid: Grid, table: Table, report: Reporter, default_levels: tuple[str, ...],
                 extra: tuple[str, ...]) -> None:
        self.grid, self.table, self.report, self.extra = grid, table, report, extra
        self.layout: Layout = table.layout
        self.default_levels = default_levels
        self.columns = self.layout.all(*_VALUE_ROLES)
        self.indices = [col.index for col in self.columns]
        self.names = self.layout.all(Role.NAME, Role.NAME_MORE)
        self.previous: dict[int, str] = {}  # column -> the raw text of the row above, after 同上
        self.category = ""
        self.name = ""
        self.ignored_levels: set[int] = set()
        # The layout never changes while its rows are read: look its columns up once.
        self.first = {role: self.layout.first(role) for role in Role}
        self.elements = [(e.key, e.import_cell, self.layout.text(e.key)) for e in IMPORTED if e.import_cell]
        self.required = [e.key for e in IMPORTED if e.required]
        self.choice_columns = {key: self.layout.all(marks, written) for key, marks, written in _CHOICES}
        self.other_levels = self.layout.all(Role.LEVEL_OTHER)
        self.name_more = bool(self.layout.all(Role.NAME_MORE))
        self.choices_seen: dict[tuple[str, ...], tuple[str, ...]] = {}

    # --- one row ------------------------------------------------------------

    def raw_row(self, row: int) -> dict[int, str]:
        line = self.grid.cells[row] if 0 <= row < self.grid.height else []
        raw = {index: line[index] if index < len(line) else "" for index in self.indices}
        for index in self.indices:
            text = raw[index]
            if ("上" in text or "〃" in text) and cells.is_same_as_above(text):
                if index in self.previous:
                    raw[index] = self.previous[index]
                else:
                    self.cell("JXS410", row, index)
                    raw[index] = ""
        return raw

    def cell(self, code: str, row: int, col: int, severity: Severity = Severity.ERROR, **params: object) -> None:
        self.report.cell(code, self.grid.name, row, col, severity, **params)

    def text(self, raw: dict[int, str], role: Role) -> str:
        col = self.first[role]
        return raw.get(col.index, "") if col is not None else ""

    def element(self, raw: dict[int, str], col: Column | None, reader: str) -> object:
        value = _read(reader, raw.get(col.index, "") if col is not None else "")
        return list(value) if isinstance(value, tuple) else value

    def record(self, row: int) -> _Record | None:
        heading = self.table.headings.get(row)  # find_tables saw each row's banner; titles end a table
        if heading is not None and not is_title(heading):
            if len(heading) <= 30 and not heading.startswith(("注", "说明", "备注", "填表", "制表", "附")):
                self.category = cells.strip_outline(cells.one_line(heading))  # a heading row: 一、政策文件
            return None
        raw = self.raw_row(row)
        values: dict[str, object] = {}
        category = _heading(self.text(raw, Role.CATEGORY))
        self.category = category or self.category
        name = self._name(raw)
        texts = {key: self.element(raw, col, reader) for key, reader, col in self.elements}
        if not (name or any(texts[key] for key in self.required)):
            return None  # an empty row, a lone 序号, or a category alone above its items
        self.previous = raw
        name_col = self.names[0] if self.names else None
        if not name:
            where = name_col.index if name_col is not None else self.layout.columns[0].index
            self.cell("JXS409", row, where, column=name_col.label if name_col else "二级事项")
        values.update(category=self.category, name=name, **texts)
        values["channels"] = self._channels(row, raw)
        notes: list[str] = []
        for key in ("audience", "method", "levels"):
            values[key] = self._choices(key, row, raw, notes)
        remark = dict(_remark(self.text(raw, Role.NOTE)))
        reason, note = remark.pop("reason"), remark.pop("note")
        note_col = self.first[Role.NOTE]
        if values["method"] == ["依申请"] and reason is None and note and note_col is not None:
            self.cell("JXS412", row, note_col.index, Severity.WARNING, value=note)
            reason, note = note, None
        values["reason"] = reason
        values["note"] = "\n".join([*([note] if note else []), *notes]) or None
        for key, value in remark.items():  # a link written in 备注, unless its own column gave one
            values[key] = values.get(key) or value
        group = None
        if name_col is not None and not self.name_more:
            region = self.grid.region(row, name_col.index)
            group = region if region is not None and region[2] > region[0] else None
        return _Record(row, group, values)

    def _name(self, raw: dict[int, str]) -> str:
        parts = [_heading(raw.get(c.index, "")) for c in self.names]
        if not parts:
            return ""
        second, more = parts[0], [p for p in parts[1:] if p]
        if more and not second:
            second = self.name  # 二级事项 written once above its 三级事项
        self.name = second or self.name
        return "：".join(p for p in (second, *more) if p)

    def _channels(self, row: int, raw: dict[int, str]) -> list[str]:
        col = self.first[Role.CHANNELS]
        if col is None:
            return []
        used, unknown = _channels(raw.get(col.index, ""), self.extra)
        for name in unknown:
            guess = vocab.nearest(name, vocab.all_channels(self.extra), vocab.CHANNEL_VARIANTS)
            hint = phrase("hint.did-you-mean", guess=guess) if guess else ""
            self.cell("JXS406", row, col.index, Severity.WARNING, value=name, hint=hint)
        return list(used)

    def _choices(self, key: str, row: int, raw: dict[int, str], notes: list[str]) -> list[str]:
        columns = self.choice_columns[key]
        if key == "levels":
            self._other_levels(row, raw)
            if not columns and not self.other_levels:
                return list(self.default_levels)
        # Rows mostly repeat the same ticks: a choice read without a remark is kept for the same cells.
        seen = (key, *(raw.get(col.index, "") for col in columns))
        known = self.choices_seen.get(seen)
        if known is not None:
            return list(known)
        reported, noted = len(self.report.diagnostics), len(notes)
        found = self._choices_read(key, row, raw, notes, columns)
        if len(self.report.diagnostics) == reported and len(notes) == noted:
            self.choices_seen[seen] = tuple(found)
        return found

    def _choices_read(self, key: str, row: int, raw: dict[int, str], notes: list[str],
                      columns: list[Column]) -> list[str]:
        written = _WRITTEN[key]
        found: list[str] = []
        for col in columns:
            text = raw.get(col.index, "")
            if col.role is written:
                found.extend(self._written(key, row, col, text))
                continue
            ticked = cells.mark(text)
            named = classify_sub(text) if ticked is None else None
            if named is not None and named[0] is col.role:  # 县级 (or 主动公开) written instead of a mark
                found.extend(named[1])
                continue
            if ticked is None and col.values == ("特定群体",):
                notes.append(f"特定群体：{cells.one_line(text)}")  # 特定群体(请写明): who it is
                ticked = True
            if ticked is None:
                self.cell("JXS407", row, col.index, Severity.WARNING, value=cells.clean(text), column=col.label)
            elif ticked:
                found.extend(col.values)
        if not found and (columns or key == "levels"):
            first = (columns or self.other_levels)[0]
            self.cell("JXS408", row, first.index, what=ElementName(key), key=key)
        return sorted(set(found), key=_VOCABS[key].index)

    def _written(self, key: str, row: int, col: Column, text: str) -> list[str]:
        if key == "levels":
            found, unknown = cells.levels_text(text)
        else:
            found = cells.written_choices(text, key)
            unknown = [] if found or not cells.clean(text) else [cells.clean(text)]
        for word in unknown:
            self.cell("JXS415", row, col.index, Severity.WARNING, value=word, column=col.label)
        return found

    def _other_levels(self, row: int, raw: dict[int, str]) -> None:
        for col in self.other_levels:
            if cells.mark(raw.get(col.index, "")) is not False and col.index not in self.ignored_levels:
                self.ignored_levels.add(col.index)
                self.cell("JXS414", row, col.index, Severity.WARNING, level=col.label.rsplit("/", 1)[-1])

    # --- the table ----------------------------------------------------------

    def items(self) -> list[dict[str, object]]:
        records: list[_Record] = []
        for row in self.table.rows:
            rec = self.record(row)
            if rec is None:
                continue
            if records and rec.group is not None and rec.group == records[-1].group:
                _combine(records[-1].values, rec.values)
            else:
                records.append(rec)
        return [_item(rec.values) for rec in records]


def _combine(into: dict[str, object], more: dict[str, object]) -> None:
    """One 二级事项 merged over several rows, each with part of its content: one item."""
    for key, value in more.items():
        old = into.get(key)
        if isinstance(value, list) and isinstance(old, list):
            merged = [*old, *[v for v in value if v not in old]]
            into[key] = sorted(merged, key=_VOCABS[key].index) if key in _VOCABS else merged
        elif isinstance(value, str) and value and value != old:
            if not old:
                into[key] = value
            elif key in _JOINS:
                into[key] = f"{old}{_JOINS[key]}{value}"


_KEYS = tuple(e.key for e in ELEMENTS)


def _item(values: dict[str, object]) -> dict[str, object]:
    return {key: value for key in _KEYS if (value := values.get(key))}


def read_table(grid: Grid, table: Table, report: Reporter, default_levels: tuple[str, ...],
               extra: tuple[str, ...] = ()) -> list[dict[str, object]]:
    """The table's items; `extra` are channels the workspace adds (not reported as unknown)."""
    return _TableReader(grid, table, report, default_levels, extra).items()
