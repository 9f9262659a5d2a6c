"""Video visits in a real browser: every page, the planner end to end, axe clean."""

from datetime import date, timedelta

import pytest

from tests.browser import assert_accessible, check_page

pytestmark = pytest.mark.browser


@pytest.fixture
def person(make_person, live_site):
    return make_person("Ana", "García", facility_code="ACC", doc_id="7000001")


def test_plan_a_remote_visit_download_the_calendar_and_print(page, live_site, person):
    day = date.today() + timedelta(days=10)
    check_page(page, f"{live_site}/people/{person.doc_id}/")
    page.get_by_role("link", name="Plan a video visit").click()
    page.wait_for_url("**/visits/video/plan/?doc_id=7000001")
    assert page.get_by_label("Their DOC ID number").input_value() == "7000001"

    page.get_by_label("From home, on your own phone, tablet or computer").check()
    page.get_by_label("The date you want").fill(day.isoformat())
    page.get_by_label("The start time you want").fill("14:30")
    page.get_by_label("How many 30-minute blocks?").fill("2")
    page.locator("#id_q_on_visitor_list").get_by_label("Yes", exact=True).check()
    page.locator("#id_q_attorney_visit").get_by_label("No", exact=True).check()
    page.locator("#id_q_child_taking_part").get_by_label("No", exact=True).check()
    page.get_by_role("button", name="Show my answer").click()
    page.wait_for_load_state()

    verdict = page.locator(".answer__verdict")
    assert verdict.inner_text() == "Yes. You can book this video visit."
    assert "2 blocks × $7.95 = $15.90" in page.locator(".video-cost").inner_text()
    assert page.get_by_role("heading", name="Your visit, step by step").is_visible()
    assert_accessible(page)

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Add to my calendar (.ics file)").click()
    download = download_info.value
    assert download.suggested_filename == "video-visit.ics"
    with open(download.path(), encoding="utf-8") as handle:
        ics = handle.read()
    assert "BEGIN:VEVENT" in ics
    assert ics.count("BEGIN:VALARM") == 2

    page.get_by_role("link", name="Print view").click()
    page.wait_for_url("**/visits/video/plan/print/**")
    check_page(page, page.url)
    assert page.get_by_role("heading", level=1).inner_text() == "Your video visit"
    assert page.locator("form").count() == 0
    page.emulate_media(media="print")
    assert page.locator(".answer__verdict").is_visible()
    assert not page.locator(".site-header").is_visible()


def test_a_facility_without_video_visits_points_elsewhere(page, live_site):
    check_page(page, live_site + "/visits/video/plan/?facility=farmington-correctional-center")
    page.get_by_label("At the facility, on a Securus Technologies screen").check()
    day = date.today() + timedelta(days=10)
    page.get_by_label("The date you want").fill(day.isoformat())
    page.get_by_label("The start time you want").fill("10:00")
    answers = {"on_visitor_list": "Yes", "attorney_visit": "No", "child_taking_part": "No"}
    for question, answer in answers.items():
        page.locator(f"#id_q_{question}").get_by_label(answer, exact=True).check()
    page.get_by_role("button", name="Show my answer").click()
    page.wait_for_load_state()
    assert "does not offer video visits at the facility" in page.locator(".answer").inner_text()
    assert_accessible(page)
    page.get_by_role("link", name="plan an in-person visit instead").click()
    page.wait_for_url("**/visits/plan/?facility=farmington-correctional-center")


def test_errors_are_summarised_and_the_keyboard_reaches_each_field(page, live_site, person):
    check_page(
        page,
        live_site + "/visits/video/plan/?go=1&doc_id=7000001&kind=remote&day=2020-01-01"
        "&start_time=10:00&blocks=0",
        expect_status=400,
    )
    summary = page.locator(".govuk-error-summary")
    assert "There is a problem" in summary.inner_text()
    assert "Enter at least 1 block." in summary.inner_text()
    summary.get_by_role("link", name="Enter at least 1 block.").click()
    assert page.evaluate("document.activeElement.id") == "id_blocks"
    # Tab order runs through the form in reading order.
    page.get_by_label("Their DOC ID number").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "id_facility"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "kind"
