"""The 429 and 503 pages are plain, accessible and usable on a phone."""

import pytest
from django.core.cache import cache
from django.db import OperationalError

from tests.browser import check_page

pytestmark = pytest.mark.browser


def test_too_many_searches_page(page, live_site, settings):
    settings.RATE_LIMIT_ENABLED = True
    settings.RATE_LIMITS = {"people": [(1, 3600)]}
    cache.clear()
    try:
        check_page(page, live_site + "/people/?q=garcia")
        response = check_page(page, live_site + "/people/?q=garcia", expect_status=429)
    finally:
        cache.clear()
    assert response.headers["retry-after"]
    heading = page.get_by_role("heading", level=1)
    assert heading.inner_text() == "Please wait a moment"
    assert "Please try again in" in page.locator("main").inner_text()
    page.get_by_role("link", name="See all facilities").click()
    page.wait_for_url("**/facilities/")


def test_database_unavailable_page(page, live_site, monkeypatch):
    def lost(*args, **kwargs):
        raise OperationalError("the database went away")

    monkeypatch.setattr("portal.views.Facility.objects.active", lost)
    check_page(page, live_site + "/", expect_status=503)
    main = page.locator("main").inner_text()
    assert "Sorry, this site cannot answer right now" in main
    assert "went away" not in main
