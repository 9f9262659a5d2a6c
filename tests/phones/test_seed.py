"""Missouri's phone facts as loaded: exact, sourced, dated, and safe to load again."""

import io
from datetime import date

from django.core.management import call_command

from phones.models import CallKind, CallRate, CallRule, CallRuleKind, CallType, Payer, PhoneProvider


def test_provider_is_securus_with_its_account_phone_and_website(missouri):
    provider = PhoneProvider.objects.get(agency=missouri)

    assert provider.name == "Securus"
    assert provider.phone == "1-800-844-6591"
    assert provider.website_label == "securustech.net"
    assert provider.account_name == "Advance Connect"
    assert provider.phone_href == "tel:+18008446591"


def test_collect_calls_never_reach_a_cell_phone(missouri):
    collect = CallType.objects.get(agency=missouri, kind=CallKind.COLLECT)

    assert collect.reaches_cell is False
    assert collect.reaches_landline is True
    assert collect.needs_account is False
    assert collect.payer == Payer.YOU_BILLED


def test_prepaid_and_debit_calls_need_an_account(missouri):
    for kind in (CallKind.PREPAID, CallKind.DEBIT):
        call_type = CallType.objects.get(agency=missouri, kind=kind)
        assert call_type.needs_account is True
        assert call_type.reaches_cell is True


def test_call_rules_cover_every_fact(missouri):
    kinds = {rule.key: rule.kind for rule in CallRule.objects.filter(agency=missouri)}

    assert kinds == {
        "they-call-you": CallRuleKind.THEY_CALL_YOU,
        "monitored": CallRuleKind.MONITORED,
        "call-waiting": CallRuleKind.DROPS_CALL,
        "three-way-calling": CallRuleKind.DROPS_CALL,
        "restricted-status": CallRuleKind.LIMITS_CALLS,
        "segregation": CallRuleKind.LIMITS_CALLS,
        "fee-and-minutes": CallRuleKind.COST,
        "local-number": CallRuleKind.LOCAL_NUMBER,
    }


def test_every_record_has_a_source_and_review_date(missouri):
    for model in (PhoneProvider, CallType, CallRule):
        for record in model.objects.all():
            assert record.source, record
            assert record.last_reviewed == date(2025, 9, 28), record


def test_no_rate_is_invented(missouri):
    assert CallRate.objects.count() == 0


def test_loading_again_keeps_what_staff_changed_and_deleted(missouri):
    PhoneProvider.objects.filter(key="securus").update(phone="1-800-555-0100")
    CallRule.objects.filter(key="segregation").delete()

    call_command("load_missouri", stdout=io.StringIO())

    assert PhoneProvider.objects.get(key="securus").phone == "1-800-555-0100"
    assert not CallRule.objects.filter(key="segregation").exists()
    assert CallType.objects.count() == 3
