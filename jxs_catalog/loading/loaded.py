"""A file as validation leaves it: its model (or None), where each value stood, its diagnostics."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from jxs_catalog.diagnostics import Diagnostic

Path = tuple[str | int, ...]
M = TypeVar("M")


@dataclass(slots=True)
class Positions:
    """Where each value (and each key) of a file stood, by path."""

    values: dict[Path, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path, tuple[int, int]] = field(default_factory=dict)
    spelled: dict[Path, str] = field(default_factory=dict)

    def of(self, path: Path) -> tuple[int, int]:
        """The position of the value at path, or of its nearest located parent."""
        p = tuple(path)
        while p:
            if p in self.values:
                return self.values[p]
            p = p[:-1]
        return self.values.get((), (1, 1))

    def line(self, path: Path) -> int:
        return self.of(path)[0]


@dataclass(slots=True)
class Loaded(Generic[M]):
    """A validated file: the model (None if invalid), where things are, and its id."""

    path: str
    stem: str
    model: M | None
    positions: Positions
    diagnostics: list[Diagnostic]
    raw: Any = None  # the normalised values, kept so that an invalid file's references can still be checked
