"""The keys a clerk may write in each kind of mapping, with Chinese aliases and labels.

One table drives key normalisation, the JSON Schemas and the documentation.
"""

from __future__ import annotations

from dataclasses import dataclass

from jxs_catalog.fields import ELEMENTS


@dataclass(frozen=True, slots=True)
class Key:
    name: str
    aliases: tuple[str, ...]
    label: str  # the element's Chinese name, shown in messages and schemas
    label_en: str
    required: bool = False
    kind: str = "text"  # the kind of value, for the JSON Schema (see fields.Kind and schema.py)


def _keys(*keys: Key) -> dict[str, Key]:
    return {k.name: k for k in keys}


ITEM_KEYS = _keys(*(Key(e.key, e.aliases, e.label, e.label_en, e.required, e.kind) for e in ELEMENTS))

# A change names the item it changes; every element it sets is optional.
PATCH_KEYS = _keys(*(Key(e.key, e.aliases, e.label, e.label_en, False, e.kind) for e in ELEMENTS if e.patch))

DOMAIN_KEYS = _keys(
    Key("name", ("名称", "领域"), "领域名称", "domain name", True),
    Key("reference", ("参考目录",), "参考的标准指引或目录", "reference catalog"),
    Key("department", ("主管部门",), "县级默认公开主体", "default county subject"),
    Key("levels", ("公开层级", "层级"), "本领域涉及的公开层级", "levels the domain covers", kind="levels"),
    Key("reviewed", ("审核日期",), "最近审核日期", "last reviewed", kind="date"),
    Key("note", ("备注",), "备注", "note"),
    Key("items", ("事项",), "事项列表", "items", True),
)

EXCLUSION_KEYS = _keys(
    Key("domain", ("领域",), "领域", "domain", True),
    Key("category", ("一级事项",), "一级事项", "first-level matter"),
    Key("item", ("二级事项", "事项"), "二级事项", "item"),
    Key("reason", ("理由",), "理由", "reason", True),
)

CHANGE_KEYS = _keys(
    Key("domain", ("领域",), "领域", "domain", True),
    Key("category", ("一级事项",), "一级事项", "first-level matter"),
    Key("item", ("二级事项", "事项"), "二级事项", "item", True),
    Key("reason", ("理由",), "理由", "reason", True),
    Key("set", ("改为",), "改为", "new values", True),
)

ADDITION_KEYS = {"domain": Key("domain", ("领域",), "领域", "domain", True), **ITEM_KEYS}

VILLAGE_KEYS = _keys(
    Key("name", ("名称",), "村（社区）名称", "village name", True),
    Key("code", ("区划代码",), "统计用区划代码（12位）", "division code (12 digits)", kind="code12"),
    Key("kind", ("类型",), "类型（村或社区）", "kind (村 or 社区)", kind="village_kind"),
)

TOWNSHIP_KEYS = _keys(
    Key("name", ("名称", "乡镇"), "乡镇名称", "township name", True),
    Key("code", ("区划代码", "代码"), "统计用区划代码（12位）", "division code (12 digits)", kind="code12"),
    Key("subject", ("公开主体", "主体"), "乡镇公开主体", "township body"),
    Key("villages", ("村社区", "村（社区）", "村居"), "村（社区）", "villages"),
    Key("reviewed", ("审核日期",), "最近审核日期", "last reviewed", kind="date"),
    Key("note", ("备注",), "备注", "note"),
    Key("exclusions", ("排除", "不适用"), "排除（不适用）", "exclusions"),
    Key("changes", ("调整",), "调整", "changes"),
    Key("additions", ("新增",), "新增", "additions"),
)

SITE_KEYS = _keys(
    Key("base_url", ("网址",), "网站地址（用于 sitemap.xml）", "site base URL", kind="url"),
    Key("title", ("标题",), "网站标题", "site title"),
)

PORTAL_KEYS = _keys(
    Key("home", ("门户首页",), "门户网站首页地址", "portal home page", kind="url"),
    Key("guide", ("政府信息公开指南", "指南"), "政府信息公开指南的地址", "disclosure guide", kind="url"),
    Key("apply", ("依申请公开",), "依申请公开的地址", "request for disclosure", kind="url"),
    Key("annual_report", ("年报", "政府信息公开年报"), "政府信息公开年报的地址", "annual reports", kind="url"),
    Key("phone", ("咨询电话", "电话"), "咨询电话", "enquiry phone"),
)

SETTINGS_KEYS = _keys(
    Key("county", ("县名",), "县名（简称）", "county", True),
    Key("full_name", ("全称",), "县全称", "full name"),
    Key("code", ("区划代码",), "区划代码（6位）", "division code (6 digits)", kind="code6"),
    Key("title", ("目录名称",), "目录名称", "catalog title"),
    Key("publisher", ("发布机关",), "发布机关", "publisher"),
    Key("channels", ("扩展渠道",), "本县增加的公开渠道", "extra channels", kind="text_list"),
    Key("site", ("网站",), "网站设置", "site options"),
    Key("portal", ("门户", "门户链接"), "门户网站链接和咨询电话", "portal links and phone"),
    Key("paper", ("纸张",), "工作簿纸张（A4 或 A3）", "workbook paper (A4 or A3)", kind="paper"),
    Key("neighbours", ("周边县",), "周边的县（乡镇目录里出现这些县名时提示可能是照抄）",
        "neighbouring counties (named in a catalog, they suggest copying)", kind="text_list"),
)

# bases.yaml: the register of cited documents (法规文件库).
BASES_KEYS = _keys(
    Key("reviewed", ("审核日期",), "文件状态的核对日期", "date the statuses were checked", kind="date"),
    Key("note", ("备注",), "备注", "note"),
    Key("documents", ("文件", "文件库"), "登记的文件", "documents", True),
)

DOCUMENT_KEYS = _keys(
    Key("title", ("标题",), "标题（不带书名号）", "title (without 《》)", True),
    Key("number", ("文号",), "文号", "document number"),
    Key("issuer", ("发文机关",), "发文机关", "issuer"),
    Key("date", ("日期",), "日期（公布、修订或印发）", "date (issued, revised)", kind="partial_date"),
    Key("status", ("状态",), "状态", "status", True, kind="status"),
    Key("replaced_by", ("替代文件",), "替代文件的标题", "title of the replacing document"),
    Key("valid_until", ("有效期至",), "有效期至", "valid until", kind="date"),
    Key("url", ("链接",), "全文链接", "address of the text", kind="url"),
    Key("note", ("备注",), "备注", "note"),
)

# Nested mappings: (parent table, key) -> (child table, is a list of mappings)
NESTED: dict[tuple[str, str], tuple[str, bool]] = {
    ("domain", "items"): ("item", True),
    ("township", "villages"): ("village", True),
    ("township", "exclusions"): ("exclusion", True),
    ("township", "changes"): ("change", True),
    ("township", "additions"): ("addition", True),
    ("change", "set"): ("patch", False),
    ("settings", "site"): ("site", False),
    ("bases", "documents"): ("document", True),
    ("settings", "portal"): ("portal", False),
}

TABLES: dict[str, dict[str, Key]] = {
    "item": ITEM_KEYS,
    "patch": PATCH_KEYS,
    "domain": DOMAIN_KEYS,
    "exclusion": EXCLUSION_KEYS,
    "change": CHANGE_KEYS,
    "addition": ADDITION_KEYS,
    "township": TOWNSHIP_KEYS,
    "village": VILLAGE_KEYS,
    "site": SITE_KEYS,
    "portal": PORTAL_KEYS,
    "settings": SETTINGS_KEYS,
    "bases": BASES_KEYS,
    "document": DOCUMENT_KEYS,
}


def all_key_words() -> set[str]:
    words: set[str] = set()
    for table in TABLES.values():
        for key in table.values():
            words.add(key.name)
            words.update(key.aliases)
    return words
