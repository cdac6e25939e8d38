"""The command line speaks Chinese by default, click's own words included; English with --lang en."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import run

COMMANDS = ("validate", "check", "build", "fix", "init", "schema", "import", "diff")
CLICK_ENGLISH = ("Usage", "Options", "Show this message", "Show the version", "Commands", "default:",
                 "DIRECTORY", "[OPTIONS]", "PATHS")


@pytest.mark.parametrize("args", [("--help",), *((c, "--help") for c in COMMANDS)])
def test_help_is_in_chinese(args: tuple[str, ...]) -> None:
    result = run(*args)
    assert result.exit_code == 0
    assert "用法:" in result.output and "选项" in result.output
    for words in CLICK_ENGLISH:
        assert words not in result.output, (args, words)


def _jxs(*args: str) -> str:
    # Help texts are chosen from the command line when jxs starts, so this needs a process of its own.
    done = subprocess.run([sys.executable, "-m", "jxs_catalog", *args], capture_output=True, text=True,
                          env={**os.environ, "JXS_LANG": ""}, check=False)
    return done.stdout + done.stderr


def test_help_is_in_english_with_lang_en() -> None:
    out = _jxs("--lang", "en", "--help")
    assert "Usage: jxs [OPTIONS] COMMAND [ARGS]..." in out and "Show this message and exit." in out
    assert "validate [OPTIONS] [PATHS]..." in _jxs("validate", "--lang", "en", "--help")
    assert "用法: jxs [选项]" in _jxs("--help")


def test_a_mistyped_command_is_refused_in_chinese_with_a_suggestion() -> None:
    result = run("valdate")
    assert result.exit_code == 2
    assert "没有“valdate”这个命令" in result.output and "validate" in result.output
    assert "用法:" in result.output and "No such command" not in result.output
    english = run("--lang", "en", "valdate")
    assert "No such command 'valdate'" in english.output and "Did you mean 'validate'?" in english.output


def test_usage_errors_are_in_chinese() -> None:
    for args, words in ((("validate", "--bogus"), "没有“--bogus”这个选项"),
                        (("validate", "--format", "xml"), "的值不对"),
                        (("import",), "缺少参数")):
        result = run(*args)
        assert result.exit_code == 2 and words in result.output, result.output
        assert not re.search(r"\b(?:Error|Usage|Try|Missing|Invalid|No such)\b", result.output), result.output


def test_the_starter_files_tell_a_clerk_how_to_type(tmp_path: Path) -> None:
    assert run("init", str(tmp_path / "ws")).exit_code == 0
    for rel in ("townships/shili.yaml", "domains/shenong-butie.yaml"):
        text = (tmp_path / "ws" / rel).read_text(encoding="utf-8")
        assert "英文冒号，后面空一格" in text and "以“- ”开头" in text and "中文" in text
    town = (tmp_path / "ws" / "townships" / "shili.yaml").read_text(encoding="utf-8")
    assert "只写 name 即可" not in town and "reviewed" in town
    assert "只写领域：排除整个领域" not in town
    assert run("validate", "--root", str(tmp_path / "ws")).exit_code == 0
