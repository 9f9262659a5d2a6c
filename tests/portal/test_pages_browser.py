import pytest

from portal.models import Facility
from tests.browser import check_page

pytestmark = pytest.mark.browser


def test_home_search_and_person_hub(page, live_site, make_person):
    person = make_person("José", "García")
    check_page(page, live_site + "/")
    page.get_by_label("Their DOC ID or last name").fill("garcia")
    page.get_by_role("button", name="Search").click()
    page.wait_for_url("**/people/?q=garcia")
    check_page(page, page.url)
    page.get_by_role("link", name="José García").click()
    page.wait_for_url(f"**/people/{person.doc_id}/")
    check_page(page, page.url)
    assert page.get_by_role("heading", level=1).inner_text() == "José García"


def test_search_errors_are_summarised_and_linked(page, live_site):
    check_page(page, live_site + "/people/?q=%20", expect_status=400)
    summary = page.locator(".govuk-error-summary")
    assert "There is a problem" in summary.inner_text()
    summary.get_by_role("link").first.click()
    assert page.evaluate("document.activeElement.id") == "id_q"


def test_no_match_page(page, live_site):
    check_page(page, live_site + "/people/?q=zzzzzz")
    assert page.get_by_role("heading", name="No one found").is_visible()


def test_facility_list_and_every_facility_page(page, live_site):
    check_page(page, live_site + "/facilities/")
    check_page(page, live_site + "/facilities/?video=any&kind=correctional")
    for slug in Facility.objects.values_list("slug", flat=True):
        check_page(page, f"{live_site}/facilities/{slug}/")


def test_not_found_page(page, live_site):
    check_page(page, live_site + "/no-such-page/", expect_status=404)


def test_keyboard_user_can_skip_to_content(page, live_site):
    page.goto(live_site + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent").strip() == "Skip to main content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
