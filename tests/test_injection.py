"""Text from a township is inert everywhere: no script in any page, no formula in any cell,
no path outside the output directory."""

from __future__ import annotations

import csv
import io
from html.parser import HTMLParser
from pathlib import Path

import openpyxl
import pytest

from jxs_catalog.build import run_build
from jxs_catalog.staging import Staging
from tests.conftest import run

HOSTILE = {
    "content": "<script>alert('content')</script> & </script><script>alert(2)</script>",
    "time_limit": "=HYPERLINK(\"http://evil.invalid\",\"点我\")",
    "note": "javascript:alert(document.cookie)",
    "reason": "\" onmouseover=\"alert(3)\" x=\"",
}


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[dict[str, str | None]] = []
        self.bad_attrs: list[tuple[str, str]] = []
        self.handlers: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self.scripts.append(dict(attrs))
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append(name)
            if name in ("href", "src", "action") and value and value.strip().lower().startswith("javascript"):
                self.bad_attrs.append((name, value))


@pytest.fixture
def hostile(small: Path) -> Path:
    path = small / "townships" / "dong.yaml"
    text = path.read_text(encoding="utf-8")
    quoted = '"' + HOSTILE["content"].replace('"', '\\"') + '"'
    assert "content: 项目名称、进度和资金" in text
    text = text.replace("content: 项目名称、进度和资金", f"content: {quoted}")
    path.write_text(text, encoding="utf-8")
    dom = small / "domains" / "butie.yaml"
    t = dom.read_text(encoding="utf-8")
    t = t.replace("time_limit: 资金发放后10个工作日内", "time_limit: '" + HOSTILE["time_limit"] + "'")
    t = t.replace("content: 补贴对象姓名、补贴金额", "content: \"" + HOSTILE["content"].replace('"', '\\"') + "\"")
    t = t.replace("reason: 涉及个人信息", "reason: '" + HOSTILE["reason"] + "'\n    note: " + HOSTILE["note"])
    dom.write_text(t, encoding="utf-8")
    (small / "townships" / "xi.yaml").write_text(
        'name: 西乡\ncode: "620000200000"\nvillages: ["<img src=x onerror=alert(1)>村", "../../etc村", "/abs社区"]\n',
        encoding="utf-8")
    assert run("validate", "--root", str(small)).exit_code == 0
    report = run_build(small)
    assert report.written, report.diagnostics
    return small / "out"


def test_no_script_from_data_in_any_page(hostile: Path) -> None:
    pages = sorted((hostile / "site").rglob("*.html"))
    assert len(pages) > 5
    for page in pages:
        html = page.read_text(encoding="utf-8")
        parser = _Collector()
        parser.feed(html)
        assert [s.get("src") for s in parser.scripts] in ([], [s.get("src") for s in parser.scripts if
                                                            (s.get("src") or "").endswith("assets/site.js")])
        assert len(parser.scripts) <= 1, page
        assert parser.handlers == [], (page, parser.handlers)
        assert parser.bad_attrs == [], page
        assert "<script>alert" not in html and "<img src=x" not in html


def test_no_formula_in_any_cell(hostile: Path) -> None:
    books = list((hostile / "xlsx").rglob("*.xlsx"))
    assert any(b.parent.name == "villages" for b in books)
    for book in books:
        wb = openpyxl.load_workbook(book)
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                for cell in row:
                    if cell.value is None:
                        continue
                    # Text is text; only 序号 and the counts (whole numbers) are numbers.
                    assert cell.data_type == "s" or (cell.data_type == "n" and type(cell.value) is int
                                                     and cell.column in (1, 3)), (book.name, ws.title, cell.coordinate)
    for table in (hostile / "data").rglob("*.csv"):
        for row in csv.reader(io.StringIO(table.read_bytes().decode("utf-8-sig"))):
            for cell in row:
                assert not cell.startswith(("=", "+", "-", "@")), (table, cell)


def test_villages_with_path_like_names_stay_inside(hostile: Path) -> None:
    pages = {p.relative_to(hostile).as_posix() for p in hostile.rglob("*")}
    assert all(not p.startswith("..") for p in pages)
    villages = sorted((hostile / "site" / "villages").glob("xi-*.html"))
    assert len(villages) == 3


def test_nothing_is_written_outside_the_output(small: Path) -> None:
    before = sorted(p.relative_to(small.parent).as_posix() for p in small.parent.rglob("*"))
    run_build(small)
    after = sorted(p.relative_to(small.parent).as_posix() for p in small.parent.rglob("*"))
    assert [p for p in after if p not in before and not p.startswith("ws/out")] == []


@pytest.mark.parametrize("rel", ["../x.html", "/etc/passwd", "a/../../x", "C:\\x", "site\\..\\x", ""])
def test_staging_refuses_escaping_paths(tmp_path: Path, rel: str) -> None:
    with pytest.raises(ValueError):
        Staging(tmp_path).target(rel)


@pytest.mark.parametrize("stem", ["Evil", "a_b", "a.b", "中文"])  # a slash cannot be in a file name at all
def test_file_ids_must_be_safe(small: Path, stem: str) -> None:
    (small / "domains" / f"{stem}.yaml").write_text((small / "domains" / "jiuzai.yaml").read_text(
        encoding="utf-8").replace("name: 救灾", "name: 救灾二"), encoding="utf-8")
    result = run("build", "--root", str(small))
    assert result.exit_code == 1
    assert "JXS014" in result.output
