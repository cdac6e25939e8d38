"""Faults: builds killed with SIGKILL at several moments, full and read-only output locations."""

from __future__ import annotations

import errno
import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from jxs_catalog.build import run_build
from tests.conftest import REPO, run


def tree_hashes(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")
def test_killed_builds_leave_the_previous_output_intact(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run_build(REPO, out).written
    before = tree_hashes(out)
    # The shipped workspace takes a few seconds to build: kill it at several moments.
    for delay in (0.05, 0.3, 0.6, 1.0, 1.5, 2.0, 2.5):
        proc = subprocess.Popen([sys.executable, "-m", "jxs_catalog", "build", "--root", str(REPO), "--out",
                                 str(out), "--quiet"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert tree_hashes(out) == before, f"output changed after a kill at {delay}s"
    # The next build cleans up what the killed ones left and produces the same output.
    assert run_build(REPO, out).written
    assert tree_hashes(out) == before
    assert [p.name for p in tmp_path.iterdir()] == ["out"], sorted(p.name for p in tmp_path.iterdir())


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers follow their parent via prctl on Linux")
def test_rendering_workers_end_with_a_killed_build(tmp_path: Path) -> None:
    """Only the build process is killed: its rendering workers must not go on writing."""
    from benchmarks.generate import generate
    ws = generate(tmp_path / "ws", townships=40, items=14, villages=2)
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "jxs_catalog", "build", "--root", str(ws), "--out", str(out),
                             "--quiet"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
                            env={**os.environ, "JXS_JOBS": "2"})
    staged: list[Path] = []
    while proc.poll() is None and not staged:
        staged = [p for s in tmp_path.glob(".out.staging-*") for p in s.rglob("*.html")]
    proc.kill()
    proc.wait()
    assert staged and proc.returncode == -signal.SIGKILL, "the build ended before it rendered in parallel"
    for _ in range(200):  # the workers receive SIGKILL from the kernel; give them time to be reaped
        try:
            os.killpg(proc.pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.05)
    else:
        os.killpg(proc.pid, signal.SIGKILL)
        pytest.fail("rendering workers outlived the killed build")
    # With no process left, the next build removes the abandoned staging folder.
    assert run_build(ws, out).written
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "ws"]


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")
def test_a_build_killed_while_rendering_leaves_the_previous_output_intact(tmp_path: Path) -> None:
    """A full build of a county of 25 townships and 200 villages, killed once its staging folder holds pages."""
    from benchmarks.generate import generate
    ws = generate(tmp_path / "ws", townships=25, items=14, villages=8)
    out = tmp_path / "out"
    assert run_build(ws, out).written
    before = tree_hashes(out)
    # A new catalog title is in every catalog: the next build renders everything again, reusing nothing.
    settings = ws / "jxs.yaml"
    settings.write_text(settings.read_text(encoding="utf-8") + "title: 政务公开标准目录\n", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "jxs_catalog", "build", "--root", str(ws), "--out", str(out),
                             "--quiet"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    staged: list[Path] = []
    while proc.poll() is None and not staged:
        staged = [p for s in tmp_path.glob(".out.staging-*") for p in s.rglob("*.html")]
    os.killpg(proc.pid, signal.SIGKILL)  # the build and its rendering workers, as a crash takes them all
    proc.wait()
    assert staged, "the build ended before any page was staged"
    assert proc.returncode == -signal.SIGKILL, "the build finished before it was killed"
    assert tree_hashes(out) == before
    # The next build cleans up what the killed one left and renders the new title.
    assert run_build(ws, out).written
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "ws"]
    assert "测试县政务公开标准目录" in (out / "site" / "index.html").read_text(encoding="utf-8")


def test_full_disk_is_exit_2_and_keeps_the_output(small: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert run("build", "--root", str(small), "--quiet").exit_code == 0
    before = tree_hashes(small / "out")
    import jxs_catalog.staging as staging
    real_create = staging.create_file

    def full(path: Path, data: bytes) -> None:
        if ".out.staging" in str(path) and path.suffix == ".html":
            raise OSError(errno.ENOSPC, "No space left on device")
        real_create(path, data)

    monkeypatch.setattr(staging, "create_file", full)
    result = run("build", "--root", str(small))
    assert result.exit_code == 2
    assert "磁盘空间已满" in result.output
    assert tree_hashes(small / "out") == before
    assert not [p for p in small.iterdir() if p.name.startswith(".out.")]


def test_read_only_location_is_exit_2(small: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_mkdir = Path.mkdir

    def read_only(self: Path, *args: object, **kwargs: object) -> None:
        if "publish" in str(self):
            raise OSError(errno.EROFS, "Read-only file system")
        real_mkdir(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "mkdir", read_only)
    result = run("build", "--root", str(small), "--out", str(small.parent / "publish" / "out"))
    assert result.exit_code == 2
    assert "只读" in result.output


def test_out_under_proc_is_exit_2(small: Path) -> None:
    if not Path("/proc/self").exists():
        pytest.skip("no /proc")
    result = run("build", "--root", str(small), "--out", "/proc/jxs-out")
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_workbook_open_in_excel_is_named(small: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On Windows a workbook open in Excel cannot be replaced: the message names it (exit 2)."""
    import builtins

    import jxs_catalog.staging as outputs

    assert run("build", "--root", str(small), "--quiet").exit_code == 0
    before = tree_hashes(small / "out")
    held = small / "out" / "xlsx" / "dong.xlsx"
    real_open = builtins.open

    def excel_holds(file: object, mode: str = "r", *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        if Path(str(file)) == held and "+" in mode:
            raise PermissionError(13, "The process cannot access the file because it is being used")
        return real_open(file, mode, *args, **kwargs)  # type: ignore[call-overload]

    def refuse(*args: object) -> bool:
        raise PermissionError(13, "Access is denied")

    monkeypatch.setattr(outputs, "_exchange", refuse)
    monkeypatch.setattr(builtins, "open", excel_holds)
    (small / "townships" / "xi.yaml").write_text('name: 西乡\ncode: "620000200000"\nvillages: [新村]\n',
                                                 encoding="utf-8")
    result = run("build", "--root", str(small))
    assert result.exit_code == 2
    assert "dong.xlsx" in result.output and "Excel" in result.output
    assert tree_hashes(small / "out") == before
    assert not [p for p in small.iterdir() if p.name.startswith(".out.")]
