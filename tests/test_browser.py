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
    rows = page.locator("table.catalog tbody tr")
    total = rows.count()
    assert count_text(page) == f"共 {total} 项"
    page.fill("#q", "灾后恢复重建")
    visible = page.locator("table.catalog tbody tr:not([hidden])")
    n = visible.count()
    assert 3 <= n < total
    assert count_text(page) == f"共 {n} 项（全部 {total} 项）"
    assert all("灾后恢复重建" in visible.nth(i).inner_text().replace("\n", "") or
               "重建" in visible.nth(i).inner_text() for i in range(n))
    page.fill("#q", "")
    page.select_option("#f-method", "依申请")
    on_application = page.locator("table.catalog tbody tr:not([hidden])").count()
    assert 0 < on_application < total
    page.select_option("#f-method", "")
    page.select_option("#f-domain", "救灾")
    assert page.locator("section.domain:not([hidden])").count() == 1
    page.select_option("#f-level", "村级")
    page.select_option("#f-audience", "特定群体")
    shown = page.locator("table.catalog tbody tr:not([hidden])").count()
    assert count_text(page) == f"共 {shown} 项（全部 {total} 项）"
    page.fill("#q", "没有这样的事项ZZZ")
    assert page.locator("[data-empty]").is_visible()
    assert_stays_inside(page, server)


def test_village_page_and_breadcrumbs(page: Any, site: Path, server: str) -> None:
    tid = township_id(site, "居集镇")
    page.goto(server + f"townships/{tid}.html")
    page.locator(".villages a", has_text="深沟村").click()
    assert "深沟村" in page.locator("h1").inner_text()
    assert "深沟村村民委员会" in page.locator("table.catalog").first.inner_text()
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
    rows = pg.locator("table.catalog tbody tr")
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
