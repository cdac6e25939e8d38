"""Compiled catalogs: what merging produces and every renderer consumes."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Literal, overload

from jxs_catalog.diagnostics import Diagnostic
from jxs_catalog.fields import CompiledItem, Origin

Scope = Literal["county", "township", "village"]

__all__ = ["Adjustment", "Catalog", "Compiled", "CompiledItem", "Origin", "Published", "Scope", "Section",
           "VillageRef", "alike_lists", "domain_sort_key", "item_keys", "township_items", "village_id", "village_lists_title",
           "with_subjects"]


@dataclass(frozen=True, slots=True)
class Adjustment:
    kind: Literal["exclusion", "change", "addition"]
    domain: str
    item: str | None
    reason: str | None
    changed: tuple[str, ...] = ()  # the elements a change touched
    source: str = ""
    line: int = 0


class Published(Sequence[CompiledItem]):
    """A township's items as a village list publishes them, under the village committee: each made
    when read, so that thousands of village lists do not hold a copy of every item at once."""

    __slots__ = ("_items", "_subject")

    def __init__(self, items: list[CompiledItem], subject: str) -> None:
        self._items = items
        self._subject = subject

    def __len__(self) -> int:
        return len(self._items)

    @property
    def shared(self) -> list[CompiledItem]:
        """The township's items these are made from, under the township's subject."""
        return self._items

    @property
    def subject(self) -> str:
        return self._subject

    @property
    def keys(self) -> list[tuple[str, str, str]]:
        """The items' keys, read without making the items."""
        return [item.key for item in self._items]

    def __iter__(self) -> Iterator[CompiledItem]:
        subject = self._subject
        return (item.with_subject(subject) for item in self._items)

    @overload
    def __getitem__(self, index: int) -> CompiledItem: ...
    @overload
    def __getitem__(self, index: slice) -> list[CompiledItem]: ...
    def __getitem__(self, index: int | slice) -> CompiledItem | list[CompiledItem]:
        if isinstance(index, slice):
            return [item.with_subject(self._subject) for item in self._items[index]]
        return self._items[index].with_subject(self._subject)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and list(self) == list(other)

    __hash__ = None  # type: ignore[assignment]  # equal to a list of the same items, as a list is

    def __repr__(self) -> str:
        return f"Published({len(self._items)} items, {self._subject!r})"


@dataclass(slots=True)
class Section:
    """One domain's part of a catalog: a sheet in Excel, a table on the site."""

    domain: str
    domain_id: str
    items: Sequence[CompiledItem]
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


def stand_in(village: Catalog, name: str, subject: str, code: str, ident: str) -> Catalog:
    """The village list with placeholders where the villages of one township differ (name, committee,
    code, id): a page or workbook made from it once is filled in for each village of the same kind."""
    sections = [Section(s.domain, s.domain_id, [it.with_subject(subject) for it in s.items], s.reference)
                for s in village.sections]
    return Catalog("village", ident, name, village.title.replace(village.name, name, 1), subject,
                   township=village.township, township_id=village.township_id, sections=sections,
                   code=code if village.code else None, kind=village.kind)


def village_title(name: str, kind: str | None) -> str:
    """柳沟村村务公开清单, 滨河社区居务公开清单: a list is named by the kind of its committee."""
    return f"{name}{'居务' if kind == '社区' else '村务'}公开清单"


def village_lists_title(township: str) -> str:
    """安集镇村（居）务公开清单: the title of a township's village lists taken together."""
    return f"{township}村（居）务公开清单"


def with_subjects(items: Sequence[CompiledItem]) -> Iterator[tuple[CompiledItem, str]]:
    """Each item with the subject it is published by; a village list's items are not made (the
    item given is its township's, alike but for the subject)."""
    if isinstance(items, Published):
        subject = items.subject
        return ((item, subject) for item in items.shared)
    return ((item, item.subject) for item in items)


def township_items(items: Sequence[CompiledItem]) -> Sequence[CompiledItem]:
    """A section's items as its township has them: a village list's shared ones (alike but for the
    subject, and not made), or the items themselves."""
    return items.shared if isinstance(items, Published) else items


def alike_lists(villages: Sequence[Catalog]) -> list[list[Catalog]]:
    """A township's village lists grouped where they are alike but for the committee: of one kind and
    made from the same township items (the same lists, not equal ones), in the order first met."""
    groups: dict[tuple[object, ...], list[Catalog]] = {}
    for village in villages:
        key = (village.kind, *((s.domain_id, s.reference, id(township_items(s.items))) for s in village.sections))
        groups.setdefault(key, []).append(village)
    return list(groups.values())


def item_keys(items: Sequence[CompiledItem]) -> list[tuple[str, str, str]]:
    """The keys of a section's items; a village list's without making its items."""
    return items.keys if isinstance(items, Published) else [item.key for item in items]


def village_id(township_id: str, village: str, code: str | None = None) -> str:
    """A stable ASCII id for a village page: its statistical code, or else the township's id
    and a short hash of the name."""
    if code:
        return code
    import hashlib  # here: validation never names a village page, and OpenSSL's import is not free
    digest = hashlib.sha1(village.encode("utf-8")).hexdigest()[:8]
    return f"{township_id}-{digest}"


def domain_sort_key(name: str) -> tuple[int, str]:
    from jxs_catalog.pilot import PILOT_DOMAINS  # read from its data file when first needed
    return (PILOT_DOMAINS.index(name), "") if name in PILOT_DOMAINS else (len(PILOT_DOMAINS), name)


@dataclass(slots=True)
class Compiled:
    county: Catalog
    townships: list[Catalog] = field(default_factory=list)
    villages: list[Catalog] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    # Every item of the county standard, whatever its levels: what a domain page lists.
    standard: list[Section] = field(default_factory=list)

    @property
    def catalogs(self) -> list[Catalog]:
        return [self.county, *self.townships, *self.villages]
