"""The publication site in a real headless Chromium (Debian's /usr/bin/chromium, driven by Playwright).

Pages are opened from file:// and from a local HTTP server under a sub-path. Search and
filters are used and their counts checked; no request may leave the site; axe-core finds
no serious or critical violation. When a test fails, screenshots at 1280 px and 390 px
are kept in tests/artifacts/.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from jxs_catalog.build import run_build
from tests.conftest import REPO

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
sync_api = pytest.importorskip("playwright.sync_api")
if not Path(CHROMIUM).exists():
    pytest.skip("Debian's chromium is not installed (apt-get install chromium)", allow_module_level=True)

pytestmark = pytest.mark.browser
ARTIFACTS = Path(__file__).parent / "artifacts"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site") / "out"
    report = run_build(REPO, out)
    assert report.written
    return out / "site"


@pytest.fixture(scope="module")
def server(site: Path) -> Iterator[str]:
    """Serve the site under a sub-path, as a county portal would: /jss/zfxxgk/mulu/."""
    root = site.parent.parent / "www"
    mount = root / "jss" / "zfxxgk" / "mulu"
    mount.parent.mkdir(parents=True, exist_ok=True)
    if not mount.exists():
        shutil.copytree(site, mount)
    handler = functools.partial(_QuietHandler, directory=str(root))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/jss/zfxxgk/mulu/"
    httpd.shutdown()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    outcome = yield
    rep = outcome.get_result()
    setattr(item, "rep_" + rep.when, rep)


@pytest.fixture
def page(browser: Any, request: pytest.FixtureRequest) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    pg = context.new_page()
    pg.requests_seen = []  # type: ignore[attr-defined]
    pg.on("request", lambda r: pg.requests_seen.append(r.url))  # type: ignore[attr-defined]
    yield pg
    rep = getattr(request.node, "rep_call", None)
    if rep is not None and rep.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        name = request.node.name.replace("/", "_").replace("[", "-").replace("]", "")
        pg.screenshot(path=str(ARTIFACTS / f"{name}-1280.png"), full_page=True)
        pg.set_viewport_size({"width": 390, "height": 844})
        pg.screenshot(path=str(ARTIFACTS / f"{name}-390.png"), full_page=True)
    context.close()


def township_id(site: Path, name: str) -> str:
    for page in (site / "townships").glob("*.html"):
        if f"<h1>{name}" in page.read_text(encoding="utf-8"):
            return page.stem
    raise AssertionError(name)


def assert_stays_inside(pg: Any, prefix: str) -> None:
    outside = [u for u in pg.requests_seen if not u.startswith(prefix)]
    assert outside == [], outside


ITEMS = "table.catalog tbody tr:not(.g):not(.d)"


def count_text(pg: Any) -> str:
    return str(pg.locator("[data-count]").inner_text())


def test_index_from_file(page: Any, site: Path) -> None:
    page.goto((site / "index.html").as_uri())
    assert page.locator("html").get_attribute("lang") == "zh-CN"
    assert "积石山县基层政务公开标准目录" in page.locator("h1").inner_text()
    assert page.locator("table.list").first.locator("tbody tr").count() == 27
    page.locator("a", has_text="柳沟乡").first.click()
    assert "柳沟乡基层政务公开标准目录" in page.locator("h1").inner_text()
    assert_stays_inside(page, site.as_uri())


def test_search_and_filters_on_a_township_page(page: Any, site: Path, server: str) -> None:
    tid = township_id(site, "柳沟乡")
    page.goto(server + f"townships/{tid}.html")
    rows = page.locator(ITEMS)
    total = rows.count()
    assert count_text(page) == f"共 {total} 项"
    page.fill("#q", "灾后恢复重建")
    visible = page.locator(ITEMS + ":not([hidden])")
    n = visible.count()
    assert 3 <= n < total
    assert count_text(page) == f"共 {n} 项（全部 {total} 项）"
    # Each row matches by its own text or by its 一级事项 (the group row above it).
    texts = visible.evaluate_all("rows => rows.map(r => { let g = r; while (g && !g.classList.contains('g')) "
                                 "{ g = g.previousElementSibling; } return r.textContent + (g ? g.textContent : ''); })")
    assert all("重建" in t for t in texts)
    page.fill("#q", "")
    page.select_option("#f-method", "依申请")
    on_application = page.locator(ITEMS + ":not([hidden])").count()
    assert 0 < on_application < total
    page.select_option("#f-method", "")
    page.select_option("#f-domain", "救灾")
    assert page.locator("table.catalog tbody:not([hidden])").count() == 1
    page.select_option("#f-level", "村级")
    page.select_option("#f-audience", "特定群体")
    shown = page.locator(ITEMS + ":not([hidden])").count()
    assert count_text(page) == f"共 {shown} 项（全部 {total} 项）"
    page.fill("#q", "没有这样的事项ZZZ")
    assert page.locator("[data-empty]").is_visible()
    assert_stays_inside(page, server)


def test_village_page_and_breadcrumbs(page: Any, site: Path, server: str) -> None:
    tid = township_id(site, "居集镇")
    page.goto(server + f"townships/{tid}.html")
    page.locator(".villages a", has_text="深沟村").click()
    assert page.locator("h1").inner_text() == "深沟村村务公开清单"
    assert "公开主体：深沟村村民委员会" in page.locator(".lead").inner_text()
    crumbs = page.locator(".crumbs li")
    assert crumbs.count() == 3
    crumbs.nth(1).locator("a").click()
    assert "居集镇" in page.locator("h1").inner_text()
    assert_stays_inside(page, server)


def test_downloads_resolve(page: Any, site: Path, server: str) -> None:
    tid = township_id(site, "柳沟乡")
    page.goto(server + f"townships/{tid}.html")
    for link in page.locator(".downloads a").all():
        href = link.get_attribute("href")
        response = page.request.get(server + "townships/" + href)
        assert response.ok, href


def test_without_javascript_all_rows_are_there(browser: Any, site: Path) -> None:
    context = browser.new_context(java_script_enabled=False)
    pg = context.new_page()
    tid = township_id(site, "柳沟乡")
    pg.goto((site / "townships" / f"{tid}.html").as_uri())
    rows = pg.locator(ITEMS)
    assert rows.count() > 100
    assert pg.locator("[data-filters]").is_hidden()
    assert rows.first.is_visible()
    context.close()


def test_phone_width_and_zoom(browser: Any, site: Path) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2)
    pg = context.new_page()
    tid = township_id(site, "柳沟乡")
    pg.goto((site / "townships" / f"{tid}.html").as_uri())
    # The page itself never scrolls sideways; wide tables scroll inside their own region.
    width = pg.evaluate("document.documentElement.scrollWidth")
    assert width <= 390 + 1
    assert pg.locator("#q").is_visible()
    context.close()


def test_keyboard_skip_link(page: Any, site: Path) -> None:
    page.goto((site / "index.html").as_uri())
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert focused == "skip"
    assert page.locator(".skip").is_visible()


@pytest.mark.parametrize("which", ["index", "domain", "township", "village", "404"])
def test_axe_has_no_serious_violations(page: Any, site: Path, which: str) -> None:
    import axe_playwright_python
    path = {
        "index": site / "index.html",
        "domain": next((site / "domains").glob("*.html")),
        "township": site / "townships" / f"{township_id(site, '柳沟乡')}.html",
        "village": next((site / "villages").glob("*.html")),
        "404": site / "404.html",
    }[which]
    page.goto(path.as_uri())
    axe_js = Path(axe_playwright_python.__file__).with_name("axe.min.js").read_text(encoding="utf-8")
    page.add_script_tag(content=axe_js)
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    bad = [(v["id"], v["impact"], len(v["nodes"])) for v in result["violations"]
           if v["impact"] in ("serious", "critical")]
    assert bad == []


def test_print_hides_navigation(page: Any, site: Path) -> None:
    page.goto((site / "townships" / f"{township_id(site, '柳沟乡')}.html").as_uri())
    page.emulate_media(media="print")
    assert page.locator(".filters").is_hidden()
    assert page.locator(".masthead").is_hidden()
    display = page.evaluate("getComputedStyle(document.querySelector('table.catalog thead')).display")
    assert display == "table-header-group"
    pdf = page.pdf(format="A4", landscape=True)
    assert pdf[:4] == b"%PDF"


def pdf_pages(pdf: bytes) -> int:
    return pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")


def biggest_village(site: Path) -> Path:
    return max((site / "villages").glob("*.html"), key=lambda p: p.stat().st_size)


def test_phone_shows_the_first_item_as_a_card(browser: Any, site: Path, request: pytest.FixtureRequest) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2)
    pg = context.new_page()
    pg.goto((site / "townships" / f"{township_id(site, '柳沟乡')}.html").as_uri())
    first = pg.locator(ITEMS).first
    first.scroll_into_view_if_needed()
    try:
        assert pg.evaluate("document.documentElement.scrollWidth") <= 391
        cells = first.locator("td")
        for i, label in ((1, "公开内容"), (2, "公开依据"), (3, "公开时限")):  # cells after 序号 (hidden) and the name
            cell = cells.nth(i)
            box = cell.bounding_box()
            assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390, (label, box)
            assert cell.is_visible()
            before = pg.evaluate("(c) => getComputedStyle(c, '::before').content", cell.element_handle())
            assert label in before
        name = first.locator("th")
        assert float(pg.evaluate("(e) => parseFloat(getComputedStyle(e).fontSize)", name.element_handle())) >= 17
        # Only ticked channels appear; no unticked box anywhere on the page.
        assert "□" not in pg.locator("main").inner_text()
    except AssertionError:
        ARTIFACTS.mkdir(exist_ok=True)
        pg.screenshot(path=str(ARTIFACTS / "phone-card-390.png"))
        raise
    finally:
        context.close()


def test_printed_catalogs_fit_their_page_budget(page: Any, site: Path) -> None:
    for path, budget in ((site / "townships" / f"{township_id(site, '柳沟乡')}.html", 24), (biggest_village(site), 12)):
        page.goto(path.as_uri())
        page.emulate_media(media="print")
        pages = pdf_pages(page.pdf(format="A4", landscape=True, prefer_css_page_size=True))
        assert pages <= budget, (path.name, pages)


def test_print_keeps_a_filter_and_starts_with_rows(page: Any, site: Path) -> None:
    page.goto((site / "townships" / f"{township_id(site, '柳沟乡')}.html").as_uri())
    page.fill("#q", "低保")
    shown = page.locator(ITEMS + ":not([hidden])").count()
    assert 0 < shown < 10
    page.emulate_media(media="print")
    assert page.locator(ITEMS + ":visible").count() == shown
    assert pdf_pages(page.pdf(format="A4", landscape=True, prefer_css_page_size=True)) <= 2
    page.emulate_media(media="screen")
    page.fill("#q", "")
    page.emulate_media(media="print")
    # The first printed page holds the title and the first rows, not a lone header.
    first_row = page.locator(ITEMS).first.bounding_box()
    assert first_row is not None and first_row["y"] < 700


def test_search_uses_synonyms_domain_names_and_ticked_channels(page: Any, site: Path, server: str) -> None:
    page.goto(server + f"townships/{township_id(site, '柳沟乡')}.html")
    total = page.locator(ITEMS).count()
    page.fill("#q", "最低生活保障")
    by_long_name = page.locator(ITEMS + ":not([hidden])").count()
    page.fill("#q", "低保")
    assert page.locator(ITEMS + ":not([hidden])").count() == by_long_name > 0
    # The domain name finds its items; a caption says how many of its items show.
    page.fill("#q", "社会救助")
    section = page.locator("table.catalog tbody:not([hidden])").first
    assert section.get_attribute("data-domain") == "社会救助"
    caption = section.locator(".n").inner_text()
    assert "共" in caption or caption == f"（{section.locator('tr:not(.g):not(.d)').count()} 项）"
    # 政府网站 matches only the items that tick it.
    page.fill("#q", "政府网站")
    assert 0 < page.locator(ITEMS + ":not([hidden])").count() < total
    assert "q=%E6%94%BF%E5%BA%9C%E7%BD%91%E7%AB%99" in page.url
    page.goto(server + f"townships/{township_id(site, '柳沟乡')}.html?q=低保")
    assert page.locator("#q").input_value() == "低保"
    assert page.locator(ITEMS + ":not([hidden])").count() == by_long_name


def test_search_waits_for_the_input_method(page: Any, site: Path) -> None:
    page.goto((site / "townships" / f"{township_id(site, '柳沟乡')}.html").as_uri())
    before = count_text(page)
    page.dispatch_event("#q", "compositionstart")
    page.evaluate("() => { const q = document.querySelector('#q'); q.value = 'di'; "
                  "q.dispatchEvent(new InputEvent('input', {bubbles: true, isComposing: true})); }")
    assert count_text(page) == before
    page.evaluate("() => { const q = document.querySelector('#q'); q.value = '低保'; }")
    page.dispatch_event("#q", "compositionend")
    assert count_text(page) != before


def test_front_page_search_finds_items_in_townships_and_villages(page: Any, site: Path, server: str) -> None:
    page.goto(server + "index.html")
    page.fill("#cq", "低保")
    results = page.locator("[data-results] > li")
    assert results.count() > 0
    text = page.locator("[data-results]").inner_text()
    assert "乡镇" in text and "村（社区）" in text
    village_links = page.locator("[data-results] a[href^='villages/']")
    assert village_links.count() > 0
    href = village_links.first.get_attribute("href")
    assert page.request.get(server + href).ok
    assert "q=" in page.url
    # Every township is listed with its villages on the front page.
    assert page.locator(".towns > li").count() == 17
    assert page.locator(".towns .villages a").count() == len(list((site / "villages").glob("*.html")))
    assert_stays_inside(page, server)


def test_domain_page_lists_township_and_village_items(page: Any, site: Path) -> None:
    page.goto((site / "domains" / "shehui-jiuzhu.html").as_uri())
    text = page.locator("main").inner_text()
    assert "村级" in text
    levels = page.locator(ITEMS).evaluate_all("rows => rows.map(r => r.cells[9].textContent)")
    assert any("县级" not in lv for lv in levels)


def test_404_uses_absolute_paths(site: Path) -> None:
    html = (site / "404.html").read_text(encoding="utf-8")
    assert 'href="/jss/zfxxgk/assets/site.css"' in html
    assert 'href="/jss/zfxxgk/index.html"' in html
