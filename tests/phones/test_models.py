"""Staff cannot save a rule that would mislead a family."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from phones.models import CallKind, CallRate, CallType, PhoneKind
from portal.models import Agency, Facility
from tests.phones.builders import securus


def test_a_rate_cannot_be_negative(missouri):
    rate = CallRate(
        facility=Facility.objects.get(code="ACC"),
        call_type=CallType.objects.get(key="prepaid"),
        fee_per_call=Decimal("-0.50"),
        per_minute=Decimal("-0.01"),
    )
    with pytest.raises(ValidationError) as error:
        rate.full_clean()
    assert {"fee_per_call", "per_minute"} <= set(error.value.message_dict)


def test_a_rate_cannot_use_another_agencys_kind_of_call(missouri):
    other = Agency.objects.create(name="Other DOC", short_name="Other", slug="other", state="KS")
    foreign = CallType.objects.create(
        agency=other,
        key="collect",
        kind=CallKind.COLLECT,
        payer="you_billed",
        reaches_cell=False,
        reaches_landline=True,
        needs_account=False,
    )
    rate = CallRate(
        facility=Facility.objects.get(code="ACC"),
        call_type=foreign,
        fee_per_call=Decimal("0.50"),
        per_minute=Decimal("0.10"),
    )
    with pytest.raises(ValidationError) as error:
        rate.full_clean()
    assert "call_type" in error.value.message_dict


def test_a_rule_cannot_end_before_it_starts(missouri):
    provider = securus(
        agency=missouri,
        key="later",
        effective_from=date(2027, 1, 1),
        effective_until=date(2026, 1, 1),
    )
    with pytest.raises(ValidationError) as error:
        provider.full_clean()
    assert "effective_until" in error.value.message_dict


def test_provider_phone_must_be_a_phone_number(missouri):
    with pytest.raises(ValidationError) as error:
        securus(agency=missouri, key="bad", phone="call us").full_clean()
    assert "phone" in error.value.message_dict


def test_asking_about_an_unknown_phone_is_an_error():
    call_type = CallType(reaches_cell=True, reaches_landline=True)
    assert call_type.reaches(PhoneKind.CELL)
    with pytest.raises(ValueError):
        call_type.reaches("pager")


@pytest.mark.parametrize("model", ["phoneprovider", "calltype", "callrule", "callrate"])
def test_staff_can_list_and_add_every_phone_rule_in_the_admin(admin_client, missouri, model):
    assert admin_client.get(f"/admin/phones/{model}/").status_code == 200
    assert admin_client.get(f"/admin/phones/{model}/add/").status_code == 200


def test_staff_can_open_a_seeded_record(admin_client, missouri):
    call_type = CallType.objects.get(key="collect")
    response = admin_client.get(f"/admin/phones/calltype/{call_type.pk}/change/")
    assert response.status_code == 200
    assert "can reach a cell phone" in response.content.decode().lower()
