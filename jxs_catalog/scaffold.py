"""`jxs init`: a new workspace with one example domain and one example township."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from jxs_catalog.errors import UsageProblem
from jxs_catalog.schema import FILES, render_schemas

VSCODE_SETTINGS = {
    "files.encoding": "utf8",
    "files.eol": "\n",
    "editor.insertSpaces": True,
    "[yaml]": {"editor.tabSize": 2, "editor.insertSpaces": True},
    "yaml.schemas": {
        f"schemas/{FILES['domain']}": "domains/*.yaml",
        f"schemas/{FILES['township']}": "townships/*.yaml",
        f"schemas/{FILES['settings']}": "jxs.yaml",
    },
}


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in render_schemas().items():
        target = folder / name
        target.write_text(text, encoding="utf-8", newline="\n")
        written.append(target)
    return written


def init_workspace(target: Path) -> list[Path]:
    """Create the starter files in target; refuse to overwrite an existing workspace."""
    if (target / "jxs.yaml").exists():
        raise UsageProblem("init-not-empty", str(target))
    written: list[Path] = []
    starter = resources.files("jxs_catalog") / "starter"
    for rel in ("jxs.yaml", "domains/shenong-butie.yaml", "townships/shili.yaml"):
        dest = target / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_text(starter.joinpath(rel).read_text(encoding="utf-8"), encoding="utf-8", newline="\n")
        written.append(dest)
    written += write_schemas(target / "schemas")
    vscode = target / ".vscode" / "settings.json"
    vscode.parent.mkdir(parents=True, exist_ok=True)
    vscode.write_text(json.dumps(VSCODE_SETTINGS, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    written.append(vscode)
    (target / ".gitignore").write_text("out/\n", encoding="utf-8")
    written.append(target / ".gitignore")
    return written
