"""Stage timings for the benchmarks: measured where the work happens, reported by the caller."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
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


def measure(clock: Stopwatch | None, stage: str):  # type: ignore[no-untyped-def]
    """clock.measure(stage), or nothing when no one is timing."""
    return clock.measure(stage) if clock is not None else _nothing()


@contextmanager
def _nothing() -> Iterator[None]:
    yield
