"""How long `jxs validate FILE` takes beside `python -c "import yaml, pydantic"`.

Run by hand: python benchmarks/startup.py [--runs N]. Prints the medians and their ratio.
"""

from __future__ import annotations

import argparse
import compileall
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def median_seconds(cmd: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    # jxs's bytecode first, as an install writes it: otherwise each run may compile jxs from source.
    compileall.compile_dir(REPO / "jxs_catalog", quiet=1)
    floor = median_seconds([sys.executable, "-c", "import yaml, pydantic"], args.runs)
    bare = median_seconds([sys.executable, "-c", "pass"], args.runs)
    one = median_seconds([sys.executable, "-m", "jxs_catalog", "validate", "domains/jiuzai.yaml"], args.runs)
    print(f"python -c pass                 {bare * 1000:7.1f} ms")
    print(f"python -c 'import yaml, pydantic' {floor * 1000:7.1f} ms")
    print(f"jxs validate domains/jiuzai.yaml {one * 1000:7.1f} ms")
    print(f"ratio validate / import floor  {one / floor:7.2f}")
    print(f"validate minus interpreter start {(one - bare) * 1000:7.1f} ms")


if __name__ == "__main__":
    main()
