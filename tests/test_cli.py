"""The command line through click's runner: exit codes, formats, languages."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from tests.conftest import run


def break_file(ws: Path) -> None:
    (ws / "domains" / "jiuzai.yaml").write_text(
        (ws / "domains" / "jiuzai.yaml").read_text(encoding="utf-8").replace("method: 主动", "method: 主动发布"),
        encoding="utf-8")
    (ws / "townships" / "xi.yaml").write_text("name: 西乡\nvilages: []\n", encoding="utf-8")


def test_validate_clean_workspace(small: Path) -> None:
    result = run("validate", "--root", str(small))
    assert result.exit_code == 0
    assert "没有发现问题" in result.output


def test_validate_reports_every_faulty_file_in_one_run(small: Path) -> None:
    break_file(small)
    (small / "domains" / "gbk.yaml").write_bytes("name: 测试\n".encode("gbk"))
    result = run("validate", "--root", str(small))
    assert result.exit_code == 1
    assert "domains/jiuzai.yaml:10:13: 错误 JXS107" in result.output
    assert "townships/xi.yaml:2:1: 错误 JXS101" in result.output
    assert "是不是想写“villages”" in result.output
    assert "domains/gbk.yaml:1:1: 错误 JXS001" in result.output
    assert "3 个错误" in result.output


def test_validate_one_file(small: Path) -> None:
    break_file(small)
    result = run("validate", str(small / "townships" / "xi.yaml"))
    assert result.exit_code == 1
    assert "jiuzai" not in result.output
    assert "townships/xi.yaml:2:1" in result.output


def test_json_format(small: Path) -> None:
    break_file(small)
    result = run("validate", "--root", str(small), "--format", "json")
    data = json.loads(result.output)
    assert data["summary"] == {"errors": 2, "warnings": 0, "files": 5}
    first = data["diagnostics"][0]
    assert set(first) == {"path", "line", "column", "severity", "code", "message"}


def test_github_format(small: Path) -> None:
    break_file(small)
    result = run("validate", "--root", str(small), "--format", "github")
    assert "::error file=domains/jiuzai.yaml,line=10,col=13,title=JXS107::" in result.output


def test_junit_format(small: Path) -> None:
    break_file(small)
    result = run("validate", "--root", str(small), "--format", "junit")
    suite = ET.fromstring(result.output.split("\n", 1)[1])
    assert suite.get("failures") == "2"
    assert len(suite.findall("testcase/failure")) == 2


def test_english(small: Path) -> None:
    break_file(small)
    result = run("validate", "--root", str(small), "--lang", "en")
    assert "error JXS107" in result.output
    assert "Did you mean 'villages'?" in result.output
    env_result = run("validate", "--root", str(small), env={"JXS_LANG": "en"})
    assert "error JXS101" in env_result.output


def test_strict_turns_warnings_into_errors(small: Path) -> None:
    assert run("check", "--root", str(small)).exit_code == 0
    # 西乡 has no review date: a warning, which --strict counts.
    assert run("check", "--root", str(small), "--strict").exit_code == 1


def test_no_workspace_is_exit_2(tmp_path: Path) -> None:
    result = run("validate", "--root", str(tmp_path))
    assert result.exit_code == 2
    assert "jxs.yaml" in result.output


def test_unknown_option_is_exit_2(small: Path) -> None:
    assert run("validate", "--nope").exit_code == 2


def test_missing_path_is_exit_2(small: Path) -> None:
    result = run("validate", "--root", str(small), str(small / "nothing.yaml"))
    assert result.exit_code == 2


def test_internal_error_is_exit_3(small: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import jxs_catalog.pipeline as compile_module

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(compile_module, "compile_workspace", boom)
    result = run("validate", "--root", str(small))
    assert result.exit_code == 3
    assert "内部错误" in result.output
    assert "Traceback" not in result.output


def test_init_creates_a_workspace_that_validates_and_builds(tmp_path: Path) -> None:
    target = tmp_path / "new"
    assert run("init", str(target)).exit_code == 0
    assert run("validate", "--root", str(target)).exit_code == 0
    assert run("build", "--root", str(target), "--quiet").exit_code == 0
    assert (target / "out" / "xlsx" / "county.xlsx").is_file()
    assert (target / "out" / "site" / "index.html").is_file()
    assert run("init", str(target)).exit_code == 2  # never overwrites


def test_schema_command_writes_four_schemas(tmp_path: Path, small: Path) -> None:
    result = run("schema", "--root", str(small), "--out", str(tmp_path / "s"))
    assert result.exit_code == 0
    assert sorted(p.name for p in (tmp_path / "s").iterdir()) == [
        "bases.schema.json", "domain.schema.json", "settings.schema.json", "township.schema.json"]


def test_python_dash_m(small: Path) -> None:
    import subprocess
    import sys
    proc = subprocess.run([sys.executable, "-m", "jxs_catalog", "validate", "--root", str(small)],
                          capture_output=True, text=True, encoding="utf-8")
    assert proc.returncode == 0, proc.stderr


def test_validate_directory_argument(small: Path) -> None:
    shutil.copy(small / "townships" / "xi.yaml", small / "townships" / "bei.yaml")
    result = run("validate", str(small / "townships"))
    assert result.exit_code == 1  # two files for one township name
    assert "JXS121" in result.output


def test_lang_before_the_command(small: Path) -> None:
    break_file(small)
    result = run("--lang", "en", "validate", "--root", str(small))
    assert "error JXS107" in result.output
