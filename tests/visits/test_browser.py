"""In a real browser: every in-person page, each guided form filled in and answered."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from tests.browser import assert_accessible, check_page

pytestmark = pytest.mark.browser


def next_friday():
    today = timezone.localdate()
    return today + timedelta(days=(4 - today.weekday()) % 7 + 7)


def test_guide_page(page, live_site):
    check_page(page, live_site + "/visits/")
    assert page.get_by_role("heading", level=1).inner_text() == "Visit in person"
    page.get_by_role("link", name="Plan a visit", exact=True).click()
    page.wait_for_url("**/visits/plan/")
    check_page(page, page.url)


def test_plan_a_visit_end_to_end(page, live_site, make_person):
    person = make_person("Ana", "García")
    friday = next_friday()
    check_page(page, f"{live_site}/visits/plan/?doc_id={person.doc_id}")
    assert page.locator("#id_doc_id").input_value() == person.doc_id
    page.locator("#id_date").fill(friday.isoformat())
    page.locator("#id_age_1").fill("38")
    page.locator("#id_age_2").fill("14")
    page.get_by_label("We are bringing a baby").check()
    page.get_by_role("button", name="Plan my visit").click()
    page.wait_for_url("**/visits/plan/?*go=1*")
    check_page(page, page.url)
    answer = page.locator(".answer").first.inner_text()
    assert "Yes, Algoa Correctional Center has visiting" in answer
    assert "school photo ID" in page.locator(".visits-id").inner_text()
    # The checklist ticks with the keyboard.
    box = page.locator(".checklist input").first
    box.focus()
    page.keyboard.press("Space")
    assert box.is_checked()
    assert_accessible(page)

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Add the 9:30 a.m. visit to your calendar").click()
    download = download_info.value
    assert download.suggested_filename == f"visit-acc-{friday.isoformat()}.ics"
    text = Path(download.path()).read_text(encoding="utf-8")
    assert "BEGIN:VEVENT" in text and "SUMMARY:Visit at Algoa Correctional Center" in text

    page.get_by_role("link", name="Print view").click()
    page.wait_for_url("**print=1*")
    check_page(page, page.url)
    page.emulate_media(media="print")
    assert not page.locator("form").count()
    assert page.locator(".checklist").first.is_visible()
    assert not page.locator(".site-header").is_visible()
    page.emulate_media(media="screen")


def test_plan_errors_are_summarised_and_linked(page, live_site):
    check_page(
        page, live_site + "/visits/plan/?go=1&doc_id=&date=nonsense&age_1=", expect_status=400
    )
    summary = page.locator(".govuk-error-summary")
    assert "Enter a real date" in summary.inner_text()
    summary.get_by_role("link", name="Enter a real date, such as 12/05/2026.").click()
    assert page.evaluate("document.activeElement.id") == "id_date"


def test_no_visiting_day_offers_next_dates(page, live_site):
    monday = next_friday() + timedelta(days=3)
    url = f"{live_site}/visits/plan/?go=1&facility=algoa-correctional-center&date={monday}&age_1=30"
    check_page(page, url)
    assert "has no visiting on" in page.locator(".answer").inner_text()
    page.locator(".answer a").first.click()
    page.wait_for_load_state()
    assert "has visiting on" in page.locator(".answer").inner_text()
    assert_accessible(page)


def test_visitor_list_check(page, live_site):
    check_page(page, live_site + "/visits/list/")
    page.get_by_role(
        "group", name="Are you already on another person's visitor list?"
    ).get_by_label("Yes").check()
    page.get_by_role("group", name="If so: are you immediate family of both people?").get_by_label(
        "No"
    ).check()
    page.get_by_role(
        "group", name="Have you been in prison, or are you on probation or parole?"
    ).get_by_label("No").check()
    page.get_by_role("group", name="Are you married to the person?").get_by_label("No").check()
    page.get_by_role("button", name="Check").click()
    page.wait_for_url("**go=1*")
    check_page(page, page.url)
    assert "No, you cannot be added" in page.locator(".answer").inner_text()


def test_carry_all_check(page, live_site):
    check_page(page, live_site + "/visits/carry-all/")
    page.get_by_label("Diapers").fill("7")
    page.get_by_label("Blanket").fill("1")
    page.get_by_label("Blanket").press("Enter")
    page.wait_for_url("**go=1*")
    check_page(page, page.url)
    verdict = page.locator(".answer").inner_text()
    assert "No, some items are over the limit." in verdict and "Take out 1." in verdict
