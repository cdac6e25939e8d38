"""From a located YAML tree to a validated model, or to located diagnostics.

Keys are normalised first (Chinese aliases to English, unknown keys with a
suggestion, two spellings of one key); the models' checks (checks.py) then check
types and vocabularies, and each problem is put back at the line it came from.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from jxs_catalog import keys as K
from jxs_catalog.checks import INVALID, Context, Problem, validate
from jxs_catalog.diagnostics import Diagnostic, Severity
from jxs_catalog.loading.loaded import Loaded, Path, Positions
from jxs_catalog.loading.yamltree import YMap, YNode, YScalar, YSeq, kind_of
from jxs_catalog.messages import Joined, Phrase, Term, phrase
from jxs_catalog.models import Bases, Domain, Settings, Township, kind_from_name, lacks_reason, village_without_township
from jxs_catalog.valuecheck import ValueChecker, canonical

CELL_LIMIT = 32_767  # characters an Excel cell holds


class _Normaliser:
    def __init__(self, path: str, extra_channels: tuple[str, ...] = ()) -> None:
        self.path = path
        self.pos = Positions()
        self.diags: list[Diagnostic] = []
        self.values = ValueChecker(path, extra_channels, self.diags)

    def mapping(self, node: YNode, table: str, path: Path) -> dict[str, Any] | Any:
        if not isinstance(node, YMap):
            return self.plain(node, path)
        spec = K.TABLES[table]
        out: dict[str, Any] = {}
        for key_node, value in node.entries:
            spelled = key_node.text or ""
            name = resolve_key(spelled, spec)
            if name is None:
                self._unknown_key(key_node, spec)
                continue
            sub = (*path, name)
            if name in out:
                other = self.pos.spelled[sub]
                self.diags.append(Diagnostic("JXS103", self.path, key_node.line, key_node.col,
                                             {"key": spelled, "other": other}))
                continue
            self.pos.keys[sub] = (key_node.line, key_node.col)
            self.pos.spelled[sub] = spelled
            nested = K.NESTED.get((table, name))
            if nested is None:
                out[name] = self.values.value(table, name, spelled, value, self.plain(value, sub))
            elif nested[1]:
                out[name] = self.values.value(table, name, spelled, value, self.list_of(value, nested[0], sub))
            else:
                out[name] = self.mapping(value, nested[0], sub)
        self.pos.values[path] = (node.line, node.col)
        return out

    def list_of(self, node: YNode, table: str, path: Path) -> Any:
        if not isinstance(node, YSeq):
            return self.plain(node, path)
        self.pos.values[path] = (node.line, node.col)
        return [self.mapping(child, table, (*path, i)) for i, child in enumerate(node.items)]

    def plain(self, node: YNode, path: Path) -> Any:
        self.pos.values[path] = (node.line, node.col)
        if isinstance(node, YScalar):
            if node.text is not None and len(node.text) > CELL_LIMIT:  # a workbook cell would cut it silently
                self.diags.append(Diagnostic("JXS020", self.path, node.line, node.col,
                                             {"length": len(node.text), "limit": CELL_LIMIT}))
            return node.text
        if isinstance(node, YSeq):
            return [self.plain(child, (*path, i)) for i, child in enumerate(node.items)]
        return {(k.text or ""): self.plain(v, (*path, k.text or "")) for k, v in node.entries}

    def _unknown_key(self, key_node: YScalar, spec: dict[str, K.Key]) -> None:
        spelled = key_node.text or ""
        words = [w for k in spec.values() for w in (k.name, *k.aliases)]
        guess = _guess_key(spelled, words)
        if guess:
            canonical = next(k.name for k in spec.values() if guess in (k.name, *k.aliases))
            shown = guess if guess == canonical else f"{guess}（{canonical}）"
            hint = phrase("hint.did-you-mean-key", shown=Term(shown, canonical))
        else:
            hint = phrase("hint.keys-allowed", allowed="、".join(k.name for k in spec.values()))
        self.diags.append(Diagnostic("JXS101", self.path, key_node.line, key_node.col,
                                     {"key": spelled, "hint": hint}))


def resolve_key(spelled: str, spec: dict[str, K.Key]) -> str | None:
    if spelled in spec:
        return spelled
    for key in spec.values():
        if spelled in key.aliases:
            return key.name
    return None


def _guess_key(spelled: str, words: list[str]) -> str | None:
    cleaned = spelled.strip().strip("：:").strip()
    if cleaned in words:
        return cleaned
    lowered = cleaned.lower().replace("-", "_").replace(" ", "_")
    if lowered in words:
        return lowered
    from difflib import get_close_matches  # only when a guess is needed
    match = get_close_matches(lowered, words, n=1, cutoff=0.6)
    return match[0] if match else None


_BUILTIN_CODES = {
    "missing": "JXS102",
    "string_type": "JXS104",
    "tuple_type": "JXS105",
    "list_type": "JXS105",
    "model_type": "JXS108",
    "model_attributes_type": "JXS108",
    "dict_type": "JXS108",
    "too_short": "JXS106",
}
# Errors raised by a model validator belong to one key of that model.
_MODEL_LEVEL_KEY = {"JXS109": "method", "JXS115": "levels", "JXS116": "levels", "JXS124": "applies_to"}


def _table_for(path: Path, root_table: str) -> str:
    table = root_table
    for part in path:
        if isinstance(part, str) and (table, part) in K.NESTED:
            table = K.NESTED[(table, part)][0]
    return table


def _key_label(name: str, spelled: str, spec: dict[str, K.Key], chinese: bool) -> Phrase:
    if name not in spec:
        return phrase("keys.unknown", name=name)
    if chinese:
        return phrase("keys.spelled", spelled=Term(spelled, name), label=Term("", spec[name].label_en))
    return phrase("keys.one", name=name, label=Term(spec[name].label, spec[name].label_en))


def _diagnostics_from(errors: list[Problem], file: str, pos: Positions, root_table: str,
                      data: Any) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    error_locs = [tuple(e["loc"]) for e in errors]
    missing: dict[Path, list[str]] = {}
    for err in errors:
        loc: Path = tuple(p for p in err["loc"] if not (isinstance(p, str) and p.startswith("function-")))
        etype = err["type"]
        if etype == "too_short" and any(len(o) > len(loc) and o[: len(loc)] == loc for o in error_locs):
            continue  # the elements' own errors say more
        if etype == "missing":
            missing.setdefault(loc[:-1], []).append(str(loc[-1]))
            continue
        code = etype if re.fullmatch(r"JXS\d{3}", etype) else _BUILTIN_CODES.get(etype, "JXS119")
        params: dict[str, Any] = dict(err.get("ctx") or {})
        if etype == "too_short":
            params = {"value": "[]"}
        if code in _MODEL_LEVEL_KEY:
            loc = (*loc, _MODEL_LEVEL_KEY[code])
        if code == "JXS109":
            params["reason"] = _reason_key(pos, loc[:-1])
        key_path = loc
        while key_path and not isinstance(key_path[-1], str):
            key_path = key_path[:-1]
        key_name = str(key_path[-1]) if key_path else ""
        params.setdefault("key", pos.spelled.get(key_path, key_name))
        line, col = pos.of(loc)
        if code in ("JXS104", "JXS105", "JXS108") and "found" not in params:
            params["found"] = _found(data, loc)
            params.setdefault("hint", "")
        if code == "JXS119":
            params["problem"] = err["msg"]
        out.append(Diagnostic(code, file, line, col, params))
    for parent, names in missing.items():
        spec = K.TABLES[_table_for(parent, root_table)]
        chinese = _writes_chinese_keys(pos, parent)
        # Advice in the clerk's own spelling: a file with 公开内容 gets 公开内容, not content.
        spelled = [spec[n].aliases[0] if chinese and n in spec and spec[n].aliases else n for n in names]
        labels = Joined(tuple(_key_label(n, s, spec, chinese) for n, s in zip(names, spelled, strict=True)))
        line, col = pos.of(parent)
        out.append(Diagnostic("JXS102", file, line, col, {"keys": labels, "first": spelled[0]}))
    return out


def _reason_key(pos: Positions, item: Path) -> str:
    """The reason key as this item's file writes its keys."""
    return "理由" if _writes_chinese_keys(pos, item) else "reason"


def _writes_chinese_keys(pos: Positions, parent: Path) -> bool:
    """Whether the keys beside the missing ones (else anywhere in the file) are written in Chinese."""
    near = [s for p, s in pos.spelled.items() if p[:-1] == parent] or list(pos.spelled.values())
    chinese = sum(1 for s in near if re.search(r"[\u4e00-\u9fff]", s))
    return chinese * 2 > len(near)


def _found(data: Any, loc: Path) -> Any:
    value = data
    for part in loc:
        try:
            value = value[part]
        except (KeyError, IndexError, TypeError):
            return phrase("found.other")
    if value is None:
        return phrase("found.empty")
    if isinstance(value, list):
        return phrase("found.list")
    if isinstance(value, dict):
        return phrase("found.mapping")
    return phrase("found.text", value=value)


_MODELS: dict[str, type] = {"domain": Domain, "township": Township, "settings": Settings,
                                        "bases": Bases}


def validate_tree(tree: YNode, kind: str, file: str, stem: str,
                  context: dict[str, Any] | None = None) -> Loaded[Any]:
    """Validate one parsed file of the given kind (domain, township or settings)."""
    norm = _Normaliser(file, tuple((context or {}).get("extra_channels", ())))
    if not isinstance(tree, YMap):
        diag = Diagnostic("JXS010", file, tree.line, tree.col, {"found": kind_of(tree)})
        return Loaded(file, stem, None, norm.pos, [diag])
    data = norm.mapping(tree, kind, ())
    diags = list(norm.diags)
    problems: list[Problem] = []
    model = validate(_MODELS[kind], data, Context(norm.values.extra_channels), (), problems)
    if model is INVALID:
        model = None
        diags.extend(_diagnostics_from(problems, file, norm.pos, kind, data))
        seen = {(d.code, d.line, d.column) for d in diags}
        diags.extend(d for d in _item_rules_despite_errors(data, kind, file, norm.pos)
                     if (d.code, d.line, d.column) not in seen)
    if model is not None:
        for rule in FILE_RULES[kind]:
            diags.extend(rule(model, file, norm.pos))
    return Loaded(file, stem, model, norm.pos, diags, data)


_ITEM_LISTS = {"domain": ("items",), "township": ("additions",)}


def _item_rules_despite_errors(data: Any, kind: str, file: str, pos: Positions) -> list[Diagnostic]:
    """The item rules (models.Item.RULES) run only on an item without field errors, run on the raw values,
    so that a clerk sees every problem of the file at once. Repeats are merged when reported."""
    out: list[Diagnostic] = []
    if not isinstance(data, dict):
        return out
    for key in _ITEM_LISTS.get(kind, ()):
        items = data.get(key)
        for i, item in enumerate(items if isinstance(items, list) else []):
            if not isinstance(item, dict):
                continue
            methods = _words(item.get("method"), "method")
            levels = _words(item.get("levels"), "levels")
            reason = item.get("reason")
            if lacks_reason(methods, reason.strip() if isinstance(reason, str) else None):
                out.append(Diagnostic("JXS109", file, *pos.of((key, i, "method")),
                                      {"reason": _reason_key(pos, (key, i))}))
            if village_without_township(levels) and isinstance(item.get("name"), str):
                out.append(Diagnostic("JXS116", file, *pos.of((key, i, "levels")), {"name": item["name"].strip()}))
    return out


def _words(raw: Any, key: str) -> set[str]:
    values = raw if isinstance(raw, list) else [raw]
    return {w for v in values if isinstance(v, str) and (w := canonical(key, v)) is not None}


# --- file rules: what one file must satisfy beyond its model's types -------------------------------
# Each rule is a small function of (model, file, positions) whose docstring names its codes;
# FILE_RULES lists them by the kind of file, and docs/rules.md is generated from the list.


def unique_items(domain: Domain, file: str, pos: Positions) -> list[Diagnostic]:
    """A domain lists each (category, name) once (JXS110)."""
    out: list[Diagnostic] = []
    first: dict[tuple[str, str], int] = {}
    for i, item in enumerate(domain.items):
        key = (item.category, item.name)
        line, col = pos.of(("items", i, "name"))
        if key in first:
            out.append(Diagnostic("JXS110", file, line, col, {
                "category": item.category, "name": item.name, "first_line": first[key]}))
        else:
            first[key] = line
    return out


def _quotes_hint(code: str) -> Phrase | None:
    """WPS turns typed quotes into Chinese ones: say so instead of "add quotes"."""
    if re.fullmatch(r"[“‘”]\d+[”’“]", code):
        return phrase("hint.code-quotes", code=code[1:-1])
    return None


def township_code(town: Township, file: str, pos: Positions) -> list[Diagnostic]:
    """A township's division code has 12 digits (JXS111)."""
    if town.code is None or re.fullmatch(r"\d{12}", town.code):
        return []
    line, col = pos.of(("code",))
    extra = _quotes_hint(town.code) or phrase("hint.township-code")
    return [Diagnostic("JXS111", file, line, col, {"value": town.code.strip("“”‘’"), "digits": 12, "extra": extra})]


def unique_villages(town: Township, file: str, pos: Positions) -> list[Diagnostic]:
    """A township lists each village or community once (JXS123)."""
    out: list[Diagnostic] = []
    first: dict[str, int] = {}
    for i, village in enumerate(town.villages):
        line, col = pos.of(("villages", i))
        if village.name in first:
            out.append(Diagnostic("JXS123", file, line, col, {"name": village.name, "first_line": first[village.name]}))
        else:
            first[village.name] = line
    return out


def village_codes(town: Township, file: str, pos: Positions) -> list[Diagnostic]:
    """A village's division code has 12 digits (JXS111)."""
    out: list[Diagnostic] = []
    for i, village in enumerate(town.villages):
        if village.code is not None and not re.fullmatch(r"\d{12}", village.code):
            line, col = pos.of(("villages", i, "code"))
            out.append(Diagnostic("JXS111", file, line, col, {"value": village.code.strip("“”‘’"), "digits": 12, "extra": (
                _quotes_hint(village.code) or phrase("hint.village-code"))}))
    return out


def village_kinds(town: Township, file: str, pos: Positions) -> list[Diagnostic]:
    """A village's kind agrees with its name: 村 for …村, 社区 for …社区 (JXS125, a warning)."""
    out: list[Diagnostic] = []
    for i, village in enumerate(town.villages):
        if village.kind != kind_from_name(village.name) and village.name.endswith(("村", "社区")):
            line, col = pos.of(("villages", i, "kind"))
            looks = phrase("village.looks-village" if kind_from_name(village.name) == "村" else "village.looks-community")
            out.append(Diagnostic("JXS125", file, line, col, {"name": village.name, "kind": village.kind, "looks": looks},
                                  Severity.WARNING))
    return out


def county_code(settings: Settings, file: str, pos: Positions) -> list[Diagnostic]:
    """The county's division code in jxs.yaml has 6 digits (JXS111)."""
    if settings.code is None or re.fullmatch(r"\d{6}", settings.code):
        return []
    line, col = pos.of(("code",))
    return [Diagnostic("JXS111", file, line, col, {"value": settings.code, "digits": 6, "extra": ""})]


def settings_addresses(settings: Settings, file: str, pos: Positions) -> list[Diagnostic]:
    """The site's base_url and the portal's links are full http(s) addresses (JXS118)."""
    out: list[Diagnostic] = []
    base = settings.site.base_url
    if base is not None and not re.match(r"^https?://", base):
        line, col = pos.of(("site", "base_url"))
        out.append(Diagnostic("JXS118", file, line, col, {"key": "base_url", "value": base}))
    for key in ("home", "guide", "apply", "annual_report"):
        url = getattr(settings.portal, key)
        if url is not None and not re.match(r"^https?://", url):
            line, col = pos.of(("portal", key))
            out.append(Diagnostic("JXS118", file, line, col, {"key": key, "value": url}))
    return out


def title_key(title: str) -> str:
    """citations.title_key, imported on first use: only bases.yaml's checks need it."""
    from jxs_catalog.citations import title_key as key
    return key(title)


def _registered(bases: Bases, pos: Positions) -> dict[str, int]:
    first: dict[str, int] = {}
    for i, doc in enumerate(bases.documents):
        first.setdefault(title_key(doc.title), pos.of(("documents", i, "title"))[0])
    return first


def unique_documents(bases: Bases, file: str, pos: Positions) -> list[Diagnostic]:
    """bases.yaml registers each title once (JXS501)."""
    out: list[Diagnostic] = []
    first: dict[str, int] = {}
    for i, doc in enumerate(bases.documents):
        line, col = pos.of(("documents", i, "title"))
        key = title_key(doc.title)
        if key in first:
            out.append(Diagnostic("JXS501", file, line, col, {"title": doc.title, "first_line": first[key]}))
        else:
            first[key] = line
    return out


def known_replacements(bases: Bases, file: str, pos: Positions) -> list[Diagnostic]:
    """A document's replaced_by names another registered document (JXS502)."""
    out: list[Diagnostic] = []
    registered = _registered(bases, pos)
    for i, doc in enumerate(bases.documents):
        if doc.replaced_by is not None:
            key = title_key(doc.replaced_by)
            if key not in registered or key == title_key(doc.title):
                line, col = pos.of(("documents", i, "replaced_by"))
                out.append(Diagnostic("JXS502", file, line, col, {"title": doc.replaced_by}))
    return out


def document_addresses(bases: Bases, file: str, pos: Positions) -> list[Diagnostic]:
    """A registered document's url is a full http(s) address (JXS118)."""
    out: list[Diagnostic] = []
    for i, doc in enumerate(bases.documents):
        if doc.url is not None and not re.match(r"^https?://\S+$", doc.url):
            line, col = pos.of(("documents", i, "url"))
            out.append(Diagnostic("JXS118", file, line, col, {"key": pos.spelled.get(("documents", i, "url"), "url"),
                                                              "value": doc.url}))
    return out


FileRule = Callable[[Any, str, Positions], list[Diagnostic]]

# Every file rule, by the kind of file it applies to.
FILE_RULES: dict[str, tuple[FileRule, ...]] = {
    "domain": (unique_items,),
    "township": (township_code, unique_villages, village_codes, village_kinds),
    "settings": (county_code, settings_addresses),
    "bases": (unique_documents, known_replacements, document_addresses),
}
