"""The front page's search index: its compact page lists say exactly which pages list each item.

The index folds "every village of a township" into one group number. Whatever the county looks
like (villages of both kinds, a township whose villages do not all carry an item, a village list
that is a plain list), expanding the groups again must give the pages a plain listing gives.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from jxs_catalog.catalog import Catalog, Compiled, CompiledItem, Published, Section
from jxs_catalog.rendering.search import search_index


def _item(domain: str, n: int, levels: tuple[str, ...], subject: str) -> CompiledItem:
    return CompiledItem(domain, "类别", f"事项{n}", "内容", ("《条例》",), "20个工作日内", subject, ("主动",),
                        ("政府网站",), ("全社会",), levels)


@st.composite
def counties(draw: st.DrawFn) -> Compiled:
    county_items = [_item("涉农补贴", n, ("县级", "乡级", "村级"), "县政府") for n in range(draw(st.integers(1, 6)))]
    county = Catalog("county", "county", "某县", "某县目录", "县政府", sections=[
        Section("涉农补贴", "shenong", county_items)])
    compiled = Compiled(county)
    for t in range(draw(st.integers(0, 4))):
        own = [_item("涉农补贴", 100 + t * 10 + n, ("乡级", "村级"), "乡政府") for n in range(draw(st.integers(0, 2)))]
        kept = [it for it in county_items if draw(st.booleans())] + own
        town = Catalog("township", f"t{t}", f"乡{t}", f"乡{t}目录", "乡政府", township=f"乡{t}", township_id=f"t{t}",
                       sections=[Section("涉农补贴", "shenong", kept)])
        compiled.townships.append(town)
        # Two kinds of village: each kind publishes its own selection of the township's items.
        by_kind = {kind: [it for it in kept if draw(st.booleans())] for kind in ("村", "社区")}
        for v in range(draw(st.integers(0, 4))):
            kind = draw(st.sampled_from(["村", "社区"]))
            plain = draw(st.integers(0, 5)) == 0
            listed: list[CompiledItem] | Published = (
                [it.with_subject("委员会") for it in by_kind[kind]] if plain else Published(by_kind[kind], "委员会"))
            compiled.villages.append(Catalog(
                "village", f"t{t}-v{v}", f"村{v}", f"村{v}清单", "委员会", township=f"乡{t}", township_id=f"t{t}",
                kind=kind, sections=[Section("涉农补贴", "shenong", listed)]))
    return compiled


def _plain(compiled: Compiled) -> dict[tuple[str, str, str], set[int]]:
    """Each item's pages, listed one by one: the page numbers are the catalogs' order."""
    found: dict[tuple[str, str, str], set[int]] = {}
    for page, cat in enumerate(compiled.catalogs):
        for it in cat.items:
            found.setdefault(it.key, set()).add(page)
    return found


@settings(max_examples=300, deadline=None)
@given(counties())
def test_the_compact_index_lists_the_same_pages_as_a_plain_listing(compiled: Compiled) -> None:
    index = search_index(compiled)
    expanded: dict[tuple[str, str, str], set[int]] = {}
    for domain, category, name, *_, refs in index["i"]:
        pages: set[int] = set()
        for ref in refs:
            pages |= set(index["g"][-ref - 1][1]) if ref < 0 else {ref}
        expanded[(domain, category, name)] = pages
    assert expanded == _plain(compiled)
    # A group stands for a whole township only: no item lists a group and one of its villages too.
    for *_, refs in index["i"]:
        groups = [index["g"][-r - 1][1] for r in refs if r < 0]
        assert not any(r in members for members in groups for r in refs if r >= 0)
