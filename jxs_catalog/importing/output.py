"""Where `jxs import` puts what it read (the files of its output), and the check of what it wrote."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from jxs_catalog.diagnostics import Diagnostic, Severity
from jxs_catalog.errors import UsageProblem
from jxs_catalog.importing import ImportedDomain, ImportResult, domain_yaml, import_workbook
from jxs_catalog.loading.files import find_root
from jxs_catalog.loading.source import parse_bytes
from jxs_catalog.pilot import PILOT_IDS
from jxs_catalog.register import imported_unregistered, load_register
from jxs_catalog.timing import cyclic_gc_paused
from jxs_catalog.validation import validate_tree
from jxs_catalog.workspace import extra_channels
from jxs_catalog.writing import check_all, make_folder, write_text


def file_id(domain: ImportedDomain, taken: set[str]) -> str:
    """An ASCII file stem for the domain: the usual one for a pilot domain, else a numbered one."""
    base = PILOT_IDS.get(domain.name)
    stem, n = base or "domain-1", 2
    while stem in taken:
        stem = f"{base or 'domain'}-{n}"
        n += 1
    taken.add(stem)
    return stem


def check_written(text: str, shown: str, extra_channels: tuple[str, ...] = ()) -> list[Diagnostic]:
    """Validate the YAML exactly as written, so the clerk sees what is still missing."""
    source, diags = parse_bytes(text.encode("utf-8"), shown)
    if source.tree is None:
        return diags
    stem = re.sub(r"\.ya?ml$", "", os.path.basename(shown))
    context = {"extra_channels": extra_channels}
    return diags + validate_tree(source.tree, "domain", shown, stem, context).diagnostics


def write_imported(result: ImportResult, source: Path, output: Path | None, extra_channels: tuple[str, ...] = (),
                   force: bool = False) -> tuple[list[Path], list[Diagnostic], str]:
    """Write each imported domain; return the files written, all diagnostics, and text for stdout.

    Nothing is written when the workbook yielded no catalog or had file-level errors, nor when
    a file of the same name exists (unless force): an import never overwrites a clerk's work.
    """
    diags = list(result.diagnostics)
    if not result.domains:
        return [], diags, ""
    texts = [domain_yaml(d) for d in result.domains]
    if output is None:
        if len(texts) > 1:
            diags.append(Diagnostic("JXS417", source.name, 0, 0, {"count": len(texts)}, Severity.ERROR))
            return [], diags, ""
        diags.extend(check_written(texts[0], "<stdout>.yaml", extra_channels))
        return [], diags, texts[0]
    written: list[Path] = []
    if len(texts) == 1 and output.suffix in (".yaml", ".yml"):
        targets = [output]
    else:
        taken: set[str] = set()
        targets = [output / f"{file_id(d, taken)}.yaml" for d in result.domains]
    check_all(targets, may_replace=force)
    for target, text in zip(targets, texts, strict=True):
        make_folder(target.parent)
        write_text(target, text, may_replace=force)
        written.append(target)
        diags.extend(check_written(text, target.as_posix(), extra_channels))
    return written, diags, ""


@dataclass(slots=True)
class ImportRun:
    """What `jxs import` did: what it read, the files it wrote, its diagnostics and the YAML for stdout."""

    result: ImportResult
    written: list[Path]
    diagnostics: list[Diagnostic]
    stdout: str


def _workspace_near(near: Path) -> Path | None:
    try:
        return find_root(near)
    except UsageProblem:
        return None


def run_import(file: Path, output: Path | None, sheet: str | None, domain: str | None, force: bool = False,
               root: Path | None = None) -> ImportRun:
    """Read the workbook and write its domains; inside a workspace (`root`, else near the output or
    here), with jxs.yaml's own channels and a warning for every title bases.yaml does not know."""
    workspace = _workspace_near(root or (output.parent if output else Path.cwd()))
    extra = extra_channels(workspace) if workspace else ()
    if not file.exists():
        raise UsageProblem("no-such-path", str(file))
    result = import_workbook(file, sheet, domain, extra_channels=extra)
    with cyclic_gc_paused():  # writing and validating a large domain makes many objects, none in a cycle
        written, diags, stdout = write_imported(result, file, output, extra, force)
    register = load_register(workspace) if workspace else None
    if register:
        diags.extend(imported_unregistered(result.domains, register, file.name))
    return ImportRun(result, written, diags, stdout)
