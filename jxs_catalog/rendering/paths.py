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
    """Where a catalog's data lives. A township's village lists share one file: they differ only in
    the committee's name, and thousands of villages would otherwise repeat their township's rows."""
    if cat.scope == "village":
        return village_data_rel(cat.township_id or "", ext)
    return f"data/{'townships/' if cat.scope == 'township' else ''}{cat.id}.{ext}"


def village_data_rel(township_id: str, ext: str) -> str:
    """The data of a township's village lists, all in one file."""
    return f"data/villages/{township_id}.{ext}"
