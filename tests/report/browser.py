"""Headless Chromium for the report's tests: the system browser, never a downloaded one.

Selenium is told where the system chromedriver is and runs offline (``SE_OFFLINE``),
so Selenium Manager never fetches a browser or a driver. Tests skip, with the reason,
when Selenium, Chromium or chromedriver is missing.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

CHROMEDRIVER = os.environ.get("SAMARBEJDE_CHROMEDRIVER", "/usr/bin/chromedriver")
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
)


def chromium() -> str | None:
    """The system Chromium's path, if there is one."""
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def missing() -> str | None:
    """Why a browser test cannot run here, or ``None`` when it can."""
    try:
        import selenium  # noqa: F401, PLC0415
    except ImportError:
        return "selenium is not installed (pip install -e '.[browser]')"
    if chromium() is None:
        return "no system Chromium (apt-get install chromium chromium-driver)"
    if not os.access(CHROMEDRIVER, os.X_OK):
        return f"no chromedriver at {CHROMEDRIVER} (apt-get install chromium-driver)"
    return None


@contextmanager
def browser(width: int = 1280, height: int = 900) -> Iterator[Any]:
    """A headless Chromium of the given window size, with a fresh profile, closed after."""
    reason = missing()
    if reason is not None:
        pytest.skip(reason)
    offline = os.environ.get("SE_OFFLINE")
    os.environ["SE_OFFLINE"] = "true"  # Selenium Manager must never download anything
    from selenium import webdriver  # noqa: PLC0415
    from selenium.webdriver.chrome.service import Service  # noqa: PLC0415

    profile = tempfile.mkdtemp(prefix="samarbejde-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium() or ""
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.add_argument(f"--window-size={width},{height}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = None
    try:
        driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
        driver.set_page_load_timeout(60)
        driver.set_script_timeout(60)
        yield driver
    finally:
        if driver is not None:
            driver.quit()
        shutil.rmtree(profile, ignore_errors=True)
        if offline is None:
            del os.environ["SE_OFFLINE"]
        else:
            os.environ["SE_OFFLINE"] = offline


def screenshot(driver: Any, path: Path, width: int) -> Path:
    """Save a screenshot of the whole page at ``width`` CSS pixels."""
    height = int(driver.execute_script("return document.documentElement.scrollHeight"))
    driver.set_window_size(width, min(max(height, 600), 16000))
    driver.save_screenshot(str(path))
    return path
