"""`jxs import`: published workbooks in their many layouts read back into domain items and YAML."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jxs_catalog import vocab
from jxs_catalog.catalog import Catalog, CompiledItem, Section
from jxs_catalog.importing import ImportedDomain, domain_yaml, import_workbook
from jxs_catalog.loading.source import parse_bytes
from jxs_catalog.models import Domain
from jxs_catalog.pilot import PILOT_DOMAINS
from jxs_catalog.rendering.xlsx import write_workbook
from jxs_catalog.validation import validate_tree

Row = Sequence[object]


def add_sheet(book: openpyxl.Workbook, title: str, rows: Iterable[Row], merges: Iterable[str] = ()) -> None:
    ws = book.create_sheet(title)
    for row in rows:
        ws.append([None if v == "" else v for v in row])
    for cells in merges:
        ws.merge_cells(cells)


def save(book: openpyxl.Workbook, path: Path) -> Path:
    if "Sheet" in book.sheetnames and len(book.sheetnames) > 1:
        del book["Sheet"]
    book.save(path)
    return path


def codes(result: object) -> list[str]:
    return [d.code for d in result.diagnostics]  # type: ignore[attr-defined]


def validate(text: str, extra: tuple[str, ...] = ()) -> tuple[Domain | None, list[str]]:
    source, diags = parse_bytes(text.encode("utf-8"), "imported.yaml")
    assert not diags and source.tree is not None, diags
    loaded = validate_tree(source.tree, "domain", "imported.yaml", "imported", {"extra_channels": extra})
    return loaded.model, [f"{d.code}@{d.line}:{d.message()}" for d in loaded.diagnostics]


# --- the standard two-row header (jxs's own layout, 16 columns A..P) ------------

STANDARD_TOP = ["序号", "公开事项", "", "公开内容（要素）", "公开依据", "公开时限", "公开主体", "公开渠道和载体",
                "公开对象", "", "公开方式", "", "公开层级", "", "", "备注"]
STANDARD_SUB = ["", "一级事项", "二级事项", "", "", "", "", "", "全社会", "特定群体", "主动", "依申请",
                "县级", "乡级", "村级", ""]
STANDARD_MERGES = ["A2:A3", "B2:C2", "D2:D3", "E2:E3", "F2:F3", "G2:G3", "H2:H3", "I2:J2", "K2:L2", "M2:O2",
                   "P2:P3", "A1:P1"]


def standard_row(n: int, name: str, channels: str = "■政府网站", audience: tuple[str, str] = ("√", ""),
                 category: str = "政策文件", content: str = "政策文件全文") -> list[object]:
    return [n, category, name, content, "《中华人民共和国政府信息公开条例》", "实时公开", "积石山县农业农村局",
            channels, *audience, "√", "", "√", "", "", ""]


# --- layout 1: jxs's own workbook -------------------------------------------------

def compiled(category: str, name: str, **overrides: object) -> CompiledItem:
    values: dict[str, object] = dict(
        domain="涉农补贴", category=category, name=name, content="补贴对象、标准和程序\n申请材料",
        basis=("《中华人民共和国政府信息公开条例》（国务院令第711号）", "《财政部 农业农村部关于补贴的通知》"),
        time_limit="信息形成或者变更之日起20个工作日内", subject="积石山县农业农村局", method=("主动",),
        channels=("政府网站", "两微一端", "其他：办税服务厅"), audience=("全社会",), levels=("县级", "乡级"))
    values.update(overrides)
    return CompiledItem(**values)  # type: ignore[arg-type]


def test_layout_1_jxs_output(tmp_path: Path) -> None:
    items = [
        compiled("政策文件", "补贴政策"),
        compiled("政策文件", "政策解读", method=("依申请",), reason="涉及个人隐私", note="按季度更新",
                 audience=("全社会", "特定群体"), levels=("县级", "乡级", "村级"), subject="积石山县财政局",
                 channels=("社区/企事业单位/村公示栏（电子屏）", "村（居）民微信群")),
        compiled("补贴结果", "补贴发放结果", note="0571", channels=("政府网站", "12345政务服务热线")),
    ]
    catalog = Catalog("county", "county", "积石山县", "积石山县基层政务公开标准目录", "积石山县人民政府办公室",
                      sections=[Section("涉农补贴", "shenong-butie", items, "《涉农补贴领域基层政务公开标准指引》")])
    path = tmp_path / "county.xlsx"
    write_workbook(catalog, path, "积石山县", "基层政务公开标准目录", dt.datetime(2026, 1, 1))
    result = import_workbook(path, extra_channels=("12345政务服务热线",))
    assert codes(result) == []
    without = import_workbook(path).diagnostics  # the workspace's own channel, unknown without jxs.yaml
    assert [(d.code, d.severity.value, d.params["cell"]) for d in without] == [("JXS406", "warning", "涉农补贴!H6")]
    (domain,) = result.domains
    assert (domain.name, domain.sheet, domain.reference) == ("涉农补贴", "涉农补贴", "《涉农补贴领域基层政务公开标准指引》")
    assert domain.department == "积石山县农业农村局"
    basis = ["《中华人民共和国政府信息公开条例》（国务院令第711号）", "《财政部 农业农村部关于补贴的通知》"]
    common = {"content": "补贴对象、标准和程序\n申请材料", "basis": basis, "time_limit": "信息形成或者变更之日起20个工作日内"}
    assert domain.items == [
        {"category": "政策文件", "name": "补贴政策", **common, "subject": "积石山县农业农村局", "method": ["主动"],
         "channels": ["政府网站", "两微一端", "其他：办税服务厅"], "audience": ["全社会"], "levels": ["县级", "乡级"]},
        {"category": "政策文件", "name": "政策解读", **common, "subject": "积石山县财政局", "method": ["依申请"],
         "channels": ["社区/企事业单位/村公示栏（电子屏）", "村（居）民微信群"], "audience": ["全社会", "特定群体"],
         "levels": ["县级", "乡级", "村级"], "reason": "涉及个人隐私", "note": "按季度更新"},
        {"category": "补贴结果", "name": "补贴发放结果", **common, "subject": "积石山县农业农村局", "method": ["主动"],
         "channels": ["政府网站", "12345政务服务热线"], "audience": ["全社会"], "levels": ["县级", "乡级"],
         "note": "0571"},
    ]
    only = import_workbook(path, sheet="涉农补贴", domain="补贴")
    assert [d.name for d in only.domains] == ["补贴"]


# --- layout 2: one-row header, 特定群众, 依申请公开, 县级/乡级 ------------------------

def test_layout_2_one_row_header(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    add_sheet(book, "低保", [
        ["序号", "一级事项", "二级事项", "公开内容", "公开依据", "公开时限", "公开主体", "公开渠道和载体",
         "全社会", "特定群众", "主动公开", "依申请公开", "县级", "乡级"],
        [1, "最低生活保障", "政策文件", "低保政策文件全文", "《社会救助暂行办法》（国务院令第649号）",
         "信息形成或者变更之日起20个工作日内", "积石山县民政局", "■政府网站 □政府公报 ■两微一端",
         "√", "", "√", "", "√", "√"],
        [2, "", "低保对象名单", "低保对象姓名、保障人数、保障金额",
         "《社会救助暂行办法》（国务院令第649号）\n《最低生活保障审核确认办法》（民发〔2021〕57号）",
         "每季度的首个月20日", "积石山县民政局", "□政府网站 ■社区/企事业单位/村公示栏（电子屏）",
         "", "√", "√", "√", "", "√"],
    ], ["B2:B3"])
    path = save(book, tmp_path / "dibao.xlsx")
    result = import_workbook(path, domain="社会救助")
    assert codes(result) == []
    (domain,) = result.domains
    assert (domain.name, domain.department, domain.reference) == ("社会救助", "积石山县民政局", None)
    assert domain.items == [
        {"category": "最低生活保障", "name": "政策文件", "content": "低保政策文件全文",
         "basis": ["《社会救助暂行办法》（国务院令第649号）"], "time_limit": "信息形成或者变更之日起20个工作日内",
         "subject": "积石山县民政局", "method": ["主动"], "channels": ["政府网站", "两微一端"],
         "audience": ["全社会"], "levels": ["县级", "乡级"]},
        {"category": "最低生活保障", "name": "低保对象名单", "content": "低保对象姓名、保障人数、保障金额",
         "basis": ["《社会救助暂行办法》（国务院令第649号）", "《最低生活保障审核确认办法》（民发〔2021〕57号）"],
         "time_limit": "每季度的首个月20日", "subject": "积石山县民政局", "method": ["主动", "依申请"],
         "channels": ["社区/企事业单位/村公示栏（电子屏）"], "audience": ["特定群体"], "levels": ["乡级"]},
    ]
    assert import_workbook(path).domains[0].name == "低保"  # no title, no --domain: the sheet's name


# --- layout 3: title rows, repeated 一级事项, ✓, channels as plain names, 备注 -----------

LAYOUT_3_TOP = ["序号", "公开事项", "", "公开内容（要素）", "公开依据", "公开时限", "公开主体", "公开渠道和载体",
                "公开对象", "", "公开方式", "", "公开层级", "", "", "责任科室", "备注"]
LAYOUT_3_SUB = ["", "一级事项", "二级事项", "", "", "", "", "", "全社会", "特定群体(请写明)", "主动", "依申请",
                "县级", "乡级", "村级", "", ""]


def layout_3(path: Path) -> Path:
    book = openpyxl.Workbook()
    add_sheet(book, "涉农补贴", [
        ["积石山县涉农补贴领域基层政务公开标准目录"],
        ["填报单位：积石山县农业农村局（盖章）"],
        LAYOUT_3_TOP,
        LAYOUT_3_SUB,
        [1, "耕地地力保护补贴", "补贴政策", "补贴对象、标准\n申报程序",
         "1.《财政部 农业部关于全面推开农业“三项补贴”改革工作的通知》（财农〔2016〕26号）\n2.《中华人民共和国政府信息公开条例》",
         "信息形成或者变更之日起\n20个工作日内", "积石山县农业农村局", "政府网 存公示栏、便民服务中心",
         "✓", "", "✓", "", "✓", "✓", "", "计财股", "每年更新"],
        [2, "耕地地力保护补贴", "补贴发放结果", "补贴对象姓名、补贴面积、补贴金额", "《中华人民共和国政府信息公开条例》",
         "补贴发放后10个工作日内", "积石山县农业农村局", "社区/企事业单位/村公示栏、入户",
         "", "本村农户", "", "✓", "", "✓", "✓", "计财股", "不主动公开理由：涉及个人信息\n仅在本村公示"],
        [3, "农机购置补贴", "补贴资金兑付", "兑付情况", "《农业机械化促进法》",
         "兑付后20个工作日内", "积石山县财政局", "政府网站，两微一端", "✓", "", "✓", "", "✓", "", "", "", "无"],
        ["注：本目录由县政务公开办汇总。"],
    ], ["A1:Q1", *[f"{c}3:{c}4" for c in "ADEFGHPQ"], "B3:C3", "I3:J3", "K3:L3", "M3:O3", "A8:Q8"])
    return save(book, path)


def test_layout_3_titles_ticks_plain_channels_and_remarks(tmp_path: Path) -> None:
    result = import_workbook(layout_3(tmp_path / "butie.xlsx"))
    assert codes(result) == []
    (domain,) = result.domains
    assert (domain.name, domain.department) == ("涉农补贴", "积石山县农业农村局")
    assert domain.items == [
        {"category": "耕地地力保护补贴", "name": "补贴政策", "content": "补贴对象、标准\n申报程序",
         "basis": ["《财政部 农业部关于全面推开农业“三项补贴”改革工作的通知》（财农〔2016〕26号）",
                   "《中华人民共和国政府信息公开条例》"],
         "time_limit": "信息形成或者变更之日起20个工作日内", "subject": "积石山县农业农村局", "method": ["主动"],
         "channels": ["政府网站", "便民服务站", "社区/企事业单位/村公示栏（电子屏）"], "audience": ["全社会"],
         "levels": ["县级", "乡级"], "note": "每年更新"},
        {"category": "耕地地力保护补贴", "name": "补贴发放结果", "content": "补贴对象姓名、补贴面积、补贴金额",
         "basis": ["《中华人民共和国政府信息公开条例》"], "time_limit": "补贴发放后10个工作日内",
         "subject": "积石山县农业农村局", "method": ["依申请"],
         "channels": ["入户/现场", "社区/企事业单位/村公示栏（电子屏）"], "audience": ["特定群体"],
         "levels": ["乡级", "村级"], "reason": "涉及个人信息", "note": "仅在本村公示\n特定群体：本村农户"},
        {"category": "农机购置补贴", "name": "补贴资金兑付", "content": "兑付情况", "basis": ["《农业机械化促进法》"],
         "time_limit": "兑付后20个工作日内", "subject": "积石山县财政局", "method": ["主动"],
         "channels": ["政府网站", "两微一端"], "audience": ["全社会"], "levels": ["县级"]},
    ]


# --- layout 4: 三级事项, 镇级/村级, ■/口 checklist, 同上 ----------------------------------

def test_layout_4_third_level_township_levels_and_same_as_above(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    add_sheet(book, "社会救助", [
        ["吹麻滩镇社会救助领域基层政务公开标准目录"],
        ["序号", "公开事项", "", "", "公开内容", "公开依据", "公开时限", "公开主体", "公开渠道和载体",
         "公开对象", "", "公开方式", "", "公开层级", ""],
        ["", "一级事项", "二级事项", "三级事项", "", "", "", "", "", "全社会", "特定群体", "主动", "依申请",
         "镇级", "村级"],
        [1, "临时救助", "办事指南", "申请条件", "申请临时救助的条件", "《社会救助暂行办法》", "实时公开",
         "吹麻滩镇人民政府", "■政府网站 口政府公报 ■便民服务站 口其他", "√", "", "√", "", "√", ""],
        [2, "", "", "办理流程", "受理、审核、审批流程", "同上", "同上", "吹麻滩镇人民政府", "同上",
         "√", "", "√", "", "√", "√"],
        [3, "", "救助结果", "", "救助对象、金额", "《最低生活保障审核确认办法》", "审批后20个工作日内",
         "吹麻滩镇人民政府", "口政府网站 ■社区/企事业单位/村公示栏（电子屏） ■其他：村民微信群",
         "", "√", "√", "", "√", "√"],
    ], ["A1:O1", "B2:D2", "J2:K2", "L2:M2", "N2:O2", *[f"{c}2:{c}3" for c in "AEFGHI"], "B4:B6", "C4:C5"])
    result = import_workbook(save(book, tmp_path / "jiuzhu.xlsx"))
    assert codes(result) == []
    (domain,) = result.domains
    assert (domain.name, domain.department) == ("社会救助", "吹麻滩镇人民政府")
    guide = {"category": "临时救助", "basis": ["《社会救助暂行办法》"], "time_limit": "实时公开",
             "subject": "吹麻滩镇人民政府", "method": ["主动"], "channels": ["政府网站", "便民服务站"],
             "audience": ["全社会"]}
    assert domain.items == [
        {**guide, "name": "办事指南：申请条件", "content": "申请临时救助的条件", "levels": ["乡级"]},
        {**guide, "name": "办事指南：办理流程", "content": "受理、审核、审批流程", "levels": ["乡级", "村级"]},
        {"category": "临时救助", "name": "救助结果", "content": "救助对象、金额", "basis": ["《最低生活保障审核确认办法》"],
         "time_limit": "审批后20个工作日内", "subject": "吹麻滩镇人民政府", "method": ["主动"],
         "channels": ["社区/企事业单位/村公示栏（电子屏）", "其他：村民微信群"], "audience": ["特定群体"],
         "levels": ["乡级", "村级"]},
    ]
    ordered = [list(item) for item in domain.items]
    assert all(keys == [k for k in ("category", "name", "content", "basis", "time_limit", "subject", "method",
                                    "channels", "audience", "levels") if k in keys] for keys in ordered)


# --- layout 5: no level columns, a leading 相应领域 column, ● marks, 其他: ---------------

def test_layout_5_no_levels_leading_domain_column(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    add_sheet(book, "Sheet2", [
        ["积石山县税收管理领域基层政务公开标准目录（试行）"],
        ["相应领域", "序号", "公开事项", "", "公开内容", "公开依据", "公开时限", "公开主体", "公开渠道和载体",
         "公开对象", "", "公开方式", "", "备注"],
        ["", "", "一级事项", "二级事项", "", "", "", "", "", "全社会", "特定群众", "主动公开", "依申请公开", ""],
        ["税收管理", "0501", "税收政策", "税收法律法规", "税收法律、行政法规和规章", "《中华人民共和国税收征收管理法》",
         "及时公开", "国家税务总局积石山县税务局", "政府网站 其他:办税服务厅", "●", "", "●", "", ""],
        ["", "0502", "税收政策", "纳税信用A级纳税人名单", "A级纳税人名单", "《纳税信用管理办法（试行）》",
         "每年4月", "国家税务总局积石山县税务局", "①政府网站 ②两微一端", "●", "", "●", "●", ""],
    ], ["A1:N1", "A4:A5", "C2:D2", "J2:K2", "L2:M2", *[f"{c}2:{c}3" for c in "ABEFGHIN"]])
    result = import_workbook(save(book, tmp_path / "shuishou.xlsx"))
    assert codes(result) == []
    (domain,) = result.domains
    assert (domain.name, domain.sheet) == ("税收管理", "Sheet2")
    common = {"subject": "国家税务总局积石山县税务局", "audience": ["全社会"], "levels": ["县级"]}
    assert domain.items == [
        {**common, "category": "税收政策", "name": "税收法律法规", "content": "税收法律、行政法规和规章",
         "basis": ["《中华人民共和国税收征收管理法》"], "time_limit": "及时公开", "method": ["主动"],
         "channels": ["政府网站", "其他：办税服务厅"]},
        {**common, "category": "税收政策", "name": "纳税信用A级纳税人名单", "content": "A级纳税人名单",
         "basis": ["《纳税信用管理办法（试行）》"], "time_limit": "每年4月", "method": ["主动", "依申请"],
         "channels": ["政府网站", "两微一端"]},
    ]
    assert list(domain.items[0]) == ["category", "name", "content", "basis", "time_limit", "subject", "method", "channels",
                             "audience", "levels"]


# --- what cannot be mapped is reported at its cell --------------------------------

def test_unmappable_cells_are_reported_with_their_cell(tmp_path: Path) -> None:
    rows: list[Row] = [["积石山县涉农补贴领域基层政务公开标准目录"], STANDARD_TOP, STANDARD_SUB]
    rows += [standard_row(n, f"事项{n}") for n in range(1, 9)]  # rows 4..11
    rows.append(standard_row(9, "事项9", channels="■政府网站 ■飞鸽传书"))  # row 12
    rows.append(standard_row(10, "事项10", audience=("", "")))  # row 13
    no_name = standard_row(11, "")
    rows.append(no_name)  # row 14
    rows.append(standard_row(12, "事项12", audience=("？", "√")))  # row 15
    book = openpyxl.Workbook()
    add_sheet(book, "涉农补贴", rows, STANDARD_MERGES)
    result = import_workbook(save(book, tmp_path / "butie.xlsx"))
    found = {(d.code, d.params["cell"]) for d in result.diagnostics}
    assert found == {("JXS406", "涉农补贴!H12"), ("JXS408", "涉农补贴!I13"), ("JXS409", "涉农补贴!C14"),
                     ("JXS407", "涉农补贴!I15")}
    unknown = next(d for d in result.diagnostics if d.code == "JXS406")
    assert (unknown.path, unknown.line, unknown.column) == ("butie.xlsx", 12, 8)
    assert "飞鸽传书" in unknown.message() and "涉农补贴!H12" in unknown.message("en")
    (domain,) = result.domains
    assert domain.items[8]["channels"] == ["政府网站", "飞鸽传书"]  # kept as written, for the clerk to decide
    assert "audience" not in domain.items[9]
    assert "name" not in domain.items[10]
    model, problems = validate(domain_yaml(domain))
    assert model is None
    assert any(p.startswith("JXS107") and "飞鸽传书" in p for p in problems)
    assert sum(p.startswith("JXS102") for p in problems) == 2  # the missing audience and the missing name


# --- files that are not workbooks ---------------------------------------------------

@pytest.mark.parametrize(("content", "code"), [
    (b"name: not a workbook\n", "JXS411"),
    (b"PK\x03\x04 damaged zip", "JXS411"),
    (b"<html><table><tr><td>x</td></tr></table></html>", "JXS411"),
])
def test_not_a_workbook_gives_a_diagnostic_and_no_domains(tmp_path: Path, content: bytes, code: str) -> None:
    path = tmp_path / "catalog.xlsx"
    path.write_bytes(content)
    result = import_workbook(path)
    assert result.domains == []
    assert codes(result) == [code]
    assert result.diagnostics[0].path == "catalog.xlsx"


def test_missing_file_and_folder(tmp_path: Path) -> None:
    assert codes(import_workbook(tmp_path / "none.xlsx")) == ["JXS013"]
    assert codes(import_workbook(tmp_path)) == ["JXS013"]


def test_xls_without_xlrd_says_how_to_convert(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "xlrd", None)  # as if xlrd were not installed
    path = tmp_path / "old.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    result = import_workbook(path)
    assert result.domains == []
    assert codes(result) == ["JXS403"]
    message = result.diagnostics[0].message()
    assert "另存为" in message and "libreoffice --headless --convert-to xlsx old.xls" in message


def test_xls_read_with_xlrd(tmp_path: Path) -> None:
    pytest.importorskip("xlrd")
    xlwt = pytest.importorskip("xlwt")
    book = xlwt.Workbook(encoding="utf-8")
    ws = book.add_sheet("低保")
    header = ["序号", "一级事项", "二级事项", "公开内容", "公开依据", "公开时限", "公开主体", "公开渠道和载体",
              "全社会", "特定群众", "主动公开", "依申请公开", "县级", "乡级"]
    row = [1, "最低生活保障", "政策文件", "低保政策文件全文", "《社会救助暂行办法》", "实时公开", "积石山县民政局",
           "政府网站", "√", "", "√", "", "√", ""]
    for c, value in enumerate(header):
        ws.write(0, c, value)
    for r in (1, 2):
        for c, value in enumerate(row):
            if c != 1:
                ws.write(r, c, "低保对象名单" if (r, c) == (2, 2) else value)
    ws.write_merge(1, 2, 1, 1, "最低生活保障")  # 一级事项 merged down over both rows
    path = tmp_path / "dibao.xls"
    book.save(str(path))
    result = import_workbook(path)
    assert codes(result) == []
    (domain,) = result.domains
    assert [(i["category"], i["name"], i["levels"]) for i in domain.items] == [
        ("最低生活保障", "政策文件", ["县级"]), ("最低生活保障", "低保对象名单", ["县级"])]


def test_sheet_selection_and_workbooks_without_a_catalog(tmp_path: Path) -> None:
    path = layout_3(tmp_path / "butie.xlsx")
    assert codes(import_workbook(path, sheet="不存在")) == ["JXS404"]
    book = openpyxl.Workbook()
    add_sheet(book, "说明", [["本工作簿没有目录"], ["甲", "乙"]])
    empty = save(book, tmp_path / "empty.xlsx")
    result = import_workbook(empty)
    assert (result.domains, codes(result)) == ([], ["JXS405"])
    assert codes(import_workbook(empty, sheet="说明")) == ["JXS401"]


def test_several_tables_on_one_sheet(tmp_path: Path) -> None:
    rows: list[Row] = [["积石山县涉农补贴领域基层政务公开标准目录"], STANDARD_TOP, STANDARD_SUB,
                       standard_row(1, "补贴政策"), [], ["积石山县社会救助领域基层政务公开标准目录"],
                       STANDARD_TOP, STANDARD_SUB, standard_row(1, "低保政策")]
    book = openpyxl.Workbook()
    add_sheet(book, "全部", rows, ["A1:P1", "A6:P6"])
    result = import_workbook(save(book, tmp_path / "all.xlsx"))
    assert [(d.name, [i["name"] for i in d.items]) for d in result.domains] == [
        ("涉农补贴", ["补贴政策"]), ("社会救助", ["低保政策"])]


def test_sub_rows_level_names_and_same_as_above_on_the_first_row(tmp_path: Path) -> None:
    """One 二级事项 merged over content sub-rows is one item; a level's name in its cell ticks it."""
    book = openpyxl.Workbook()
    add_sheet(book, "就业创业", [
        ["柳沟乡就业创业领域基层政务公开标准目录"],
        ["序号", "一级事项", "二级事项", "公开内容", "公开依据", "公开时限", "公开主体", "公开渠道", "公开对象",
         "公开方式", "公开层级"],
        ["", "", "", "", "", "", "", "", "", "", "乡级"],
        [1, "就业服务", "就业援助", "法律法规和政策文件", "同上", "实时公开", "柳沟乡人民政府", "便民服务站",
         "全社会", "主动公开", "乡级"],
        [2, "", "", "申请材料", "《就业促进法》", "实时公开", "柳沟乡人民政府", "便民服务站", "全社会",
         "主动公开", "乡级"],
        [3, "", "", "办理流程", "《就业促进法》", "办结后5个工作日内", "柳沟乡人民政府", "入户", "全社会、特定群众",
         "依申请公开", "乡级"],
    ], ["A1:K1", "B4:B6", "C4:C6", *[f"{c}2:{c}3" for c in "ABCDEFGHIJ"]])
    result = import_workbook(save(book, tmp_path / "jiuye.xlsx"))
    assert [(d.code, d.params["cell"]) for d in result.diagnostics] == [("JXS410", "就业创业!E4")]
    (domain,) = result.domains
    assert domain.items == [
        {"category": "就业服务", "name": "就业援助", "content": "法律法规和政策文件\n申请材料\n办理流程",
         "basis": ["《就业促进法》"], "time_limit": "实时公开；办结后5个工作日内", "subject": "柳沟乡人民政府",
         "method": ["主动", "依申请"], "channels": ["便民服务站", "入户/现场"], "audience": ["全社会", "特定群体"],
         "levels": ["乡级"]},
    ]


@pytest.mark.parametrize(("title", "domain", "township"), [
    ("积石山县涉农补贴领域基层政务公开标准目录", "涉农补贴", False),
    ("积石山保安族东乡族撒拉族自治县城乡规划领域基层政务公开标准目录（试行）", "城乡规划", False),
    ("吹麻滩镇社会救助领域基层政务公开标准目录(2024版)", "社会救助", True),
    ("甘肃省临夏州积石山县村务公开领域基层政务公开标准目录", "村务公开", False),
    ("柳沟乡乡村振兴领域政务公开事项目录", "乡村振兴", True),
])
def test_domain_names_from_titles(title: str, domain: str, township: bool) -> None:
    from jxs_catalog.importing.titles import parse_title

    info = parse_title(title)
    assert (info.domain, info.township) == (domain, township)


def test_township_table_without_level_columns_defaults_to_township_level(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    add_sheet(book, "表1", [
        ["柳沟乡村务公开领域基层政务公开标准目录"],
        ["一级事项", "二级事项", "公开内容", "公开依据", "公开时限", "公开主体", "公开渠道和载体", "全社会", "特定群体",
         "主动", "依申请"],
        ["党务公开", "党组织建设", "党员发展情况", "《中国共产党农村基层组织工作条例》", "每季度公开一次",
         "柳沟乡人民政府", "信息公示栏、大喇叭", "√", "", "√", ""],
    ])
    (domain,) = import_workbook(save(book, tmp_path / "cunwu.xlsx")).domains
    assert domain.name == "村务公开"
    assert domain.items[0]["levels"] == ["乡级"]
    assert domain.items[0]["channels"] == ["信息公示栏", "大喇叭"]


# --- the YAML --------------------------------------------------------------------------

def test_domain_yaml_validates_with_the_loader(tmp_path: Path) -> None:
    (domain,) = import_workbook(layout_3(tmp_path / "butie.xlsx")).domains
    domain.items[0]["content"] = "- 以短横线开头\n名称：像键的一行\n#不是注释"
    domain.items[0]["time_limit"] = "2024-01-01"
    domain.items[0]["note"] = "yes"
    domain.items[1]["basis"] = ["名称：像键", "a: b #c", "@开头", '"引号"']
    text = domain_yaml(domain)
    assert text.startswith("# yaml-language-server: $schema=../schemas/domain.schema.json\n")
    assert "\nlevels: [县级, 乡级, 村级]\n" in text
    assert "channels: [政府网站, 便民服务站, 社区/企事业单位/村公示栏（电子屏）]" in text
    assert "department: 积石山县农业农村局\n" in text
    assert text.count("subject:") == 1  # only where it differs from the department
    model, problems = validate(text)
    assert problems == []
    assert model is not None
    first, second, third = model.items
    assert first.content == "- 以短横线开头\n名称：像键的一行\n#不是注释"
    assert (first.time_limit, first.note) == ("2024-01-01", "yes")
    assert second.basis == ("名称：像键", "a: b #c", "@开头", '"引号"')
    assert (second.reason, second.subject, third.subject) == ("涉及个人信息", None, "积石山县财政局")


def test_domain_yaml_shows_what_is_missing(tmp_path: Path) -> None:
    domain = ImportedDomain("涉农补贴", "涉农补贴", [
        {"category": "政策文件", "name": "补贴政策", "content": "全文", "basis": ["《条例》"], "time_limit": "实时公开",
         "method": ["主动"], "channels": ["政府网站"], "audience": ["全社会"], "levels": ["县级"]},
        {"category": "政策文件", "name": "无依据", "content": "全文", "time_limit": "实时公开",
         "method": ["主动"], "channels": ["政府网站"], "audience": ["全社会"], "levels": ["县级"]},
    ])
    text = domain_yaml(domain)
    model, problems = validate(text)
    assert model is None
    (problem,) = problems
    line = text.split("\n").index("  - category: 政策文件", text.split("\n").index("  - category: 政策文件") + 1) + 1
    assert problem.startswith(f"JXS102@{line}:") and "basis" in problem


# --- round trip: what jxs build writes, jxs import reads back ------------------------

_CHARS = "政务公开事项内容依据时限主体渠道对象补贴标准申报程序结果农业财政预算信息办法条例通知规定管理服务县乡村民"
_EXTRA_CHARS = _CHARS + "0123456789ABCxyz《》（）〔〕、，；：:#-'\"@&*!|>%[]{}, ."
_FIRST = st.sampled_from(_CHARS)


def _line(max_size: int = 16) -> st.SearchStrategy[str]:
    rest = st.text(alphabet=_EXTRA_CHARS, max_size=max_size)
    return st.builds(lambda a, b: (a + b).strip(), _FIRST, rest)


def _lines(max_lines: int) -> st.SearchStrategy[list[str]]:
    return st.lists(_line(), min_size=1, max_size=max_lines, unique=True)


def _subset(values: Sequence[str], min_size: int = 1) -> st.SearchStrategy[tuple[str, ...]]:
    return st.lists(st.sampled_from(values), min_size=min_size, unique=True).map(
        lambda chosen: tuple(v for v in values if v in chosen))


@st.composite
def _items(draw: st.DrawFn, domain: str, subjects: Sequence[str]) -> CompiledItem:
    method = draw(_subset(vocab.METHODS))
    levels = draw(_subset(vocab.LEVELS))
    if "村级" in levels and "乡级" not in levels:
        levels = tuple(v for v in vocab.LEVELS if v in (*levels, "乡级"))
    standard = [c for c in vocab.STANDARD_CHANNELS if c != vocab.OTHER]
    channels = list(draw(_subset([*standard, *vocab.VILLAGE_CHANNELS], 0)))
    other = draw(st.sampled_from(["", "plain", "named"]))
    if other == "plain" or (other == "" and not channels):
        channels.append(vocab.OTHER)
    elif other == "named":
        channels.append(vocab.OTHER + "：" + draw(st.text(alphabet=_CHARS, min_size=1, max_size=8)))
    channels.sort(key=vocab.channel_order_key)
    return CompiledItem(
        domain=domain, category=draw(st.sampled_from(["政策文件", "补贴对象", "补贴结果"])), name=draw(_line()),
        content="\n".join(draw(_lines(3))), basis=tuple(draw(_lines(3))), time_limit=draw(_line()),
        subject=draw(st.sampled_from(subjects)), method=method, channels=tuple(channels),
        audience=draw(_subset(vocab.AUDIENCES)), levels=levels,
        reason=draw(_line()) if method == ("依申请",) else draw(st.none() | _line()),
        note=draw(st.none() | _line()))


@st.composite
def _catalogs(draw: st.DrawFn) -> Catalog:
    domain = draw(st.sampled_from(PILOT_DOMAINS))
    subjects = ["积石山县农业农村局", "积石山县财政局"]
    items = draw(st.lists(_items(domain, subjects), min_size=1, max_size=6))
    seen: set[tuple[str, str]] = set()
    items = [i for i in items if (i.category, i.name) not in seen and not seen.add((i.category, i.name))]
    return Catalog("county", "county", "积石山县", "积石山县基层政务公开标准目录", "积石山县人民政府",
                   sections=[Section(domain, "d", items, draw(st.none() | _line()))])


def _expected(item: CompiledItem) -> dict[str, object]:
    data = item.as_dict()
    return {k: (list(v) if isinstance(v, tuple) else v) for k, v in data.items()
            if k not in ("domain", "origin") and v}


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                    HealthCheck.too_slow])
@given(catalog=_catalogs())
def test_round_trip_of_jxs_workbooks(tmp_path: Path, catalog: Catalog) -> None:
    path = tmp_path / "round.xlsx"
    write_workbook(catalog, path, "积石山县", "基层政务公开标准目录", dt.datetime(2026, 1, 1))
    result = import_workbook(path)
    assert [d.code for d in result.diagnostics] == []
    (domain,) = result.domains
    (section,) = catalog.sections
    assert (domain.name, domain.reference) == (section.domain, section.reference)
    assert domain.items == [_expected(item) for item in section.items]
    model, problems = validate(domain_yaml(domain))
    assert problems == [] and model is not None
    for got, item in zip(model.items, section.items, strict=True):
        assert (got.category, got.name, got.content, got.basis, got.time_limit, got.method, got.channels,
                got.audience, got.levels, got.reason, got.note) == (
            item.category, item.name, item.content, item.basis, item.time_limit, item.method, item.channels,
            item.audience, item.levels, item.reason, item.note)
        assert (got.subject or model.department) == item.subject


# --- whatever a sheet holds, import reports instead of failing -----------------------

_POOL = [*STANDARD_TOP, *STANDARD_SUB, *LAYOUT_3_SUB, "三级事项", "镇级", "乡、村级", "市级", "特定群众", "依申请公开",
         "√", "✓", "●", "■政府网站 □政府公报", "口其他", "同上", "其他:", "飞鸽传书", "县级、乡级", "全社会",
         "不主动公开理由：", "积石山县涉农补贴领域基层政务公开标准目录", "一、政策文件", "注：", "0501", "=1+1", "a: b"]


@st.composite
def _messy_sheets(draw: st.DrawFn) -> tuple[list[list[str]], list[str]]:
    width = draw(st.integers(3, 12))
    cell = st.sampled_from(_POOL) | st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=6)
    rows = draw(st.lists(st.lists(cell, min_size=width, max_size=width), min_size=1, max_size=10))
    merges: list[str] = []
    taken: set[tuple[int, int]] = set()
    for _ in range(draw(st.integers(0, 3))):
        r0, c0 = draw(st.integers(0, len(rows) - 1)), draw(st.integers(0, width - 1))
        r1, c1 = draw(st.integers(r0, len(rows) - 1)), draw(st.integers(c0, width - 1))
        area = {(r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)}
        if len(area) > 1 and not area & taken:
            taken |= area
            merges.append(f"{openpyxl.utils.get_column_letter(c0 + 1)}{r0 + 1}:"
                          f"{openpyxl.utils.get_column_letter(c1 + 1)}{r1 + 1}")
    return rows, merges


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sheet=_messy_sheets())
def test_messy_sheets_never_raise(tmp_path: Path, sheet: tuple[list[list[str]], list[str]]) -> None:
    rows, merges = sheet
    book = openpyxl.Workbook()
    add_sheet(book, "表", [[STANDARD_TOP[c % 16] for c in range(len(rows[0]))], *rows], merges=[
        _shift(m) for m in merges])
    result = import_workbook(save(book, tmp_path / "messy.xlsx"))
    assert all(d.path == "messy.xlsx" for d in result.diagnostics)
    for domain in result.domains:
        source, diags = parse_bytes(domain_yaml(domain).encode("utf-8"), "x.yaml")
        assert not diags and source.tree is not None


def _shift(merge: str) -> str:
    """Move a range one row down, below the header row written first."""
    def down(ref: str) -> str:
        letters = ref.rstrip("0123456789")
        return f"{letters}{int(ref[len(letters):]) + 1}"
    first, last = merge.split(":")
    return f"{down(first)}:{down(last)}"
