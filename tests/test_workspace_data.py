"""The shipped Jishishan workspace: 26 pilot domains, 17 townships, real data only."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from jxs_catalog.pilot import PILOT_DOMAINS, PILOT_IDS
from jxs_catalog.pipeline import compile_workspace
from tests.conftest import REPO

TOWNSHIPS = {
    "吹麻滩镇": "622927100000", "大河家镇": "622927101000", "居集镇": "622927102000", "癿藏镇": "622927103000",
    "石塬镇": "622927104000", "安集镇": "622927105000", "银川镇": "622927106000", "刘集乡": "622927200000",
    "柳沟乡": "622927202000", "关家川乡": "622927203000", "胡林家乡": "622927204000", "寨子沟乡": "622927206000",
    "郭干乡": "622927207000", "徐扈家乡": "622927208000", "中咀岭乡": "622927209000", "小关乡": "622927210000",
    "铺川乡": "622927211000",
}
VILLAGES_TSV = Path(__file__).resolve().parent / "reference" / "jishishan-villages.tsv"
PLACEHOLDER = re.compile(r"TODO|FIXME|待定|待补充|待填|xxx|某某|lorem|示例|样例|placeholder", re.IGNORECASE)


@pytest.fixture(scope="module")
def result():  # type: ignore[no-untyped-def]
    return compile_workspace(REPO)


def test_workspace_is_valid(result) -> None:  # type: ignore[no-untyped-def]
    assert result.diagnostics == []


def test_the_26_pilot_domains_each_with_at_least_8_items(result) -> None:  # type: ignore[no-untyped-def]
    domains = {d.model.name: d.model for d in result.workspace.domains}
    assert set(PILOT_DOMAINS) <= set(domains)
    for name in PILOT_DOMAINS:
        assert len(domains[name].items) >= 8, name
        assert domains[name].department, name
        assert domains[name].reference, name
    assert sum(len(d.items) for d in domains.values()) >= 300


def test_pilot_domains_data_names_each_shipped_domain_file(result) -> None:  # type: ignore[no-untyped-def]
    """pilot_domains.yaml holds 26 distinct domains whose ids are the shipped files' stems."""
    assert len(PILOT_DOMAINS) == len(set(PILOT_DOMAINS)) == 26
    stems = {d.model.name: d.stem for d in result.workspace.domains}
    assert {name: stems[name] for name in PILOT_DOMAINS} == PILOT_IDS


def test_a_domain_outside_the_26(result) -> None:  # type: ignore[no-untyped-def]
    extra = [d.model for d in result.workspace.domains if d.model.name not in PILOT_DOMAINS]
    assert [d.name for d in extra] == ["村务公开"]
    village = [it for it in extra[0].items if "村级" in it.levels]
    assert len(village) >= len(extra[0].items) - 1


def test_the_17_townships_by_name_and_code(result) -> None:  # type: ignore[no-untyped-def]
    found = {t.model.name: t.model.code for t in result.workspace.townships}
    assert found == TOWNSHIPS


def _reference_villages() -> dict[str, list[tuple[str, str, str]]]:
    """Township name -> its villages (name, code, kind) in the statistics office's order."""
    out: dict[str, list[tuple[str, str, str]]] = {}
    with VILLAGES_TSV.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            assert TOWNSHIPS[row["township_name"]] == row["township_code"], row
            out.setdefault(row["township_name"], []).append((row["village_name"], row["village_code"], row["kind"]))
    return out


def test_the_reference_copy_holds_159_villages() -> None:
    reference = _reference_villages()
    kinds = [kind for villages in reference.values() for _, _, kind in villages]
    assert (len(kinds), kinds.count("村"), kinds.count("社区")) == (159, 145, 14)
    assert set(reference) == set(TOWNSHIPS)


def test_every_township_lists_its_villages_as_the_reference(result) -> None:  # type: ignore[no-untyped-def]
    reference = _reference_villages()
    for town in result.workspace.townships:
        listed = [(v.name, v.code, v.kind) for v in town.model.villages]
        assert listed == reference[town.model.name], town.path


def test_no_note_promises_a_list_to_come(result) -> None:  # type: ignore[no-untyped-def]
    for town in result.workspace.townships:
        assert "核实后" not in (town.model.note or ""), town.path


def test_a_village_list_for_each_of_the_159(result) -> None:  # type: ignore[no-untyped-def]
    villages = result.compiled.villages
    assert len(villages) == 159
    assert len({v.id for v in villages}) == 159
    assert all(v.id == v.code for v in villages)


def test_at_least_three_townships_adjust_the_standard(result) -> None:  # type: ignore[no-untyped-def]
    adjusted = [t.model.name for t in result.workspace.townships
                if t.model.exclusions or t.model.changes or t.model.additions]
    assert len(adjusted) >= 3
    liugou = next(t.model for t in result.workspace.townships if t.model.name == "柳沟乡")
    assert any("重建" in a.category for a in liugou.additions)


def test_village_levels_in_the_plan_domains(result) -> None:  # type: ignore[no-untyped-def]
    for name in ("扶贫", "社会救助", "养老服务", "涉农补贴", "村务公开"):
        dom = next(d.model for d in result.workspace.domains if d.model.name == name)
        assert any("村级" in it.levels for it in dom.items), name


def test_no_placeholder_text_in_the_data() -> None:
    for folder in ("domains", "townships"):
        for path in sorted((REPO / folder).glob("*.yaml")):
            text = path.read_text(encoding="utf-8")
            assert not PLACEHOLDER.search(text), path


def test_bases_cite_titles(result) -> None:  # type: ignore[no-untyped-def]
    for d in result.workspace.domains:
        for it in d.model.items:
            for basis in it.basis:
                assert basis.startswith(("《", "【")) and "》" in basis, (d.path, it.name, basis)


def test_readme_states_the_item_counts(result) -> None:  # type: ignore[no-untyped-def]
    domains = [d.model for d in result.workspace.domains]
    total = sum(len(d.items) for d in domains)
    county = sum(1 for d in domains for it in d.items if "县级" in it.levels)
    with (REPO / "tests" / "reference" / "guideline-matters.tsv").open(encoding="utf-8") as handle:
        guideline = sum(1 for _ in handle) - 1
    readme = (REPO / "README.md").read_text(encoding="utf-8").replace("\n", "")
    assert f"{len(domains)} 个领域" in readme
    assert f"{total} 个事项" in readme and f"{guideline} 个是已查实名称的国家指引事项" in readme
    assert f"县级的 {county} 个" in readme
