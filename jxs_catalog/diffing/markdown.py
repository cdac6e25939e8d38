"""A diff as Markdown: the 目录更新说明 a county pastes into its publication notice."""

from __future__ import annotations

from collections.abc import Sequence

from jxs_catalog.diffing.compare import CatalogDiff, DiffResult
from jxs_catalog.diffing.words import (
    cannot_compare,
    catalog_heading,
    element_name,
    no_differences,
    pick,
    show_value,
    summary,
    village_groups,
    village_line,
)
from jxs_catalog.fields import ELEMENTS
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
    return [pick(lang, "领域", "Domain"), pick(lang, "一级事项", "Category"), pick(lang, "二级事项", "Item")]


def _catalog_section(diff: CatalogDiff, lang: str) -> list[str]:
    lines = [f"## {cell(catalog_heading(diff, lang))}", ""]
    if diff.status == "added":
        return [*lines, pick(lang, f"新设目录，共 {len(diff.added)} 项事项。",
                             f"A new catalog with {len(diff.added)} items."), ""]
    if diff.status == "removed":
        return [*lines, pick(lang, f"该目录已撤销，原有 {len(diff.removed)} 项事项。",
                             f"This catalog was removed; it had {len(diff.removed)} items."), ""]
    if diff.added:
        shown = [e.key for e in ELEMENTS if e.diff_added]
        header = [*_item_columns(lang), *(element_name(key, lang) for key in shown)]
        rows = [[i.domain, i.category, i.name, *(getattr(i, key) for key in shown)] for i in diff.added]
        lines += [f"### {pick(lang, '新增事项', 'Items added')}", "", *table(header, rows), ""]
    if diff.removed:
        header = _item_columns(lang)
        rows = [[i.domain, i.category, i.name] for i in diff.removed]
        if diff.reasons:
            header = [*header, element_name("reason", lang)]
            rows = [[*row, diff.reasons.get(i.key, "—")] for row, i in zip(rows, diff.removed, strict=True)]
        lines += [f"### {pick(lang, '删除事项', 'Items removed')}", "", *table(header, rows), ""]
    if diff.changed:
        header = [*_item_columns(lang), pick(lang, "调整的要素", "Element"), pick(lang, "原内容", "Old"),
                  pick(lang, "新内容", "New")]
        rows = [[c.domain, c.category, c.name, element_name(e.element, lang), show_value(e.old, lang),
                 show_value(e.new, lang)] for c in diff.changed for e in c.elements]
        lines += [f"### {pick(lang, '调整事项', 'Items changed')}", "", *table(header, rows), ""]
    return lines


def _villages(result: DiffResult, lang: str) -> list[str]:
    groups = village_groups(result)
    if not groups:
        return []
    lines = [f"## {pick(lang, '村（居）务公开清单', 'Village lists')}", "",
             pick(lang, "村（居）务公开清单中的事项与所在乡镇目录中的村级事项一致，随之调整：",
                  "Village lists follow their township's village-level items and change with them:"), ""]
    for group in groups:
        lines.append(f"- {cell(group.township)}{pick(lang, ' ', ' — ')}{cell(village_line(group, lang))}")
    return [*lines, ""]


def render_markdown(result: DiffResult, lang: str = "zh") -> str:
    title = result.title or pick(lang, "基层政务公开标准目录", "Standard catalogs")
    lines = [pick(lang, f"# {cell(title)}更新说明", f"# {cell(title)}: update notes"), ""]
    lines += [pick(lang, f"比较版本：`{result.a}` → `{result.b}`", f"Versions compared: `{result.a}` → `{result.b}`"), ""]
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
