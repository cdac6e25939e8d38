"""A corpus of hostile and broken inputs: each ends in its located code and exit status,
never a traceback. Files are in tests/corpus/ (expected.json says what each must give);
the few that cannot be committed (20 MB, a symlink loop, a folder) are made here."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import run

CORPUS = Path(__file__).parent / "corpus"
EXPECTED: dict[str, dict[str, object]] = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    root = tmp_path / "ws"
    (root / "domains").mkdir(parents=True)
    (root / "townships").mkdir()
    (root / "jxs.yaml").write_text("county: 积石山县\n", encoding="utf-8")
    return root


def check(ws: Path, target: Path, code: str, line: int, exit_code: int) -> None:
    result = run("validate", "--root", str(ws), str(target))
    assert "Traceback" not in result.output
    assert result.exit_code == exit_code, result.output
    if code != "JXS000":
        shown = target.relative_to(ws).as_posix()
        where = f"{shown}:{line}:" if line else f"{shown}"
        assert any(ln.startswith(where) and code in ln for ln in result.output.splitlines()), result.output
    else:
        assert "没有发现问题" in result.output


def test_corpus_is_large_enough() -> None:
    assert len(EXPECTED) + 4 >= 40
    assert sorted(p.name for p in CORPUS.glob("*.yaml")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_corpus_file(ws: Path, name: str) -> None:
    target = ws / "domains" / name
    shutil.copy(CORPUS / name, target)
    exp = EXPECTED[name]
    check(ws, target, str(exp["code"]), int(exp["line"]), int(exp["exit"]))  # type: ignore[call-overload]


def test_twenty_megabytes(ws: Path) -> None:
    target = ws / "domains" / "huge.yaml"
    with target.open("wb") as fh:
        fh.write(b"name: x\nitems:\n")
        fh.write(("  - category: " + "很长" * 100 + "\n").encode("utf-8") * 35000)
    assert target.stat().st_size > 20 * 1024 * 1024
    check(ws, target, "JXS012", 1, 1)


def test_directory_where_a_file_should_be(ws: Path) -> None:
    target = ws / "domains" / "folder.yaml"
    target.mkdir()
    result = run("validate", "--root", str(ws))
    assert result.exit_code == 2
    assert "domains/folder.yaml: 错误 JXS013" in result.output


@pytest.mark.skipif(os.name == "nt", reason="symlinks need privileges on Windows")
def test_symlink_loop(ws: Path) -> None:
    (ws / "domains" / "a.yaml").symlink_to(ws / "domains" / "b.yaml")
    (ws / "domains" / "b.yaml").symlink_to(ws / "domains" / "a.yaml")
    result = run("validate", "--root", str(ws))
    assert result.exit_code == 2
    assert "domains/a.yaml: 错误 JXS013" in result.output
    assert "Traceback" not in result.output


def test_symlinked_folder_loop_in_a_path_argument(ws: Path) -> None:
    (ws / "domains" / "loop").symlink_to(ws / "domains")
    (ws / "domains" / "ok.yaml").write_text("name: 涉农补贴\nitems: []\n", encoding="utf-8")
    result = run("validate", str(ws / "domains"))
    assert "Traceback" not in result.output
    assert result.exit_code == 1
    assert "JXS106" in result.output


def test_every_problem_in_one_run(ws: Path) -> None:
    names = [n for n, e in EXPECTED.items() if e["exit"] == 1]
    for name in names:
        shutil.copy(CORPUS / name, ws / "domains" / name)
    result = run("validate", "--root", str(ws), "--format", "json")
    data = json.loads(result.output)
    assert {Path(d["path"]).name for d in data["diagnostics"]} >= set(names)
