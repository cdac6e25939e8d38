"""What rendering the site in jinja2's sandbox costs beside a plain environment.

Run by hand: python benchmarks/sandbox.py [--runs N]. Renders every page of the shipped
workspace (index, domain and township pages, every village) in both environments
and prints the medians and their ratio.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import jinja2

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from jxs_catalog.pipeline import build_date, compile_workspace  # noqa: E402
from jxs_catalog.rendering.site import SiteRenderer  # noqa: E402


def render_all(site: SiteRenderer, compiled: object) -> None:
    for town in compiled.townships:  # type: ignore[attr-defined]
        site.township_page(town, [])
    for village in compiled.villages:  # type: ignore[attr-defined]
        site._village_protos.clear()
        site.village_page(village)
    site.fixed_pages(compiled)  # type: ignore[arg-type]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    result = compile_workspace(REPO)
    assert result.compiled is not None and result.workspace.settings and result.workspace.settings.model
    day = build_date(result).strftime("%Y-%m-%d")
    sandboxed = SiteRenderer(result.workspace.settings.model, day, REPO)
    plain = SiteRenderer(result.workspace.settings.model, day, REPO)
    plain.env = jinja2.Environment(loader=sandboxed.env.loader, autoescape=True, undefined=jinja2.StrictUndefined,
                                   trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    plain.env.filters.update(sandboxed.env.filters)
    times: dict[str, list[float]] = {"plain": [], "sandbox": []}
    for _ in range(args.runs):
        for name, site in (("plain", plain), ("sandbox", sandboxed)):
            start = time.perf_counter()
            render_all(site, result.compiled)
            times[name].append(time.perf_counter() - start)
    p, s = statistics.median(times["plain"]), statistics.median(times["sandbox"])
    print(f"plain {p:.3f} s, sandbox {s:.3f} s: {s / p:.2f}x")


if __name__ == "__main__":
    main()
