"""The money guide's pages: compare the ways, then a checklist filled in for one person."""

import re
from datetime import date

import pytest
import time_machine
from django.utils.html import escape

from funds.models import DepositMethod
from portal.models import Facility, Inmate
from tests.funds.helpers import ADDRESS

INDEX = "/money/"
CHECKLIST = "/money/checklist/"
PRINT = "/money/checklist/print/"
PAYEE = "Missouri Department of Corrections"


def html(response) -> str:
    return response.content.decode()


def ask(client, **params):
    return client.get(CHECKLIST, {"go": "1", **params})


# ---------- /money/: the ways side by side ----------


def test_money_page_compares_the_three_ways(missouri, client, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        response = client.get(INDEX)
    body = html(response)
    assert response.status_code == 200
    for heading in ("Speed", "What you need", "How to pay", "Where it goes"):
        assert body.count(f"<dt>{heading}</dt>") == 3
    assert "By mail" in body and "Electronically, by phone" in body
    assert "Electronically, online" in body
    assert escape(f"payable to “{PAYEE}”") in body
    assert "P.O. Box 1609, Jefferson City, MO 65102" in body
    assert 'href="tel:+18663451884"' in body
    assert 'href="https://www.accesscorrections.com/"' in body
    assert 'href="tel:+15735266445"' in body
    assert "No fee is on record here." in body
    assert "Last reviewed September 28, 2025." in body


def test_money_page_prefills_the_person_from_their_page(sample_person, client):
    body = html(client.get(INDEX, {"doc_id": sample_person.doc_id}))
    assert 'value="7000001"' in body
    assert 'action="/money/checklist/"' in body
    assert "/money/checklist/?method=mail&amp;doc_id=7000001" in body


def test_money_page_prefills_the_facility_from_its_page(missouri, client):
    body = html(client.get(INDEX, {"facility": "algoa-correctional-center"}))
    assert '<option value="algoa-correctional-center" selected>' in body


def test_a_checklist_link_preselects_the_way(missouri, client):
    body = html(client.get(CHECKLIST, {"method": "online"}))
    checked = re.findall(r'value="(\w+)"\s*checked="checked"', body)
    assert checked == ["online"]


def test_a_submitted_money_page_sends_you_to_the_checklist(sample_person, client):
    response = client.get(INDEX, {"go": "1", "doc_id": "7000001", "method": "mail"})
    assert response.status_code == 302
    assert response["Location"].startswith(CHECKLIST + "?")


# ---------- the checklist, for people at two facilities ----------


@pytest.mark.parametrize("code", ["ACC", "JCCC"])
def test_by_mail_the_checklist_is_filled_in_for_the_person(
    make_person, client, code, django_assert_max_num_queries
):
    person = make_person("Ana", "García", facility_code=code)
    with django_assert_max_num_queries(6):
        response = ask(client, doc_id=person.doc_id, method="mail")
    body = html(response)
    assert response.status_code == 200
    assert escape("Yes, you can add money to Ana García's account by mail.") in body
    assert "Ask Ana García to mail you a deposit slip. It is not online" in body
    assert "Buy a money order from the US Postal Service." in body
    assert f'<strong class="funds-copy">{PAYEE}</strong>' in body
    assert f'<strong class="funds-copy">Ana García, {person.doc_id}</strong>' in body
    assert "Fill in the deposit slip in blue or black pen." in body
    assert "Put nothing else in it." in body
    assert "<br>".join(ADDRESS) in body
    assert escape(person.facility.name) in body
    # The money order picture, with its text alternative.
    assert f'<span class="funds-mo__ink">{PAYEE}</span>' in body
    assert f'<span class="funds-mo__ink">Ana García, {person.doc_id}</span>' in body
    assert escape(f"On the memo line write “Ana García, {person.doc_id}”.") in body


@pytest.mark.parametrize("code", ["ACC", "JCCC"])
@pytest.mark.parametrize("method", ["phone", "online"])
def test_electronically_the_checklist_has_the_provider_and_what_you_need(
    make_person, client, code, method, django_assert_max_num_queries
):
    person = make_person("Ana", "García", facility_code=code)
    with django_assert_max_num_queries(6):
        response = ask(client, doc_id=person.doc_id, method=method)
    body = html(response)
    assert response.status_code == 200
    assert "Yes, you can add money to Ana García" in body
    assert "Have your card ready: Visa or MasterCard, debit or credit." in body
    assert '<strong class="funds-copy">Ana García</strong>' in body
    assert f'<strong class="funds-copy">{person.doc_id}</strong>' in body
    assert f'<strong class="funds-copy">{escape(person.facility.name)}</strong>' in body
    assert 'href="tel:+18663451884"' in body
    assert 'href="https://www.accesscorrections.com/"' in body
    assert "funds-mo__paper" not in body
    assert "No fee is on record here." in body


def test_name_and_facility_without_a_doc_id_leaves_a_line_for_it(missouri, client):
    response = ask(
        client, name="  Bo   Lee ", facility="jefferson-city-correctional-center", method="mail"
    )
    body = html(response)
    assert response.status_code == 200
    assert escape("Almost: you also need Bo Lee's DOC ID number.") in body
    assert '<strong class="funds-copy">Bo Lee, ____________</strong>' in body
    assert "https://web.mo.gov/doc/offSearchWeb/" in body


@pytest.mark.parametrize("method", ["mail", "phone", "online"])
def test_a_person_with_no_facility_is_told_what_to_do(make_person, client, method):
    person = make_person("Cy", "Young", facility_code=None)
    response = ask(client, doc_id=person.doc_id, method=method)
    body = html(response)
    assert response.status_code == 200
    assert "Wait: we do not know where Cy Young is held." in body
    assert "They may have been released" in body
    assert 'href="https://web.mo.gov/doc/offSearchWeb/"' in body
    assert "Ask the person, or their family, where they are now." in body
    assert "Your checklist</h2>" not in body


def test_a_person_at_a_closed_facility_is_treated_as_not_known(make_person, client):
    person = make_person("Cy", "Young", facility_code="BCC")
    Facility.objects.filter(code="BCC").update(is_active=False)
    body = html(ask(client, doc_id=person.doc_id, method="online"))
    assert "Wait: we do not know where Cy Young is held." in body


# ---------- rules are data ----------


def test_a_provider_changed_in_the_admin_shows_up_on_every_page(sample_person, client):
    DepositMethod.objects.filter(key__in=["phone", "online"]).update(
        provider_name="JPay",
        provider_phone="800-555-0100",
        provider_website="https://www.jpay.com/",
        accepted_cards="Visa debit only",
        source="Department notice of a new provider",
    )
    index = html(client.get(INDEX))
    answer = html(ask(client, doc_id="7000001", method="phone"))
    for body in (index, answer):
        assert "JPay" in body
        assert 'href="tel:+18005550100"' in body
        assert "Access Corrections" not in body
    assert "Have your card ready: Visa debit only." in answer


def test_a_provider_that_starts_on_a_date_takes_over_that_day(missouri, sample_person, client):
    old = DepositMethod.objects.get(key="online")
    DepositMethod.objects.filter(pk=old.pk).update(effective_until=date(2026, 6, 30))
    new = DepositMethod.objects.get(pk=old.pk)
    new.pk = None
    new.key = "online-2026"
    new.provider_name = "JPay"
    new.effective_from = date(2026, 7, 1)
    new.effective_until = None
    new.save()
    with time_machine.travel("2026-06-30 23:00:00-05:00", tick=False):
        before = html(ask(client, doc_id="7000001", method="online"))
    with time_machine.travel("2026-07-01 00:30:00-05:00", tick=False):
        after = html(ask(client, doc_id="7000001", method="online-2026"))
        stale = ask(client, doc_id="7000001", method="online")
    assert "Go to the Access Corrections website" in before
    assert "Go to the JPay website" in after
    assert "In force since July 1, 2026." in after
    assert stale.status_code == 400


def test_a_fee_staff_record_is_shown(sample_person, client):
    DepositMethod.objects.filter(key="online").update(fee="$2.95 per deposit")
    body = html(ask(client, doc_id="7000001", method="online"))
    assert "$2.95 per deposit" in body


def test_with_no_ways_on_record_the_page_says_so(missouri, client):
    DepositMethod.objects.all().delete()
    response = client.get(INDEX)
    assert response.status_code == 200
    assert "We have no ways to add money on record today." in html(response)


# ---------- bad input: a clear message and a 4xx, never a 500 ----------


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"doc_id": "99999999", "method": "mail"}, "We cannot find DOC ID 99999999."),
        ({"doc_id": "-5", "method": "mail"}, "We cannot find DOC ID 5."),
        ({"doc_id": "12ab", "method": "mail"}, "A DOC ID has digits only"),
        ({"doc_id": "9" * 40, "method": "mail"}, "at most 32 characters"),
        ({"doc_id": "7000001\x00", "method": "mail"}, "Null characters are not allowed."),
        (
            {"name": "   ", "facility": "algoa-correctional-center", "method": "mail"},
            "Enter their DOC ID, or their full name.",
        ),
        (
            {"name": "A" * 5000, "facility": "algoa-correctional-center", "method": "mail"},
            "at most 200 characters",
        ),
        ({"name": "Bo Lee", "method": "mail"}, "Choose the facility they are in."),
        ({"name": "Bo Lee", "facility": "nowhere", "method": "mail"}, "Select a valid choice."),
        ({"doc_id": "7000001"}, "Choose how you want to add money."),
        ({"doc_id": "7000001", "method": "x" * 5000}, "Choose one of the ways listed."),
        ({"doc_id": "7000001", "method": "mail\x00"}, "Choose one of the ways listed."),
        ({}, "Enter their DOC ID, or their full name."),
    ],
)
@pytest.mark.parametrize("url", [CHECKLIST, PRINT])
def test_bad_input_gets_a_clear_message_and_a_400(
    sample_person, client, url, params, message, django_assert_max_num_queries
):
    with django_assert_max_num_queries(6):
        response = client.get(url, {"go": "1", **params})
    body = html(response)
    assert response.status_code == 400
    assert "There is a problem" in body
    assert escape(message) in body
    assert "x" * 100 not in body


def test_an_unsubmitted_checklist_asks_the_questions(missouri, client):
    response = client.get(CHECKLIST, {"doc_id": "7000001"})
    assert response.status_code == 200
    assert "There is a problem" not in html(response)
    assert "Who is the money for?" in html(response)


def test_money_pages_only_answer_get(missouri, client):
    assert client.post(INDEX).status_code == 405
    assert client.post(CHECKLIST).status_code == 405


# ---------- print view ----------


def test_print_view_has_the_checklist_and_money_order(
    sample_person, client, django_assert_max_num_queries
):
    with django_assert_max_num_queries(6):
        response = client.get(PRINT, {"go": "1", "doc_id": "7000001", "method": "mail"})
    body = html(response)
    assert response.status_code == 200
    assert "Add money for Ana García, by mail" in body
    assert '<ul class="checklist funds-steps">' in body
    assert "funds-mo__paper" in body
    assert "<form" not in body
    assert "Last reviewed September 28, 2025." in body


def test_the_answer_links_to_its_print_view_from_clean_values_only(sample_person, client):
    body = html(ask(client, doc_id="7000001", method="mail", extra="<b>"))
    assert 'href="/money/checklist/print/?go=1&amp;doc_id=7000001&amp;method=mail"' in body
    assert "extra" not in body


def test_nothing_a_family_types_is_stored(missouri, client):
    before = Inmate.objects.count()
    ask(client, name="Bo Lee", facility="algoa-correctional-center", method="mail")
    assert Inmate.objects.count() == before


@pytest.mark.parametrize(
    "query",
    [
        {"doc_id": "\x00"},
        {"doc_id": "12ab"},
        {"facility": "no such place"},
        {"facility": "<script>"},
        {"name": "x" * 5000},
        {"method": "\x00"},
    ],
)
def test_odd_links_to_the_money_page_still_show_it(missouri, client, query):
    response = client.get(INDEX, query)
    body = html(response)
    assert response.status_code == 200
    assert "<script>" not in body
    assert "Get the checklist: by mail" in body
    assert 'href="/money/checklist/?method=mail"' in body


def test_a_very_long_doc_id_in_a_link_still_shows_the_page(missouri, client):
    assert client.get(INDEX, {"doc_id": "9" * 5000}).status_code == 200


def test_answers_are_never_kept_by_a_shared_cache(sample_person, client):
    response = ask(client, doc_id="7000001", method="mail")
    assert "private" in response["Cache-Control"]
