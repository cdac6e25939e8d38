"""Workbooks as LibreOffice prints them (skipped where soffice or poppler's tools are missing).

The shipped workspace is built once; its 柳沟乡 workbook and one village's notice-board
workbook are converted to PDF, and the PDF's words and their boxes are read with pdftotext.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from jxs_catalog.build import run_build
from tests.conftest import REPO

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOTEXT = shutil.which("pdftotext")
pytestmark = pytest.mark.skipif(SOFFICE is None or PDFTOTEXT is None,
                                reason="LibreOffice (soffice) or poppler-utils (pdftotext) is not installed")

# 柳沟乡's workbook printed on 47 A4 pages before the workbooks were laid out for print (at 5.9 pt).
PAGES_BEFORE = 47
# With the whole ■/□ checklist at 9 pt or more, A4 takes more pages than that: 54 when measured with
# LibreOffice 7.4; a page-break simulation of the same rows found no set of column widths under about
# 50. The bound leaves two pages for another LibreOffice's page geometry; more is a regression.
PAGES_A4 = 56
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')


@dataclass(frozen=True)
class Word:
    x0: float
    y0: float
    x1: float
    y1: float
    text: str

    def overlaps(self, other: Word) -> bool:
        """Glyph boxes of consecutive lines touch (a box is taller than the line pitch); text printed
        over other text covers a good part of it."""
        height = min(self.y1 - self.y0, other.y1 - other.y0)
        return (min(self.x1, other.x1) - max(self.x0, other.x0) > 0.5
                and min(self.y1, other.y1) - max(self.y0, other.y0) > 0.3 * height)


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("print") / "out"
    assert run_build(REPO, target).written
    return target


def to_pdf(book: Path, where: Path) -> Path:
    profile = where / "profile"  # a profile of its own: a running LibreOffice would otherwise take the job
    subprocess.run([str(SOFFICE), f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(where), str(book)], check=True, capture_output=True, timeout=600)
    return where / f"{book.stem}.pdf"


def pages(pdf: Path) -> list[list[Word]]:
    """Every page's words with their boxes, in points from the page's top left."""
    xml = subprocess.run([str(PDFTOTEXT), "-bbox", str(pdf), "-"], check=True, capture_output=True,
                         text=True).stdout
    return [[Word(float(a), float(b), float(c), float(d), t) for a, b, c, d, t in _WORD.findall(page)]
            for page in xml.split("<page ")[1:]]


def overlapping(page: list[Word]) -> list[tuple[str, str]]:
    return [(a.text, b.text) for i, a in enumerate(page) for b in page[i + 1:] if a.overlaps(b)]


def text_size(page: list[Word], heading: str = "序号") -> float:
    """The printed size of the text, from the width of a heading of wide characters (one em each)."""
    word = next(w for w in page if w.text == heading)
    return (word.x1 - word.x0) / len(heading)


@pytest.fixture(scope="module")
def township_pdf(out: Path, tmp_path_factory: pytest.TempPathFactory) -> list[list[Word]]:
    return pages(to_pdf(out / "xlsx" / "liugou.xlsx", tmp_path_factory.mktemp("liugou")))


def test_township_workbook_pages_on_a4(township_pdf: list[list[Word]]) -> None:
    assert len(township_pdf) <= PAGES_A4


def test_township_workbook_on_a3_prints_on_fewer_pages_and_larger(tmp_path: Path) -> None:
    """A3 in jxs.yaml: columns a fifth wider, so fewer pages than before, and larger text than on A4."""
    for part in ("domains", "townships", "templates"):
        if (REPO / part).is_dir():
            shutil.copytree(REPO / part, tmp_path / part)
    shutil.copy(REPO / "bases.yaml", tmp_path)
    settings = (REPO / "jxs.yaml").read_text(encoding="utf-8")
    (tmp_path / "jxs.yaml").write_text(settings + "paper: A3\n", encoding="utf-8")
    assert run_build(tmp_path, tmp_path / "out").written
    printed = pages(to_pdf(tmp_path / "out" / "xlsx" / "liugou.xlsx", tmp_path))
    assert len(printed) < PAGES_BEFORE
    sizes = [text_size(page) for page in printed if any(w.text == "公开依据" for w in page)]
    assert min(sizes) >= 10.5, sizes
    assert not {n: p for n, page in enumerate(printed, start=1) if (p := overlapping(page))}


def item_numbers(page: list[Word]) -> list[int]:
    """The 序号 printed on a domain's page: digits under the heading, in its column."""
    head = next((w for w in page if w.text == "序号"), None)
    if head is None:
        return []
    middle = (head.x0 + head.x1) / 2
    return [int(w.text) for w in page if w.text.isdigit() and w.y0 > head.y1 and abs((w.x0 + w.x1) / 2 - middle) < 8]


def test_a_domain_never_ends_with_one_row_alone_on_a_page(township_pdf: list[list[Word]]) -> None:
    """A page holding a single item is the whole of a one-item domain (its 序号 is 1), never the
    last row of a longer one."""
    alone = {n: rows for n, page in enumerate(township_pdf, start=1) if len(rows := item_numbers(page)) == 1
             and rows != [1]}
    assert not alone, alone


def test_no_printed_text_overlaps(township_pdf: list[list[Word]]) -> None:
    """Rows as tall as their wrapped text: nothing prints over a neighbour, on the contents sheet
    (the first pages) or on any domain's sheet."""
    found = {n: pairs for n, page in enumerate(township_pdf, start=1) if (pairs := overlapping(page))}
    assert not found, found


def test_text_prints_at_9_pt_or_more(township_pdf: list[list[Word]]) -> None:
    sizes = [text_size(page) for page in township_pdf if any(w.text == "公开依据" for w in page)]
    assert sizes and min(sizes) >= 9.0, sizes


def test_every_page_of_a_domain_names_its_first_level_matter(township_pdf: list[list[Word]], out: Path) -> None:
    """The 一级事项 stands on every row, so a page that continues a group still shows it."""
    import openpyxl

    categories = {str(c.value) for ws in openpyxl.load_workbook(out / "xlsx" / "liugou.xlsx").worksheets[1:]
                  for c in ws["B"][3:] if c.value}
    for n, page in enumerate(township_pdf, start=1):
        if any(w.text == "一级事项" for w in page):
            text = "".join(w.text for w in page)
            assert any(cat[:4] in text for cat in categories), n


def test_village_workbook_prints_large_and_compact(out: Path, tmp_path: Path) -> None:
    book = next((out / "xlsx" / "villages").glob("*.xlsx"))
    printed = pages(to_pdf(book, tmp_path))
    assert printed and len(printed) <= 20
    assert text_size(printed[0]) >= 10.5
    assert not {n: p for n, page in enumerate(printed) if (p := overlapping(page))}
    for n, page in enumerate(printed, start=1):  # a domain's heading never ends a page
        footer = max(w.y0 for w in page)
        body = [w for w in page if w.y1 < footer - 5]
        for band in (w for w in body if re.search(r"（\d+ 项）$", w.text)):
            assert any(w.y0 > band.y1 for w in body), (n, band.text)
