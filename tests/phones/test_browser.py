"""The phone guide in a real browser: fill in, submit, read the answer, print, keyboard, axe."""

from datetime import date

import pytest

from phones.models import CallRate, CallType
from portal.models import Facility
from tests.browser import assert_accessible, check_page

pytestmark = pytest.mark.browser


def test_cell_phone_and_billed_calls_is_told_no_and_shown_the_account(
    page, live_site, sample_person
):
    check_page(page, live_site + "/phones/?doc_id=7000001")
    assert page.get_by_label("Their DOC ID number").input_value() == "7000001"

    page.get_by_label("A cell phone", exact=True).check()
    page.get_by_label("Be billed for each call").check()
    page.get_by_role("button", name="Show what to set up").click()
    page.wait_for_url("**/phones/answer/?go=1*")
    check_page(page, page.url)

    verdict = page.locator(".answer__verdict").inner_text()
    assert verdict == "No. Collect calls can never reach a cell phone."
    answer = page.locator(".answer").inner_text()
    assert "Securus account (Advance Connect)" in answer
    assert "1-800-844-6591" in answer
    assert "Algoa Correctional Center is in Jefferson City, MO." in page.inner_text("main")


def test_answer_prints_without_the_site_chrome(page, live_site, sample_person):
    page.goto(live_site + "/phones/answer/?go=1&phone=both&pay=billed&doc_id=7000001")
    page.emulate_media(media="print")

    assert page.locator(".answer").is_visible()
    assert page.locator(".print-only").is_visible()
    assert page.locator(".checklist").is_visible()
    assert not page.locator(".site-header").is_visible()
    assert not page.locator(".button-row").is_visible()
    assert not page.locator(".site-footer").is_visible()


def test_the_form_works_with_the_keyboard_alone(page, live_site):
    page.goto(live_site + "/phones/answer/")
    page.locator("#id_phone_1").focus()
    page.keyboard.press("Space")  # a cell phone
    page.keyboard.press("Tab")  # to the "how to pay" radios
    page.keyboard.press("Space")  # pay ahead
    # Through the DOC ID box and the facility list to the button.
    for _step in range(3):
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent").strip() == "Show what to set up"
    page.keyboard.press("Enter")
    page.wait_for_url("**/phones/answer/?go=1*")

    verdict = page.locator(".answer__verdict").inner_text()
    assert verdict == "Yes. Prepaid calls can reach your cell phone."
    assert_accessible(page)


def test_missing_answers_are_summarised_and_linked(page, live_site):
    check_page(page, live_site + "/phones/answer/?go=1", expect_status=400)
    summary = page.locator(".govuk-error-summary")
    assert "Choose the phone you will take calls on." in summary.inner_text()
    summary.get_by_role("link").first.click()
    assert page.evaluate("document.activeElement.id") == "id_phone_1"


def test_cost_estimate_with_recorded_rates_shows_the_arithmetic(page, live_site):
    CallRate.objects.create(
        facility=Facility.objects.get(code="ACC"),
        call_type=CallType.objects.get(key="prepaid"),
        fee_per_call="0.50",
        per_minute="0.1000",
        source="Test rate sheet",
        last_reviewed=date(2026, 11, 1),
    )
    check_page(page, live_site + "/phones/cost/?facility=algoa-correctional-center")
    page.get_by_label("How many calls?").fill("10")
    page.get_by_label("How many minutes is each call?").fill("15")
    page.get_by_role("button", name="Work out the cost").click()
    page.wait_for_url("**/phones/cost/?go=1*")
    check_page(page, page.url)

    answer = page.locator(".answer").inner_text()
    assert "Prepaid call: $20.00" in answer
    assert "One call: $0.50 fee + $1.50 = $2.00" in answer
    assert "All calls: 10 × $2.00 = $20.00" in answer


def test_bad_numbers_are_refused_in_the_browser(page, live_site):
    url = "/phones/cost/?go=1&facility=algoa-correctional-center&calls=-3&minutes=99999"
    check_page(page, live_site + url, expect_status=400)
    summary = page.locator(".govuk-error-summary").inner_text()
    assert "Enter 1 or more." in summary
    assert "Enter 600 or fewer." in summary
