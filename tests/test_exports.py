"""JSON and CSV put together from each item's cached text say what encoding the whole catalog says."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from jxs_catalog.catalog import Catalog, Section
from jxs_catalog.pipeline import compile_workspace
from jxs_catalog.register import register_of
from jxs_catalog.rendering.exports import CSV_COLUMNS, Exports, _csv_row
from tests.conftest import REPO, SMALL


def _listed(catalog: Catalog) -> list[list[str]]:
    """The CSV's rows from each item as the catalog makes it, without the shared cells."""
    return [[zh for _, zh in CSV_COLUMNS], *(_csv_row(item) for item in catalog.items)]


@pytest.mark.parametrize("root", [SMALL, REPO], ids=["small", "shipped"])
def test_every_catalog_as_json_and_csv_says_what_its_items_say(root: Path) -> None:
    result = compile_workspace(root)
    assert result.compiled is not None
    register = register_of(result.workspace)
    exports = Exports(register.lookup_table() if register else None)
    for catalog in result.compiled.catalogs:
        whole = json.dumps(exports.catalog_dict(catalog, "2026-01-01"), ensure_ascii=False, separators=(",", ":"))
        assert exports.to_json(catalog, "2026-01-01").decode("utf-8") == whole + "\n"
        data = json.loads(whole)
        items = [it for s in data["sections"] for it in s["items"]]
        assert [it["subject"] for it in items] == [it.subject for it in catalog.items]
        text = exports.to_csv(catalog).decode("utf-8-sig")
        assert list(csv.reader(io.StringIO(text, newline=""))) == _listed(catalog)


def test_an_item_starting_like_a_formula_is_neutralised_under_any_subject() -> None:
    result = compile_workspace(SMALL)
    assert result.compiled is not None
    village = result.compiled.villages[0]
    tricky = Catalog("village", village.id, village.name, village.title, "=cmd|' /C calc'!A0",
                     sections=[Section(s.domain, s.domain_id, [it.with_subject("=cmd|' /C calc'!A0") for it in s.items])
                               for s in village.sections])
    rows = list(csv.reader(io.StringIO(Exports().to_csv(tricky).decode("utf-8-sig"), newline="")))
    subject = [zh for _, zh in CSV_COLUMNS].index("公开主体")
    assert {row[subject] for row in rows[1:]} == {"'=cmd|' /C calc'!A0"}
