"""The benchmark runner: every figure of benchmarks/README.md, measured side by side in one run.

    pip install check-jsonschema        # the peer for the validation comparison
    python benchmarks/run.py [--sizes 100,250,400,1000] [--quick]

Writes benchmarks/results.json and prints a Markdown summary. Run by hand; nothing here is a test.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.generate import generate  # noqa: E402
from benchmarks.startup import median_seconds  # noqa: E402

STAGE_PROBE = """
import json, resource, sys, time
from pathlib import Path
from jxs_catalog.build import run_build
from jxs_catalog.timing import Stopwatch
clock = Stopwatch()
start = time.perf_counter()
report = run_build(Path(sys.argv[1]), Path(sys.argv[2]), jobs=int(sys.argv[3]), clock=clock)
total = time.perf_counter() - start
peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
print(json.dumps({"total": total, "stages": clock.seconds, "peak_mb": peak / 1024, "rendered": report.rendered,
                  "catalogs": report.catalogs, "outputs": report.outputs}))
"""


def build_probe(ws: Path, out: Path, jobs: int) -> dict[str, object]:
    proc = subprocess.run([sys.executable, "-c", STAGE_PROBE, str(ws), str(out), str(jobs)], cwd=REPO,
                          capture_output=True, text=True, check=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def machine() -> dict[str, object]:
    cpu = ""
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                   if line.startswith("model name"))
    except (OSError, StopIteration):
        cpu = platform.processor()
    mem = ""
    try:
        kb = int(next(line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
                      if line.startswith("MemTotal")))
        mem = f"{kb / 1048576:.0f} GiB"
    except (OSError, StopIteration):
        pass
    return {"cpu": cpu, "cores": os.cpu_count(), "memory": mem, "python": platform.python_version(),
            "system": f"{platform.system()} {platform.release()}"}


def validation(runs: int) -> dict[str, float]:
    out: dict[str, float] = {}
    py = sys.executable
    out["python_bare"] = median_seconds([py, "-c", "pass"], runs)
    out["import_yaml_pydantic"] = median_seconds([py, "-c", "import yaml, pydantic"], runs)
    out["validate_one_file"] = median_seconds([py, "-m", "jxs_catalog", "validate", "domains/jiuzai.yaml"], runs)
    domains = sorted(str(p) for p in (REPO / "domains").glob("*.yaml"))
    out["validate_domains"] = median_seconds([py, "-m", "jxs_catalog", "validate", "domains"], runs)
    cj = shutil.which("check-jsonschema")
    if cj:
        out["check_jsonschema_domains"] = median_seconds(
            [cj, "--schemafile", "schemas/domain.schema.json", *domains], runs)
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="100,250,400,1000")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s]
    results: dict[str, object] = {"machine": machine(), "validation": validation(args.runs)}
    builds: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        workspaces = {"shipped": REPO}
        for n in sizes:
            workspaces[str(n)] = generate(base / f"ws{n}", n, 14, 10)
        for name, ws in workspaces.items():
            serial = build_probe(ws, base / f"out-{name}-1", 1)
            parallel = build_probe(ws, base / f"out-{name}-2", 2)
            entry = {"serial": serial, "parallel": parallel}
            if name in ("shipped", "250", "1000"):
                # Incremental: one township changes; the build rewrites only what depends on it.
                towns = sorted((ws / "townships").glob("*.yaml")) if name != "shipped" else []
                target = ws if name != "shipped" else base / "shipped-copy"
                if name == "shipped":
                    shutil.copytree(REPO, target, ignore=shutil.ignore_patterns("out*", ".git", ".venv", "tests"))
                    towns = sorted((target / "townships").glob("*.yaml"))
                    build_probe(target, base / "out-inc", 2)
                out_dir = base / "out-inc" if name == "shipped" else base / f"out-{name}-2"
                town = towns[len(towns) // 2]
                town.write_text(town.read_text(encoding="utf-8").replace('reviewed: "2026-11-', 'reviewed: "2026-10-'),
                                encoding="utf-8")
                entry["incremental"] = build_probe(target, out_dir, 2)
            builds[name] = entry
            print(name, json.dumps({k: v["total"] for k, v in entry.items()}), flush=True)  # type: ignore[index]
    results["builds"] = builds
    excel = subprocess.run([sys.executable, "benchmarks/excel_floor.py", str(REPO)], cwd=REPO,
                           capture_output=True, text=True, check=True).stdout
    results["excel_floor_shipped"] = excel
    (REPO / "benchmarks" / "results.json").write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n",
                                                      encoding="utf-8")
    print(json.dumps(results, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
