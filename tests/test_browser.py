"""The HTML report in a real browser (headless Chromium, installed by .ci/run): it renders, every image loads,
and nothing scrolls sideways in a 1280-pixel window. Skipped where no Chromium is installed."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess

import pytest

from vnsister.cli import main

BROWSER = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
PROBE = """<script>window.addEventListener('load', () => {
  const imgs = [...document.images];
  document.body.setAttribute('data-check', JSON.stringify({width: innerWidth,
    scroll: document.documentElement.scrollWidth, images: imgs.length, headings: document.querySelectorAll('h2').length,
    broken: imgs.filter(i => !i.complete || i.naturalWidth === 0).length}));
});</script>"""


def render(page: str, tmp_path) -> dict:
    probe = tmp_path / "probe.html"
    probe.write_text(page.replace("</body>", PROBE + "</body>"), encoding="utf-8")
    dom = subprocess.run([BROWSER, "--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,800",
                          "--virtual-time-budget=10000", "--dump-dom", probe.as_uri()],
                         capture_output=True, text=True, timeout=120).stdout
    found = re.search(r'data-check="([^"]*)"', dom)
    assert found, dom[:500]
    return json.loads(html.unescape(found.group(1)))


@pytest.mark.skipif(BROWSER is None, reason="no Chromium here (.ci/run installs it)")
def test_report_renders_without_horizontal_scrolling_at_1280px(tmp_path):
    target = tmp_path / "report.html"
    assert main(["report", "--html", str(target)]) == 0
    check = render(target.read_text(encoding="utf-8"), tmp_path)
    assert check["width"] == 1280
    assert check["scroll"] <= 1280, check
    assert check["images"] >= 4 and check["broken"] == 0, check
    assert check["headings"] >= 8, check


@pytest.mark.skipif(BROWSER is None, reason="no Chromium here (.ci/run installs it)")
def test_the_probe_sees_overflow_and_broken_images(tmp_path):
    """The check can fail: a page wider than the window and a broken image are both seen."""
    page = ("<!doctype html><html><body><div style='width:2000px'>wide</div>"
            "<img src='data:image/png;base64,AAAA'></body></html>")
    check = render(page, tmp_path)
    assert check["scroll"] > 1280 and check["broken"] == 1
