"""`jxs check`: validate, then whole-workspace rules for CI and the county's supervision.

Completeness (every township accounts for every pilot domain), consistency (no
matter defined twice, no names copied from another township or county, codes
unique and inside the county), and currency (a review date no older than a year,
no cited document out of force). Every rule is listed in WORKSPACE_RULES.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from jxs_catalog.coverage import Coverage, coverage_of
from jxs_catalog.diagnostics import Diagnostic, Severity
from jxs_catalog.fields import ELEMENTS
from jxs_catalog.loading.loaded import Loaded
from jxs_catalog.messages import phrase
from jxs_catalog.models import Domain, Township
from jxs_catalog.pilot import PILOT_DOMAINS
from jxs_catalog.pipeline import Result, compile_workspace
from jxs_catalog.register import Citing, Register, citations_report, currency_rules, register_of

_GOV = re.compile(r"([\u4e00-\u9fff]{2,12}?(?:县|市|区))人民政府")


@dataclass(slots=True)
class CheckResult:
    diagnostics: list[Diagnostic]
    files: int
    coverage: Coverage | None
    documents: list[Citing] = field(default_factory=list)  # per cited document, the lines citing it
    today: dt.date | None = None


def _today() -> dt.date:
    override = os.environ.get("JXS_TODAY")
    return dt.date.fromisoformat(override) if override else dt.date.today()


def _warning(code: str, path: str, line: int, col: int, params: dict[str, object] | None = None) -> Diagnostic:
    return Diagnostic(code, path, line, col, params or {}, Severity.WARNING)


@dataclass(frozen=True, slots=True)
class Checked:
    """What every workspace rule looks at: the compiled workspace, the day, the register."""

    result: Result
    today: dt.date
    register: Register | None

    @property
    def county_code(self) -> str | None:
        settings = self.result.workspace.settings
        return settings.model.code if settings and settings.model else None


# --- workspace rules: what the files must satisfy together (see WORKSPACE_RULES) ---------------------


def _review_dates(loaded: Iterable[Loaded[Domain] | Loaded[Township]], today: dt.date) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    for lf in loaded:
        if lf.model is None:
            continue
        if lf.model.reviewed is None:
            out.append(_warning("JXS210", lf.path, *lf.positions.of(("name",))))
            continue
        reviewed = dt.date.fromisoformat(lf.model.reviewed)  # the model accepts real dates only
        line, col = lf.positions.of(("reviewed",))
        if reviewed > today:
            out.append(_warning("JXS212", lf.path, line, col, {"reviewed": lf.model.reviewed}))
        elif (today - reviewed).days > 366:
            out.append(_warning("JXS209", lf.path, line, col, {"reviewed": lf.model.reviewed}))
    return out


def review_dates(c: Checked) -> list[Diagnostic]:
    """Every domain and township file has a review date, not in the future nor older than a year
    (JXS209, JXS210, JXS212)."""
    ws = c.result.workspace
    return [*_review_dates(ws.domains, c.today), *_review_dates(ws.townships, c.today)]


def cited_documents_in_force(c: Checked) -> list[Diagnostic]:
    """No line cites a document the register says is repealed, lapsed or past its term (JXS505, JXS506)."""
    return currency_rules(c.result.workspace, c.register, c.today) if c.register is not None else []


def pilot_domains_present(c: Checked) -> list[Diagnostic]:
    """Each pilot domain has its file in domains/ (JXS202)."""
    present = {d.model.name for d in c.result.workspace.domains if d.model}
    return [_warning("JXS202", "domains/", 0, 0, {"domain": name}) for name in PILOT_DOMAINS if name not in present]


def domain_levels_used(c: Checked) -> list[Diagnostic]:
    """Every level a domain declares is used by one of its items (JXS203)."""
    out: list[Diagnostic] = []
    for lf in c.result.workspace.valid_domains:
        dom = lf.model
        assert dom is not None
        used = {lv for it in dom.items for lv in it.levels}
        for level in dom.levels or ():
            if level not in used:
                line, col = lf.positions.of(("levels",))
                out.append(Diagnostic("JXS203", lf.path, line, col, {"domain": dom.name, "level": level}))
    return out


def matters_defined_once(c: Checked) -> list[Diagnostic]:
    """No matter (same name and content) is defined in two domains (JXS205, a warning)."""
    out: list[Diagnostic] = []
    seen: dict[tuple[str, str], tuple[str, str]] = {}
    for lf in c.result.workspace.valid_domains:
        dom = lf.model
        assert dom is not None
        for i, it in enumerate(dom.items):
            key = (it.name, it.content)
            if key in seen and seen[key][0] != dom.name:
                line, col = lf.positions.of(("items", i, "name"))
                out.append(_warning("JXS205", lf.path, line, col,
                                    {"name": it.name, "other": seen[key][0], "other_path": seen[key][1]}))
            seen.setdefault(key, (dom.name, lf.path))
    return out


def _claims_township(dom: Domain) -> bool:
    levels = dom.levels or tuple({lv for it in dom.items for lv in it.levels})
    return "乡级" in levels


def township_codes(c: Checked) -> list[Diagnostic]:
    """A township's code lies inside the county's and is used once (JXS207, JXS208)."""
    if c.result.compiled is None:
        return []
    out: list[Diagnostic] = []
    codes: dict[str, str] = {}
    for lf in c.result.workspace.valid_townships:
        town = lf.model
        assert town is not None
        if town.code:
            line, col = lf.positions.of(("code",))
            if c.county_code and not town.code.startswith(c.county_code):
                out.append(Diagnostic("JXS207", lf.path, line, col, {"value": town.code, "county_code": c.county_code}))
            if town.code in codes:
                out.append(Diagnostic("JXS208", lf.path, line, col, {"value": town.code, "other": codes[town.code]}))
            codes.setdefault(town.code, lf.path)
    return out


def village_codes(c: Checked) -> list[Diagnostic]:
    """Each village code lies inside its township's code and is used once in the county (JXS213, JXS214)."""
    if c.result.compiled is None:
        return []
    seen: dict[str, str] = {}
    return [d for lf in c.result.workspace.valid_townships for d in _village_codes(lf, seen)]


def pilot_domains_accounted(c: Checked) -> list[Diagnostic]:
    """Every township has items of each pilot domain with township items, or excludes it with a reason
    (JXS201)."""
    compiled = c.result.compiled
    if compiled is None:
        return []
    out: list[Diagnostic] = []
    by_name = {cat.name: cat for cat in compiled.townships}
    pilot_domains = [d.model for d in c.result.workspace.valid_domains
                     if d.model and d.model.name in PILOT_DOMAINS and _claims_township(d.model)]
    for lf in c.result.workspace.valid_townships:
        town = lf.model
        assert town is not None
        catalog = by_name.get(town.name)
        if catalog is None:
            continue
        present = {s.domain for s in catalog.sections}
        excluded = {a.domain for a in catalog.adjustments if a.kind == "exclusion"}
        for dom in pilot_domains:
            if dom.name not in present and dom.name not in excluded:
                out.append(Diagnostic("JXS201", lf.path, *lf.positions.of(("name",)),
                                      {"township": town.name, "domain": dom.name}))
    return out


def no_foreign_names_in_townships(c: Checked) -> list[Diagnostic]:
    """A township's own text names no other township nor county: likely copied (JXS206)."""
    compiled = c.result.compiled
    if compiled is None:
        return []
    catalogs = {cat.name for cat in compiled.townships}
    town_names = [t.model.name for t in c.result.workspace.valid_townships if t.model]
    own = _own_county_names(c.result)
    neighbours = _neighbours(c.result)
    return [d for lf in c.result.workspace.valid_townships if lf.model and lf.model.name in catalogs
            for d in _foreign_names(lf, town_names, own, neighbours)]


def _village_codes(lf: Loaded[Township], seen: dict[str, str]) -> list[Diagnostic]:
    town = lf.model
    assert town is not None
    out: list[Diagnostic] = []
    prefix = town.code[:9] if town.code and re.fullmatch(r"\d{12}", town.code) else None
    for i, village in enumerate(town.villages):
        code = village.code
        if code is None or not re.fullmatch(r"\d{12}", code):
            continue  # a malformed code is already reported by validation
        line, col = lf.positions.of(("villages", i, "code"))
        if prefix and not code.startswith(prefix):
            out.append(Diagnostic("JXS213", lf.path, line, col,
                                  {"name": village.name, "value": code, "township": town.name, "prefix": prefix}))
        if code in seen:
            out.append(Diagnostic("JXS214", lf.path, line, col, {"name": village.name, "value": code,
                                                                  "other": seen[code]}))
        else:
            seen[code] = f"{lf.path}（{village.name}）"
    return out


def _foreign_names(lf: Loaded[Township], town_names: list[str], own_county: set[str],
                   neighbours: tuple[str, ...]) -> list[Diagnostic]:
    town = lf.model
    assert town is not None
    others = [n for n in town_names if n != town.name]
    out: list[Diagnostic] = []
    texts: list[tuple[tuple[str | int, ...], str]] = []
    for i, exc in enumerate(town.exclusions):
        texts.append((("exclusions", i, "reason"), exc.reason))
    for i, ch in enumerate(town.changes):
        texts.append((("changes", i, "reason"), ch.reason))
        for key, value in ch.set.as_dict().items():
            for text in ([value] if isinstance(value, str) else value or []):
                texts.append((("changes", i, "set", key), str(text)))
    for i, add in enumerate(town.additions):
        for key, value in add.as_dict().items():
            for text in ([value] if isinstance(value, str) else value or []):
                texts.append((("additions", i, key), str(text)))
    if town.subject:
        texts.append((("subject",), town.subject))
    for path, text in texts:
        found = _foreign_in(text, others, own_county, neighbours)
        if found:
            line, col = lf.positions.of(path)
            kind = found[1]
            out.append(Diagnostic("JXS206", lf.path, line, col, {
                "found": found[0],
                "owner": phrase(f"place.own-{kind}"), "kind": phrase(f"place.{kind}")}))
    return out


def _own_county_names(result: Result) -> set[str]:
    loaded = result.workspace.settings
    if loaded is None or loaded.model is None:
        return set()
    return {loaded.model.county, loaded.model.full_name or loaded.model.county}


def _foreign_in(text: str, other_towns: list[str], own_county: set[str],
                neighbours: tuple[str, ...]) -> tuple[str, str] | None:
    for name in other_towns:
        if name in text:
            return name, "township"
    for name in neighbours:
        if name in text:
            return name, "county"
    for m in _GOV.finditer(text):
        place = m.group(1)
        if not any(place.endswith(own) or own.endswith(place) for own in own_county) and place not in ("县", "本县"):
            return place, "county"
    return None


def _neighbours(result: Result) -> tuple[str, ...]:
    loaded = result.workspace.settings
    return loaded.model.neighbours if loaded is not None and loaded.model is not None else ()


def no_foreign_names_in_domains(c: Checked) -> list[Diagnostic]:
    """The county's standard names no other county in its items' text (JXS206)."""
    own = _own_county_names(c.result)
    neighbours = _neighbours(c.result)
    out: list[Diagnostic] = []
    for lf in c.result.workspace.valid_domains:
        dom = lf.model
        assert dom is not None
        for i, it in enumerate(dom.items):
            for key in (e.key for e in ELEMENTS if e.prose):
                value = getattr(it, key)
                found = _foreign_in(value, [], own, neighbours) if value else None
                if found:
                    line, col = lf.positions.of(("items", i, key))
                    out.append(Diagnostic("JXS206", lf.path, line, col, {
                        "found": found[0], "owner": phrase("place.own-county"), "kind": phrase("place.county")}))
    return out


def merged_items_complete(c: Checked) -> list[Diagnostic]:
    """Every merged item of every catalog has each required element (JXS211)."""
    if c.result.compiled is None:
        return []
    out: list[Diagnostic] = []
    for cat in c.result.compiled.catalogs:
        for item in cat.items:
            for label in item.missing_elements():
                out.append(Diagnostic("JXS211", item.source, item.line, 1,
                                      {"catalog": cat.title, "name": item.name, "element": label}))
    return out


WorkspaceRule = Callable[[Checked], list[Diagnostic]]

# Every workspace rule `jxs check` runs after validation and merging.
WORKSPACE_RULES: tuple[WorkspaceRule, ...] = (
    cited_documents_in_force,
    review_dates,
    pilot_domains_present,
    domain_levels_used,
    matters_defined_once,
    no_foreign_names_in_domains,
    township_codes,
    village_codes,
    pilot_domains_accounted,
    no_foreign_names_in_townships,
    merged_items_complete,
)


def run_check(root: Path, today: dt.date | None = None) -> CheckResult:
    """Every rule; currency is judged on `today` (the clock's date unless given)."""
    result = compile_workspace(root)
    today = today or _today()
    register = register_of(result.workspace)
    checked = Checked(result, today, register)
    diags = list(result.diagnostics)
    for rule in WORKSPACE_RULES:
        diags.extend(rule(checked))
    documents = citations_report(result.workspace, register, today)
    return CheckResult(diags, result.files, coverage_of(result, diags), documents, today)
