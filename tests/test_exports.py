"""JSON and CSV put together from each item's cached text say what encoding the whole catalog says."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jxs_catalog.catalog import Catalog, Published, Section
from jxs_catalog.models import committee
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


def _as_json(data: dict[str, Any]) -> Any:
    return json.loads(json.dumps(data, ensure_ascii=False))


def _expanded(lists: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Each village's list read back from its township's file of village lists, as catalog_dict says it."""
    out: dict[str, dict[str, Any]] = {}
    for group in lists["lists"]:
        for v in group["villages"]:
            sections = [{**s, "items": [{**it, "subject": v["subject"]} for it in s["items"]]} for s in group["sections"]]
            out[v["id"]] = {"scope": "village", "id": v["id"], "name": v["name"], "title": v["title"],
                            "subject": v["subject"], "township": lists["township"], "code": v["code"],
                            "kind": group["kind"], "date": lists["date"], "item_count": group["item_count"],
                            "sections": sections, "adjustments": [], "villages": []}
    return out


@pytest.mark.parametrize("root", [SMALL, REPO], ids=["small", "shipped"])
def test_a_townships_village_lists_file_holds_each_village_list_whole(root: Path) -> None:
    result = compile_workspace(root)
    assert result.compiled is not None
    exports = Exports()
    for town in result.compiled.townships:
        villages = [v for v in result.compiled.villages if v.township_id == town.id]
        lists = json.loads(exports.village_lists_json(town, villages, "2026-01-01"))
        assert lists["village_count"] == len(villages)
        assert _expanded(lists) == {v.id: _as_json(exports.catalog_dict(v, "2026-01-01")) for v in villages}
        # The table: each village named in the first column of its group's rows, which are its items.
        rows = list(csv.reader(io.StringIO(exports.village_lists_csv(villages).decode("utf-8-sig"), newline="")))
        assert rows[0] == ["村（居）", *(zh for _, zh in CSV_COLUMNS)]
        for v in villages:
            mine = [row[1:] for row in rows[1:] if v.name in row[0].split("、")]
            assert mine == [_csv_row(it.with_subject(committee(v.kind))) for it in v.items]


_AWKWARD = st.text(st.sampled_from(list("村委会,\"'\n\r=+-@ \t、《》")), max_size=8)


@settings(max_examples=150, deadline=None)
@given(lists=st.lists(st.tuples(_AWKWARD, st.sampled_from(["村", "社区"]), st.sampled_from(["a", "b", "own"])),
                      max_size=6),
       cell=_AWKWARD)
def test_village_lists_alike_but_for_the_committee_share_one_entry_and_read_back_as_their_own(
        lists: list[tuple[str, str, str]], cell: str) -> None:
    # Villages of a township are grouped where their lists are made from the same township items
    # (the same list, not an equal one) and of one kind. Lists from another township list, of
    # another kind or of items of their own must each read back as their own, whatever the names.
    result = compile_workspace(SMALL)
    assert result.compiled is not None
    town, first = result.compiled.townships[0], result.compiled.villages[0]
    shared = {"a": [s.items.shared for s in first.sections],  # type: ignore[attr-defined]
              "b": [[replace(it, content=it.content + cell) for it in s.items.shared] for s in first.sections]}  # type: ignore[attr-defined]
    villages = []
    for n, (name, kind, made_from) in enumerate(lists):
        body = name + committee(kind)
        items = [[replace(it, content=it.content + str(n)) for it in s.items.shared] for s in first.sections] \
            if made_from == "own" else shared[made_from]  # type: ignore[attr-defined]
        sections = [Section(s.domain, s.domain_id, Published(mine, body) if made_from != "own" else
                            [it.with_subject(body) for it in mine], s.reference)
                    for s, mine in zip(first.sections, items, strict=True)]
        villages.append(Catalog("village", f"v{n}", name, f"{town.name}{name}", body, township=town.name,
                                township_id=town.id, sections=sections, kind=kind))
    exports = Exports()
    read_back = _expanded(json.loads(exports.village_lists_json(town, villages, "2026-01-01")))
    assert read_back == {v.id: _as_json(Exports().catalog_dict(v, "2026-01-01")) for v in villages}
