"""Property tests over generated inputs: validation never raises, valid workspaces always
build with eight elements everywhere, merging does not depend on file order."""

from __future__ import annotations

import random
import shutil
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jxs_catalog import vocab
from jxs_catalog.build import run_build
from jxs_catalog.loading.source import parse_bytes
from jxs_catalog.merging import merge
from jxs_catalog.pipeline import compile_workspace
from jxs_catalog.validation import validate_tree

CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
PUNCT = st.sampled_from(list("，。、；：（）《》“”〔〕-/ 0123456789<>&\"'=+@#"))
TEXT = st.text(st.one_of(CJK, CJK, CJK, PUNCT), min_size=2, max_size=30).filter(
    lambda s: any("\u4e00" <= c <= "\u9fa5" for c in s) and s.strip() == s)
# A document's title: book-title marks inside it would make two titles of one basis (JXS132).
TITLE = TEXT.filter(lambda s: "《" not in s and "》" not in s)


def subsets(values: tuple[str, ...]) -> st.SearchStrategy[list[str]]:
    return st.lists(st.sampled_from(values), min_size=1, max_size=len(values), unique=True)


@st.composite
def items(draw: st.DrawFn) -> dict[str, Any]:
    method = draw(subsets(vocab.METHODS))
    levels = draw(subsets(vocab.LEVELS))
    if "村级" in levels and "乡级" not in levels:
        levels.append("乡级")
    item: dict[str, Any] = {
        "category": draw(TEXT), "name": draw(TEXT), "content": draw(TEXT),
        "basis": ["《" + draw(TITLE) + "》"], "time_limit": draw(TEXT), "method": method,
        "channels": draw(subsets(vocab.STANDARD_CHANNELS[:12] + vocab.VILLAGE_CHANNELS)),
        "audience": draw(subsets(vocab.AUDIENCES)), "levels": levels,
    }
    if method == ["依申请"]:
        item["reason"] = draw(TEXT)
    return item


@st.composite
def workspaces(draw: st.DrawFn) -> dict[str, Any]:
    n_domains = draw(st.integers(1, 3))
    domains = []
    for d in range(n_domains):
        its = draw(st.lists(items(), min_size=1, max_size=5))
        unique = {(i["category"], i["name"]): i for i in its}
        domains.append({"name": f"领域{d}", "department": draw(TEXT), "items": list(unique.values())})
    townships = []
    for t in range(draw(st.integers(0, 3))):
        # A village is one name: punctuation such as 、 would make it several (JXS130).
        villages = draw(st.lists(st.text(CJK, min_size=1, max_size=6).map(lambda s: s + "村"), max_size=3, unique=True))
        townships.append({"name": f"乡镇{t}乡", "code": f"6229272{t:02d}000", "villages": villages})
    return {"domains": domains, "townships": townships}


def write_workspace(root: Path, spec: dict[str, Any]) -> None:
    (root / "domains").mkdir(parents=True)
    (root / "townships").mkdir()
    (root / "jxs.yaml").write_text("county: 测试县\ncode: \"622927\"\n", encoding="utf-8")
    for i, dom in enumerate(spec["domains"]):
        (root / "domains" / f"d{i}.yaml").write_text(yaml.safe_dump(dom, allow_unicode=True), encoding="utf-8")
    for i, town in enumerate(spec["townships"]):
        (root / "townships" / f"t{i}.yaml").write_text(yaml.safe_dump(town, allow_unicode=True), encoding="utf-8")


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_never_raise(data: bytes) -> None:
    source, _ = parse_bytes(data, "f.yaml")
    if source.tree is not None:
        for kind in ("domain", "township", "settings"):
            validate_tree(source.tree, kind, "f.yaml", "f")


@settings(max_examples=150, deadline=None)
@given(st.recursive(st.none() | st.text(max_size=8) | st.integers(),
                    lambda kids: st.lists(kids, max_size=4) | st.dictionaries(
                        st.sampled_from(["name", "items", "category", "content", "levels", "method", "channels",
                                         "changes", "set", "additions", "exclusions", "domain", "名称", "x"]),
                        kids, max_size=5), max_leaves=25))
def test_any_structure_never_raises(value: Any) -> None:
    text = yaml.safe_dump(value, allow_unicode=True)
    source, _ = parse_bytes(text.encode("utf-8"), "f.yaml")
    if source.tree is not None:
        for kind in ("domain", "township", "settings"):
            validate_tree(source.tree, kind, "f.yaml", "f")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(workspaces())
def test_valid_workspace_builds_with_eight_elements(spec: dict[str, Any]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "ws"
        write_workspace(root, spec)
        result = compile_workspace(root)
        assert result.diagnostics == [], [d.message() for d in result.diagnostics]
        report = run_build(root)
        assert report.written
        assert result.compiled is not None
        for cat in result.compiled.catalogs:
            for item in cat.items:
                assert item.missing_elements() == [], (cat.name, item)
        shutil.rmtree(root / "out")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(workspaces(), st.randoms(use_true_random=False))
def test_merging_does_not_depend_on_file_order(spec: dict[str, Any], rnd: random.Random) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "ws"
        write_workspace(root, spec)
        result = compile_workspace(root)
        ws = result.workspace
        assert ws.settings is not None and ws.settings.model is not None and result.compiled is not None
        domains, townships = list(ws.domains), list(ws.townships)
        rnd.shuffle(domains)
        rnd.shuffle(townships)
        shuffled = merge(ws.settings.model, domains, townships)
        assert [(c.id, [i.as_dict() for i in c.items]) for c in shuffled.catalogs] == \
               [(c.id, [i.as_dict() for i in c.items]) for c in result.compiled.catalogs]
