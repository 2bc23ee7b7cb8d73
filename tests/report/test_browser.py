"""The report in a real browser: headless Chromium (the system's), driven by Selenium.

The page must load from a file with no console error and no request to anything but
itself, show every finding of ``validate``, fit a phone's width without sideways
scrolling of the page, and pass axe-core's accessibility rules when axe-core is at hand
(``AXE_CORE_JS`` or ``node_modules/axe-core/axe.min.js``). Screenshots at phone and
desktop widths are saved to ``SAMARBEJDE_ARTIFACTS`` (default: a folder in the temp dir).
Every test skips, naming the reason, when Selenium, Chromium or chromedriver is missing.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.report.browser import browser, missing, screenshot
from tests.report.pages import example_page

from samarbejde import examples, validate
from samarbejde.report import Document, page

pytestmark = [
    pytest.mark.skipif(missing() is not None, reason=str(missing())),
    pytest.mark.deep,  # a Chromium session each
]

PHONE, DESKTOP = 390, 1280
ROOT = Path(__file__).resolve().parents[2]


def artifacts() -> Path:
    folder = Path(
        os.environ.get("SAMARBEJDE_ARTIFACTS")
        or Path(tempfile.gettempdir()) / "samarbejde-report-screenshots"
    )
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def axe_source() -> str | None:
    candidates = [os.environ.get("AXE_CORE_JS"), ROOT / "node_modules/axe-core/axe.min.js"]
    for candidate in candidates:
        if candidate and Path(candidate).is_file():
            return Path(candidate).read_text(encoding="utf-8")
    return None


@pytest.fixture(scope="module")
def driver() -> Iterator[Any]:
    with browser(DESKTOP, 900) as chromium:
        yield chromium


def axe_violations(driver: Any, source: str) -> list[Any]:
    """axe-core's violations on the open page: rule, impact and up to three targets."""
    driver.execute_script(source)
    return list(
        driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "axe.run(document, {resultTypes: ['violations']})"
            ".then(r => done(r.violations.map(v => ["
            "v.id, v.impact, v.nodes.slice(0, 3).map(n => n.target.join(' '))])))"
            ".catch(e => done([['axe-error', String(e), []]]));"
        )
    )


def open_page(driver: Any, path: Path, width: int) -> None:
    driver.get("about:blank")
    driver.get_log("performance")  # forget what came before
    driver.get_log("browser")
    driver.set_window_size(width, 900)
    driver.get(path.as_uri())


def requests(driver: Any) -> list[tuple[str, str]]:
    """Every request the browser made since the last call: (document, url)."""
    found = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            params = message["params"]
            found.append((params.get("documentURL", ""), params["request"]["url"]))
    return found


def foreign(found: list[tuple[str, str]], page_url: str) -> list[str]:
    """The requests other than the page itself; the browser's own chrome:// pages aside."""
    return [
        url
        for document, url in found
        if url != page_url and (document == page_url or not url.startswith("chrome://"))
    ]


@pytest.mark.parametrize("name", examples.names())
def test_the_page_loads_offline_without_errors_and_shows_every_finding(
    driver: Any, tmp_path: Path, name: str
) -> None:
    portfolio, text = example_page(name)
    path = tmp_path / f"{name}.html"
    path.write_text(text, encoding="utf-8")
    open_page(driver, path, DESKTOP)
    errors = [e for e in driver.get_log("browser") if e["level"] in ("SEVERE", "WARNING")]
    assert errors == []
    found = requests(driver)
    assert (path.as_uri(), path.as_uri()) in found
    assert foreign(found, path.as_uri()) == []
    resources = driver.execute_script("return performance.getEntriesByType('resource').length")
    assert resources == 0
    shown = driver.execute_script("return document.body.innerText")
    where = examples.load_located(name)[1]
    for finding in validate(portfolio, as_of=examples.AS_OF, lang="da", sources=where):
        assert finding.code in shown
        assert " ".join(finding.message.split()) in " ".join(shown.split())
        assert f"{name}.yaml:{finding.line}:" in shown
    assert driver.execute_script("return document.querySelectorAll('svg[role=img]').length") >= 2


@pytest.mark.parametrize("lang", ["da", "en"])
def test_screenshots_at_phone_and_desktop_width_with_no_sideways_scrolling(
    driver: Any, tmp_path: Path, lang: str
) -> None:
    documents = [
        Document(examples.load_located(n)[0], f"{n}.yaml", examples.load_located(n)[1])
        for n in examples.names()
    ]
    path = tmp_path / f"report-{lang}.html"
    path.write_text(page(documents, as_of=examples.AS_OF, lang=lang), encoding="utf-8")  # type: ignore[arg-type]
    for width in (PHONE, DESKTOP):
        open_page(driver, path, width)
        inner = driver.execute_script("return window.innerWidth")
        wide = driver.execute_script("return document.documentElement.scrollWidth")
        assert wide <= inner, f"the page scrolls sideways at {width} px"
        shot = screenshot(driver, artifacts() / f"report-{lang}-{width}.png", width)
        assert shot.stat().st_size > 10_000


def test_the_print_stylesheet_keeps_every_picture_on_the_page(driver: Any, tmp_path: Path) -> None:
    _, text = example_page("opdrift")
    path = tmp_path / "opdrift.html"
    path.write_text(text, encoding="utf-8")
    open_page(driver, path, DESKTOP)
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        widths = driver.execute_script(
            "return [...document.querySelectorAll('svg.picture')].map("
            "s => s.getBoundingClientRect().right <= document.documentElement.clientWidth)"
        )
        hidden_nav = driver.execute_script(
            "return [...document.querySelectorAll('nav')].every("
            "n => getComputedStyle(n).display === 'none')"
        )
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    assert widths
    assert all(widths)
    assert hidden_nav


@pytest.mark.parametrize("lang", ["da", "en"])
def test_axe_core_finds_no_accessibility_violation(driver: Any, tmp_path: Path, lang: str) -> None:
    source = axe_source()
    if source is None:
        pytest.skip("axe-core not found (npm install axe-core, or set AXE_CORE_JS)")
    documents = [
        Document(examples.load_located(n)[0], f"{n}.yaml", examples.load_located(n)[1])
        for n in examples.names()
    ]
    path = tmp_path / f"axe-{lang}.html"
    path.write_text(page(documents, as_of=examples.AS_OF, lang=lang), encoding="utf-8")  # type: ignore[arg-type]
    for width in (PHONE, DESKTOP):
        open_page(driver, path, width)
        assert axe_violations(driver, source) == [], f"at {width} px"


def test_the_checks_would_see_a_request_and_a_console_error(driver: Any, tmp_path: Path) -> None:
    path = tmp_path / "leaky.html"
    path.write_text(
        '<!doctype html><html lang="en"><title>x</title>'
        '<img src="http://127.0.0.1:9/pixel.png" alt="">'
        "<script>console.error('boom')</script></html>",
        encoding="utf-8",
    )
    open_page(driver, path, DESKTOP)
    assert "http://127.0.0.1:9/pixel.png" in foreign(requests(driver), path.as_uri())
    assert any("boom" in e["message"] for e in driver.get_log("browser"))


# Danish at 2,000 partnerships (the size), English at 200: the page is the same
# markup in either language, and the large one costs half a minute to make.
@pytest.mark.parametrize(("lang", "size"), [("da", 100_000), ("en", 10_000)])
def test_the_national_overview_fits_phone_and_desktop_and_passes_axe(
    driver: Any, tmp_path: Path, lang: str, size: int
) -> None:
    """The overview of a 2,000-partnership portfolio: screenshots at 390 and 1280 px, axe."""
    from samarbejde.report import pages  # noqa: PLC0415
    from samarbejde.testing import synthetic_portfolio  # noqa: PLC0415

    folder = pages(
        Document(synthetic_portfolio(size)),
        as_of=examples.AS_OF,
        lang=lang,  # type: ignore[arg-type]
    )
    path = tmp_path / "index.html"
    path.write_text(folder["index.html"], encoding="utf-8")
    assert path.stat().st_size < 2_000_000
    source = axe_source()
    for width in (PHONE, DESKTOP):
        open_page(driver, path, width)
        inner = driver.execute_script("return window.innerWidth")
        wide = driver.execute_script("return document.documentElement.scrollWidth")
        assert wide <= inner, f"the overview scrolls sideways at {width} px"
        shot = screenshot(driver, artifacts() / f"overview-{lang}-{width}.png", width)
        assert shot.stat().st_size > 10_000
        if source is not None:
            assert axe_violations(driver, source) == [], f"at {width} px"
