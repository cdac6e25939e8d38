"""The published table layout, shared by the workbook, the site, the CSV and the importer."""

from __future__ import annotations

from functools import lru_cache

from jxs_catalog import vocab
from jxs_catalog.catalog import CompiledItem
from jxs_catalog.fields import IN_TABLE, REMARKS, Element

MARK = "√"
TICKED, UNTICKED = "■", "□"

_CHOICES: dict[str, tuple[str, ...]] = {"audience": vocab.AUDIENCES, "method": vocab.METHODS, "levels": vocab.LEVELS}
REMARK_HEADING, REMARK_WIDTH = "备注", 10


def _columns() -> tuple[tuple[str, str | None, float], ...]:
    out: list[tuple[str, str | None, float]] = [("序号", None, 4)]
    for e in IN_TABLE:
        if e.width is None:
            continue  # written into 备注
        if e.kind in _CHOICES:
            out.extend((e.heading, value, e.width) for value in _CHOICES[e.kind])
        elif e.group is not None:
            out.append((e.group, e.heading, e.width))
        else:
            out.append((e.heading, None, e.width))
    out.append((REMARK_HEADING, None, REMARK_WIDTH))
    return tuple(out)


# (group header, sub header or None, width in Excel character units)
COLUMNS: tuple[tuple[str, str | None, float], ...] = _columns()


def checklist(channels: tuple[str, ...]) -> list[str]:
    """The ■/□ entries in the standard order, then any further channel ticked."""
    used = set(channels)
    others = [c for c in channels if c.startswith(vocab.OTHER + "：")]
    parts: list[str] = []
    for name in vocab.STANDARD_CHANNELS:
        if name == vocab.OTHER and others:
            parts.extend(TICKED + c for c in others)
            continue
        parts.append((TICKED if name in used else UNTICKED) + name)
    standard = set(vocab.STANDARD_CHANNELS)
    parts.extend(TICKED + c for c in channels if c not in standard and c not in others)
    return parts


@lru_cache(maxsize=4096)  # the same few sets of channels recur down every catalog
def channel_checklist(channels: tuple[str, ...]) -> str:
    """The whole ■/□ checklist on one line."""
    return " ".join(checklist(channels))


def ticked(channels: tuple[str, ...]) -> list[str]:
    """Only the ticked entries of the checklist, in its order: what a printed sheet shows."""
    return [entry for entry in checklist(channels) if entry.startswith(TICKED)]


def remark(item: CompiledItem, shown_apart: tuple[str, ...] = ()) -> str:
    """What the 备注 column holds: the reason for not publishing proactively, the note, the link."""
    parts: list[str] = []
    for e in REMARKS:
        value = None if e.key in shown_apart else getattr(item, e.key)
        if value:
            parts.append(f"{e.remark}{value}")
    return "\n".join(parts)


def _cells(item: CompiledItem, e: Element) -> list[str]:
    value = getattr(item, e.key)
    if e.kind in _CHOICES:
        return [MARK if choice in value else "" for choice in _CHOICES[e.kind]]
    if e.kind == "channels":
        return [channel_checklist(value)]
    if e.kind == "texts":
        return ["\n".join(value)]
    return [value]


def row_values(index: int, item: CompiledItem) -> list[str]:
    """One item as the cells of a published table row (marks as √, channels as the checklist)."""
    cells = [str(index)]
    for e in IN_TABLE:
        if e.width is not None:
            cells.extend(_cells(item, e))
    cells.append(remark(item))
    return cells


def section_title(place: str, domain: str, title: str) -> str:
    """积石山县涉农补贴领域基层政务公开标准目录."""
    return f"{place}{domain}领域{title}"
