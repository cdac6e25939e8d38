"""The register of cited documents (bases.yaml) and what the catalogs' bases say about it.

Every basis entry of a domain item, a township's addition or a township's change is
a citing line. Validation looks each cited title up (an unregistered title, a number
that contradicts the register's); `jxs check` adds currency (a document repealed,
lapsed or past its term); the report lists who cites what.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from jxs_catalog import vocab
from jxs_catalog.citations import Cited, Resolved, number_key, parse_basis, same_number, title_key
from jxs_catalog.diagnostics import Diagnostic, Severity
from jxs_catalog.loading.files import BASES
from jxs_catalog.loading.loaded import Positions
from jxs_catalog.messages import Phrase, phrase
from jxs_catalog.models import Bases, Document
from jxs_catalog.workspace import Workspace, load_file

if TYPE_CHECKING:  # importing jxs_catalog.importing at run time would load the whole importer on validate's path
    from jxs_catalog.importing.model import ImportedDomain


class Register:
    """Registered documents by title, whatever width, blanks and quote styles were typed."""

    def __init__(self, bases: Bases) -> None:
        self.documents = bases.documents
        self.reviewed = bases.reviewed
        self._by_key: dict[str, Document] = {}
        for doc in bases.documents:
            self._by_key.setdefault(title_key(doc.title), doc)

    def find(self, title: str) -> Document | None:
        return self._by_key.get(title_key(title))

    def replacement(self, doc: Document) -> Document | None:
        return self.find(doc.replaced_by) if doc.replaced_by else None

    def nearest(self, title: str) -> str | None:
        keys = list(self._by_key)
        match = difflib.get_close_matches(title_key(title), keys, n=1, cutoff=0.75)
        return self._by_key[match[0]].title if match else None

    def resolved(self, title: str) -> Resolved | None:
        doc = self.find(title)
        return Resolved(doc.title, doc.number, doc.status, doc.url) if doc else None

    def lookup_table(self) -> dict[str, Resolved]:
        """Title key -> what the outputs show: a plain dict, cheap to send to render workers."""
        return {key: Resolved(d.title, d.number, d.status, d.url) for key, d in self._by_key.items()}


def register_of(ws: Workspace) -> Register | None:
    """The workspace's register, when bases.yaml exists and is valid."""
    if ws.bases is None or ws.bases.model is None:
        return None
    return Register(ws.bases.model)


@dataclass(frozen=True, slots=True)
class Site:
    """One basis entry where it was written: a citing line."""

    path: str
    line: int
    col: int
    text: str
    domain: str
    item: str
    where: tuple[str | int, ...]  # the entry's path inside its file


def basis_sites(ws: Workspace) -> Iterator[Site]:
    """Every basis entry of every domain item, township addition and township change."""
    for lf in ws.domains:
        if lf.model is None:
            continue
        for i, item in enumerate(lf.model.items):
            yield from _entries(lf.path, lf.positions, ("items", i, "basis"), item.basis, lf.model.name, item.name)
    for lt in ws.townships:
        if lt.model is None:
            continue
        for i, add in enumerate(lt.model.additions):
            yield from _entries(lt.path, lt.positions, ("additions", i, "basis"), add.basis, add.domain, add.name)
        for i, change in enumerate(lt.model.changes):
            if change.set.basis:
                yield from _entries(lt.path, lt.positions, ("changes", i, "set", "basis"), change.set.basis,
                                    change.domain, change.item)


def _entries(path: str, positions: Positions, where: tuple[str | int, ...], texts: tuple[str, ...], domain: str,
             item: str) -> Iterator[Site]:
    listed = (*where, 0) in positions.values
    for j, text in enumerate(texts):
        at = (*where, j) if listed else where
        line, col = positions.of(at)
        yield Site(path, line, col, text, domain, item, at)


@lru_cache(maxsize=8192)
def cited_in(text: str) -> tuple[Cited, ...]:
    """The documents a basis text cites (the same texts recur across items: parse each once)."""
    return tuple(parse_basis(text))


def _warning(code: str, site: Site, params: dict[str, object]) -> Diagnostic:
    return Diagnostic(code, site.path, site.line, site.col, params, Severity.WARNING)


def resolution_rules(ws: Workspace, register: Register) -> list[Diagnostic]:
    """Each cited title is registered, and the number written beside it is the registered one."""
    out: list[Diagnostic] = []
    verdicts: dict[str, list[tuple[str, dict[str, object]]]] = {}  # the same texts recur: judge each once
    for site in basis_sites(ws):
        found = verdicts.get(site.text)
        if found is None:
            found = verdicts[site.text] = _problems(site.text, register)
        out.extend(_warning(code, site, params) for code, params in found)
    return out


def _problems(text: str, register: Register) -> list[tuple[str, dict[str, object]]]:
    found: list[tuple[str, dict[str, object]]] = []
    for cited in cited_in(text):
        doc = register.find(cited.title)
        if doc is None:
            guess = register.nearest(cited.title)
            hint = phrase("hint.did-you-mean-title", guess=guess) if guess else ""
            found.append(("JXS503", {"title": cited.title, "hint": hint}))
        elif cited.number and doc.number and not same_number(cited.number, doc.number):
            found.append(("JXS504", {"title": cited.title, "written": cited.number, "registered": doc.number}))
    return found


def _replacement_text(register: Register, doc: Document) -> Phrase:
    new = register.replacement(doc)
    if new is None:
        return phrase("register.remove-basis")
    number = f"（{new.number}）" if new.number else ""
    return phrase("register.cite-instead", title=new.title, number=number)


_STATUS = {"已废止": "register.repealed", "已失效": "register.lapsed"}


def stale(doc: Document, today: dt.date) -> str | None:
    """Why a document should no longer be cited on this day, or None."""
    if doc.status in vocab.NOT_IN_FORCE:
        return "status"
    if doc.valid_until is not None and dt.date.fromisoformat(doc.valid_until) < today:
        return "expired"
    return None


def currency_rules(ws: Workspace, register: Register, today: dt.date) -> list[Diagnostic]:
    """A warning at every line citing a document repealed, lapsed or past its term on `today`."""
    out: list[Diagnostic] = []
    for site in basis_sites(ws):
        for cited in cited_in(site.text):
            doc = register.find(cited.title)
            why = stale(doc, today) if doc else None
            if doc is None or why is None:
                continue
            replacement = _replacement_text(register, doc)
            if why == "status":
                out.append(_warning("JXS505", site, {"title": cited.title, "replacement": replacement,
                                                     "status": phrase(_STATUS[doc.status])}))
            else:
                out.append(_warning("JXS506", site, {"title": cited.title, "valid_until": doc.valid_until,
                                                     "replacement": replacement}))
    return out


@dataclass(slots=True)
class Citing:
    """A registered (or unregistered) document and the basis lines that cite it."""

    title: str
    number: str | None
    status: str
    replaced_by: str | None
    valid_until: str | None
    sites: list[Site] = field(default_factory=list)


def citations_report(ws: Workspace, register: Register | None, today: dt.date) -> list[Citing]:
    """Per document: its status on `today` and every item citing it; unregistered titles too."""
    rows: dict[str, Citing] = {}
    if register is not None:
        for doc in register.documents:
            status = doc.status if stale(doc, today) != "expired" else "已过期"
            rows.setdefault(title_key(doc.title), Citing(doc.title, doc.number, status, doc.replaced_by,
                                                         doc.valid_until))
    for site in basis_sites(ws):
        for cited in cited_in(site.text):
            row = rows.get(cited.key)
            if row is None:
                row = rows[cited.key] = Citing(cited.title, cited.number, "未登记", None, None)
            if not row.sites or row.sites[-1] != site:
                row.sites.append(site)
    return list(rows.values())


_ABOUT_THE_OLD = re.compile(r"^\s*[（(]([^（）()]*)[）)]")


def _describes_document(inside: str, number: str | None) -> bool:
    """Whether a parenthetical after a title describes that document (number, date, adoption)."""
    if number and number_key(number) in number_key(inside):
        return True
    return bool(re.search(r"\d{4}\s*年|印发|通过|修订|修正|公布|令第", inside))


def citation_edits(text: str, register: Register) -> tuple[str, list[Phrase]]:
    """The basis text with replaced documents cited by their replacement and numbers corrected
    to the register's, and what was changed; the text itself when there is nothing to offer."""
    notes: list[Phrase] = []
    for cited in reversed(cited_in(text)):
        doc = register.find(cited.title)
        if doc is None:
            continue
        new = register.replacement(doc)
        if new is not None:
            end = cited.end
            after = _ABOUT_THE_OLD.match(text[end:])
            if after and _describes_document(after.group(1), cited.number):
                end += after.end()
            written = f"《{new.title}》" + (f"（{new.number}）" if new.number else "")
            text = text[:cited.start] + written + text[end:]
            notes.append(phrase("fix.replaced-document", old=cited.title, new=new.title))
        elif cited.number and doc.number and not same_number(cited.number, doc.number):
            at = text.find(cited.number, cited.end)
            if at >= 0:
                text = text[:at] + doc.number + text[at + len(cited.number):]
                notes.append(phrase("fix.document-number", title=cited.title, written=cited.number,
                                    registered=doc.number))
    return text, notes


def load_register(root: Path) -> Register | None:
    """The register of a workspace on its own (for jxs fix), when bases.yaml is there and valid."""
    file = root / BASES
    if not file.is_file():
        return None
    loaded = load_file(file, root)
    return Register(loaded.model) if loaded.model is not None else None


def unknown_titles(texts: Iterable[str], register: Register) -> list[str]:
    """The cited titles the register does not know, each once, in the order first cited."""
    seen: dict[str, str] = {}
    for text in texts:
        for cited in cited_in(text):
            if cited.key not in seen and register.find(cited.title) is None:
                seen[cited.key] = cited.title
    return list(seen.values())


def imported_unregistered(domains: Iterable[ImportedDomain], register: Register, source: str) -> list[Diagnostic]:
    """`jxs import`: one warning listing the titles an imported workbook cites that are not registered."""
    texts: list[str] = []
    for domain in domains:
        for item in domain.items:
            basis = item.get("basis")
            if isinstance(basis, str):
                texts.append(basis)
            elif isinstance(basis, (list, tuple)):
                texts.extend(str(b) for b in basis)
    titles = unknown_titles(texts, register)
    if not titles:
        return []
    return [Diagnostic("JXS507", source, 0, 0, {"count": len(titles), "titles": "、".join(f"《{t}》" for t in titles)},
                       Severity.WARNING)]
