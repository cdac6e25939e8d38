"""Stage timings for the benchmarks: measured where the work happens, reported by the caller."""

from __future__ import annotations

import gc
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field


@dataclass(slots=True)
class Stopwatch:
    seconds: dict[str, float] = field(default_factory=dict)

    @contextmanager
    def measure(self, stage: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[stage] = self.seconds.get(stage, 0.0) + time.perf_counter() - start


def measure(clock: Stopwatch | None, stage: str) -> AbstractContextManager[None]:
    """clock.measure(stage), or nothing when no one is timing."""
    return clock.measure(stage) if clock is not None else _nothing()


@contextmanager
def _nothing() -> Iterator[None]:
    yield


@contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while many acyclic objects are made.

    Merging a large county makes hundreds of thousands of items, none in a cycle; each
    full collection rescans all of them, which made merging grow faster than linearly
    (benchmarks/README.md). Reference counting still frees everything as usual.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
