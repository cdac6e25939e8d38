"""Where each catalog's outputs live inside the output directory."""

from __future__ import annotations

from jxs_catalog.catalog import Catalog


def page_rel(cat: Catalog) -> str:
    """Where a catalog's page lives, relative to the output directory."""
    if cat.scope == "county":
        return "site/index.html"
    return f"site/{'townships' if cat.scope == 'township' else 'villages'}/{cat.id}.html"


def xlsx_rel(cat: Catalog) -> str:
    """A village list's notice-board workbook sits under villages/, named by its statistical code."""
    return f"xlsx/villages/{cat.id}.xlsx" if cat.scope == "village" else f"xlsx/{cat.id}.xlsx"


def data_rel(cat: Catalog, ext: str) -> str:
    folder = {"county": "", "township": "townships/", "village": "villages/"}[cat.scope]
    return f"data/{folder}{cat.id}.{ext}"
