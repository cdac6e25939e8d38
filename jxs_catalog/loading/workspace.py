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

from jxs_catalog.diagnostics import Diagnostic, Severity
from jxs_catalog.errors import UsageProblem
from jxs_catalog.loading.source import parse_bytes, read_limited, read_source
from jxs_catalog.messages import phrase
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
    stem = file.name.split(".")[0] if _meant_as_yaml(file.name) else file.stem
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


def _meant_as_yaml(name: str) -> str | None:
    """The name a file meant as YAML should have (`liugou.yaml.txt`, `liugou.YAML`), or None."""
    lower = name.lower()
    for suffix in (".yaml.txt", ".yml.txt", ".yaml", ".yml"):
        if lower.endswith(suffix) and not name.endswith((".yaml", ".yml")):
            return name[: len(name) - len(suffix)] + ".yaml"
    return None


def misnamed(folder: Path, root: Path) -> list[Diagnostic]:
    """A warning for each file in folder that was meant as YAML but will not be read."""
    if not folder.is_dir():
        return []
    out: list[Diagnostic] = []
    for file in sorted(folder.iterdir()):
        right = _meant_as_yaml(file.name)
        if right is None:
            continue
        if file.name.lower().endswith(".txt"):
            hint = phrase("hint.notepad-txt", right=right)
        else:
            hint = phrase("hint.lowercase-extension", right=right)
        out.append(Diagnostic("JXS015", display_path(file, root), 0, 0, {"name": file.name, "hint": hint},
                              Severity.WARNING))
    return out


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
        folders = [root / "domains", root / "townships"]
    else:
        only = list(only)
        files = [(f, kind_of_file(f, root)) for f in expand_paths(only)]
        folders = [p for p in only if p.is_dir()]
        for file, _ in files:
            if _meant_as_yaml(file.name) is not None:
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


# A domain file's top-level name line, read without parsing the file.
_NAME_LINE = re.compile(r"^(?:name|名称|领域)[ \t]*[:：][ \t]*['\"]?(?P<name>[^'\"#\n]*?)['\"]?[ \t]*(?:#.*)?$", re.M)


def load_referenced_domains(root: Path, refs: set[str],
                            channels: tuple[str, ...] = ()) -> tuple[list[Loaded[Domain]], set[str]]:
    """The domain files that references (by name or file id) point at, loaded, and the
    references whose file does not load. When a reference matches no file, every domain
    file is loaded, so that the message can suggest the nearest name."""
    named: dict[Path, str] = {}
    for file in _yaml_files(root / "domains"):
        try:
            head = file.read_bytes()[:8192].decode("utf-8", "replace")
        except OSError:
            head = ""
        m = _NAME_LINE.search(head)
        named[file] = m.group("name").strip() if m else ""
    hits = {f for f, name in named.items() if name in refs or f.stem in refs}
    matched = {named[f] for f in hits} | {f.stem for f in hits}
    files = sorted(named) if refs - matched else sorted(hits)
    context = {"extra_channels": channels}
    loaded = [_load(f, root, "domain", context) for f in files]
    unloadable = {ref for f, lf in zip(files, loaded, strict=True) if lf.model is None
                  for ref in refs if ref in (named[f], f.stem)}
    return loaded, unloadable
