"""What the register of cited documents (bases.yaml) adds to `jxs validate` of a workspace.

Run by hand: python benchmarks/register.py [WORKSPACE] [--runs N]. Validates a copy of the
workspace with and without its bases.yaml, in fresh processes, and prints the medians; then,
in this process, how the extra time splits between reading bases.yaml and resolving citations.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.startup import REPO


def _stage_split(ws: Path, runs: int) -> tuple[float, float]:
    """Medians (CPU seconds) of reading and validating bases.yaml, and of resolving every basis."""
    from jxs_catalog.register import Register, cited_in, resolution_rules
    from jxs_catalog.workspace import load_file, load_workspace
    workspace = load_workspace(ws)
    loading, resolving = [], []
    for _ in range(runs):
        start = time.process_time()
        loaded = load_file(ws / "bases.yaml", ws)
        middle = time.process_time()
        assert loaded.model is not None, loaded.diagnostics
        cited_in.cache_clear()
        resolution_rules(workspace, Register(loaded.model))
        loading.append(middle - start)
        resolving.append(time.process_time() - middle)
    return statistics.median(loading), statistics.median(resolving)


def _seconds(ws: Path) -> float:
    """CPU seconds (user and system) of one `jxs validate`: steadier than wall time on a shared machine."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([sys.executable, "-m", "jxs_catalog", "validate", "--root", str(ws)], cwd=REPO,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("workspace", nargs="?", type=Path, default=REPO)
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    if not (args.workspace / "bases.yaml").is_file():
        sys.exit(f"{args.workspace} has no bases.yaml")
    with tempfile.TemporaryDirectory() as tmp:
        ws, bare = Path(tmp) / "ws", Path(tmp) / "bare"
        ignore = shutil.ignore_patterns("out", "reports", ".git", ".venv")
        shutil.copytree(args.workspace, ws, ignore=ignore)
        shutil.copytree(args.workspace, bare, ignore=ignore)
        (bare / "bases.yaml").unlink()
        # Alternating runs: a busy machine slows both sides alike.
        pairs = [(_seconds(ws), _seconds(bare)) for _ in range(args.runs)]
        with_register = statistics.median(p[0] for p in pairs)
        without = statistics.median(p[1] for p in pairs)
        added = statistics.median(p[0] / p[1] - 1 for p in pairs)
        loading, resolving = _stage_split(ws, args.runs)
    print(f"jxs validate without bases.yaml {without * 1000:7.1f} ms CPU")
    print(f"jxs validate with bases.yaml    {with_register * 1000:7.1f} ms CPU")
    print(f"added (median of the pairs)     {added * 100:+7.1f} %")
    print(f"  reading bases.yaml            {loading * 1000:7.1f} ms")
    print(f"  resolving every basis         {resolving * 1000:7.1f} ms")


if __name__ == "__main__":
    main()
