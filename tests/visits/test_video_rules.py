"""The video-visit decisions, on unsaved rule objects, with the time given."""

from datetime import UTC, date, time, timedelta
from decimal import Decimal

import pytest

from tests.visits.test_video_helpers import (
    CHICAGO,
    chicago,
    eligibility_rules,
    facility,
    missouri_rules,
)
from visits import video_rules
from visits.video_rules import (
    CHECK,
    CHECK_FIRST,
    NOT_OFFERED,
    OK,
    REFUSED,
    SKIPPED,
    STOPS,
    TOO_SOON,
    YES,
)

NOW = chicago(2026, 11, 23, 11, 7, 30)


def plan(start, kind="remote", blocks=1, now=NOW, **rule_changes):
    rules = missouri_rules(**rule_changes)
    return video_rules.plan_visit(rules, kind, start, blocks, now, CHICAGO)


# ---------- booking lead time ----------


@pytest.mark.parametrize(
    ("ahead", "bookable"),
    [
        (timedelta(hours=71, minutes=59), False),
        (timedelta(hours=71, minutes=59, seconds=59), False),
        (timedelta(hours=72), True),
        (timedelta(hours=72, minutes=1), True),
        (timedelta(days=10), True),
        (timedelta(hours=1), False),
    ],
)
def test_a_visit_must_be_booked_at_least_72_hours_ahead(ahead, bookable):
    assert plan(NOW + ahead).bookable is bookable


def test_remote_visit_71_hours_59_minutes_ahead_is_refused_and_72_hours_is_allowed():
    now = chicago(2026, 12, 1, 9, 0)
    assert not plan(chicago(2026, 12, 4, 8, 59), now=now).bookable
    assert plan(chicago(2026, 12, 4, 9, 0), now=now).bookable


def test_the_last_time_to_book_is_72_hours_before_the_start():
    visit = plan(chicago(2026, 12, 10, 10, 0))
    assert visit.book_by == chicago(2026, 12, 7, 10, 0)


def test_a_refused_time_gives_the_earliest_bookable_minute_and_the_same_time_later():
    visit = plan(chicago(2026, 11, 24, 10, 0))
    assert not visit.bookable
    # 72 hours after 11:07:30 rounds up to the next whole minute.
    assert visit.earliest == chicago(2026, 11, 26, 11, 8)
    # 10:00 on Nov 26 is too early; Nov 27 at 10:00 is the first day it works.
    assert visit.same_time_later == chicago(2026, 11, 27, 10, 0)


def test_the_same_time_later_can_be_the_earliest_day_itself():
    visit = plan(chicago(2026, 11, 24, 18, 0))
    assert visit.same_time_later == chicago(2026, 11, 26, 18, 0)


def test_a_lead_time_changed_in_data_is_used():
    start = NOW + timedelta(hours=30)
    assert not plan(start).bookable
    assert plan(start, booking_lead_hours=24).bookable


# ---------- daylight saving time ----------


def test_fall_back_weekend_counts_real_hours_for_the_booking_deadline():
    # Clocks go back at 2 a.m. on Sunday, November 1, 2026: that day has 25 hours.
    visit = plan(chicago(2026, 11, 2, 10, 0), now=chicago(2026, 10, 29, 10, 0))
    assert visit.book_by == chicago(2026, 10, 30, 11, 0)  # CDT, one hour later on the wall
    assert visit.book_by.utcoffset() == timedelta(hours=-5)
    assert visit.start.utcoffset() == timedelta(hours=-6)
    assert visit.cancel_by == chicago(2026, 10, 31, 11, 0)


@pytest.mark.parametrize(
    ("now", "bookable"),
    [
        (chicago(2026, 10, 29, 10, 59), True),
        (chicago(2026, 10, 29, 11, 0), True),
        (chicago(2026, 10, 29, 11, 1), False),
    ],
)
def test_fall_back_weekend_edge_is_72_real_hours(now, bookable):
    assert plan(chicago(2026, 11, 1, 10, 0), now=now).bookable is bookable


def test_spring_forward_weekend_counts_real_hours():
    # Clocks go forward at 2 a.m. on Sunday, March 14, 2027: that day has 23 hours.
    start = chicago(2027, 3, 14, 10, 0)
    assert start.utcoffset() == timedelta(hours=-5)
    visit = plan(start, now=chicago(2027, 3, 11, 9, 0))
    assert visit.book_by == chicago(2027, 3, 11, 9, 0)  # CST, one hour earlier on the wall
    assert visit.bookable
    assert not plan(start, now=chicago(2027, 3, 11, 9, 1)).bookable
    assert visit.cancel_by == chicago(2027, 3, 12, 9, 0)


def test_spring_forward_earliest_time_is_72_real_hours_later():
    visit = plan(chicago(2027, 3, 12, 10, 0), now=chicago(2027, 3, 11, 2, 30))
    # 2:30 a.m. does not exist on March 14: 72 real hours later it is 3:30 a.m. CDT.
    assert visit.earliest == chicago(2027, 3, 14, 3, 30)
    assert visit.earliest.strftime("%H:%M %Z") == "03:30 CDT"


def test_a_visit_that_spans_the_clock_change_lasts_its_real_length():
    start = chicago(2026, 11, 1, 0, 30)
    visit = plan(start, blocks=4, now=chicago(2026, 10, 1, 9, 0))
    # Python subtracts datetimes of one time zone by wall time: compare in UTC.
    assert visit.end.astimezone(UTC) - visit.start.astimezone(UTC) == timedelta(hours=2)
    assert visit.end.strftime("%H:%M %Z") == "01:30 CST"


@pytest.mark.parametrize(
    ("day", "clock", "problem"),
    [
        (date(2027, 3, 14), time(2, 30), video_rules.NO_SUCH_TIME),
        (date(2027, 3, 14), time(2, 0), video_rules.NO_SUCH_TIME),
        (date(2026, 11, 1), time(1, 30), video_rules.TWICE),
        (date(2027, 3, 14), time(3, 0), None),
        (date(2026, 11, 1), time(2, 0), None),
        (date(2026, 11, 1), time(0, 59), None),
    ],
)
def test_times_that_do_not_exist_or_happen_twice_are_caught(day, clock, problem):
    start, found = video_rules.local_start(day, clock, CHICAGO)
    assert found == problem
    assert (start is None) is (problem is not None)


# ---------- cost ----------


@pytest.mark.parametrize(
    ("blocks", "total", "minutes"),
    [(1, Decimal("7.95"), 30), (2, Decimal("15.90"), 60), (4, Decimal("31.80"), 120)],
)
def test_remote_cost_is_blocks_times_price(blocks, total, minutes):
    cost = video_rules.cost(missouri_rules(), "remote", blocks)
    assert cost.total == total
    assert cost.price_per_block == Decimal("7.95")
    assert cost.minutes == minutes
    assert not cost.is_free


def test_onsite_visit_is_one_free_two_hour_block():
    cost = video_rules.cost(missouri_rules(), "onsite", 3)
    assert cost.blocks == 1
    assert cost.total == Decimal("0.00")
    assert cost.is_free
    assert cost.minutes == 120


@pytest.mark.parametrize(
    ("price", "blocks", "total"),
    [(Decimal("8.50"), 2, Decimal("17.00")), (Decimal("9.99"), 4, Decimal("39.96"))],
)
def test_a_price_changed_in_data_changes_the_cost(price, blocks, total):
    rules = missouri_rules(remote_price_per_block=price)
    assert video_rules.cost(rules, "remote", blocks).total == total


def test_money_shows_cents():
    assert video_rules.money(Decimal("7.95")) == "7.95"
    assert video_rules.money(Decimal("17")) == "17.00"
    assert video_rules.money(Decimal("1234.5")) == "1,234.50"


# ---------- cancel deadline, log-in and end ----------


@pytest.mark.parametrize(
    ("start", "cancel_by"),
    [
        (chicago(2026, 12, 10, 10, 0), chicago(2026, 12, 8, 10, 0)),
        (chicago(2026, 12, 10, 0, 30), chicago(2026, 12, 8, 0, 30)),
        (chicago(2027, 1, 1, 9, 0), chicago(2026, 12, 30, 9, 0)),
    ],
)
def test_cancel_for_credit_deadline_is_48_hours_before(start, cancel_by):
    assert plan(start).cancel_by == cancel_by


def test_a_free_visit_has_no_cancel_for_credit_deadline():
    assert plan(chicago(2026, 12, 10, 10, 0), kind="onsite").cancel_by is None


@pytest.mark.parametrize(
    ("start", "visitor", "person"),
    [
        ((2026, 12, 10, 10, 0), (2026, 12, 10, 9, 59), (2026, 12, 10, 9, 58)),
        ((2026, 12, 11, 0, 0), (2026, 12, 10, 23, 59), (2026, 12, 10, 23, 58)),
        ((2026, 12, 10, 14, 30), (2026, 12, 10, 14, 29), (2026, 12, 10, 14, 28)),
    ],
)
def test_visitor_logs_in_1_minute_early_and_the_person_2_minutes(start, visitor, person):
    visit = plan(chicago(*start))
    assert visit.visitor_login == chicago(*visitor)
    assert visit.person_login == chicago(*person)


def test_log_in_minutes_changed_in_data_are_used():
    visit = plan(chicago(2026, 12, 10, 10, 0), visitor_early_login_minutes=5)
    assert visit.visitor_login == chicago(2026, 12, 10, 9, 55)


@pytest.mark.parametrize(
    ("kind", "blocks", "end"),
    [
        ("remote", 1, chicago(2026, 12, 10, 10, 30)),
        ("remote", 3, chicago(2026, 12, 10, 11, 30)),
        ("onsite", 1, chicago(2026, 12, 10, 12, 0)),
    ],
)
def test_the_visit_ends_after_its_blocks(kind, blocks, end):
    assert plan(chicago(2026, 12, 10, 10, 0), kind=kind, blocks=blocks).end == end


def test_time_left_is_shown_in_hours_and_minutes():
    visit = plan(NOW + timedelta(hours=71, minutes=59))
    assert (visit.hours_left, visit.minutes_left_over) == (71, 59)


# ---------- planning window ----------


@pytest.mark.parametrize(
    ("start", "problem"),
    [
        (NOW - timedelta(minutes=1), video_rules.PAST),
        (NOW, video_rules.PAST),
        (NOW + timedelta(minutes=1), None),
        (NOW + timedelta(days=365), None),
        (NOW + timedelta(days=366), video_rules.TOO_FAR),
    ],
)
def test_only_times_within_the_next_year_can_be_planned(start, problem):
    assert video_rules.start_problem(start, NOW, 365) == problem


# ---------- where it is offered ----------


@pytest.mark.parametrize(
    ("onsite", "remote", "kind", "offered"),
    [
        (True, True, "remote", True),
        (True, True, "onsite", True),
        (False, False, "remote", False),
        (False, False, "onsite", False),
        (True, False, "remote", False),
        (True, False, "onsite", True),
    ],
)
def test_a_facility_offers_only_the_kinds_it_is_marked_for(onsite, remote, kind, offered):
    assert video_rules.offers(facility(onsite, remote), kind) is offered


def test_no_facility_offers_nothing():
    assert not video_rules.offers(None, "remote")


# ---------- eligibility ----------


def outcomes(answers, kind="remote"):
    findings = video_rules.check_eligibility(eligibility_rules(), answers, kind)
    return {f.rule.key: f.outcome for f in findings}


ALL_CLEAR = {"on-visitor-list": "yes", "attorney-visit": "no", "child-taking-part": "no"}


def test_all_clear_answers_stop_nothing():
    found = outcomes(ALL_CLEAR)
    assert found["on-visitor-list"] == OK
    assert found["attorney-visit"] == OK
    assert found["child-sexual-offense"] == SKIPPED


@pytest.mark.parametrize(
    ("changes", "key", "outcome"),
    [
        ({"on-visitor-list": "no"}, "on-visitor-list", STOPS),
        ({"on-visitor-list": "not_sure"}, "on-visitor-list", CHECK),
        ({"attorney-visit": "yes"}, "attorney-visit", STOPS),
        ({"attorney-visit": "not_sure"}, "attorney-visit", CHECK),
        (
            {"child-taking-part": "yes", "child-sexual-offense": "yes"},
            "child-sexual-offense",
            STOPS,
        ),
        (
            {"child-taking-part": "yes", "child-sexual-offense": "no"},
            "child-sexual-offense",
            OK,
        ),
        (
            {"child-taking-part": "yes", "child-sexual-offense": "not_sure"},
            "child-sexual-offense",
            CHECK,
        ),
        (
            {"child-taking-part": "not_sure", "child-sexual-offense": "yes"},
            "child-sexual-offense",
            STOPS,
        ),
        (
            {"child-taking-part": "no", "child-sexual-offense": "yes"},
            "child-sexual-offense",
            SKIPPED,
        ),
    ],
)
def test_eligibility_answers(changes, key, outcome):
    assert outcomes({**ALL_CLEAR, **changes})[key] == outcome


def test_a_rule_for_the_other_kind_is_not_asked_about():
    rules = eligibility_rules()
    rules[0].applies_to = "onsite"
    answers = {**ALL_CLEAR, "on-visitor-list": "no"}
    findings = video_rules.check_eligibility(rules, answers, "remote")
    assert "on-visitor-list" not in {f.rule.key for f in findings}


# ---------- verdict ----------


def finding(outcome):
    return video_rules.Finding(eligibility_rules()[0], "", outcome)


@pytest.mark.parametrize(
    ("offered", "found", "bookable", "expected"),
    [
        (False, [finding(STOPS)], False, NOT_OFFERED),
        (True, [finding(STOPS)], False, REFUSED),
        (True, [finding(CHECK)], False, TOO_SOON),
        (True, [finding(CHECK)], True, CHECK_FIRST),
        (True, [finding(OK)], True, YES),
    ],
)
def test_the_verdict_leads_with_the_most_serious_problem(offered, found, bookable, expected):
    start = NOW + (timedelta(days=5) if bookable else timedelta(hours=5))
    assert video_rules.verdict(offered, found, plan(start)) == expected
