"""jxs diff: what changed between two workspaces or git revisions, catalog by catalog."""

from __future__ import annotations

from pathlib import Path

from jxs_catalog.diffing.compare import (
    CatalogDiff,
    DiffResult,
    ElementChange,
    ItemChange,
    diff_workspaces,
)
from jxs_catalog.diffing.markdown import render_markdown
from jxs_catalog.diffing.render import render_json, render_text
from jxs_catalog.diffing.sides import Side, resolve_side
from jxs_catalog.writing import write_text

RENDERERS = {"text": render_text, "json": render_json, "markdown": render_markdown}


def diff_revisions(a: str, b: str, cwd: Path, fmt: str, lang: str, output: Path | None = None,
                   force: bool = False) -> tuple[DiffResult, str]:
    """Compare A with B and put the result into words; written to `output` when one is given."""
    with resolve_side(a, cwd) as side_a, resolve_side(b, cwd) as side_b:
        result = diff_workspaces(side_a, side_b)
    text = RENDERERS[fmt](result, lang)
    if output is not None:
        write_text(output, text, may_replace=force)
    return result, text

__all__ = [
    "CatalogDiff",
    "DiffResult",
    "ElementChange",
    "ItemChange",
    "Side",
    "diff_revisions",
    "diff_workspaces",
    "render_json",
    "render_markdown",
    "render_text",
    "resolve_side",
]
