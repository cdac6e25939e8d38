"""A diff as text for the terminal and as JSON for scripts."""

from __future__ import annotations

import json

from jxs_catalog.catalog import CompiledItem
from jxs_catalog.diagnostics import Diagnostic
from jxs_catalog.diffing.compare import SCOPES, CatalogDiff, DiffResult, ItemChange
from jxs_catalog.diffing.sentences import (
    cannot_compare,
    catalog_heading,
    element_name,
    item_path,
    show_value,
    summary,
    village_groups,
    village_line,
)
from jxs_catalog.messages import say
from jxs_catalog.reporters import location, severity_word


def diagnostic_lines(result: DiffResult, lang: str) -> list[str]:
    lines = [f"{location(d)}: {severity_word(d, lang)} {d.code} {d.message(lang)}" for d in result.diagnostics]
    lines.append(cannot_compare(result, lang))
    return lines


def _catalog_text(diff: CatalogDiff, lang: str) -> list[str]:
    lines = [catalog_heading(diff, lang)]
    if diff.status != "changed":
        return lines
    for item in diff.added:
        lines.append(f"  + {say('diff.added', lang)}  {item_path(*item.key)}")
    for item in diff.removed:
        reason = diff.reasons.get(item.key)
        tail = say("diff.reason", lang, reason=reason) if reason else ""
        lines.append(f"  - {say('diff.removed', lang)}  {item_path(*item.key)}{tail}")
    for change in diff.changed:
        lines.append(f"  ~ {say('diff.changed', lang)}  {item_path(*change.key)}")
        for element in change.elements:
            old, new = show_value(element.old, lang), show_value(element.new, lang)
            lines.append("      " + say("diff.element-change", lang, element=element_name(element.element, lang),
                                            old=old, new=new))
    return lines


def render_text(result: DiffResult, lang: str = "zh") -> str:
    if result.diagnostics:
        return "\n".join(diagnostic_lines(result, lang)) + "\n"
    lines = [summary(result, lang)]
    for diff in result.catalogs:
        if diff.scope != "village":
            lines += ["", *_catalog_text(diff, lang)]
    groups = village_groups(result)
    if groups:
        lines += ["", say("diff.villages-text", lang)]
        township = None
        for group in groups:
            if group.township != township:
                township = group.township
                lines.append(f"  {township}")
            lines.append(f"    {village_line(group, lang)}")
    return "\n".join(lines) + "\n"


def _item_json(item: CompiledItem) -> dict[str, object]:
    data = item.as_dict()
    data.pop("origin", None)
    return data


def _change_json(change: ItemChange) -> dict[str, object]:
    return {
        "domain": change.domain, "category": change.category, "name": change.name,
        "elements": [{"element": e.element, "old": e.old, "new": e.new} for e in change.elements],
    }


def _catalog_json(diff: CatalogDiff) -> dict[str, object]:
    return {
        "scope": diff.scope, "id": diff.id, "name": diff.name, "title": diff.title,
        "township": diff.township, "status": diff.status, "old_name": diff.old_name,
        "added": [_item_json(i) for i in diff.added],
        "removed": [{**_item_json(i), "exclusion_reason": diff.reasons.get(i.key)} for i in diff.removed],
        "changed": [_change_json(c) for c in diff.changed],
    }


def _diagnostic_json(diag: Diagnostic, lang: str) -> dict[str, object]:
    return {"path": diag.path, "line": diag.line, "column": diag.column, "severity": diag.severity.value,
            "code": diag.code, "message": diag.message(lang)}


def render_json(result: DiffResult, lang: str = "zh") -> str:
    counts: dict[str, object] = {"catalogs": len(result.catalogs)}
    for scope in SCOPES:
        t = result.tally(scope)
        counts[scope] = {"catalogs": t.catalogs, "added": t.added, "removed": t.removed, "changed": t.changed}
    payload: dict[str, object] = {
        "a": result.a, "b": result.b, "title": result.title,
        "differs": result.differs,
        "summary": counts,
        "catalogs": [_catalog_json(d) for d in result.catalogs],
        "diagnostics": [_diagnostic_json(d, lang) for d in result.diagnostics],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
