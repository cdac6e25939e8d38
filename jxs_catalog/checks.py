"""The checks a value goes through on its way into a model, and the problems they report.

A model is a frozen dataclass whose fields carry their check in their metadata
(see `checked`); `validate` runs the checks over the values read from a file and
builds the model only when every check passed. Problems take the shape of
pydantic's error list (type, loc, msg, ctx), so that rules may raise pydantic_core's
PydanticCustomError and validation.py maps them to located diagnostics. Nothing
here imports pydantic's model machinery: validating one file stays cheap.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from pydantic_core import PydanticCustomError

Loc = tuple[str | int, ...]
Problem = dict[str, Any]  # {"type", "loc", "msg", "ctx"}: pydantic's shape of one error
T = TypeVar("T")


class _Invalid:
    """What a failed check returns: the problems are already recorded."""


INVALID: Any = _Invalid()


@dataclass(frozen=True, slots=True)
class Context:
    extra_channels: tuple[str, ...] = ()


class Check(Protocol):
    def __call__(self, value: Any, ctx: Context, loc: Loc, problems: list[Problem]) -> Any: ...


def _raised(error: PydanticCustomError, loc: Loc) -> Problem:
    return {"type": error.type, "loc": loc, "msg": error.message(), "ctx": error.context}


def _problem(kind: str, loc: Loc, msg: str, ctx: dict[str, Any] | None = None) -> Problem:
    return {"type": kind, "loc": loc, "msg": msg, "ctx": ctx}


@dataclass(frozen=True, slots=True)
class Rule:
    """A value rule: returns the value to keep or raises PydanticCustomError."""

    rule: Callable[[Any], Any]
    nullable: bool = False  # an empty value (`key:`) is kept as None

    def __call__(self, value: Any, ctx: Context, loc: Loc, problems: list[Problem]) -> Any:
        if value is None and self.nullable:
            return None
        try:
            return self.rule(value)
        except PydanticCustomError as error:
            problems.append(_raised(error, loc))
            return INVALID


@dataclass(frozen=True, slots=True)
class ContextRule:
    """A value rule that needs the workspace's context (the county's extra channels)."""

    rule: Callable[[Any, Context], Any]
    nullable: bool = False

    def __call__(self, value: Any, ctx: Context, loc: Loc, problems: list[Problem]) -> Any:
        if value is None and self.nullable:
            return None
        try:
            return self.rule(value, ctx)
        except PydanticCustomError as error:
            problems.append(_raised(error, loc))
            return INVALID


@dataclass(frozen=True, slots=True)
class Then:
    """A rule on the whole value, then a check on each entry of the list it returns."""

    first: Rule
    each: Check
    nullable: bool = False

    def __call__(self, value: Any, ctx: Context, loc: Loc, problems: list[Problem]) -> Any:
        if value is None and self.nullable:
            return None
        entries = self.first(value, ctx, loc, problems)
        if entries is INVALID:
            return INVALID
        return _entries(entries, self.each, ctx, loc, problems)


def _entries(values: Any, each: Check, ctx: Context, loc: Loc, problems: list[Problem]) -> Any:
    before = len(problems)
    out = tuple(each(v, ctx, (*loc, i), problems) for i, v in enumerate(values))
    return INVALID if len(problems) > before else out


@dataclass(frozen=True, slots=True)
class TupleOf:
    """A list of entries, each checked; anything but a list is the wrong kind of value."""

    each: Check
    min_length: int = 0

    def __call__(self, value: Any, ctx: Context, loc: Loc, problems: list[Problem]) -> Any:
        if not isinstance(value, (list, tuple)):
            problems.append(_problem("tuple_type", loc, "Input should be a valid tuple"))
            return INVALID
        if len(value) < self.min_length:
            problems.append(_problem("too_short", loc, f"Tuple should have at least {self.min_length} item after "
                                     f"validation, not {len(value)}", {"field_type": "Tuple",
                                     "min_length": self.min_length, "actual_length": len(value)}))
            return INVALID
        return _entries(value, self.each, ctx, loc, problems)


@dataclass(frozen=True, slots=True)
class OneOf:
    """Exactly one of a few words."""

    choices: tuple[str, ...]

    def __call__(self, value: Any, ctx: Context, loc: Loc, problems: list[Problem]) -> Any:
        if isinstance(value, str) and value in self.choices:
            return value
        shown = [repr(c) for c in self.choices]
        expected = shown[0] if len(shown) == 1 else f"{', '.join(shown[:-1])} or {shown[-1]}"
        problems.append(_problem("literal_error", loc, f"Input should be {expected}", {"expected": expected}))
        return INVALID


@dataclass(frozen=True, slots=True)
class Model:
    """A mapping checked key by key into a model (a dataclass whose fields say their checks)."""

    cls: type
    before: Callable[[Any], Any] | None = None  # turns a short form (a bare name) into the mapping

    def __call__(self, value: Any, ctx: Context, loc: Loc, problems: list[Problem]) -> Any:
        if self.before is not None:
            value = self.before(value)
        return validate(self.cls, value, ctx, loc, problems)


@dataclass(frozen=True, slots=True)
class _Slot:
    name: str
    check: Check
    required: bool


_SLOTS: dict[type, tuple[_Slot, ...]] = {}


def _slots(cls: type) -> tuple[_Slot, ...]:
    """Each field of a model with its check, read once per class."""
    slots = _SLOTS.get(cls)
    if slots is None:
        slots = _SLOTS[cls] = tuple(_Slot(f.name, f.metadata["check"], f.default is dataclasses.MISSING
                                          and f.default_factory is dataclasses.MISSING)
                                    for f in dataclasses.fields(cls))
    return slots


def validate(cls: type[T], value: Any, ctx: Context, loc: Loc, problems: list[Problem]) -> T | Any:
    """The model of cls built from a mapping, or INVALID with every problem recorded in problems."""
    if not isinstance(value, dict):
        name = cls.__name__
        problems.append(_problem("model_type", loc, f"Input should be a valid dictionary or instance of {name}",
                                 {"class_name": name}))
        return INVALID
    before = len(problems)
    fields: dict[str, Any] = {}
    for slot in _slots(cls):
        if slot.name not in value:
            if slot.required:
                problems.append(_problem("missing", (*loc, slot.name), "Field required"))
            continue
        fields[slot.name] = slot.check(value[slot.name], ctx, (*loc, slot.name), problems)
    if len(problems) > before:
        return INVALID
    model = cls(**fields)
    for rule in getattr(cls, "RULES", ()):
        try:
            rule(model)
        except PydanticCustomError as error:
            problems.append(_raised(error, loc))
            return INVALID
    return model


def checked(check: Check, **default: Any) -> Any:
    """A dataclass field checked by `check`; `default=` or `default_factory=` makes it optional."""
    return dataclasses.field(metadata={"check": check}, **default)

