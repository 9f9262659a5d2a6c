"""The in-person visiting decisions, on unsaved rules with time frozen."""

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest
import time_machine

from portal.models import Agency, Facility, FacilityKind
from visits import rules
from visits.models import (
    CarryAllItem,
    EntryKind,
    IdRule,
    VisitingSession,
    VisitorListPolicy,
    Weekday,
    WhoMayCome,
)
from visits.seed_inperson import CARRY_ALL, ID_RULES

CHICAGO = ZoneInfo("America/Chicago")
AGENCY = Agency(pk=1, name="Missouri Department of Corrections", slug="missouri-doc")
pytestmark = pytest.mark.usefixtures("frozen")


@pytest.fixture
def frozen():
    with time_machine.travel(datetime(2026, 11, 23, 12, 0, tzinfo=CHICAGO), tick=False):
        yield


def facility(pk=1, kind=FacilityKind.CORRECTIONAL):
    return Facility(pk=pk, agency=AGENCY, code=f"F{pk}", name=f"Facility {pk}", kind=kind)


_ids = iter(range(1, 10_000))


def session(weekday=None, start=(9, 30), end=(13, 30), **extra):
    values = {"entry": EntryKind.WEEKLY, "who": WhoMayCome.EVERYONE}
    values.update(extra)
    return VisitingSession(
        pk=next(_ids),
        agency=AGENCY,
        weekday=weekday,
        start=time(*start) if start else None,
        end=time(*end) if end else None,
        **values,
    )


def missouri_default():
    rows = []
    for day in (Weekday.FRIDAY, Weekday.SATURDAY, Weekday.SUNDAY):
        rows.append(session(day, (9, 30), (13, 30)))
        rows.append(session(day, (14, 30), (18, 30)))
    for kind in (FacilityKind.RECEPTION_DIAGNOSTIC, FacilityKind.TREATMENT):
        rows.append(session(entry=EntryKind.ASK, facility_kind=kind, start=None, end=None))
    return rows


# ---------- which days have visiting ----------


@pytest.mark.parametrize(
    ("day", "status"),
    [
        (date(2026, 12, 7), rules.NO_VISITING),  # Monday
        (date(2026, 12, 8), rules.NO_VISITING),  # Tuesday
        (date(2026, 12, 9), rules.NO_VISITING),  # Wednesday
        (date(2026, 12, 10), rules.NO_VISITING),  # Thursday
        (date(2026, 12, 11), rules.OPEN),  # Friday
        (date(2026, 12, 12), rules.OPEN),  # Saturday
        (date(2026, 12, 13), rules.OPEN),  # Sunday
    ],
)
def test_missouri_default_is_friday_to_sunday(day, status):
    answer = rules.day_answer(facility(), missouri_default(), day)
    assert answer.status == status
    if status == rules.OPEN:
        assert [(s.start, s.end) for s in answer.sessions] == [
            (time(9, 30), time(13, 30)),
            (time(14, 30), time(18, 30)),
        ]


def test_arrival_is_when_the_first_session_begins():
    answer = rules.day_answer(facility(), missouri_default(), date(2026, 12, 11))
    assert answer.arrive_at == time(9, 30)


def test_sessions_are_listed_in_time_order_whatever_the_row_order():
    rows = list(reversed(missouri_default()))
    answer = rules.day_answer(facility(), rows, date(2026, 12, 12))
    assert [s.start for s in answer.sessions] == [time(9, 30), time(14, 30)]


@pytest.mark.parametrize(
    ("kind", "status"),
    [
        (FacilityKind.CORRECTIONAL, rules.OPEN),
        # The reception, diagnostic and correctional centers follow the default.
        (FacilityKind.RECEPTION_AND_CORRECTIONAL, rules.OPEN),
        (FacilityKind.RECEPTION_DIAGNOSTIC, rules.CALL),
        (FacilityKind.TREATMENT, rules.CALL),
    ],
)
def test_diagnostic_and_treatment_centers_say_call_to_confirm(kind, status):
    answer = rules.day_answer(facility(kind=kind), missouri_default(), date(2026, 12, 11))
    assert answer.status == status


def test_a_treatment_center_with_its_own_sessions_uses_them():
    mtc = facility(pk=9, kind=FacilityKind.TREATMENT)
    rows = missouri_default() + [session(Weekday.WEDNESDAY, (13, 0), (15, 0), facility=mtc)]
    assert rules.day_answer(mtc, rows, date(2026, 12, 9)).status == rules.OPEN
    assert rules.day_answer(mtc, rows, date(2026, 12, 11)).status == rules.NO_VISITING


def test_a_facility_with_its_own_hours_replaces_the_default_only_there():
    own = facility(pk=2)
    rows = missouri_default() + [session(Weekday.SATURDAY, (8, 0), (11, 0), facility=own)]
    assert [s.start for s in rules.day_answer(own, rows, date(2026, 12, 12)).sessions] == [
        time(8, 0)
    ]
    assert rules.day_answer(own, rows, date(2026, 12, 11)).status == rules.NO_VISITING
    other = facility(pk=3)
    assert rules.day_answer(other, rows, date(2026, 12, 11)).status == rules.OPEN


def test_a_closed_date_stops_visiting_and_is_skipped_in_the_next_dates():
    rows = missouri_default() + [
        session(
            entry=EntryKind.CLOSED, date=date(2026, 12, 25), start=None, end=None, note="Holiday"
        )
    ]
    answer = rules.day_answer(facility(), rows, date(2026, 12, 25))
    assert answer.status == rules.CLOSED
    assert answer.closure.note == "Holiday"
    upcoming = rules.next_open_days(facility(), rows, date(2026, 12, 24))
    assert [d.day for d in upcoming] == [date(2026, 12, 26), date(2026, 12, 27), date(2027, 1, 1)]


def test_a_closed_date_at_another_facility_does_not_apply():
    rows = missouri_default() + [
        session(
            entry=EntryKind.CLOSED,
            date=date(2026, 12, 25),
            start=None,
            end=None,
            facility=facility(pk=7),
        )
    ]
    assert rules.day_answer(facility(), rows, date(2026, 12, 25)).status == rules.OPEN


def test_an_extra_date_opens_a_weekday_and_replaces_its_sessions():
    rows = missouri_default() + [
        session(entry=EntryKind.EXTRA, date=date(2026, 12, 23), start=(10, 0), end=(14, 0)),
        session(
            entry=EntryKind.EXTRA,
            date=date(2026, 12, 26),
            start=(9, 30),
            end=(13, 30),
            who=WhoMayCome.IMMEDIATE_FAMILY,
        ),
    ]
    wednesday = rules.day_answer(facility(), rows, date(2026, 12, 23))
    assert wednesday.status == rules.OPEN and wednesday.arrive_at == time(10, 0)
    saturday = rules.day_answer(facility(), rows, date(2026, 12, 26))
    assert len(saturday.sessions) == 1
    assert saturday.sessions[0].who == WhoMayCome.IMMEDIATE_FAMILY


def test_next_three_dates_from_a_monday_are_that_weekend():
    upcoming = rules.next_open_days(facility(), missouri_default(), date(2026, 12, 7))
    assert [d.day for d in upcoming] == [date(2026, 12, 11), date(2026, 12, 12), date(2026, 12, 13)]


def test_no_next_dates_when_the_facility_must_be_called():
    center = facility(kind=FacilityKind.RECEPTION_DIAGNOSTIC)
    assert rules.next_open_days(center, missouri_default(), date(2026, 12, 7)) == []


def test_a_session_ending_before_the_day_no_longer_applies():
    rows = [
        session(Weekday.FRIDAY, effective_until=date(2026, 12, 31)),
        session(Weekday.FRIDAY, (10, 0), (12, 0), effective_from=date(2027, 1, 1)),
    ]
    assert rules.day_answer(facility(), rows, date(2026, 12, 11)).arrive_at == time(9, 30)
    assert rules.day_answer(facility(), rows, date(2027, 1, 8)).arrive_at == time(10, 0)


@pytest.mark.parametrize(
    ("day", "start_utc", "end_utc"),
    [
        # Saturday before daylight saving time ends: CDT, UTC-5.
        (
            date(2026, 10, 31),
            datetime(2026, 10, 31, 14, 30, tzinfo=UTC),
            datetime(2026, 10, 31, 18, 30, tzinfo=UTC),
        ),
        # Sunday it ends (2 a.m.): CST, UTC-6.
        (
            date(2026, 11, 1),
            datetime(2026, 11, 1, 15, 30, tzinfo=UTC),
            datetime(2026, 11, 1, 19, 30, tzinfo=UTC),
        ),
        # Saturday before it begins: CST.
        (
            date(2027, 3, 13),
            datetime(2027, 3, 13, 15, 30, tzinfo=UTC),
            datetime(2027, 3, 13, 19, 30, tzinfo=UTC),
        ),
        # Sunday it begins: CDT.
        (
            date(2027, 3, 14),
            datetime(2027, 3, 14, 14, 30, tzinfo=UTC),
            datetime(2027, 3, 14, 18, 30, tzinfo=UTC),
        ),
    ],
)
def test_sessions_keep_local_hours_across_daylight_saving_weekends(day, start_utc, end_utc):
    answer = rules.day_answer(facility(), missouri_default(), day)
    assert answer.status == rules.OPEN
    start, end = rules.session_moments(day, answer.sessions[0], CHICAGO)
    assert (start, end) == (start_utc, end_utc)
    assert end - start == end_utc - start_utc


def test_weekly_table_lists_all_seven_days_and_coming_changes():
    rows = missouri_default() + [
        session(entry=EntryKind.CLOSED, date=date(2026, 12, 25), start=None, end=None),
        session(entry=EntryKind.CLOSED, date=date(2026, 1, 2), start=None, end=None),
    ]
    hours = rules.weekly_hours(facility(), rows, date(2026, 11, 23))
    assert [r.weekday for r in hours.rows] == list(range(7))
    assert [len(r.sessions) for r in hours.rows] == [0, 0, 0, 0, 2, 2, 2]
    assert [c.date for c in hours.upcoming] == [date(2026, 12, 25)]
    assert not hours.call_to_confirm


def test_facilities_with_the_same_hours_share_a_table():
    rows = missouri_default()
    today = date(2026, 11, 23)
    a = rules.weekly_hours(facility(1), rows, today)
    b = rules.weekly_hours(facility(2, FacilityKind.RECEPTION_AND_CORRECTIONAL), rows, today)
    c = rules.weekly_hours(facility(3, FacilityKind.TREATMENT), rows, today)
    assert a.signature == b.signature != c.signature
    assert c.call_to_confirm


# ---------- ID and who may come ----------


def id_rules():
    return [
        IdRule(
            key=key,
            agency=AGENCY,
            min_age=low,
            max_age=high,
            id_needed=text,
            needs_approved_adult=adult,
        )
        for key, low, high, text, adult in ID_RULES
    ]


@pytest.mark.parametrize(
    ("age", "rule_key", "needs_adult"),
    [
        (0, "under-13", True),
        (12, "under-13", True),
        (13, "age-13-17", True),
        (17, "age-13-17", True),
        (18, "adult", False),
        (90, "adult", False),
    ],
)
def test_id_by_age_at_every_boundary(age, rule_key, needs_adult):
    [answer] = rules.check_visitors([(age, False)], id_rules())
    assert answer.rule.key == rule_key
    assert answer.needs_adult is needs_adult


def test_adult_needs_a_photo_id_and_teen_a_school_or_state_id():
    adult, teen = rules.check_visitors([(18, False), (13, False)], id_rules())
    assert "driver's license" in adult.rule.id_needed
    assert "school photo ID" in teen.rule.id_needed


@pytest.mark.parametrize(
    ("group", "stopped"),
    [
        ([(17, False)], [True]),
        ([(12, False)], [True]),
        ([(17, True)], [False]),  # married to the person
        ([(16, True), (12, False)], [False, True]),  # a married minor is not an escort
        ([(40, False), (12, False), (15, False)], [False, False, False]),
        ([(18, False), (17, False)], [False, False]),
        ([(12, False), (17, False)], [True, True]),
    ],
)
def test_minor_without_an_approved_adult_is_a_clear_stop(group, stopped):
    answers = rules.check_visitors(group, id_rules())
    assert [a.stopped for a in answers] == stopped


def test_an_age_with_no_rule_gets_no_rule():
    assert rules.id_rule_for(5, [IdRule(min_age=18, max_age=None)]) is None


# ---------- infant carry-all ----------


def carry_all_items():
    return [
        CarryAllItem(key=key, agency=AGENCY, name=name, max_quantity=most)
        for key, name, most in CARRY_ALL
    ]


@pytest.mark.parametrize(("diapers", "ok"), [(0, True), (6, True), (7, False), (40, False)])
def test_diapers_limit_is_six(diapers, ok):
    [verdict] = rules.carry_all_verdicts({"diapers": diapers}, carry_all_items())
    assert verdict.ok is ok
    assert verdict.over_by == max(0, diapers - 6)


@pytest.mark.parametrize(("key", "name", "most"), CARRY_ALL)
def test_every_item_passes_at_its_limit_and_fails_one_over(key, name, most):
    at, over = (rules.carry_all_verdicts({key: n}, carry_all_items())[0] for n in (most, most + 1))
    assert at.ok and not over.ok


def test_only_items_filled_in_get_a_verdict():
    verdicts = rules.carry_all_verdicts({"blanket": 1, "bottles": 4}, carry_all_items())
    assert [(v.item.key, v.ok) for v in verdicts] == [("blanket", True), ("bottles", False)]


# ---------- visitor-list eligibility ----------

POLICY = VisitorListPolicy(agency=AGENCY, max_visitors=20, changes_per_year=2)


@pytest.mark.parametrize(
    ("answers", "level", "codes"),
    [
        ({}, rules.YES, []),
        ({"on_other_list": True}, rules.NO, ["one_list"]),
        ({"on_other_list": True, "family_of_both": True}, rules.WARN, ["family_of_both"]),
        ({"family_of_both": True}, rules.YES, []),
        ({"supervised": True}, rules.WARN, ["officer"]),
        ({"married": True}, rules.WARN, ["marriage_license"]),
        (
            {"on_other_list": True, "supervised": True, "married": True},
            rules.NO,
            ["one_list", "officer", "marriage_license"],
        ),
    ],
)
def test_list_eligibility_answers(answers, level, codes):
    values = {
        "on_other_list": False,
        "family_of_both": False,
        "supervised": False,
        "married": False,
    }
    result = rules.list_eligibility(**{**values, **answers}, policy=POLICY)
    assert result.level == level
    assert [f.code for f in result.findings] == codes


def test_an_agency_without_the_one_list_rule_allows_a_second_list():
    policy = VisitorListPolicy(
        agency=AGENCY, max_visitors=20, changes_per_year=2, one_list_only=False
    )
    result = rules.list_eligibility(
        on_other_list=True, family_of_both=False, supervised=False, married=False, policy=policy
    )
    assert result.level == rules.YES


@pytest.mark.parametrize(
    ("day", "problem"),
    [
        (date(2026, 11, 22), rules.TOO_EARLY),
        (date(2026, 11, 23), None),
        (date(2027, 11, 23), None),
        (date(2027, 11, 24), rules.TOO_LATE),
    ],
)
def test_date_problem(day, problem):
    assert rules.date_problem(day, date(2026, 11, 23), 365) == problem
