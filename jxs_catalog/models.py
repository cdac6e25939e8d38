"""The catalog's data model: items with the eight elements, domains, townships, settings.

Each model is a frozen Record whose fields carry the check of their value
(checks.py); rules that need several fields run once every field passed. Rules
raise errors whose type is a jxs diagnostic code, so the mapping to a located,
translated message stays mechanical (see validation.py).
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Any, ClassVar

from pydantic_core import PydanticCustomError

from jxs_catalog.checks import Model, Record, TupleOf, checked
from jxs_catalog.fields import ItemElements, ItemPatch
from jxs_catalog.values import (
    DATE,
    LEVELS,
    PAPER,
    PARTIAL_DATE,
    PLACEHOLDER,
    STATUS,
    TEXT,
    TEXT_LIST,
    VILLAGE_KIND,
)

__all__ = ["PLACEHOLDER", "Addition", "Bases", "Change", "Document", "Domain", "Exclusion", "Item", "ItemPatch", "Settings",
           "SiteOptions", "Township", "Village", "kind_from_name", "village_body"]

Rules = tuple[Callable[[Any], None], ...]


def _needed(check: Any = TEXT) -> Any:
    """A required field."""
    return checked(check)


def _maybe(check: Any = TEXT) -> Any:
    """An optional field: absent or empty is None."""
    return checked(check.optional(), default=None)


def lacks_reason(methods: Collection[str], reason: str | None) -> bool:
    """JXS109: an item published only on application says why it is not published proactively."""
    return set(methods) == {"依申请"} and not reason


def village_without_township(levels: Collection[str]) -> bool:
    """JXS116: a village-level item is also a township-level one (the township publishes it too)."""
    return "村级" in levels and "乡级" not in levels


def _item_rules(item: Item) -> None:
    if lacks_reason(item.method, item.reason):
        raise PydanticCustomError("JXS109", "reason", {})
    if village_without_township(item.levels):
        raise PydanticCustomError("JXS116", "levels", {"name": item.name})
    if item.applies_to is not None and "村级" not in item.levels:
        raise PydanticCustomError("JXS124", "applies_to", {"name": item.name})


class Item(ItemElements):
    """One row of a catalog: the eight elements plus category, levels, reason, note, link (see fields.py)."""

    RULES: ClassVar[Rules] = (_item_rules,)


class Domain(Record):
    name: str = _needed()
    reference: str | None = _maybe()
    department: str | None = _maybe()
    levels: tuple[str, ...] | None = _maybe(LEVELS)  # the levels this domain's catalog claims to cover
    reviewed: str | None = _maybe(DATE)
    note: str | None = _maybe()
    items: tuple[Item, ...] = _needed(TupleOf(Model(Item), min_length=1))


class Exclusion(Record):
    domain: str = _needed()
    category: str | None = _maybe()
    item: str | None = _maybe()
    reason: str = _needed()


_PATCH = Model(ItemPatch)


class Change(Record):
    domain: str = _needed()
    category: str | None = _maybe()
    item: str = _needed()
    reason: str = _needed()
    set: Any = _needed(_PATCH)  # an ItemPatch, generated from the element registry


def _township_level(addition: Addition) -> None:
    if "乡级" not in addition.levels:
        raise PydanticCustomError("JXS115", "levels", {"name": addition.name, "levels": "、".join(addition.levels)})


class Addition(Item):
    domain: str = _needed()

    RULES: ClassVar[Rules] = (*Item.RULES, _township_level)


def _village_entry(value: Any) -> Any:
    """A bare name is a village with its kind read from the name."""
    if isinstance(value, str):
        value = {"name": value}
    if isinstance(value, dict) and value.get("kind") is None and isinstance(value.get("name"), str):
        value = {**value, "kind": kind_from_name(value["name"])}
    return value


def kind_from_name(name: str) -> str:
    return "社区" if name.strip().endswith("社区") else "村"


class Village(Record):
    """A 村 or 社区 of a township: each gets its own disclosure list."""

    name: str = _needed()
    code: str | None = _maybe()
    kind: str = _needed(VILLAGE_KIND)


class Township(Record):
    name: str = _needed()
    code: str | None = _maybe()
    subject: str | None = _maybe()
    villages: tuple[Village, ...] = checked(TupleOf(Model(Village, before=_village_entry)), default=())
    reviewed: str | None = _maybe(DATE)
    note: str | None = _maybe()
    exclusions: tuple[Exclusion, ...] = checked(TupleOf(Model(Exclusion)), default=())
    changes: tuple[Change, ...] = checked(TupleOf(Model(Change)), default=())
    additions: tuple[Addition, ...] = checked(TupleOf(Model(Addition)), default=())

    @property
    def body(self) -> str:
        return self.subject or f"{self.name}人民政府"


class SiteOptions(Record):
    base_url: str | None = _maybe()
    title: str | None = _maybe()


class Portal(Record):
    """The portal's usual disclosure links and the enquiry phone, shown on every page of the site."""

    home: str | None = _maybe()
    guide: str | None = _maybe()
    apply: str | None = _maybe()
    annual_report: str | None = _maybe()
    phone: str | None = _maybe()


_SITE, _PORTAL = Model(SiteOptions), Model(Portal)


class Settings(Record):
    county: str = _needed()
    full_name: str | None = _maybe()
    code: str | None = _maybe()
    title: str = checked(TEXT, default="基层政务公开标准目录")
    publisher: str | None = _maybe()
    channels: tuple[str, ...] = checked(TEXT_LIST, default=())
    site: SiteOptions = checked(_SITE, default_factory=SiteOptions)
    portal: Portal = checked(_PORTAL, default_factory=Portal)
    paper: str = checked(PAPER, default="A4")  # the workbooks' paper size
    neighbours: tuple[str, ...] = checked(TEXT_LIST, default=())  # counties whose names in a catalog suggest copying (JXS206)


class PilotDomain(Record):
    """A pilot domain of the national standard (pilot_domains.yaml) and its usual file id."""

    name: str = _needed()
    id: str = _needed()


class PilotDomains(Record):
    domains: tuple[PilotDomain, ...] = _needed(TupleOf(Model(PilotDomain)))


class Document(Record):
    """One registered document (bases.yaml): what items cite by its title."""

    title: str = _needed()
    number: str | None = _maybe()
    issuer: str | None = _maybe()
    date: str | None = _maybe(PARTIAL_DATE)
    status: str = _needed(STATUS)
    replaced_by: str | None = _maybe()
    valid_until: str | None = _maybe(DATE)
    url: str | None = _maybe()
    note: str | None = _maybe()

    @property
    def bare_title(self) -> str:
        return self.title.strip().removeprefix("《").removesuffix("》")


class Bases(Record):
    reviewed: str | None = _maybe(DATE)
    note: str | None = _maybe()
    documents: tuple[Document, ...] = checked(TupleOf(Model(Document)), default=())



def committee(kind: str | None) -> str:
    """What the committee of a village (村) or community (社区) is called."""
    return "居民委员会" if kind == "社区" else "村民委员会"


def village_body(village: str, kind: str) -> str:
    """The committee that publishes a village's list: 林坪村村民委员会, 滨河社区居民委员会."""
    return f"{village}{committee(kind)}"
