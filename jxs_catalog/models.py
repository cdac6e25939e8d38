"""The catalog's data model: items with the eight elements, domains, townships, settings.

Validators raise errors whose type is a jxs diagnostic code, so the mapping to
a located, translated message stays mechanical (see validation.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import BeforeValidator, Field, model_validator
from pydantic_core import PydanticCustomError

from jxs_catalog.fields import ItemElements, ItemPatch
from jxs_catalog.values import PLACEHOLDER, Date, Frozen, Levels, PartialDate, Status, Text, VillageKind

__all__ = ["PLACEHOLDER", "Addition", "Bases", "Change", "Document", "Domain", "Exclusion", "Item", "ItemPatch", "Settings",
           "SiteOptions", "Township", "Village", "kind_from_name", "village_body"]


class Item(ItemElements):
    """One row of a catalog: the eight elements plus category, levels, reason, note, link (see fields.py)."""

    @model_validator(mode="after")
    def _reason_for_on_application(self) -> Item:
        if self.method == ("依申请",) and not self.reason:
            raise PydanticCustomError("JXS109", "reason", {})
        if "村级" in self.levels and "乡级" not in self.levels:
            raise PydanticCustomError("JXS116", "levels", {"name": self.name})
        if self.applies_to is not None and "村级" not in self.levels:
            raise PydanticCustomError("JXS124", "applies_to", {"name": self.name})
        return self


if TYPE_CHECKING:  # ItemPatch is generated from the element registry: its elements are typed there
    _Patch = Any
else:
    _Patch = ItemPatch


class Domain(Frozen):
    name: Text
    reference: Text | None = None
    department: Text | None = None
    levels: Levels | None = None  # the levels this domain's catalog claims to cover
    reviewed: Date | None = None
    note: Text | None = None
    items: tuple[Item, ...] = Field(min_length=1)


class Exclusion(Frozen):
    domain: Text
    category: Text | None = None
    item: Text | None = None
    reason: Text


class Change(Frozen):
    domain: Text
    category: Text | None = None
    item: Text
    reason: Text
    set: _Patch


class Addition(Item):
    domain: Text

    @model_validator(mode="after")
    def _township_level(self) -> Addition:
        if "乡级" not in self.levels:
            raise PydanticCustomError("JXS115", "levels", {"name": self.name, "levels": "、".join(self.levels)})
        return self


def _village_entry(value: Any) -> Any:
    """A bare name is a village with its kind read from the name."""
    if isinstance(value, str):
        value = {"name": value}
    if isinstance(value, dict) and value.get("kind") is None and isinstance(value.get("name"), str):
        value = {**value, "kind": kind_from_name(value["name"])}
    return value


def kind_from_name(name: str) -> str:
    return "社区" if name.strip().endswith("社区") else "村"


class Village(Frozen):
    """A 村 or 社区 of a township: each gets its own disclosure list."""

    name: Text
    code: Text | None = None
    kind: VillageKind


class Township(Frozen):
    name: Text
    code: Text | None = None
    subject: Text | None = None
    villages: tuple[Annotated[Village, BeforeValidator(_village_entry)], ...] = ()
    reviewed: Date | None = None
    note: Text | None = None
    exclusions: tuple[Exclusion, ...] = ()
    changes: tuple[Change, ...] = ()
    additions: tuple[Addition, ...] = ()

    @property
    def body(self) -> str:
        return self.subject or f"{self.name}人民政府"


class SiteOptions(Frozen):
    base_url: Text | None = None
    title: Text | None = None


class Portal(Frozen):
    """The portal's usual disclosure links and the enquiry phone, shown on every page of the site."""

    home: Text | None = None
    guide: Text | None = None
    apply: Text | None = None
    annual_report: Text | None = None
    phone: Text | None = None


class Settings(Frozen):
    county: Text
    full_name: Text | None = None
    code: Text | None = None
    title: Text = "基层政务公开标准目录"
    publisher: Text | None = None
    channels: tuple[Text, ...] = ()
    site: SiteOptions = SiteOptions()
    portal: Portal = Portal()
    paper: Literal["A4", "A3"] = "A4"  # the workbooks' paper size
    neighbours: tuple[Text, ...] = ()  # counties whose names in a catalog suggest copying (JXS206)


class PilotDomain(Frozen):
    """A pilot domain of the national standard (pilot_domains.yaml) and its usual file id."""

    name: Text
    id: Text


class PilotDomains(Frozen):
    domains: tuple[PilotDomain, ...]


class Document(Frozen):
    """One registered document (bases.yaml): what items cite by its title."""

    title: Text
    number: Text | None = None
    issuer: Text | None = None
    date: PartialDate | None = None
    status: Status
    replaced_by: Text | None = None
    valid_until: Date | None = None
    url: Text | None = None
    note: Text | None = None

    @property
    def bare_title(self) -> str:
        return self.title.strip().removeprefix("《").removesuffix("》")


class Bases(Frozen):
    reviewed: Date | None = None
    note: Text | None = None
    documents: tuple[Document, ...] = ()


def village_body(village: str, kind: str) -> str:
    """The committee that publishes a village's list: 林坪村村民委员会, 滨河社区居民委员会."""
    return f"{village}{'居民委员会' if kind == '社区' else '村民委员会'}"
