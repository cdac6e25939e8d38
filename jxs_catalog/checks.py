"""The checks a value goes through on its way into a model, and the problems they report.

A model is a Record whose fields carry their check (see `checked`); `validate`
runs the checks over the values read from a file and builds the model only when
every check passed. Problems take the shape of pydantic's error list (type, loc,
msg, ctx), so that rules may raise pydantic_core's PydanticCustomError and
validation.py maps them to located diagnostics. Nothing here imports pydantic's
model machinery, and these classes are plain ones rather than dataclasses: defining
a dataclass costs about a millisecond, which `jxs validate FILE` would pay for each.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar, Protocol, TypeVar

from pydantic_core import PydanticCustomError

Loc = tuple[str | int, ...]
Problem = dict[str, Any]  # {"type", "loc", "msg", "ctx"}: pydantic's shape of one error
R = TypeVar("R", bound="Record")


class _Invalid:
    """What a failed check returns: the problems are already recorded."""


INVALID: Any = _Invalid()


class Context:
    """What a check may need to know of the workspace: the channels jxs.yaml adds."""

    __slots__ = ("extra_channels",)

    def __init__(self, extra_channels: tuple[str, ...] = ()) -> None:
        self.extra_channels = extra_channels


class Check(Protocol):
    def __call__(self, value: Any, ctx: Context, loc: Loc, problems: list[Problem]) -> Any: ...


def _raised(error: PydanticCustomError, loc: Loc) -> Problem:
    return {"type": error.type, "loc": loc, "msg": error.message(), "ctx": error.context}


def _problem(kind: str, loc: Loc, msg: str, ctx: dict[str, Any] | None = None) -> Problem:
    return {"type": kind, "loc": loc, "msg": msg, "ctx": ctx}


class Rule:
    """A value rule: returns the value to keep or raises PydanticCustomError; then, for a rule
    that returns a list, the check of each entry."""

    __slots__ = ("each", "nullable", "rule", "with_context")

    def __init__(self, rule: Callable[..., Any], *, each: Check | None = None, nullable: bool = False,
                 with_context: bool = False) -> None:
        self.rule, self.each, self.nullable, self.with_context = rule, each, nullable, with_context

    def optional(self) -> Rule:
        """The same rule where an empty value (`key:`) means "not given"."""
        return Rule(self.rule, each=self.each, nullable=True, with_context=self.with_context)

    def __call__(self, value: Any, ctx: Context, loc: Loc, problems: list[Problem]) -> Any:
        if value is None and self.nullable:
            return None
        try:
            kept = self.rule(value, ctx) if self.with_context else self.rule(value)
        except PydanticCustomError as error:
            problems.append(_raised(error, loc))
            return INVALID
        return kept if self.each is None else _entries(kept, self.each, ctx, loc, problems)


def _entries(values: Any, each: Check, ctx: Context, loc: Loc, problems: list[Problem]) -> Any:
    before = len(problems)
    out = tuple(each(v, ctx, (*loc, i), problems) for i, v in enumerate(values))
    return INVALID if len(problems) > before else out


class TupleOf:
    """A list of entries, each checked; anything but a list is the wrong kind of value."""

    __slots__ = ("each", "min_length")

    def __init__(self, each: Check, min_length: int = 0) -> None:
        self.each, self.min_length = each, min_length

    def __call__(self, value: Any, ctx: Context, loc: Loc, problems: list[Problem]) -> Any:
        if not isinstance(value, (list, tuple)):
            problems.append(_problem("tuple_type", loc, "not a list"))
            return INVALID
        if len(value) < self.min_length:
            problems.append(_problem("too_short", loc, f"{len(value)} entries, fewer than {self.min_length}",
                                     {"min_length": self.min_length, "actual_length": len(value)}))
            return INVALID
        return _entries(value, self.each, ctx, loc, problems)


class Model:
    """A mapping checked key by key into a model."""

    __slots__ = ("before", "cls")

    def __init__(self, cls: type[Record], before: Callable[[Any], Any] | None = None) -> None:
        self.cls = cls
        self.before = before  # turns a short form (a bare name) into the mapping

    def __call__(self, value: Any, ctx: Context, loc: Loc, problems: list[Problem]) -> Any:
        if self.before is not None:
            value = self.before(value)
        return validate(self.cls, value, ctx, loc, problems)


_REQUIRED: Any = object()


class Field:
    """One field of a model: its check and, unless it is required, its default."""

    __slots__ = ("check", "default", "factory", "name")

    def __init__(self, check: Check, default: Any = _REQUIRED, factory: Callable[[], Any] | None = None) -> None:
        self.check, self.default, self.factory, self.name = check, default, factory, ""

    @property
    def required(self) -> bool:
        return self.default is _REQUIRED and self.factory is None


def checked(check: Check, *, default: Any = _REQUIRED, default_factory: Callable[[], Any] | None = None) -> Any:
    """A model's field checked by `check`; `default=` or `default_factory=` makes it optional."""
    return Field(check, default, default_factory)


class Record:
    """A frozen model whose fields (class attributes made by `checked`) say their checks.

    RULES run on a model once every field passed its check; each raises PydanticCustomError.
    """

    FIELDS: ClassVar[tuple[Field, ...]] = ()
    RULES: ClassVar[tuple[Callable[[Any], None], ...]] = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        own = {name: value for name, value in vars(cls).items() if isinstance(value, Field)}
        for name, declared in own.items():
            declared.name = name
        cls.FIELDS = (*(f for f in cls.FIELDS if f.name not in own), *own.values())

    def __init__(self, **values: Any) -> None:
        for f in self.FIELDS:
            if f.name in values:
                value = values.pop(f.name)
            elif f.factory is not None:
                value = f.factory()
            elif f.default is not _REQUIRED:
                value = f.default
            else:
                raise TypeError(f"{type(self).__name__}: {f.name} is required")
            object.__setattr__(self, f.name, value)
        if values:
            raise TypeError(f"{type(self).__name__}: no field {', '.join(values)}")

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is frozen")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"{type(self).__name__} is frozen")

    def field_values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, f.name) for f in self.FIELDS)

    def as_dict(self) -> dict[str, Any]:
        """The fields and their values, in the order they are declared."""
        return {f.name: getattr(self, f.name) for f in self.FIELDS}

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and self.field_values() == other.field_values()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash((type(self), self.field_values()))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(f'{k}={v!r}' for k, v in self.as_dict().items())})"


def validate(cls: type[R], value: Any, ctx: Context, loc: Loc, problems: list[Problem]) -> R | Any:
    """The model of cls built from a mapping, or INVALID with every problem recorded in problems."""
    if not isinstance(value, dict):
        name = cls.__name__
        problems.append(_problem("model_type", loc, f"not a mapping for {name}", {"class_name": name}))
        return INVALID
    before = len(problems)
    fields: dict[str, Any] = {}
    for f in cls.FIELDS:
        if f.name not in value:
            if f.required:
                problems.append(_problem("missing", (*loc, f.name), "required"))
            continue
        fields[f.name] = f.check(value[f.name], ctx, (*loc, f.name), problems)
    if len(problems) > before:
        return INVALID
    model = cls(**fields)
    for rule in cls.RULES:
        try:
            rule(model)
        except PydanticCustomError as error:
            problems.append(_raised(error, loc))
            return INVALID
    return model
