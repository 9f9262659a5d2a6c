"""The cost estimate page: arithmetic shown step by step, only from rates staff recorded."""

from datetime import date

import pytest

from phones.models import CallRate, CallType
from portal.models import Facility
from tests.phones.builders import text_of

ACC = "algoa-correctional-center"


@pytest.fixture
def acc_rates(missouri):
    acc = Facility.objects.get(code="ACC")
    prepaid = CallType.objects.get(key="prepaid")
    collect = CallType.objects.get(key="collect")
    common = {"source": "Test rate sheet", "last_reviewed": date(2026, 11, 1)}
    return [
        CallRate.objects.create(
            facility=acc,
            call_type=prepaid,
            fee_per_call="0.50",
            per_minute="0.1000",
            effective_from=date(2026, 1, 1),
            **common,
        ),
        CallRate.objects.create(
            facility=acc, call_type=collect, fee_per_call="0.00", per_minute="0.0525", **common
        ),
    ]


def cost_url(calls, minutes, **who):
    query = "&".join(f"{k}={v}" for k, v in who.items())
    return f"/phones/cost/?go=1&calls={calls}&minutes={minutes}&{query}"


def test_estimate_shows_the_arithmetic(client, sample_person, acc_rates):
    response = client.get(cost_url(10, 15, doc_id="7000001"))
    text = text_of(response)

    assert response.status_code == 200
    assert "Your estimate for 10 calls of 15 minutes each from Algoa Correctional Center" in text
    # Prepaid: $0.50 fee + 15 × $0.10 = $2.00 a call; 10 calls = $20.00.
    assert "Prepaid call: $20.00" in text
    assert "Minutes: 15 × $0.10 a minute = $1.50" in text
    assert "One call: $0.50 fee + $1.50 = $2.00" in text
    assert "All calls: 10 × $2.00 = $20.00" in text
    # Collect: 15 × $0.0525 = $0.7875 a call; 10 calls = $7.875, about $7.88.
    assert "Collect call: about $7.88" in text
    assert "Minutes: 15 × $0.0525 a minute = $0.7875" in text
    assert "All calls: 10 × $0.7875 = $7.875 (about $7.88)" in text
    assert "In force from January 1, 2026." in text
    assert "Source: Test rate sheet." in text


def test_one_call_reads_in_the_singular(client, missouri, acc_rates):
    text = text_of(client.get(cost_url(1, 5, facility=ACC)))
    assert "Your estimate for 1 call of 5 minutes from Algoa Correctional Center" in text


def test_answer_page_lists_recorded_rates_and_links_to_the_estimate(
    client, sample_person, acc_rates
):
    response = client.get("/phones/answer/?go=1&phone=cell&pay=ahead&doc_id=7000001")
    text = text_of(response)

    assert "Prepaid call: $0.50 for each call, plus $0.10 a minute." in text
    assert "Collect call: $0.00 for each call, plus $0.0525 a minute." in text
    assert 'href="/phones/cost/?doc_id=7000001"' in response.content.decode()


def test_rates_of_another_facility_are_not_used(client, missouri, acc_rates):
    text = text_of(client.get(cost_url(10, 15, facility="jefferson-city-correctional-center")))

    assert "We have no call rates on record for Jefferson City Correctional Center." in text
    assert "$" not in text


def test_ended_rate_is_not_used(client, missouri, acc_rates):
    CallRate.objects.update(effective_until=date(2020, 1, 1))
    text = text_of(client.get(cost_url(10, 15, facility=ACC)))
    assert "We have no call rates on record for Algoa Correctional Center." in text


def test_no_rates_is_not_a_dead_end(client, missouri):
    response = client.get(cost_url(10, 15, facility=ACC))
    text = text_of(response)

    assert response.status_code == 200
    assert "We do not guess a price." in text
    assert "Next: ask Securus for the fee for each call and the rate per minute." in text


@pytest.mark.parametrize("query", ["doc_id=7000001", f"facility={ACC}"])
def test_cost_form_is_prefilled(client, sample_person, query):
    response = client.get(f"/phones/cost/?{query}")
    assert response.status_code == 200
    assert query.split("=")[1] in response.content.decode()


BAD_NUMBERS = [
    ("calls=-1&minutes=10", "Enter 1 or more."),
    ("calls=0&minutes=10", "Enter 1 or more."),
    ("calls=10&minutes=-5", "Enter 1 or more."),
    ("calls=1001&minutes=10", "Enter 1000 or fewer."),
    ("calls=10&minutes=601", "Enter 600 or fewer."),
    ("calls=99999999999999999999999999&minutes=10", "Enter 1000 or fewer."),
    ("calls=" + "9" * 5000 + "&minutes=10", "Enter a whole number, such as 15."),
    ("calls=abc&minutes=10", "Enter a whole number, such as 15."),
    ("calls=1.5&minutes=10", "Enter a whole number, such as 15."),
    ("calls=1e3&minutes=10", "Enter a whole number, such as 15."),
    ("calls=NaN&minutes=10", "Enter a whole number, such as 15."),
    ("calls=1%002&minutes=10", "Enter a whole number, such as 15."),
    ("calls=%20&minutes=10", "Enter how many calls."),
    ("calls=10&minutes=", "Enter how many minutes each call lasts."),
]


@pytest.mark.parametrize("numbers, message", BAD_NUMBERS)
def test_bad_numbers_get_a_clear_message_and_400(client, missouri, numbers, message):
    response = client.get(f"/phones/cost/?go=1&facility={ACC}&{numbers}")

    assert response.status_code == 400
    text = text_of(response)
    assert "There is a problem" in text
    assert message in text
    assert "Your estimate" not in text


def test_estimate_needs_a_facility(client, missouri):
    response = client.get("/phones/cost/?go=1&calls=10&minutes=15")
    assert response.status_code == 400
    assert "Choose the facility they are in." in text_of(response)


def test_person_with_no_known_facility_is_asked_for_one(client, make_person):
    person = make_person("Sam", "Lost", facility_code=None)
    response = client.get(cost_url(10, 15, doc_id=person.doc_id))
    assert response.status_code == 400
    assert "We do not know where this person is held." in text_of(response)


def test_cost_page_within_the_query_budget(
    client, sample_person, acc_rates, django_assert_max_num_queries
):
    with django_assert_max_num_queries(6):
        response = client.get(cost_url(10, 15, doc_id="7000001", facility=ACC))
    assert response.status_code == 200
