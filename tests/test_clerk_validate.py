"""`jxs validate FILE` as a township clerk runs it: the file against the rest of the workspace."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import run


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_named_township_is_resolved_against_the_domains(small: Path) -> None:
    town = small / "townships" / "dong.yaml"
    _edit(town, "item: 救灾款物发放", "item: 救灾款物发方")
    _edit(town, "  - domain: 涉农补贴\n", "  - domain: 涉农补贴领域\n")
    result = run("validate", str(town))
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert any(line.startswith("townships/dong.yaml:6:13: 错误 JXS113") and "是不是“涉农补贴”" in line for line in lines)
    assert any(line.startswith("townships/dong.yaml:11:11: 错误 JXS113") and "“救灾款物发放”" in line for line in lines)
    assert lines[-1] == "已检查 1 个文件：2 个错误，0 个警告。"


def test_only_the_named_files_problems_are_shown(small: Path) -> None:
    _edit(small / "domains" / "jiuzai.yaml", "name: 救灾款物发放", "name: 救灾款物发放\n    contnet: x")
    _edit(small / "townships" / "xi.yaml", "name: 西乡", "name: 西乡\nnaem: x")
    result = run("validate", str(small / "townships" / "dong.yaml"))
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "已检查 1 个文件，没有发现问题。"


def test_a_reference_into_a_broken_domain_file_is_not_blamed_on_the_township(small: Path) -> None:
    _edit(small / "domains" / "jiuzai.yaml", "name: 救灾款物发放", "name: 救灾款物发放\n    contnet: x")
    result = run("validate", str(small / "townships" / "dong.yaml"))
    assert "JXS113" not in result.output


def test_the_summary_counts_in_english_singular_and_plural(small: Path) -> None:
    town = small / "townships" / "dong.yaml"
    assert run("validate", str(town), "--lang", "en").output.strip() == "1 file checked: no problems."
    _edit(town, "item: 救灾款物发放", "item: 救灾款物发方")
    assert run("validate", str(town), "--lang", "en").output.splitlines()[-1] == "1 file checked: 1 error, 0 warnings."


def test_files_notepad_and_caps_misname_are_named_in_a_warning(small: Path) -> None:
    folder = small / "townships"
    (folder / "xi.yaml").rename(folder / "xi.yaml.txt")
    (folder / "dong.yaml").rename(folder / "dong.YAML")
    (small / "domains" / "butie.yaml").rename(small / "domains" / "butie.yml.txt")
    result = run("validate", "--root", str(small))
    assert "townships/xi.yaml.txt: 警告 JXS015" in result.output and "改名为 xi.yaml" in result.output
    assert "townships/dong.YAML: 警告 JXS015" in result.output and "小写" in result.output
    assert "domains/butie.yml.txt: 警告 JXS015" in result.output
    named = run("validate", str(folder / "xi.yaml.txt"))
    assert "JXS015" in named.output and "JXS014" not in named.output
    assert "JXS015" in run("validate", str(folder)).output


def test_a_broken_reference_is_reported_with_the_files_other_mistakes(small: Path) -> None:
    town = small / "townships" / "dong.yaml"
    _edit(town, "item: 救灾款物发放", "item: 救灾款物发方")
    _edit(town, "    method: 主动\n", "    method: 依申请\n")  # the addition now lacks a reason
    for args in (("validate", str(town)), ("validate", "--root", str(small))):
        output = run(*args).output
        assert "dong.yaml:11:11: 错误 JXS113" in output and "JXS109" in output, output


def test_an_unknown_paper_size_is_told_in_the_clerks_words(small: Path) -> None:
    """Not JXS119 with a library's English ("Input should be 'A4' or 'A3'"): the vocabulary message."""
    settings = small / "jxs.yaml"
    settings.write_text(settings.read_text(encoding="utf-8") + "paper: A5\n", encoding="utf-8")
    zh = run("validate", "--root", str(small), str(settings))
    assert "JXS107" in zh.output and "“paper”的值“A5”不在可选范围内" in zh.output and "A4、A3" in zh.output, zh.output
    en = run("--lang", "en", "validate", "--root", str(small), str(settings))
    assert "'A5' is not an allowed value of 'paper'" in en.output and "Input should" not in en.output, en.output
