"""Find a workspace and load its files; each file yields a model or diagnostics.

Loading never stops at the first bad file: a clerk sees every problem in one run.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jxs_catalog.diagnostics import Diagnostic
from jxs_catalog.errors import UsageProblem
from jxs_catalog.loading.source import parse_bytes, read_limited, read_source
from jxs_catalog.models import Bases, Domain, Settings, Township
from jxs_catalog.timing import Stopwatch, measure
from jxs_catalog.validation import Loaded, Positions, validate_tree

CONFIG = "jxs.yaml"
BASES = "bases.yaml"
STEM = re.compile(r"^[a-z0-9][a-z0-9-]*$")


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


def find_root(start: Path) -> Path:
    """Walk up from start to the directory holding jxs.yaml."""
    here = start.resolve()
    for candidate in (here, *here.parents):
        if (candidate / CONFIG).is_file():
            return candidate
    raise UsageProblem("no-workspace", str(start))


def display_path(file: Path, root: Path) -> str:
    # Never resolve symlinks here: a link loop must still get a name to be reported under.
    absolute, base = Path(os.path.abspath(file)), Path(os.path.abspath(root))
    try:
        return absolute.relative_to(base).as_posix()
    except ValueError:
        try:
            return file.resolve().relative_to(root.resolve()).as_posix()
        except (ValueError, OSError, RuntimeError):
            return file.as_posix()


def _load(file: Path, root: Path, kind: str, context: dict[str, Any], data: bytes | None = None,
          clock: Stopwatch | None = None) -> Loaded[Any]:
    shown = display_path(file, root)
    stem = file.stem
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


def source_files(root: Path) -> list[Path]:
    """jxs.yaml, bases.yaml when there is one, and every domain and township file, in a stable order."""
    register = [root / BASES] if (root / BASES).is_file() else []
    return [root / CONFIG, *register, *_yaml_files(root / "domains"), *_yaml_files(root / "townships")]


def _yaml_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml"))


def load_settings(root: Path) -> Loaded[Settings] | None:
    config = root / CONFIG
    if not config.exists():
        return None
    return _load(config, root, "settings", {})


def kind_of_file(file: Path, root: Path) -> str:
    """domain, township or settings, judged by where the file lives."""
    if file.name == CONFIG:
        return "settings"
    parent = Path(os.path.abspath(file)).parent.name
    if file.name == BASES and parent not in ("townships", "domains"):
        return "bases"
    if parent == "townships":
        return "township"
    if parent == "domains":
        return "domain"
    # Outside the usual folders: a township file has no items list.
    data, _ = read_limited(file, file.name, root)
    head = (data or b"").decode("utf-8", errors="replace")[:4000]
    return "domain" if re.search(r"^(items|事项)\s*:", head, re.M) else "township"


def load_workspace(root: Path, only: Iterable[Path] | None = None, clock: Stopwatch | None = None) -> Workspace:
    """Load jxs.yaml and every domain and township file (or only the files named)."""
    settings = load_settings(root)
    ws = Workspace(root, settings)
    if settings is None:
        ws.diagnostics.append(Diagnostic("JXS122", CONFIG, 0, 0))
    extra = settings.model.channels if settings and settings.model else ()
    context = {"extra_channels": extra}
    if only is None:
        files = [(f, "domain") for f in _yaml_files(root / "domains")]
        files += [(f, "township") for f in _yaml_files(root / "townships")]
    else:
        files = [(f, kind_of_file(f, root)) for f in expand_paths(only)]
    ws.files = len(files) + (1 if settings else 0)
    for file, kind in files:
        if kind in ("settings", "bases"):
            continue
        loaded = _load(file, root, kind, context, clock=clock)
        (ws.domains if kind == "domain" else ws.townships).append(loaded)
    named = [f for f, kind in files if kind == "bases"]
    register = named[0] if named else root / BASES
    if register.is_file():
        ws.bases = _load(register, root, "bases", {}, clock=clock)
        ws.bases_reported = only is None or bool(named)
        ws.files += 1 if only is None else 0
    return ws


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """The files named, with folders expanded to the .yaml files inside them."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir() and not p.name.endswith((".yaml", ".yml")):
            for dirpath, dirnames, filenames in os.walk(p, followlinks=False):
                dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d != "out")
                out.extend(Path(dirpath) / f for f in sorted(filenames) if f.endswith((".yaml", ".yml")))
        elif not p.exists() and not p.is_symlink():
            raise UsageProblem("no-such-path", str(p))
        else:
            out.append(p)
    return out
