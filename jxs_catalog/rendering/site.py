"""The static publication site: index, a page per domain, per township and per village.

Pages link to each other with relative paths only, so the site works from
disk (file://) and under any sub-path of any static server. Templates come
from the workspace's templates/ first, then from the packaged defaults.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape as xml_escape

import jinja2
from markupsafe import Markup

from jxs_catalog.catalog import Catalog, Section
from jxs_catalog.merging import Compiled
from jxs_catalog.models import Settings
from jxs_catalog.outputs import Staging
from jxs_catalog.rendering.layout import COLUMNS, channel_checklist, remark, section_title

ASSETS = ("site.css", "site.js")
_SAFE_URL = re.compile(r"^(https?://|[^:/?#][^:]*$)", re.IGNORECASE)


def packaged_templates() -> Path:
    here = Path(__file__).resolve().parent.parent
    for candidate in (here / "templates", here.parent / "templates"):
        if (candidate / "base.html").is_file():
            return candidate
    raise FileNotFoundError("jxs templates not found")


def environment(root: Path) -> jinja2.Environment:
    loaders: list[jinja2.BaseLoader] = []
    own = root / "templates"
    if own.is_dir():
        loaders.append(jinja2.FileSystemLoader(str(own)))
    loaders.append(jinja2.FileSystemLoader(str(packaged_templates())))
    env = jinja2.Environment(loader=jinja2.ChoiceLoader(loaders), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                             keep_trailing_newline=True)
    env.filters["safe_url"] = safe_url
    env.filters["lines"] = lambda text: Markup("<br>").join(str(text).split("\n"))
    return env


def safe_url(url: str) -> str:
    """Only http(s) or relative links reach a page; anything else becomes '#'."""
    return url if _SAFE_URL.match(url.strip()) and not url.strip().lower().startswith("javascript") else "#"


def _template_source(env: jinja2.Environment, name: str) -> bytes:
    assert env.loader is not None
    source, _, _ = env.loader.get_source(env, name)
    return source.encode("utf-8")


def _rows(section: Section, extra: tuple[str, ...]) -> list[dict[str, Any]]:
    rows = []
    for i, item in enumerate(section.items, start=1):
        rows.append({
            "n": i, "item": item, "checklist": channel_checklist(item.channels, extra).split(" "),
            "remark": remark(item),
            "data_levels": " ".join(item.levels), "data_method": " ".join(item.method),
            "data_audience": " ".join(item.audience),
        })
    return rows


def _downloads(cat: Catalog, prefix: str) -> list[dict[str, str]]:
    folder = {"county": "", "township": "townships/", "village": "villages/"}[cat.scope]
    links = []
    if cat.scope != "village":
        links.append({"label": "Excel", "href": f"{prefix}downloads/xlsx/{cat.id}.xlsx"})
    links.append({"label": "CSV", "href": f"{prefix}downloads/data/{folder}{cat.id}.csv"})
    links.append({"label": "JSON", "href": f"{prefix}downloads/data/{folder}{cat.id}.json"})
    return links


def render_site(compiled: Compiled, settings: Settings, stage: Staging, day: str, root: Path) -> dict[str, str]:
    """Render every page into stage under site/; return catalog id -> page path."""
    env = environment(root)
    extra = tuple(settings.channels)
    site_title = settings.site.title or f"{settings.county}{settings.title}"
    common = {"site_title": site_title, "settings": settings, "day": day, "columns": COLUMNS,
              "publisher": settings.publisher or settings.county}
    pages: dict[str, str] = {}
    village_pages = {v.id: v for v in compiled.villages}

    def emit(rel: str, template: str, prefix: str, **context: Any) -> None:
        html = env.get_template(template).render(**common, prefix=prefix, **context)
        stage.write(f"site/{rel}", html.encode("utf-8"), "html")

    def tables(cat: Catalog, place: str) -> list[dict[str, Any]]:
        def title(domain: str) -> str:
            if cat.scope == "village":
                return f"{place}村（居）务公开清单：{domain}"
            return section_title(place, domain, settings.title)
        return [{"section": s, "title": title(s.domain), "rows": _rows(s, extra), "anchor": f"d-{s.domain_id}"}
                for s in cat.sections]

    county = compiled.county
    townships = compiled.townships
    emit("index.html", "index.html", "", catalog=county, townships=townships,
         downloads=_downloads(county, ""), breadcrumbs=[])
    pages[county.id] = "site/index.html"
    for section in county.sections:
        emit(f"domains/{section.domain_id}.html", "domain.html", "../", catalog=county,
             table={"section": section, "title": section_title(settings.county, section.domain, settings.title),
                    "rows": _rows(section, extra), "anchor": f"d-{section.domain_id}"},
             downloads=_downloads(county, "../"),
             breadcrumbs=[{"label": site_title, "href": "../index.html"}, {"label": section.domain, "href": None}])
    for town in townships:
        villages = [v for v in village_pages.values() if v.township_id == town.id]
        emit(f"townships/{town.id}.html", "township.html", "../", catalog=town, tables=tables(town, town.name),
             villages=villages, downloads=_downloads(town, "../"),
             breadcrumbs=[{"label": site_title, "href": "../index.html"}, {"label": town.name, "href": None}])
        pages[town.id] = f"site/townships/{town.id}.html"
    for village in compiled.villages:
        emit(f"villages/{village.id}.html", "village.html", "../", catalog=village,
             tables=tables(village, village.name), downloads=_downloads(village, "../"),
             township_href=f"../townships/{village.township_id}.html",
             breadcrumbs=[{"label": site_title, "href": "../index.html"},
                          {"label": village.township or "", "href": f"../townships/{village.township_id}.html"},
                          {"label": village.name, "href": None}])
        pages[village.id] = f"site/villages/{village.id}.html"
    emit("404.html", "404.html", "", breadcrumbs=[])
    for asset in ASSETS:
        stage.write(f"site/assets/{asset}", _template_source(env, asset), asset.rsplit(".", 1)[1])
    _copy_downloads(stage)
    stage.write("site/sitemap.xml", _sitemap(settings, pages, compiled), "xml")
    return pages


def _copy_downloads(stage: Staging) -> None:
    """The site carries its own copies of the workbooks and data, so it can be uploaded alone."""
    for written in list(stage.written):
        if written.path.startswith(("xlsx/", "data/")):
            data = stage.target(written.path).read_bytes()
            stage.write(f"site/downloads/{written.path}", data, written.kind)


def _sitemap(settings: Settings, pages: dict[str, str], compiled: Compiled) -> bytes:
    base = (settings.site.base_url or "").rstrip("/") + "/"
    rels = ["index.html", *(f"domains/{s.domain_id}.html" for s in compiled.county.sections)]
    rels += [p.removeprefix("site/") for k, p in pages.items() if k != compiled.county.id]
    urls = "".join(f"  <url><loc>{xml_escape(base + rel)}</loc></url>\n" for rel in rels)
    text = ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + urls + "</urlset>\n")
    return text.encode("utf-8")
