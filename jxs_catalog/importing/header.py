"""Find the catalog tables on a sheet and what each of their columns holds.

A table starts at its header, wherever that is (title rows above it), in one
row or two (a group such as 公开对象 over 全社会 | 特定群体). Several tables may
stand on one sheet, each under its own title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum
from functools import lru_cache

from jxs_catalog.fields import IMPORTED, element_label
from jxs_catalog.importing.book import Grid
from jxs_catalog.importing.cells import SPACES, clean, level_label


class Role(str, Enum):
    SEQ = "seq"
    DOMAIN = "domain"  # a leading 相应领域 / 一级目录 column: the table's own domain, ignored
    CATEGORY = "category"
    NAME = "name"
    NAME_MORE = "name_more"  # 三级事项, 四级事项
    TEXT = "text"  # a text element read as it is (content, basis, subject …): Column.key says which
    CHANNELS = "channels"
    AUDIENCE = "audience"  # a mark column for one audience
    AUDIENCE_TEXT = "audience_text"  # one column with the audience written out
    METHOD = "method"
    METHOD_TEXT = "method_text"
    LEVEL = "level"
    LEVEL_TEXT = "level_text"
    LEVEL_OTHER = "level_other"  # 市级, 省级: not a level of a county's catalogs
    NOTE = "note"
    IGNORE = "ignore"


MAX_LABEL = 16  # header labels are short; longer cells are data


@dataclass(frozen=True, slots=True)
class Column:
    index: int
    role: Role
    label: str
    values: tuple[str, ...] = ()  # the audience, method or levels a mark column stands for
    key: str = ""  # the element a TEXT column holds


@dataclass(slots=True)
class Layout:
    header_row: int  # 0-based
    data_row: int  # first row after the header
    columns: list[Column] = field(default_factory=list)

    def first(self, role: Role) -> Column | None:
        return next((c for c in self.columns if c.role is role), None)

    def all(self, *roles: Role) -> list[Column]:
        return [c for c in self.columns if c.role in roles]

    def text(self, key: str) -> Column | None:
        return next((c for c in self.columns if c.role is Role.TEXT and c.key == key), None)

    def missing(self) -> list[str]:
        """The eight elements' columns this header lacks (subject may come from elsewhere)."""
        have = {c.role for c in self.columns}
        out = [] if Role.NAME in have else ["二级事项"]
        out += [element_label(e.key) for e in IMPORTED if e.required and self.text(e.key) is None]
        wanted = [("公开渠道和载体", {Role.CHANNELS}), ("公开对象", {Role.AUDIENCE, Role.AUDIENCE_TEXT}),
                  ("公开方式", {Role.METHOD, Role.METHOD_TEXT})]
        return out + [label for label, roles in wanted if not have & roles]


@dataclass(slots=True)
class Table:
    layout: Layout
    title: str | None = None
    rows: list[int] = field(default_factory=list)
    headings: dict[int, str] = field(default_factory=dict)  # rows of one statement across the table (banner)


def norm(label: str) -> str:
    return SPACES.sub("", clean(label)).replace("(", "（").replace(")", "）").strip("*＊:：")


Meaning = tuple[Role, tuple[str, ...], str]  # (role, the values a mark column stands for, element key)


def classify_sub(label: str) -> tuple[Role, tuple[str, ...]] | None:
    """A sub-header's meaning: 一级事项, 全社会, 依申请公开, 镇级 …"""
    text = norm(label)
    if text.startswith("一级事项") or text == "一级":
        return Role.CATEGORY, ()
    if text.startswith("二级事项") or text == "二级":
        return Role.NAME, ()
    if text.startswith(("三级事项", "四级事项")) or text in ("三级", "四级"):
        return Role.NAME_MORE, ()
    if text.startswith("全社会"):
        return Role.AUDIENCE, ("全社会",)
    if text.startswith("特定"):
        return Role.AUDIENCE, ("特定群体",)
    if text.startswith("主动"):
        return Role.METHOD, ("主动",)
    if text.startswith("依申请"):
        return Role.METHOD, ("依申请",)
    levels = level_label(text)
    if levels:
        return Role.LEVEL, levels
    return None


_GROUP_PREFIXES: tuple[tuple[tuple[str, ...], Role, str], ...] = (
    (("序号", "编号", "序"), Role.SEQ, ""),
    (("相应领域", "一级目录", "所属领域", "领域名称"), Role.DOMAIN, ""),
    (("公开事项", "事项名称", "事项"), Role.NAME, ""),
    *((e.import_words, Role.TEXT, e.key) for e in IMPORTED),
    (("公开对象", "对象"), Role.AUDIENCE_TEXT, ""),
    (("公开方式", "方式"), Role.METHOD_TEXT, ""),
    (("公开层级", "层级"), Role.LEVEL_TEXT, ""),
    (("备注",), Role.NOTE, ""),
)


def classify(label: str) -> Meaning:
    """A one-row header's (or a group's) meaning."""
    text = norm(label)
    if not text or len(text) > MAX_LABEL:
        return Role.IGNORE, (), ""
    sub = classify_sub(text)
    if sub is not None:
        return (*sub, "")
    if text in ("领域", "目录"):
        return Role.DOMAIN, (), ""
    if "渠道" in text or "载体" in text:
        return Role.CHANNELS, (), ""
    for prefixes, role, key in _GROUP_PREFIXES:
        if text.startswith(prefixes):
            if role is Role.SEQ and len(text) > 3:
                continue
            return role, (), key
    return Role.IGNORE, (), ""


# The words a header row is recognised by: exact, so that a data row whose cells
# happen to begin with 内容 or 依据 is never taken for a header.
_HEADER_WORDS: dict[str, str] = {
    "一级事项": "category", "二级事项": "name", "公开事项": "name", "事项名称": "name", "公开事项名称": "name",
    **{word: e.key for e in IMPORTED for word in e.import_exact},
    "公开渠道和载体": "channels", "公开渠道": "channels", "公开载体": "channels", "公开渠道及载体": "channels",
    "公开渠道与载体": "channels",
}


_REMARK = re.compile(r"（[^）]*）")
_NUMBER = re.compile(r"[\d.\-]+")
# Every header word has one of these characters (normalising only drops characters): a cheap test first.
_HEADER_CHARS = frozenset(word[0] for word in _HEADER_WORDS)


@lru_cache(maxsize=65536)
def _header_element(text: str) -> str | None:
    """The element a header cell names (公开内容（要素） -> content), or None."""
    if not any(ch in text for ch in _HEADER_CHARS):
        return None
    return _HEADER_WORDS.get(_REMARK.sub("", norm(text)))


def is_header(grid: Grid, row: int) -> bool:
    elements = {_header_element(text) for text in grid.cells[row] if text} if 0 <= row < grid.height else set()
    elements.discard(None)
    return len(elements) >= 3


def banner(grid: Grid, row: int) -> str | None:
    """The text of a row that is one statement across the table: a title, a heading, a footnote."""
    if not 0 <= row < grid.height:
        return None
    first = -1
    only = ""
    count = 0
    for c, cell in enumerate(grid.cells[row]):
        if cell and cell.strip():
            if first < 0:
                first, only = c, cell
            elif cell != only:
                return None  # two different texts: a row of data
            count += 1
    if first < 0:
        return None
    text = clean(only)
    region = grid.region(row, first)
    if region is not None and region[3] - region[1] >= 2:
        return text
    if count == 1 and first == 0 and not _NUMBER.fullmatch(text):
        return text
    return None


def is_title(text: str) -> bool:
    return ("目录" in text or "领域" in text) and not text.startswith(("注", "说明", "备注", "填表", "附"))


def _two_rows(grid: Grid, row: int) -> bool:
    """Whether the row below the header holds sub-headers: a group spans columns with different subs,
    or everything new in that row is a sub-header (公开层级 over a single 乡级)."""
    below = row + 1
    if below >= grid.height:
        return False
    new = [grid.text(below, c) for c in range(grid.width) if grid.text(below, c) not in ("", grid.text(row, c))]
    if new and all(classify_sub(text) for text in new):
        return True
    c = 0
    while c < grid.width:
        label = grid.text(row, c)
        end = c
        while end + 1 < grid.width and grid.text(below, end + 1) and (
                grid.text(row, end + 1) == label or (not grid.text(row, end + 1) and label)):
            end += 1
        subs = [grid.text(below, k) for k in range(c, end + 1)]
        if label and end > c and all(subs) and len(set(subs)) > 1 and all(classify_sub(s) for s in subs):
            return True
        c = end + 1
    return False


def layout_at(grid: Grid, row: int) -> Layout:
    two = _two_rows(grid, row)
    layout = Layout(row, row + (2 if two else 1))
    group = ""
    for c in range(grid.width):
        top = grid.text(row, c)
        sub = grid.text(row + 1, c) if two else ""
        group = top or (group if sub else "")
        label = norm(group)
        role, values, key = classify(group)
        if two and sub and norm(sub) != norm(top):
            label = f"{label}/{norm(sub)}"
            found = classify_sub(sub)
            if found is not None:
                (role, values), key = found, ""
            elif role is Role.LEVEL_TEXT:
                role, values, key = Role.LEVEL_OTHER, (), ""
            elif (own := classify(sub))[0] is not Role.IGNORE:
                role, values, key = own
        if role is not Role.IGNORE or label:
            layout.columns.append(Column(c, role, label, values, key))
    return layout


def find_tables(grid: Grid) -> list[Table]:
    """Every table on the sheet, each with its title and data rows."""
    tables: list[Table] = []
    title: str | None = None
    current: Table | None = None
    row = 0
    while row < grid.height:
        if is_header(grid, row):
            layout = layout_at(grid, row)
            if current is not None and not current.rows and current.title and title is None:
                title = current.title  # a title row followed by its own header
                tables.pop()
            current = Table(layout, title)
            tables.append(current)
            title = None
            row = layout.data_row
            continue
        text = banner(grid, row)
        if text is not None and is_title(text):
            if current is None:
                title = text
            else:  # the next domain's table goes on under the same header
                current = Table(current.layout, text)
                tables.append(current)
        elif current is None:
            if text is not None and title is None:
                title = text
        else:
            current.rows.append(row)
            if text is not None:
                current.headings[row] = text
        row += 1
    return tables
