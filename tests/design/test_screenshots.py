"""`make screenshots`: a PNG of every page at phone width, for a reviewer to look at.

Runs only when SCREENSHOTS_DIR is set; the suite itself does not write files.
"""

import os
import re
from pathlib import Path

import pytest

from tests.pages import all_sample_urls

pytestmark = pytest.mark.browser
OUT = os.environ.get("SCREENSHOTS_DIR", "")


def file_name(index: int, url: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", url.lower()).strip("-") or "home"
    return f"{index:02d}-{slug[:80]}.png"


@pytest.mark.skipif(not OUT, reason="set SCREENSHOTS_DIR (or run `make screenshots`)")
def test_write_a_screenshot_of_every_page(chromium, live_site, sample_person):
    folder = Path(OUT)
    folder.mkdir(parents=True, exist_ok=True)
    context = chromium.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    try:
        for index, url in enumerate(all_sample_urls(), start=1):
            page.goto(live_site + url)
            page.screenshot(path=str(folder / file_name(index, url)), full_page=True)
    finally:
        context.close()
    assert len(list(folder.glob("*.png"))) >= len(all_sample_urls())
