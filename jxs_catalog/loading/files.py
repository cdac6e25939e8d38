"""Find a workspace and the files in it: which file is which, and how it is shown to the reader."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path

from jxs_catalog.diagnostics import Diagnostic, Severity
from jxs_catalog.errors import UsageProblem
from jxs_catalog.loading.source import read_limited
from jxs_catalog.messages import phrase

CONFIG = "jxs.yaml"
BASES = "bases.yaml"
STEM = re.compile(r"^[a-z0-9][a-z0-9-]*$")


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


def source_files(root: Path) -> list[Path]:
    """jxs.yaml, bases.yaml when there is one, and every domain and township file, in a stable order."""
    register = [root / BASES] if (root / BASES).is_file() else []
    return [root / CONFIG, *register, *yaml_files(root / "domains"), *yaml_files(root / "townships")]


def yaml_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml"))


def meant_as_yaml(name: str) -> str | None:
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
        right = meant_as_yaml(file.name)
        if right is None:
            continue
        if file.name.lower().endswith(".txt"):
            hint = phrase("hint.notepad-txt", right=right)
        else:
            hint = phrase("hint.lowercase-extension", right=right)
        out.append(Diagnostic("JXS015", display_path(file, root), 0, 0, {"name": file.name, "hint": hint},
                              Severity.WARNING))
    return out


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


def domain_file_names(root: Path) -> dict[Path, str]:
    """Each domain file with the name its top line gives, read without parsing the file."""
    named: dict[Path, str] = {}
    for file in yaml_files(root / "domains"):
        try:
            head = file.read_bytes()[:8192].decode("utf-8", "replace")
        except OSError:
            head = ""
        m = _NAME_LINE.search(head)
        named[file] = m.group("name").strip() if m else ""
    return named
