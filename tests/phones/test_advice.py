"""Which account to open and which calls reach you, for every phone and way to pay."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from phones.models import CallKind, CallRuleKind, Payer, PhoneKind
from phones.rules import (
    PayChoice,
    PhoneChoice,
    Reach,
    Verdict,
    advise,
    current_call_types,
    pick_provider,
    sources,
)
from tests.phones.builders import call_type, missouri_call_types, securus

CELL, LANDLINE = PhoneKind.CELL, PhoneKind.LANDLINE
NOON = datetime(2026, 11, 23, 12, 0, tzinfo=ZoneInfo("America/Chicago"))

pytestmark = pytest.mark.usefixtures("frozen_time")


@pytest.fixture
def frozen_time():
    with time_machine.travel(NOON, tick=False):
        yield


def kinds(call_types):
    return [t.kind for t in call_types]


def statuses(advice):
    return {answer.call_type.kind: answer.status for answer in advice.call_types}


# phone, pay -> verdict, kinds in your plan, open an account?, kinds to use instead,
#               status of collect, prepaid and debit calls
EVERY_COMBINATION = [
    (
        PhoneChoice.CELL,
        PayChoice.AHEAD,
        Verdict.YES,
        ["prepaid"],
        True,
        [],
        (Reach.NO, Reach.YES, Reach.YES),
    ),
    (
        PhoneChoice.CELL,
        PayChoice.BILLED,
        Verdict.NO,
        [],
        False,
        ["prepaid"],
        (Reach.NO, Reach.NEEDS_ACCOUNT, Reach.NEEDS_ACCOUNT),
    ),
    (
        PhoneChoice.LANDLINE,
        PayChoice.AHEAD,
        Verdict.YES,
        ["prepaid"],
        True,
        [],
        (Reach.YES, Reach.YES, Reach.YES),
    ),
    (
        PhoneChoice.LANDLINE,
        PayChoice.BILLED,
        Verdict.YES,
        ["collect"],
        False,
        [],
        (Reach.YES, Reach.NEEDS_ACCOUNT, Reach.NEEDS_ACCOUNT),
    ),
    (
        PhoneChoice.BOTH,
        PayChoice.AHEAD,
        Verdict.YES,
        ["prepaid"],
        True,
        [],
        (Reach.YES, Reach.YES, Reach.YES),
    ),
    (
        PhoneChoice.BOTH,
        PayChoice.BILLED,
        Verdict.PARTLY,
        ["collect"],
        False,
        ["prepaid"],
        (Reach.YES, Reach.NEEDS_ACCOUNT, Reach.NEEDS_ACCOUNT),
    ),
]


@pytest.mark.parametrize(
    "phone, pay, verdict, plan, open_account, instead, reach", EVERY_COMBINATION
)
def test_every_phone_and_way_to_pay_gets_the_right_account_advice(
    call_types, rules, provider, phone, pay, verdict, plan, open_account, instead, reach
):
    advice = advise(phone, pay, call_types, rules, provider)

    assert advice.verdict == verdict
    assert kinds(advice.plan) == plan
    assert advice.open_account is open_account
    assert kinds(advice.instead) == instead
    assert advice.instead_needs_account is bool(instead)
    assert statuses(advice) == dict(zip(["collect", "prepaid", "debit"], reach, strict=True))


def test_the_table_covers_every_combination():
    covered = {(phone, pay) for phone, pay, *_rest in EVERY_COMBINATION}
    assert covered == {(phone, pay) for phone in PhoneChoice for pay in PayChoice}


@pytest.mark.parametrize("pay", list(PayChoice))
def test_a_cell_phone_alone_is_never_told_collect_calls_will_work(call_types, rules, provider, pay):
    advice = advise(PhoneChoice.CELL, pay, call_types, rules, provider)

    collect = next(a for a in advice.call_types if a.call_type.kind == CallKind.COLLECT)
    assert collect.status == Reach.NO
    assert collect.reaches == ()
    assert collect.misses == (CELL,)
    assert CallKind.COLLECT not in kinds(advice.plan)
    assert CallKind.COLLECT not in kinds(advice.instead)


def test_cell_phone_and_billed_calls_is_refused_and_points_to_the_prepaid_account(
    call_types, rules, provider
):
    advice = advise(PhoneChoice.CELL, PayChoice.BILLED, call_types, rules, provider)

    assert advice.verdict == Verdict.NO
    assert advice.uncovered == (CELL,)
    assert kinds(advice.paid_your_way) == ["collect"]
    assert advice.instead_needs_account
    assert advice.account_name == "Advance Connect"


def test_both_phones_and_billed_calls_reach_the_landline_only(call_types, rules, provider):
    advice = advise(PhoneChoice.BOTH, PayChoice.BILLED, call_types, rules, provider)

    assert advice.covered == (LANDLINE,)
    assert advice.uncovered == (CELL,)
    collect = next(a for a in advice.call_types if a.call_type.kind == CallKind.COLLECT)
    assert collect.reaches == (LANDLINE,)
    assert collect.misses == (CELL,)


def test_debit_calls_are_paid_by_the_person_and_never_offered_as_your_plan(
    call_types, rules, provider
):
    for phone in PhoneChoice:
        for pay in PayChoice:
            advice = advise(phone, pay, call_types, rules, provider)
            assert CallKind.DEBIT not in kinds(advice.plan)
            assert CallKind.DEBIT not in kinds(advice.instead)


def test_settings_to_turn_off_are_the_rules_that_drop_a_call(call_types, rules, provider):
    advice = advise(PhoneChoice.LANDLINE, PayChoice.BILLED, call_types, rules, provider)

    assert [r.title for r in advice.settings_to_turn_off] == ["Call waiting", "Three-way calling"]
    assert {r.kind for r in advice.good_to_know} == {
        CallRuleKind.MONITORED,
        CallRuleKind.LIMITS_CALLS,
    }


def test_local_number_tip_comes_with_the_facility(call_types, rules, provider, jefferson_city):
    advice = advise(PhoneChoice.CELL, PayChoice.AHEAD, call_types, rules, provider, jefferson_city)

    assert advice.local_tip.kind == CallRuleKind.LOCAL_NUMBER
    assert advice.facility.city == "Jefferson City"


def test_no_local_tip_when_staff_removed_it(call_types, rules, provider):
    rules = [r for r in rules if r.kind != CallRuleKind.LOCAL_NUMBER]
    advice = advise(PhoneChoice.CELL, PayChoice.AHEAD, call_types, rules, provider)
    assert advice.local_tip is None


def test_the_answer_follows_the_data_when_staff_change_which_phones_a_call_reaches(rules, provider):
    # If the provider one day let collect calls ring on cell phones, staff tick one box.
    call_types = missouri_call_types()
    call_types[0].reaches_cell = True

    advice = advise(PhoneChoice.CELL, PayChoice.BILLED, call_types, rules, provider)

    assert advice.verdict == Verdict.YES
    assert kinds(advice.plan) == ["collect"]


def test_no_kind_of_call_paid_your_way_is_a_plain_no(rules, provider):
    only_collect = [call_type(CallKind.COLLECT, Payer.YOU_BILLED, False, True, False)]

    advice = advise(PhoneChoice.CELL, PayChoice.AHEAD, only_collect, rules, provider)

    assert advice.verdict == Verdict.NO
    assert advice.paid_your_way == ()
    assert advice.instead == ()


def test_the_newest_version_of_a_kind_of_call_wins():
    old = call_type(CallKind.COLLECT, Payer.YOU_BILLED, False, True, False)
    new = call_type(
        CallKind.COLLECT, Payer.YOU_BILLED, False, True, True, effective_from=date(2026, 1, 1)
    )
    assert current_call_types([new, old]) == [new]
    assert current_call_types([old, new]) == [new]


def test_the_newest_provider_wins():
    old = securus()
    new = securus(name="NewCo", effective_from=date(2026, 6, 1))
    assert pick_provider([old, new]) is new
    assert pick_provider([]) is None


@pytest.mark.parametrize(
    "phone, pay", [("satellite", PayChoice.AHEAD), (PhoneChoice.CELL, "later")]
)
def test_unknown_answers_are_refused_by_the_rules(call_types, rules, provider, phone, pay):
    with pytest.raises(ValueError):
        advise(phone, pay, call_types, rules, provider)


def test_sources_are_listed_once_each(call_types, rules, provider):
    for record in [provider, *call_types, *rules]:
        record.source, record.last_reviewed = "Guide", date(2025, 9, 28)
    rules[0].source = "Notice"

    assert sources([provider], call_types, rules, [None]) == [
        ("Guide", date(2025, 9, 28)),
        ("Notice", date(2025, 9, 28)),
    ]
