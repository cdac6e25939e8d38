"""`jxs check`: a negative example per whole-workspace rule, caught at its line with its code."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from jxs_catalog.checking import run_check
from tests.conftest import REPO, run


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JXS_TODAY", "2026-12-01")


def found(ws: Path) -> set[tuple[str, str, int]]:
    return {(d.code, d.path, d.line) for d in run_check(ws).diagnostics}


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_small_workspace_has_only_expected_warnings(small: Path) -> None:
    codes = {c for c, _, _ in found(small)}
    # 24 pilot domains are absent from the small example; 西乡 has no review date.
    assert codes == {"JXS202", "JXS210"}


def test_pilot_domain_missing(small: Path) -> None:
    assert ("JXS202", "domains/", 0) in found(small)


def test_level_claimed_without_items(small: Path) -> None:
    edit(small / "domains" / "jiuzai.yaml", "department: 样例县应急管理局\n",
         "department: 样例县应急管理局\nlevels: [县级, 乡级, 村级]\n")
    edit(small / "domains" / "jiuzai.yaml", "    levels: [县级, 乡级, 村级]", "    levels: [县级, 乡级]")
    assert ("JXS203", "domains/jiuzai.yaml", 3) in found(small)


def test_adjustment_pointing_at_nothing(small: Path) -> None:
    edit(small / "townships" / "dong.yaml", "item: 救灾款物发放", "item: 救灾物资发放")
    edit(small / "townships" / "dong.yaml", "  - domain: 涉农补贴\n    item: 补贴政策",
         "  - domain: 涉农补帖\n    item: 补贴政策")
    result = found(small)
    assert ("JXS113", "townships/dong.yaml", 11) in result
    assert ("JXS113", "townships/dong.yaml", 6) in result


def test_matter_defined_twice(small: Path) -> None:
    edit(small / "domains" / "jiuzai.yaml", "name: 救灾款物发放\n    content: 发放对象、标准和数量",
         "name: 补贴对象名单\n    content: 补贴对象姓名、补贴金额")
    assert ("JXS205", "domains/jiuzai.yaml", 6) in found(small)


def test_copied_township_name(small: Path) -> None:
    edit(small / "townships" / "dong.yaml", "content: 项目名称、进度和资金", "content: 西乡重建项目名称、进度和资金")
    assert ("JXS206", "townships/dong.yaml", 19) in found(small)


def test_copied_county_name(small: Path) -> None:
    edit(small / "townships" / "dong.yaml", "reason: 本镇增加微信群通知", "reason: 临夏县做法，增加微信群通知")
    edit(small / "domains" / "butie.yaml", "content: 补贴对象姓名、补贴金额", "content: 和政县人民政府公布的补贴对象")
    result = found(small)
    assert ("JXS206", "townships/dong.yaml", 12) not in result  # 临夏县 is a neighbour only when jxs.yaml says so
    assert ("JXS206", "domains/butie.yaml", 29) in result  # …县人民政府 of another county, named in any case
    with (small / "jxs.yaml").open("a", encoding="utf-8") as f:
        f.write("neighbours: [临夏县, 循化县]\n")
    assert ("JXS206", "townships/dong.yaml", 12) in found(small)


def test_code_outside_county_and_duplicate(small: Path) -> None:
    edit(small / "townships" / "xi.yaml", 'code: "620000200000"', 'code: "620000100000"')
    assert ("JXS208", "townships/xi.yaml", 2) in found(small)
    edit(small / "townships" / "xi.yaml", 'code: "620000100000"', 'code: "630000200000"')
    assert ("JXS207", "townships/xi.yaml", 2) in found(small)


def test_one_file_per_township(small: Path) -> None:
    (small / "townships" / "xi2.yaml").write_text("name: 西乡\n", encoding="utf-8")
    assert ("JXS121", "townships/xi2.yaml", 1) in found(small)


def test_review_stale_and_future(small: Path) -> None:
    edit(small / "domains" / "jiuzai.yaml", 'reviewed: "2026-02-01"', 'reviewed: "2024-02-01"')
    edit(small / "domains" / "butie.yaml", 'reviewed: "2026-03-01"', 'reviewed: "2027-03-01"')
    result = found(small)
    assert ("JXS209", "domains/jiuzai.yaml", 3) in result
    assert ("JXS212", "domains/butie.yaml", 5) in result
    assert ("JXS210", "townships/xi.yaml", 1) in result


def test_township_must_account_for_pilot_domains(small: Path) -> None:
    # 救灾 claims 乡级 but its only township item becomes county-only.
    edit(small / "domains" / "jiuzai.yaml", "department: 样例县应急管理局\n",
         "department: 样例县应急管理局\nlevels: [县级, 乡级]\n")
    edit(small / "domains" / "jiuzai.yaml", "    levels: [县级, 乡级, 村级]", "    levels: [县级]")
    for t in ("dong", "xi"):
        text = (small / "townships" / f"{t}.yaml").read_text(encoding="utf-8")
        text = text.split("changes:")[0]
        (small / "townships" / f"{t}.yaml").write_text(text, encoding="utf-8")
    result = found(small)
    assert ("JXS201", "townships/xi.yaml", 1) in result
    assert ("JXS203", "domains/jiuzai.yaml", 3) in result


def test_check_report_writes_csv_and_html(small: Path, tmp_path: Path) -> None:
    result = run("check", "--root", str(small), "--report", "--report-dir", str(tmp_path / "r"))
    assert result.exit_code == 0
    csv_text = (tmp_path / "r" / "coverage.csv").read_bytes().decode("utf-8-sig")
    assert csv_text.splitlines()[0].startswith("乡镇,涉农补贴,救灾")
    assert "东乡镇" in csv_text
    html = (tmp_path / "r" / "coverage.html").read_text(encoding="utf-8")
    assert 'lang="zh-CN"' in html and "西乡" in html


def test_check_json_has_codes(small: Path) -> None:
    data = json.loads(run("check", "--root", str(small), "--format", "json").output)
    assert {d["code"] for d in data["diagnostics"]} == {"JXS202", "JXS210"}


def test_shipped_workspace_passes_check_strict() -> None:
    result = run("check", "--root", str(REPO), "--strict")
    assert result.exit_code == 0, result.output


def test_coverage_csv_and_html_share_columns_and_the_sources_date(small: Path, tmp_path: Path) -> None:
    result = run("check", "--root", str(small), "--report", "--report-dir", str(tmp_path / "r"),
                 env={"SOURCE_DATE_EPOCH": "1700000000"})
    assert result.exit_code == 0
    header = (tmp_path / "r" / "coverage.csv").read_bytes().decode("utf-8-sig").splitlines()[0].split(",")
    html = (tmp_path / "r" / "coverage.html").read_text(encoding="utf-8")
    columns = re.findall(r'<th scope="col">([^<]*)</th>', html)
    assert columns == header and header[-4:] == ["事项合计", "排除领域", "错误", "警告"]
    assert "数据日期：2023-11-14" in html  # SOURCE_DATE_EPOCH, as the build dates its outputs


def test_a_workspace_coverage_template_renders_in_the_sandbox(small: Path, tmp_path: Path) -> None:
    (small / "templates").mkdir(exist_ok=True)
    (small / "templates" / "coverage.html").write_text("{{ title.__class__.__mro__ }}", encoding="utf-8")
    result = run("check", "--root", str(small), "--report", "--report-dir", str(tmp_path / "r"))
    assert "JXS019" in result.output and "templates/coverage.html" in result.output
    assert not (tmp_path / "r" / "coverage.html").exists()
