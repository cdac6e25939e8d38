"""The words every diff rendering shares: element names, values, the summary sentence, village groups."""

from __future__ import annotations

from dataclasses import dataclass, field

from jxs_catalog.catalog import Scope
from jxs_catalog.diffing.compare import CatalogDiff, DiffResult, ItemChange, Tally, Value
from jxs_catalog.fields import element_label


def zh(lang: str) -> bool:
    return lang != "en"


def pick(lang: str, chinese: str, english: str) -> str:
    return chinese if zh(lang) else english


def element_name(element: str, lang: str) -> str:
    return element_label(element, lang)


def show_value(value: Value, lang: str) -> str:
    if value is None or value == []:
        return pick(lang, "（无）", "(none)")
    if isinstance(value, list):
        return pick(lang, "、", "; ").join(value)
    return value


def no_differences(lang: str) -> str:
    return pick(lang, "两个版本的目录没有差别。", "No differences: the two versions' catalogs are the same.")


def cannot_compare(result: DiffResult, lang: str) -> str:
    return pick(lang, f"无法比较 {result.a} 和 {result.b}：目录数据有错误，请先修正。",
                f"Cannot compare {result.a} and {result.b}: the catalog data has errors; fix them first.")


def _counts(tally: Tally, lang: str) -> str:
    parts = [(tally.added, "新增", "added"), (tally.removed, "删除", "removed"), (tally.changed, "调整", "changed")]
    shown = [pick(lang, f"{word} {n} 项", f"{n} {english}") for n, word, english in parts if n]
    return pick(lang, "、", ", ").join(shown) or pick(lang, "名称有变化", "renamed")


def _whole(result: DiffResult, scope: str, lang: str) -> str:
    new = sum(1 for c in result.catalogs if c.scope == scope and c.status == "added")
    gone = sum(1 for c in result.catalogs if c.scope == scope and c.status == "removed")
    parts = ([pick(lang, f"新设 {new} 个", f"{new} new")] if new else []) + \
            ([pick(lang, f"撤销 {gone} 个", f"{gone} removed")] if gone else [])
    if not parts:
        return ""
    return pick(lang, f"（其中{'、'.join(parts)}）", f" ({', '.join(parts)})")


def summary(result: DiffResult, lang: str) -> str:
    """One sentence: how many catalogs changed and how many items, level by level."""
    if not result.catalogs:
        return no_differences(lang)
    parts: list[str] = []
    county = result.tally("county")
    if county.catalogs:
        parts.append(pick(lang, f"县级目录{_counts(county, lang)}", f"county catalog: {_counts(county, lang)}"))
    levels: tuple[tuple[Scope, str, str], ...] = (("township", "个乡镇目录", "township catalogs"),
                                                  ("village", "份村（居）务公开清单", "village lists"))
    for scope, chinese, english in levels:
        tally = result.tally(scope)
        if tally.catalogs:
            extra = _whole(result, scope, lang)
            parts.append(pick(lang, f"{tally.catalogs} {chinese}{extra}合计{_counts(tally, lang)}",
                              f"{tally.catalogs} {english}{extra}: {_counts(tally, lang)} in all"))
    total = len(result.catalogs)
    return pick(lang, f"与 {result.a} 相比，{result.b} 中共有 {total} 个目录有变化：{'；'.join(parts)}。",
                f"Compared with {result.a}, {total} catalogs differ in {result.b}: {'; '.join(parts)}.")


def item_path(domain: str, category: str, name: str) -> str:
    return f"{domain} / {category} / {name}"


def catalog_heading(diff: CatalogDiff, lang: str) -> str:
    """The catalog's title, with what happened to it as a whole."""
    title = diff.title
    if diff.status == "added":
        return title + pick(lang, f"（新设，共 {len(diff.added)} 项）", f" (new, {len(diff.added)} items)")
    if diff.status == "removed":
        return title + pick(lang, f"（已撤销，原有 {len(diff.removed)} 项）",
                            f" (removed, had {len(diff.removed)} items)")
    if diff.old_name:
        return title + pick(lang, f"（原名：{diff.old_name}）", f" (formerly {diff.old_name})")
    return title


@dataclass(slots=True)
class VillageGroup:
    """Villages of one township whose lists changed in exactly the same way."""

    township: str
    sample: CatalogDiff
    names: list[str] = field(default_factory=list)


def _same_change(a: CatalogDiff, b: CatalogDiff) -> bool:
    return (a.status == b.status and [i.key for i in a.added] == [i.key for i in b.added]
            and [i.key for i in a.removed] == [i.key for i in b.removed] and a.changed == b.changed)


def village_groups(result: DiffResult) -> list[VillageGroup]:
    groups: list[VillageGroup] = []
    for diff in (c for c in result.catalogs if c.scope == "village"):
        township = diff.township or ""
        group = next((g for g in groups if g.township == township and _same_change(g.sample, diff)), None)
        if group is None:
            group = VillageGroup(township, diff)
            groups.append(group)
        group.names.append(diff.name)
    return groups


def _names(keys: list[str], lang: str) -> str:
    return pick(lang, "、", "; ").join(keys)


def _changed_names(changes: list[ItemChange], lang: str) -> str:
    parts = [f"{c.name}{pick(lang, '：', ': ')}{pick(lang, '、', ', ').join(element_name(e.element, lang) for e in c.elements)}"
             for c in changes]
    return pick(lang, "；", "; ").join(parts)


def village_line(group: VillageGroup, lang: str) -> str:
    """e.g. 东村、南街社区：新增 1 项（重建项目进展）；调整 1 项（救灾款物发放：公开渠道和载体）"""
    who = pick(lang, "、", ", ").join(group.names)
    diff = group.sample
    if diff.status == "added":
        what = pick(lang, f"新设清单，共 {len(diff.added)} 项", f"new list, {len(diff.added)} items")
    elif diff.status == "removed":
        what = pick(lang, f"清单已撤销（原有 {len(diff.removed)} 项）", f"list removed (had {len(diff.removed)} items)")
    else:
        parts: list[str] = []
        if diff.added:
            names = _names([i.name for i in diff.added], lang)
            parts.append(pick(lang, f"新增 {len(diff.added)} 项（{names}）", f"{len(diff.added)} added ({names})"))
        if diff.removed:
            names = _names([i.name for i in diff.removed], lang)
            parts.append(pick(lang, f"删除 {len(diff.removed)} 项（{names}）", f"{len(diff.removed)} removed ({names})"))
        if diff.changed:
            names = _changed_names(diff.changed, lang)
            parts.append(pick(lang, f"调整 {len(diff.changed)} 项（{names}）", f"{len(diff.changed)} changed ({names})"))
        what = pick(lang, "；", "; ").join(parts)
    return f"{who}{pick(lang, '：', ': ')}{what}"
