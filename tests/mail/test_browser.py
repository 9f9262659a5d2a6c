"""The mail guide in a real browser: fill in, submit, read the answer, print, by keyboard."""

import pytest

from tests.browser import assert_accessible, check_page

pytestmark = pytest.mark.browser


def test_family_gets_the_address_and_prints_an_envelope(page, live_site, sample_person):
    check_page(page, live_site + "/mail/?doc_id=7000001")
    assert page.get_by_label("Their DOC ID number").input_value() == "7000001"
    page.get_by_label("A letter").check()
    page.get_by_label("A book or magazine").check()
    page.get_by_label("Legal mail").check()
    page.get_by_role("button", name="Show me the address").click()
    page.wait_for_url("**/mail/answer/**")
    check_page(page, page.url)
    assert "Some of this will be refused." in page.locator(".answer__verdict").first.inner_text()
    letter = page.locator("section", has=page.locator("#item-letter"))
    assert letter.locator(".mail-address__line").all_inner_texts() == [
        "Ana García, 7000001",
        "C/O Digital Mail Center-Missouri DOC",
        "PO Box 25678",
        "Tampa, FL 33622-5678",
    ]
    book = page.locator("section", has=page.locator("#item-publication"))
    assert "buys books and magazines directly" in book.inner_text()
    legal = page.locator("section", has=page.locator("#item-legal"))
    assert "8501 No More Victims Road" in legal.inner_text()

    legal.get_by_role("link", name="Print an envelope").click()
    page.wait_for_url("**/mail/envelope/**")
    check_page(page, page.url)
    envelope = page.locator(".mail-envelope")
    assert envelope.is_visible()
    assert envelope.locator(".mail-address__line").first.inner_text() == "Ana García, 7000001"

    # Printed, only the envelope shows.
    page.emulate_media(media="print")
    assert envelope.is_visible()
    assert not page.get_by_role("heading", level=1).is_visible()
    assert not page.locator(".site-header").is_visible()
    assert not page.locator(".mail-envelope__caption").is_visible()
    assert page.locator(".mail-envelope__stamp").is_visible()
    pdf = page.pdf(prefer_css_page_size=True)
    assert pdf.startswith(b"%PDF")
    page.emulate_media(media="screen")


def test_errors_are_summarised_and_linked(page, live_site, sample_person):
    check_page(page, live_site + "/mail/answer/?go=1&doc_id=99999999", expect_status=400)
    summary = page.locator(".govuk-error-summary")
    assert "We cannot find DOC ID 99999999" in summary.inner_text()
    summary.get_by_role("link").first.click()
    assert page.evaluate("document.activeElement.id") == "id_doc_id"
    assert_accessible(page)


def test_photo_size_check_by_keyboard(page, live_site):
    check_page(page, live_site + "/mail/photo-size/")
    page.get_by_label("Width").focus()
    page.keyboard.type("5")
    page.keyboard.press("Tab")
    page.keyboard.type("7")
    page.keyboard.press("Enter")
    page.wait_for_url("**/mail/photo-size/?go=1**")
    check_page(page, page.url)
    assert page.locator(".answer__verdict").inner_text() == "No, this photo will be refused."

    page.get_by_label("Width").fill("-1")
    page.get_by_label("Height").fill("6")
    page.get_by_role("button", name="Check the size").click()
    page.wait_for_load_state()
    assert "Enter a size larger than 0 inches." in page.locator(".govuk-error-summary").inner_text()
    assert_accessible(page)


def test_envelope_form_by_name_and_facility(page, live_site):
    check_page(page, live_site + "/mail/envelope/?facility=algoa-correctional-center")
    page.get_by_label("Or their full name").fill("Ana García")
    page.get_by_label("A visitor application").check()
    page.get_by_role("button", name="Show the envelope").click()
    page.wait_for_url("**/mail/envelope/?go=1**")
    check_page(page, page.url)
    lines = page.locator(".mail-envelope .mail-address__line").all_inner_texts()
    assert lines[1:] == [
        "Algoa Correctional Center",
        "8501 No More Victims Road",
        "Jefferson City, MO 65101",
    ]
