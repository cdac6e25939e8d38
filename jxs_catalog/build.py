"""The build driver: validate, merge, render everything into staging, then swap it in.

Nothing is written unless the workspace has no errors; nothing replaces the
previous output until the new one is complete.
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import json
import os
import secrets
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from jxs_catalog import __version__
from jxs_catalog.catalog import Catalog, Compiled
from jxs_catalog.diagnostics import Diagnostic, Severity
from jxs_catalog.errors import UsageProblem, os_reason
from jxs_catalog.jsontext import indented
from jxs_catalog.loading.files import source_files
from jxs_catalog.loading.source import read_limited
from jxs_catalog.models import Settings
from jxs_catalog.pipeline import Result, build_date, compile_workspace
from jxs_catalog.register import register_of
from jxs_catalog.rendering.paths import data_rel, page_rel, xlsx_rel
from jxs_catalog.rendering.sandbox import TemplateProblem, compile_all
from jxs_catalog.rendering.units import Context, Unit, fingerprint, render_units, renderers
from jxs_catalog.staging import Staging, Written, build_lock, check_out, discard, make_staging, recover, swap_in
from jxs_catalog.timing import Stopwatch, measure
from jxs_catalog.writing import create_file

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

Progress = Callable[[str, int, int], None]
# Below this many catalogs to render (a township's village lists count), starting worker processes
# costs more than it saves (benchmarks/README.md: 20 townships without villages build faster in one
# process; the shipped workspace, 18 units with 159 village lists, faster in two).
PARALLEL_FROM = 32


@dataclass(slots=True)
class BuildReport:
    diagnostics: list[Diagnostic]
    files: int
    out: Path | None = None
    catalogs: dict[str, int] = field(default_factory=dict)  # scope -> count
    items: int = 0
    outputs: int = 0
    written: bool = False
    rendered: int = 0  # units rendered anew (the rest were unchanged and reused)


def _inputs(result: Result) -> list[dict[str, str]]:
    """Every source the build reads, with its hash: each spelling loading accepts (.yaml and .yml)."""
    root = result.workspace.root
    files = source_files(root)
    if (root / "templates").is_dir():
        files += sorted(p for p in (root / "templates").rglob("*") if not p.is_dir())
    out = []
    for f in files:
        # Read by the source rules: a FIFO or a link out of the workspace is not read (the loader reports it).
        data, _ = read_limited(f, f.name, root)
        if data is not None:
            out.append({"path": f.relative_to(root).as_posix(), "sha256": hashlib.sha256(data).hexdigest()})
    return out


def _units(compiled: Compiled, ctx: Context, templates: str, inputs: list[dict[str, str]]) -> list[Unit]:
    villages: dict[str, list[Catalog]] = {}
    for v in compiled.villages:
        villages.setdefault(v.township_id or "", []).append(v)
    units = [Unit(compiled.county), *(Unit(t, villages.get(t.id, [])) for t in compiled.townships)]
    sources = {i["path"]: i["sha256"] for i in inputs}
    shared = hashlib.sha256("".join(f"{p}={h};" for p, h in sources.items()
                                    if not p.startswith("townships/")).encode() + templates.encode()).hexdigest()
    for unit in units:
        own = sources.get(f"townships/{unit.catalog.id}.yaml", "") if unit.catalog.scope == "township" else ""
        unit.fingerprint = fingerprint(unit, ctx, shared, own)
    return units


def _previous(target: Path) -> tuple[dict[str, str], dict[str, Written]]:
    """The last build's fingerprints and outputs, if its manifest is readable."""
    try:
        data = json.loads((target / "manifest.json").read_text(encoding="utf-8"))
        prints = {c["id"]: c["fingerprint"] for c in data["catalogs"] if c.get("fingerprint")}
        outputs = {o["path"]: Written(o["path"], o["sha256"], o["kind"]) for o in data["outputs"]}
        return prints, outputs
    except (OSError, ValueError, KeyError, TypeError):
        return {}, {}


def _link(src: str, dst: str) -> None:
    """dst's folder exists: it comes from Staging.place."""
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst, follow_symlinks=False)


def _unchanged(path: str, sha256: str) -> bool:
    """The file is still what the manifest says was written (not edited, replaced or backdated)."""
    try:
        digest = hashlib.sha256()
        with open(path, "rb") as handle:
            while chunk := handle.read(1 << 20):
                digest.update(chunk)
        return digest.hexdigest() == sha256
    except OSError:
        return False


def _intact(folder: str, units: list[list[tuple[str, str]]]) -> list[bool]:
    """For each unit's files (path, sha256), whether all are what the last build wrote."""
    return [all(_unchanged(os.path.join(folder, rel), sha) for rel, sha in files) for files in units]


# Files to check above which the hashing is shared among worker processes (a thousand townships'
# 26,000 files: 2.4 s in one process, 1.3 s in two; threads were slower than one process, each
# small file's read handing the interpreter's lock back and forth).
HASH_APART_FROM = 5000


def _reusable(units: list[Unit], target: Path, previous: tuple[dict[str, str], dict[str, Written]],
              jobs: int) -> list[Unit]:
    """The units whose fingerprints match the last build and whose files are still what it wrote."""
    prints, outputs = previous
    folder = str(target)  # paths as strings: a large workspace reuses tens of thousands of files
    candidates: list[tuple[Unit, list[tuple[str, str]]]] = []
    for unit in units:
        if prints.get(unit.catalog.id) != unit.fingerprint:
            continue
        rels = unit.paths()
        if all(rel in outputs and not os.path.islink(os.path.join(folder, rel)) for rel in rels):
            candidates.append((unit, [(rel, outputs[rel].sha256) for rel in rels]))
    # A file changed after the last build (saved in Excel, say) has its unit rendered anew.
    files = [rels for _, rels in candidates]
    if jobs > 1 and sum(map(len, files)) >= HASH_APART_FROM:
        kept = _intact_apart(folder, files, jobs)
    else:
        kept = _intact(folder, files)
    return [unit for (unit, _), ok in zip(candidates, kept, strict=True) if ok]


def _intact_apart(folder: str, files: list[list[tuple[str, str]]], jobs: int) -> list[bool]:
    """_intact() in worker processes, a few batches each."""
    size = -(-len(files) // (jobs * 4))
    batches = [files[i:i + size] for i in range(0, len(files), size)]
    with _worker_pool(jobs) as pool:
        return [ok for batch in pool.map(_intact, [folder] * len(batches), batches) for ok in batch]


def _reuse(unit: Unit, target: Path, stage: Staging, outputs: dict[str, Written]) -> None:
    """Link an unchanged unit's files from the previous output instead of rendering them again."""
    folder = str(target)
    for rel in unit.paths():
        _link(os.path.join(folder, rel), stage.place(rel))
        stage.written.append(outputs[rel])


def _render(compiled: Compiled, ctx: Context, stage: Staging, target: Path, jobs: int, inputs: list[dict[str, str]],
            progress: Progress | None, clock: Stopwatch | None) -> tuple[dict[str, str], int]:
    """Write every output into staging; return each catalog's fingerprint and how many units were rendered."""
    site, _ = renderers(ctx)
    compile_all(site.env, ctx.root)
    units = _units(compiled, ctx, site.digest(), inputs)
    with measure(clock, "reuse"):
        # Read again under the build lock (check_out read it before): another build may have
        # replaced the output in between.
        previous = _previous(target)
        reused = {id(u) for u in _reusable(units, target, previous, jobs)}
        todo = []
        for unit in units:
            if id(unit) in reused:
                _reuse(unit, target, stage, previous[1])
            else:
                todo.append(unit)
    done = len(units) - len(todo)
    if progress:
        progress("", done, len(units))
    def fixed_pages() -> None:
        with measure(clock, "site"):
            for rel, data, kind in site.fixed_pages(compiled):
                stage.write(rel, data, kind)

    if jobs > 1 and sum(1 + len(u.villages) for u in todo) >= PARALLEL_FROM:
        with measure(clock, "render (parallel)"):
            # The front and domain pages are made here while the workers render the units.
            _render_parallel(todo, ctx, stage, jobs, progress, done, len(units), fixed_pages)
    else:
        for unit in todo:
            stage.written.extend(render_units([unit], ctx))
            done += 1
            if progress:
                progress(unit.catalog.name, done, len(units))
        fixed_pages()
    with measure(clock, "links"):
        # The site carries its own copies of the workbooks and data, so it can be uploaded alone.
        for written in [w for w in stage.written if w.path.startswith(("xlsx/", "data/"))]:
            _link(os.path.join(stage.root, written.path), stage.place(f"site/downloads/{written.path}"))
            stage.written.append(Written(f"site/downloads/{written.path}", written.sha256, written.kind))
    prints = {u.catalog.id: u.fingerprint for u in units}
    for u in units:
        for v in u.villages:
            prints[v.id] = u.fingerprint
    return prints, len(todo)


# What a row of a county or township catalog costs against a row of a village list: its workbook
# row is laid out and measured, while a village list is filled in from its township's prototypes
# (in the shipped workspace the county's 394 rows take 0.32 s, a township's 193 rows with a
# thousand village rows about 0.23 s).
OWN_ROW_WEIGHT = 16


def _weight(unit: Unit) -> int:
    """What a unit's rendering time goes with: its own rows, and more lightly its village lists'."""
    return OWN_ROW_WEIGHT * unit.catalog.item_count + sum(v.item_count for v in unit.villages)


def _render_parallel(todo: list[Unit], ctx: Context, stage: Staging, jobs: int, progress: Progress | None,
                     done: int, total: int, meanwhile: Callable[[], None]) -> None:
    """The units in worker processes; meanwhile() runs here once they are handed out."""
    from concurrent.futures import as_completed

    # Batches of several units amortise the cost of sending catalogs to a worker when there are
    # many; the heaviest go first so that no worker is left with a large unit at the end while the
    # others wait (a county of 18 units goes one unit at a time).
    size = max(1, min(16, len(todo) // (jobs * 8)))
    todo = sorted(todo, key=_weight, reverse=True)
    batches = [todo[i:i + size] for i in range(0, len(todo), size)]
    pool = _worker_pool(jobs)
    try:
        futures = {pool.submit(render_units, batch, ctx): batch for batch in batches}
        meanwhile()
        for future in as_completed(futures):
            stage.written.extend(future.result())
            done += len(futures[future])
            if progress:
                progress(futures[future][-1].catalog.name, done, total)
    finally:
        # On Ctrl-C or an error the queued batches are dropped; only the parent reports.
        pool.shutdown(wait=True, cancel_futures=True)


def _worker_pool(jobs: int) -> ProcessPoolExecutor:
    """Worker processes forked where the system can (they inherit the build's state), set up by
    _worker_init."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    return ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context(method),
                               initializer=_worker_init, initargs=(os.getpid(),))


def _worker_init(parent: int) -> None:
    """Workers leave Ctrl-C to the parent, which stops the build with one message, and die with it."""
    import signal
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        # A killed parent would otherwise leave its workers rendering into an abandoned staging folder.
        import ctypes
        pr_set_pdeathsig = 1
        ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the line above took effect
        os._exit(1)


def _manifest(inputs: list[dict[str, str]], compiled: Compiled, stage: Staging, prints: dict[str, str],
              when: dt.datetime) -> bytes:
    catalogs = []
    for cat in compiled.catalogs:
        catalogs.append({"scope": cat.scope, "id": cat.id, "name": cat.name, "township": cat.township,
                         "code": cat.code, "kind": cat.kind, "items": cat.item_count, "xlsx": xlsx_rel(cat),
                         "html": page_rel(cat), "json": data_rel(cat, "json"), "csv": data_rel(cat, "csv"),
                         "fingerprint": prints.get(cat.id)})
    manifest = {
        "tool_version": __version__,
        "date": when.strftime("%Y-%m-%d"),
        "inputs": inputs,
        "outputs": [{"path": w.path, "sha256": w.sha256, "kind": w.kind}
                    for w in sorted(stage.written, key=lambda w: w.path)],
        "catalogs": catalogs,
    }
    return (indented(manifest) + "\n").encode("utf-8")


def default_jobs() -> int:
    """Both cores where there are two: rendering townships in parallel pays (benchmarks/README.md)."""
    env = os.environ.get("JXS_JOBS", "").strip()
    if env.isdigit() and int(env) > 0:
        return int(env)
    return max(1, min(4, os.cpu_count() or 1))


def run_build(root: Path, out: Path | None = None, strict: bool = False, progress: Progress | None = None,
              jobs: int | None = None, clock: Stopwatch | None = None, force: bool = False) -> BuildReport:
    result = compile_workspace(root, clock=clock)
    report = BuildReport(result.diagnostics, result.files)
    errors = [d for d in result.diagnostics if d.severity is Severity.ERROR or strict]
    settings = result.workspace.settings.model if result.workspace.settings else None
    if errors or result.compiled is None or settings is None:
        return report
    # The merged catalogs live until the end: keep the collector from rescanning them each time the
    # previous manifest's tens of thousands of entries, or anything else, are read or made.
    gc.freeze()
    try:
        with measure(clock, "check out"):
            target = check_out(out if out is not None else root / "out", root, force)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UsageProblem("out-not-writable", str(target), reason=os_reason(exc)) from exc
        with build_lock(target):
            recover(target)
            stage = _stage(result, settings, root, target, jobs, progress, clock, report)
            if stage is None:
                return report
            with measure(clock, "swap"):
                swap_in(stage.root, target)
    finally:
        gc.unfreeze()
    report.out = target
    report.written = True
    report.outputs = len(stage.written) + 1
    for cat in result.compiled.catalogs:
        report.catalogs[cat.scope] = report.catalogs.get(cat.scope, 0) + 1
    report.items = result.compiled.county.item_count
    return report


def _stage(result: Result, settings: Settings, root: Path, target: Path, jobs: int | None,
           progress: Progress | None, clock: Stopwatch | None, report: BuildReport) -> Staging | None:
    """Render everything into a new staging folder; None (and a diagnostic) when a template fails."""
    assert result.compiled is not None
    try:
        staging = make_staging(target)
    except OSError as exc:
        raise UsageProblem("out-not-writable", str(target), reason=os_reason(exc)) from exc
    try:
        stage = Staging(staging)
        register = register_of(result.workspace)
        ctx = Context(settings, build_date(result), root, staging, clock if (jobs or default_jobs()) == 1 else None,
                      register.lookup_table() if register else None, build=secrets.token_hex(8))
        inputs = _inputs(result)
        prints, report.rendered = _render(result.compiled, ctx, stage, target, jobs or default_jobs(), inputs,
                                          progress, clock)
        with measure(clock, "manifest"):
            create_file(staging / "manifest.json", _manifest(inputs, result.compiled, stage, prints, ctx.when))
    except TemplateProblem as problem:
        discard(staging)
        report.diagnostics.append(problem.diagnostic())
        return None
    except OSError as exc:
        # A full disk or a read-only location: the previous output stays as it was.
        discard(staging)
        raise UsageProblem("out-not-writable", str(target), reason=os_reason(exc)) from exc
    except BaseException:
        discard(staging)
        raise
    return stage
