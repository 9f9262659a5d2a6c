"""The phone guide's pages: the guide, the guided answer and the cost estimate."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from phones.models import CallRate, CallRule, PhoneProvider
from phones.rules import PayChoice, PhoneChoice
from tests.phones.builders import text_of, verdict_of

CHICAGO = ZoneInfo("America/Chicago")
ACC = "algoa-correctional-center"


def answer_url(phone, pay, **who):
    query = "&".join(f"{k}={v}" for k, v in who.items())
    return f"/phones/answer/?go=1&phone={phone}&pay={pay}" + (f"&{query}" if query else "")


# ---------- the guide ----------


def test_guide_says_they_call_you_and_lists_every_kind_of_call(client, missouri):
    text = text_of(client.get("/phones/"))

    assert "You cannot call a person in prison. They call you." in text
    for name in ("Collect call", "Prepaid call", "Debit call"):
        assert name in text
    assert "Call waiting" in text and "Three-way calling" in text
    assert "monitored and recorded" in text
    assert "restricted status" in text and "segregation" in text
    assert "local to the facility" in text
    assert "Securus" in text and "1-800-844-6591" in text and "Advance Connect" in text
    assert "securustech.net" in text


def test_guide_shows_source_and_review_date(client, missouri):
    text = text_of(client.get("/phones/"))
    assert "Last reviewed September 28, 2025." in text
    assert "Missouri Inmate Phone Calls" in text


@pytest.mark.parametrize(
    "query, field, value",
    [("doc_id=7000001", "doc_id", "7000001"), (f"facility={ACC}", "facility", ACC)],
)
def test_guide_form_is_prefilled_from_a_person_or_facility_link(
    client, sample_person, query, field, value
):
    response = client.get(f"/phones/?{query}")

    assert response.status_code == 200
    assert response.context["form"][field].value() == value
    assert 'name="go" value="1"' in response.content.decode()


def test_guide_answers_within_the_query_budget(
    client, sample_person, django_assert_max_num_queries
):
    with django_assert_max_num_queries(6):
        assert client.get("/phones/?doc_id=7000001").status_code == 200


# ---------- the guided answer ----------

# What the answer page must say (and never say) for each phone and way to pay.
ANSWERS = [
    (
        PhoneChoice.CELL,
        PayChoice.AHEAD,
        "Yes. Prepaid calls can reach your cell phone.",
        "Next: open a Securus account (Advance Connect).",
    ),
    (
        PhoneChoice.CELL,
        PayChoice.BILLED,
        "No. Collect calls can never reach a cell phone.",
        "Next: to get calls on your cell phone, use prepaid calls instead. "
        "You need a Securus account (Advance Connect).",
    ),
    (
        PhoneChoice.LANDLINE,
        PayChoice.AHEAD,
        "Yes. Prepaid calls can reach your home landline.",
        "Next: open a Securus account (Advance Connect).",
    ),
    (
        PhoneChoice.LANDLINE,
        PayChoice.BILLED,
        "Yes. Collect calls can reach your home landline.",
        "Next: you do not need an account for collect calls.",
    ),
    (
        PhoneChoice.BOTH,
        PayChoice.AHEAD,
        "Yes. Prepaid calls can reach your cell phone and home landline.",
        "Next: open a Securus account (Advance Connect).",
    ),
    (
        PhoneChoice.BOTH,
        PayChoice.BILLED,
        "Only on your home landline. Collect calls can reach your home landline, "
        "but never your cell phone.",
        "To get calls on your cell phone too, use prepaid calls. You need a Securus account",
    ),
]


@pytest.mark.parametrize("phone, pay, verdict, next_step", ANSWERS)
def test_every_phone_and_way_to_pay_gets_its_answer_on_the_page(
    client, sample_person, phone, pay, verdict, next_step
):
    response = client.get(answer_url(phone, pay, doc_id="7000001"))
    text = text_of(response)

    assert response.status_code == 200
    assert verdict_of(response) == verdict
    assert next_step in text
    assert "1-800-844-6591" in text and "securustech.net" in text


@pytest.mark.parametrize("pay", list(PayChoice))
def test_a_cell_phone_alone_is_never_told_collect_calls_will_work(client, missouri, pay):
    text = text_of(client.get(answer_url(PhoneChoice.CELL, pay)))

    assert "Collect calls can never reach a cell phone." in text
    assert "Collect calls can reach" not in text
    assert "use collect calls" not in text
    collect_card = text[text.index("Collect call Will") :][:40]
    assert collect_card.startswith("Collect call Will not reach you")


def test_answer_lists_settings_to_turn_off(client, missouri):
    response = client.get(answer_url(PhoneChoice.LANDLINE, PayChoice.BILLED))
    html = response.content.decode()
    text = text_of(response)

    assert "Before the first call: turn these off" in text
    assert 'id="setting-call-waiting"' in html
    assert 'id="setting-three-way-calling"' in html


def test_local_number_tip_names_the_persons_facility_town(client, make_person):
    person = make_person("Lee", "Ng", facility_code="JCCC")
    facility = person.facility

    text = text_of(client.get(answer_url(PhoneChoice.CELL, PayChoice.AHEAD, doc_id=person.doc_id)))

    assert (
        f"{facility.name} is in {facility.city}, MO. Look for a phone number local to "
        f"{facility.city}."
    ) in text


def test_local_number_tip_uses_a_chosen_facility(client, missouri):
    text = text_of(client.get(answer_url(PhoneChoice.BOTH, PayChoice.AHEAD, facility=ACC)))
    assert "Algoa Correctional Center is in Jefferson City, MO." in text


def test_without_a_person_the_answer_asks_who_calls_for_the_town(client, missouri):
    text = text_of(client.get(answer_url(PhoneChoice.CELL, PayChoice.AHEAD)))
    assert "Tell us who will call you to see the facility's town" in text


def test_person_with_no_known_facility_still_gets_the_account_advice(client, make_person):
    person = make_person("Sam", "Lost", facility_code=None)

    response = client.get(answer_url(PhoneChoice.CELL, PayChoice.BILLED, doc_id=person.doc_id))
    text = text_of(response)

    assert response.status_code == 200
    assert "We do not know where they are held." in text
    assert "No. Collect calls can never reach a cell phone." in text


def test_no_rates_on_record_are_shown_as_none_never_guessed(client, sample_person):
    text = text_of(client.get(answer_url(PhoneChoice.CELL, PayChoice.AHEAD, doc_id="7000001")))

    assert "We have no call rates on record for Algoa Correctional Center." in text
    assert "$" not in text


def test_seed_loads_no_rates(missouri):
    assert not CallRate.objects.exists()


def test_a_provider_change_in_the_data_shows_up(client, missouri):
    PhoneProvider.objects.filter(key="securus").update(
        name="CallCo",
        phone="1-800-555-0100",
        website="https://callco.example/",
        account_name="Family Line",
    )

    text = text_of(client.get(answer_url(PhoneChoice.CELL, PayChoice.AHEAD)))

    assert (
        "Next: open a CallCo account (Family Line). Call 1-800-555-0100 or go to callco.example."
        in text
    )
    assert "Securus" not in text


def test_a_new_provider_takes_over_on_its_first_day(client, missouri):
    agency = missouri
    PhoneProvider.objects.filter(key="securus").update(effective_until=date(2026, 12, 31))
    PhoneProvider.objects.create(
        agency=agency,
        key="callco",
        name="CallCo",
        phone="1-800-555-0100",
        website="https://callco.example/",
        account_name="Family Line",
        effective_from=date(2027, 1, 1),
        source="Test notice",
        last_reviewed=date(2026, 11, 1),
    )
    url = answer_url(PhoneChoice.CELL, PayChoice.AHEAD)

    with time_machine.travel(datetime(2026, 12, 31, 23, 30, tzinfo=CHICAGO), tick=False):
        assert "Next: open a Securus account" in text_of(client.get(url))
    with time_machine.travel(datetime(2027, 1, 1, 0, 30, tzinfo=CHICAGO), tick=False):
        assert "Next: open a CallCo account (Family Line)" in text_of(client.get(url))


def test_rule_text_staff_edit_shows_up(client, missouri):
    CallRule.objects.filter(key="call-waiting").update(text="Switch off call waiting first.")
    text = text_of(client.get(answer_url(PhoneChoice.LANDLINE, PayChoice.BILLED)))
    assert "Switch off call waiting first." in text


def test_no_provider_on_record_is_not_a_dead_end(client, missouri):
    PhoneProvider.objects.all().delete()

    response = client.get(answer_url(PhoneChoice.CELL, PayChoice.BILLED))
    text = text_of(response)

    assert response.status_code == 200
    assert "Call the facility to ask which company it uses." in text


def test_unsubmitted_answer_page_shows_the_questions_with_earlier_answers(client, missouri):
    response = client.get("/phones/answer/?phone=cell&pay=billed&facility=" + ACC)

    assert response.status_code == 200
    form = response.context["form"]
    assert (form["phone"].value(), form["pay"].value(), form["facility"].value()) == (
        "cell",
        "billed",
        ACC,
    )


def test_change_your_answers_link_keeps_them(client, sample_person):
    html = client.get(answer_url("cell", "ahead", doc_id="7000001")).content.decode()
    assert 'href="/phones/answer/?phone=cell&amp;pay=ahead&amp;doc_id=7000001"' in html


def test_answer_within_the_query_budget(client, sample_person, django_assert_max_num_queries):
    url = answer_url(PhoneChoice.BOTH, PayChoice.BILLED, doc_id="7000001", facility=ACC)
    with django_assert_max_num_queries(6):
        assert client.get(url).status_code == 200


# ---------- bad input ----------

BAD_ANSWERS = [
    ("phone=&pay=ahead", "Choose the phone you will take calls on."),
    ("phone=cell&pay=", "Choose how you want to pay for calls."),
    ("phone=satellite&pay=ahead", "Choose one of the phones in the list."),
    ("phone=cell&pay=later", "Choose one of the ways to pay in the list."),
    ("phone=" + "x" * 5000 + "&pay=ahead", "Choose one of the phones in the list."),
    ("phone=cell%00&pay=ahead", "Choose one of the phones in the list."),
    ("phone=cell&pay=ahead&doc_id=abc", "A DOC ID has digits only"),
    ("phone=cell&pay=ahead&doc_id=9999999", "We cannot find DOC ID 9999999"),
    ("phone=cell&pay=ahead&doc_id=12%0034", "Null characters are not allowed."),
    ("phone=cell&pay=ahead&doc_id=" + "1" * 5000, "at most 32 characters"),
    ("phone=cell&pay=ahead&facility=nowhere", "Select a valid choice."),
    ("phone=cell&pay=ahead&facility=algoa%00", "Null characters are not allowed."),
]


@pytest.mark.parametrize("query, message", BAD_ANSWERS)
def test_bad_answers_get_a_clear_message_and_400(client, missouri, query, message):
    response = client.get(f"/phones/answer/?go=1&{query}")

    assert response.status_code == 400
    text = text_of(response)
    assert "There is a problem" in text
    assert message in text


def test_error_summary_links_to_the_first_radio_button(client, missouri):
    html = client.get("/phones/answer/?go=1").content.decode()

    assert '<a href="#id_phone_1">' in html
    assert 'id="id_phone_1"' in html
    assert '<a href="#id_pay_1">' in html


@pytest.mark.parametrize("url", ["/phones/", "/phones/answer/", "/phones/cost/"])
def test_pages_refuse_posts(client, missouri, url):
    assert client.post(url).status_code == 405


def test_footer_names_every_source_behind_the_answer(client, missouri):
    CallRule.objects.filter(key="call-waiting").update(
        source="Securus notice", last_reviewed=date(2026, 10, 1)
    )

    text = text_of(client.get(answer_url(PhoneChoice.LANDLINE, PayChoice.BILLED)))

    footer = text[text.index("Last reviewed") :]
    assert "Last reviewed September 28, 2025. Source: Missouri Inmate Phones" in footer
    assert "Last reviewed October 1, 2026. Source: Securus notice." in footer
