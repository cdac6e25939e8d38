"""Villages and communities: entries with code and kind, applies_to, and their checks."""

from __future__ import annotations

from pathlib import Path

import pytest

from jxs_catalog.checking import run_check
from jxs_catalog.diagnostics import Diagnostic, Severity
from jxs_catalog.pipeline import compile_workspace
from tests.conftest import run

DONG = "townships/dong.yaml"
BUTIE = "domains/butie.yaml"


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JXS_TODAY", "2026-11-27")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def diagnostics(ws: Path, code: str) -> list[Diagnostic]:
    return [d for d in run_check(ws).diagnostics if d.code == code]


def villages_of(ws: Path) -> dict[str, list[str]]:
    """Village name -> the names of the items on its list."""
    compiled = compile_workspace(ws).compiled
    assert compiled is not None
    return {v.name: [it.name for it in v.items] for v in compiled.villages}


def with_codes(ws: Path) -> None:
    edit(ws / DONG, "villages: [东村, 南街社区]",
         'villages:\n  - name: 东村\n    code: "620000100201"\n    kind: 村\n'
         '  - 名称: 南街社区\n    区划代码: "620000100001"\n    类型: 社区\n')


# --- entries ---------------------------------------------------------------

def test_bare_names_take_their_kind_from_the_name(small: Path) -> None:
    compiled = compile_workspace(small).compiled
    assert compiled is not None
    kinds = {v.name: (v.kind, v.subject, v.code) for v in compiled.villages}
    assert kinds == {"东村": ("村", "东村村民委员会", None), "南街社区": ("社区", "南街社区居民委员会", None)}


def test_a_list_is_named_by_its_kind(small: Path) -> None:
    """Not 东村村（居）务公开清单: a village's list is 村务, a community's 居务 (its JSON and CSV title)."""
    compiled = compile_workspace(small).compiled
    assert compiled is not None
    titles = {v.name: v.title for v in compiled.villages}
    assert titles == {"东村": "东乡镇东村村务公开清单", "南街社区": "东乡镇南街社区居务公开清单"}


def test_mapping_entries_with_english_and_chinese_keys(small: Path) -> None:
    with_codes(small)
    result = compile_workspace(small)
    assert result.diagnostics == []
    assert result.compiled is not None
    found = {(v.name, v.code, v.kind, v.id) for v in result.compiled.villages}
    assert found == {("东村", "620000100201", "村", "620000100201"),
                     ("南街社区", "620000100001", "社区", "620000100001")}
    town = next(t for t in result.compiled.townships if t.name == "东乡镇")
    assert [(v.name, v.code, v.kind) for v in town.villages] == [
        ("东村", "620000100201", "村"), ("南街社区", "620000100001", "社区")]


def test_a_kind_outside_the_vocabulary(small: Path) -> None:
    edit(small / DONG, "villages: [东村, 南街社区]", "villages:\n  - name: 东村\n    kind: 行政村\n")
    (diag,) = diagnostics(small, "JXS107")
    assert (diag.path, diag.line) == (DONG, 5)
    assert "村、社区" in diag.message()


def test_a_malformed_village_code(small: Path) -> None:
    edit(small / DONG, "villages: [东村, 南街社区]", 'villages:\n  - name: 东村\n    code: "62000010020"\n')
    (diag,) = diagnostics(small, "JXS111")
    assert (diag.path, diag.line) == (DONG, 5)
    assert "12 位数字" in diag.message()
    assert "12 digits" in diag.message("en")


def test_kind_contradicting_the_name_is_a_warning(small: Path) -> None:
    edit(small / DONG, "villages: [东村, 南街社区]",
         "villages:\n  - name: 东村\n    kind: 社区\n  - name: 南街社区\n    kind: 村\n")
    found = diagnostics(small, "JXS125")
    assert [(d.line, d.severity) for d in found] == [(5, Severity.WARNING), (7, Severity.WARNING)]
    assert "“东村”的类型写成了“社区”" in found[0].message()
    assert "looks like a 村 (village)" in found[0].message("en")


def test_a_community_kind_for_a_name_without_suffix_is_fine(small: Path) -> None:
    edit(small / DONG, "villages: [东村, 南街社区]", "villages:\n  - name: 城东\n    kind: 社区\n")
    assert diagnostics(small, "JXS125") == []
    assert villages_of(small)["城东"]  # the list exists, published by 城东居民委员会


# --- codes across the workspace --------------------------------------------

def test_village_code_outside_its_township(small: Path) -> None:
    with_codes(small)
    edit(small / DONG, '"620000100201"', '"620000200201"')
    (diag,) = diagnostics(small, "JXS213")
    assert (diag.path, diag.line) == (DONG, 5)
    assert "不属于东乡镇（应以 620000100 开头）" in diag.message()
    assert "must start with 620000100" in diag.message("en")


def test_village_code_used_twice_in_the_county(small: Path) -> None:
    with_codes(small)
    edit(small / "townships" / "xi.yaml", 'code: "620000200000"',
         'code: "620000200000"\nvillages:\n  - name: 西村\n    code: "620000100201"\n')
    (diag,) = diagnostics(small, "JXS214")
    assert (diag.path, diag.line) == ("townships/xi.yaml", 5)
    assert "东村" in diag.message() and "townships/dong.yaml" in diag.message()
    assert "unique" in diag.message("en")


def test_codes_of_the_small_workspace_pass(small: Path) -> None:
    with_codes(small)
    codes = {d.code for d in run_check(small).diagnostics}
    assert codes.isdisjoint({"JXS111", "JXS125", "JXS213", "JXS214"})


# --- applies_to --------------------------------------------------------------

def test_rural_only_item_is_left_off_community_lists(small: Path) -> None:
    edit(small / BUTIE, "    levels: [乡级, 村级]\n", "    levels: [乡级, 村级]\n    applies_to: [村]\n")
    lists = villages_of(small)
    assert "补贴对象名单" in lists["东村"]
    assert "补贴对象名单" not in lists["南街社区"]
    assert "救灾款物发放" in lists["南街社区"]  # no applies_to: both kinds


def test_chinese_alias_and_a_single_value(small: Path) -> None:
    edit(small / BUTIE, "    levels: [乡级, 村级]\n", "    levels: [乡级, 村级]\n    适用于: 社区\n")
    lists = villages_of(small)
    assert "补贴对象名单" in lists["南街社区"]
    assert "补贴对象名单" not in lists["东村"]


def test_a_township_extends_a_rural_item_to_its_communities(small: Path) -> None:
    edit(small / BUTIE, "    levels: [乡级, 村级]\n", "    levels: [乡级, 村级]\n    applies_to: [村]\n")
    edit(small / DONG, "changes:\n", "changes:\n  - domain: 涉农补贴\n    item: 补贴对象名单\n"
         "    reason: 本镇社区仍有耕地承包户\n    set:\n      适用范围: [村, 社区]\n")
    result = compile_workspace(small)
    assert result.diagnostics == []
    assert result.compiled is not None
    by_name = {v.name: v for v in result.compiled.villages}
    assert "补贴对象名单" in [it.name for it in by_name["南街社区"].items]


def test_applies_to_without_village_level_in_a_domain(small: Path) -> None:
    edit(small / BUTIE, "    audience: 特定群体\n    levels: [县级, 乡级]\n",
         "    audience: 特定群体\n    levels: [县级, 乡级]\n    applies_to: [村]\n")
    (diag,) = diagnostics(small, "JXS124")
    assert (diag.path, diag.line) == (BUTIE, 46)
    assert "没有“村级”" in diag.message()
    assert "Add 村级 or remove applies_to" in diag.message("en")


def test_applies_to_without_village_level_in_a_change(small: Path) -> None:
    edit(small / DONG, "      channels: [入户/现场, 大喇叭, 村（居）民微信群]",
         "      levels: [县级, 乡级]\n      applies_to: [村]")
    (diag,) = diagnostics(small, "JXS124")
    assert (diag.path, diag.line) == (DONG, 15)


def test_applies_to_outside_the_vocabulary(small: Path) -> None:
    edit(small / BUTIE, "    levels: [乡级, 村级]\n", "    levels: [乡级, 村级]\n    applies_to: [农村]\n")
    (diag,) = diagnostics(small, "JXS107")
    assert (diag.path, diag.line) == (BUTIE, 36)


def test_outputs_carry_kind_code_and_applies_to(small: Path, tmp_path: Path) -> None:
    import json

    with_codes(small)
    edit(small / BUTIE, "    levels: [乡级, 村级]\n", "    levels: [乡级, 村级]\n    applies_to: [村]\n")
    out = tmp_path / "out"
    assert run("build", "-q", "--root", str(small), "--out", str(out)).exit_code == 0
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    villages = {c["name"]: c for c in manifest["catalogs"] if c["scope"] == "village"}
    assert (villages["南街社区"]["kind"], villages["南街社区"]["code"]) == ("社区", "620000100001")
    assert villages["东村"]["html"] == "site/villages/620000100201.html"
    assert villages["东村"]["json"] == "data/villages/dong.json"  # the township's village lists, in one file
    data = json.loads((out / "data" / "villages" / "dong.json").read_text(encoding="utf-8"))
    (rural,) = [group for group in data["lists"] if group["kind"] == "村"]
    assert [(v["name"], v["code"], v["subject"]) for v in rural["villages"]] == [("东村", "620000100201", "东村村民委员会")]
    subsidy = [it for s in rural["sections"] for it in s["items"] if it["name"] == "补贴对象名单"]
    assert subsidy[0]["applies_to"] == ["村"]
    (urban,) = [group for group in data["lists"] if group["kind"] == "社区"]
    assert "补贴对象名单" not in [it["name"] for s in urban["sections"] for it in s["items"]]
    csv_text = (out / "data" / "villages" / "dong.csv").read_text(encoding="utf-8-sig")
    assert csv_text.splitlines()[0].startswith("村（居）,领域,") and "适用于" in csv_text.splitlines()[0]
    page = (out / "site" / "villages" / "620000100001.html").read_text(encoding="utf-8")
    assert "类型：社区" in page and "620000100001" in page
    # The page offers its own notice board, and as data the file of its township's village lists.
    assert 'href="../downloads/xlsx/villages/620000100001.xlsx"' in page
    assert 'href="../downloads/data/villages/dong.csv"' in page and 'href="../downloads/data/villages/dong.json"' in page
    assert "补贴对象名单" not in page


# --- the shipped workspace ---------------------------------------------------

def test_shipped_build_has_159_village_lists_by_kind(tmp_path: Path) -> None:
    import json

    from jxs_catalog.build import run_build
    from tests.conftest import REPO

    out = tmp_path / "out"
    assert run_build(REPO, out).written
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    villages = [c for c in manifest["catalogs"] if c["scope"] == "village"]
    assert len(villages) == 159
    assert [sum(c["kind"] == k for c in villages) for k in ("村", "社区")] == [145, 14]
    for cat in villages:
        assert cat["html"] == f"site/villages/{cat['code']}.html"
        assert (out / cat["html"]).is_file() and (out / cat["json"]).is_file()
    # Within each township, a 社区's list is the 村 list minus the items for 村 only, and the reverse.
    lists: dict[tuple[str, str], set[tuple[str, str, str]]] = {}
    only: dict[str, set[tuple[str, str, str]]] = {"村": set(), "社区": set()}
    for cat in villages:
        # A village's list is the group of its township's file of village lists that names it.
        (data,) = [group for group in json.loads((out / cat["json"]).read_text(encoding="utf-8"))["lists"]
                   if cat["id"] in [v["id"] for v in group["villages"]]]
        assert (data["kind"], data["item_count"]) == (cat["kind"], cat["items"])
        keys = set()
        for section in data["sections"]:
            for it in section["items"]:
                key = (section["domain"], it["category"], it["name"])
                keys.add(key)
                if it["applies_to"] is not None:
                    assert it["applies_to"] == [data["kind"]] or len(it["applies_to"]) == 2
                    if len(it["applies_to"]) == 1:
                        only[data["kind"]].add(key)
        previous = lists.setdefault((cat["township"], cat["kind"]), keys)
        assert previous == keys, cat["name"]  # same kind, same township: same items
    for (town, kind), keys in lists.items():
        other = lists.get((town, "村" if kind == "社区" else "社区"))
        if other is not None:
            assert keys - other == {k for k in keys if k in only[kind]}, town
    # The shipped domains mark rural-collective matters: 社区 lists go without them.
    assert only["村"]
    for (town, kind), keys in lists.items():
        if kind == "社区":
            assert not [k for k in keys if "宅基地" in k[2] or (k[0] == "农村危房改造" and "补助" in k[2])], town


def test_a_village_list_reads_as_its_townships_items_under_its_committee(small: Path) -> None:
    import pickle

    from jxs_catalog.catalog import item_keys
    compiled = compile_workspace(small).compiled
    assert compiled is not None
    village = compiled.villages[0]
    town = next(t for t in compiled.townships if t.id == village.township_id)
    for section in village.sections:
        items = list(section.items)
        assert items and all(it.subject == village.subject for it in items)
        assert [it.key for it in items] == [it.key for it in section.items[:]] == item_keys(section.items)
        assert section.items[-1] == items[-1] and len(section.items) == len(items)
        assert section.items == items and pickle.loads(pickle.dumps(section.items)) == items
        own = next(s for s in town.sections if s.domain == section.domain)
        shared = {it.key: it for it in own.items}
        assert all(it.with_subject(shared[it.key].subject) == shared[it.key] for it in items)
