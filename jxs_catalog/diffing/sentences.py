"""The words every diff rendering shares: element names, values, the summary sentence, village groups."""

from __future__ import annotations

from dataclasses import dataclass, field

from jxs_catalog.catalog import Scope
from jxs_catalog.diffing.compare import CatalogDiff, DiffResult, ItemChange, Tally, Value
from jxs_catalog.fields import element_label
from jxs_catalog.messages import say


def element_name(element: str, lang: str) -> str:
    return element_label(element, lang)


def show_value(value: Value, lang: str) -> str:
    if value is None or value == []:
        return say("diff.none", lang)
    if isinstance(value, list):
        return say("sep.values", lang).join(value)
    return value


def no_differences(lang: str) -> str:
    return say("diff.no-differences", lang)


def cannot_compare(result: DiffResult, lang: str) -> str:
    return say("diff.cannot-compare", lang, a=result.a, b=result.b)


def _counts(tally: Tally, lang: str) -> str:
    parts = [(tally.added, "diff.n-added"), (tally.removed, "diff.n-removed"), (tally.changed, "diff.n-changed")]
    shown = [say(key, lang, n=n) for n, key in parts if n]
    return say("sep.counts", lang).join(shown) or say("diff.renamed", lang)


def _whole(result: DiffResult, scope: str, lang: str) -> str:
    new = sum(1 for c in result.catalogs if c.scope == scope and c.status == "added")
    gone = sum(1 for c in result.catalogs if c.scope == scope and c.status == "removed")
    parts = ([say("diff.n-new-catalogs", lang, n=new)] if new else []) + \
            ([say("diff.n-gone-catalogs", lang, n=gone)] if gone else [])
    if not parts:
        return ""
    return say("diff.of-which", lang, parts=say("sep.counts", lang).join(parts))


def summary(result: DiffResult, lang: str) -> str:
    """One sentence: how many catalogs changed and how many items, level by level."""
    if not result.catalogs:
        return no_differences(lang)
    parts: list[str] = []
    county = result.tally("county")
    if county.catalogs:
        parts.append(say("diff.county-part", lang, counts=_counts(county, lang)))
    levels: tuple[Scope, ...] = ("township", "village")
    for scope in levels:
        tally = result.tally(scope)
        if tally.catalogs:
            parts.append(say(f"diff.{scope}-part", lang, n=tally.catalogs, extra=_whole(result, scope, lang),
                             counts=_counts(tally, lang)))
    return say("diff.summary", lang, a=result.a, b=result.b, total=len(result.catalogs),
               parts=say("sep.parts", lang).join(parts))


def item_path(domain: str, category: str, name: str) -> str:
    return f"{domain} / {category} / {name}"


def catalog_heading(diff: CatalogDiff, lang: str) -> str:
    """The catalog's title, with what happened to it as a whole."""
    title = diff.title
    if diff.status == "added":
        return title + say("diff.heading-new", lang, n=len(diff.added))
    if diff.status == "removed":
        return title + say("diff.heading-removed", lang, n=len(diff.removed))
    if diff.old_name:
        return title + say("diff.heading-renamed", lang, name=diff.old_name)
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
    return say("sep.values", lang).join(keys)


def _changed_names(changes: list[ItemChange], lang: str) -> str:
    parts = [say("diff.item-elements", lang, name=c.name,
                 elements=say("sep.counts", lang).join(element_name(e.element, lang) for e in c.elements))
             for c in changes]
    return say("sep.parts", lang).join(parts)


def village_line(group: VillageGroup, lang: str) -> str:
    """e.g. 东村、南街社区：新增 1 项（重建项目进展）；调整 1 项（救灾款物发放：公开渠道和载体）"""
    diff = group.sample
    if diff.status == "added":
        what = say("diff.village-new", lang, n=len(diff.added))
    elif diff.status == "removed":
        what = say("diff.village-gone", lang, n=len(diff.removed))
    else:
        parts: list[str] = []
        if diff.added:
            parts.append(say("diff.n-added-named", lang, n=len(diff.added), names=_names([i.name for i in diff.added], lang)))
        if diff.removed:
            parts.append(say("diff.n-removed-named", lang, n=len(diff.removed),
                             names=_names([i.name for i in diff.removed], lang)))
        if diff.changed:
            parts.append(say("diff.n-changed-named", lang, n=len(diff.changed), names=_changed_names(diff.changed, lang)))
        what = say("sep.parts", lang).join(parts)
    return say("diff.villages-line", lang, who=say("sep.counts", lang).join(group.names), what=what)
