"""Merge the county standard with each township's adjustments (SPEC §5).

Pure functions over validated models: no I/O. Every adjustment that points at
nothing becomes a located diagnostic; the merged catalogs are still produced
for whatever could be resolved, so `check` can say everything at once.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from jxs_catalog.catalog import (
    Adjustment,
    Catalog,
    Compiled,
    CompiledItem,
    Published,
    Section,
    VillageRef,
    domain_sort_key,
    village_id,
    village_title,
)
from jxs_catalog.diagnostics import Diagnostic
from jxs_catalog.loading.loaded import Loaded, Positions
from jxs_catalog.messages import phrase
from jxs_catalog.models import Addition, Change, Domain, Exclusion, Settings, Township, village_body


def county_title(settings: Settings) -> str:
    return f"{settings.county}{settings.title}"


def merge(settings: Settings, domains: list[Loaded[Domain]], townships: list[Loaded[Township]]) -> Compiled:
    """Build the county catalog, one catalog per township and one list per village."""
    ordered = sorted((d for d in domains if d.model), key=lambda d: domain_sort_key(d.model.name))  # type: ignore[union-attr]
    county = Catalog("county", "county", settings.county, county_title(settings),
                     settings.publisher or settings.county, code=settings.code)
    for loaded in ordered:
        dom = loaded.model
        assert dom is not None
        items = [
            CompiledItem.of(it, dom.name, it.subject or dom.department or "", loaded.path, loaded.positions.line(("items", i)))
            for i, it in enumerate(dom.items) if "县级" in it.levels
        ]
        county.sections.append(Section(dom.name, loaded.stem, items, dom.reference))
    result = Compiled(county, standard=_standard_sections(ordered))
    standard = _township_standard(ordered)
    for loaded_town in sorted((t for t in townships if t.model), key=lambda t: (t.model.code or "", t.stem)):  # type: ignore[union-attr]
        town_catalog = _merge_township(settings, ordered, standard, loaded_town, result.diagnostics)
        result.townships.append(town_catalog)
        result.villages.extend(_villages(town_catalog))
    return result


def _standard_sections(ordered: list[Loaded[Domain]]) -> list[Section]:
    sections = []
    for dl in ordered:
        dom = dl.model
        assert dom is not None
        items = [CompiledItem.of(it, dom.name, it.subject or (dom.department or "" if "县级" in it.levels else ""),
                                 dl.path, dl.positions.line(("items", i))) for i, it in enumerate(dom.items)]
        sections.append(Section(dom.name, dl.stem, items, dom.reference))
    return sections


def find_domain(ordered: list[Loaded[Domain]], ref: str) -> Loaded[Domain] | None:
    return next((d for d in ordered if d.model and (d.model.name == ref or d.stem == ref)), None)


def _township_standard(ordered: list[Loaded[Domain]]) -> dict[str, dict[tuple[str, str], tuple[CompiledItem, bool]]]:
    """The county standard's township-level items, compiled once for every township.

    Each item comes with whether it names its own subject; the others take the township body.
    """
    standard: dict[str, dict[tuple[str, str], tuple[CompiledItem, bool]]] = {}
    for dl in ordered:
        dom = dl.model
        assert dom is not None
        standard[dom.name] = {
            (it.category, it.name): (CompiledItem.of(it, dom.name, it.subject or "", dl.path, dl.positions.line(("items", i))),
                                     it.subject is not None)
            for i, it in enumerate(dom.items) if "乡级" in it.levels
        }
    return standard


def _merge_township(settings: Settings, ordered: list[Loaded[Domain]],
                    standard: dict[str, dict[tuple[str, str], tuple[CompiledItem, bool]]],
                    loaded: Loaded[Township], diags: list[Diagnostic]) -> Catalog:
    town = loaded.model
    assert town is not None
    pos, path = loaded.positions, loaded.path
    catalog = Catalog("township", loaded.stem, town.name, f"{town.name}{settings.title}", town.body,
                      township=town.name, township_id=loaded.stem, code=town.code,
                      villages=[VillageRef(v.name, v.code, v.kind) for v in town.villages], note=town.note)
    # Township items per domain, keyed by (category, name), in the county's order.
    sections = {domain: {key: item if own else item.with_subject(town.body) for key, (item, own) in items.items()}
                for domain, items in standard.items()}

    def locate(kind: str, i: int, key: str = "") -> tuple[int, int]:
        return pos.of((kind, i, key) if key else (kind, i))

    for i, exc in enumerate(town.exclusions):
        target = _resolve(ordered, sections, exc, path, locate("exclusions", i, "domain"),
                          locate("exclusions", i, "item"), diags)
        if target is None:
            continue
        domain, keys = target
        for key in keys:
            sections[domain].pop(key, None)
        label = exc.item or exc.category
        catalog.adjustments.append(Adjustment("exclusion", domain, label, exc.reason,
                                              source=path, line=locate("exclusions", i)[0]))
    for i, change in enumerate(town.changes):
        target = _resolve(ordered, sections, change, path, locate("changes", i, "domain"),
                          locate("changes", i, "item"), diags)
        if target is None:
            continue
        domain, (key,) = target
        patch = {k: v for k, v in change.set.as_dict().items() if v is not None}
        refused = [d for rule in CHANGE_RULES if (d := rule(patch, sections[domain][key], path, pos, i)) is not None]
        if refused:
            diags.append(refused[0])
            continue
        sections[domain][key] = dataclasses.replace(sections[domain][key], origin="changed", source=path,
                                                    line=locate("changes", i)[0], **patch)
        catalog.adjustments.append(Adjustment("change", domain, key[1], change.reason, tuple(sorted(patch)),
                                              source=path, line=locate("changes", i)[0]))
    for i, add in enumerate(town.additions):
        found = find_domain(ordered, add.domain)
        line, col = locate("additions", i, "domain")
        if found is None or found.model is None:
            diags.append(missing_domain(ordered, add.domain, path, line, col))
            continue
        dl, domain_name = found, found.model.name
        key = (add.category, add.name)
        repeated = addition_is_new(add, sections[domain_name], path, pos, i)
        if repeated is not None:
            diags.append(repeated)
            continue
        item = CompiledItem.of(add, domain_name, add.subject or town.body, path, locate("additions", i)[0])
        sections[domain_name][key] = dataclasses.replace(item, origin="added")
        catalog.adjustments.append(Adjustment("addition", domain_name, add.name, add.note,
                                              source=path, line=locate("additions", i)[0]))
    for dl in ordered:
        assert dl.model is not None
        items = list(sections[dl.model.name].values())
        if items:
            catalog.sections.append(Section(dl.model.name, dl.stem, items, dl.model.reference))
    return catalog


def _resolve(ordered: list[Loaded[Domain]], sections: dict[str, dict[tuple[str, str], CompiledItem]],
             adj: Exclusion | Change, path: str, domain_pos: tuple[int, int], item_pos: tuple[int, int],
             diags: list[Diagnostic]) -> tuple[str, list[tuple[str, str]]] | None:
    """The domain and the item keys an adjustment points at, or None with a diagnostic."""
    dl = find_domain(ordered, adj.domain)
    if dl is None or dl.model is None:
        diags.append(missing_domain(ordered, adj.domain, path, *domain_pos))
        return None
    domain = dl.model.name
    if adj.item is None:  # a whole domain, or a whole category of it
        matches = [k for k in sections[domain] if adj.category in (None, k[0])]
        if adj.category is not None and not matches:
            diags.append(missing_item(dl, adj.category, path, *item_pos, category=True))
            return None
        return domain, matches
    township_items = [k for k in sections[domain] if k[1] == adj.item and adj.category in (None, k[0])]
    if len(township_items) == 1:
        return domain, township_items
    if len(township_items) > 1:
        diags.append(target_is_one_item(adj.item, domain, township_items, path, item_pos))
        return None
    diags.append(missing_item(dl, adj.item, path, *item_pos))
    return None


# --- merge rules: what a township's adjustments must satisfy to be applied (see MERGE_RULES) ----------


def change_keeps_township_level(patch: dict[str, Any], item: CompiledItem, path: str, pos: Positions,
                                i: int) -> Diagnostic | None:
    """A change's levels keep 乡级: an item is dropped from a township by an exclusion (JXS114)."""
    if "levels" in patch and "乡级" not in patch["levels"]:
        return Diagnostic("JXS114", path, *pos.of(("changes", i, "set", "levels")))
    return None


def change_applies_to_village_items(patch: dict[str, Any], item: CompiledItem, path: str, pos: Positions,
                                    i: int) -> Diagnostic | None:
    """A change sets applies_to only on an item that stays 村级 (JXS124)."""
    if "applies_to" in patch and "村级" not in patch.get("levels", item.levels):
        return Diagnostic("JXS124", path, *pos.of(("changes", i, "set", "applies_to")), {"name": item.name})
    return None


CHANGE_RULES = (change_keeps_township_level, change_applies_to_village_items)


def addition_is_new(add: Addition, section: dict[tuple[str, str], CompiledItem], path: str, pos: Positions,
                    i: int) -> Diagnostic | None:
    """An addition does not repeat an item of the county's standard: that is a change (JXS126)."""
    if (add.category, add.name) in section:
        return Diagnostic("JXS126", path, *pos.of(("additions", i, "name")),
                          {"category": add.category, "name": add.name})
    return None


def target_is_one_item(item: str, domain: str, matches: list[tuple[str, str]], path: str,
                       where: tuple[int, int]) -> Diagnostic:
    """An adjustment naming an item found under several categories gives its category (JXS127)."""
    cats = "、".join(k[0] for k in matches)
    return Diagnostic("JXS127", path, *where, {"item": item, "domain": domain, "categories": cats})




def missing_domain(ordered: list[Loaded[Domain]], ref: str, path: str, line: int, col: int) -> Diagnostic:
    """An adjustment or addition names a domain that exists (JXS113), else the nearest name is offered."""
    names = [d.model.name for d in ordered if d.model]
    from difflib import get_close_matches  # only when a guess is needed
    guess = get_close_matches(ref, names, n=1, cutoff=0.3)
    hint = phrase("hint.did-you-mean", guess=guess[0]) if guess else phrase("hint.domain-names")
    return Diagnostic("JXS113", path, line, col, {"what": phrase("target.domain"), "target": ref, "hint": hint})


def missing_item(dl: Loaded[Domain], ref: str, path: str, line: int, col: int, category: bool = False) -> Diagnostic:
    """An adjustment names a category or township-level item of its domain that exists (JXS113)."""
    assert dl.model is not None
    pool = [it.category if category else it.name for it in dl.model.items if "乡级" in it.levels]
    from difflib import get_close_matches  # only when a guess is needed
    guess = get_close_matches(ref, pool, n=1, cutoff=0.3)
    what = phrase("target.category" if category else "target.item", domain=dl.model.name)
    hint = phrase("hint.did-you-mean", guess=guess[0]) if guess else phrase("hint.township-items", path=dl.path)
    return Diagnostic("JXS113", path, line, col, {"what": what, "target": ref, "hint": hint})


def _villages(town: Catalog) -> list[Catalog]:
    out: list[Catalog] = []
    assert town.township_id is not None
    # The township's 村级 items for each kind of list, filtered once rather than once per village.
    by_kind: dict[str, list[tuple[Section, list[CompiledItem]]]] = {}
    for kind in {v.kind for v in town.villages}:
        by_kind[kind] = [(s, kept) for s in town.sections
                         if (kept := [it for it in s.items if it.applies_to_kind(kind)])]
    for village in town.villages:
        body = village_body(village.name, village.kind)
        cat = Catalog("village", village_id(town.township_id, village.name, village.code), village.name,
                      town.name + village_title(village.name, village.kind), body, township=town.name,
                      township_id=town.township_id, code=village.code, kind=village.kind)
        for section, kept in by_kind[village.kind]:
            cat.sections.append(Section(section.domain, section.domain_id, Published(kept, body), section.reference))
        out.append(cat)
    return out


MergeRule = Callable[..., Diagnostic | None]

# Every rule merging applies to a township's adjustments, in the order it applies them.
MERGE_RULES: tuple[MergeRule, ...] = (missing_domain, missing_item, target_is_one_item, change_keeps_township_level,
                                      change_applies_to_village_items, addition_is_new)
