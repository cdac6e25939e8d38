"""The registry of an item's elements: the one place that says what an item holds.

Each element is declared once in ELEMENTS (key, Chinese aliases, labels, kind of
value, whether required, its column in the published table and the exports, how
the importer finds it and how diff names it) and once more in each of the two
typed shapes below it: ItemElements (the source, checked by the rule of its kind)
and CompiledItem (the merged result every renderer reads). Everything else — key
tables, value checks, JSON Schema, ItemPatch, merging, the workbook, CSV, JSON, the
site, the importer, diff — is derived from these. To add an element: an Element
here, a line in each shape, its words in messages.py if it has a rule of its own,
and the templates.
A test checks that the table and the two shapes agree.
"""

from __future__ import annotations

import dataclasses
import operator
from dataclasses import dataclass
from typing import Any, Literal

from jxs_catalog import values as V
from jxs_catalog.checks import Check, Record, Rule, checked

Kind = Literal["text", "texts", "method", "audience", "levels", "channels", "village_kinds", "link"]
Origin = Literal["standard", "changed", "added"]
# How the importer reads a cell of a text-like element.
CellReader = Literal["line", "multiline", "bases"]


@dataclass(frozen=True, slots=True)
class Element:
    key: str
    aliases: tuple[str, ...]
    label: str  # the element's Chinese name in messages and schemas
    label_en: str
    kind: Kind
    required: bool  # in a domain file's item (subject may be inherited: not required there)
    heading: str  # its column's title in the published table and the CSV
    width: float | None = None  # its column's width in Excel units; None: in 备注 (with a remark prefix) or CSV only
    group: str | None = None  # a header spanning two columns (公开事项 over 一级事项 | 二级事项)
    remark: str | None = None  # when written into 备注: the words before it
    patch: bool = True  # a township's change may set it
    short: tuple[str, str] | None = None  # one of the eight elements a published item must have
    diff: tuple[str, str] | None = None  # compared by diff, under this name (zh, en)
    diff_added: bool = False  # shown in the table of added items of an update note
    prose: bool = False  # free text where another county's name would be a copy-paste slip
    import_words: tuple[str, ...] = ()  # header prefixes the importer reads this text column by
    import_exact: tuple[str, ...] = ()  # header words that mark a row as a table's header
    import_cell: CellReader | None = None
    import_join: str | None = None  # rows of one merged item cell: how two values of it combine
    board: tuple[str, float] | None = None  # its column on a village notice board: heading, width in Excel units


ELEMENTS: tuple[Element, ...] = (
    Element("category", ("一级事项",), "一级事项", "first-level matter", "text", True, "一级事项",
            width=7, group="公开事项", patch=False, board=("一级事项", 8)),
    Element("name", ("二级事项", "事项名称", "名称"), "二级事项（名称）", "matter name", "text", True, "二级事项",
            width=9, group="公开事项", patch=False, short=("名称", "name"), board=("事项名称", 10)),
    Element("content", ("公开内容", "内容"), "公开内容（要素）", "content", "text", True, "公开内容（要素）",
            width=18, short=("内容", "content"), diff=("公开内容", "content"), diff_added=True, prose=True,
            import_words=("公开内容", "内容", "公开要素"), import_exact=("公开内容", "公开要素"),
            import_cell="multiline", import_join="\n", board=("公开内容", 34)),
    Element("basis", ("公开依据", "依据"), "公开依据", "legal basis", "texts", True, "公开依据",
            width=23, short=("依据", "basis"), diff=("公开依据", "basis"),
            import_words=("公开依据", "依据"), import_exact=("公开依据",), import_cell="bases"),
    Element("time_limit", ("公开时限", "时限"), "公开时限", "time limit", "text", True, "公开时限",
            width=9, short=("时限", "time limit"), diff=("公开时限", "time limit"), diff_added=True, prose=True,
            import_words=("公开时限", "时限"), import_exact=("公开时限",), import_cell="line", import_join="；",
            board=("公开时限", 16)),
    Element("subject", ("公开主体", "主体"), "公开主体", "subject", "text", False, "公开主体",
            width=8, short=("主体", "subject"), diff=("公开主体", "subject"), diff_added=True, prose=True,
            import_words=("公开主体", "主体", "责任主体", "公开单位"), import_exact=("公开主体",), import_cell="line"),
    Element("method", ("公开方式", "方式"), "公开方式", "method", "method", True, "公开方式",
            width=4, short=("方式", "method"), diff=("公开方式", "method"), board=("公开方式", 8)),
    Element("channels", ("公开渠道和载体", "公开渠道", "渠道"), "公开渠道和载体", "channels", "channels", True,
            "公开渠道和载体", width=32, short=("渠道", "channels"), diff=("公开渠道和载体", "channels"),
            board=("公开渠道", 32)),
    Element("audience", ("公开对象", "对象"), "公开对象", "audience", "audience", True, "公开对象",
            width=4, short=("对象", "audience"), diff=("公开对象", "audience"), board=("公开对象", 8)),
    Element("levels", ("公开层级", "层级"), "公开层级", "levels", "levels", True, "公开层级",
            width=4, diff=("公开层级", "levels")),
    Element("reason", ("理由",), "不主动公开的理由", "reason", "text", False, "不主动公开理由",
            remark="不主动公开理由：", diff=("理由", "reason"), import_join="\n"),
    Element("note", ("备注",), "备注", "note", "text", False, "备注",
            remark="", diff=("备注", "note"), prose=True, import_join="\n"),
    Element("applies_to", ("适用于", "适用范围"), "适用的村级组织（村、社区）", "applies to (村, 社区)", "village_kinds",
            False, "适用于", diff=("适用于", "applies to")),
    Element("link", ("链接", "网址", "公开网址"), "公开网址", "link", "link", False, "公开网址",
            remark="网址：", diff=("公开网址", "link"),
            import_words=("公开网址", "链接", "网址", "网站链接"), import_cell="line"),
)

BY_KEY: dict[str, Element] = {e.key: e for e in ELEMENTS}

# The order of the published table's columns and of the CSV: channels, audience, method.
TABLE_ORDER: tuple[str, ...] = (
    "category", "name", "content", "basis", "time_limit", "subject", "channels", "audience", "method", "levels",
    "reason", "note", "applies_to", "link",
)
IN_TABLE: tuple[Element, ...] = tuple(BY_KEY[k] for k in TABLE_ORDER)
REMARKS: tuple[Element, ...] = tuple(e for e in IN_TABLE if e.remark is not None)
COMPARED: tuple[Element, ...] = tuple(e for e in ELEMENTS if e.diff is not None)
PUBLISHED: tuple[Element, ...] = tuple(e for e in ELEMENTS if e.short is not None)
IMPORTED: tuple[Element, ...] = tuple(e for e in ELEMENTS if e.import_cell is not None)


def element_label(key: str, lang: str = "zh") -> str:
    """The name diff and the site give an element: 公开时限 / time limit."""
    element = BY_KEY.get(key)
    if element is None or element.diff is None:
        return key
    return element.diff[1] if lang == "en" else element.diff[0]


@dataclass(frozen=True, slots=True)
class ElementName:
    """An element's name as a message parameter, in the reader's language when shown."""

    key: str

    def render(self, lang: str = "zh") -> str:
        return element_label(self.key, lang)


# The check of each kind of element's value.
_CHECKS: dict[Kind, Rule] = {
    "text": V.TEXT, "texts": V.TEXTS, "method": V.METHODS, "audience": V.AUDIENCES, "levels": V.LEVELS,
    "channels": V.CHANNELS, "village_kinds": V.VILLAGE_KINDS, "link": V.LINK,
}


def element_check(key: str, optional: bool = False) -> Check:
    """How an element's value is checked; an optional element may be left empty."""
    element = BY_KEY[key]
    check = _CHECKS[element.kind]
    return check.optional() if optional or not element.required else check


def _source(key: str) -> Any:
    if BY_KEY[key].required:
        return checked(element_check(key))
    return checked(element_check(key), default=None)


class ItemElements(Record):
    """An item's elements as a domain file writes them (rules on them live in models.Item)."""

    category: str = _source("category")
    name: str = _source("name")
    content: str = _source("content")
    basis: tuple[str, ...] = _source("basis")
    time_limit: str = _source("time_limit")
    subject: str | None = _source("subject")
    method: tuple[str, ...] = _source("method")
    channels: tuple[str, ...] = _source("channels")
    audience: tuple[str, ...] = _source("audience")
    levels: tuple[str, ...] = _source("levels")
    reason: str | None = _source("reason")
    note: str | None = _source("note")
    applies_to: tuple[str, ...] | None = _source("applies_to")  # which village lists carry a 村级 item; absent: both
    link: str | None = _source("link")


# The elements a township may change on an inherited item: every patchable element, optional.
ItemPatch: type[Record] = type("ItemPatch", (Record,), {
    "__module__": __name__, "__doc__": "The elements a township's change sets on an inherited item.",
    **{f.name: checked(element_check(f.name, optional=True), default=None)
       for f in ItemElements.FIELDS if BY_KEY[f.name].patch}})


@dataclass(slots=True)  # not frozen: a frozen init costs several times more, and villages copy items by the million
class CompiledItem:
    domain: str
    category: str
    name: str
    content: str
    basis: tuple[str, ...]
    time_limit: str
    subject: str
    method: tuple[str, ...]
    channels: tuple[str, ...]
    audience: tuple[str, ...]
    levels: tuple[str, ...]
    reason: str | None = None
    note: str | None = None
    applies_to: tuple[str, ...] | None = None  # 村, 社区 or both; None: both
    link: str | None = None
    origin: Origin = "standard"
    source: str = ""  # the file (and line) the item was defined in
    line: int = 0

    @classmethod
    def of(cls, item: ItemElements, domain: str, subject: str, source: str, line: int) -> CompiledItem:
        """A validated item compiled into a catalog, published by `subject`."""
        values = _SOURCE_VALUES(item)
        args = [domain, *values[:_SUBJECT_OF_SOURCE], subject, *values[_SUBJECT_OF_SOURCE + 1:], "standard",
                source, line]
        return cls(*args)

    def with_subject(self, subject: str) -> CompiledItem:
        """The same item published by another body (a village committee)."""
        values = list(_ALL_VALUES(self))  # attrgetter runs in C: villages copy every item once per village
        values[_SUBJECT_AT] = subject
        return CompiledItem(*values)

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.domain, self.category, self.name)

    def applies_to_kind(self, kind: str) -> bool:
        """Whether a village list of this kind (村 or 社区) carries the item."""
        return "村级" in self.levels and (self.applies_to is None or kind in self.applies_to)

    def missing_elements(self) -> list[str]:
        return [e.short[0] for e in PUBLISHED if e.short is not None and not getattr(self, e.key)]

    def as_dict(self) -> dict[str, object]:
        out: dict[str, object] = {"domain": self.domain}
        for element in ELEMENTS:
            value = getattr(self, element.key)
            out[element.key] = list(value) if isinstance(value, tuple) else value
        out["origin"] = self.origin
        return out


_COMPILED = tuple(f.name for f in dataclasses.fields(CompiledItem))
_ALL_VALUES = operator.attrgetter(*_COMPILED)
_SOURCE_VALUES = operator.attrgetter(*(e.key for e in ELEMENTS))
_SUBJECT_AT = _COMPILED.index("subject")
_SUBJECT_OF_SOURCE = [e.key for e in ELEMENTS].index("subject")
# Everything a published item shows but its subject: a township's items and its village lists' copies
# (and the county standard's items in every township) agree on it.
published_but_subject = operator.attrgetter("domain", "origin", *(e.key for e in ELEMENTS if e.key != "subject"))
