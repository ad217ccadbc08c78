"""A real ``diplowatch serve`` on loopback over the sample store, and a headless Chromium.

Shared by the browser tests (``conftest.py``) and ``make screenshots`` (``screenshots.py``).
Chromium is Debian's ``/usr/bin/chromium`` driven through its own ``/usr/bin/chromedriver``
(given explicitly, so Selenium never looks for a driver or browser to download).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "samples" / "corpus"
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
_FLAGS = (
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
    "--no-first-run", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--window-size=1280,800", "--force-device-scale-factor=1",
    "--lang=en-US",
)  # fmt: skip


def chromium_available() -> bool:
    return os.access(CHROMIUM, os.X_OK) and os.access(CHROMEDRIVER, os.X_OK)


def _diplowatch() -> list[str]:
    return [sys.executable, "-m", "diplowatch"]


def build_sample_store(path: Path) -> None:
    """Ingest the bundled demo corpus into ``path`` and merge its events (the CLI, as users do)."""
    subprocess.run([*_diplowatch(), "ingest", str(CORPUS), "--db", str(path)], check=True,
                   capture_output=True)  # fmt: skip
    subprocess.run([*_diplowatch(), "merge", "--db", str(path)], check=True, capture_output=True)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def serve(db: Path) -> Iterator[str]:
    """Run ``diplowatch serve`` on a free loopback port; yields its base URL."""
    port = _free_port()
    log = db.with_suffix(".serve.log")
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [*_diplowatch(), "serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port)],
            stdout=sink, stderr=subprocess.STDOUT,
        )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(base + "/openapi.json", timeout=2):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    tail = log.read_text(errors="replace")[-2000:]
                    raise RuntimeError(f"diplowatch serve did not start:\n{tail}") from None
                time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


@contextmanager
def chromium() -> Iterator[object]:
    """A headless Chromium WebDriver at 1280×800 with a fresh profile."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="diplowatch-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (*_FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    try:
        driver.execute_cdp_cmd(  # the viewport itself is 1280×800, whatever the window chrome
            "Emulation.setDeviceMetricsOverride",
            {"width": 1280, "height": 800, "deviceScaleFactor": 1, "mobile": False},
        )
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)
