"""The pilot domains, read from pilot_domains.yaml through the model: facts kept as data, not code."""

from __future__ import annotations

from pathlib import Path

import yaml

from jxs_catalog.checks import INVALID, Context, Problem, validate
from jxs_catalog.models import PilotDomains

try:  # libyaml's parser is faster; both give the same answer
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

_DATA = Path(__file__).with_name("pilot_domains.yaml")


def _read() -> PilotDomains:
    problems: list[Problem] = []
    pilots = validate(PilotDomains, yaml.load(_DATA.read_text(encoding="utf-8"), Loader=_Loader), Context(), (),
                      problems)
    if pilots is INVALID:  # the package's own data: a broken copy is a bug, not a clerk's mistake
        raise ValueError(f"{_DATA.name}: {problems}")
    return pilots


_PILOTS = _read()

# The pilot domains' names, in the order of the county plan.
PILOT_DOMAINS: tuple[str, ...] = tuple(d.name for d in _PILOTS.domains)
# The ids (file stems) the shipped workspace uses for them, offered by `jxs import`.
PILOT_IDS: dict[str, str] = {d.name: d.id for d in _PILOTS.domains}
