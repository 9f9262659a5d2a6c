"""The money guide in a real browser: every page, both ways, keyboard, print, axe."""

import pytest

from tests.browser import assert_accessible, check_page

pytestmark = pytest.mark.browser


def test_compare_then_get_a_mail_checklist_and_print_it(page, live_site, make_person):
    person = make_person("Ana", "García", facility_code="ACC")
    check_page(page, f"{live_site}/money/?doc_id={person.doc_id}")
    assert page.get_by_label("Their DOC ID number").input_value() == person.doc_id
    page.get_by_label("By mail, with a money order").check()
    page.get_by_role("button", name="Get my checklist").click()
    page.wait_for_url("**/money/checklist/?**")
    check_page(page, page.url)
    assert "Yes, you can add money to Ana García's account by mail." in page.inner_text(".answer")
    steps = page.locator(".checklist")
    assert "Missouri Department of Corrections" in steps.inner_text()
    assert f"Ana García, {person.doc_id}" in steps.inner_text()
    figure = page.get_by_role("figure")
    assert "Picture of a money order for Ana García" in figure.inner_text()

    # Tick a step with the keyboard alone.
    box = page.get_by_role("checkbox", name="2. Buy a money order")
    box.focus()
    page.keyboard.press("Space")
    assert box.is_checked()
    assert_accessible(page)

    page.get_by_role("link", name="Open the print view").click()
    page.wait_for_url("**/money/checklist/print/?**")
    check_page(page, page.url)
    page.emulate_media(media="print")
    assert page.locator(".checklist").is_visible()
    assert page.locator(".funds-mo__paper").is_visible()
    assert not page.locator(".site-header").is_visible()


def test_electronic_checklist_by_name_and_facility(page, live_site):
    check_page(page, f"{live_site}/money/?facility=jefferson-city-correctional-center")
    page.get_by_label("Or their full name").fill("Bo Lee")
    assert (
        page.get_by_label("And the facility they are in").input_value()
        == "jefferson-city-correctional-center"
    )
    page.get_by_label("Electronically, by phone: Access Corrections").check()
    page.get_by_role("button", name="Get my checklist").click()
    page.wait_for_url("**/money/checklist/?**")
    check_page(page, page.url)
    answer = page.inner_text(".answer")
    assert "Almost: you also need Bo Lee's DOC ID number." in answer
    assert page.get_by_role("link", name="866-345-1884").first.is_visible()
    assert "Jefferson City Correctional Center" in page.inner_text(".checklist")


def test_errors_are_summarised_and_linked_to_their_fields(page, live_site):
    check_page(page, live_site + "/money/checklist/")
    page.get_by_role("button", name="Get my checklist").click()
    page.wait_for_url("**/money/checklist/?**")
    check_page(page, page.url, expect_status=400)
    summary = page.locator(".govuk-error-summary")
    assert "Enter their DOC ID, or their full name." in summary.inner_text()
    assert "Choose how you want to add money." in summary.inner_text()
    summary.get_by_role("link", name="Enter their DOC ID, or their full name.").click()
    assert page.evaluate("document.activeElement.id") == "id_name"
    summary.get_by_role("link", name="Choose how you want to add money.").click()
    assert page.locator("#id_method").is_visible()
    assert page.locator("#id_method").get_by_role("radio").first.is_visible()


def test_a_person_with_no_facility_gets_next_steps(page, live_site, make_person):
    person = make_person("Cy", "Young", facility_code=None)
    check_page(page, f"{live_site}/money/checklist/?go=1&doc_id={person.doc_id}&method=online")
    assert "we do not know where Cy Young is held" in page.inner_text(".answer")
    assert page.get_by_role("link", name="Look them up in the department's offender search.")
