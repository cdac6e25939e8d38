"""`jxs fix`: repairable negative examples become valid; the others are left as they were."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import SMALL, run
from tests.test_cases import INVALID, expected, header

REPAIRABLE_CODES = {"JXS003", "JXS004", "JXS005", "JXS030", "JXS031", "JXS130", "JXS131"}
REPAIRABLE_CASES = {"date-in-chinese-quotes.yaml", "code-in-chinese-quotes.yaml", "village-code-in-chinese-quotes.yaml"}
WARNING_CODES = {"JXS131", "JXS132"}
# Repairable codes that fix must leave alone here: a village entry's two names need two codes.
UNREPAIRABLE_CASES = {"several-villages-in-one-entry-name.yaml"}


def repairable(path: Path) -> bool:
    codes = {code for code, _ in expected(path)}
    if path.name in REPAIRABLE_CASES:
        return True
    if path.name in UNREPAIRABLE_CASES:
        return False
    if codes == {"JXS001"}:
        return "latin1" not in path.name  # Latin-1 text cannot be recovered without guessing
    return codes <= REPAIRABLE_CODES


def workspace_with(tmp_path: Path, case: Path) -> Path:
    ws = tmp_path / "ws"
    ws.mkdir()
    shutil.copytree(SMALL / "domains", ws / "domains")  # what township cases refer to
    (ws / "townships").mkdir()
    (ws / "jxs.yaml").write_text("county: 积石山县\n", encoding="utf-8")
    kind = header(case, "kind")
    folder = {"domain": "domains", "township": "townships", "settings": "."}[kind]
    target = ws / folder / (case.name if kind != "settings" else "jxs.yaml")
    shutil.copy(case, target)
    return target


@pytest.mark.parametrize("case", INVALID, ids=lambda p: p.name)
def test_fix_write_repairs_or_leaves_untouched(tmp_path: Path, case: Path) -> None:
    target = workspace_with(tmp_path, case)
    before = target.read_bytes()
    first = run("fix", str(target))
    assert target.read_bytes() == before  # without --write nothing is written
    result = run("fix", "--write", str(target))
    if repairable(case):
        assert result.exit_code == 0, result.output
        assert run("validate", str(target)).exit_code == 0
        assert target.read_bytes().decode("utf-8")  # now UTF-8
    else:
        assert target.read_bytes() == before
        codes = {code for code, _ in expected(case)}
        failing = 0 if codes <= WARNING_CODES else 1
        assert result.exit_code == failing
        assert any(code in result.output for code in codes), result.output
        assert first.exit_code == failing


def test_fix_keeps_comments_keys_and_crlf(small: Path) -> None:
    path = small / "domains" / "butie.yaml"
    text = path.read_text(encoding="utf-8")
    text = "# 注释保留\n" + text.replace("method: 主动\n", "公开方式: 依申请公开\n    reason: 涉及隐私\n", 1)
    text = text.replace("channels: [政府网站, 两微一端", "channels: [政府网, 一微一端", 1)
    path.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    result = run("fix", "--write", "--root", str(small))
    assert result.exit_code == 0, result.output
    fixed = path.read_bytes().decode("utf-8")
    assert fixed.startswith("# 注释保留\r\n")
    assert "公开方式: 依申请\r\n" in fixed
    assert "channels: [政府网站, 两微一端, 12345政务服务热线]" in fixed
    assert "\n" not in fixed.replace("\r\n", "")
    assert run("validate", "--root", str(small)).exit_code == 0


def test_fix_shows_a_diff_and_counts(small: Path) -> None:
    path = small / "townships" / "xi.yaml"
    path.write_text("name: 西乡\nvillages:\n\t- 新村\n", encoding="utf-8")
    result = run("fix", "--root", str(small))
    assert "-\t- 新村" in result.output and "+  - 新村" in result.output
    assert "--write" in result.output
    assert run("fix", "--root", str(small), "--lang", "en").output.count("Add --write") == 1


def test_nothing_to_repair(small: Path) -> None:
    result = run("fix", "--root", str(small))
    assert result.exit_code == 0
    assert "没有需要修复的地方" in result.output


def test_fix_leaves_a_tab_it_cannot_place_and_says_why(small: Path) -> None:
    path = small / "townships" / "xi.yaml"
    path.write_text("name: 西乡\nnote: 甲\n\t\t\tcode: 乙\n", encoding="utf-8")
    result = run("fix", "--write", "--root", str(small))
    assert "\t\t\tcode" in path.read_text(encoding="utf-8")
    assert result.exit_code == 1 and "jxs fix 不会改动这一行" in result.output


def test_fix_puts_a_four_column_tab_where_it_lines_up(small: Path) -> None:
    path = small / "townships" / "xi.yaml"
    path.write_text("name: 西乡\nexclusions:\n  - domain: 救灾\n    reason: 甲\n\tcategory: 乙\n", encoding="utf-8")
    result = run("fix", "--root", str(small))
    assert "第 5 行：缩进中的制表符换成 4 个空格" in result.output
    run("fix", "--write", "--root", str(small))
    assert "\n    category: 乙\n" in path.read_text(encoding="utf-8")


def test_a_preview_with_unwritten_repairs_does_not_end_with_no_problems(small: Path) -> None:
    path = small / "townships" / "xi.yaml"
    path.write_text("name: 西乡\nvillages:\n\t- 新村\n", encoding="utf-8")
    last = run("fix", str(path)).output.strip().splitlines()[-1]
    assert "没有发现问题" not in last and "还没有写入" in last, last
    assert "没有发现问题" in run("fix", "--write", str(path)).output.strip().splitlines()[-1]
