"""Compiled catalogs: what merging produces and every renderer consumes."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Literal

from jxs_catalog.fields import CompiledItem, Origin

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

__all__ = ["PILOT_DOMAINS", "PILOT_IDS", "Adjustment", "Catalog", "CompiledItem", "Origin", "Scope", "Section",
           "VillageRef", "domain_sort_key", "village_id"]


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
    note: str | None = None  # the township file's own note, shown with its catalog

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
