"""`jxs import` on the command line: where it writes, what it refuses, what it reports."""

from __future__ import annotations

from pathlib import Path

from jxs_catalog.build import run_build
from tests.conftest import run


def test_import_a_built_workbook_into_a_workspace(small: Path) -> None:
    assert run_build(small).written
    target = small / "imported" / "domains"
    result = run("import", str(small / "out" / "xlsx" / "county.xlsx"), "-o", str(target), "--root", str(small))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in target.iterdir()) == ["jiuzai.yaml", "shenong-butie.yaml"]
    text = (target / "jiuzai.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schemas/domain.schema.json\n")
    assert "name: 救灾" in text


def test_import_one_sheet_to_stdout(small: Path) -> None:
    run_build(small)
    result = run("import", str(small / "out" / "xlsx" / "county.xlsx"), "--sheet", "救灾", "--root", str(small))
    assert result.exit_code == 0, result.output
    assert "name: 救灾" in result.output
    assert "救灾款物发放" in result.output


def test_several_domains_need_a_folder(small: Path) -> None:
    run_build(small)
    result = run("import", str(small / "out" / "xlsx" / "county.xlsx"))
    assert result.exit_code == 1
    assert "JXS417" in result.output


def test_unreadable_file_writes_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "目录.xlsx"
    bad.write_text("这不是 Excel 文件", encoding="utf-8")
    out = tmp_path / "out.yaml"
    result = run("import", str(bad), "-o", str(out))
    assert result.exit_code == 1
    assert not out.exists()
    assert "Traceback" not in result.output


def test_missing_file_is_exit_2(tmp_path: Path) -> None:
    assert run("import", str(tmp_path / "nothing.xlsx")).exit_code == 2
