"""Codes that had no test: one negative example each, at its file and line, with its message."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from jxs_catalog.checking import run_check
from jxs_catalog.checks import INVALID, Context, Problem, validate
from jxs_catalog.loading.loaded import Positions
from jxs_catalog.models import Settings
from jxs_catalog.pipeline import compile_workspace
from jxs_catalog.validation import _diagnostics_from

DONG = "townships/dong.yaml"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def diagnostics(ws: Path, code: str) -> list[tuple[str, int, str, str]]:
    return [(d.path, d.line, d.message(), d.message("en")) for d in compile_workspace(ws).diagnostics
            if d.code == code]


def test_jxs114_a_change_may_not_drop_the_township_level(small: Path) -> None:
    edit(small / DONG, "      channels: [入户/现场, 大喇叭, 村（居）民微信群]", "      levels: [县级]")
    ((path, line, zh, en),) = diagnostics(small, "JXS114")
    assert (path, line) == (DONG, 14)
    assert "必须包含“乡级”" in zh and "Changed levels must keep 乡级" in en


def test_jxs126_an_addition_may_not_repeat_a_standard_item(small: Path) -> None:
    edit(small / DONG, "    category: 灾后重建\n    name: 重建项目进展", "    category: 救灾款物\n    name: 救灾款物发放")
    ((path, line, zh, en),) = diagnostics(small, "JXS126")
    assert (path, line) == (DONG, 18)  # at the name it repeats
    assert "“救灾款物 / 救灾款物发放”" in zh and "use a change instead" in en


def test_jxs127_an_item_under_two_categories_needs_its_category(small: Path) -> None:
    jiuzai = small / "domains" / "jiuzai.yaml"
    text = jiuzai.read_text(encoding="utf-8")
    second = text[text.index("  - category: 救灾款物"):].replace("category: 救灾款物", "category: 救灾物资", 1)
    jiuzai.write_text(text + second, encoding="utf-8")
    ((path, line, zh, en),) = diagnostics(small, "JXS127")
    assert (path, line) == (DONG, 11)  # at the item it cannot tell apart
    assert "（救灾款物、救灾物资）" in zh and "add 'category'" in en


def test_jxs120_one_file_per_domain(small: Path) -> None:
    shutil.copy(small / "domains" / "jiuzai.yaml", small / "domains" / "jiuzai-copy.yaml")
    found = diagnostics(small, "JXS120")
    assert [(p, line) for p, line, _, _ in found] == [("domains/jiuzai.yaml", 1)]
    assert "domains/jiuzai-copy.yaml" in found[0][2]


def test_jxs211_a_published_item_lacks_an_element(small: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JXS_TODAY", "2026-12-01")
    edit(small / "domains" / "jiuzai.yaml", "department: 样例县应急管理局\n", "")
    found = [d for d in run_check(small).diagnostics if d.code == "JXS211"]
    assert {(d.path, d.line) for d in found} == {("domains/jiuzai.yaml", 4)}
    assert all(d.params["element"] == "主体" for d in found)
    assert "主体" in found[0].message()


def test_jxs119_an_error_without_a_code_of_its_own_is_still_located() -> None:
    # Every check of today's models reports a code of its own; a problem of a kind the mapping
    # does not know (a check added later) still becomes a located diagnostic.
    problems: list[Problem] = [{"type": "new_kind", "loc": ("paper",), "msg": "B5 is not a size", "ctx": None}]
    pos = Positions(values={("paper",): (3, 8)}, spelled={("paper",): "paper"})
    (diag,) = _diagnostics_from(problems, "f.yaml", pos, "settings", {"paper": "B5"})
    assert (diag.code, diag.path, diag.line, diag.column) == ("JXS119", "f.yaml", 3, 8)
    assert diag.message() == "“paper”的值不正确：B5 is not a size"


def test_an_unknown_paper_size_is_a_vocabulary_error() -> None:
    problems: list[Problem] = []
    assert validate(Settings, {"county": "样例县", "paper": "B5"}, Context(), (), problems) is INVALID
    pos = Positions(values={("paper",): (3, 8)}, spelled={("paper",): "paper"})
    (diag,) = _diagnostics_from(problems, "f.yaml", pos, "settings", {"paper": "B5"})
    assert (diag.code, diag.line, diag.column) == ("JXS107", 3, 8)
