"""The benchmark runner: every figure of issue #18's table, each beside its peer or floor, in one run.

    pip install check-jsonschema        # the peer for the validation comparison
    python benchmarks/run.py                    # quick: validation, one file, the shipped build, its rebuild
    python benchmarks/run.py --scale            # also 250 and 1,000 synthetic townships, three runs each
    python benchmarks/run.py --scale --scale-runs 1 --small 25 --large 100   # a smaller scale trial

Peers and jxs run interleaved (A, B, A, B, ...) and the ratio is the median of the per-pair ratios,
so a machine shared with other work slows both sides alike. Writes benchmarks/results.json and
prints the table. Run by hand; nothing here is a test.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.generate import generate  # noqa: E402

STAGE_PROBE = """
import json, resource, sys, time
from pathlib import Path
from jxs_catalog.build import run_build
from jxs_catalog.timing import Stopwatch
clock = Stopwatch()
start = time.perf_counter()
report = run_build(Path(sys.argv[1]), Path(sys.argv[2]), jobs=int(sys.argv[3]), clock=clock)
total = time.perf_counter() - start
use = [resource.getrusage(w) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
cpu = sum(u.ru_utime + u.ru_stime for u in use)
main = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
worker = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # the largest worker process
print(json.dumps({"total": total, "cpu": cpu, "stages": clock.seconds, "peak_mb": max(main, worker) / 1024,
                  "main_mb": main / 1024, "worker_mb": worker / 1024, "rendered": report.rendered,
                  "catalogs": report.catalogs, "outputs": report.outputs}))
"""
# Today's figure for the shipped workspace (32 villages), against which the issue sets ≤ 2×.
SHIPPED_BEFORE = 1.3


def _children_cpu() -> float:
    use = resource.getrusage(resource.RUSAGE_CHILDREN)
    return use.ru_utime + use.ru_stime


def timed(cmd: list[str], cwd: Path = REPO) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one run of a command."""
    cpu = _children_cpu()
    start = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start, _children_cpu() - cpu


def paired(ours: list[str], peer: list[str], runs: int, cwd: Path = REPO) -> dict[str, float]:
    """jxs and its peer alternately; medians of each and the median of the per-pair ratios, by wall
    time and by CPU time (the latter is steadier when other work shares the machine)."""
    timed(ours, cwd), timed(peer, cwd)  # warm the file cache for both
    a, b = [], []
    for _ in range(runs):
        a.append(timed(ours, cwd))
        b.append(timed(peer, cwd))
    return {"jxs": statistics.median(x[0] for x in a), "peer": statistics.median(y[0] for y in b),
            "ratio": statistics.median(x[0] / y[0] for x, y in zip(a, b, strict=True)),
            "jxs_cpu": statistics.median(x[1] for x in a), "peer_cpu": statistics.median(y[1] for y in b),
            "cpu_ratio": statistics.median(x[1] / y[1] for x, y in zip(a, b, strict=True))}


def settle() -> None:
    """Write back what the last build left in memory before the next one is timed, so that a build
    does not pay for its predecessor's gigabytes. (Deleting an output is avoided between timed
    builds altogether: on the machine measured, creating a file cost 50-70 µs before a 1 GB tree was
    deleted and rose to about 480 µs over the 20 s after, which syncing did not prevent.)"""
    if hasattr(os, "sync"):
        os.sync()


def build_probe(ws: Path, out: Path, jobs: int) -> dict[str, object]:
    settle()
    proc = subprocess.run([sys.executable, "-c", STAGE_PROBE, str(ws), str(out), str(jobs)], cwd=REPO,
                          capture_output=True, text=True, check=True)
    probe = json.loads(proc.stdout.strip().splitlines()[-1])
    # Item rows written (every catalog's items), for rows per CPU-second.
    catalogs = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["catalogs"]
    probe["rows"] = sum(c["items"] for c in catalogs)
    probe["township_rows"] = sum(c["items"] for c in catalogs if c["scope"] != "village")
    return probe  # type: ignore[no-any-return]


def disk_bytes(out: Path) -> dict[str, int]:
    """What a build put on disk: each inode once (hard links are not written twice), and apparent size."""
    seen: set[tuple[int, int]] = set()
    unique = apparent = files = 0
    for dirpath, _, names in os.walk(out):
        for name in names:
            st = os.lstat(os.path.join(dirpath, name))
            files += 1
            apparent += st.st_size
            if (st.st_dev, st.st_ino) not in seen:
                seen.add((st.st_dev, st.st_ino))
                unique += st.st_size
    return {"written": unique, "apparent": apparent, "files": files}


def unit_sizes(out: Path) -> dict[str, float]:
    """Bytes of each catalog's own files (workbook, page, JSON, CSV) by scope, per catalog, and the
    rest (index, domain pages, assets, manifest): what a build of another size is estimated from.
    A file several catalogs name (a township's village lists' data) is counted once."""
    catalogs = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["catalogs"]
    total: dict[str, int] = {}
    count: dict[str, int] = {}
    seen: set[str] = set()
    for c in catalogs:
        for key in ("xlsx", "html", "json", "csv"):
            if c.get(key) and c[key] not in seen:
                seen.add(c[key])
                total[c["scope"]] = total.get(c["scope"], 0) + (out / c[key]).stat().st_size
        count[c["scope"]] = count.get(c["scope"], 0) + 1
    sizes: dict[str, float] = {scope: total.get(scope, 0) / n for scope, n in count.items()}
    sizes["rest"] = disk_bytes(out)["written"] - sum(total.values())
    return sizes


def estimate_bytes(sizes: dict[str, float], townships: int, villages: int = 10) -> float:
    """Bytes written by a build of this many townships with this many villages each, from unit_sizes()
    (the rest is taken as it was: it grows with the number of townships only in the index pages)."""
    return (sizes.get("county", 0) + townships * sizes.get("township", 0)
            + townships * villages * sizes.get("village", 0) + sizes["rest"])


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
            "system": f"{platform.system()} {platform.release()}", "load_before": os.getloadavg()[0],
            "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}


def compile_package() -> None:
    """Write jxs's bytecode first, as installing it does: with PYTHONDONTWRITEBYTECODE set every run
    would otherwise compile jxs from source while its peers load their installed bytecode."""
    compileall.compile_dir(REPO / "jxs_catalog", quiet=1)


def validation(runs: int, tmp: Path) -> dict[str, object]:
    compile_package()
    py = sys.executable
    jxs = [py, "-m", "jxs_catalog"]
    schemas = tmp / "schemas"
    subprocess.run([*jxs, "schema", "--out", str(schemas)], cwd=REPO, check=True, capture_output=True)
    domains = sorted(str(p) for p in (REPO / "domains").glob("*.yaml"))
    out: dict[str, object] = {"domain_files": len(domains)}
    cj = shutil.which("check-jsonschema") or str(Path(py).parent / "check-jsonschema")
    if Path(cj).exists():
        out["domains"] = paired([*jxs, "validate", "domains"],
                                [cj, "--schemafile", str(schemas / "domain.schema.json"), *domains], runs)
    one = f"townships/{sorted(p.name for p in (REPO / 'townships').glob('*.yaml'))[0]}"
    out["one_file"] = {"file": one, **paired([*jxs, "validate", one], [py, "-c", "import yaml, pydantic"], runs)}
    return out


def shipped(base: Path, runs: int) -> dict[str, object]:
    """The shipped workspace: full builds, and a rebuild after one township's file changes."""
    ws = base / "shipped"
    shutil.copytree(REPO, ws, ignore=shutil.ignore_patterns("out*", ".git", ".venv", "tests", "benchmarks",
                                                           "*.egg-info", "__pycache__"))
    totals = []
    for i in range(runs):
        totals.append(build_probe(ws, base / f"shipped-out-{i}", 2))
    full = statistics.median(t["total"] for t in totals)  # type: ignore[misc]
    rebuild = _rebuild(ws, base / "shipped-out-0")
    cpu = statistics.median(t["cpu"] for t in totals)  # type: ignore[misc]
    return {"full": full, "cpu": cpu, "runs": [t["total"] for t in totals], "peak_mb": max(t["peak_mb"] for t in totals),
            "catalogs": totals[0]["catalogs"], "bytes": disk_bytes(base / "shipped-out-1"),
            "rebuild": rebuild, "rebuild_ratio": rebuild["total"] / full,  # type: ignore[operator]
            "against_before": full / SHIPPED_BEFORE}


def _rebuild(ws: Path, out: Path) -> dict[str, object]:
    towns = sorted((ws / "townships").glob("*.yaml"))
    town = towns[len(towns) // 2]
    text = town.read_text(encoding="utf-8")
    town.write_text(text + "\n# changed\n", encoding="utf-8")
    try:
        return build_probe(ws, out, 2)
    finally:
        town.write_text(text, encoding="utf-8")


def scale(base: Path, small: int, large: int, runs: int) -> dict[str, object]:
    """Full builds of `small` and `large` synthetic townships, alternately, `runs` times each."""
    ws = {n: generate(base / f"ws{n}", n, 14, 10) for n in (small, large)}
    pairs = []
    for i in range(runs):
        one = {}
        for n in (small, large):
            # A new folder each time: nothing is deleted between the timed builds (see settle()).
            out = base / f"out{n}-{i}"
            one[n] = build_probe(ws[n], out, 2)
            if n == large and i == 0:
                one["bytes"] = disk_bytes(out)
                one["sizes"] = unit_sizes(out)
        pairs.append(one)
        print(f"scale run {i + 1}: {small}: {one[small]['total']:.1f} s, {large}: {one[large]['total']:.1f} s",
              file=sys.stderr, flush=True)
    # Last, on the output just built (as a user rebuilds after an edit: its files still in memory):
    # a rebuild deletes the output it replaces, which would slow the disk for any build after it.
    pairs[0]["rebuild"] = _rebuild(ws[large], base / f"out{large}-{runs - 1}")
    ratios = [p[large]["total"] / p[small]["total"] for p in pairs]
    # By CPU time too: on a shared machine the wall ratio moves with what else runs during each build.
    cpu_ratios = [p[large]["cpu"] / p[small]["cpu"] for p in pairs]
    first = pairs[0]
    return {"small": small, "large": large, "ratios": ratios, "cpu_ratios": cpu_ratios,
            "small_s": [p[small]["total"] for p in pairs], "large_s": [p[large]["total"] for p in pairs],
            "peak_mb": max(p[large]["peak_mb"] for p in pairs),
            "main_mb": max(p[large]["main_mb"] for p in pairs), "worker_mb": max(p[large]["worker_mb"] for p in pairs),
            "bytes": first["bytes"], "sizes": first["sizes"], "bytes_at_1000": estimate_bytes(first["sizes"], 1000),
            "rebuild": first["rebuild"]["total"], "rebuild_stages": first["rebuild"]["stages"],
            "rebuild_ratio": first["rebuild"]["total"] / pairs[-1][large]["total"],
            "large_build": first[large]}


def table(r: dict[str, object]) -> str:
    v = r["validation"]
    rows = []
    if "domains" in v:
        d = v["domains"]
        rows.append(("`jxs validate` domain files ÷ check-jsonschema",
                     f"{d['jxs']:.3f} s / {d['peer']:.3f} s (CPU {d['cpu_ratio']:.2f}×)",
                     d["ratio"], "≤ 0.3", d["ratio"] <= 0.3))
    o = v["one_file"]
    rows.append(("`jxs validate FILE` ÷ `import yaml, pydantic`",
                 f"{o['jxs']:.3f} s / {o['peer']:.3f} s (CPU {o['cpu_ratio']:.2f}×)",
                 o["ratio"], "≤ 1.6", o["ratio"] <= 1.6))
    s = r["shipped"]
    rows.append(("shipped build ÷ 1.3 s", f"{s['full']:.2f} s wall, {s['cpu']:.2f} s CPU", s["against_before"], "≤ 2",
                 s["against_before"] <= 2))
    rows.append(("shipped rebuild after one township ÷ full", f"{s['rebuild']['total']:.2f} s / {s['full']:.2f} s",
                 s["rebuild_ratio"], "—", None))
    if "scale" in r:
        c = r["scale"]
        worst = max(c["ratios"])
        rows.append((f"full build {c['large']} ÷ {c['small']} townships (worst of {len(c['ratios'])})",
                     ", ".join(f"{x:.2f}" for x in c["ratios"]) + " wall; "
                     + ", ".join(f"{x:.2f}" for x in c["cpu_ratios"]) + " CPU", worst, "≤ 4.2", worst <= 4.2))
        rows.append((f"peak memory at {c['large']}", f"{c['peak_mb']:.0f} MB (main {c['main_mb']:.0f} MB, largest "
                     f"worker {c['worker_mb']:.0f} MB)", c["peak_mb"], "≤ 512", c["peak_mb"] <= 512))
        gb = c["bytes"]["written"] / 1e9
        rows.append((f"bytes written at {c['large']} × 10", f"{gb:.2f} GB ({c['bytes']['apparent'] / 1e9:.2f} GB "
                     "counting each link)", gb, "—", None))
        z = c["sizes"]
        est = c["bytes_at_1000"] / 1e9
        rows.append(("bytes at 1,000 × 10, estimated", f"{est:.2f} GB (per village {z.get('village', 0) / 1e3:.0f} KB, "
                     f"per township {z.get('township', 0) / 1e3:.0f} KB)", est, "≤ 2.5", est <= 2.5))
        rows.append((f"rebuild after one township ÷ full ({c['large']})", f"{c['rebuild']:.1f} s",
                     c["rebuild_ratio"], "≤ 0.1", c["rebuild_ratio"] <= 0.1))
        big = c["large_build"]
        rows.append((f"item rows per CPU-second ({c['large']})", f"{big['rows']:,} rows, {big['cpu']:.1f} s CPU",
                     big["rows"] / big["cpu"], "—", None))
    lines = ["| figure | measured | ratio | target | met |", "|---|---|---|---|---|"]
    for name, measured, ratio, target, met in rows:
        lines.append(f"| {name} | {measured} | {ratio:.2f} | {target} | {'—' if met is None else 'yes' if met else 'no'} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=11, help="pairs for the validation figures")
    parser.add_argument("--builds", type=int, default=3, help="full builds of the shipped workspace")
    parser.add_argument("--scale", action="store_true", help="also the synthetic scale runs (slow)")
    parser.add_argument("--small", type=int, default=250)
    parser.add_argument("--large", type=int, default=1000)
    parser.add_argument("--scale-runs", type=int, default=3)
    parser.add_argument("--work", type=Path, default=REPO / "benchmarks" / "out",
                        help="where the builds are written (default: beside the project, where a user's out/ "
                             "is, not the system's temporary folder)")
    args = parser.parse_args()
    results: dict[str, object] = {"machine": machine()}
    args.work.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=args.work) as tmp:
        base = Path(tmp)
        results["validation"] = validation(args.runs, base)
        results["shipped"] = shipped(base, args.builds)
        if args.scale:
            results["scale"] = scale(base, args.small, args.large, args.scale_runs)
    results["machine"]["load_after"] = os.getloadavg()[0]  # type: ignore[index]
    (REPO / "benchmarks" / "results.json").write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n",
                                                      encoding="utf-8")
    print(table(results))


if __name__ == "__main__":
    main()
