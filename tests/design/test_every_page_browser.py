"""Suite-wide in Chromium: every page at phone and desktop size, and on paper."""

import re

import pytest

from tests.browser import check_page
from tests.pages import all_sample_urls

pytestmark = pytest.mark.browser
URLS = all_sample_urls()
GUIDE_HOMES = {"/mail/", "/money/", "/phones/", "/visits/", "/visits/video/"}


def test_every_page_is_accessible_and_fits_the_screen(page, live_site, sample_person):
    for url in URLS:
        check_page(page, live_site + url)


@pytest.mark.size("desktop")  # paper is the same for every screen size
def test_every_page_prints_without_navigation(page, live_site, sample_person):
    page.emulate_media(media="print")
    for url in URLS:
        page.goto(live_site + url)
        for selector in [".site-header", ".site-nav", ".site-footer"]:
            assert not page.locator(selector).first.is_visible(), f"{selector} prints on {url}"
        # The envelope page prints the envelope alone, on a #10 envelope: it is the heading.
        on_envelope = url.startswith("/mail/envelope/?go=1")
        if on_envelope and page.locator(".mail-envelope").count():
            assert page.locator(".mail-envelope").first.is_visible(), url
        elif not on_envelope:
            assert page.locator("h1").first.is_visible(), url


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


# ---------- on paper: every answer, print view and guide, as a one-sheet checklist ----------

# Letter paper at 96 CSS pixels an inch, less the 1.2 cm margins of the print stylesheet.
PAPER_WIDTH_PX = round(8.5 * 96 - 2 * 1.2 / 2.54 * 96)
ANSWER_URLS = [u for u in URLS if "go=1" in u]
GUIDE_URLS = [u for u in URLS if u.split("?")[0] in GUIDE_HOMES]
# Families print the answer and take it along: one sheet, even a visit with a baby.
LETTER_SHEETS = 1
# The envelope prints alone, on a #10 envelope (its own @page size), not on Letter paper.
ENVELOPE = "/mail/envelope/"


def sheets(pdf: bytes) -> int:
    """How many sheets a PDF from Chromium has (its page tree's count)."""
    return max(int(n) for n in re.findall(rb"/Count (\d+)", pdf))


@pytest.mark.size("desktop")  # paper is the same for every screen size
def test_every_answer_and_guide_prints_as_a_clean_checklist_on_letter_paper(
    page, live_site, sample_person
):
    page.set_viewport_size({"width": PAPER_WIDTH_PX, "height": 1000})
    page.emulate_media(media="print")
    for url in ANSWER_URLS + GUIDE_URLS:
        page.goto(live_site + url)
        hidden = ["header", "nav", "footer", "main form", "main .button", ".govuk-error-summary"]
        for selector in hidden:
            shown = [e for e in page.locator(selector).all() if e.is_visible()]
            assert not shown, f"{selector} prints on {url}"
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        if not url.startswith(ENVELOPE):
            assert overflow <= 0, f"{url} is {overflow}px wider than the paper"
        boxes = page.locator(".checklist input[type=checkbox]")
        for box in boxes.all():
            width = box.bounding_box()["width"]
            assert box.is_visible() and width >= 12, f"a tick box too small to tick on {url}"
        if url.startswith(ENVELOPE):
            assert (
                page.locator(".mail-envelope").count() == 0
                or sheets(page.pdf(prefer_css_page_size=True)) == 1
            ), url
            continue
        count = sheets(page.pdf(format="Letter"))
        assert count == LETTER_SHEETS, f"{url} prints on {count} sheets of Letter paper"
        if url in ANSWER_URLS:
            verdict = page.locator(".answer__verdict").first
            assert verdict.is_visible(), f"no verdict on paper for {url}"


# ---------- the answer first ----------


@pytest.mark.size("phone")  # the order is the same at every size; checked where the page is longest
def test_every_answer_states_its_verdict_before_the_details(page, live_site, sample_person):
    for url in ANSWER_URLS:
        page.goto(live_site + url)
        before = page.evaluate(
            """() => {
              const verdict = document.querySelector('main .answer__verdict');
              if (!verdict) return ['no verdict'];
              const details = 'main h2, main table, main .checklist, main form, main .summary';
              return [...document.querySelectorAll(details)]
                .filter(e => e.getClientRects().length && !e.matches('.visually-hidden')
                  && (e.compareDocumentPosition(verdict) & Node.DOCUMENT_POSITION_FOLLOWING))
                .map(e => e.tagName + '.' + e.className);
            }"""
        )
        assert not before, f"{url}: {before} come before the verdict"


# ---------- fingers, eyes and a steady page ----------

TARGETS = (
    "button, .button, select, input:not([type=hidden]):not([type=radio]):not([type=checkbox]),"
    " .govuk-radios__item, .govuk-checkboxes__item, .checklist li, summary,"
    " .site-header a, .site-nav a, .breadcrumbs a, .site-footer a, .guide-link"
)
# Text drawn inside a picture (the envelope, the money order) may be smaller, as on paper.
PICTURES = ".mail-envelope, .funds-mo"


@pytest.mark.size("phone")  # fingers are on the phone
def test_touch_targets_are_at_least_44_px_high(page, live_site, sample_person):
    for url in URLS:
        page.goto(live_site + url)
        small = page.evaluate(
            """s => [...document.querySelectorAll(s)]
                .filter(e => e.getClientRects().length)
                .filter(e => e.getBoundingClientRect().height < 44)
                .map(e => e.outerHTML.slice(0, 80))""",
            TARGETS,
        )
        assert not small, f"{url}: targets under 44px: {small[:5]}"


@pytest.mark.size("phone")  # checked on the smallest screen
def test_text_is_at_least_16_px(page, live_site, sample_person):
    for url in URLS:
        page.goto(live_site + url)
        small = page.evaluate(
            """pictures => {
              const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
              const found = [];
              for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                const e = n.parentElement;
                if (!n.textContent.trim() || !e.getClientRects().length) continue;
                if (e.closest(pictures) || e.closest('.visually-hidden')) continue;
                if (parseFloat(getComputedStyle(e).fontSize) < 16)
                  found.push(e.tagName + ': ' + n.textContent.trim().slice(0, 40));
              }
              return found;
            }""",
            PICTURES,
        )
        assert not small, f"{url}: text under 16px: {small[:5]}"


def test_pages_do_not_shift_while_they_load(page, live_site, sample_person):
    for url in URLS:
        page.goto(live_site + url)
        shift = page.evaluate(
            """() => new Promise(resolve => {
              let total = 0;
              new PerformanceObserver(list => {
                for (const e of list.getEntries()) if (!e.hadRecentInput) total += e.value;
              }).observe({type: 'layout-shift', buffered: true});
              setTimeout(() => resolve(total), 50);
            })"""
        )
        assert shift < 0.01, f"{url} shifts by {shift:.3f} while it loads"


@pytest.mark.size("phone")  # the same markup at every size
def test_every_picture_has_a_text_alternative(page, live_site, sample_person):
    for url in URLS:
        page.goto(live_site + url)
        bare = page.evaluate(
            """() => [...document.querySelectorAll('main figure, main svg, main img')]
              .filter(e => !(e.closest('[aria-hidden=true]')
                || e.getAttribute('alt') !== null && e.tagName === 'IMG'
                || e.getAttribute('aria-label') || e.getAttribute('aria-labelledby')
                || e.querySelector(':scope > figcaption, :scope > title')))
              .map(e => e.outerHTML.slice(0, 80))"""
        )
        assert not bare, f"{url}: pictures without a text alternative: {bare}"
