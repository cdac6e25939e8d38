"""Units of rendering work: the county, or one township with its villages.

A unit writes its files straight into the staging directory and returns what it
wrote, so it can run in a worker process. A unit whose fingerprint matches the
previous build is not rendered at all: its files are linked from the previous
output (see build.py).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from jxs_catalog import __version__
from jxs_catalog.catalog import Catalog, village_title
from jxs_catalog.citations import Resolved
from jxs_catalog.models import Settings
from jxs_catalog.rendering.exports import Exports
from jxs_catalog.rendering.noticeboard import village_workbooks
from jxs_catalog.rendering.paths import data_rel, page_rel, village_data_rel, xlsx_rel
from jxs_catalog.rendering.site import SiteRenderer
from jxs_catalog.rendering.xlsx import write_workbook
from jxs_catalog.staging import Staging, Written
from jxs_catalog.timing import Stopwatch, measure


@dataclass(slots=True)
class Unit:
    catalog: Catalog
    villages: list[Catalog] = field(default_factory=list)
    fingerprint: str = ""

    def paths(self) -> list[str]:
        """Every file this unit produces, relative to the output directory."""
        out = [xlsx_rel(self.catalog), data_rel(self.catalog, "json"), data_rel(self.catalog, "csv")]
        if self.catalog.scope == "township":
            out.append(page_rel(self.catalog))
        if self.villages:
            out += [village_data_rel(self.catalog.id, "json"), village_data_rel(self.catalog.id, "csv")]
        for village in self.villages:
            out += [xlsx_rel(village), page_rel(village)]
        return out


@dataclass(slots=True)
class Context:
    """What every unit needs besides its catalogs; sent once to each worker."""

    settings: Settings
    when: dt.datetime
    root: Path
    staging: Path
    clock: Stopwatch | None = None  # in-process builds only: stage timings for the benchmarks
    register: dict[str, Resolved] | None = None  # bases.yaml's documents by title key, when there is one
    build: str = ""  # names this build: a worker reuses the renderers it inherited from the same build

    @property
    def day(self) -> str:
        return self.when.strftime("%Y-%m-%d")


def fingerprint(unit: Unit, ctx: Context, shared: str, own_source: str) -> str:
    """Changes whenever anything the unit's files are made from changes: the tool, the day,
    the templates, jxs.yaml and every domain file (shared), and the township's own file."""
    text = f"{__version__}\0{ctx.day}\0{shared}\0{unit.catalog.scope}\0{unit.catalog.id}\0{own_source}"
    return hashlib.sha256(text.encode()).hexdigest()


_renderer: tuple[str, SiteRenderer, Exports] | None = None


def renderers(ctx: Context) -> tuple[SiteRenderer, Exports]:
    """One jinja environment and one exporter per build and process, reused by every unit it renders;
    made before the workers start, a forked worker inherits them with their compiled templates."""
    global _renderer
    if _renderer is None or not ctx.build or _renderer[0] != ctx.build:
        _renderer = (ctx.build, SiteRenderer(ctx.settings, ctx.day, ctx.root, ctx.register), Exports(ctx.register))
    return _renderer[1], _renderer[2]


def render_unit(unit: Unit, ctx: Context) -> list[Written]:
    stage = Staging(ctx.staging)
    cat = unit.catalog
    place = ctx.settings.county if cat.scope == "county" else cat.name
    rel = xlsx_rel(cat)
    with measure(ctx.clock, "excel"):
        write_workbook(cat, stage.target(rel), place, ctx.settings.title, ctx.when, ctx.settings.publisher or "",
                       ctx.settings.paper)
        stage.record(rel, "xlsx")
    with measure(ctx.clock, "excel (villages)"):
        titles = [village_title(v.name, v.kind) for v in unit.villages]
        books = village_workbooks(unit.villages, titles, ctx.when, ctx.day, ctx.settings.publisher or "",
                                  ctx.settings.paper)
        for village, book in zip(unit.villages, books, strict=True):
            stage.write(xlsx_rel(village), book, "xlsx")
    site, exports = renderers(ctx)
    with measure(ctx.clock, "exports"):
        stage.write(data_rel(cat, "json"), exports.to_json(cat, ctx.day), "json")
        stage.write(data_rel(cat, "csv"), exports.to_csv(cat), "csv")
        if unit.villages:
            stage.write(village_data_rel(cat.id, "json"), exports.village_lists_json(cat, unit.villages, ctx.day), "json")
            stage.write(village_data_rel(cat.id, "csv"), exports.village_lists_csv(unit.villages), "csv")
    with measure(ctx.clock, "html"):
        if cat.scope == "township":
            stage.write(page_rel(cat), site.township_page(cat, unit.villages), "html")
        for village in unit.villages:
            stage.write(page_rel(village), site.village_page(village), "html")
    return stage.written


def render_units(units: list[Unit], ctx: Context) -> list[Written]:
    """A worker's batch: several units, one result list (fewer round trips between processes)."""
    out: list[Written] = []
    for unit in units:
        out.extend(render_unit(unit, ctx))
    return out
