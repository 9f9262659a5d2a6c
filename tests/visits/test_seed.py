"""Missouri's in-person rules as loaded by `manage.py load_missouri`."""

import io
from datetime import time

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from visits.models import (
    CarryAllItem,
    EntryKind,
    IdRule,
    VisitingSession,
    VisitorListPolicy,
    VisitRule,
)


def test_default_sessions_are_friday_to_sunday_twice_a_day(missouri):
    weekly = VisitingSession.objects.filter(entry=EntryKind.WEEKLY, facility__isnull=True)
    assert sorted(weekly.values_list("weekday", "start", "end")) == [
        (day, start, end)
        for day in (4, 5, 6)
        for start, end in ((time(9, 30), time(13, 30)), (time(14, 30), time(18, 30)))
    ]
    asks = VisitingSession.objects.filter(entry=EntryKind.ASK)
    assert set(asks.values_list("facility_kind", flat=True)) == {
        "reception_diagnostic",
        "treatment",
    }


def test_every_rule_has_a_source_and_review_date(missouri):
    for model in (VisitingSession, VisitorListPolicy, IdRule, CarryAllItem, VisitRule):
        assert model.objects.exists()
        assert not model.objects.filter(source="").exists()
        assert not model.objects.filter(last_reviewed__isnull=True).exists()


def test_list_policy_numbers(missouri):
    policy = VisitorListPolicy.objects.get()
    assert (policy.max_visitors, policy.changes_per_year) == (20, 2)


def test_loading_again_keeps_what_staff_changed(missouri):
    item = CarryAllItem.objects.get(key="missouri-doc-diapers")
    item.max_quantity = 5
    item.save()
    VisitRule.objects.filter(key="missouri-doc-photos").delete()
    call_command("load_missouri", stdout=io.StringIO())
    assert CarryAllItem.objects.get(key="missouri-doc-diapers").max_quantity == 5
    assert not VisitRule.objects.filter(key="missouri-doc-photos").exists()


@pytest.mark.parametrize(
    "values",
    [
        {"entry": EntryKind.WEEKLY, "weekday": None, "start": time(9), "end": time(10)},
        {"entry": EntryKind.WEEKLY, "weekday": 4, "start": time(10), "end": time(9)},
        {"entry": EntryKind.CLOSED, "date": None},
        {"entry": EntryKind.EXTRA, "date": None, "start": time(9), "end": time(10)},
    ],
)
def test_admin_refuses_sessions_that_make_no_sense(missouri, values):
    session = VisitingSession(key="bad", agency=missouri, **values)
    with pytest.raises(ValidationError):
        session.full_clean()
