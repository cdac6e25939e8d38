"""Load a workspace's files and validate each: every file yields a model or diagnostics.

Loading never stops at the first bad file: a clerk sees every problem in one run.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jxs_catalog.diagnostics import Diagnostic
from jxs_catalog.loading.files import (
    BASES,
    CONFIG,
    STEM,
    display_path,
    domain_file_names,
    expand_paths,
    kind_of_file,
    meant_as_yaml,
    misnamed,
    yaml_files,
)
from jxs_catalog.loading.loaded import Loaded, Positions
from jxs_catalog.loading.source import parse_bytes, read_source
from jxs_catalog.models import Bases, Domain, Settings, Township
from jxs_catalog.timing import Stopwatch, measure
from jxs_catalog.validation import validate_tree


@dataclass(slots=True)
class Workspace:
    root: Path
    settings: Loaded[Settings] | None
    domains: list[Loaded[Domain]] = field(default_factory=list)
    townships: list[Loaded[Township]] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    files: int = 0
    bases: Loaded[Bases] | None = None  # the register of cited documents, when the workspace has one
    bases_reported: bool = True  # False when only other files were named: its problems are not theirs
    settings_named: bool = False  # jxs.yaml was among the files named

    @property
    def valid_domains(self) -> list[Loaded[Domain]]:
        return [d for d in self.domains if d.model is not None]

    @property
    def valid_townships(self) -> list[Loaded[Township]]:
        return [t for t in self.townships if t.model is not None]

    def all_diagnostics(self) -> list[Diagnostic]:
        out = list(self.diagnostics)
        if self.settings:
            out.extend(self.settings.diagnostics)
        if self.bases and self.bases_reported:
            out.extend(self.bases.diagnostics)
        for domain in self.domains:
            out.extend(domain.diagnostics)
        for township in self.townships:
            out.extend(township.diagnostics)
        return out


def _load(file: Path, root: Path, kind: str, context: dict[str, Any], data: bytes | None = None,
          clock: Stopwatch | None = None) -> Loaded[Any]:
    shown = display_path(file, root)
    stem = file.name.split(".")[0] if meant_as_yaml(file.name) else file.stem
    with measure(clock, "load"):
        source, diags = read_source(file, shown, root) if data is None else parse_bytes(data, shown)
    if source.tree is None:
        return Loaded(shown, stem, None, Positions(), diags)
    with measure(clock, "validate"):
        loaded = validate_tree(source.tree, kind, shown, stem, context)
    loaded.diagnostics[:0] = diags
    if diags:  # typing hints mean the structure is not what the clerk meant
        loaded.model = None
    if kind != "settings" and not STEM.match(stem):
        loaded.diagnostics.append(Diagnostic("JXS014", shown, 1, 1, {"stem": stem}))
    return loaded


def extra_channels(root: Path) -> tuple[str, ...]:
    """The channels jxs.yaml adds to the standard list (none when it cannot be read)."""
    settings = load_settings(root)
    return tuple(settings.model.channels) if settings and settings.model else ()


def load_file(file: Path, root: Path, data: bytes | None = None, channels: tuple[str, ...] = ()) -> Loaded[Any]:
    """Validate one file (or the given bytes standing for it) in the workspace's context."""
    return _load(file, root, kind_of_file(file, root), {"extra_channels": channels}, data)


def load_settings(root: Path) -> Loaded[Settings] | None:
    config = root / CONFIG
    if not config.exists():
        return None
    return _load(config, root, "settings", {})


def load_workspace(root: Path, only: Iterable[Path] | None = None, clock: Stopwatch | None = None) -> Workspace:
    """Load jxs.yaml and every domain and township file (or only the files named)."""
    settings = load_settings(root)
    ws = Workspace(root, settings)
    if settings is None:
        ws.diagnostics.append(Diagnostic("JXS122", CONFIG, 0, 0))
    extra = settings.model.channels if settings and settings.model else ()
    context = {"extra_channels": extra}
    if only is None:
        files = [(f, "domain") for f in yaml_files(root / "domains")]
        files += [(f, "township") for f in yaml_files(root / "townships")]
        folders = [root / "domains", root / "townships"]
    else:
        only = list(only)
        files = [(f, kind_of_file(f, root)) for f in expand_paths(only)]
        folders = [p for p in only if p.is_dir()]
        for file, _ in files:
            if meant_as_yaml(file.name) is not None:
                ws.diagnostics.extend(d for d in misnamed(file.parent, root) if d.params["name"] == file.name)
    for folder in folders:
        ws.diagnostics.extend(misnamed(folder, root))
    ws.files = len(files) + (1 if settings and only is None else 0)
    for file, kind in files:
        if kind in ("settings", "bases"):
            ws.settings_named = ws.settings_named or kind == "settings"
            continue
        loaded = _load(file, root, kind, context, clock=clock)
        (ws.domains if kind == "domain" else ws.townships).append(loaded)
    named = [f for f, kind in files if kind == "bases"]
    register = named[0] if named else root / BASES
    # Files named alone need the register only for the basis lines they cite: its own
    # problems are reported only when it is named itself.
    if (only is None or named or _cites(ws)) and register.is_file():
        ws.bases = _load(register, root, "bases", {}, clock=clock)
        ws.bases_reported = only is None or bool(named)
        ws.files += 1 if only is None else 0
    return ws


def _cites(ws: Workspace) -> bool:
    """Whether a loaded file has a basis line for the register to resolve (see register.basis_sites)."""
    for lf in ws.domains:
        if lf.model is not None and any(item.basis for item in lf.model.items):
            return True
    for lt in ws.townships:
        town = lt.model
        if town is not None and (any(a.basis for a in town.additions) or any(c.set.basis for c in town.changes)):
            return True
    return False


def load_referenced_domains(root: Path, refs: set[str],
                            channels: tuple[str, ...] = ()) -> tuple[list[Loaded[Domain]], set[str]]:
    """The domain files that references (by name or file id) point at, loaded, and the
    references whose file does not load. When a reference matches no file, every domain
    file is loaded, so that the message can suggest the nearest name."""
    named = domain_file_names(root)
    hits = {f for f, name in named.items() if name in refs or f.stem in refs}
    matched = {named[f] for f in hits} | {f.stem for f in hits}
    files = sorted(named) if refs - matched else sorted(hits)
    context = {"extra_channels": channels}
    loaded = [_load(f, root, "domain", context) for f in files]
    unloadable = {ref for f, lf in zip(files, loaded, strict=True) if lf.model is None
                  for ref in refs if ref in (named[f], f.stem)}
    return loaded, unloadable
