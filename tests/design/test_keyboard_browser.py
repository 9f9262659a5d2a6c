"""Every guided form, filled in and sent with the keyboard alone, reaches its answer.

No clicks and no filling by script: Tab moves between fields, Space ticks a box or
chooses a radio, the arrow keys move within a radio group, digits and letters are
typed, and Enter sends the form from its button.
"""

from datetime import timedelta

import pytest

from portal import clock
from tests.browser import (
    assert_accessible,
    choose_radio_by_keyboard,
    submit_by_keyboard,
    tick_by_keyboard,
    type_by_keyboard,
)

pytestmark = pytest.mark.browser
DOC_ID = "7000001"  # the sample person, Ana García at Algoa Correctional Center


def next_weekday(weekday: int, at_least_days: int):
    """The first `weekday` (Monday 0) at least `at_least_days` from today, Missouri time."""
    day = clock.local_date(clock.now()) + timedelta(days=at_least_days)
    return day + timedelta(days=(weekday - day.weekday()) % 7)


def typed_date(day) -> str:
    """What a person types into a date field in a US browser: month, day, year."""
    return day.strftime("%m%d%Y")


def fill_mail_answer(page):
    type_by_keyboard(page, "#id_doc_id", DOC_ID)
    tick_by_keyboard(page, 'input[name="items"][value="letter"]')


def fill_money_checklist(page):
    type_by_keyboard(page, "#id_doc_id", DOC_ID)
    choose_radio_by_keyboard(page, "method", "mail")


def fill_phones_answer(page):
    choose_radio_by_keyboard(page, "phone", "cell")
    choose_radio_by_keyboard(page, "pay", "billed")
    type_by_keyboard(page, "#id_doc_id", DOC_ID)


def fill_phones_cost(page):
    type_by_keyboard(page, "#id_doc_id", DOC_ID)
    type_by_keyboard(page, "#id_calls", "20")
    type_by_keyboard(page, "#id_minutes", "15")


def fill_photo_size(page):
    type_by_keyboard(page, "#id_width", "5")
    type_by_keyboard(page, "#id_height", "7")


def fill_visit_plan(page):
    type_by_keyboard(page, "#id_doc_id", DOC_ID)
    # Algoa has visiting on Fridays.
    type_by_keyboard(page, "#id_date", typed_date(next_weekday(4, at_least_days=7)))
    type_by_keyboard(page, "#id_age_1", "40")
    tick_by_keyboard(page, "#id_baby")


def fill_visitor_list(page):
    choose_radio_by_keyboard(page, "on_other_list", "no")
    choose_radio_by_keyboard(page, "supervised", "no")
    choose_radio_by_keyboard(page, "married", "no")


def fill_carry_all(page):
    type_by_keyboard(page, "#id_qty_missouri_doc_diapers", "7")
    type_by_keyboard(page, "#id_qty_missouri_doc_blanket", "1")


def fill_video_plan(page):
    type_by_keyboard(page, "#id_doc_id", DOC_ID)
    choose_radio_by_keyboard(page, "kind", "remote")
    # A Wednesday at 10 a.m., well past the booking deadline.
    type_by_keyboard(page, "#id_day", typed_date(next_weekday(2, at_least_days=7)))
    type_by_keyboard(page, "#id_start_time", "1000AM")
    page.keyboard.press("Tab")  # the blocks field already says 1
    choose_radio_by_keyboard(page, "q_on_visitor_list", "yes")
    choose_radio_by_keyboard(page, "q_attorney_visit", "no")
    choose_radio_by_keyboard(page, "q_child_taking_part", "no")


# (form, where it starts, how to fill it in, words the verdict says)
FORMS = [
    ("mail answer", "/mail/answer/", fill_mail_answer, "Yes, you can send this"),
    ("money checklist", "/money/checklist/", fill_money_checklist, "Yes, you can add money"),
    ("phones answer", "/phones/answer/", fill_phones_answer, "Collect calls can never"),
    ("phones cost", "/phones/cost/", fill_phones_cost, ""),
    ("mail photo size", "/mail/photo-size/", fill_photo_size, "No, this photo will be refused"),
    ("visits plan", "/visits/plan/", fill_visit_plan, "has visiting on"),
    ("visitor-list check", "/visits/list/", fill_visitor_list, "Yes, you can ask to be added"),
    ("carry-all check", "/visits/carry-all/", fill_carry_all, "No, some items are over"),
    ("video plan", "/visits/video/plan/", fill_video_plan, "You can book this video visit"),
]


@pytest.mark.parametrize(
    ("start", "fill", "verdict"),
    [pytest.param(start, fill, verdict, id=name) for name, start, fill, verdict in FORMS],
)
def test_each_guided_form_is_completed_with_the_keyboard_alone(
    page, live_site, sample_person, start, fill, verdict
):
    page.goto(live_site + start)
    fill(page)
    submit_by_keyboard(page)

    assert "go=1" in page.url, page.url
    assert page.locator(".govuk-error-summary").count() == 0, page.locator("main").inner_text()
    answer = page.locator(".answer__verdict").first
    assert answer.is_visible(), page.url
    assert verdict.lower() in answer.inner_text().lower(), answer.inner_text()
    assert_accessible(page)
