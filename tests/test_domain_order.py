"""Domain data beyond the guideline names: their order, county additions marked, 村-only matters, spent citations."""

from __future__ import annotations

import csv

import pytest

from jxs_catalog.pipeline import compile_workspace
from tests.conftest import REPO

MATTERS = REPO / "tests" / "reference" / "guideline-matters.tsv"
COUNTY_ADDITION = "本县增加的事项"


def _reference() -> dict[str, list[tuple[str, str]]]:
    rows: dict[str, list[tuple[str, str]]] = {}
    with MATTERS.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            rows.setdefault(row["domain"], []).append((row["category"], row["name"]))
    return rows


REFERENCE = _reference()


@pytest.fixture(scope="module")
def domains():  # type: ignore[no-untyped-def]
    result = compile_workspace(REPO)
    return {d.model.name: d.model for d in result.workspace.domains}


@pytest.mark.parametrize("domain", sorted(REFERENCE))
def test_guideline_matters_keep_the_reference_order(domains, domain: str) -> None:  # type: ignore[no-untyped-def]
    keys = [(it.category, it.name) for it in domains[domain].items]
    positions = [keys.index(m) for m in REFERENCE[domain] if m in keys]
    assert positions == sorted(positions), REFERENCE[domain]


@pytest.mark.parametrize("domain", sorted(REFERENCE))
def test_every_matter_after_the_guideline_is_a_marked_county_addition(domains, domain: str) -> None:  # type: ignore[no-untyped-def]
    items = domains[domain].items
    guideline = set(REFERENCE[domain])
    last = max(i for i, it in enumerate(items) if (it.category, it.name) in guideline)
    unmarked = [it.name for it in items[last + 1:]
                if (it.category, it.name) not in guideline and not (it.note or "").startswith(COUNTY_ADDITION)]
    assert not unmarked, unmarked


RURAL_ONLY = {
    "农村危房改造": {"地震受损农房恢复重建政策和对象"},  # communities of the quake-hit towns hold rural homes too
    "农村集体土地征收": set(),
}


@pytest.mark.parametrize("domain", sorted(RURAL_ONLY))
def test_rural_collective_matters_stay_off_community_lists(domains, domain: str) -> None:  # type: ignore[no-untyped-def]
    village_items = [it for it in domains[domain].items if "村级" in it.levels]
    assert village_items
    for it in village_items:
        if it.name not in RURAL_ONLY[domain]:
            assert it.applies_to is not None and tuple(it.applies_to) == ("村",), it.name


def test_village_affairs_split_between_villages_and_communities(domains) -> None:  # type: ignore[no-untyped-def]
    items = domains["村务公开"].items
    rural = {it.name for it in items if it.applies_to is not None and tuple(it.applies_to) == ("村",)}
    both = {it.name for it in items if "村级" in it.levels and it.applies_to is None}
    assert {"村级财务收支", "宅基地使用方案和审批结果", "土地承包经营方案", "村务监督委员会履职情况"} <= rural
    assert {"低保特困和临时救助对象评议公示", "高龄津贴和养老服务补贴对象"} <= both


SUPERSEDED = ("财社〔2017〕164号", "自然资规〔2019〕2号", "建村〔2017〕192号", "建村〔2018〕115号")


def test_no_superseded_citation_in_the_domains_of_housing_land_and_jobs() -> None:
    for folder in ("domains", "townships"):
        for path in sorted((REPO / folder).glob("*.yaml")):
            text = path.read_text(encoding="utf-8")
            assert not [n for n in SUPERSEDED if n in text], path
