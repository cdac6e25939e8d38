"""The shipped domains carry the national guidelines' matters under their names."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from jxs_catalog.pipeline import compile_workspace
from tests.conftest import REPO

MATTERS = Path(__file__).parent / "reference" / "guideline-matters.tsv"
COUNTY_ADDITION = "本县增加的事项"


def _rows() -> list[dict[str, str]]:
    with MATTERS.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


@pytest.fixture(scope="module")
def domains():  # type: ignore[no-untyped-def]
    result = compile_workspace(REPO)
    return {d.model.name: d.model for d in result.workspace.domains}


def test_the_reference_table_is_well_formed() -> None:
    rows = _rows()
    assert rows, MATTERS
    keys = [(r["domain"], r["category"], r["name"]) for r in rows]
    assert len(keys) == len(set(keys))
    assert all(all(part.strip() == part and part for part in key) for key in keys)


@pytest.mark.parametrize("row", _rows(), ids=lambda r: f"{r['domain']}/{r['category']}/{r['name']}")
def test_each_guideline_matter_is_shipped_under_its_names(domains, row: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    domain = domains[row["domain"]]
    keys = {(it.category, it.name) for it in domain.items}
    assert (row["category"], row["name"]) in keys


def test_guideline_matters_are_not_marked_as_county_additions(domains) -> None:  # type: ignore[no-untyped-def]
    for row in _rows():
        item = next(it for it in domains[row["domain"]].items
                    if (it.category, it.name) == (row["category"], row["name"]))
        assert not (item.note or "").startswith(COUNTY_ADDITION), row


def test_county_additions_come_after_the_guideline_matters(domains) -> None:  # type: ignore[no-untyped-def]
    listed = {(r["domain"], r["category"], r["name"]) for r in _rows()}
    for name in {r["domain"] for r in _rows()}:
        items = domains[name].items
        added = [i for i, it in enumerate(items) if (it.note or "").startswith(COUNTY_ADDITION)]
        guided = [i for i, it in enumerate(items) if (name, it.category, it.name) in listed]
        if added and guided:
            assert max(guided) < min(added), name


def test_each_domain_names_its_guideline(domains) -> None:  # type: ignore[no-untyped-def]
    for name in {r["domain"] for r in _rows()}:
        reference = domains[name].reference or ""
        assert "基层政务公开标准" in reference, (name, reference)


# The five documents the citation audit found repealed, replaced or expired, each by a string only its citation holds.
SUPERSEDED = {
    "财社〔2017〕164号": "就业补助资金管理办法, replaced by 财社〔2026〕1号",
    "中央生态环境保护督察工作规定": "repealed by the 2025 生态环境保护督察工作条例",
    "自然资规〔2019〕2号": "re-issued as 自然资函〔2024〕709号",
    "财农〔2021〕22号": "涉农资金 integration for 2021–2025, expired",
    "第八个五年规划": "the 八五普法 plan for 2021–2025, expired",
}


@pytest.mark.parametrize("marker", sorted(SUPERSEDED))
def test_no_superseded_citation_remains(marker: str) -> None:
    for folder in ("domains", "townships"):
        for path in sorted((REPO / folder).glob("*.yaml")):
            assert marker not in path.read_text(encoding="utf-8"), f"{path.name}: {SUPERSEDED[marker]}"
