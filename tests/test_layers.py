"""Imports point one way: the bottom layers never reach up into the stages or the command line."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import REPO

PACKAGE = REPO / "jxs_catalog"
BOTTOM = ["loading", "models", "checks", "diagnostics", "keys", "vocab", "values", "fields", "messages", "errors",
          "jsontext"]
ABOVE = ["validation", "merging", "checking", "rendering", "build", "cli", "pipeline", "workspace", "coverage",
         "importing", "diffing", "fixing", "register", "terminal"]


def _modules(name: str) -> list[Path]:
    folder = PACKAGE / name
    return sorted(folder.rglob("*.py")) if folder.is_dir() else [PACKAGE / f"{name}.py"]


def _imports(path: Path) -> set[str]:
    """Every module the file imports, at its top or inside a function."""
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            out.add(node.module)
            out.update(f"{node.module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
    return out


@pytest.mark.parametrize("layer", BOTTOM)
def test_the_bottom_layers_import_nothing_above_them(layer: str) -> None:
    for path in _modules(layer):
        reached = sorted(m for m in _imports(path) for up in ABOVE
                         if m == f"jxs_catalog.{up}" or m.startswith(f"jxs_catalog.{up}."))
        assert reached == [], f"{path.relative_to(REPO)} imports {reached}"


def test_rendering_and_importing_do_not_reach_into_the_checks() -> None:
    for path in [*_modules("rendering"), *_modules("importing")]:
        reached = sorted(m for m in _imports(path) if m.startswith(("jxs_catalog.checking", "jxs_catalog.cli")))
        assert reached == [], f"{path.relative_to(REPO)} imports {reached}"
    for path in _modules("importing"):
        assert not any(m.startswith("jxs_catalog.rendering") for m in _imports(path)), path


def test_only_the_command_line_imports_click() -> None:
    users = sorted(p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*.py")
                   if any(m == "click" or m.startswith("click.") for m in _imports(p)))
    assert users == ["cli.py"]


def test_the_command_line_writes_no_file() -> None:
    """cli.py parses, calls the core and prints: writing is writing.py's, through the core."""
    names = _imports(PACKAGE / "cli.py")
    assert not any(m.startswith("jxs_catalog.writing") for m in names)
    text = (PACKAGE / "cli.py").read_text(encoding="utf-8")
    assert not any(call in text for call in (".write_text(", ".write_bytes(", "os.replace(", "os.rename("))
