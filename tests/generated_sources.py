"""Source files drawn at random from plausible and mistaken values, the same ones for a given seed.

Used to hold validation to the diagnostics of an earlier implementation (see
tests/test_validation_golden.py): most of the files are wrong in several ways at once.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

import yaml

WORDS: tuple[Any, ...] = (
    "社会救助", " 低保 ", "", None, "TODO", "待定", "x", "内容\u200b", "《社会救助暂行办法》", "《甲》《乙》", "a、b",
    ["a"], {"k": "v"}, [], [None], ["", "b"], "2026-11-20", "2026-02-30", "2026-13-01", "“2026-01-01”", "2021",
    "2021-06", "2021-13", "https://x.gov.cn/a", "http:/bad", "ftp://x", "622927105000", "“622927105000”",
    "62292710500", "622927", "A4", "A3", "a4", "现行有效", "已废止", "已修订", "有效", "主动", "主动公开", "依申请", "全社会",
    "特定群体", "特定群众", "县级", "乡级", "村级", "县级、乡级", "［县级，乡级］", "政府网站", "政府网", "村公示栏", "其他：办税",
    "政府网站，两微一端", "办税服务厅", "村", "社区", "居委会", "林坪村", "滨河社区", "红坪村、杨家湾村",
)
LISTS: tuple[Any, ...] = (
    ["主动"], ["依申请"], ["主动", "依申请"], ["主动公开"], "依申请", ["县级"], ["乡级"], ["村级"], ["县级", "乡级", "村级"],
    ["乡级", "村级"], ["县级", "村级"], "村级", ["政府网站", "两微一端"], ["政府网"], ["政府网站、两微一端"], ["全社会"],
    "特定群体", ["村"], ["社区", "村"], "村",
)
ITEM_KEYS = ("category", "name", "content", "basis", "time_limit", "subject", "method", "channels", "audience",
             "levels", "reason", "note", "applies_to", "link", "一级事项", "名称", "公开内容", "公开依据", "公开时限",
             "公开方式", "公开渠道", "公开对象", "公开层级", "理由", "备注", "适用于", "链接", "bogus", "contnet")
# The keys whose rules look at several elements of an item at once.
RULE_KEYS = ("method", "levels", "applies_to", "reason")
GOOD_ITEM: dict[str, Any] = {
    "category": "救助", "name": "低保名单", "content": "姓名、金额", "basis": ["《社会救助暂行办法》"],
    "time_limit": "20个工作日", "method": ["主动"], "channels": ["政府网站"], "audience": ["全社会"],
    "levels": ["县级", "乡级", "村级"],
}


class Draw:
    """One seeded source of files; `rules` draws items whose mistakes are in the item-wide rules."""

    def __init__(self, seed: int, rules: bool = False) -> None:
        self.r = random.Random(seed)
        self.rules = rules

    def value(self) -> Any:
        return self.r.choice(WORDS) if self.r.random() < 0.5 else self.r.choice(LISTS)

    def element(self) -> Any:
        """An element's value: in `rules` mode a likely one, so that the item-wide rules are reached."""
        if self.rules:
            return self.r.choice((*LISTS, None, "理由", "村", ["社区"]))
        return self.value()

    def some(self, draw: Callable[[], Any], most: int = 4) -> Any:
        if self.r.random() < 0.07:
            return self.value()
        return [draw() for _ in range(self.r.randint(0, most))]

    def item(self, domain: bool = False) -> Any:
        if self.r.random() < 0.05:
            return self.r.choice(WORDS)
        item = {**GOOD_ITEM, "name": self.r.choice(["低保名单", "临时救助", "特困", "低保名单"])}
        keys = RULE_KEYS if self.rules else ITEM_KEYS + (("domain",) if domain else ())
        for _ in range(self.r.randint(0, 4)):
            key = self.r.choice(keys)
            if key in item and self.r.random() < 0.3:
                del item[key]
            else:
                item[key] = self.element()
        if domain and self.r.random() < 0.8:
            item["domain"] = "社会救助"
        return item

    def optional(self, out: dict[str, Any], keys: tuple[str, ...], chance: float = 0.3) -> dict[str, Any]:
        for key in keys:
            if self.r.random() < chance:
                out[key] = self.value()
        return out

    def domain(self) -> dict[str, Any]:
        out = {"name": self.r.choice(["社会救助", "救灾", None, ""]), "items": self.some(self.item, 5)}
        return self.optional(out, ("department", "reference", "levels", "reviewed", "note", "主管部门"))

    def village(self) -> Any:
        roll = self.r.random()
        if roll < 0.4:
            return self.r.choice(["林坪村", "滨河社区", "红坪村、杨家湾村", "林坪村"])
        if roll < 0.5:
            return self.value()
        out: dict[str, Any] = {"name": self.r.choice(["林坪村", "滨河社区", None, ["a"], "陶源社区"])}
        if self.r.random() < 0.6:
            out["code"] = self.r.choice(["622927105001", "62292710500", "“622927105001”", None])
        if self.r.random() < 0.6:
            out["kind"] = self.r.choice(["村", "社区", None, "居委会", ["村"]])
        return out

    def exclusion(self) -> dict[str, Any]:
        out = {"domain": self.r.choice(["社会救助", "", None]), "reason": self.r.choice(["不涉及", None, "TODO"])}
        return self.optional(out, ("category", "item", "领域", "理由"))

    def change(self) -> dict[str, Any]:
        patch = self.r.choice([None, "x", {"method": self.value()}, {"content": self.value(), "subject": self.value()},
                               {"channels": self.value(), "levels": self.value()}, {"category": "x"}])
        out = {"domain": "社会救助", "item": "低保名单", "reason": "调整", "set": patch}
        for _ in range(self.r.randint(0, 2)):
            key = self.r.choice(["domain", "item", "reason", "set", "category"])
            if self.r.random() < 0.4:
                out.pop(key, None)
            else:
                out[key] = self.value()
        return out

    def township(self) -> dict[str, Any]:
        out = self.optional({"name": self.r.choice(["安集镇", None, "乡镇"])}, ("code", "subject", "reviewed", "note"))
        for key, draw, chance in (("villages", self.village, 0.7), ("exclusions", self.exclusion, 0.4),
                                  ("changes", self.change, 0.4), ("additions", lambda: self.item(True), 0.4)):
            if self.r.random() < chance:
                out[key] = self.some(draw)
        return out

    def settings(self) -> dict[str, Any]:
        out: dict[str, Any] = {"county": self.r.choice(["积石山县", None, "TODO"])}
        for key in ("full_name", "code", "title", "publisher", "channels", "paper", "neighbours", "site", "portal"):
            if self.r.random() >= 0.35:
                continue
            if key == "site":
                out[key] = self.r.choice([None, "x", {"base_url": self.value(), "title": self.value()}])
            elif key == "portal":
                out[key] = self.r.choice([None, [], {"home": self.value(), "phone": self.value(), "guide": "https://a.cn"}])
            else:
                out[key] = self.value()
        return out

    def document(self) -> dict[str, Any]:
        out = {"title": self.r.choice(["社会救助暂行办法", "《社会救助暂行办法》", None, "甲"]), "status": self.value()}
        return self.optional(out, ("number", "issuer", "date", "replaced_by", "valid_until", "url", "note"))

    def bases(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.r.random() < 0.8:
            out["documents"] = self.some(self.document)
        return self.optional(out, ("reviewed",))

    def file(self) -> tuple[str, str]:
        """A kind of file and its YAML text."""
        kind = self.r.choice(["domain", "township", "settings", "bases"])
        data = getattr(self, kind)()
        return kind, yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def generated(seed: int, count: int, rules: bool = False) -> list[tuple[str, str]]:
    draw = Draw(seed, rules)
    return [draw.file() for _ in range(count)]
