"""`jxs diff` core: resolving the two sides, comparing catalogs, and the text, JSON and Markdown renderings."""

from __future__ import annotations

import json
import shutil
import subprocess
import tarfile
from pathlib import Path, PurePosixPath

import pytest

from jxs_catalog.diffing import (
    DiffResult,
    diff_workspaces,
    render_json,
    render_markdown,
    render_text,
    resolve_side,
)
from jxs_catalog.diffing.markdown import cell
from jxs_catalog.diffing.sides import _wanted
from jxs_catalog.errors import UsageProblem
from jxs_catalog.pipeline import compile_workspace
from tests.conftest import REPO, SMALL

# What a diff looks like, reduced to compare with an expectation:
# (scope, catalog name) -> (added item names, removed item names, {changed item name: elements})
Shape = dict[tuple[str, str], tuple[list[str], list[str], dict[str, list[str]]]]

NEW_ITEM = """\
  - category: 救灾资金
    name: 救灾资金使用情况
    content: 救灾资金的来源、数额和使用去向
    basis: 《自然灾害救助条例》（国务院令第577号）
    time_limit: 资金使用后20个工作日内
    method: 主动
    channels: [政府网站, 大喇叭]
    audience: 全社会
    levels: [县级, 乡级, 村级]
"""
REMOVED_ITEM = """\
  - category: 政策文件
    name: 办事指南
    content: =SUM(A1:A9) 这样以等号开头的文字也只是文字
    basis: 《中华人民共和国政府信息公开条例》（国务院令第711号）
    time_limit: "0571"
    method: [主动, 依申请]
    channels: [政务服务中心, "其他：便民服务大厅"]
    audience: [全社会, 特定群体]
    levels: [县级]
"""


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-c", "user.name=jxs test", "-c", "user.email=jxs@example.invalid", "-c", "commit.gpgsign=false",
         "-c", "init.defaultBranch=main", *args],
        cwd=repo, capture_output=True, check=True, text=True, encoding="utf-8")
    return done.stdout


def commit_all(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


def replace(file: Path, old: str, new: str) -> None:
    text = file.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {file}"
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def edit_small(ws: Path) -> None:
    """The known edits: add an item, remove one, change time_limit and channels, change a township's addition."""
    jiuzai = ws / "domains" / "jiuzai.yaml"
    jiuzai.write_text(jiuzai.read_text(encoding="utf-8") + NEW_ITEM, encoding="utf-8")
    replace(jiuzai, "time_limit: 发放后及时公开", "time_limit: 发放后5个工作日内公开")
    replace(jiuzai, "channels: [入户/现场, 大喇叭]", "channels: [政府网站, 入户/现场, 大喇叭]")
    replace(ws / "domains" / "butie.yaml", REMOVED_ITEM, "")
    replace(ws / "townships" / "dong.yaml", "content: 项目名称、进度和资金", "content: 项目名称、进度、资金和验收情况")


# 东乡镇 sets its own channels for 救灾款物发放, so there only the time limit changes.
SMALL_EXPECTED: Shape = {
    ("county", "样例县"): (["救灾资金使用情况"], ["办事指南"], {"救灾款物发放": ["time_limit", "channels"]}),
    ("township", "东乡镇"): (["救灾资金使用情况"], [], {"救灾款物发放": ["time_limit"], "重建项目进展": ["content"]}),
    ("township", "西乡"): (["救灾资金使用情况"], [], {"救灾款物发放": ["time_limit", "channels"]}),
    ("village", "东村"): (["救灾资金使用情况"], [], {"救灾款物发放": ["time_limit"], "重建项目进展": ["content"]}),
    ("village", "南街社区"): (["救灾资金使用情况"], [], {"救灾款物发放": ["time_limit"], "重建项目进展": ["content"]}),
}


def shape(result: DiffResult) -> Shape:
    return {
        (c.scope, c.name): ([i.name for i in c.added], [i.name for i in c.removed],
                            {ch.name: [e.element for e in ch.elements] for ch in c.changed})
        for c in result.catalogs
    }


def diff_specs(a: str, b: str, cwd: Path) -> DiffResult:
    with resolve_side(a, cwd) as side_a, resolve_side(b, cwd) as side_b:
        return diff_workspaces(side_a, side_b)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A git repository whose root is the small workspace: HEAD~1 as shipped, HEAD with the known edits."""
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    root = tmp_path / "repo"
    shutil.copytree(SMALL, root)
    git(root, "init", "-q")
    commit_all(root, "as shipped")
    edit_small(root)
    commit_all(root, "known edits")
    return root


def test_revisions_list_exactly_the_edits_in_every_affected_catalog(repo: Path) -> None:
    result = diff_specs("HEAD~1", "HEAD", repo)
    assert not result.diagnostics
    assert (result.a, result.b) == ("HEAD~1", "HEAD")
    assert shape(result) == SMALL_EXPECTED
    assert list(shape(result)) == list(SMALL_EXPECTED)  # county, townships, villages in catalog order
    county = result.catalogs[0]
    assert county.removed[0].key == ("涉农补贴", "政策文件", "办事指南")
    time_limit, channels = county.changed[0].elements
    assert (time_limit.old, time_limit.new) == ("发放后及时公开", "发放后5个工作日内公开")
    assert (channels.old, channels.new) == (["入户/现场", "大喇叭"], ["政府网站", "入户/现场", "大喇叭"])
    village = result.catalogs[3]
    assert village.added[0].subject == "东村村民委员会"


def test_reversed_revisions_swap_added_and_removed(repo: Path) -> None:
    result = diff_specs("HEAD", "HEAD~1", repo)
    county = shape(result)[("county", "样例县")]
    assert county == (["办事指南"], ["救灾资金使用情况"], {"救灾款物发放": ["time_limit", "channels"]})
    assert result.catalogs[0].changed[0].elements[0].new == "发放后及时公开"


def test_same_revision_has_no_differences(repo: Path) -> None:
    result = diff_specs("HEAD", "HEAD", repo)
    assert not result.differs and not result.diagnostics
    assert "两个版本的目录没有差别" in render_text(result, "zh")
    assert "no differences" in render_text(result, "en").lower()
    assert "两个版本的目录没有差别" in render_markdown(result)
    assert json.loads(render_json(result))["catalogs"] == []


def test_folder_against_folder(small: Path, tmp_path: Path) -> None:
    edited = tmp_path / "edited"
    shutil.copytree(small, edited)
    edit_small(edited)
    result = diff_specs("ws", "edited", tmp_path)
    assert shape(result) == SMALL_EXPECTED
    assert (result.a, result.b) == ("ws", "edited")


def test_a_folder_inside_a_workspace_stands_for_its_root(small: Path, tmp_path: Path) -> None:
    edited = tmp_path / "edited"
    shutil.copytree(small, edited)
    edit_small(edited)
    result = diff_specs(str(small / "domains"), "../edited/townships", small)
    assert shape(result) == SMALL_EXPECTED


def test_worktree_against_a_revision_from_a_subfolder(repo: Path) -> None:
    replace(repo / "townships" / "xi.yaml", 'code: "620000200000"', 'code: "620000200000"\nvillages: [西村]')
    result = diff_specs("HEAD", ".", repo / "domains")
    assert shape(result) == {("village", "西村"): (["补贴对象名单", "救灾款物发放", "救灾资金使用情况"], [], {})}
    assert result.catalogs[0].status == "added"
    assert "西村：新设清单，共 3 项" in render_text(result, "zh")


def test_workspace_in_a_subfolder_of_the_repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    top = tmp_path / "repo"
    ws = top / "catalogs" / "jishishan"
    shutil.copytree(SMALL, ws)
    (top / "README.txt").write_text("not part of the workspace\n", encoding="utf-8")
    git(top, "init", "-q")
    commit_all(top, "first")
    edit_small(ws)
    commit_all(top, "second")
    with resolve_side("HEAD~1", ws / "townships") as side:
        assert side.root.name == "jishishan" and (side.root / "jxs.yaml").is_file()
        assert not (side.root.parent.parent / "README.txt").exists()  # only the workspace is extracted
        assert side.shown("jxs.yaml") == "HEAD~1:catalogs/jishishan/jxs.yaml"
    assert shape(diff_specs("HEAD~1", "HEAD", ws / "townships")) == SMALL_EXPECTED


def test_revision_side_is_removed_on_close(repo: Path) -> None:
    side = resolve_side("HEAD", repo)
    assert (side.root / "domains" / "jiuzai.yaml").is_file()
    side.close()
    assert not side.root.exists()
    side.close()  # closing twice is harmless


@pytest.mark.parametrize("spec", ["no-such-revision", "HEAD~99", "--output=/tmp/x", "", "HEAD:jxs.yaml"])
def test_unknown_revision_is_a_usage_problem(repo: Path, spec: str) -> None:
    with pytest.raises(UsageProblem) as caught:
        resolve_side(spec, repo)
    assert caught.value.kind == "git-revision"
    assert "git" in caught.value.message("zh")


def test_revision_outside_a_git_repository_is_a_usage_problem(small: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(small.parent))
    with pytest.raises(UsageProblem) as caught:
        resolve_side("HEAD", small)
    assert caught.value.kind == "git-revision"


def test_missing_git_is_a_usage_problem(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(repo / "no-bin"))
    with pytest.raises(UsageProblem) as caught:
        resolve_side("HEAD", repo)
    assert caught.value.kind == "git-revision"


def test_unsafe_archive_members_are_refused() -> None:
    here = PurePosixPath(".")
    for name in ("/etc/passwd", "../escape.yaml", "domains/../../x.yaml"):
        with pytest.raises(UsageProblem):
            _wanted(tarfile.TarInfo(name), here, "HEAD")
    link = tarfile.TarInfo("domains/link.yaml")
    link.type = tarfile.SYMTYPE
    assert not _wanted(link, here, "HEAD")
    assert _wanted(tarfile.TarInfo("domains/jiuzai.yaml"), here, "HEAD")
    assert not _wanted(tarfile.TarInfo("other/jiuzai.yaml"), PurePosixPath("ws"), "HEAD")
    assert _wanted(tarfile.TarInfo("ws/domains/jiuzai.yaml"), PurePosixPath("ws"), "HEAD")


def test_invalid_workspace_on_one_side_gives_diagnostics(repo: Path) -> None:
    replace(repo / "domains" / "jiuzai.yaml", "method: 主动", "method: 偶尔")
    result = diff_specs("HEAD~1", ".", repo)
    assert result.catalogs == [] and result.has_errors
    assert {d.code for d in result.diagnostics} == {"JXS107"}
    assert [d.path for d in result.diagnostics] == ["./domains/jiuzai.yaml"]
    text = render_text(result, "zh")
    assert text.startswith("./domains/jiuzai.yaml:")
    assert "JXS107" in text and "无法比较" in text
    data = json.loads(render_json(result))
    assert data["diagnostics"][0]["code"] == "JXS107" and data["catalogs"] == []
    assert "JXS107" in render_markdown(result)


def test_invalid_revision_side_is_named_by_its_revision(repo: Path) -> None:
    (repo / "jxs.yaml").unlink()
    commit_all(repo, "no settings")
    result = diff_specs("HEAD~1", "HEAD", repo)
    assert ("JXS122", "HEAD:jxs.yaml") in [(d.code, d.path) for d in result.diagnostics]
    assert all(d.path.startswith("HEAD:") for d in result.diagnostics)  # HEAD~1 is fine


def test_markdown_has_the_tables_of_the_notice(repo: Path) -> None:
    md = render_markdown(diff_specs("HEAD~1", "HEAD", repo))
    assert md.startswith("# 样例县基层政务公开标准目录更新说明\n")
    assert "共有 5 个目录有变化" in md
    assert "县级目录新增 1 项、删除 1 项、调整 1 项" in md
    assert "## 样例县基层政务公开标准目录\n" in md and "## 东乡镇基层政务公开标准目录\n" in md
    for heading in ("### 新增事项", "### 删除事项", "### 调整事项"):
        assert heading in md
    assert "| 领域 | 一级事项 | 二级事项 | 调整的要素 | 原内容 | 新内容 |" in md
    assert "| 救灾 | 救灾款物 | 救灾款物发放 | 公开时限 | 发放后及时公开 | 发放后5个工作日内公开 |" in md
    assert "| 救灾 | 救灾款物 | 救灾款物发放 | 公开渠道和载体 | 入户/现场、大喇叭 | 政府网站、入户/现场、大喇叭 |" in md
    assert "| 救灾 | 灾后重建 | 重建项目进展 | 公开内容 | 项目名称、进度和资金 | 项目名称、进度、资金和验收情况 |" in md
    assert "| 涉农补贴 | 政策文件 | 办事指南 |" in md
    assert "| 救灾 | 救灾资金 | 救灾资金使用情况 | 救灾资金的来源、数额和使用去向 | 资金使用后20个工作日内 |" in md
    assert "- 东乡镇 东村、南街社区：新增 1 项（救灾资金使用情况）；调整 2 项" in md
    english = render_markdown(diff_specs("HEAD~1", "HEAD", repo), lang="en")
    assert "| Domain | Category | Item | Element | Old | New |" in english
    assert "| 救灾 | 救灾款物 | 救灾款物发放 | time limit | 发放后及时公开 | 发放后5个工作日内公开 |" in english


def test_markdown_cells_escape_pipes_and_line_breaks(small: Path, tmp_path: Path) -> None:
    assert cell("a|b\nc\r\nd") == "a\\|b<br>c<br>d"
    edited = tmp_path / "edited"
    shutil.copytree(small, edited)
    replace(edited / "townships" / "dong.yaml", "content: 项目名称、进度和资金",
            "content: |\n      项目名称|进度\n      资金")
    md = render_markdown(diff_specs("ws", "edited", tmp_path))
    assert "| 项目名称、进度和资金 | 项目名称\\|进度<br>资金 |" in md
    row = next(line for line in md.splitlines() if "重建项目进展 | 公开内容" in line)
    assert row.count(" | ") == 5  # six cells, none split by the escaped pipe


def test_json_has_the_expected_structure(repo: Path) -> None:
    data = json.loads(render_json(diff_specs("HEAD~1", "HEAD", repo)))
    assert (data["a"], data["b"], data["differs"]) == ("HEAD~1", "HEAD", True)
    assert data["summary"]["catalogs"] == 5
    assert data["summary"]["county"] == {"catalogs": 1, "added": 1, "removed": 1, "changed": 1}
    assert data["summary"]["village"] == {"catalogs": 2, "added": 2, "removed": 0, "changed": 4}
    assert [(c["scope"], c["id"]) for c in data["catalogs"]][:3] == [
        ("county", "county"), ("township", "dong"), ("township", "xi")]
    county = data["catalogs"][0]
    assert county["status"] == "changed"
    assert county["added"][0]["name"] == "救灾资金使用情况"
    assert county["added"][0]["channels"] == ["政府网站", "大喇叭"]
    assert county["removed"][0]["name"] == "办事指南"
    assert county["changed"] == [{
        "domain": "救灾", "category": "救灾款物", "name": "救灾款物发放",
        "elements": [
            {"element": "time_limit", "old": "发放后及时公开", "new": "发放后5个工作日内公开"},
            {"element": "channels", "old": ["入户/现场", "大喇叭"], "new": ["政府网站", "入户/现场", "大喇叭"]},
        ],
    }]
    assert data["diagnostics"] == []


def test_text_in_chinese_and_english(repo: Path) -> None:
    result = diff_specs("HEAD~1", "HEAD", repo)
    text = render_text(result, "zh")
    assert "  - 删除  涉农补贴 / 政策文件 / 办事指南" in text
    assert "      公开时限：发放后及时公开 → 发放后5个工作日内公开" in text
    english = render_text(result, "en")
    assert "  + added  救灾 / 救灾资金 / 救灾资金使用情况" in english
    assert "      channels: 入户/现场; 大喇叭 → 政府网站; 入户/现场; 大喇叭" in english
    assert "5 catalogs differ" in english


def test_shipped_workspace_time_limit_and_exclusion(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    root = tmp_path / "repo"
    root.mkdir()
    shutil.copy2(REPO / "jxs.yaml", root / "jxs.yaml")
    for folder in ("domains", "townships"):
        shutil.copytree(REPO / folder, root / folder)
    git(root, "init", "-q")
    commit_all(root, "shipped")
    before = compile_workspace(root).compiled
    assert before is not None

    # A county item at all three levels gets a new time limit.
    changed_key = ("救灾", "备灾管理", "应急避难场所")
    old_limit = next(i.time_limit for i in before.county.items if i.key == changed_key)
    domain_file = root / "domains" / "jiuzai.yaml"
    lines = domain_file.read_text(encoding="utf-8").splitlines(keepends=True)
    start = lines.index("    name: 应急避难场所\n")
    at = next(n for n in range(start, len(lines)) if lines[n].startswith("    time_limit:"))
    lines[at] = "    time_limit: 信息变更之日起5个工作日内\n"
    domain_file.write_text("".join(lines), encoding="utf-8")

    # 安集镇 excludes a village-level item of 社会救助.
    anji = next(t for t in before.townships if t.id == "anji")
    excluded = next(i for i in anji.items if i.domain == "社会救助" and "村级" in i.levels)
    with (root / "townships" / "anji.yaml").open("a", encoding="utf-8") as out:
        out.write(f"exclusions:\n  - domain: 社会救助\n    category: {excluded.category}\n"
                  f"    item: {excluded.name}\n    reason: 由县民政局统一公开\n")
    commit_all(root, "edits")

    expected: dict[tuple[str, str], tuple[list[tuple[str, str, str]], dict[tuple[str, str, str], list[str]]]] = {}
    for catalog in before.catalogs:
        removed = [excluded.key] if catalog.township_id == "anji" and excluded.key in {
            i.key for i in catalog.items} else []
        changed = {changed_key: ["time_limit"]} if any(
            i.key == changed_key and i.time_limit == old_limit for i in catalog.items) else {}
        if removed or changed:
            expected[(catalog.scope, catalog.id)] = (removed, changed)
    result = diff_specs("HEAD~1", "HEAD", root)
    assert not result.diagnostics
    got = {(c.scope, c.id): ([i.key for i in c.removed], {ch.key: [e.element for e in ch.elements] for ch in c.changed})
           for c in result.catalogs}
    assert got == expected
    assert all(not c.added for c in result.catalogs)
    # The change reaches the county, most townships and their villages; the exclusion 安集镇 and its villages.
    assert ("county", "county") in got
    assert sum(1 for scope, _ in got if scope == "township") >= 10
    anji_villages = [v for v in before.villages if v.township_id == "anji"]
    assert anji_villages and all(got[("village", v.id)][0] == [excluded.key] for v in anji_villages)
    anji_diff = next(c for c in result.catalogs if c.id == "anji")
    assert anji_diff.reasons == {excluded.key: "由县民政局统一公开"}
    assert "由县民政局统一公开" in render_markdown(result)


def test_git_still_writing_the_archive_padding_is_not_a_failure(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """git archive pads its output past the end marker; a reader that stops there kills it with SIGPIPE."""
    import io

    from jxs_catalog.diffing import sides

    archive = io.BytesIO()
    with tarfile.open(fileobj=archive, mode="w") as tar:
        data = b"name: x\n"
        info = tarfile.TarInfo("jxs.yaml")
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
    payload = archive.getvalue() + b"\0" * 10240

    class Pipe(io.BytesIO):
        read_at_close = 0

        def close(self) -> None:
            Pipe.read_at_close = self.tell()
            super().close()

    class Git:
        def __init__(self, *args: object, **kwargs: object) -> None:
            self.stdout = Pipe(payload)

        def wait(self) -> int:
            return 0 if Pipe.read_at_close == len(payload) else -13  # SIGPIPE: the padding was still unread

    monkeypatch.setattr(sides.subprocess, "Popen", Git)
    sides._extract("0" * 40, tmp_path, tmp_path / "out", PurePosixPath("."), "HEAD")
    assert (tmp_path / "out" / "jxs.yaml").read_bytes() == b"name: x\n"
