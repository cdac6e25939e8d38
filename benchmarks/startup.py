"""The two validation figures, each beside its floor or peer in the same run, paired and alternating.

    python benchmarks/startup.py [--runs N]
    python benchmarks/startup.py --before /tmp/before     # also an earlier jxs_catalog, in the same rounds

`jxs validate townships/anji.yaml` and `domains/jiuzai.yaml` against `python -c "import yaml, pydantic"`,
and `jxs validate domains` against check-jsonschema with `jxs schema`'s domain schema. With --before (a
folder holding an earlier jxs_catalog package, e.g. from `git archive`), that version runs in the same
rounds, so before and after meet the same load. Each round runs every command once, in turn; a figure
is the median of its per-round ratios, by wall and by CPU time (the steadier one on a shared machine).
Run by hand; nothing here is a test.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.run import compile_package, timed  # noqa: E402


def _jxs(before: Path | None) -> list[str]:
    # -P: the working directory (this checkout) does not shadow the earlier version on PYTHONPATH.
    if before is None:
        return [sys.executable, "-P", "-m", "jxs_catalog"]
    return ["env", f"PYTHONPATH={before}", sys.executable, "-P", "-m", "jxs_catalog"]


def commands(before: Path | None, schemas: Path) -> dict[str, list[str]]:
    """Every command measured, by name: the floor, the peer, and jxs (and the earlier jxs)."""
    domains = sorted(str(p) for p in (REPO / "domains").glob("*.yaml"))
    cj = shutil.which("check-jsonschema") or str(Path(sys.executable).parent / "check-jsonschema")
    out = {"floor": [sys.executable, "-c", "import yaml, pydantic"],
           "check-jsonschema": [cj, "--schemafile", str(schemas / "domain.schema.json"), *domains]}
    for label, version in (("", None), ("before ", before)):
        if label and version is None:
            continue
        out[f"{label}township"] = [*_jxs(version), "validate", "townships/anji.yaml"]
        out[f"{label}domain"] = [*_jxs(version), "validate", "domains/jiuzai.yaml"]
        out[f"{label}domains"] = [*_jxs(version), "validate", "domains"]
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15, help="rounds")
    parser.add_argument("--before", type=Path, default=None, help="a folder holding an earlier jxs_catalog")
    args = parser.parse_args()
    compile_package()
    if args.before is not None:
        import compileall
        compileall.compile_dir(args.before / "jxs_catalog", quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        schemas = Path(tmp) / "schemas"
        subprocess.run([*_jxs(None), "schema", "--out", str(schemas)], cwd=REPO, check=True, capture_output=True)
        cmds = commands(args.before, schemas)
        for cmd in cmds.values():
            timed(cmd)  # warm the file cache
        rounds: dict[str, list[tuple[float, float]]] = {name: [] for name in cmds}
        for _ in range(args.runs):
            for name, cmd in cmds.items():
                rounds[name].append(timed(cmd))
    print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}, {args.runs} rounds")
    for name, times in rounds.items():
        print(f"{name:18} {statistics.median(t[0] for t in times):7.3f} s wall {statistics.median(t[1] for t in times):7.3f} s CPU")
    pairs = [(f"{label}{what}", peer) for label in ("", "before ") for what, peer in
             (("township", "floor"), ("domain", "floor"), ("domains", "check-jsonschema"))]
    for name, peer in pairs:
        if name not in rounds:
            continue
        ours, theirs = rounds[name], rounds[peer]
        wall = statistics.median(a[0] / b[0] for a, b in zip(ours, theirs, strict=True))
        cpu = statistics.median(a[1] / b[1] for a, b in zip(ours, theirs, strict=True))
        print(f"{name} ÷ {peer}: {wall:.2f} wall, {cpu:.2f} CPU")


if __name__ == "__main__":
    main()
