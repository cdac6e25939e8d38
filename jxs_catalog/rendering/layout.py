"""The published table layout, shared by the workbook, the site, the CSV and the importer."""

from __future__ import annotations

from jxs_catalog import vocab
from jxs_catalog.catalog import CompiledItem

MARK = "√"
TICKED, UNTICKED = "■", "□"
REASON_PREFIX = "不主动公开理由："

# (group header, sub header or None, width in Excel character units)
COLUMNS: tuple[tuple[str, str | None, float], ...] = (
    ("序号", None, 5),
    ("公开事项", "一级事项", 11),
    ("公开事项", "二级事项", 14),
    ("公开内容（要素）", None, 28),
    ("公开依据", None, 28),
    ("公开时限", None, 14),
    ("公开主体", None, 12),
    ("公开渠道和载体", None, 22),
    ("公开对象", "全社会", 4.5),
    ("公开对象", "特定群体", 4.5),
    ("公开方式", "主动", 4.5),
    ("公开方式", "依申请", 4.5),
    ("公开层级", "县级", 4.5),
    ("公开层级", "乡级", 4.5),
    ("公开层级", "村级", 4.5),
    ("备注", None, 12),
)


def channel_checklist(channels: tuple[str, ...], extra: tuple[str, ...] = ()) -> str:
    """The ■/□ checklist in the standard order, then any further channel ticked."""
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
    return " ".join(parts)


def remark(item: CompiledItem) -> str:
    parts: list[str] = []
    if item.reason:
        parts.append(REASON_PREFIX + item.reason)
    if item.note:
        parts.append(item.note)
    return "\n".join(parts)


def row_values(index: int, item: CompiledItem, extra: tuple[str, ...] = ()) -> list[str]:
    """One item as the cells of a published table row (marks as √, channels as the checklist)."""
    def mark(flag: bool) -> str:
        return MARK if flag else ""
    return [
        str(index), item.category, item.name, item.content, "\n".join(item.basis), item.time_limit,
        item.subject, channel_checklist(item.channels, extra),
        mark("全社会" in item.audience), mark("特定群体" in item.audience),
        mark("主动" in item.method), mark("依申请" in item.method),
        mark("县级" in item.levels), mark("乡级" in item.levels), mark("村级" in item.levels),
        remark(item),
    ]


def display_width(text: str) -> int:
    """Columns a text takes in Excel units: wide characters count two.

    Characters of three UTF-8 bytes (CJK, full-width punctuation, ■ □ √) are the wide
    ones in catalog text; counting bytes runs in C, which matters over a whole county.
    """
    if text.isascii():
        return len(text)
    wide = (len(text.encode("utf-8")) - len(text)) // 2
    return len(text) + wide


def line_count(text: str, width: float) -> int:
    usable = max(int(width) - 1, 2)
    lines = 0
    for para in text.split("\n"):
        lines += max(1, -(-display_width(para) // usable))
    return lines


def section_title(place: str, domain: str, title: str) -> str:
    """积石山县涉农补贴领域基层政务公开标准目录."""
    return f"{place}{domain}领域{title}"
