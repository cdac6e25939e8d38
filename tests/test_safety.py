"""Nothing of the user's is lost, leaked or run (SPEC §6 "What jxs writes").

Each test reproduces one way jxs used to destroy, overwrite or leak a file, or
to crash on the environment, and checks that it no longer does.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from jxs_catalog.build import run_build
from tests.conftest import run

POSIX = pytest.mark.skipif(os.name == "nt", reason="links, FIFOs and modes as on POSIX")


def tree_hashes(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and not p.is_symlink()}


def county_book(small: Path) -> Path:
    assert run_build(small).written
    return small / "out" / "xlsx" / "county.xlsx"


# --- files a command is asked to write ---------------------------------------------------------


def test_import_into_domains_does_not_overwrite_existing_files(small: Path) -> None:
    book = county_book(small)
    before = tree_hashes(small / "domains")
    result = run("import", str(book), "-o", str(small / "domains"), "--root", str(small))
    assert result.exit_code == 2
    assert "已存在" in result.output and "--force" in result.output
    assert tree_hashes(small / "domains") == before
    forced = run("import", str(book), "-o", str(small / "domains"), "--root", str(small), "--force")
    assert forced.exit_code == 0, forced.output


def test_import_on_a_full_disk_keeps_the_existing_file(small: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    book = county_book(small)
    target = small / "mine.yaml"
    target.write_text("name: 我的文件\n", encoding="utf-8")

    def full(fd: int, data: bytes) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", full)
    result = run("import", str(book), "--sheet", "救灾", "-o", str(target), "--force")
    assert result.exit_code == 2
    assert "磁盘空间已满" in result.output
    assert target.read_text(encoding="utf-8") == "name: 我的文件\n"
    assert sorted(p.name for p in small.iterdir() if p.name.startswith(".")) == []


@pytest.mark.parametrize("existing", [".gitignore", ".vscode/settings.json", "domains/shenong-butie.yaml"])
def test_init_keeps_existing_files(tmp_path: Path, existing: str) -> None:
    mine = tmp_path / existing
    mine.parent.mkdir(parents=True, exist_ok=True)
    mine.write_text("mine\n", encoding="utf-8")
    result = run("init", str(tmp_path))
    assert result.exit_code == 2
    assert existing.split("/")[-1] in result.output
    assert mine.read_text(encoding="utf-8") == "mine\n"
    assert not (tmp_path / "jxs.yaml").exists()  # all or nothing
    assert run("init", str(tmp_path), "--force").exit_code == 0
    assert mine.read_text(encoding="utf-8") != "mine\n"


def test_diff_output_does_not_overwrite_a_source(small: Path) -> None:
    source = small / "domains" / "jiuzai.yaml"
    before = source.read_bytes()
    result = run("diff", str(small), str(small), "-o", str(source))
    assert result.exit_code == 2
    assert source.read_bytes() == before


def test_schema_replaces_its_own_files_but_not_others(small: Path, tmp_path: Path) -> None:
    folder = tmp_path / "s"
    assert run("schema", "--root", str(small), "--out", str(folder)).exit_code == 0
    assert run("schema", "--root", str(small), "--out", str(folder)).exit_code == 0  # its own: replaced
    theirs = folder / "domain.schema.json"
    theirs.write_text('{"mine": true}\n', encoding="utf-8")
    assert run("schema", "--root", str(small), "--out", str(folder)).exit_code == 2
    assert theirs.read_text(encoding="utf-8") == '{"mine": true}\n'


@POSIX
def test_written_files_keep_their_mode(small: Path) -> None:
    (small / "domains" / "tabbed.yaml").write_bytes(b"name: \xe6\x95\x91\xe7\x81\xbe\nitems:\n\t- x: 1\n")
    os.chmod(small / "domains" / "tabbed.yaml", 0o640)
    run("fix", "--root", str(small), "--write", str(small / "domains" / "tabbed.yaml"))
    assert b"\t" not in (small / "domains" / "tabbed.yaml").read_bytes()
    assert stat.S_IMODE((small / "domains" / "tabbed.yaml").stat().st_mode) == 0o640


# --- fix ------------------------------------------------------------------------------------


def test_fix_leaves_a_mixed_encoding_file_byte_identical(small: Path) -> None:
    path = small / "domains" / "jiuzai.yaml"
    data = path.read_bytes()
    # UTF-8 everywhere but one line saved from a GBK editor: read as GBK, the rest would turn to mojibake.
    data = "name: 救灾\nitems:\n  - 事项: 救灾款物\n".encode() + "# 备注：旧系统导出\n".encode("gbk")
    path.write_bytes(data)
    result = run("fix", "--root", str(small), "--write")
    assert path.read_bytes() == data
    assert "JXS018" in result.output
    assert "jiuzai.yaml:4:" in result.output
    assert result.exit_code == 1


@POSIX
def test_fix_does_not_write_through_a_planted_temp_link(small: Path, tmp_path: Path) -> None:
    victim = tmp_path / "bashrc"
    victim.write_text("export SAFE=1\n", encoding="utf-8")
    source = small / "domains" / "tabbed.yaml"
    source.write_bytes(b"name: \xe6\x95\x91\xe7\x81\xbe\nitems:\n\t- x: 1\n")
    (small / "domains" / ".tabbed.yaml.jxs-fix").symlink_to(victim)  # the name fix used to write to
    run("fix", "--root", str(small), "--write", str(source))
    assert victim.read_text(encoding="utf-8") == "export SAFE=1\n"
    assert b"\t" not in source.read_bytes()


@POSIX
def test_fix_never_replaces_a_symlinked_source(small: Path) -> None:
    real = small / "domains" / "real.yaml"
    real.write_bytes(b"name: \xe6\x95\x91\xe7\x81\xbe\nitems:\n\t- x: 1\n")
    link = small / "domains" / "linked.yaml"
    link.symlink_to("real.yaml")
    result = run("fix", "--root", str(small), "--write", str(link))
    assert result.exit_code == 2
    assert link.is_symlink()
    assert "符号链接" in result.output


def test_fix_of_an_unreadable_file_is_not_a_crash(small: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = small / "domains" / "jiuzai.yaml"
    real_open = os.open

    def denied(file: object, *args: object, **kwargs: object) -> int:
        if str(file) == str(path):
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_open(file, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", denied)
    result = run("fix", "--root", str(small), str(path))
    assert result.exit_code == 2
    assert "没有权限" in result.output
    assert "内部错误" not in result.output


@pytest.mark.parametrize("errno_", [errno.EACCES, errno.ENOSPC])
def test_fix_on_an_unwritable_folder_or_full_disk(small: Path, monkeypatch: pytest.MonkeyPatch, errno_: int) -> None:
    path = small / "domains" / "tabbed.yaml"
    data = b"name: \xe6\x95\x91\xe7\x81\xbe\nitems:\n\t- x: 1\n"
    path.write_bytes(data)
    real_open = os.open

    def refuse(file: object, flags: int, *args: object, **kwargs: object) -> int:
        if "jxs-tmp" in str(file):
            raise OSError(errno_, os.strerror(errno_))
        return real_open(file, flags, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", refuse)
    result = run("fix", "--root", str(small), "--write", str(path))
    assert result.exit_code == 2, result.output
    assert "内部错误" not in result.output
    assert path.read_bytes() == data
    assert sorted(p.name for p in (small / "domains").iterdir()) == ["butie.yaml", "jiuzai.yaml", "tabbed.yaml"]


# --- where a command cannot write: exit 2, not a crash -----------------------------------------


@POSIX
@pytest.mark.parametrize("command", [
    ("import", "{book}", "-o", "{afile}/x.yaml"),
    ("schema", "--out", "{afile}/s"),
    ("init", "/proc/jxs-w"),
    ("diff", "{ws}", "{ws}", "-o", "/dev/full"),
    ("check", "--report", "--report-dir", "/proc/jxs-foo"),
])
def test_unwritable_targets_are_exit_2(small: Path, tmp_path: Path, command: tuple[str, ...]) -> None:
    if not Path("/proc/self").exists() or not Path("/dev/full").exists():
        pytest.skip("needs /proc and /dev/full")
    book = county_book(small)
    afile = tmp_path / "afile"
    afile.write_text("x", encoding="utf-8")
    args = [a.format(book=book, afile=afile, ws=small) for a in command]
    result = run(*args, "--root", str(small))
    assert result.exit_code == 2, result.output
    assert "内部错误" not in result.output


def test_import_to_stdout_keeps_the_summary_off_stdout(small: Path) -> None:
    book = county_book(small)
    result = run("import", str(book), "--sheet", "救灾", "--root", str(small))
    assert result.exit_code == 0
    assert result.stdout.startswith("# yaml-language-server")
    assert "个文件" not in result.stdout and "错误" not in result.stdout.split("items:")[0]
    import yaml
    assert yaml.safe_load(result.stdout)["name"] == "救灾"


def test_check_report_is_not_written_into_out(small: Path) -> None:
    run_build(small)
    result = run("check", "--report", "--root", str(small))
    assert (small / "reports" / "coverage.csv").is_file()
    assert not (small / "out" / "report").exists()
    assert result.exit_code in (0, 1)
    again = run("check", "--report", "--root", str(small))  # its own report: replaced
    assert "已存在" not in again.output


# --- sources -------------------------------------------------------------------------------


@POSIX
def test_a_source_linking_outside_is_not_read_or_printed(small: Path, tmp_path: Path) -> None:
    secret = tmp_path / "credentials"
    secret.write_text("password: hunter2-secret\n", encoding="utf-8")
    (small / "domains" / "leak.yaml").symlink_to(secret)
    for command in ("validate", "check", "build"):
        result = run(command, "--root", str(small))
        assert result.exit_code == 1, command
        assert "hunter2" not in result.output
        assert str(tmp_path) not in result.output.replace(str(small), "")
        assert "JXS016" in result.output


@POSIX
def test_a_link_to_dev_zero_is_refused(small: Path) -> None:
    (small / "domains" / "zero.yaml").symlink_to("/dev/zero")
    result = run("validate", "--root", str(small))
    assert result.exit_code == 1
    assert "JXS016" in result.output


def test_the_size_cap_holds_when_the_size_reported_is_zero() -> None:
    environ = Path("/proc/self/environ")
    if not environ.exists() or environ.stat().st_size != 0:
        pytest.skip("needs a file that reports size 0 and has content")
    from jxs_catalog.loading.source import read_limited
    data, diags = read_limited(environ, "environ", limit=8)
    assert data is None
    assert [d.code for d in diags] == ["JXS012"]


@POSIX
@pytest.mark.parametrize("command", ["validate", "check", "build", "fix"])
def test_a_fifo_among_the_sources_does_not_hang(small: Path, command: str) -> None:
    os.mkfifo(small / "domains" / "x.yaml")
    done = subprocess.run([sys.executable, "-m", "jxs_catalog", command, "--root", str(small)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "JXS017" in done.stdout


# --- templates ------------------------------------------------------------------------------


def test_a_workspace_template_cannot_run_programs(small: Path, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    (small / "templates").mkdir()
    (small / "templates" / "404.html").write_text(
        "{{ cycler.__init__.__globals__.os.popen('touch " + str(marker) + "').read() }}\n", encoding="utf-8")
    result = run("build", "--root", str(small))
    assert not marker.exists()
    assert result.exit_code == 1
    assert "JXS019" in result.output and "templates/404.html:1" in result.output
    assert not (small / "out").exists()


@pytest.mark.parametrize(("text", "line"), [
    (b"<p>\n{% if %}\n", 2),
    (b"<p>\n\n{{ no_such_name }}\n", 3),
    ("<p>\n{# 说明 #}\n".encode("gbk"), 2),
    (b"<p>\n{% include 'nothere.html' %}\n", 2),
])
def test_template_errors_are_diagnostics_with_file_and_line(small: Path, text: bytes, line: int) -> None:
    (small / "templates").mkdir()
    (small / "templates" / "404.html").write_bytes(text)
    result = run("build", "--root", str(small))
    assert result.exit_code == 1, result.output
    assert f"templates/404.html:{line}:" in result.output
    assert "内部错误" not in result.output


# --- the output directory -------------------------------------------------------------------


def test_build_refuses_a_folder_it_did_not_make(small: Path, tmp_path: Path) -> None:
    mine = tmp_path / "myout"
    mine.mkdir()
    (mine / "notes.txt").write_text("important\n", encoding="utf-8")
    result = run("build", "--root", str(small), "--out", str(mine))
    assert result.exit_code == 2
    assert "myout" in result.output and "notes.txt" in result.output
    assert (mine / "notes.txt").read_text(encoding="utf-8") == "important\n"
    assert run("build", "--root", str(small), "--out", str(mine), "--force").exit_code == 0
    assert not (mine / "notes.txt").exists()


def test_a_file_added_to_out_is_not_deleted(small: Path) -> None:
    assert run("build", "--root", str(small)).exit_code == 0
    (small / "out" / "notes.txt").write_text("important\n", encoding="utf-8")
    assert run("build", "--root", str(small)).exit_code == 2
    assert (small / "out" / "notes.txt").is_file()


def test_the_previous_output_is_scanned_whole_and_the_first_stranger_named(small: Path) -> None:
    from jxs_catalog import staging

    assert run("build", "--root", str(small)).exit_code == 0
    out = small / "out"
    assert staging.foreign_file(out) is None
    # Deep inside, a link (to a folder jxs made, even), a FIFO: none is a file jxs wrote.
    strangers = {"site/villages/zz.txt": "file", "site/a-link": "link", "data/a.fifo": "fifo"}
    for rel, kind in strangers.items():
        path = out / rel
        if kind == "file":
            path.write_text("mine\n", encoding="utf-8")
        elif kind == "link":
            path.symlink_to(out / "data", target_is_directory=True)
        elif hasattr(os, "mkfifo"):
            os.mkfifo(path)
    # Named in pathlib's order of parts: "data/a.fifo" before "site/…", "site/a-link" before "site/villages/…".
    assert staging.foreign_file(out) == ("data/a.fifo" if hasattr(os, "mkfifo") else "site/a-link")
    (out / "data" / "a.fifo").unlink(missing_ok=True)
    assert staging.foreign_file(out) == "site/a-link"
    (out / "site" / "a-link").unlink()
    assert staging.foreign_file(out) == "site/villages/zz.txt"
    # The build refuses, naming it, and leaves everything as it was.
    result = run("build", "--root", str(small))
    assert result.exit_code == 2 and "zz.txt" in result.output
    assert (out / "site" / "villages" / "zz.txt").read_text(encoding="utf-8") == "mine\n"


def test_out_dot_from_another_folder_is_refused(small: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                                ) -> None:
    elsewhere = tmp_path / "here"
    elsewhere.mkdir()
    (elsewhere / "keep.txt").write_text("keep\n", encoding="utf-8")
    monkeypatch.chdir(elsewhere)
    result = run("build", "--root", str(small), "--out", ".", "--force")
    assert result.exit_code == 2
    assert (elsewhere / "keep.txt").is_file()


@pytest.mark.parametrize("where", [".git", "home"])
def test_git_and_home_are_never_outputs(small: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                        where: str) -> None:
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    (home / "Documents" / "letter.txt").write_text("x", encoding="utf-8")
    (small / ".git").mkdir()
    (small / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    monkeypatch.setenv("HOME", str(home))
    target = small / ".git" if where == ".git" else home
    result = run("build", "--root", str(small), "--out", str(target), "--force")
    assert result.exit_code == 2
    assert (small / ".git" / "HEAD").is_file() and (home / "Documents" / "letter.txt").is_file()


@POSIX
def test_a_committed_out_link_is_not_followed(small: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "data.txt").write_text("x", encoding="utf-8")
    (small / "out").symlink_to(elsewhere)
    result = run("build", "--root", str(small))
    assert result.exit_code == 2
    assert (elsewhere / "data.txt").is_file() and (small / "out").is_symlink()


@POSIX
def test_a_symlinked_domains_folder_is_recognised_as_the_sources(small: Path, tmp_path: Path) -> None:
    real = tmp_path / "real-domains"
    (small / "domains").rename(real)
    (small / "domains").symlink_to(real)
    before = tree_hashes(real)
    result = run("build", "--root", str(small), "--out", str(real), "--force")
    assert result.exit_code == 2
    assert tree_hashes(real) == before


def test_cleanup_leaves_the_users_look_alike_folders(small: Path) -> None:
    for name in (".out.old-mine", ".out.staging-notes", ".out.old-12-0a1b2c3d"):
        (small / name).mkdir()
        (small / name / "keep.txt").write_text("keep\n", encoding="utf-8")
    assert run("build", "--root", str(small)).exit_code == 0
    for name in (".out.old-mine", ".out.staging-notes", ".out.old-12-0a1b2c3d"):
        assert (small / name / "keep.txt").is_file()


def test_a_second_build_waits_then_stops(small: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import jxs_catalog.staging as staging

    monkeypatch.setattr(staging, "LOCK_WAIT", 0.3)
    (small / "out").mkdir()
    with staging.build_lock((small / "out").resolve()):
        result = run("build", "--root", str(small))
    assert result.exit_code == 2
    assert "另一个生成正在进行" in result.output
    assert run("build", "--root", str(small)).exit_code == 0  # free again once the first is done


def test_a_running_builds_staging_is_left_alone(small: Path) -> None:
    import jxs_catalog.staging as staging

    out = (small / "out").resolve()
    theirs = staging.make_staging(out)  # this process stands for the other, running build
    (theirs / "half.html").write_text("<p>", encoding="utf-8")
    staging.recover(out)
    assert (theirs / "half.html").is_file()


def test_incremental_build_notices_a_replaced_and_backdated_output(small: Path) -> None:
    run_build(small)
    page = small / "out" / "site" / "townships" / "dong.html"
    if not page.exists():
        page = next((small / "out" / "site" / "townships").glob("*.html"))
    stamp = page.stat()
    good = page.read_bytes()
    page.write_bytes(b"<p>tampered</p>")
    os.utime(page, ns=(stamp.st_atime_ns, stamp.st_mtime_ns - 10**9))
    # The hash no longer matches the manifest: the page is rendered anew, whatever its date says.
    assert run_build(small).written
    assert page.read_bytes() == good


def test_a_yml_domain_file_is_fingerprinted(small: Path) -> None:
    (small / "domains" / "jiuzai.yaml").rename(small / "domains" / "jiuzai.yml")
    first = run_build(small)
    assert first.written
    path = small / "domains" / "jiuzai.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("发放对象、标准和数量", "发放对象、标准和数量（已更新）"), encoding="utf-8")
    again = run_build(small)
    assert again.rendered > 0
    assert "已更新" in (small / "out" / "data" / "county.json").read_text(encoding="utf-8")


# --- the importer ---------------------------------------------------------------------------


def test_import_of_a_sheet_with_far_apart_cells_is_refused_without_a_dense_grid(tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet["A1"] = "序号"
    sheet["XFD1048576"] = "x"  # 1,048,576 rows × 16,384 columns: 17 billion cells as a dense grid
    path = tmp_path / "far.xlsx"
    book.save(path)
    assert path.stat().st_size < 20_000
    result = run("import", str(path), "-o", str(tmp_path / "far.yaml"))
    assert result.exit_code == 1
    assert "JXS418" in result.output and "1048576 行 × 16384 列" in result.output
    assert not (tmp_path / "far.yaml").exists()


def test_the_importer_grid_knows_its_width_without_rescanning() -> None:
    from jxs_catalog.importing.book import _grid
    from jxs_catalog.importing.model import Reporter

    grid = _grid("s", [(0, 0, "a"), (2, 5, "b")], [], {}, Reporter("x.xlsx"))
    assert grid is not None
    assert (grid.height, grid.width) == (3, 6)
    assert all(len(row) == 6 for row in grid.cells)


# --- what used to be exit 3 or silently wrong -----------------------------------------------


def test_source_date_epoch_beyond_year_9999_is_exit_2(small: Path) -> None:
    result = run("build", "--root", str(small), env={"SOURCE_DATE_EPOCH": "253402300800"})
    assert result.exit_code == 2
    assert "SOURCE_DATE_EPOCH" in result.output and "内部错误" not in result.output
    english = run("build", "--root", str(small), "--lang", "en", env={"SOURCE_DATE_EPOCH": "253402300800"})
    assert "beyond the dates" in english.output


def _rename_domain(small: Path, file: str, old: str, new: str) -> None:
    for path in [small / "domains" / file, *sorted((small / "townships").glob("*.yaml"))]:
        text = path.read_text(encoding="utf-8")
        if path.parent.name == "domains":
            text = text.replace(f"name: {old}\n", f"name: {new}\n", 1)
        else:
            text = text.replace(f"domain: {old}\n", f"domain: {new}\n")
        path.write_text(text, encoding="utf-8")


@pytest.mark.parametrize(("file", "old", "new"), [("jiuzai.yaml", "救灾", "\"'救灾'\""),
                                                  ("jiuzai.yaml", "救灾", "Relief")])
def test_domain_names_excel_cannot_take_as_sheet_names_still_build(small: Path, file: str, old: str,
                                                                   new: str) -> None:
    _rename_domain(small, file, old, new)
    if new == "Relief":
        _rename_domain(small, "butie.yaml", "涉农补贴", "RELIEF")
    result = run("build", "--root", str(small), "--quiet")
    assert result.exit_code == 0, result.output
    import openpyxl
    names = openpyxl.load_workbook(small / "out" / "xlsx" / "county.xlsx", read_only=True).sheetnames
    assert len({n.casefold() for n in names}) == len(names)


def test_a_long_township_name_keeps_the_footer_and_prints_no_library_warning(small: Path) -> None:
    import warnings

    from jxs_catalog.rendering.xlsx import FOOTER_LIMIT, footer
    assert len(footer("乡" * 300)) <= FOOTER_LIMIT
    assert footer("A&B").startswith("&LA&&B")
    path = small / "townships" / "dong.yaml"
    text = path.read_text(encoding="utf-8")
    name = text.split("\n", 1)[0].removeprefix("name: ")
    path.write_text(text.replace(f"name: {name}\n", f"name: {name}{'长' * 300}\n", 1), encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        report = run_build(small, jobs=1)
    assert report.written


def test_text_over_an_excel_cells_limit_is_a_diagnostic(small: Path) -> None:
    path = small / "domains" / "jiuzai.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("content: 发放对象、标准和数量", "content: " + "长" * 32_768, 1), encoding="utf-8")
    result = run("validate", "--root", str(small))
    assert result.exit_code == 1
    assert "domains/jiuzai.yaml:7:" in result.output and "JXS020" in result.output


def test_files_ending_in_upper_case_yaml_are_named(small: Path) -> None:
    (small / "domains" / "jiuzai.yaml").rename(small / "domains" / "jiuzai.YAML")
    result = run("validate", "--root", str(small))
    assert "jiuzai.YAML" in result.output


@POSIX
def test_ctrl_c_in_a_parallel_build_prints_one_line(tmp_path: Path) -> None:
    import signal
    import time

    from benchmarks.generate import generate

    ws = tmp_path / "ws"
    generate(ws, 40, 5, 2)
    proc = subprocess.Popen([sys.executable, "-m", "jxs_catalog", "build", "--root", str(ws), "--quiet"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "JXS_JOBS": "2"})
    # Interrupt once the workers have started (or whenever the build is past loading).
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if list(tmp_path.glob(".out.staging-*")) or list(ws.glob(".out.staging-*")):
            time.sleep(0.5)
            break
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    if proc.returncode == 0:
        pytest.skip("the build finished before the interrupt")
    assert proc.returncode == 130
    assert "Traceback" not in err
    assert "已中断" in err
    assert not list(ws.glob(".out.staging-*"))


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def _killed_folder(out: Path, kind: str) -> Path:
    return out.parent / f".{out.name}.{kind}-{_dead_pid()}-0a1b2c3d"


def test_a_build_killed_between_unmarking_and_swapping_is_cleaned_up(small: Path) -> None:
    """The staging folder's marker goes just before the swap: a kill there leaves a whole, unmarked output."""
    import shutil

    from jxs_catalog import staging

    assert run("build", "--root", str(small)).exit_code == 0
    out = (small / "out").resolve()
    left = _killed_folder(out, "staging")
    shutil.copytree(out, left)
    assert run("build", "--root", str(small)).exit_code == 0
    assert not left.exists()
    assert staging.foreign_file(out) is None


def test_a_build_killed_before_marking_its_staging_folder_is_cleaned_up(small: Path) -> None:
    out = (small / "out").resolve()
    left = _killed_folder(out, "staging")
    left.mkdir()
    assert run("build", "--root", str(small)).exit_code == 0
    assert not left.exists()


def _unlink_until(allowed: int, real: Callable[..., None]) -> Callable[..., None]:
    """os.unlink that is killed (KeyboardInterrupt: nothing after it runs) after `allowed` removals."""
    calls = [0]

    def unlink(*args: object, **kwargs: object) -> None:
        calls[0] += 1
        if calls[0] > allowed:
            raise KeyboardInterrupt
        real(*args, **kwargs)
    return unlink


def test_an_interrupted_removal_can_be_finished_by_the_next_build(small: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """A kill while the previous output is being removed leaves a part that is still provably jxs's."""
    import shutil

    from jxs_catalog import staging

    assert run("build", "--root", str(small)).exit_code == 0
    out = (small / "out").resolve()
    files = sum(1 for p in out.rglob("*") if p.is_file())
    for stop_after in (1, files // 2, files - 1):
        left = _killed_folder(out, "old")
        shutil.copytree(out, left)
        real_unlink = os.unlink
        monkeypatch.setattr(os, "unlink", _unlink_until(stop_after, real_unlink))
        with pytest.raises(KeyboardInterrupt):
            staging.discard(left)
        monkeypatch.setattr(os, "unlink", real_unlink)
        assert left.exists()
        staging.recover(out)
        assert not left.exists(), f"left behind after {stop_after} removals"


def test_a_users_empty_look_alike_folder_with_a_live_owner_is_kept(small: Path) -> None:
    out = (small / "out").resolve()
    mine = out.parent / f".{out.name}.staging-{os.getpid()}-0a1b2c3d"
    mine.mkdir()
    assert run("build", "--root", str(small)).exit_code == 0
    assert mine.is_dir()
