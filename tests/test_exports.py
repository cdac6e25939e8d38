"""JSON and CSV put together from each item's cached text say what encoding the whole catalog says."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jxs_catalog.catalog import Catalog, Published, Section
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


_AWKWARD = st.text(st.sampled_from(list("村委会,\"'\n\r=+-@ \t\ue000、《》")), max_size=8)


@settings(max_examples=150, deadline=None)
@given(committee=_AWKWARD, cell=_AWKWARD, count=st.integers(0, 3))
def test_a_village_list_joined_from_its_townships_parts_reads_as_its_items_one_by_one(
        committee: str, cell: str, count: int) -> None:
    # A village list's sections are its township's items under the committee (Published): their JSON
    # and CSV are put together from the township section's text split where the subject goes. Any
    # name and any cell (quotes, commas, line breaks, a formula's first character, the stand-in
    # character itself) must give what encoding each item under the committee gives.
    result = compile_workspace(SMALL)
    assert result.compiled is not None
    village = result.compiled.villages[0]
    town_items = [[replace(it, content=it.content + cell) for it in s.items.shared[:count]]  # type: ignore[attr-defined]
                  for s in village.sections]
    shared = Catalog("village", village.id, village.name, village.title, committee, sections=[
        Section(s.domain, s.domain_id, Published(items, committee)) for s, items in zip(village.sections, town_items, strict=True)])
    plain = Catalog("village", village.id, village.name, village.title, committee, sections=[
        Section(s.domain, s.domain_id, [it.with_subject(committee) for it in items])
        for s, items in zip(village.sections, town_items, strict=True)])
    exports = Exports()
    for _ in range(2):  # the second time from the parts kept
        assert exports.to_json(shared, "2026-01-01") == Exports().to_json(plain, "2026-01-01")
        assert exports.to_csv(shared) == Exports().to_csv(plain)
