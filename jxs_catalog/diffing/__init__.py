"""jxs diff: what changed between two workspaces or git revisions, catalog by catalog."""

from __future__ import annotations

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

__all__ = [
    "CatalogDiff",
    "DiffResult",
    "ElementChange",
    "ItemChange",
    "Side",
    "diff_workspaces",
    "render_json",
    "render_markdown",
    "render_text",
    "resolve_side",
]
