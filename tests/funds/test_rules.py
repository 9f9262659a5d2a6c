"""The money guide's decisions, on unsaved rule rows with the clock frozen."""

from datetime import date

import pytest
import time_machine
from django.core.exceptions import ValidationError

from funds import rules
from funds.models import Channel
from funds.rules import BLANK, NO, WARN, YES, Recipient
from tests.funds.helpers import ADDRESS, electronic_method, mail_method

ANA = Recipient(
    name="Ana García", doc_id="7000001", facility_name="Algoa Correctional Center", from_record=True
)
BO_BY_NAME = Recipient(name="Bo Lee", facility_name="Jefferson City Correctional Center")
RELEASED = Recipient(name="Cy Young", doc_id="7000002", from_record=True)


@pytest.fixture(autouse=True)
def frozen_clock():
    with time_machine.travel("2026-03-10 12:00:00-06:00", tick=False):
        yield


def keys(steps):
    return [step.key for step in steps]


def step(steps, key):
    return next(s for s in steps if s.key == key)


# ---------- by mail ----------


def test_mail_checklist_walks_from_slip_to_envelope_in_order():
    steps = rules.checklist(mail_method(), ANA)
    assert keys(steps) == ["slip", "money-order", "payee", "memo", "pen", "envelope", "address"]


def test_the_deposit_slip_comes_from_the_person_because_it_is_not_online():
    slip = step(rules.checklist(mail_method(), ANA), "slip")
    assert "Ask Ana García to mail you a deposit slip" in slip.text
    assert "not online" in slip.text
    assert slip.href == ""


def test_a_slip_staff_put_online_becomes_a_link():
    method = mail_method(deposit_slip_url="https://doc.mo.gov/slip.pdf")
    slip = step(rules.checklist(method, ANA), "slip")
    assert slip.href == "https://doc.mo.gov/slip.pdf"
    assert "not online" not in slip.text


def test_the_money_order_comes_from_the_us_postal_service():
    assert "US Postal Service" in step(rules.checklist(mail_method(), ANA), "money-order").text


def test_the_payee_is_copied_word_for_word():
    payee = step(rules.checklist(mail_method(), ANA), "payee")
    assert payee.copy == "Missouri Department of Corrections"


def test_the_memo_holds_the_persons_name_and_doc_id():
    assert rules.memo_text(mail_method(), ANA) == "Ana García, 7000001"
    assert step(rules.checklist(mail_method(), ANA), "memo").copy == "Ana García, 7000001"


def test_the_memo_leaves_a_line_to_write_a_missing_doc_id_on():
    assert rules.memo_text(mail_method(), BO_BY_NAME) == f"Bo Lee, {BLANK}"


def test_the_memo_follows_what_staff_ticked():
    assert rules.memo_text(mail_method(memo_name=False), ANA) == "7000001"
    method = mail_method(memo_name=False, memo_doc_id=False)
    assert rules.memo_text(method, ANA) == ""
    assert "memo" not in keys(rules.checklist(method, ANA))


def test_the_deposit_slip_is_filled_in_blue_or_black_pen():
    pen = step(rules.checklist(mail_method(), ANA), "pen")
    assert pen.text == "Fill in the deposit slip in blue or black pen."


def test_nothing_else_goes_in_the_envelope():
    envelope = step(rules.checklist(mail_method(), ANA), "envelope")
    assert "Put nothing else in it." in envelope.text
    relaxed = step(rules.checklist(mail_method(mail_nothing_else=False), ANA), "envelope")
    assert "nothing else" not in relaxed.text


def test_the_envelope_goes_to_the_offender_finance_office_line_by_line():
    assert step(rules.checklist(mail_method(), ANA), "address").lines == ADDRESS


def test_address_lines_ignore_blank_lines_and_stray_spaces():
    method = mail_method(mail_to="  Offender Finance Office \n\n P.O. Box 1609\r\n")
    assert method.address_lines == ["Offender Finance Office", "P.O. Box 1609"]


# ---------- electronically ----------


@pytest.mark.parametrize("channel", [Channel.PHONE, Channel.ONLINE])
def test_electronic_checklist_fills_in_the_three_things_you_need(channel):
    steps = rules.checklist(electronic_method(channel), ANA)
    assert step(steps, "name").copy == "Ana García"
    assert step(steps, "doc-id").copy == "7000001"
    assert step(steps, "facility").copy == "Algoa Correctional Center"
    assert "Visa or MasterCard, debit or credit" in step(steps, "card").text


def test_by_phone_you_call_the_provider():
    contact = step(rules.checklist(electronic_method(Channel.PHONE), ANA), "contact")
    assert contact.text == "Call Access Corrections:"
    assert contact.link_text == "866-345-1884"
    assert contact.href == "tel:+18663451884"


def test_online_you_go_to_the_providers_website():
    contact = step(rules.checklist(electronic_method(Channel.ONLINE), ANA), "contact")
    assert contact.text == "Go to the Access Corrections website:"
    assert contact.href == "https://www.accesscorrections.com/"


def test_a_new_provider_in_the_data_is_the_one_families_are_sent_to():
    method = electronic_method(
        Channel.PHONE, provider_name="JPay", provider_phone="800-555-0100", accepted_cards="Visa"
    )
    steps = rules.checklist(method, ANA)
    assert step(steps, "contact").text == "Call JPay:"
    assert step(steps, "contact").link_text == "800-555-0100"
    assert "Visa." in step(steps, "card").text
    assert "JPay" in rules.how_to_pay(method)


def test_electronic_steps_leave_a_line_for_a_missing_doc_id():
    steps = rules.checklist(electronic_method(), BO_BY_NAME)
    assert step(steps, "doc-id").copy == BLANK
    assert step(steps, "facility").copy == "Jefferson City Correctional Center"


# ---------- the verdict ----------


@pytest.mark.parametrize(
    "method", [mail_method(), electronic_method(Channel.PHONE), electronic_method(Channel.ONLINE)]
)
def test_a_person_held_at_a_facility_gets_a_yes_and_a_checklist(method):
    answer = rules.answer(method, ANA)
    assert answer.kind == YES
    assert answer.verdict.startswith("Yes, you can add money to Ana García's account")
    assert answer.steps
    assert answer.next_step.startswith("Start with step 1:")


def test_only_the_mail_answer_shows_a_money_order():
    assert rules.answer(mail_method(), ANA).show_money_order
    assert not rules.answer(electronic_method(), ANA).show_money_order


@pytest.mark.parametrize("method", [mail_method(), electronic_method()])
def test_a_person_with_no_facility_on_record_is_told_to_find_them_first(method):
    answer = rules.answer(method, RELEASED)
    assert answer.kind == NO
    assert answer.verdict == "Wait: we do not know where Cy Young is held."
    assert "released" in answer.reason
    assert "offender search" in answer.next_step
    assert answer.steps == []


@pytest.mark.parametrize("method", [mail_method(), electronic_method()])
def test_without_a_doc_id_you_are_told_to_find_it_and_still_get_the_checklist(method):
    answer = rules.answer(method, BO_BY_NAME)
    assert answer.kind == WARN
    assert answer.verdict == "Almost: you also need Bo Lee's DOC ID number."
    assert "offender search" in answer.next_step
    assert answer.steps


# ---------- the comparison ----------


def test_no_fee_is_invented_when_none_is_on_record():
    assert rules.fee_text(electronic_method()) == "No fee is on record here. Ask before you pay."


def test_a_fee_staff_recorded_is_shown_as_written():
    assert rules.fee_text(electronic_method(fee="$2.95 per deposit")) == "$2.95 per deposit"


def test_comparison_of_mail():
    method = mail_method()
    assert rules.needs(method) == [
        "A deposit slip the person mails you (it is not online)",
        "A money order from the US Postal Service",
        "A blue or black pen",
        "The person's full name and DOC ID",
    ]
    assert rules.how_to_pay(method) == (
        "A money order payable to “Missouri Department of Corrections”"
    )
    assert rules.where_it_goes(method) == "By post to " + ", ".join(ADDRESS)


def test_comparison_of_electronic_deposits():
    phone = electronic_method(Channel.PHONE)
    assert rules.needs(phone) == [
        "A card: Visa or MasterCard, debit or credit",
        "The person's full name, DOC ID and facility",
    ]
    assert rules.how_to_pay(phone) == "Call Access Corrections at 866-345-1884 and pay by card"
    assert rules.how_to_pay(electronic_method()) == "Pay by card on the Access Corrections website"
    assert rules.where_it_goes(phone) == "Straight to Access Corrections. Nothing goes by mail."


def test_a_method_is_in_force_only_between_its_dates():
    method = electronic_method(effective_from=date(2026, 4, 1), effective_until=date(2026, 12, 31))
    assert not method.in_force_on(date(2026, 3, 31))
    assert method.in_force_on(date(2026, 4, 1))
    assert method.in_force_on(date(2026, 12, 31))
    assert not method.in_force_on(date(2027, 1, 1))


# ---------- what staff may save ----------


@pytest.mark.parametrize(
    ("method", "field"),
    [
        (mail_method(payee=""), "payee"),
        (mail_method(mail_to=" \n "), "mail_to"),
        (electronic_method(Channel.PHONE, provider_name=""), "provider_name"),
        (electronic_method(Channel.PHONE, provider_phone=""), "provider_phone"),
        (electronic_method(Channel.ONLINE, provider_website=""), "provider_website"),
        (
            electronic_method(effective_from=date(2026, 5, 1), effective_until=date(2026, 4, 1)),
            "effective_until",
        ),
    ],
)
def test_a_row_that_would_leave_families_half_an_answer_is_refused(method, field):
    with pytest.raises(ValidationError) as refused:
        method.clean()
    assert field in refused.value.message_dict


def test_missouris_rows_pass_the_checks():
    mail_method().clean()
    electronic_method(Channel.PHONE).clean()
    electronic_method(Channel.ONLINE).clean()
