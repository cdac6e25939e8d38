"""Compare the compiled catalogs of two workspaces, catalog by catalog and item by item."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from jxs_catalog import fields
from jxs_catalog.catalog import Catalog, Compiled, CompiledItem, Scope, domain_sort_key
from jxs_catalog.diagnostics import Diagnostic, DiagnosticList, Severity
from jxs_catalog.diffing.sides import Side
from jxs_catalog.pipeline import compile_workspace

# The elements compared, in the order they are reported.
COMPARED: tuple[str, ...] = tuple(e.key for e in fields.COMPARED)
SCOPES: tuple[Scope, ...] = ("county", "township", "village")

Value = str | list[str] | None
CatalogKey = tuple[Scope, str]  # (scope, id)
ItemKey = tuple[str, str, str]  # (domain, category, name)
Status = Literal["added", "removed", "changed"]


@dataclass(frozen=True, slots=True)
class ElementChange:
    element: str  # one of COMPARED
    old: Value
    new: Value


@dataclass(frozen=True, slots=True)
class ItemChange:
    domain: str
    category: str
    name: str
    elements: tuple[ElementChange, ...]

    @property
    def key(self) -> ItemKey:
        return (self.domain, self.category, self.name)


@dataclass(slots=True)
class CatalogDiff:
    """What changed in one catalog; a catalog new or gone as a whole lists all its items."""

    scope: Scope
    id: str
    name: str
    title: str
    status: Status
    township: str | None = None
    township_id: str | None = None
    old_name: str | None = None  # set when the same file now carries another name
    added: list[CompiledItem] = field(default_factory=list)
    removed: list[CompiledItem] = field(default_factory=list)
    changed: list[ItemChange] = field(default_factory=list)
    reasons: dict[ItemKey, str] = field(default_factory=dict)  # why an item was excluded, from side B

    @property
    def key(self) -> CatalogKey:
        return (self.scope, self.id)


@dataclass(frozen=True, slots=True)
class Tally:
    catalogs: int = 0
    added: int = 0
    removed: int = 0
    changed: int = 0


@dataclass(slots=True)
class DiffResult:
    a: str  # the labels of the two sides, e.g. HEAD~1 and HEAD
    b: str
    title: str = ""  # the county catalog's title, from side B when it compiled
    catalogs: list[CatalogDiff] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def has_errors(self) -> bool:
        return any(d.severity is Severity.ERROR for d in self.diagnostics)

    @property
    def differs(self) -> bool:
        return bool(self.catalogs)

    def tally(self, scope: Scope) -> Tally:
        diffs = [c for c in self.catalogs if c.scope == scope]
        return Tally(len(diffs), sum(len(c.added) for c in diffs), sum(len(c.removed) for c in diffs),
                     sum(len(c.changed) for c in diffs))


def _value(item: CompiledItem, element: str) -> Value:
    raw = getattr(item, element)
    return list(raw) if isinstance(raw, tuple) else raw


def item_order(key: ItemKey) -> tuple[tuple[int, str], str, str]:
    return (domain_sort_key(key[0]), key[1], key[2])


def compare_items(old: CompiledItem, new: CompiledItem) -> tuple[ElementChange, ...]:
    return tuple(
        ElementChange(element, _value(old, element), _value(new, element))
        for element in COMPARED if _value(old, element) != _value(new, element)
    )


def _exclusion_reasons(catalog: Catalog, items: list[CompiledItem]) -> dict[ItemKey, str]:
    """The reason of the township exclusion that explains each removed item, where there is one."""
    out: dict[ItemKey, str] = {}
    for item in items:
        for adj in catalog.adjustments:
            if (adj.kind == "exclusion" and adj.domain == item.domain and adj.reason
                    and adj.item in (None, item.name, item.category)):
                out[item.key] = adj.reason
                break
    return out


def compare_catalogs(old: Catalog | None, new: Catalog | None) -> CatalogDiff | None:
    """The differences of one catalog, or None when there are none."""
    shown = new or old
    assert shown is not None
    old_items = {it.key: it for it in old.items} if old else {}
    new_items = {it.key: it for it in new.items} if new else {}
    status: Status = "added" if old is None else "removed" if new is None else "changed"
    diff = CatalogDiff(shown.scope, shown.id, shown.name, shown.title, status,
                       township=shown.township, township_id=shown.township_id)
    if old and new and old.name != new.name:
        diff.old_name = old.name
    for key in sorted(new_items.keys() - old_items.keys(), key=item_order):
        diff.added.append(new_items[key])
    for key in sorted(old_items.keys() - new_items.keys(), key=item_order):
        diff.removed.append(old_items[key])
    for key in sorted(old_items.keys() & new_items.keys(), key=item_order):
        elements = compare_items(old_items[key], new_items[key])
        if elements:
            diff.changed.append(ItemChange(*key, elements))
    if new is not None:
        diff.reasons = _exclusion_reasons(new, diff.removed)
    if status == "changed" and not (diff.added or diff.removed or diff.changed or diff.old_name):
        return None
    return diff


def _catalog_key(catalog: Catalog) -> CatalogKey:
    return (catalog.scope, catalog.id)


def catalog_order(a: list[Catalog], b: list[Catalog]) -> list[CatalogKey]:
    """B's order, with catalogs only in A placed after their predecessor in A; grouped by scope."""
    order = [_catalog_key(c) for c in b]
    present = set(order)
    previous: CatalogKey | None = None
    for catalog in a:
        key = _catalog_key(catalog)
        if key not in present:
            order.insert(order.index(previous) + 1 if previous else 0, key)
            present.add(key)
        previous = key
    rank = {scope: i for i, scope in enumerate(SCOPES)}
    return sorted(order, key=lambda k: rank[k[0]])


def compare_compiled(a: Compiled, b: Compiled) -> list[CatalogDiff]:
    old = {_catalog_key(c): c for c in a.catalogs}
    new = {_catalog_key(c): c for c in b.catalogs}
    diffs = (compare_catalogs(old.get(key), new.get(key)) for key in catalog_order(a.catalogs, b.catalogs))
    return [d for d in diffs if d is not None]


def _side_of(spec: Path | Side) -> Side:
    if isinstance(spec, Side):
        return spec
    return Side(root=spec, label=str(spec), prefix=f"{spec.as_posix().rstrip('/')}/")


def _compile(side: Side) -> tuple[Compiled | None, list[Diagnostic]]:
    result = compile_workspace(side.root)
    errors = [d for d in result.diagnostics if d.severity is Severity.ERROR]
    if result.compiled is None and not errors:  # cannot happen today; never compare half a workspace
        errors = [Diagnostic("JXS122", "jxs.yaml")]
    shown = [dataclasses.replace(d, path=side.shown(d.path)) for d in errors]
    return (None if errors else result.compiled), shown


def diff_workspaces(a: Path | Side, b: Path | Side) -> DiffResult:
    """Compile both workspaces and compare them; errors on either side come back as diagnostics."""
    side_a, side_b = _side_of(a), _side_of(b)
    compiled_a, diags_a = _compile(side_a)
    compiled_b, diags_b = _compile(side_b)
    result = DiffResult(side_a.label, side_b.label)
    if compiled_a is None or compiled_b is None:
        result.diagnostics = [*DiagnosticList(diags_a).sorted(), *DiagnosticList(diags_b).sorted()]
        return result
    result.title = compiled_b.county.title
    result.catalogs = compare_compiled(compiled_a, compiled_b)
    return result
