"""The build driver: validate, merge, render everything into staging, then swap it in.

Nothing is written unless the workspace has no errors; nothing replaces the
previous output until the new one is complete.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from jxs_catalog import __version__
from jxs_catalog.catalog import Catalog
from jxs_catalog.compile import Result, compile_workspace
from jxs_catalog.diagnostics import Diagnostic, Severity
from jxs_catalog.errors import UsageProblem
from jxs_catalog.loading.source import os_reason
from jxs_catalog.merging import Compiled
from jxs_catalog.models import Settings
from jxs_catalog.outputs import Staging, check_out, recover, staging_name, swap_in

Progress = Callable[[str, int, int], None]


@dataclass(slots=True)
class BuildReport:
    diagnostics: list[Diagnostic]
    files: int
    out: Path | None = None
    catalogs: dict[str, int] = field(default_factory=dict)  # scope -> count
    items: int = 0
    outputs: int = 0
    written: bool = False


def build_date(result: Result) -> dt.datetime:
    """SOURCE_DATE_EPOCH when set, else the latest review date in the sources: never the clock."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc).replace(tzinfo=None)
    dates = [d.model.reviewed for d in result.workspace.domains if d.model and d.model.reviewed]
    dates += [t.model.reviewed for t in result.workspace.townships if t.model and t.model.reviewed]
    if dates:
        return dt.datetime.strptime(max(dates), "%Y-%m-%d")
    return dt.datetime(2000, 1, 1)


def xlsx_path(catalog: Catalog) -> str:
    return f"xlsx/{catalog.id}.xlsx"


def data_path(catalog: Catalog, ext: str) -> str:
    folder = {"county": "", "township": "townships/", "village": "villages/"}[catalog.scope]
    return f"data/{folder}{catalog.id}.{ext}"


def _inputs(result: Result) -> list[dict[str, str]]:
    root = result.workspace.root
    files = [root / "jxs.yaml"]
    files += sorted((root / "domains").glob("*.yaml")) + sorted((root / "townships").glob("*.yaml"))
    if (root / "templates").is_dir():
        files += sorted(p for p in (root / "templates").rglob("*") if p.is_file())
    out = []
    for f in files:
        if f.is_file():
            out.append({"path": f.relative_to(root).as_posix(),
                        "sha256": hashlib.sha256(f.read_bytes()).hexdigest()})
    return out


def _render(compiled: Compiled, settings: Settings, stage: Staging, when: dt.datetime, root: Path,
            progress: Progress | None) -> dict[str, dict[str, str | None]]:
    """Write every output into the staging directory; return each catalog's xlsx and html paths."""
    from jxs_catalog.rendering.exports import to_csv, to_json
    from jxs_catalog.rendering.site import render_site
    from jxs_catalog.rendering.xlsx import write_workbook

    day = when.strftime("%Y-%m-%d")
    books = [compiled.county, *compiled.townships]
    total = len(books) + len(compiled.catalogs) + 1
    done = 0
    paths: dict[str, dict[str, str | None]] = {}

    def tick(label: str) -> None:
        nonlocal done
        done += 1
        if progress:
            progress(label, done, total)

    for cat in books:
        rel = xlsx_path(cat)
        place = settings.county if cat.scope == "county" else cat.name
        write_workbook(cat, stage.target(rel), place, settings.title, when, tuple(settings.channels),
                       settings.publisher or "")
        stage.record(rel, "xlsx")
        tick(cat.name)
    for cat in compiled.catalogs:
        stage.write(data_path(cat, "json"), to_json(cat, day), "json")
        stage.write(data_path(cat, "csv"), to_csv(cat), "csv")
        paths[cat.id] = {"xlsx": xlsx_path(cat) if cat.scope != "village" else None}
        tick(cat.name)
    html = render_site(compiled, settings, stage, day, root)
    for cat_id, page in html.items():
        paths.setdefault(cat_id, {"xlsx": None})["html"] = page
    tick("site")
    return paths


def _manifest(result: Result, compiled: Compiled, stage: Staging, paths: dict[str, dict[str, str | None]],
              when: dt.datetime) -> bytes:
    catalogs = []
    for cat in compiled.catalogs:
        entry = {"scope": cat.scope, "id": cat.id, "name": cat.name, "township": cat.township,
                 "items": cat.item_count, "xlsx": paths.get(cat.id, {}).get("xlsx"),
                 "html": paths.get(cat.id, {}).get("html"),
                 "json": data_path(cat, "json"), "csv": data_path(cat, "csv")}
        catalogs.append(entry)
    manifest = {
        "tool_version": __version__,
        "date": when.strftime("%Y-%m-%d"),
        "inputs": _inputs(result),
        "outputs": [{"path": w.path, "sha256": w.sha256, "kind": w.kind}
                    for w in sorted(stage.written, key=lambda w: w.path)],
        "catalogs": catalogs,
    }
    return (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def run_build(root: Path, out: Path | None = None, strict: bool = False,
              progress: Progress | None = None) -> BuildReport:
    result = compile_workspace(root)
    report = BuildReport(result.diagnostics, result.files)
    errors = [d for d in result.diagnostics if d.severity is Severity.ERROR or strict]
    settings = result.workspace.settings.model if result.workspace.settings else None
    if errors or result.compiled is None or settings is None:
        return report
    target = check_out(out if out is not None else root / "out", root)
    staging = staging_name(target, "staging")
    try:
        recover(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir()
        stage = Staging(staging)
        when = build_date(result)
        paths = _render(result.compiled, settings, stage, when, root, progress)
        manifest = _manifest(result, result.compiled, stage, paths, when)
        (staging / "manifest.json").write_bytes(manifest)
    except OSError as exc:
        # A full disk or a read-only location: the previous output stays as it was.
        shutil.rmtree(staging, ignore_errors=True)
        raise UsageProblem("out-not-writable", f"{target}: {os_reason(exc)['zh']}") from exc
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    swap_in(staging, target)
    report.out = target
    report.written = True
    report.outputs = len(stage.written) + 1
    for cat in result.compiled.catalogs:
        report.catalogs[cat.scope] = report.catalogs.get(cat.scope, 0) + 1
    report.items = result.compiled.county.item_count
    return report
