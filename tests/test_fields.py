"""The element registry, and the optional element `link` it carries through every stage."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
import re
import shutil
from pathlib import Path

import openpyxl
import pytest

from jxs_catalog import keys as K
from jxs_catalog.build import run_build
from jxs_catalog.catalog import Catalog, Section
from jxs_catalog.diffing import diff_workspaces, render_json, render_markdown, render_text
from jxs_catalog.fields import ELEMENTS, TABLE_ORDER, CompiledItem, ItemElements
from jxs_catalog.importing import domain_yaml, import_workbook
from jxs_catalog.loading.source import parse_bytes
from jxs_catalog.models import ItemPatch
from jxs_catalog.pipeline import compile_workspace
from jxs_catalog.rendering.layout import COLUMNS, remark, row_values
from jxs_catalog.rendering.xlsx import write_workbook
from jxs_catalog.schema import build_schema
from jxs_catalog.validation import validate_tree
from tests.conftest import SMALL

LINK = "https://www.example.gov.cn/xxgk/dibao/"
ITEM = """\
name: 社会救助
items:
  - category: 最低生活保障
    name: 低保对象名单
    content: 姓名、保障金额
    basis: 《社会救助暂行办法》
    time_limit: 审批后20个工作日内
    method: 主动
    channels: [政府网站]
    audience: 全社会
    levels: [县级]
"""


def validate(text: str) -> tuple[object, list[str]]:
    source, diags = parse_bytes(text.encode("utf-8"), "d.yaml")
    assert not diags and source.tree is not None
    loaded = validate_tree(source.tree, "domain", "d.yaml", "d")
    return loaded.model, [f"{d.code}@{d.line}" for d in loaded.diagnostics]


# --- the registry and its two typed shapes agree --------------------------------

def test_the_typed_shapes_follow_the_registry() -> None:
    keys = [e.key for e in ELEMENTS]
    assert [f.name for f in ItemElements.FIELDS] == keys
    assert [f.name for f in dataclasses.fields(CompiledItem)] == ["domain", *keys, "origin", "source", "line"]
    assert sorted(TABLE_ORDER) == sorted(keys)
    assert list(K.ITEM_KEYS) == keys
    assert [f.name for f in ItemPatch.FIELDS] == [e.key for e in ELEMENTS if e.patch]
    for info, element in zip(ItemElements.FIELDS, ELEMENTS, strict=True):
        assert info.required == element.required, element.key


def test_with_subject_and_as_dict_keep_every_element() -> None:
    item = CompiledItem("救助", "类", "名", "内容", ("依据",), "时限", "县民政局", ("主动",), ("政府网站",),
                        ("全社会",), ("县级", "乡级", "村级"), "理由", "备注", ("村",), LINK, "changed", "f.yaml", 7)
    other = item.with_subject("东村村民委员会")
    assert other.subject == "东村村民委员会"
    assert dataclasses.replace(other, subject=item.subject) == item
    data = item.as_dict()
    assert list(data) == ["domain", *(e.key for e in ELEMENTS), "origin"]
    assert data["link"] == LINK and data["basis"] == ["依据"]


# --- link: validated, in the schema -------------------------------------------------

@pytest.mark.parametrize("spelling", ["link", "链接", "网址", "公开网址"])
def test_link_is_accepted_in_every_spelling(spelling: str) -> None:
    model, problems = validate(ITEM + f"    {spelling}: {LINK}\n")
    assert problems == []
    assert model.items[0].link == LINK  # type: ignore[attr-defined]


@pytest.mark.parametrize("value", ["ftp://example.gov.cn/a", "javascript:alert(1)", "www.example.gov.cn",
                                   "https://", "/relative/page.html"])
def test_a_link_must_be_an_http_address(value: str) -> None:
    model, problems = validate(ITEM + f"    link: \"{value}\"\n")
    assert model is None
    assert problems == ["JXS118@12"]


def test_link_is_optional_and_in_the_schema() -> None:
    model, problems = validate(ITEM)
    assert problems == [] and model.items[0].link is None  # type: ignore[attr-defined]
    item_schema = build_schema("domain")["$defs"]["item"]
    for spelling in ("link", "链接", "网址", "公开网址"):
        assert item_schema["properties"][spelling]["pattern"] == "^https?://"
    required = json.dumps(item_schema["allOf"], ensure_ascii=False)
    assert "link" not in required


# --- merged, exported, published ------------------------------------------------------

def _items(compiled: object, scope: str, name: str) -> dict[str, CompiledItem]:
    catalogs = [c for c in compiled.catalogs if c.scope == scope and c.name == name]  # type: ignore[attr-defined]
    return {i.name: i for i in catalogs[0].items}


CHAXUN = "https://www.example.gov.cn/xxgk/nongye/chaxun/"  # written as 公开网址 in the small workspace
FAFANG = "https://www.example.gov.cn/xxgk/jiuzai/fafang/"
DONG = "https://www.example.gov.cn/dongxiang/jiuzai/"


def linked_by_dong(target: Path) -> Path:
    """The small workspace where 东乡镇 changes the link of 救灾款物发放."""
    shutil.copytree(SMALL, target)
    path = target / "townships" / "dong.yaml"
    text = path.read_text("utf-8")
    anchor = "      channels: [入户/现场, 大喇叭, 村（居）民微信群]\n"
    assert anchor in text
    path.write_text(text.replace(anchor, anchor + f"      公开网址: {DONG}\n"), "utf-8")
    return target


def test_link_is_merged_inherited_and_changed(tmp_path: Path) -> None:
    result = compile_workspace(linked_by_dong(tmp_path / "ws"))
    assert result.diagnostics == [] and result.compiled is not None
    county = _items(result.compiled, "county", "样例县")
    assert county["个人补贴明细查询"].link == CHAXUN
    assert county["救灾款物发放"].link == FAFANG
    assert county["办事指南"].link is None
    dong = _items(result.compiled, "township", "东乡镇")
    assert dong["个人补贴明细查询"].link == CHAXUN  # inherited
    assert dong["救灾款物发放"].link == DONG  # set by a change
    assert _items(result.compiled, "village", "东村")["救灾款物发放"].link == DONG
    assert _items(result.compiled, "township", "西乡")["救灾款物发放"].link == FAFANG
    change = next(a for c in result.compiled.townships for a in c.adjustments if a.kind == "change")
    assert "link" in change.changed


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    ws = linked_by_dong(tmp_path_factory.mktemp("fields") / "ws")
    report = run_build(ws)
    assert report.written, report.diagnostics
    return ws / "out"


def test_link_in_csv_and_json(built: Path) -> None:
    rows = list(csv.DictReader(io.StringIO((built / "data/townships/dong.csv").read_text("utf-8-sig"))))
    by_name = {r["二级事项"]: r for r in rows}
    assert by_name["救灾款物发放"]["公开网址"] == DONG
    assert by_name["个人补贴明细查询"]["公开网址"] == CHAXUN
    assert by_name["重建项目进展"]["公开网址"] == ""
    data = json.loads((built / "data/county.json").read_text("utf-8"))
    items = {i["name"]: i for s in data["sections"] for i in s["items"]}
    assert items["个人补贴明细查询"]["link"] == CHAXUN
    assert items["办事指南"]["link"] is None


def test_link_in_the_workbook_remarks(built: Path) -> None:
    book = openpyxl.load_workbook(built / "xlsx/dong.xlsx")
    texts = [str(c.value) for ws in book.worksheets for row in ws.iter_rows() for c in row if c.value]
    assert f"网址：{DONG}" in texts
    assert f"不主动公开理由：涉及个人信息\n网址：{CHAXUN}" in texts
    assert len(COLUMNS) == 16  # no column of its own: the published layout is unchanged


def test_link_on_the_site_is_a_safe_anchor(built: Path) -> None:
    page = (built / "site/townships/dong.html").read_text("utf-8")
    assert f'<a href="{DONG}" rel="noopener" aria-label="查看：' in page  # shown as 查看, named for screen readers
    assert "网址：" not in page  # a link, not a line of text
    assert "公开网址" in page  # the change's elements are named in Chinese


def test_a_link_that_slipped_past_validation_is_neutralised_on_the_site(tmp_path: Path) -> None:
    from jxs_catalog.rendering.site import SiteRenderer
    result = compile_workspace(SMALL)
    assert result.compiled is not None and result.workspace.settings is not None
    settings = result.workspace.settings.model
    assert settings is not None
    town = result.compiled.townships[0]
    town.sections[0].items[0].link = "javascript:alert(1)"
    html = SiteRenderer(settings, "2026-03-05", SMALL).township_page(town, []).decode("utf-8")
    assert "javascript:" not in html


# --- imported and diffed -----------------------------------------------------------------

def test_link_round_trips_through_a_workbook(tmp_path: Path) -> None:
    item = CompiledItem("社会救助", "最低生活保障", "低保对象名单", "姓名、保障金额", ("《社会救助暂行办法》",),
                        "审批后20个工作日内", "积石山县民政局", ("主动",), ("政府网站",), ("全社会",), ("县级",),
                        note="按月更新", link=LINK)
    assert remark(item) == f"按月更新\n网址：{LINK}"
    assert row_values(1, item)[-1] == remark(item)
    catalog = Catalog("county", "county", "积石山县", "标准目录", "积石山县人民政府",
                      sections=[Section("社会救助", "shehui-jiuzhu", [item])])
    path = tmp_path / "c.xlsx"
    write_workbook(catalog, path, "积石山县", "基层政务公开标准目录", dt.datetime(2026, 1, 1))
    result = import_workbook(path)
    assert [d.code for d in result.diagnostics] == []
    (domain,) = result.domains
    assert domain.items[0]["link"] == LINK and domain.items[0]["note"] == "按月更新"
    assert f"link: {LINK}" in domain_yaml(domain)


def test_a_link_column_is_imported(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    ws = book.active
    ws.append(["序号", "一级事项", "二级事项", "公开内容", "公开依据", "公开时限", "公开主体", "公开渠道和载体",
               "公开对象", "公开方式", "公开层级", "公开网址"])
    ws.append([1, "最低生活保障", "低保对象名单", "姓名、保障金额", "《社会救助暂行办法》", "审批后20个工作日内",
               "县民政局", "政府网站", "全社会", "主动", "县级", LINK])
    ws.title = "社会救助"
    book.save(tmp_path / "b.xlsx")
    result = import_workbook(tmp_path / "b.xlsx")
    assert [d.code for d in result.diagnostics] == []
    assert result.domains[0].items[0]["link"] == LINK


def test_a_changed_link_is_diffed(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    shutil.copytree(SMALL, a)
    shutil.copytree(SMALL, b)
    path = b / "domains" / "butie.yaml"
    path.write_text(path.read_text("utf-8").replace("nongye/chaxun/", "nongye/chaxun2/"), "utf-8")
    result = diff_workspaces(a, b)
    changes = [(c.name, e.element, e.new) for d in result.catalogs for c in d.changed for e in c.elements]
    assert changes == [("个人补贴明细查询", "link", CHAXUN.replace("chaxun", "chaxun2"))] * 3  # county, 2 townships
    assert f"公开网址：{CHAXUN} → " in render_text(result)
    assert f"link: {CHAXUN} → " in render_text(result, "en")
    assert "| 公开网址 |" in render_markdown(result)
    assert '"element": "link"' in render_json(result)


def test_element_keys_are_spelled_only_in_the_registry() -> None:
    """A renderer reads an element through fields.py, never by its key: adding or renaming one is then
    a change to the registry alone (the two starter files are sources, written in keys)."""
    package = Path(__file__).resolve().parent.parent / "jxs_catalog"
    allowed = {package / "fields.py", package / "starter" / "townships" / "shili.yaml",
               package / "starter" / "domains" / "shenong-butie.yaml"}
    word = re.compile(r"\btime_limit\b")
    spelled = {p for p in package.rglob("*") if p.is_file() and p.suffix in (".py", ".yaml", ".html", ".j2", ".js")
               and word.search(p.read_text(encoding="utf-8"))}
    assert spelled <= allowed, sorted(str(p.relative_to(package)) for p in spelled - allowed)
