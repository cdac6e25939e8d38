"""A village list as a workbook to post on the village notice board (信息公示栏).

One sheet, the domains one after another under a band naming each, 11 pt text on A4 (or A3)
landscape. What is the same on every row — the village committee that publishes and the
village level — is said once in the title block; channels show only those ticked. The legal
basis is left to the township's catalog, as on the village's page (it would double the list's
length); the block above the table says where to find it.
"""

from __future__ import annotations

import datetime as dt
import io
from functools import lru_cache
from xml.sax.saxutils import escape as xml_escape

from jxs_catalog.catalog import Catalog, CompiledItem, alike_lists, stand_in, township_items
from jxs_catalog.fields import IN_TABLE, Element, published_but_subject
from jxs_catalog.messages import say
from jxs_catalog.rendering.layout import remark, ticked
from jxs_catalog.rendering.textfit import kept_breaks, line_count, pack, row_height
from jxs_catalog.rendering.xlsx import body_height, formats, link_cell, new_workbook, print_setup
from jxs_catalog.rendering.zipfill import Prototype

SIZE = 11
# The columns that differ from row to row, from the field registry (Element.board), between 序号 and
# 备注. Widths chosen by the height the shipped lists take: a wide 公开渠道 holds two or three channels a line.
ON_BOARD: tuple[Element, ...] = tuple(e for e in IN_TABLE if e.board is not None)
COLUMNS: tuple[tuple[str, float], ...] = (
    ("序号", 4), *(e.board for e in ON_BOARD if e.board is not None), ("备注", 15),
)
CHANNELS_AT = 1 + next(i for i, e in enumerate(ON_BOARD) if e.kind == "channels")
CENTERED = frozenset({0, *(1 + i for i, e in enumerate(ON_BOARD) if e.kind in ("audience", "method"))})


def _cell(item: CompiledItem, e: Element) -> str:
    value = getattr(item, e.key)
    if e.kind == "channels":
        return _packed(value)
    if isinstance(value, tuple):
        return "\n".join(value)
    return str(value)


@lru_cache(maxsize=4096)
def _packed(channels: tuple[str, ...]) -> str:
    # The same few sets of channels recur down every list: each is laid out once.
    return pack(ticked(channels), COLUMNS[CHANNELS_AT][1], SIZE)


def _values(n: int, item: CompiledItem) -> list[str]:
    return [str(n), *(_cell(item, e) for e in ON_BOARD), remark(item)]


def title_block(village: Catalog, day: str) -> str:
    """公开主体：柳沟村村民委员会　公开层级：村级 …: said once instead of on every row, on short lines."""
    where = [say("workbook.township", township=village.township or "")]
    if village.code:
        where.append(say("workbook.code", code=village.code))
    where += [say("workbook.items", count=village.item_count), say("workbook.day", day=day)]
    return "\n".join(["　".join([say("workbook.subject", subject=village.subject), say("workbook.level")]),
                      "　".join(where), say("workbook.basis-elsewhere", township=village.township or "")])


def _workbook(village: Catalog, title: str, created: dt.datetime, day: str, publisher: str, paper: str,
              block_lines: int) -> bytes:
    """One village list's notice-board workbook, as bytes."""
    data = io.BytesIO()
    wb = new_workbook(village, data, created, publisher)
    fmt = formats(wb, SIZE)
    ws = wb.add_worksheet(say("workbook.list"))
    last = len(COLUMNS) - 1
    widths = [w for _, w in COLUMNS]
    for c, width in enumerate(widths):
        ws.set_column(c, c, width)
    heights = [32.0, row_height(block_lines, SIZE), row_height(max(line_count(label, w, SIZE)
                                                                 for label, w in COLUMNS), SIZE)]
    for c, (label, _) in enumerate(COLUMNS):
        ws.write_string(2, c, label, fmt["head"])
    bands: set[int] = set()
    n = 0
    for section in village.sections:
        row = len(heights)
        bands.add(row)
        heights.append(row_height(1, SIZE))
        ws.merge_range(row, 0, row, last, say("workbook.band", domain=section.domain, count=len(section.items)),
                       fmt["band"])
        for item in section.items:
            n += 1
            row = len(heights)
            values = _values(n, item)
            heights.append(row_height(max(line_count(v, w, SIZE) for v, w in zip(values, widths, strict=True)), SIZE))
            ws.write_number(row, 0, n, fmt["center"])
            for c in range(1, len(values)):
                ws.write_string(row, c, values[c], fmt["center"] if c in CENTERED else fmt["text"])
            link_cell(ws, row, last, item, values[-1], fmt)
    # Written last, so that the texts that name the village come last among the shared strings
    # (the village workbooks of a township are copies of one, filled in from the names on: zipfill.py).
    ws.merge_range(0, 0, 0, last, title, fmt["title"])
    ws.merge_range(1, 0, 1, last, title_block(village, day), fmt["note"])
    for row, height in enumerate(heights):
        ws.set_row(row, height)
    # A domain's heading never ends a page without its first item under it.
    ws.set_h_pagebreaks(kept_breaks(heights, body_height(widths, paper), heights[2], 3, frozenset(bands)))
    ws.freeze_panes(3, 0)
    print_setup(ws, (2, 2), title, paper, widths)
    wb.close()
    return data.getvalue()


# Stand-ins that no catalog text contains and that XML leaves as they are: the villages of one
# township list the same items, and most townships' village lists the same ones as each other, so
# their workbooks are made once and the names filled in.
_NAME, _SUBJECT, _CODE, _TOWN = "JXSBOARDNAME0x7", "JXSBOARDSUBJECT0x7", "JXSBOARDCODE0x7", "JXSBOARDTOWN0x7"


def _stand_in(village: Catalog) -> Catalog:
    proto = stand_in(village, _NAME, _SUBJECT, _CODE, village.id)
    if village.township:
        proto.title = proto.title.replace(village.township, _TOWN, 1)
        proto.township = _TOWN
    return proto


_MARKS = tuple(mark.encode("ascii") for mark in (_NAME, _SUBJECT, _CODE, _TOWN))


def _filled(proto: Prototype, village: Catalog) -> bytes:
    """The prototype with the village's name, committee and code, escaped for XML (and, in the page
    footer, with & doubled as Excel's header codes need)."""
    def fill(name: str, rest: bytes) -> bytes:
        if not name.endswith(".xml"):
            return rest
        footer = name.startswith("xl/worksheets/")

        def esc(value: str) -> str:
            return xml_escape(value.replace("&", "&&") if footer else value)
        return rest.decode("utf-8").replace(_SUBJECT, esc(village.subject)).replace(_NAME, esc(village.name)).replace(
            _CODE, esc(village.code or "")).replace(_TOWN, esc(village.township or "")).encode("utf-8")

    return proto.fill(fill)


# Prototypes kept by a process from one township to the next: a worker renders many townships, and
# the shipped county's 159 village lists need 3 workbooks made instead of 24.
_PROTOTYPES: dict[tuple[object, ...], Prototype] = {}
_PROTOTYPES_KEPT = 16


def village_workbooks(villages: list[Catalog], titles: list[str], created: dt.datetime, day: str,
                      publisher: str = "", paper: str = "A4") -> list[bytes]:
    """The notice-board workbooks of a township's village lists, in their order."""
    block_lines = max((line_count(title_block(v, day), sum(w for _, w in COLUMNS), SIZE) for v in villages), default=1)
    # What the workbook shows besides the names filled in: alike for lists alike but for the committee
    # (so read once per group), and often across townships.
    content_of: dict[int, tuple[object, ...]] = {}
    for group in alike_lists(villages):
        content = tuple((s.domain, tuple(map(published_but_subject, township_items(s.items))))
                        for s in group[0].sections)
        content_of.update((id(v), content) for v in group)
    out: list[bytes] = []
    for village, title in zip(villages, titles, strict=True):
        key = (village.kind, village.code is None, title.replace(village.name, "", 1), block_lines, created, day,
               publisher, paper, content_of[id(village)])
        proto = _PROTOTYPES.get(key)
        if proto is None:
            if len(_PROTOTYPES) >= _PROTOTYPES_KEPT:
                _PROTOTYPES.clear()
            stand_in = _stand_in(village)
            proto = _PROTOTYPES[key] = Prototype(_workbook(stand_in, title.replace(village.name, _NAME, 1), created,
                                                           day, publisher, paper, block_lines), _MARKS)
        out.append(_filled(proto, village))
    return out
