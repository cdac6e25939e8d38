"""Compiled catalogs: what merging produces and every renderer consumes."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Literal

# The 26 pilot domains, in the order of the county plan.
PILOT_DOMAINS: tuple[str, ...] = (
    "涉农补贴", "财政预决算", "公共文化服务", "安全生产", "救灾", "义务教育", "生态环境",
    "公共资源交易", "户籍管理", "社会救助", "养老服务", "公共法律服务", "扶贫", "重大建设项目",
    "医疗卫生", "保障性住房", "城市综合执法", "国有土地上房屋征收与补偿", "农村危房改造", "市政服务",
    "食品药品监管", "社会保险", "就业创业", "税收管理", "农村集体土地征收", "城乡规划",
)

# The ids (file stems) the shipped workspace uses for them, offered by `jxs import`.
PILOT_IDS: dict[str, str] = {
    "涉农补贴": "shenong-butie", "财政预决算": "caizheng-yujuesuan", "公共文化服务": "gonggong-wenhua-fuwu",
    "安全生产": "anquan-shengchan", "救灾": "jiuzai", "义务教育": "yiwu-jiaoyu", "生态环境": "shengtai-huanjing",
    "公共资源交易": "gonggong-ziyuan-jiaoyi", "户籍管理": "huji-guanli", "社会救助": "shehui-jiuzhu",
    "养老服务": "yanglao-fuwu", "公共法律服务": "gonggong-falv-fuwu", "扶贫": "fupin",
    "重大建设项目": "zhongda-jianshe-xiangmu", "医疗卫生": "yiliao-weisheng", "保障性住房": "baozhangxing-zhufang",
    "城市综合执法": "chengshi-zonghe-zhifa", "国有土地上房屋征收与补偿": "guoyou-tudi-fangwu-zhengshou",
    "农村危房改造": "nongcun-weifang-gaizao", "市政服务": "shizheng-fuwu", "食品药品监管": "shipin-yaopin-jianguan",
    "社会保险": "shehui-baoxian", "就业创业": "jiuye-chuangye", "税收管理": "shuishou-guanli",
    "农村集体土地征收": "nongcun-jiti-tudi-zhengshou", "城乡规划": "chengxiang-guihua",
}

Scope = Literal["county", "township", "village"]
Origin = Literal["standard", "changed", "added"]

ELEMENTS: tuple[tuple[str, str, str], ...] = (
    ("name", "名称", "name"),
    ("content", "内容", "content"),
    ("basis", "依据", "basis"),
    ("time_limit", "时限", "time limit"),
    ("subject", "主体", "subject"),
    ("method", "方式", "method"),
    ("channels", "渠道", "channels"),
    ("audience", "对象", "audience"),
)


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
    origin: Origin = "standard"
    source: str = ""  # the file (and line) the item was defined in
    line: int = 0

    def with_subject(self, subject: str) -> CompiledItem:
        """The same item published by another body (a village committee)."""
        # Positional construction: several times faster than dataclasses.replace, and
        # village lists copy every village-level item once per village.
        return CompiledItem(self.domain, self.category, self.name, self.content, self.basis, self.time_limit,
                            subject, self.method, self.channels, self.audience, self.levels, self.reason,
                            self.note, self.applies_to, self.origin, self.source, self.line)

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.domain, self.category, self.name)

    def missing_elements(self) -> list[str]:
        return [label for attr, label, _ in ELEMENTS if not getattr(self, attr)]

    def as_dict(self) -> dict[str, object]:
        return {
            "domain": self.domain, "category": self.category, "name": self.name,
            "content": self.content, "basis": list(self.basis), "time_limit": self.time_limit,
            "subject": self.subject, "method": list(self.method), "channels": list(self.channels),
            "audience": list(self.audience), "levels": list(self.levels),
            "reason": self.reason, "note": self.note,
            "applies_to": list(self.applies_to) if self.applies_to is not None else None, "origin": self.origin,
        }

    def applies_to_kind(self, kind: str) -> bool:
        """Whether a village list of this kind (村 or 社区) carries the item."""
        return "村级" in self.levels and (self.applies_to is None or kind in self.applies_to)


@dataclass(frozen=True, slots=True)
class Adjustment:
    kind: Literal["exclusion", "change", "addition"]
    domain: str
    item: str | None
    reason: str | None
    changed: tuple[str, ...] = ()  # the elements a change touched
    source: str = ""
    line: int = 0


@dataclass(slots=True)
class Section:
    """One domain's part of a catalog: a sheet in Excel, a table on the site."""

    domain: str
    domain_id: str
    items: list[CompiledItem]
    reference: str | None = None


@dataclass(frozen=True, slots=True)
class VillageRef:
    """A village or community as its township lists it."""

    name: str
    code: str | None
    kind: str  # 村 or 社区

    def as_dict(self) -> dict[str, str | None]:
        return {"name": self.name, "code": self.code, "kind": self.kind}


@dataclass(slots=True)
class Catalog:
    scope: Scope
    id: str
    name: str  # 积石山县, 柳沟乡, 柳沟村
    title: str  # the catalog's heading
    subject: str
    township: str | None = None
    township_id: str | None = None
    code: str | None = None
    sections: list[Section] = field(default_factory=list)
    adjustments: list[Adjustment] = field(default_factory=list)
    villages: list[VillageRef] = field(default_factory=list)
    kind: str | None = None  # a village list's 村 or 社区

    @property
    def items(self) -> list[CompiledItem]:
        return [item for section in self.sections for item in section.items]

    @property
    def item_count(self) -> int:
        return sum(len(s.items) for s in self.sections)


def village_id(township_id: str, village: str, code: str | None = None) -> str:
    """A stable ASCII id for a village page: its statistical code, or else the township's id
    and a short hash of the name."""
    if code:
        return code
    digest = hashlib.sha1(village.encode("utf-8")).hexdigest()[:8]
    return f"{township_id}-{digest}"


def domain_sort_key(name: str) -> tuple[int, str]:
    return (PILOT_DOMAINS.index(name), "") if name in PILOT_DOMAINS else (len(PILOT_DOMAINS), name)
