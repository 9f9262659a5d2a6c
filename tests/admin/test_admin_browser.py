"""The admin's main path in a real browser: a content editor changes a facility's
phone and posts an alert, and families see both on the public page."""

import io

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command

from portal.models import Facility
from tests.browser import check_page

pytestmark = pytest.mark.browser

PASSWORD = "a long staff password 1"  # noqa: S105


@pytest.fixture
def editor_login(live_site):
    call_command("setup_roles", stdout=io.StringIO())
    user = User.objects.create_user("editor", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name="Content editor"))
    return user


def log_in(page, live_site):
    page.goto(f"{live_site}/admin/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit], button[type=submit]")
    page.wait_for_url(f"{live_site}/admin/")


def test_an_editor_changes_a_phone_and_posts_an_alert_families_see_both(
    page, live_site, editor_login
):
    facility = Facility.objects.get(code="ACC")
    log_in(page, live_site)

    page.goto(f"{live_site}/admin/portal/facility/{facility.pk}/change/")
    page.fill("#id_phone", "(573) 555-0199")
    page.click("input[name=_save]")
    page.wait_for_url(f"{live_site}/admin/portal/facility/")
    assert "was changed successfully" in page.content()

    page.goto(f"{live_site}/admin/portal/facilityalert/add/")
    page.select_option("#id_facility", str(facility.pk))
    page.select_option("#id_kind", "visiting_cancelled")
    page.fill("#id_title", "Visiting cancelled today")
    page.fill("#id_message", "Water main repair. Visiting is cancelled. Call before you drive.")
    page.click("input[name=_save]")
    page.wait_for_url(f"{live_site}/admin/portal/facilityalert/")
    # The admin pages have no icon, so Chromium's own /favicon.ico request 404s;
    # anything else (such as a blocked script) is a real error.
    errors = [e for e in page.console_errors if "Failed to load resource" not in e]
    assert not errors, errors
    page.console_errors.clear()

    check_page(page, f"{live_site}{facility.get_absolute_url()}")
    body = page.content()
    assert "(573) 555-0199" in body
    assert "Visiting cancelled today" in body

    # Staff preview: the banner shows on the public page, accessibly.
    check_page(page, f"{live_site}{facility.get_absolute_url()}?preview_date=2030-01-02")
    assert "Preview of January 2, 2030" in page.content()
