"""Load, validate and merge a workspace: the shared first half of validate, check and build."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jxs_catalog.diagnostics import Diagnostic
from jxs_catalog.errors import UsageProblem
from jxs_catalog.loading.loaded import Loaded
from jxs_catalog.models import Domain
from jxs_catalog.timing import Stopwatch, cyclic_gc_paused, measure
from jxs_catalog.workspace import Workspace, load_referenced_domains, load_workspace

if TYPE_CHECKING:  # merging (and the catalogs it compiles) is imported where a merge is needed
    from jxs_catalog.catalog import Compiled


@dataclass(slots=True)
class Result:
    workspace: Workspace
    compiled: Compiled | None
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def files(self) -> int:
        return self.workspace.files


def _cross_file(ws: Workspace) -> list[Diagnostic]:
    """Rules that need more than one file: one file per domain name, per township name."""
    out: list[Diagnostic] = []
    for code, loaded_list in (("JXS120", ws.domains), ("JXS121", ws.townships)):
        first: dict[str, str] = {}
        for loaded in loaded_list:
            if loaded.model is None:
                continue
            name = loaded.model.name
            if name in first:
                line, col = loaded.positions.of(("name",))
                out.append(Diagnostic(code, loaded.path, line, col, {"name": name, "other": first[name]}))
            else:
                first[name] = loaded.path
    return out


def compile_workspace(root: Path, only: list[Path] | None = None, clock: Stopwatch | None = None) -> Result:
    """Everything up to merged catalogs; files named in `only` are validated alone.

    A township named alone is still resolved against the county standard: the domain
    files it refers to are loaded too, and only the named files' diagnostics are kept.
    """
    ws = load_workspace(root, only, clock)
    if only is not None:
        return Result(ws, None, _named_only(root, ws))
    diags = ws.all_diagnostics()
    diags.extend(_cross_file(ws))
    with measure(clock, "resolve"):
        diags.extend(_resolution(ws))
    compiled = None
    # Adjustments are resolved against the complete county standard only: with a
    # broken domain file they would point at "nothing" for the wrong reason.
    complete = only is None and all(d.model is not None for d in ws.domains)
    settings = ws.settings.model if ws.settings else None
    if complete and settings is not None:
        from jxs_catalog.merging import merge
        with measure(clock, "merge"), cyclic_gc_paused():
            compiled = merge(settings, ws.domains, ws.townships)
        diags.extend(compiled.diagnostics)
        domains = ws.valid_domains
        diags.extend(d for town in ws.townships if town.model is None for d in raw_references(town, domains))
    return Result(ws, compiled, diags)


def _resolution(ws: Workspace) -> list[Diagnostic]:
    """The basis lines resolved against bases.yaml; none without a valid register."""
    if ws.bases is None or ws.bases.model is None:
        return []
    # Imported here: validating a file that cites nothing never loads the register's modules.
    from jxs_catalog.register import register_of, resolution_rules
    register = register_of(ws)
    return resolution_rules(ws, register) if register is not None else []


def _named_only(root: Path, ws: Workspace) -> list[Diagnostic]:
    named = {d.path for d in ws.domains} | {t.path for t in ws.townships}
    # jxs.yaml is read for its channels; its problems are shown only when it is named.
    skip = {ws.settings.path} if ws.settings is not None and not ws.settings_named else set()
    diags = [d for d in ws.all_diagnostics() if d.path not in skip]
    diags.extend(_cross_file(ws))  # among the files named
    diags.extend(_resolution(ws))
    settings = ws.settings.model if ws.settings else None
    towns = ws.valid_townships
    if settings is None or not ws.townships:
        return diags
    refs: set[str] = set()
    for town in ws.townships:
        raw = town.raw if isinstance(town.raw, dict) else {}
        for key in ("exclusions", "changes", "additions"):
            entries = raw.get(key)
            refs.update(e["domain"].strip() for e in (entries if isinstance(entries, list) else [])
                        if isinstance(e, dict) and isinstance(e.get("domain"), str))
    if not refs:  # every problem a merge finds is an adjustment's, and every adjustment names a domain
        return diags
    from jxs_catalog.merging import merge
    have = {d.path for d in ws.domains}
    loaded, unloadable = load_referenced_domains(root, refs, settings.channels)
    domains = [*ws.valid_domains, *(d for d in loaded if d.path not in have and d.model is not None)]
    found = merge(settings, domains, towns).diagnostics
    found += [d for town in ws.townships if town.model is None for d in raw_references(town, domains)]
    for d in found:
        # A reference into a domain file that does not load is that file's problem, reported there.
        if d.path in named and not (d.code == "JXS113" and d.params.get("target") in unloadable):
            diags.append(d)
    return diags


def raw_references(town: Loaded[Any], domains: list[Loaded[Domain]]) -> list[Diagnostic]:
    """The adjustments of a township file that did not validate, still checked against the
    domains: a clerk sees a typo'd item in the same run as the file's other mistakes."""
    from jxs_catalog.merging import find_domain, missing_domain, missing_item
    raw = town.raw if isinstance(town.raw, dict) else {}
    out: list[Diagnostic] = []
    for key in ("exclusions", "changes", "additions"):
        entries = raw.get(key)
        for i, entry in enumerate(entries if isinstance(entries, list) else []):
            ref = entry.get("domain") if isinstance(entry, dict) else None
            if not isinstance(ref, str) or not ref.strip():
                continue
            dl = find_domain(domains, ref.strip())
            if dl is None or dl.model is None:
                out.append(missing_domain(domains, ref.strip(), town.path, *town.positions.of((key, i, "domain"))))
                continue
            item, category = entry.get("item"), entry.get("category")
            if key == "additions" or not isinstance(item, str) or not item.strip():
                continue
            known = {it.name for it in dl.model.items if "乡级" in it.levels
                     and (not isinstance(category, str) or it.category == category.strip())}
            if item.strip() not in known:
                out.append(missing_item(dl, item.strip(), town.path, *town.positions.of((key, i, "item"))))
    return out


def build_date(result: Result) -> dt.datetime:
    """SOURCE_DATE_EPOCH when set, else the latest review date in the sources: never the clock."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        try:
            return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc).replace(tzinfo=None)
        except (ValueError, OverflowError, OSError):  # beyond the year 9999 (or the platform's range)
            raise UsageProblem("bad-epoch", epoch) from None
    dates = [d.model.reviewed for d in result.workspace.domains if d.model and d.model.reviewed]
    dates += [t.model.reviewed for t in result.workspace.townships if t.model and t.model.reviewed]
    if dates:
        return dt.datetime.strptime(max(dates), "%Y-%m-%d")
    return dt.datetime(2000, 1, 1)


def source_day(result: Result) -> dt.date:
    """The day the sources speak for (see build_date): what reports are dated with."""
    return build_date(result).date()
