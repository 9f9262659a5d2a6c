"""Mistakes are refused with a clear message; suspicious values are saved with a warning."""

from datetime import date, time
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from portal.models import Facility
from tests.admin.conftest import form_data


def rule(facility, **values):
    from tests.admin.testapp.models import SampleRule

    defaults = {"facility": facility, "kind": "weekday", "price": Decimal("0")}
    return SampleRule(**{**defaults, **values})


@pytest.fixture
def acc(missouri):
    return Facility.objects.get(code="ACC")


@pytest.mark.parametrize(
    ("existing", "new"),
    [
        ((None, None), (date(2027, 1, 1), None)),
        ((date(2026, 1, 1), date(2026, 12, 31)), (date(2026, 12, 31), None)),
        ((date(2026, 6, 1), None), (None, date(2026, 6, 1))),
        ((date(2026, 1, 1), date(2026, 3, 1)), (date(2026, 2, 1), date(2026, 2, 2))),
    ],
)
def test_overlapping_periods_of_the_same_rule_are_refused(sample_rules, acc, existing, new):
    rule(acc, effective_from=existing[0], effective_until=existing[1]).save()
    with pytest.raises(ValidationError, match="These dates overlap"):
        rule(acc, effective_from=new[0], effective_until=new[1]).full_clean()


def test_a_rule_that_starts_the_day_after_the_old_one_ends_is_fine(sample_rules, acc):
    rule(acc, effective_until=date(2026, 12, 31)).save()
    rule(acc, effective_from=date(2027, 1, 1)).full_clean()


def test_a_different_rule_may_overlap(sample_rules, acc, missouri):
    rule(acc).save()
    rule(acc, kind="weekend").full_clean()
    rule(Facility.objects.get(code="JCCC")).full_clean()


def test_saving_a_rule_again_does_not_overlap_itself(sample_rules, acc):
    saved = rule(acc)
    saved.save()
    saved.full_clean()


def test_a_session_that_ends_before_it_starts_is_refused(sample_rules, acc):
    with pytest.raises(ValidationError) as error:
        rule(acc, starts_at=time(14), ends_at=time(9)).full_clean()
    assert "must be after" in str(error.value.message_dict["ends_at"])


def test_a_price_below_zero_is_refused(sample_rules, acc):
    with pytest.raises(ValidationError) as error:
        rule(acc, price=Decimal("-0.01")).full_clean()
    assert "cannot be below zero" in str(error.value.message_dict["price"])


def test_price_fields_are_found_without_being_named():
    from portal.validation import non_negative_field_names
    from tests.admin.testapp.models import SampleRule

    assert non_negative_field_names(SampleRule) == ("price",)
    # Latitude and longitude are numbers that may well be negative.
    assert non_negative_field_names(Facility) == ()


@pytest.mark.parametrize(
    ("starts", "ends", "warned"),
    [(time(8), time(15), 0), (time(5, 30), time(15), 1), (time(20), time(23), 1)],
)
def test_hours_outside_6_to_22_are_warned_about(sample_rules, acc, starts, ends, warned):
    warnings = rule(acc, starts_at=starts, ends_at=ends).admin_warnings()
    assert len(warnings) == warned
    if warned:
        assert "outside the usual 6 a.m. to 10 p.m." in warnings[0]


def test_the_admin_saves_unusual_hours_and_shows_the_warning(sample_rules, acc, admin_client):
    response = admin_client.post(
        "/admin/admin_tests/samplerule/add/",
        {
            "facility": acc.pk,
            "kind": "weekday",
            "price": "0",
            "starts_at": "05:00",
            "ends_at": "09:00",
        },
        follow=True,
    )
    assert response.status_code == 200
    assert sample_rules.objects.count() == 1
    messages = [str(m) for m in response.context["messages"]]
    assert any("outside the usual 6 a.m. to 10 p.m." in m for m in messages)


def test_the_admin_refuses_an_overlap_with_the_message(sample_rules, acc, admin_client):
    rule(acc).save()
    response = admin_client.post(
        "/admin/admin_tests/samplerule/add/",
        {"facility": acc.pk, "kind": "weekday", "price": "0", "effective_from": "2027-01-01"},
    )
    assert response.status_code == 200
    assert "These dates overlap" in response.content.decode()
    assert sample_rules.objects.count() == 1


def test_the_admin_refuses_a_zip_that_is_not_a_zip(editor_client):
    facility = Facility.objects.get(code="ACC")
    url = f"/admin/portal/facility/{facility.pk}/change/"
    data = form_data(editor_client.get(url))
    data["zip_code"] = "6510"
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert "Enter a ZIP code as 5 digits" in response.content.decode()
    facility.refresh_from_db()
    assert facility.zip_code != "6510"


def test_the_admin_refuses_an_alert_that_ends_before_it_starts(editor_client, missouri):
    facility = Facility.objects.get(code="ACC")
    response = editor_client.post(
        "/admin/portal/facilityalert/add/",
        {
            "agency": missouri.pk,
            "facility": facility.pk,
            "kind": "lockdown",
            "title": "Lockdown",
            "message": "No visits today.",
            "starts_at_0": "2026-11-23",
            "starts_at_1": "10:00",
            "ends_at_0": "2026-11-23",
            "ends_at_1": "09:00",
        },
    )
    assert response.status_code == 200
    assert "The end must be after the start." in response.content.decode()
