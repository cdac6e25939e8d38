"""The static publication site: index, a page per domain, per township and per village.

Pages link to each other with relative paths only, so the site works from
disk (file://) and under any sub-path of any static server. Templates come
from the workspace's templates/ first, then from the packaged defaults.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from xml.sax.saxutils import escape as xml_escape

import jinja2
from markupsafe import Markup, escape

from jxs_catalog.catalog import (
    Catalog,
    Compiled,
    CompiledItem,
    Section,
    item_keys,
    stand_in,
    village_lists_title,
    village_title,
)
from jxs_catalog.citations import Resolved, parse_basis, title_key
from jxs_catalog.fields import element_label
from jxs_catalog.models import Settings
from jxs_catalog.rendering.layout import remark, section_title
from jxs_catalog.rendering.paths import data_rel, page_rel, village_data_rel, xlsx_rel
from jxs_catalog.rendering.sandbox import problem_of, sandboxed
from jxs_catalog.rendering.search import portal_links, print_css, search_index_text, synonyms_js

_SAFE_URL = re.compile(r"^(https?://|[^:/?#][^:]*$)", re.IGNORECASE)


def packaged_templates() -> Path:
    here = Path(__file__).resolve().parent.parent
    for candidate in (here / "templates", here.parent / "templates"):
        if (candidate / "base.html").is_file():
            return candidate
    raise FileNotFoundError("jxs templates not found")


def citation_linker(register: dict[str, Resolved]) -> Callable[[str], Markup]:
    """A filter: the basis text, each registered title with a url linked to its text."""
    @functools.lru_cache(maxsize=4096)
    def cite(text: str) -> Markup:
        parts: list[str] = []
        at = 0
        for cited in parse_basis(text):
            doc = register.get(title_key(cited.title))
            if doc is None or not doc.url or safe_url(doc.url) == "#":
                continue
            parts.append(str(escape(text[at:cited.start])))
            hint = "　".join(x for x in (doc.number, doc.status) if x)
            parts.append(f'<a class="cite" href="{escape(doc.url)}" title="{escape(hint)}">'
                         f"{escape(text[cited.start:cited.end])}</a>")
            at = cited.end
        parts.append(str(escape(text[at:])))
        return Markup("".join(parts))
    return lambda text: cite(str(text))


def environment(root: Path, register: dict[str, Resolved] | None = None) -> jinja2.Environment:
    env = sandboxed(root, packaged_templates())  # workspace templates are untrusted: see sandbox.py
    env.filters["safe_url"] = safe_url
    env.filters["element"] = element_label
    env.filters["lines"] = lambda text: Markup("<br>").join(str(text).split("\n"))
    env.filters["cite"] = citation_linker(register or {})
    return env


def safe_url(url: str) -> str:
    """Only http(s) or relative links reach a page; anything else becomes '#'."""
    return url if _SAFE_URL.match(url.strip()) and not url.strip().lower().startswith("javascript") else "#"


def _template_source(env: jinja2.Environment, name: str) -> bytes:
    assert env.loader is not None
    source, _, _ = env.loader.get_source(env, name)
    return source.encode("utf-8")


def _words(values: tuple[str, ...]) -> str:
    return "、".join(values)


def default_subject(item: CompiledItem) -> str:
    """Who publishes a standard item that names no subject, as a reader of a domain page needs to know."""
    if item.subject:
        return item.subject
    return "乡镇人民政府" if "乡级" in item.levels else "村（居）民委员会"


# On a village's own page the standard's long name of the notice board says what it is there.
BOARD, VILLAGE_BOARD = "社区/企事业单位/村公示栏（电子屏）", "公示栏（电子屏）"


def _rows(section: Section) -> list[dict[str, Any]]:
    """The items of a section, with a group row wherever the 一级事项 changes."""
    rows: list[dict[str, Any]] = []
    category = None
    for i, item in enumerate(section.items, start=1):
        if item.category != category:
            category = item.category
            rows.append({"group": category})
        rows.append({
            "group": None, "n": i, "item": item, "channels": _words(item.channels), "remark": remark(item, shown_apart=("link",)),  # the page links it instead

            "audience": _words(item.audience), "method": _words(item.method), "levels": " ".join(item.levels),
            "subject": default_subject(item), "link": item.link,
            "village_channels": _words(tuple(VILLAGE_BOARD if c == BOARD else c for c in item.channels)),
        })
    return rows


def _downloads(cat: Catalog, prefix: str) -> list[dict[str, str]]:
    """A catalog's workbook and data; a village list's data is its township's file of village lists."""
    links = [{"label": "Excel", "ext": "xlsx", "href": f"{prefix}downloads/{xlsx_rel(cat)}"}]
    if cat.scope != "village":
        links += _data_links(data_rel(cat, "csv"), data_rel(cat, "json"), prefix)
    return links


def _village_downloads(township_id: str | None, prefix: str) -> list[dict[str, str]]:
    """A township's village lists as data, one file for all of them (none for a township without
    villages, which is given no id here)."""
    if not township_id:
        return []
    return _data_links(village_data_rel(township_id, "csv"), village_data_rel(township_id, "json"), prefix)


def _data_links(csv_rel: str, json_rel: str, prefix: str) -> list[dict[str, str]]:
    return [{"label": "CSV", "ext": "csv", "href": f"{prefix}downloads/{csv_rel}"},
            {"label": "JSON", "ext": "json", "href": f"{prefix}downloads/{json_rel}"}]


# Stand-ins that autoescaping leaves as they are and no catalog text contains.
_NAME, _SUBJECT, _ID, _CODE = "JXSVILLAGENAME0x7", "JXSVILLAGESUBJECT0x7", "jxsvillageid0x7", "JXSVILLAGECODE0x7"


def base_path(settings: Settings) -> str:
    """The site's own path on its server ("/jss/zfxxgk/"), for pages that may be served from any folder."""
    if not settings.site.base_url:
        return ""
    path = urlsplit(settings.site.base_url).path or "/"
    return path if path.endswith("/") else path + "/"


class SiteRenderer:
    """Renders the pages; one instance per build (or per worker process)."""

    def __init__(self, settings: Settings, day: str, root: Path, register: dict[str, Resolved] | None = None) -> None:
        self.env = environment(root, register)
        self.root = root
        self.settings = settings
        self.site_title = settings.site.title or f"{settings.county}{settings.title}"
        self.day = day
        self.common = {"site_title": self.site_title, "settings": settings, "day": day,
                       "publisher": settings.publisher or settings.county, "portal": portal_links(settings)}
        self._village_protos: dict[tuple[object, ...], str] = {}

    def digest(self) -> str:
        """A hash of every template the site uses: part of each page's fingerprint."""
        h = hashlib.sha256()
        for name in sorted(self.env.list_templates()):
            h.update(name.encode() + b"\0" + _template_source(self.env, name))
        return h.hexdigest()

    def _render(self, template: str, prefix: str, **context: Any) -> bytes:
        try:
            html = self.env.get_template(template).render(**self.common, prefix=prefix, **context)
        except Exception as exc:  # whatever a template does wrong is the template's problem, reported at its line
            raise problem_of(exc, self.root, template) from None
        return html.encode("utf-8")

    @staticmethod
    def _tables(cat: Catalog) -> list[dict[str, Any]]:
        return [{"section": s, "title": s.domain, "rows": _rows(s), "count": len(s.items), "anchor": f"d-{s.domain_id}"}
                for s in cat.sections]

    def township_page(self, town: Catalog, villages: list[Catalog]) -> bytes:
        return self._render("township.html", "../", catalog=town, tables=self._tables(town), villages=villages,
                            downloads=_downloads(town, "../"), note=town.note,
                            village_downloads=_village_downloads(town.id if villages else None, "../"),
                            village_lists_title=village_lists_title(town.name),
                            breadcrumbs=[{"label": self.site_title, "href": "../index.html"},
                                         {"label": town.name, "href": None}])

    def village_page(self, village: Catalog) -> bytes:
        """Villages of one township list the same items: the page is rendered once per township
        with stand-ins for the village's name, id and committee, which are then filled in."""
        key = (village.township_id, village.kind, village.code is None,
               tuple(k for s in village.sections for k in item_keys(s.items)))
        proto = self._village_protos.get(key)
        if proto is None:
            proto = self._village_html(stand_in(village, _NAME, _SUBJECT, _CODE, _ID)).decode("utf-8")
            self._village_protos = {key: proto}  # one township at a time: memory stays flat
        html = (proto.replace(_NAME, str(escape(village.name))).replace(_SUBJECT, str(escape(village.subject)))
                .replace(_ID, village.id).replace(_CODE, village.code or ""))
        return html.encode("utf-8")

    def _village_html(self, village: Catalog) -> bytes:
        town_href = f"../townships/{village.township_id}.html"
        return self._render("village.html", "../", catalog=village, tables=self._tables(village),
                            title=village_title(village.name, village.kind), downloads=_downloads(village, "../"),
                            village_downloads=_village_downloads(village.township_id, "../"),
                            village_lists_title=village_lists_title(village.township or ""),
                            township_href=town_href,
                            breadcrumbs=[{"label": self.site_title, "href": "../index.html"},
                                         {"label": village.township or "", "href": town_href},
                                         {"label": village.name, "href": None}])

    def fixed_pages(self, compiled: Compiled) -> list[tuple[str, bytes, str]]:
        """The index, the domain pages, 404, the assets and the sitemap: (path, bytes, kind)."""
        county = compiled.county
        standard = compiled.standard or county.sections
        villages: dict[str | None, list[Catalog]] = {}
        for v in compiled.villages:
            villages.setdefault(v.township_id, []).append(v)
        domains = [{"section": s, "levels": {lv: sum(lv in it.levels for it in s.items) for lv in ("县级", "乡级", "村级")}}
                   for s in standard]
        out = [("site/index.html", self._render("index.html", "", catalog=county, townships=compiled.townships,
                                                villages=villages, domains=domains, index=search_index_text(compiled),
                                                standard_count=sum(len(s.items) for s in standard),
                                                downloads=_downloads(county, ""), breadcrumbs=[]), "html")]
        for section in standard:
            table = {"section": section, "rows": _rows(section), "count": len(section.items),
                     "anchor": f"d-{section.domain_id}", "title": section.domain}
            title = section_title(self.settings.county, section.domain, self.settings.title)
            page = self._render("domain.html", "../", catalog=county, table=table, title=title,
                                downloads=_downloads(county, "../"),
                                breadcrumbs=[{"label": self.site_title, "href": "../index.html"},
                                             {"label": section.domain, "href": None}])
            out.append((f"site/domains/{section.domain_id}.html", page, "html"))
        out.append(("site/404.html", self._render("404.html", base_path(self.settings), breadcrumbs=[]), "html"))
        out.append(("site/assets/site.css", _template_source(self.env, "site.css"), "css"))
        # The only script: the synonym table (data) first, then the code that reads it.
        out.append(("site/assets/site.js", synonyms_js(self.env) + _template_source(self.env, "site.js"), "js"))
        out.append(("site/assets/print.css", print_css(self.settings, self.day), "css"))
        out.append(("site/sitemap.xml", _sitemap(self.settings, compiled), "xml"))
        return out


def _sitemap(settings: Settings, compiled: Compiled) -> bytes:
    base = (settings.site.base_url or "").rstrip("/") + "/"
    rels = ["index.html", *(f"domains/{s.domain_id}.html" for s in compiled.county.sections)]
    rels += [page_rel(c).removeprefix("site/") for c in compiled.catalogs if c.scope != "county"]
    urls = "".join(f"  <url><loc>{xml_escape(base + rel)}</loc></url>\n" for rel in rels)
    text = ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + urls + "</urlset>\n")
    return text.encode("utf-8")
