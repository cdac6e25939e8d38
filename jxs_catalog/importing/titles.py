"""Domain names from titles, and what the contents sheet of a jxs workbook says about each sheet."""

from __future__ import annotations

import re
from dataclasses import dataclass

from jxs_catalog.importing.book import Grid
from jxs_catalog.importing.header import norm
from jxs_catalog.pilot import PILOT_DOMAINS

_EDITION = re.compile(r"[（(][^）)]*[)）]$")  # （试行）, (2024版)
_PLACE_END = "省市州盟县区旗乡镇"
_TAILS = ("领域基层政务公开", "领域政务公开", "领域", "基层政务公开", "政务公开", "标准目录", "事项目录", "目录")


@dataclass(frozen=True, slots=True)
class TitleInfo:
    domain: str | None
    township: bool  # the table belongs to a 乡/镇: its items default to 乡级


def parse_title(title: str) -> TitleInfo:
    """积石山县涉农补贴领域基层政务公开标准目录 -> 涉农补贴; 吹麻滩镇…目录 is a township's table."""
    text = re.sub(r"\s+", "", title)
    while _EDITION.search(text):
        text = _EDITION.sub("", text)
    cut = min((i for i in (text.find(tail) for tail in _TAILS) if i > 0), default=-1)
    head = text[:cut] if cut > 0 else text
    township = False
    pilots = [d for d in PILOT_DOMAINS if head.endswith(d)]
    if pilots:
        domain = max(pilots, key=len)
        place = head[: -len(domain)]
        township = place.endswith(("乡", "镇", "街道"))
        return TitleInfo(domain, township)
    # Strip place names from the front: 甘肃省 临夏州 积石山县 吹麻滩镇 …
    rest = head
    while True:
        pos = next((i for i, ch in enumerate(rest) if ch in _PLACE_END and i >= 1), -1)
        if pos < 0 or len(rest) - pos - 1 < 2:
            break
        township = rest[pos] in "乡镇"
        rest = rest[pos + 1:]
    return TitleInfo(rest if rest and cut > 0 else None, township)


@dataclass(frozen=True, slots=True)
class ContentsEntry:
    domain: str
    reference: str | None


def read_contents(grid: Grid, sheets: list[str]) -> dict[str, ContentsEntry]:
    """A contents sheet (序号 | 领域 | 事项数 | 参考目录) as sheet name -> its domain and reference."""
    header = next((r for r in range(min(grid.height, 10))
                   if "领域" in {norm(grid.text(r, c)) for c in range(grid.width)}), None)
    if header is None:
        return {}
    labels = [norm(grid.text(header, c)) for c in range(grid.width)]
    domain_col = labels.index("领域")
    ref_col = next((c for c, label in enumerate(labels) if label.startswith("参考")), None)
    out: dict[str, ContentsEntry] = {}
    order = iter(sheets)
    for row in range(header + 1, grid.height):
        domain = grid.text(row, domain_col).strip()
        if domain == "合计":
            break  # what follows the total (notes, exclusions) lists no sheets
        if not domain:
            continue
        reference = grid.text(row, ref_col).strip() if ref_col is not None else ""
        sheet = _linked_sheet(grid.links.get((row, domain_col), ""))
        if sheet is None:
            sheet = domain if domain in sheets else next(order, None)
        if sheet is not None:
            out[sheet] = ContentsEntry(domain, reference or None)
    return out


def _linked_sheet(link: str) -> str | None:
    """internal:'涉农补贴'!A1 or '涉农补贴'!A1 -> 涉农补贴."""
    target = link.removeprefix("internal:").removeprefix("#")
    if "!" not in target:
        return None
    sheet = target.rsplit("!", 1)[0]
    if sheet.startswith("'") and sheet.endswith("'"):
        sheet = sheet[1:-1].replace("''", "'")
    return sheet or None
