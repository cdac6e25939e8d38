"""bases.yaml, the register of cited documents: parsing citations, resolving them, currency, outputs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from jxs_catalog.build import run_build
from jxs_catalog.citations import number_key, parse_basis, same_number, title_key
from jxs_catalog.pipeline import compile_workspace
from jxs_catalog.register import basis_sites
from jxs_catalog.workspace import load_workspace
from tests.conftest import REPO, run

REGISTER = """\
reviewed: "2026-12-01"
documents:
  - title: 中华人民共和国政府信息公开条例
    number: 国务院令第711号
    issuer: 国务院
    date: "2019-04-03"
    status: 现行有效
    url: https://example.org/zfxxgk.html
  - 标题: 中华人民共和国农业法
    发文机关: 全国人民代表大会常务委员会
    状态: 现行有效
  - title: 自然灾害救助条例
    number: 国务院令第577号
    status: 已废止
    replaced_by: 新自然灾害救助条例
  - title: 新自然灾害救助条例
    number: 国务院令第999号
    status: 现行有效
"""


def with_register(ws: Path, text: str = REGISTER) -> Path:
    (ws / "bases.yaml").write_text(text, encoding="utf-8")
    return ws


def found(ws: Path, *args: str) -> set[tuple[str, str, int]]:
    data = json.loads(run("check", "--root", str(ws), "--format", "json", *args).output)
    return {(d["code"], d["path"], d["line"]) for d in data["diagnostics"]}


# --- parsing -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "title", "number"), [
    ("《中华人民共和国政府信息公开条例》（国务院令第711号）", "中华人民共和国政府信息公开条例", "国务院令第711号"),
    ("《就业补助资金管理办法》（财社〔2017〕164号）", "就业补助资金管理办法", "财社〔2017〕164号"),
    ("《纳税缴费信用管理办法》（国家税务总局公告2025年第12号）", "纳税缴费信用管理办法", "国家税务总局公告2025年第12号"),
    ("《甘肃省食品小作坊小经营店小摊点监督管理条例》（甘肃省人民代表大会常务委员会公告第52号）",
     "甘肃省食品小作坊小经营店小摊点监督管理条例", "甘肃省人民代表大会常务委员会公告第52号"),
    ("《社会救助暂行办法》（国务院令第649号，2019年修订）", "社会救助暂行办法", "国务院令第649号"),
    ("《食品安全抽样检验管理办法》（国家市场监督管理总局令第15号公布）", "食品安全抽样检验管理办法",
     "国家市场监督管理总局令第15号"),
    ("《公共资源交易平台管理暂行办法》（国家发展改革委等14部门令第39号）", "公共资源交易平台管理暂行办法",
     "国家发展改革委等14部门令第39号"),
    ("《企业国有资产交易监督管理办法》（国务院国资委、财政部令第32号）", "企业国有资产交易监督管理办法",
     "国务院国资委、财政部令第32号"),
    ("《中华人民共和国传染病防治法》（主席令第四十七号）", "中华人民共和国传染病防治法", "主席令第四十七号"),
    ("《招标公告和公示信息发布管理办法》（发展改革委第10号令）", "招标公告和公示信息发布管理办法", "发展改革委第10号令"),
    ("《城市供水条例》（2020年3月27日国务院令第726号）", "城市供水条例", "国务院令第726号"),
    ("《中华人民共和国预算法》（2018年12月29日修正）", "中华人民共和国预算法", None),
    ("《关于建立健全村务监督委员会的指导意见》（中共中央办公厅、国务院办公厅2017年12月印发）",
     "关于建立健全村务监督委员会的指导意见", None),
    ("《财政部关于印发〈地方预决算公开操作规程〉的通知》（财预〔2016〕143号）",
     "财政部关于印发〈地方预决算公开操作规程〉的通知", "财预〔2016〕143号"),
    ("《某某通知》（财社[2017]164号）", "某某通知", "财社〔2017〕164号"),
])
def test_each_citation_form(text: str, title: str, number: str | None) -> None:
    (cited,) = parse_basis(text)
    assert cited.title == title
    assert (number_key(cited.number) if cited.number else None) == (number_key(number) if number else None)


def test_nested_titles_and_several_titles_in_one_text() -> None:
    text = ("《中共中央办公厅 国务院办公厅印发〈关于全面推进政务公开工作的意见〉》（中办发〔2016〕8号）和"
            "《中华人民共和国政府信息公开条例》（国务院令第711号）第二十条、《中华人民共和国农业法》")
    cited = parse_basis(text)
    assert [c.title for c in cited] == ["中共中央办公厅 国务院办公厅印发〈关于全面推进政务公开工作的意见〉",
                                        "中华人民共和国政府信息公开条例", "中华人民共和国农业法"]
    assert [c.number for c in cited] == ["中办发〔2016〕8号", "国务院令第711号", None]
    assert text[cited[1].start:cited[1].end] == "《中华人民共和国政府信息公开条例》"


def test_no_title_no_citation() -> None:
    assert parse_basis("本县规定的其他事项") == []
    assert parse_basis("〈不是书名号〉") == []


def test_lookup_ignores_width_blanks_and_quote_styles() -> None:
    assert title_key("关于以“多规合一”为基础（试行）") == title_key('关于以"多规合一"为基础(试行)')
    assert title_key("中共中央 国务院关于X的意见") == title_key("中共中央　国务院关于X的意见")
    assert title_key("印发〈办法〉的通知") == title_key("印发《办法》的通知")
    assert title_key("规划（2021－2025年）") == title_key("规划（2021—2025年）")
    assert same_number("财社［2017］164号", "财社〔2017〕164号")
    assert same_number("令第711号", "国务院令第711号")
    assert same_number("发展改革委第10号令", "发展改革委令第10号")
    assert not same_number("财社〔2017〕164号", "财社〔2026〕1号")


def test_every_citation_in_the_shipped_data_is_read() -> None:
    ws = load_workspace(REPO)
    sites = list(basis_sites(ws))
    assert len(sites) > 300
    for site in sites:
        cited = parse_basis(site.text)
        assert cited, (site.path, site.line, site.text)
        paren = site.text[cited[0].end:]
        if "号" in paren and ("令第" in paren or "〔" in paren or "公告" in paren):
            assert cited[0].number, (site.path, site.line, site.text)


# --- the register file -------------------------------------------------------------------------

def test_register_values_are_checked_where_they_stand(small: Path) -> None:
    with_register(small, REGISTER + """\
  - title: 某办法
    status: 作废
    valid_until: "2026-02-30"
    url: ftp://example.org/x
""")
    got = {(d.code, d.path, d.line) for d in compile_workspace(small).diagnostics}
    assert ("JXS107", "bases.yaml", 20) in got  # not a status
    assert ("JXS112", "bases.yaml", 21) in got  # not a calendar date


def test_duplicate_titles_and_unknown_replacements_are_errors(small: Path) -> None:
    with_register(small, REGISTER + """\
  - title: 中华人民共和国政府信息公开条例
    status: 现行有效
  - title: 另一办法
    status: 已废止
    replaced_by: 不存在的办法
    url: ftp://example.org/x
""")
    result = run("validate", "--root", str(small))
    assert result.exit_code == 1
    assert "bases.yaml:19:12: 错误 JXS501 《中华人民共和国政府信息公开条例》在 bases.yaml 中重复登记（第一次在第 3 行）" in result.output
    assert "bases.yaml:23:18: 错误 JXS502 替代文件《不存在的办法》没有在 bases.yaml 中登记" in result.output
    assert "bases.yaml:24:10: 错误 JXS118" in result.output


def test_without_a_register_nothing_is_resolved(small: Path) -> None:
    assert not {c for c, _, _ in found(small)} & {"JXS503", "JXS504", "JXS505", "JXS506"}


# --- resolution (validate) ---------------------------------------------------------------------

def test_unregistered_title_is_a_warning_at_the_citing_line(small: Path) -> None:
    register = REGISTER.replace("  - 标题: 中华人民共和国农业法\n    发文机关: 全国人民代表大会常务委员会\n    状态: 现行有效\n", "")
    with_register(small, register)
    result = run("validate", "--root", str(small))
    assert result.exit_code == 0, result.output
    assert "domains/butie.yaml:12:9: 警告 JXS503 《中华人民共和国农业法》不在 bases.yaml 中。" in result.output
    assert run("validate", "--root", str(small), "--strict").exit_code == 1


def test_a_contradicting_number_is_a_warning(small: Path) -> None:
    with_register(small, REGISTER.replace("国务院令第711号", "国务院令第492号"))
    result = run("validate", "--root", str(small), "--lang", "en")
    assert "domains/butie.yaml:11:9: warning JXS504" in result.output
    assert "'国务院令第711号', but bases.yaml registers '国务院令第492号'" in result.output



def test_a_township_named_alone_still_resolves_what_it_cites(small: Path) -> None:
    with_register(small)
    dong = small / "townships" / "dong.yaml"
    dong.write_text(dong.read_text(encoding="utf-8").replace("《自然灾害救助条例》（国务院令第577号）", "《未登记的条例》"),
                    encoding="utf-8")
    result = run("validate", "--root", str(small), str(dong))
    assert "townships/dong.yaml:20:12: 警告 JXS503 《未登记的条例》不在 bases.yaml 中。" in result.output, result.output

# --- currency (check) --------------------------------------------------------------------------

def test_a_repealed_document_is_flagged_at_each_citing_line(small: Path) -> None:
    with_register(small)
    dong = small / "townships" / "dong.yaml"
    dong.write_text(dong.read_text(encoding="utf-8").replace(
        "      channels: [入户/现场, 大喇叭, 村（居）民微信群]\n",
        "      channels: [入户/现场, 大喇叭, 村（居）民微信群]\n      basis:\n"
        "        - 《中华人民共和国政府信息公开条例》（国务院令第711号）\n        - 《自然灾害救助条例》（国务院令第577号）\n"),
        encoding="utf-8")
    got = {(code, path, line) for code, path, line in found(small, "--today", "2026-12-01") if code == "JXS505"}
    assert got == {("JXS505", "domains/jiuzai.yaml", 8), ("JXS505", "townships/dong.yaml", 17),
                   ("JXS505", "townships/dong.yaml", 23)}
    text = run("check", "--root", str(small), "--today", "2026-12-01").output
    assert "引用的《自然灾害救助条例》已废止。请改为《新自然灾害救助条例》（国务院令第999号）" in text


def test_an_expired_document_is_flagged_after_its_term(small: Path) -> None:
    with_register(small, REGISTER.replace("    url: https://example.org/zfxxgk.html\n",
                                          "    url: https://example.org/zfxxgk.html\n    valid_until: \"2026-06-30\"\n"))
    before = found(small, "--today", "2026-06-30")
    after = found(small, "--today", "2026-07-01")
    assert not any(code == "JXS506" for code, _, _ in before)
    assert {(p, line) for code, p, line in after if code == "JXS506"} == {
        ("domains/butie.yaml", 11), ("domains/butie.yaml", 21), ("domains/butie.yaml", 30), ("domains/butie.yaml", 39)}


def test_check_report_lists_each_document_with_the_items_citing_it(small: Path, tmp_path: Path) -> None:
    with_register(small)
    result = run("check", "--root", str(small), "--today", "2026-12-01", "--report", "--report-dir", str(tmp_path))
    assert "《自然灾害救助条例》（国务院令第577号）  已废止 → 《新自然灾害救助条例》  2 处引用" in result.output
    assert "    townships/dong.yaml:20  救灾 · 重建项目进展" in result.output
    rows = (tmp_path / "documents.csv").read_bytes().decode("utf-8-sig").splitlines()
    assert rows[0] == "文件标题,文号,状态,替代文件,有效期至,引用位置,领域,事项"
    assert rows[1].startswith("自然灾害救助条例,国务院令第577号,已废止,新自然灾害救助条例,,domains/jiuzai.yaml:8,救灾,")
    assert "新自然灾害救助条例,国务院令第999号,现行有效,,,,," in rows  # registered, cited nowhere


# --- fix ---------------------------------------------------------------------------------------

def test_fix_offers_the_replacement_and_writes_it_only_when_asked(small: Path) -> None:
    with_register(small)
    jiuzai = small / "domains" / "jiuzai.yaml"
    before = jiuzai.read_bytes()
    shown = run("fix", "--root", str(small))
    assert "-    basis: 《自然灾害救助条例》（国务院令第577号）" in shown.output
    assert "+    basis: 《新自然灾害救助条例》（国务院令第999号）" in shown.output
    assert "第 8 行：《自然灾害救助条例》改为替代它的《新自然灾害救助条例》" in shown.output
    assert jiuzai.read_bytes() == before
    run("fix", "--root", str(small), "--write")
    assert "    basis: 《新自然灾害救助条例》（国务院令第999号）\n" in jiuzai.read_text(encoding="utf-8")
    assert "JXS505" not in run("check", "--root", str(small), "--today", "2026-12-01").output


def test_fix_corrects_a_number_that_contradicts_the_register(small: Path) -> None:
    with_register(small, REGISTER.replace("国务院令第711号", "国务院令第492号"))
    run("fix", "--root", str(small), "--write")
    text = (small / "domains" / "butie.yaml").read_text(encoding="utf-8")
    assert "《中华人民共和国政府信息公开条例》（国务院令第492号）" in text and "711" not in text


# --- publication -------------------------------------------------------------------------------

@pytest.fixture()
def built(small: Path) -> Path:
    with_register(small)
    assert run_build(small).written
    return small / "out"


def test_the_site_links_a_cited_title_to_its_text(built: Path) -> None:
    page = (built / "site" / "domains" / "butie.html").read_text(encoding="utf-8")
    assert ('<a class="cite" href="https://example.org/zfxxgk.html" title="国务院令第711号　现行有效">'
            "《中华人民共和国政府信息公开条例》</a>（国务院令第711号）") in page
    assert "<br>《中华人民共和国农业法》<td>" in page  # registered without a url: plain text


def test_json_carries_the_resolved_documents_and_the_workbook_the_text(built: Path) -> None:
    data = json.loads((built / "data" / "county.json").read_text(encoding="utf-8"))
    item = data["sections"][0]["items"][0]
    assert item["basis"][1] == "《中华人民共和国农业法》"
    assert item["basis_documents"] == [
        [{"title": "中华人民共和国政府信息公开条例", "number": "国务院令第711号", "status": "现行有效"}],
        [{"title": "中华人民共和国农业法", "number": None, "status": "现行有效"}]]
    from openpyxl import load_workbook
    sheet = load_workbook(built / "xlsx" / "county.xlsx")["涉农补贴"]
    cells = [str(c.value) for row in sheet.iter_rows() for c in row if c.value]
    assert any(c.startswith("《中华人民共和国政府信息公开条例》（国务院令第711号）") for c in cells)
    assert not any("<a" in c for c in cells)


def test_import_lists_the_titles_the_register_does_not_know(small: Path) -> None:
    assert run_build(small).written
    with_register(small, REGISTER.replace("  - 标题: 中华人民共和国农业法\n", "  - 标题: 其他法\n"))
    result = run("import", str(small / "out" / "xlsx" / "county.xlsx"), "-o", str(small / "imported"),
                 "--root", str(small))
    assert result.exit_code == 0, result.output
    lines = [line for line in result.output.splitlines() if "JXS507" in line]
    assert len(lines) == 1
    assert "1 份 bases.yaml 中没有登记的文件：《中华人民共和国农业法》" in lines[0]


# --- the shipped register ----------------------------------------------------------------------

def test_the_shipped_register_knows_every_cited_document_and_the_replaced_ones() -> None:
    first = (REPO / "bases.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=schemas/bases.schema.json"
    ws = load_workspace(REPO)
    assert ws.bases is not None and ws.bases.model is not None, ws.bases and ws.bases.diagnostics
    from jxs_catalog.register import Register
    register = Register(ws.bases.model)
    for site in basis_sites(ws):
        for cited in parse_basis(site.text):
            assert register.find(cited.title) is not None, (site.path, site.line, cited.title)
    old = register.find("就业补助资金管理办法")
    assert old is not None and old.status == "已废止" and register.replacement(old) is not None
