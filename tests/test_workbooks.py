"""The workbooks' print layout, read back with openpyxl (no office program needed).

How they print is checked with LibreOffice in test_print.py.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from jxs_catalog.catalog import Catalog
from jxs_catalog.rendering.layout import TICKED, ticked
from jxs_catalog.rendering.noticeboard import _stand_in, _workbook, title_block, village_workbooks
from jxs_catalog.rendering.textfit import balance, kept_breaks, line_count, pack, room_em, text_em
from jxs_catalog.vocab import STANDARD_CHANNELS, VILLAGE_CHANNELS
from tests.conftest import run
from tests.xlsx_dump import dump_workbook


@pytest.fixture
def built(small: Path) -> Path:
    result = run("build", "--root", str(small), "--quiet")
    assert result.exit_code == 0, result.output
    return small / "out"


@pytest.mark.parametrize("width", [8, 12, 14, 18, 22])
def test_channel_lines_break_only_between_channels_or_after_a_slash(width: float) -> None:
    names = [TICKED + c for c in (*STANDARD_CHANNELS, *VILLAGE_CHANNELS)]
    cell = pack(names, width)
    entries = cell.replace("/\n", "/").replace("\n", " ").split(" ")
    assert entries == names  # nothing lost, nothing cut but after a slash: "□入 / 户/现场" cannot happen
    for line in cell.split("\n"):
        assert text_em(line) <= room_em(width, 10) or " " not in line, line  # too wide only when alone


def test_county_and_township_sheets_show_the_whole_checklist(built: Path) -> None:
    """SPEC: channels as the ■/□ checklist, every standard channel in order, ticked or not."""
    for book in ("county.xlsx", "dong.xlsx"):
        ws = openpyxl.load_workbook(built / "xlsx" / book).worksheets[1]
        at = next(c.column for c in ws[2] if c.value == "公开渠道和载体")
        for row in range(4, ws.max_row + 1):
            entries = str(ws.cell(row, at).value).replace("/\n", "/").replace("\n", " ").split(" ")
            standard = [e[1:].split("：")[0] for e in entries if e[1:].split("：")[0] in STANDARD_CHANNELS]
            assert standard == list(STANDARD_CHANNELS), (book, row, entries)
            assert all(e[0] in "■□" for e in entries) and any(e[0] == "■" for e in entries)


def test_only_ticked_channels_in_the_checklist_order() -> None:
    assert ticked(("大喇叭", "政府网站", "其他：办税服务厅")) == ["■政府网站", "■其他：办税服务厅", "■大喇叭"]


def test_long_texts_take_more_lines_and_narrow_columns_more() -> None:
    text = "信息形成或者变更之日起20个工作日内" * 3
    assert line_count("短", 10) == 1
    assert line_count(text, 10) > line_count(text, 30) > 1
    assert line_count("甲\n乙", 30) == 2
    assert line_count(text, 20, size=11) >= line_count(text, 20, size=10)


def test_balance_gives_the_longer_column_more_room() -> None:
    rows = [["短", "很长的公开内容" * 12, "依据"], ["短", "很长的公开内容" * 10, "依据"]]
    widths = balance(rows, [10.0, 25.0, 25.0], 1, 2)
    assert widths[1] > widths[2] and sum(widths) == 60 and widths[0] == 10


def test_a_band_never_ends_a_page() -> None:
    # rows: title, header, band, item, band, item, item; a page holds 100 points
    heights = [20.0, 10.0, 10.0, 40.0, 10.0, 30.0, 30.0]
    assert kept_breaks(heights, 100, 10, 2, frozenset({2, 4})) == [4]  # band 4 would be last on page 1
    assert kept_breaks(heights, 200, 10, 2, frozenset({2, 4})) == []


def test_numbers_are_numbers_and_township_sheets_have_no_county_column(built: Path) -> None:
    county = openpyxl.load_workbook(built / "xlsx" / "county.xlsx")
    town = openpyxl.load_workbook(built / "xlsx" / "dong.xlsx")
    for wb in (county, town):
        contents = wb["目录"]
        assert isinstance(contents["A3"].value, int) and isinstance(contents["C3"].value, int)
        sheet = wb.worksheets[1]
        assert sheet["A4"].value == 1 and sheet["A4"].data_type == "n"
    county_heads = [c.value for c in county.worksheets[1][3]]
    town_heads = [c.value for c in town.worksheets[1][3]]
    assert "县级" in county_heads and "县级" not in town_heads
    assert [h for h in county_heads if h != "县级"] == town_heads  # the rest in the published order


def test_first_level_matter_on_every_row(built: Path) -> None:
    ws = openpyxl.load_workbook(built / "xlsx" / "county.xlsx").worksheets[1]
    assert not [r for r in ws.merged_cells.ranges if r.min_col == 2 and r.min_row > 3]
    assert all(ws.cell(r, 2).value for r in range(4, ws.max_row + 1))


def test_rows_are_as_tall_as_their_wrapped_text(built: Path) -> None:
    ws = openpyxl.load_workbook(built / "xlsx" / "county.xlsx").worksheets[1]
    widths = [ws.column_dimensions[openpyxl.utils.get_column_letter(c)].width for c in range(1, ws.max_column + 1)]
    for r in range(4, ws.max_row + 1):
        lines = max(line_count(str(ws.cell(r, c).value or ""), widths[c - 1] - 0.72) for c in range(1, len(widths) + 1))
        assert ws.row_dimensions[r].height >= lines * 12.6, r


def test_contents_list_the_exclusions_with_their_reasons(built: Path) -> None:
    ws = openpyxl.load_workbook(built / "xlsx" / "dong.xlsx")["目录"]
    values = [str(c.value) for row in ws.iter_rows() for c in row if c.value is not None]
    assert "本乡镇不适用的领域和事项及理由" in values
    assert "涉农补贴：补贴政策" in values and "由县农业农村局统一公开" in values


@pytest.mark.parametrize("key", ["paper", "纸张"])
def test_paper_a3_from_jxs_yaml(small: Path, key: str) -> None:
    settings = small / "jxs.yaml"
    a4 = openpyxl.load_workbook(_built_copy(small) / "xlsx" / "county.xlsx").worksheets[1]
    settings.write_text(settings.read_text(encoding="utf-8") + f"{key}: A3\n", encoding="utf-8")
    assert run("build", "--root", str(small), "--quiet").exit_code == 0
    county = openpyxl.load_workbook(small / "out" / "xlsx" / "county.xlsx").worksheets
    assert {ws.page_setup.paperSize for ws in county} == {8}
    # A domain's columns take the room, so its rows take fewer lines, and the text still prints larger.
    assert _channels_width(county[1]) > 1.15 * _channels_width(a4)
    assert int(county[1].page_setup.scale) > int(a4.page_setup.scale)
    for book in (small / "out" / "xlsx" / "villages").glob("*.xlsx"):
        sheets = openpyxl.load_workbook(book).worksheets
        assert {ws.page_setup.paperSize for ws in sheets} == {8}, book
        assert min(int(ws.page_setup.scale) for ws in sheets) > 120  # a notice board prints larger


def _built_copy(ws: Path) -> Path:
    """The workspace built as it is, into a folder beside it."""
    out = ws.parent / "out-a4"
    assert run("build", "--root", str(ws), "--out", str(out), "--quiet").exit_code == 0
    return out


def _channels_width(ws: openpyxl.worksheet.worksheet.Worksheet) -> float:
    at = next(c.column_letter for c in ws[2] if c.value == "公开渠道和载体")
    return ws.column_dimensions[at].width


def test_village_workbook_names_the_village_once_and_lists_domains_in_a_row(built: Path) -> None:
    books = sorted((built / "xlsx" / "villages").glob("*.xlsx"))
    assert len(books) == len(list((built / "site" / "villages").glob("*.html")))
    ws = openpyxl.load_workbook(books[0]).worksheets[0]
    assert ws.max_column == 9  # no 公开主体, 公开层级 or 公开依据 column
    heads = [c.value for c in ws[3]]
    assert "公开主体" not in heads and "公开层级" not in heads
    assert "委员会" in ws["A2"].value and "公开层级：村级" in ws["A2"].value
    assert ws["A1"].value.endswith(("村务公开清单", "居务公开清单"))
    assert {c.font.sz for c in ws["D"][3:] if c.value} == {11}
    assert not any("□" in str(c.value) for row in ws.iter_rows() for c in row if c.value)
    assert ws.row_breaks.count == 0  # domains one after another, not one a page


def test_village_workbooks_filled_from_one_prototype_equal_their_own(built: Path, small: Path) -> None:
    """A township's village lists are written once with stand-ins and filled in; the result is the
    workbook written for the village itself."""
    from jxs_catalog.pipeline import compile_workspace

    villages = [c for c in compile_workspace(small).compiled.catalogs if c.scope == "village"]
    when = dt.datetime(2026, 1, 1)
    for village, book in zip(villages, village_workbooks(villages, [f"{v.name}清单" for v in villages], when,
                                                              "2026-01-01"), strict=True):
        _assert_filled_as_own(small, village, book, when)
        assert _stand_in(village).name != village.name


def _assert_filled_as_own(folder: Path, village: Catalog, book: bytes, when: dt.datetime) -> None:
    """The filled-in workbook shows what the one written for the village itself shows."""
    day = when.strftime("%Y-%m-%d")
    own = _workbook(village, f"{village.name}清单", when, day, "", "A4", line_count(title_block(village, day), 150, 11))
    (own_path := folder / "own.xlsx").write_bytes(own)
    (filled_path := folder / "filled.xlsx").write_bytes(book)
    assert "JXSBOARD" not in str(dump_workbook(filled_path))
    assert dump_workbook(filled_path)["sheets"] == dump_workbook(own_path)["sheets"]


def test_a_prototype_made_for_one_township_is_filled_in_for_another_with_the_same_items(small: Path) -> None:
    """Village lists of two townships with the same items share one prototype (kept by the process
    from one township to the next); each is still the workbook written for that village itself."""
    import dataclasses

    from jxs_catalog.pipeline import compile_workspace
    from jxs_catalog.rendering import noticeboard

    first = next(c for c in compile_workspace(small).compiled.catalogs if c.scope == "village")
    other = dataclasses.replace(first, id="other-1", name="西河村", township="西河乡", township_id="xihe",
                                title=first.title.replace(first.township or "", "西河乡", 1).replace(first.name, "西河村"),
                                subject="西河村村民委员会", code=None)
    when = dt.datetime(2026, 1, 2)
    noticeboard._PROTOTYPES.clear()
    for village in (first, other, dataclasses.replace(other, code="622927999201", id="622927999201")):
        made_before = len(noticeboard._PROTOTYPES)
        (book,) = village_workbooks([village], [f"{village.name}清单"], when, "2026-01-02")
        _assert_filled_as_own(small, village, book, when)
        if village is other:  # the first township's prototype served the second
            assert len(noticeboard._PROTOTYPES) == made_before
