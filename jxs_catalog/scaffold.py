"""`jxs init`: a new workspace with one example domain and one example township."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from jxs_catalog.errors import UsageProblem
from jxs_catalog.schema import FILES, render_schemas
from jxs_catalog.writing import check_all, check_writable, make_folder, write_text

VSCODE_SETTINGS = {
    "files.encoding": "utf8",
    "files.eol": "\n",
    "editor.insertSpaces": True,
    "[yaml]": {"editor.tabSize": 2, "editor.insertSpaces": True},
    "yaml.schemas": {
        f"schemas/{FILES['domain']}": "domains/*.yaml",
        f"schemas/{FILES['township']}": "townships/*.yaml",
        f"schemas/{FILES['settings']}": "jxs.yaml",
        f"schemas/{FILES['bases']}": "bases.yaml",
    },
}


SCHEMA_ID = "https://jxs.invalid/schemas/"


def _is_our_schema(path: Path) -> bool:
    """A schema jxs wrote before (its $id says so): replacing it with the current one loses nothing."""
    try:
        with path.open("rb") as handle:
            head = handle.read(4096)
    except OSError:
        return False
    return f'"$id": "{SCHEMA_ID}{path.name}"'.encode() in head


def write_schemas(folder: Path, force: bool = False) -> list[Path]:
    """The JSON Schemas into folder; a file of that name that is not jxs's schema needs force."""
    texts = {folder / name: text for name, text in render_schemas().items()}
    for target in texts:
        check_writable(target, force or _is_our_schema(target))
    make_folder(folder)
    for target, text in texts.items():
        write_text(target, text, may_replace=force or _is_our_schema(target))
    return list(texts)


def _starter_files(target: Path) -> dict[Path, str]:
    starter = resources.files("jxs_catalog") / "starter"
    files = {target / rel: starter.joinpath(rel).read_text(encoding="utf-8")
             for rel in ("jxs.yaml", "domains/shenong-butie.yaml", "townships/shili.yaml")}
    files.update({target / "schemas" / name: text for name, text in render_schemas().items()})
    files[target / ".vscode" / "settings.json"] = json.dumps(VSCODE_SETTINGS, ensure_ascii=False, indent=2) + "\n"
    files[target / ".gitignore"] = "out/\nreports/\n"
    return files


def init_workspace(target: Path, force: bool = False) -> list[Path]:
    """Create the starter files in target; an existing file is overwritten only with force."""
    if (target / "jxs.yaml").exists() and not force:
        raise UsageProblem("init-not-empty", str(target))
    files = _starter_files(target)
    check_all(files, may_replace=force)  # nothing is written when any file would be lost
    for path, text in files.items():
        make_folder(path.parent)
        write_text(path, text, may_replace=force)
    return list(files)
