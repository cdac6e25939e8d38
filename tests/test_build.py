"""`jxs build`: what it writes, that it writes nothing on errors, atomicity, refusal, reproducibility."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import jxs_catalog.build as build_module
from jxs_catalog.build import run_build
from jxs_catalog.errors import UsageProblem
from tests.conftest import REPO, run


def tree_hashes(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_build_writes_workbooks_exports_site_and_manifest(small: Path) -> None:
    result = run("build", "--root", str(small), "--quiet")
    assert result.exit_code == 0, result.output
    out = small / "out"
    assert sorted(p.name for p in (out / "xlsx").glob("*.xlsx")) == ["county.xlsx", "dong.xlsx", "xi.xlsx"]
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["tool_version"]
    assert {c["scope"] for c in manifest["catalogs"]} == {"county", "township", "village"}
    for entry in manifest["outputs"]:
        data = (out / entry["path"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry["sha256"]
    for cat in manifest["catalogs"]:
        assert (out / cat["html"]).is_file()
        assert (out / cat["xlsx"]).is_file()  # every village list has its notice-board workbook
        if cat["scope"] == "village":
            assert cat["xlsx"] == f"xlsx/villages/{cat['code'] or cat['id']}.xlsx"
    assert [i["path"] for i in manifest["inputs"]][:1] == ["jxs.yaml"]


def test_text_is_always_text(small: Path) -> None:
    run("build", "--root", str(small), "--quiet")
    ws = openpyxl.load_workbook(small / "out" / "xlsx" / "county.xlsx")["涉农补贴"]
    values = {c.value: c.data_type for row in ws.iter_rows(min_row=4) for c in row if c.value}
    assert values["=SUM(A1:A9) 这样以等号开头的文字也只是文字"] == "s"
    assert values["0571"] == "s"
    assert values["+86 开头的电话和 @ 开头的文字不会变成公式"] == "s"
    csv_text = (small / "out" / "data" / "county.csv").read_bytes()
    assert csv_text.startswith(b"\xef\xbb\xbf")
    assert "'=SUM(A1:A9)" in csv_text.decode("utf-8-sig")
    assert "'+86" in csv_text.decode("utf-8-sig")


def test_every_item_row_has_the_eight_elements(tmp_path: Path) -> None:
    """Every workbook of the shipped workspace: each item row carries all eight elements."""
    out = tmp_path / "out"
    report = run_build(REPO, out)
    assert report.written
    books = sorted((out / "xlsx").glob("*.xlsx"))
    assert len(books) == 18
    for book in books:
        wb = openpyxl.load_workbook(book, read_only=True)
        for ws in wb.worksheets[1:]:
            rows = list(ws.iter_rows(min_row=4, values_only=True))
            assert rows, (book.name, ws.title)
            last_category = None
            for row in rows:
                category = row[1] or last_category  # merged down: only the first row holds it
                last_category = category
                name, content, basis, time_limit, subject, channels = row[2:8]
                audience, method = row[8:10], row[10:12]
                assert all([category, name, content, basis, time_limit, subject]), (book.name, row)
                assert "■" in channels, (book.name, row)
                assert "√" in audience and "√" in method, (book.name, row)


def test_pages_stay_small_enough_for_phones(tmp_path: Path) -> None:
    """The shipped workspace: a township page under 150 KB of HTML, a village page under 60 KB."""
    out = tmp_path / "out"
    assert run_build(REPO, out).written
    townships = [p.stat().st_size for p in (out / "site" / "townships").glob("*.html")]
    villages = [p.stat().st_size for p in (out / "site" / "villages").glob("*.html")]
    assert len(townships) == 17 and len(villages) > 100
    assert max(townships) < 150_000, max(townships)
    assert max(villages) < 60_000, max(villages)


def test_errors_write_nothing(small: Path) -> None:
    (small / "domains" / "jiuzai.yaml").write_text("name: 救灾\nitems: []\n", encoding="utf-8")
    result = run("build", "--root", str(small))
    assert result.exit_code == 1
    assert "没有生成任何文件" in result.output
    assert not (small / "out").exists()


def test_two_builds_are_byte_identical(small: Path) -> None:
    run("build", "--root", str(small), "--quiet")
    first = tree_hashes(small / "out")
    shutil.rmtree(small / "out")
    run("build", "--root", str(small), "--quiet")
    assert tree_hashes(small / "out") == first


def test_source_date_epoch_sets_the_date(small: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01
    run_build(small)
    data = json.loads((small / "out" / "data" / "county.json").read_text(encoding="utf-8"))
    assert data["date"] == "2026-01-01"
    wb = openpyxl.load_workbook(small / "out" / "xlsx" / "county.xlsx")
    assert wb.properties.created.date().isoformat() == "2026-01-01"


def test_failed_build_leaves_previous_output(small: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run_build(small)
    before = tree_hashes(small / "out")
    (small / "townships" / "xi.yaml").write_text("name: 西乡\ncode: \"620000200000\"\nvillages: [新村]\n",
                                                 encoding="utf-8")

    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("jxs_catalog.rendering.site.SiteRenderer.fixed_pages", fail)
    with pytest.raises(UsageProblem, match="out-not-writable"):
        run_build(small)
    assert tree_hashes(small / "out") == before
    assert [p.name for p in small.iterdir() if p.name.startswith(".out.")] == []


def test_next_build_recovers_after_a_kill(small: Path) -> None:
    run_build(small)
    before = tree_hashes(small / "out")
    # What a build killed between its two renames (on a system without an atomic exchange) leaves,
    # under the names and with the marks jxs gives (pids of processes that are gone):
    (small / "out").rename(small / ".out.old-999999999-0a1b2c3d")
    staging = small / ".out.staging-999999998-0a1b2c3d"
    staging.mkdir()
    (staging / ".jxs-staging").write_text("999999998", encoding="ascii")
    (staging / "half.xlsx").write_bytes(b"partial")
    build_module.recover(small / "out")
    assert tree_hashes(small / "out") == before
    assert [p.name for p in small.iterdir() if p.name.startswith(".out.")] == []


@pytest.mark.parametrize("where", [".", "domains", "townships/sub", "..", "templates"])
def test_out_that_is_or_contains_the_sources_is_refused(small: Path, where: str) -> None:
    (small / "templates").mkdir(exist_ok=True)
    before = tree_hashes(small)
    result = run("build", "--root", str(small), "--out", str(small / where))
    assert result.exit_code == 2
    assert "拒绝写入" in result.output
    assert tree_hashes(small) == before


def test_out_refusal_in_api(small: Path) -> None:
    with pytest.raises(UsageProblem):
        run_build(small, small)


def test_build_to_another_folder(small: Path, tmp_path: Path) -> None:
    target = tmp_path / "publish" / "v1"
    assert run("build", "--root", str(small), "--out", str(target), "--quiet").exit_code == 0
    assert (target / "site" / "index.html").is_file()
    assert os.listdir(target.parent) == ["v1"]


def test_incremental_build_renders_only_what_changed(small: Path, tmp_path: Path) -> None:
    first = run_build(small)
    assert first.rendered == 3  # the county and two townships
    unchanged = run_build(small)
    assert unchanged.rendered == 0
    path = small / "townships" / "xi.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "villages: [新村]\n", encoding="utf-8")
    changed = run_build(small)
    assert changed.rendered == 1
    # The result is exactly what a full build from scratch gives.
    fresh = run_build(small, tmp_path / "fresh")
    assert fresh.rendered == 3
    assert tree_hashes(small / "out") == tree_hashes(tmp_path / "fresh")


@pytest.mark.parametrize("apart", [False, True], ids=["checked here", "checked in workers"])
def test_a_file_saved_after_the_build_is_rendered_again(small: Path, apart: bool,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    if apart:  # a large county's kept files are hashed in worker processes
        monkeypatch.setattr(build_module, "HASH_APART_FROM", 1)
    run_build(small, jobs=2)
    book = small / "out" / "xlsx" / "dong.xlsx"
    original = book.read_bytes()
    book.write_bytes(b"edited in Excel")
    os.utime(book, (book.stat().st_atime, book.stat().st_mtime + 5))
    assert run_build(small, jobs=2).rendered == 1
    assert book.read_bytes() == original


def test_parallel_and_serial_builds_are_identical(small: Path, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(build_module, "PARALLEL_FROM", 2)  # exercise the worker processes on a small workspace
    for t in range(8):
        (small / "townships" / f"extra{t}.yaml").write_text(
            f'name: 第{t}乡\ncode: "6200003{t:02d}000"\nvillages: [甲村, 乙村]\n', encoding="utf-8")
    run_build(small, tmp_path / "serial", jobs=1)
    run_build(small, tmp_path / "parallel", jobs=2)
    assert tree_hashes(tmp_path / "serial") == tree_hashes(tmp_path / "parallel")


def test_every_local_link_of_the_site_resolves(tmp_path: Path) -> None:
    """Downloads, breadcrumbs and catalog links on every page point at files the build wrote."""
    import re
    from urllib.parse import unquote, urlsplit

    out = tmp_path / "out"
    assert run_build(REPO, out).written
    site = out / "site"
    broken = []
    for page in site.rglob("*.html"):
        if page.name == "404.html":  # its addresses are absolute, from site.base_url
            continue
        for href in re.findall(r'(?:href|src)="([^"#?]+)', page.read_text(encoding="utf-8")):
            if urlsplit(href).scheme or href.startswith("/"):
                continue
            if not (page.parent / unquote(href)).resolve().is_file():
                broken.append(f"{page.relative_to(site)} -> {href}")
    assert not broken, broken[:10]


def test_contents_rows_are_tall_enough_for_their_references(tmp_path: Path) -> None:
    """The contents sheet's long 参考目录 texts wrap; their rows must be sized or they print over each other."""
    import openpyxl

    from jxs_catalog.rendering.textfit import line_count, row_height
    from jxs_catalog.rendering.xlsx import REFERENCE_WIDTH

    out = tmp_path / "out"
    assert run_build(REPO, out).written
    sheet = openpyxl.load_workbook(out / "xlsx" / "liugou.xlsx")["目录"]
    wrapped = 0
    for row in range(3, sheet.max_row + 1):
        reference = sheet.cell(row, 4).value or ""
        lines = line_count(reference, REFERENCE_WIDTH)
        if lines > 1:
            wrapped += 1
            height = sheet.row_dimensions[row].height
            assert height is not None and height >= row_height(lines) - 0.5, (row, reference, height)
    assert wrapped, "no reference long enough to wrap: the test proves nothing"


def test_township_note_and_village_lists_are_published(tmp_path: Path) -> None:
    """A township file's note and its villages appear on its page and in its workbook's contents."""
    import openpyxl

    out = tmp_path / "out"
    assert run_build(REPO, out).written
    note = "2023年12月18日积石山6.2级地震震中所在乡"
    page = (out / "site" / "townships" / "liugou.html").read_text(encoding="utf-8")
    assert note in page
    sheet = openpyxl.load_workbook(out / "xlsx" / "liugou.xlsx")["目录"]
    texts = [str(c.value) for row in sheet.iter_rows() for c in row if c.value]
    assert any(note in t for t in texts), texts[-3:]
    assert any(t.startswith("村（居）务公开清单（9 份）") and "樊家沟村" in t for t in texts), texts[-3:]


def test_a_workbook_does_not_depend_on_the_workbooks_written_before_it(small: Path) -> None:
    # XlsxWriter adds its theme font to the default-format options it is given; shared options made
    # every workbook but a process's first carry another font scheme, so a worker's first differed.
    from jxs_catalog.rendering import xlsx
    run_build(small)
    assert "theme_font_name" not in xlsx.DEFAULT_FONT


@pytest.mark.parametrize("data", [
    {"a": 1, "b": None, "c": "东乡 \"x\"\n", "d": [], "e": [{"p": "x", "n": 2, "f": 1.5}, {"p": None}], "g": 0.1},
    {"nested": [{"a": [1, 2]}]}, {"empty": [{}]}, {"deep": {"a": {"b": 1}}}, {},
    # Rows of one shape, filled into one pattern: keys and values that look like its placeholders,
    # booleans, and values that are one-element containers, which must not pass as scalars.
    {"rows": [{"%s": "a%s", "{}": True, "k": None}, {"%s": "b\n", "{}": False, "k": 2.5}]},
    {"rows": [{"a": [5]}, {"a": [6]}]}, {"rows": [{"a": {"x": 1}}, {"a": {"x": 2}}]},
    {"rows": [{"a": "x"}, {"b": "y"}], "more": [{"a": 1, "b": 2}, {"b": 2, "a": 1}]},
])
def test_the_manifest_is_written_as_json_dumps_indents_it(data: dict[str, object]) -> None:
    assert build_module.indented(data) == json.dumps(data, ensure_ascii=False, indent=2)


_SCALAR = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=8))
_VALUE = st.one_of(_SCALAR, st.lists(_SCALAR, max_size=2), st.dictionaries(st.text(max_size=3), _SCALAR, max_size=2))


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.text(max_size=6), st.one_of(
    _SCALAR, st.lists(st.dictionaries(st.sampled_from(["path", "%s", "{}", "kind"]), _VALUE, max_size=3), max_size=4)),
    max_size=4))
def test_any_manifest_shaped_data_is_indented_as_json_dumps_does(data: dict[str, object]) -> None:
    assert build_module.indented(data) == json.dumps(data, ensure_ascii=False, indent=2)


def test_a_built_manifest_reads_as_json_dumps_would_write_it(small: Path) -> None:
    run_build(small)
    text = (small / "out" / "manifest.json").read_text(encoding="utf-8")
    assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n"


def test_a_build_leaves_the_collector_as_it_found_it(small: Path, tmp_path: Path) -> None:
    """The merged catalogs are frozen out of the collector's scans during a build, and let go after,
    whether the build writes, is refused or stops at a template."""
    import gc

    assert gc.get_freeze_count() == 0
    assert run_build(small).written
    assert gc.get_freeze_count() == 0
    (small / "out" / "mine.txt").write_text("a clerk's own file", encoding="utf-8")
    with pytest.raises(UsageProblem):
        run_build(small)
    assert gc.get_freeze_count() == 0
    (small / "templates").mkdir(exist_ok=True)
    (small / "templates" / "village.html").write_text("{{ nothing.at.all() }}", encoding="utf-8")
    assert not run_build(small, tmp_path / "other").written
    assert gc.get_freeze_count() == 0
