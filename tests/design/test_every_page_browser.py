"""Suite-wide in Chromium: every page at phone and desktop size, and on paper."""

import pytest

from tests.browser import check_page
from tests.pages import all_sample_urls

pytestmark = pytest.mark.browser
URLS = all_sample_urls()


def test_every_page_is_accessible_and_fits_the_screen(page, live_site, sample_person):
    for url in URLS:
        check_page(page, live_site + url)


def test_every_page_prints_without_navigation(page, live_site, sample_person):
    if page.viewport_name != "desktop":
        pytest.skip("paper is the same for every screen size")
    page.emulate_media(media="print")
    for url in URLS:
        page.goto(live_site + url)
        for selector in [".site-header", ".site-nav", ".site-footer"]:
            assert not page.locator(selector).first.is_visible(), f"{selector} prints on {url}"
        # Most pages print their heading; the envelope prints the envelope alone.
        assert page.locator("main").first.is_visible(), url


def test_focus_is_visible_on_links_and_fields(page, live_site):
    page.goto(live_site + "/")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "(() => { const s = getComputedStyle(document.activeElement);"
        " return [s.outlineStyle, s.backgroundColor]; })()"
    )
    assert focused[0] != "none" or focused[1] != "rgba(0, 0, 0, 0)"


def test_200_percent_zoom_needs_no_sideways_scrolling(chromium, live_site, sample_person):
    # A 1280px window at 200% zoom lays the page out in 640 CSS pixels.
    context = chromium.new_context(viewport={"width": 640, "height": 450}, device_scale_factor=2)
    zoomed = context.new_page()
    try:
        for url in URLS:
            zoomed.goto(live_site + url)
            overflow = zoomed.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 0, url
            assert zoomed.evaluate("parseFloat(getComputedStyle(document.body).fontSize)") >= 16
    finally:
        context.close()
