"""The importer reads every kind of workbook exactly as it did when it went through openpyxl's full
loading: the golden file holds what that reader made of the workbooks in tests/import_books.py
(generated once with it). Both ways of reading a sheet are held to it: the scan of the plain cell
form, and XML parsing for everything else."""

from __future__ import annotations

import json
import warnings
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jxs_catalog.importing import import_workbook, xlsx, yaml_writer
from jxs_catalog.importing.book import read_book
from jxs_catalog.importing.model import Reporter
from tests.import_books import BOOKS, summary

GOLDEN = Path(__file__).parent / "golden" / "import-books.json"


@pytest.mark.parametrize("scan", [True, False], ids=["scanned", "parsed"])
@pytest.mark.parametrize("name", sorted(BOOKS))
def test_imported_yaml_and_diagnostics_match_the_golden_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                             name: str, scan: bool) -> None:
    if not scan:
        monkeypatch.setattr(xlsx, "SCAN_BYTES", -1)
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))[name]
    assert summary(BOOKS[name](tmp_path / name)) == expected


def test_the_scan_reads_the_sheets_jxs_and_common_writers_make(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    original = xlsx._SheetReader.read
    monkeypatch.setattr(xlsx._SheetReader, "read", lambda self, name, *rest: calls.append(name) or original(
        self, name, *rest))
    for name in ("xlsxwriter.xlsx", "openpyxl.xlsx"):
        import_workbook(BOOKS[name](tmp_path / name))
    assert calls == []  # every sheet was scanned; none needed the XML parser
    import_workbook(BOOKS["raw.xlsx"](tmp_path / "raw.xlsx"))
    assert calls == ["目录", "预算"]  # a rich inline string, cells without a reference: left to the parser


def _with_sheet(source: Path, target: Path, part: str, change: dict[bytes, bytes]) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            data = old.read(info)
            if info.filename == part:
                for before, after in change.items():
                    assert before in data
                    data = data.replace(before, after)
            new.writestr(info, data)
    return target


@pytest.mark.parametrize("change", [
    {b"<sheetData>": b"<!-- <c r=\"A1\"><v>1</v></c> --><sheetData>"},  # a comment could hide or fake cells
    {b'<c r="A2"': b'<c  r="A2"'},  # a cell in another spelling
    {b"<sheetData>": b'<sheetData xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'},
])
def test_a_sheet_the_scan_cannot_be_sure_of_is_parsed_as_xml(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                               change: dict[bytes, bytes]) -> None:
    book = BOOKS["xlsxwriter.xlsx"](tmp_path / "a.xlsx")
    changed = _with_sheet(book, tmp_path / "b.xlsx", "xl/worksheets/sheet2.xml", change)
    calls: list[str] = []
    original = xlsx._SheetReader.read
    monkeypatch.setattr(xlsx._SheetReader, "read", lambda self, name, *rest: calls.append(name) or original(
        self, name, *rest))
    grids = read_book(changed, Reporter("b.xlsx"))
    assert calls == ["涉农补贴"]
    assert grids is not None and grids[1].cells == read_book(book, Reporter("a.xlsx"))[1].cells  # type: ignore[index]


def test_a_link_over_the_whole_sheet_is_refused_without_a_dense_grid(tmp_path: Path) -> None:
    book = BOOKS["raw.xlsx"](tmp_path / "a.xlsx")
    changed = _with_sheet(book, tmp_path / "b.xlsx", "xl/worksheets/budget.xml",
                          {b"</hyperlinks>": b'<hyperlink ref="A1:XFD1048576" location="x"/></hyperlinks>'})
    report = Reporter("b.xlsx")
    grids = read_book(changed, report)
    assert grids is not None and [g.name for g in grids] == ["目录"]
    assert [(d.code, d.params["rows"], d.params["columns"]) for d in report.diagnostics] == [
        ("JXS418", 1048576, 16384)]


def _openpyxl_grid(path: Path, name: str) -> tuple[list[list[str]], dict[tuple[int, int], str]]:
    """The sheet's cells and links as openpyxl's full loading gives them: the reference."""
    import openpyxl

    from jxs_catalog.importing.book import cell_text

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the raw workbook has no default style
        ws = openpyxl.load_workbook(path, data_only=True)[name]
    texts = {(r - 1, c - 1): cell_text(cell.value) for (r, c), cell in ws._cells.items() if cell_text(cell.value)}
    links = {(r - 1, c - 1): str(cell.hyperlink.location or cell.hyperlink.target)
             for (r, c), cell in ws._cells.items() if getattr(cell, "hyperlink", None) is not None}
    height = max((r + 1 for r, _ in texts), default=0)
    width = max((c + 1 for _, c in texts), default=0)
    cells = [[texts.get((r, c), "") for c in range(width)] for r in range(height)]
    for rng in ws.merged_cells.ranges:
        r0, c0 = rng.min_row - 1, rng.min_col - 1
        if r0 < height and c0 < width:
            for r in range(r0, min(rng.max_row, height)):
                for c in range(c0, min(rng.max_col, width)):
                    cells[r][c] = texts.get((r0, c0), "")
    return cells, {at: link for at, link in links.items() if at[0] < height and at[1] < width}


@pytest.mark.parametrize("name", sorted(BOOKS))
def test_grids_are_what_openpyxl_reads(tmp_path: Path, name: str) -> None:
    path = BOOKS[name](tmp_path / name)
    grids = read_book(path, Reporter(name))
    assert grids
    for grid in grids:
        cells, links = _openpyxl_grid(path, grid.name)
        assert grid.cells == cells
        assert {at: link for at, link in grid.links.items() if at[0] < grid.height and at[1] < grid.width} == links


_SAFE_TEXT = st.text(alphabet=st.sampled_from("积石山县公开目录、。，；！？（）《》〈〉「」『』【】AZaz09Yn"), min_size=1,
                     max_size=12).filter(lambda text: any("\u4e00" <= ch <= "\u9fff" for ch in text))


@given(_SAFE_TEXT, st.sampled_from(["name", "content", "channels"]))
@settings(max_examples=300, deadline=None)
def test_text_the_writer_leaves_plain_unasked_reads_back_as_itself(text: str, key: str) -> None:
    assert yaml_writer._HARMLESS.fullmatch(text)
    assert yaml_writer._reads_back(f"    {key}: {text}", {key: text})
    assert yaml_writer._reads_back(f"      - {text}", [text])
    assert yaml_writer._reads_back(f"    {key}: [{text}]", {key: [text]})


def test_a_workbook_that_unpacks_beyond_the_limit_is_refused_before_it_is_read(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from jxs_catalog.importing import book as book_module

    path = BOOKS["xlsxwriter.xlsx"](tmp_path / "a.xlsx")
    inflated = sum(info.file_size for info in zipfile.ZipFile(path).infolist())
    monkeypatch.setattr(book_module, "MAX_INFLATED", inflated - 1)
    report = Reporter("a.xlsx")
    assert read_book(path, report) is None
    assert [d.code for d in report.diagnostics] == ["JXS012"]
    monkeypatch.setattr(book_module, "MAX_INFLATED", inflated)
    assert read_book(path, Reporter("a.xlsx"))
