"""Checks every browser test runs on every page it opens."""

from axe_playwright_python.sync_playwright import Axe

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
_axe = Axe()


def assert_accessible(page) -> None:
    """No axe-core violation of WCAG 2.2 A or AA on the page as it is now."""
    results = _axe.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    violations = results.response["violations"]
    assert not violations, "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} -> "
        + "; ".join(node["target"][0] for node in v["nodes"][:5])
        for v in violations
    )


def assert_fits_width(page) -> None:
    """No sideways scrolling (checked at 320 px on the phone viewport)."""
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"The page scrolls sideways by {overflow}px at {page.viewport_size}."


def check_page(page, url: str, expect_status: int = 200):
    """Open `url` and check status, console, axe and width. Returns the response."""
    response = page.goto(url)
    assert response is not None and response.status == expect_status, (
        f"{url} answered {response.status if response else None}, expected {expect_status}"
    )
    assert_accessible(page)
    assert_fits_width(page)
    errors = page.console_errors
    if expect_status >= 400:  # the browser logs the page's own error status
        errors = [e for e in errors if "Failed to load resource" not in e]
    assert not errors, errors
    return response


# ---------- the keyboard alone: Tab, Space, the arrow keys, typing and Enter ----------

MAX_TABS = 150  # more stops than any page has; a field never reached fails the test


def tab_to(page, selector: str) -> None:
    """Press Tab until the focused element matches `selector` (from where focus is now)."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate("s => !!document.activeElement?.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector} on {page.url}")


def type_by_keyboard(page, selector: str, text: str) -> None:
    """Tab to a field and type into it."""
    tab_to(page, selector)
    page.keyboard.type(text)


def choose_radio_by_keyboard(page, name: str, value: str) -> None:
    """Tab into a radio group, then Space and the arrow keys until `value` is chosen."""
    tab_to(page, f'input[type="radio"][name="{name}"]')
    page.keyboard.press("Space")
    for _ in range(12):
        if page.evaluate("() => document.activeElement.value") == value:
            break
        page.keyboard.press("ArrowDown")
    assert page.locator(f'input[name="{name}"][value="{value}"]').is_checked(), (name, value)


def tick_by_keyboard(page, selector: str) -> None:
    """Tab to a checkbox and tick it with Space."""
    tab_to(page, selector)
    page.keyboard.press("Space")
    assert page.locator(selector).is_checked(), selector


def submit_by_keyboard(page, selector: str = 'main form button[type="submit"]') -> None:
    """Tab to the form's button and press Enter, then wait for the answer page."""
    tab_to(page, selector)
    with page.expect_navigation():
        page.keyboard.press("Enter")
