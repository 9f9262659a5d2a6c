"""The admin's main path for visiting hours, in a real browser: a content editor
changes a session's end time and families see it on the visits guide and the
facility's page; a session scheduled for a later day shows only in the preview."""

from datetime import timedelta

import pytest

from portal import clock
from portal.models import Facility
from tests.admin.test_admin_browser import PASSWORD, editor_login, log_in  # noqa: F401
from tests.browser import check_page
from visits.models import VisitingSession

pytestmark = pytest.mark.browser

FRIDAY_AFTERNOON = "missouri-doc-friday-2"


def console_errors(page):
    # The admin pages have no icon, so Chromium's own /favicon.ico request 404s.
    return [e for e in page.console_errors if "Failed to load resource" not in e]


def test_an_editor_changes_a_session_end_and_families_see_it(page, live_site, editor_login):  # noqa: F811
    session = VisitingSession.objects.get(key=FRIDAY_AFTERNOON)
    facility = Facility.objects.get(code="ACC")
    log_in(page, live_site)

    page.goto(f"{live_site}/admin/visits/visitingsession/{session.pk}/change/")
    page.fill("#id_end", "19:15")
    page.click("input[name=_save]")
    page.wait_for_url(f"{live_site}/admin/visits/visitingsession/")
    assert "was changed successfully" in page.content()
    assert not console_errors(page), console_errors(page)
    page.console_errors.clear()

    check_page(page, f"{live_site}/visits/")
    assert "2:30 p.m. to 7:15 p.m." in page.content()
    check_page(page, f"{live_site}{facility.get_absolute_url()}")
    assert "2:30 p.m. to 7:15 p.m." in page.content()


def test_a_session_scheduled_for_later_shows_in_the_preview_only(page, live_site, editor_login):  # noqa: F811
    day = clock.today() + timedelta(days=14)
    log_in(page, live_site)

    page.goto(f"{live_site}/admin/visits/visitingsession/add/")
    page.fill("#id_key", "friday-evening-trial")
    page.select_option("#id_agency", label="Missouri Department of Corrections")
    page.select_option("#id_entry", "weekly")
    page.select_option("#id_weekday", "4")
    page.fill("#id_start", "19:00")
    page.fill("#id_end", "19:40")
    page.fill("#id_effective_from", day.isoformat())
    page.click("input[name=_save]")
    page.wait_for_url(f"{live_site}/admin/visits/visitingsession/")
    body = page.content()
    assert "This takes effect on" in body
    assert "Takes effect on" in body
    page.console_errors.clear()

    check_page(page, f"{live_site}/visits/")
    assert "7:40 p.m." not in page.content()

    check_page(page, f"{live_site}/visits/?preview_date={day.isoformat()}")
    assert "Preview of" in page.content()
    assert "7 p.m. to 7:40 p.m." in page.content()

    check_page(page, f"{live_site}/visits/?preview_date=off")
    assert "7:40 p.m." not in page.content()
