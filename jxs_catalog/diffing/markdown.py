"""A diff as Markdown: the 目录更新说明 a county pastes into its publication notice."""

from __future__ import annotations

from collections.abc import Sequence

from jxs_catalog.diffing.compare import CatalogDiff, DiffResult
from jxs_catalog.diffing.sentences import (
    cannot_compare,
    catalog_heading,
    element_name,
    no_differences,
    show_value,
    summary,
    village_groups,
    village_line,
)
from jxs_catalog.fields import ELEMENTS
from jxs_catalog.messages import say
from jxs_catalog.reporters import location, severity_word


def cell(text: str) -> str:
    """Table cells cannot hold a bare | or a line break."""
    flat = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    return flat.replace("\\", "\\\\").replace("|", "\\|").replace("\n", "<br>")


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell(value) for value in row) + " |" for row in rows]
    return lines


def _item_columns(lang: str) -> list[str]:
    return [say("diff.col-domain", lang), say("diff.col-category", lang), say("diff.col-item", lang)]


def _catalog_section(diff: CatalogDiff, lang: str) -> list[str]:
    lines = [f"## {cell(catalog_heading(diff, lang))}", ""]
    if diff.status == "added":
        return [*lines, say("diff.md-new-catalog", lang, n=len(diff.added)), ""]
    if diff.status == "removed":
        return [*lines, say("diff.md-gone-catalog", lang, n=len(diff.removed)), ""]
    if diff.added:
        shown = [e.key for e in ELEMENTS if e.diff_added]
        header = [*_item_columns(lang), *(element_name(key, lang) for key in shown)]
        rows = [[i.domain, i.category, i.name, *(getattr(i, key) for key in shown)] for i in diff.added]
        lines += [f"### {say('diff.md-added', lang)}", "", *table(header, rows), ""]
    if diff.removed:
        header = _item_columns(lang)
        rows = [[i.domain, i.category, i.name] for i in diff.removed]
        if diff.reasons:
            header = [*header, element_name("reason", lang)]
            rows = [[*row, diff.reasons.get(i.key, "—")] for row, i in zip(rows, diff.removed, strict=True)]
        lines += [f"### {say('diff.md-removed', lang)}", "", *table(header, rows), ""]
    if diff.changed:
        header = [*_item_columns(lang), say("diff.col-element", lang), say("diff.col-old", lang),
                  say("diff.col-new", lang)]
        rows = [[c.domain, c.category, c.name, element_name(e.element, lang), show_value(e.old, lang),
                 show_value(e.new, lang)] for c in diff.changed for e in c.elements]
        lines += [f"### {say('diff.md-changed', lang)}", "", *table(header, rows), ""]
    return lines


def _villages(result: DiffResult, lang: str) -> list[str]:
    groups = village_groups(result)
    if not groups:
        return []
    lines = [f"## {say('diff.md-villages', lang)}", "", say("diff.md-villages-intro", lang), ""]
    for group in groups:
        lines.append("- " + say("diff.md-village-group", lang, township=cell(group.township),
                                what=cell(village_line(group, lang))))
    return [*lines, ""]


def render_markdown(result: DiffResult, lang: str = "zh") -> str:
    title = result.title or say("diff.md-default-title", lang)
    lines = ["# " + say("diff.md-title", lang, title=cell(title)), ""]
    lines += [say("diff.md-versions", lang, a=result.a, b=result.b), ""]
    if result.diagnostics:
        lines += [f"- {cell(location(d))}: {severity_word(d, lang)} {d.code} {cell(d.message(lang))}"
                  for d in result.diagnostics]
        return "\n".join([*lines, "", cannot_compare(result, lang)]) + "\n"
    if not result.catalogs:
        return "\n".join([*lines, no_differences(lang)]) + "\n"
    lines += [summary(result, lang), ""]
    for diff in result.catalogs:
        if diff.scope != "village":
            lines += _catalog_section(diff, lang)
    lines += _villages(result, lang)
    return "\n".join(lines).rstrip("\n") + "\n"
