"""Workbooks that exercise every way the importer reads a cell: built by XlsxWriter, by openpyxl,
and written as raw XML with the quirks other producers leave (cells without a reference, values
hidden under a merge, links over a range, the 1904 date system, phonetic runs).

tests/test_import_books.py compares what `jxs import` reads from them with a golden file.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Callable
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import openpyxl
import xlsxwriter

TOP = ["序号", "公开事项", "", "公开内容（要素）", "公开依据", "公开时限", "公开主体", "公开渠道和载体",
       "公开对象", "", "公开方式", "", "公开层级", "", "", "备注"]
SUB = ["", "一级事项", "二级事项", "", "", "", "", "", "全社会", "特定群体", "主动", "依申请", "县级", "乡级", "村级", ""]
HEADER_MERGES = [(1, 0, 2, 0), (1, 1, 1, 2), (1, 3, 2, 3), (1, 4, 2, 4), (1, 5, 2, 5), (1, 6, 2, 6), (1, 7, 2, 7),
                 (1, 8, 1, 9), (1, 10, 1, 11), (1, 12, 1, 14), (1, 15, 2, 15)]
BASIS = "1.《中华人民共和国政府信息公开条例》\n2.《甘肃省政务公开办法》"


def _row(n: object, category: str, name: str, **kw: object) -> list[object]:
    values: dict[str, object] = dict(content="政策文件全文", basis=BASIS, time="信息形成之日起20个工作日内",
                                     subject="积石山县农业农村局", channels="■政府网站 □政府公报 ■两微一端",
                                     all="√", some="", active="√", apply="", county="√", town="", village="",
                                     note="")
    values.update(kw)
    return [n, category, name, values["content"], values["basis"], values["time"], values["subject"],
            values["channels"], values["all"], values["some"], values["active"], values["apply"], values["county"],
            values["town"], values["village"], values["note"]]


def xlsxwriter_book(path: Path) -> Path:
    """A contents sheet with links, a two-row header, merged 一级事项 and 二级事项, dates, numbers, rich text."""
    book = xlsxwriter.Workbook(str(path))
    date = book.add_format({"num_format": "yyyy-mm-dd"})
    stamp = book.add_format({"num_format": "yyyy-mm-dd hh:mm"})
    bold = book.add_format({"bold": True})
    contents = book.add_worksheet("目录")
    contents.write_row(0, 0, ["序号", "领域", "事项数", "参考目录"])
    contents.write_number(1, 0, 1)
    contents.write_url(1, 1, "internal:'涉农补贴'!A1", string="涉农补贴")
    contents.write_number(1, 2, 5)
    contents.write_string(1, 3, "国务院办公厅涉农补贴领域标准指引")
    contents.write_number(2, 0, 2)
    contents.write_url(2, 1, "internal:'救灾 (2)'!A1", string="救灾")
    contents.write_number(2, 2, 3)
    farm = book.add_worksheet("涉农补贴")
    farm.merge_range(0, 0, 0, 15, "积石山县涉农补贴领域基层政务公开标准目录")
    for col, label in enumerate(TOP):
        if label:
            farm.write_string(1, col, label)
    for col, label in enumerate(SUB):
        if label:
            farm.write_string(2, col, label)
    for r0, c0, r1, c1 in HEADER_MERGES:
        farm.merge_range(r0, c0, r1, c1, TOP[c0])
    rows = [
        _row(1, "政策文件", "惠农补贴政策", channels="政府网站、两微一端"),
        _row(2, "", "补贴发放结果", content="发放对象\n发放金额\n\n", all="", some="√", note="涉及个人隐私的不公开"),
        _row(3, "", "补贴标准", time=dt.date(2024, 3, 1), apply="√", active="", note="不主动公开理由：涉密"),
        _row(4, "办事服务", "办理流程", channels="其他（便民服务大厅）", town="√", county=""),
        _row(5, "", "办理流程", content="办理时限", basis="同上"),
        _row(6, "", "监督举报", time=45566.5, channels="政府网站\n微信公众号", village="同上", note=True),
        _row("7", "", "咨询电话", content=1234.0, subject="积石山县农业农村局\n（农经站）", note=3.25),
    ]
    for offset, values in enumerate(rows):
        r = 3 + offset
        for col, value in enumerate(values):
            if isinstance(value, dt.date):
                farm.write_datetime(r, col, dt.datetime.combine(value, dt.time()), date)
            elif isinstance(value, float) and col == 5:
                farm.write_number(r, col, value, stamp)
            elif isinstance(value, bool):
                farm.write_boolean(r, col, value)
            elif isinstance(value, (int, float)):
                farm.write_number(r, col, value)
            elif value != "":
                farm.write(r, col, value)
    farm.merge_range(4, 1, 5, 1, "")  # 一级事项 of rows 4–6 written once, merged down from row 4's cell
    farm.write_string(3, 1, "政策文件")
    farm.merge_range(6, 1, 9, 1, "办事服务")
    farm.merge_range(7, 2, 8, 2, "办理流程")  # one 二级事项 over two rows: one item
    farm.write_rich_string(9, 3, "咨询", bold, "电话", "号码")
    farm.merge_range(10, 0, 10, 15, "注：本目录由积石山县人民政府办公室汇总。")
    relief = book.add_worksheet("救灾 (2)")
    relief.write_string(0, 0, "积石山县救灾领域基层政务公开标准目录")
    relief.write_row(1, 0, ["序号", "事项名称", "公开内容", "公开依据", "公开时限", "公开主体", "公开渠道",
                            "公开对象", "公开方式", "公开层级", "备注"])
    relief.write_row(2, 0, [1, "救灾资金分配", "分配结果", "《自然灾害救助条例》", "实时", "县应急管理局",
                            "政府网站；公告栏", "全社会", "主动公开", "县级、乡级", ""])
    relief.write_row(3, 0, ["一、", "物资发放"])
    relief.write_row(4, 0, [2, "物资发放情况", "发放清单", "《自然灾害救助条例》", "实时", "县应急管理局",
                            "政务新媒体", "特定群众", "依申请", "村级", "x"])
    relief.merge_range(6, 0, 6, 10, "吹麻滩镇救灾领域基层政务公开标准目录")
    relief.write_row(7, 0, [1, "受灾人员救助", "救助对象", "《自然灾害救助条例》", "实时", "吹麻滩镇人民政府",
                            "公开栏", "全社会", "主动", "", ""])
    notes = book.add_worksheet("说明")
    notes.write_string(0, 0, "填表说明")
    notes.write_string(3, 2, "本表不是目录")
    book.close()
    return path


def openpyxl_book(path: Path) -> Path:
    """openpyxl's own writing (shared strings), with merges, numbers and a second table under the first."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "城乡规划"
    ws.append(["积石山县城乡规划领域基层政务公开标准目录（试行）"])
    ws.append(TOP)
    ws.append(SUB)
    ws.append(_row(1, "规划", "总体规划", channels="☑政府网站 ☐政府公报", note="网址：http://www.jss.gov.cn"))
    ws.append(_row(2, None, "控制性详细规划", all="是", some="否", county="县级"))
    ws.append(_row(3, None, "规划许可", all="", some="", channels="政府网站 办事大厅"))
    ws.append(["积石山县城乡规划领域乡镇目录"])
    ws.append(_row(4, "乡村规划", "村庄规划", county="", town="√", village="√"))
    ws.merge_cells("A1:P1")
    ws.merge_cells("A2:A3")
    ws.merge_cells("B2:C2")
    ws.merge_cells("I2:J2")
    ws.merge_cells("K2:L2")
    ws.merge_cells("M2:O2")
    ws.merge_cells("B4:B6")
    ws.merge_cells("A7:P7")
    ws["E5"] = 0.1 + 0.2
    ws["F6"] = dt.datetime(2024, 5, 6, 7, 8, 9)
    ws["F6"].number_format = "yyyy-mm-dd hh:mm:ss"
    ws["G6"] = "=A1"
    other = book.create_sheet("空表")
    other["C3"] = None
    book.save(path)
    return path


MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"


def _c(ref: str | None, value: object, kind: str = "s", style: int | None = None) -> str:
    attrs = (f' r="{ref}"' if ref else "") + (f' s="{style}"' if style is not None else "")
    if kind == "inline":
        return f'<c{attrs} t="inlineStr"><is><t>{escape(str(value))}</t></is></c>'
    if kind == "n":
        return f"<c{attrs}><v>{value}</v></c>"
    return f'<c{attrs} t="{kind}"><v>{escape(str(value))}</v></c>'


def raw_book(path: Path) -> Path:
    """XML as other producers write it: no cell references, hidden values under merges, range links."""
    strings = ["积石山县 财政预决算 领域基层政务公开标准目录", "序号", "公开事项", "公开内容", "公开依据", "公开时限",
               "公开主体", "公开渠道和载体", "公开对象", "公开方式", "预算", "部门预算", "预算表格_x005F_x000D_说明",
               "《预算法》", "20个工作日", "县财政局", "政府网站"]
    sst = "".join(f"<si><t xml:space=\"preserve\">{escape(s)}</t></si>" for s in strings)
    sst += ('<si><r><t>决算</t></r><r><rPr><b/></rPr><t>公开</t></r><rPh sb="0" eb="1"><t>けっさん</t></rPh>'
            '<phoneticPr fontId="1"/></si>')  # index 17: a rich string with a phonetic run
    s = {text: i for i, text in enumerate(strings)}
    rows = [
        '<row r="1">' + _c(None, s[strings[0]]) + _c("E1", s["预算"]) + "</row>",  # E1 hidden under A1:I1
        "<row>" + "".join(_c(None, s[label]) for label in strings[1:10]) + "</row>",
        '<row r="3">' + _c(None, 1, "n") + _c(None, s["部门预算"]) + _c(None, s["预算表格_x005F_x000D_说明"])
        + _c(None, s["《预算法》"]) + _c(None, 45000, "n", 1) + _c(None, s["县财政局"]) + _c(None, s["政府网站"])
        + _c(None, "全社会", "str") + _c(None, "主动", "inline") + "</row>",
        '<row r="4"><c r="A4" t="n"><v>2</v></c>' + _c("B4", "x", "inline") + _c("C4", 17)
        + _c(None, s["《预算法》"]) + _c(None, "2024-02-29T10:00:00", "d") + _c(None, "#N/A", "e")
        + _c(None, s["政府网站"]) + _c(None, "全社会", "inline") + _c(None, 1, "b") + "</row>",
        '<row r="5">' + _c("A5", 3, "n") + '<c r="B5" s="0"/>' + _c("C5", "1.0E2", "n") + _c("D5", s["《预算法》"])
        + _c("E5", 1.5, "n", 2) + _c("F5", s["县财政局"]) + _c("G5", s["政府网站"]) + _c("H5", "全社会", "inline")
        + _c("I5", "主动", "inline") + "</row>",
        '<row r="6"><c r="A6"><f>1+1</f></c>' + _c("B6", "三公经费", "inline") + _c("C6", "金额", "inline")
        + _c("G6", "政府网站", "inline") + _c("H6", "全社会", "inline") + _c("I6", "主动", "inline") + "</row>",
    ]
    sheet = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{MAIN}" xmlns:r="{RELS}">'
             f'<sheetData>{"".join(rows)}</sheetData>'
             '<mergeCells count="3"><mergeCell ref="A1:I1"/><mergeCell ref="B3:B5"/><mergeCell ref="K7"/></mergeCells>'
             '<hyperlinks><hyperlink ref="C3:C4" location="\'预算\'!A1"/><hyperlink ref="B4" r:id="rId1"/>'
             '</hyperlinks></worksheet>')
    contents = (f'<worksheet xmlns="{MAIN}" xmlns:r="{RELS}"><sheetData>'
                '<row r="1"><c r="A1" t="inlineStr"><is><t>领域</t></is></c><c r="B1" t="inlineStr"><is><t>参考</t></is>'
                '</c></row><row r="2"><c r="A2" t="inlineStr"><is><t>预决算</t></is></c>'
                '<c r="B2" t="inlineStr"><is><r><t>国务院</t></r><r><t> 指引</t></r></is></c></row>'
                '</sheetData><hyperlinks><hyperlink ref="A2" location="\'预算\'!A1"/></hyperlinks></worksheet>')
    styles = (f'<styleSheet xmlns="{MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m'
              '&quot;月&quot;d&quot;日&quot;"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/>'
              '<xf numFmtId="46"/></cellXfs></styleSheet>')
    workbook = (f'<workbook xmlns="{MAIN}" xmlns:r="{RELS}"><workbookPr date1904="1"/><sheets>'
                '<sheet name="目录" sheetId="2" r:id="rId2"/><sheet name="预算" sheetId="1" r:id="rId1"/></sheets>'
                "</workbook>")
    wb_rels = (f'<Relationships xmlns="{PKG}">'
               f'<Relationship Id="rId1" Type="{RELS}/worksheet" Target="worksheets/budget.xml"/>'
               f'<Relationship Id="rId2" Type="{RELS}/worksheet" Target="/xl/worksheets/contents.xml"/>'
               f'<Relationship Id="rId3" Type="{RELS}/styles" Target="styles.xml"/>'
               f'<Relationship Id="rId4" Type="{RELS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
    sheet_rels = (f'<Relationships xmlns="{PKG}"><Relationship Id="rId1" Type="{RELS}/hyperlink" '
                  f'Target={quoteattr("http://www.jss.gov.cn/czyjs")} TargetMode="External"/></Relationships>')
    root_rels = (f'<Relationships xmlns="{PKG}"><Relationship Id="rId1" Type="{RELS}/officeDocument" '
                 'Target="xl/workbook.xml"/></Relationships>')
    types = ('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
             '<Default Extension="xml" ContentType="application/xml"/>'
             '<Override PartName="/xl/workbook.xml" '
             'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
             '<Override PartName="/xl/worksheets/budget.xml" '
             'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
             '<Override PartName="/xl/worksheets/contents.xml" '
             'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
             '<Override PartName="/xl/styles.xml" '
             'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
             '<Override PartName="/xl/sharedStrings.xml" '
             'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
             "</Types>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", types)
        archive.writestr("_rels/.rels", root_rels)
        archive.writestr("xl/workbook.xml", workbook)
        archive.writestr("xl/_rels/workbook.xml.rels", wb_rels)
        archive.writestr("xl/styles.xml", styles)
        archive.writestr("xl/sharedStrings.xml", f'<sst xmlns="{MAIN}">{sst}</sst>')
        archive.writestr("xl/worksheets/budget.xml", sheet)
        archive.writestr("xl/worksheets/_rels/budget.xml.rels", sheet_rels)
        archive.writestr("xl/worksheets/contents.xml", contents)
    return path


BOOKS: dict[str, Callable[[Path], Path]] = {"xlsxwriter.xlsx": xlsxwriter_book, "openpyxl.xlsx": openpyxl_book,
                                           "raw.xlsx": raw_book}


def summary(path: Path) -> dict[str, object]:
    """What `jxs import` makes of a workbook: each domain's YAML and every diagnostic, as JSON data."""
    from jxs_catalog.importing import domain_yaml, import_workbook

    result = import_workbook(path)
    return {
        "domains": [{"name": d.name, "sheet": d.sheet, "department": d.department, "reference": d.reference,
                     "title": d.title, "yaml": domain_yaml(d)} for d in result.domains],
        "diagnostics": [[d.code, d.line, d.column, d.severity.name, d.message("zh"), d.message("en")]
                        for d in result.diagnostics],
    }
