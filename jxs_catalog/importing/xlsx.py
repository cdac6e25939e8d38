"""Read an .xlsx workbook's cells straight from its XML.

openpyxl builds an object for every cell and every shared string, which made a
100,000-row catalog take a minute. This reads only what the importer uses: each
worksheet's values (as openpyxl's data_only mode gives them, dates included),
merged ranges and hyperlinks. Cells in the plain form every common writer uses
are scanned (xmlscan); any other sheet is parsed as XML, row by row. Only cells
with text are kept, so a sheet whose cells sit far apart never costs more than
the cells it holds.
"""

from __future__ import annotations

import posixpath
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO
from xml.etree.ElementTree import Element, fromstring, iterparse

from jxs_catalog.importing.book import Region, cell_text
from jxs_catalog.importing.xmlscan import MAIN_NS, Cell, shared_items, sheet_cells, unescape

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_ROW, _V, _IS, _T, _R = (MAIN + tag for tag in ("row", "v", "is", "t", "r"))
_MERGE, _LINK = MAIN + "mergeCell", MAIN + "hyperlink"
_RID = f"{{{_REL}}}id"
SCAN_BYTES = 128 * 1024 * 1024  # a part up to this size is read whole and scanned; a larger one is streamed


class Limits:
    """The used range beyond which a sheet's cells are no longer kept (the sheet is refused anyway)."""

    def __init__(self, rows: int, columns: int, cells: int) -> None:
        self.rows, self.columns, self.cells = rows, columns, cells


@dataclass(frozen=True, slots=True)
class SheetLink:
    cells: Region
    location: str  # a place in the workbook: '涉农补贴'!A1
    target: str  # an address outside it
    is_range: bool  # written as A1:B2 rather than A1


@dataclass(slots=True)
class SheetCells:
    """One worksheet's texts by 0-based row (each row a list up to its last cell), with its extent."""

    name: str
    rows: dict[int, list[str]] = field(default_factory=dict)
    height: int = 0  # of the cells with text, hidden values under a merge included
    width: int = 0
    over: bool = False  # beyond the limits: rows are no longer kept, only the extent
    merged: list[Region] = field(default_factory=list)
    links: list[SheetLink] = field(default_factory=list)  # in document order; a later link wins


def _rels(book: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    """A part's relationships: id -> (type, target as a path inside the zip, or the external target)."""
    folder, name = posixpath.split(part)
    path = posixpath.join(folder, "_rels", name + ".rels")
    if path not in book.NameToInfo:
        return {}
    out: dict[str, tuple[str, str]] = {}
    for rel in fromstring(book.read(path)).iter(_PKG):
        target = rel.get("Target", "")
        if rel.get("TargetMode") != "External":
            target = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        out[rel.get("Id", "")] = (rel.get("Type", ""), target)
    return out


def _workbook_part(book: zipfile.ZipFile) -> str:
    for kind, target in _rels(book, "").values():
        if kind.endswith("/officeDocument"):
            return target
    return "xl/workbook.xml"


_COLUMNS: dict[str, int] = {}  # column names seen, with their index
_BYTE_COLUMNS: dict[bytes, int] = {}
_DIGITS = "0123456789"


def column_index(letters: str) -> int:
    """0-based index of a column name: A -> 0, AA -> 26."""
    found = _COLUMNS.get(letters)
    if found is None:
        n = 0
        for ch in letters:
            if not "A" <= ch <= "Z":
                raise ValueError(f"invalid cell reference column {letters!r}")
            n = n * 26 + ord(ch) - 64
        found = _COLUMNS[letters] = n - 1
    return found


def cell_at(ref: str) -> tuple[int, int]:
    """0-based (row, column) of a reference such as H12 (a $ is allowed, as in some writers' ranges)."""
    ref = ref.replace("$", "").upper()
    letters = ref.rstrip(_DIGITS)
    return int(ref[len(letters):]) - 1, column_index(letters)


def region_of(ref: str) -> Region:
    first, _, last = ref.partition(":")
    r0, c0 = cell_at(first)
    r1, c1 = cell_at(last) if last else (r0, c0)
    return min(r0, r1), min(c0, c1), max(r0, r1), max(c0, c1)


def _text(node: Element) -> str:
    """A string item's text as openpyxl gives it: the plain text, then every run's; phonetic runs left out."""
    plain: str | None = None
    runs: list[str] = []
    for child in node:
        tag = child.tag
        if tag == _T:
            plain = child.text
        elif tag == _R:
            run = None
            for part in child:
                if part.tag == _T:
                    run = part.text
            if run is not None:
                runs.append(run)
    return (plain or "") + "".join(runs) if runs else (plain or "")


def _shared_strings(stream: IO[bytes]) -> list[str]:
    out: list[str] = []
    si = MAIN + "si"
    for _, node in iterparse(stream):
        if node.tag == si:
            out.append(cell_text(_text(node).replace("x005F_", "")))
            node.clear()
    return out


def _strings(book: zipfile.ZipFile, part: str) -> list[str]:
    scanned = shared_items(book.read(part)) if book.getinfo(part).file_size <= SCAN_BYTES else None
    if scanned is None:
        with book.open(part) as stream:
            return _shared_strings(stream)
    out: list[str] = []
    for text, inner in scanned:
        if text is None:  # runs, phonetic text: read this one item as XML
            text = _text(fromstring(b"<si " + MAIN_NS + b">" + inner + b"</si>"))
        out.append(cell_text(text.replace("x005F_", "")))
    return out


class _Styles:
    """Which cell formats show numbers as dates or durations (as openpyxl decides it)."""

    def __init__(self, data: bytes | None) -> None:
        from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format, is_timedelta_format

        self.dates: set[int] = set()
        self.durations: set[int] = set()
        if data is None:
            return
        root = fromstring(data)
        custom = {fmt.get("numFmtId", ""): fmt.get("formatCode", "") for fmt in root.iter(MAIN + "numFmt")}
        xfs = root.find(MAIN + "cellXfs")
        for index, xf in enumerate(xfs.iter(MAIN + "xf") if xfs is not None else ()):
            number = xf.get("numFmtId", "0")
            code = custom.get(number)
            if code is None:
                code = BUILTIN_FORMATS.get(int(number)) if number.isdigit() else None
            if code is None:
                continue
            if is_date_format(code):
                self.dates.add(index)
            if is_timedelta_format(code):
                self.durations.add(index)


def _number(raw: str, style: int, styles: _Styles, epoch: object) -> str:
    from openpyxl.utils.datetime import from_excel

    number: float | int = float(raw) if ("." in raw or "E" in raw or "e" in raw) else int(raw)
    if style in styles.dates:
        try:
            return cell_text(from_excel(number, epoch, timedelta=style in styles.durations))
        except (OverflowError, ValueError):
            return "#VALUE!"
    return cell_text(number)


class _SheetReader:
    def __init__(self, strings: list[str], styles: _Styles, epoch: object, limits: Limits) -> None:
        self.strings, self.styles, self.epoch, self.limits = strings, styles, epoch, limits
        self.numbers: dict[str, str] = {}  # the text of a plain number, by its XML form

    def value(self, c: Element, kind: str | None) -> str:
        """A cell's text; "" for a cell without a value."""
        if kind == "inlineStr":
            node = c.find(_IS)
            return cell_text(_text(node)) if node is not None else ""
        return self.text(kind, c.findtext(_V), c.get("s"))

    def text(self, kind: str | None, raw: str | None, style: str | None) -> str:
        """The text of a cell's <v> as openpyxl's data_only reading gives it; "" for none."""
        if not raw:
            return ""
        if kind == "s":
            return self.strings[int(raw)]
        if kind is None or kind == "n":
            index = int(style) if style else 0
            if index in self.styles.dates:
                return _number(raw, index, self.styles, self.epoch)
            if raw.isascii() and raw.isdigit():
                return raw.lstrip("0") or "0"  # a whole number: what str(int(raw)) gives, without the detour
            text = self.numbers.get(raw)
            if text is None:
                text = _number(raw, index, self.styles, self.epoch)
                if len(self.numbers) < 65536:
                    self.numbers[raw] = text
            return text
        if kind == "b":
            return cell_text(bool(int(raw)))
        if kind == "d":
            from openpyxl.utils.datetime import from_ISO8601

            return cell_text(from_ISO8601(raw))
        return cell_text(raw)  # str (a formula's text), e (an error such as #N/A), or a kind nobody writes

    def read(self, name: str, stream: IO[bytes], links: dict[str, tuple[str, str]]) -> SheetCells:
        """A worksheet parsed as XML, row by row."""
        sheet = SheetCells(name)
        _keep(sheet, self._parsed(stream, links, sheet), self.limits)
        return sheet

    def scanned(self, name: str, cells: list[Cell], rest: bytes, links: dict[str, tuple[str, str]]) -> SheetCells:
        """A worksheet whose cells xmlscan read; merges and links come from the rest of the part."""
        sheet = SheetCells(name)
        _keep(sheet, self._scanned(cells), self.limits)
        for el in fromstring(rest).iter():
            self._extra(el, sheet, links)
        return sheet

    def _scanned(self, cells: list[Cell]) -> Iterator[tuple[int, int, str]]:
        strings = self.strings
        for letters, row, style, kind, raw, inline in cells:
            col = _BYTE_COLUMNS.get(letters)
            if col is None:
                col = _BYTE_COLUMNS[letters] = column_index(letters.decode("ascii"))
            if kind == b"s":
                text = strings[int(raw)] if raw else ""
            elif kind == b"inlineStr":
                text = cell_text(unescape(inline)) if inline else ""
            else:
                text = self.text(kind.decode("ascii") or None, unescape(raw) if raw else None,
                                 style.decode("ascii") or None)
            yield int(row) - 1, col, text

    def _parsed(self, stream: IO[bytes], links: dict[str, tuple[str, str]],
                sheet: SheetCells) -> Iterator[tuple[int, int, str]]:
        row_no = 0
        for _, el in iterparse(stream):
            if el.tag == _ROW:
                number = el.get("r")
                row_no = int(float(number)) if number else row_no + 1
                yield from self._row(el, row_no - 1)
                el.clear()
            else:
                self._extra(el, sheet, links)

    @staticmethod
    def _extra(el: Element, sheet: SheetCells, links: dict[str, tuple[str, str]]) -> None:
        """A merged range or a hyperlink."""
        if el.tag == _MERGE:
            ref = el.get("ref")
            if ref:
                sheet.merged.append(region_of(ref))
        elif el.tag == _LINK:
            ref = el.get("ref")
            location = el.get("location") or ""
            target = links.get(el.get(_RID, ""), ("", ""))[1] if el.get(_RID) else ""
            if ref and (location or target):
                sheet.links.append(SheetLink(region_of(ref), location, target, ":" in ref))

    def _row(self, el: Element, row: int) -> Iterator[tuple[int, int, str]]:
        """The cells of one <row> with a value: a cell without a reference follows the one before."""
        col = -1
        pending: str | None = None  # the reference of the last empty cell, read only if a cell without one follows
        for c in el:
            ref = c.get("r")
            if not len(c):  # a formatted cell without a value
                if ref is None:
                    if pending is not None:
                        col, pending = cell_at(pending)[1], None
                    col += 1
                else:
                    pending = ref
                continue
            if ref is not None:
                r, col = cell_at(ref)
                pending = None
            else:
                if pending is not None:
                    col, pending = cell_at(pending)[1], None
                col += 1
                r = row
            yield r, col, self.value(c, c.get("t"))


def _keep(sheet: SheetCells, cells: Iterable[tuple[int, int, str]], limits: Limits) -> None:
    """Keep each text in its row; beyond the limits only measure. The hot loop of a large import."""
    rows = sheet.rows
    height, width, over = sheet.height, sheet.width, sheet.over
    current_row: int | None = None
    line: list[str] = []
    for r, col, text in cells:
        if not text:
            existing = rows.get(r)
            if existing is not None and col < len(existing):
                existing[col] = ""  # a later cell of the same reference wins, as in openpyxl
            continue
        if r >= height or col >= width:
            height, width = max(height, r + 1), max(width, col + 1)
            if not over and (height > limits.rows or width > limits.columns or height * width > limits.cells):
                over = True  # refused whatever follows; keep measuring, stop keeping
                rows.clear()
        if over:
            continue
        if r != current_row:
            current_row, found = r, rows.get(r)
            if found is None:
                found = rows[r] = [""] * width  # as wide as the rows so far: one allocation, not one per cell
            line = found
        if col >= len(line):
            line.extend([""] * (col + 1 - len(line)))
        line[col] = text
    sheet.height, sheet.width, sheet.over = height, width, over


def read_sheets(data: IO[bytes], limits: Limits) -> Iterator[SheetCells]:
    """Every worksheet's cells, in the workbook's order; raises on a damaged file."""
    from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900

    with zipfile.ZipFile(data) as book:
        workbook = _workbook_part(book)
        root = fromstring(book.read(workbook))
        rels = _rels(book, workbook)
        parts = {kind.rsplit("/", 1)[-1]: target for kind, target in rels.values()}
        properties = root.find(MAIN + "workbookPr")
        date1904 = properties is not None and properties.get("date1904", "").lower() in ("1", "true")
        epoch = CALENDAR_MAC_1904 if date1904 else CALENDAR_WINDOWS_1900
        styles_part = parts.get("styles")
        styles = _Styles(book.read(styles_part) if styles_part in book.NameToInfo else None)
        strings_part = parts.get("sharedStrings")
        strings: list[str] = []
        if strings_part in book.NameToInfo:
            strings = _strings(book, strings_part)
        reader = _SheetReader(strings, styles, epoch, limits)
        for entry in root.iter(MAIN + "sheet"):
            kind, part = rels.get(entry.get(_RID, ""), ("", ""))
            if part not in book.NameToInfo or "chartsheet" in kind:
                continue
            name, links = entry.get("name", ""), _rels(book, part)
            scanned = sheet_cells(book.read(part)) if book.getinfo(part).file_size <= SCAN_BYTES else None
            if scanned is not None:
                yield reader.scanned(name, *scanned, links)
                continue
            with book.open(part) as stream:
                yield reader.read(name, stream, links)
