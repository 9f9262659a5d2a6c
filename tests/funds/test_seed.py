"""Missouri's money facts (F1-F8) as loaded, and staff edits that survive a reload."""

import io
from datetime import date

from django.core.management import call_command

from funds.models import Channel, DepositMethod, Speed
from tests.funds.helpers import ADDRESS


def test_missouri_has_three_ways_to_add_money(missouri):
    methods = DepositMethod.objects.filter(agency=missouri)
    assert [(m.key, m.channel) for m in methods] == [
        ("mail", Channel.MAIL),
        ("phone", Channel.PHONE),
        ("online", Channel.ONLINE),
    ]
    for method in methods:
        assert method.source.startswith("Missouri Inmate Phones/Sending Money & Mail")
        assert method.last_reviewed == date(2025, 9, 28)


def test_by_mail_facts_are_exact(missouri):
    mail = DepositMethod.objects.get(agency=missouri, key="mail")
    assert mail.payee == "Missouri Department of Corrections"
    assert mail.money_order_from == "US Postal Service"
    assert mail.memo_name and mail.memo_doc_id
    assert mail.address_lines == ADDRESS
    assert mail.mail_nothing_else
    assert mail.needs_deposit_slip and mail.deposit_slip_url == ""
    assert mail.pen_colours == "blue or black"
    assert (mail.questions_name, mail.questions_phone) == (
        "Offender Finance Office",
        "573-526-6445",
    )
    assert mail.speed == Speed.BY_POST


def test_electronic_facts_are_exact(missouri):
    for key in ("phone", "online"):
        method = DepositMethod.objects.get(agency=missouri, key=key)
        assert method.provider_name == "Access Corrections"
        assert method.provider_phone == "866-345-1884"
        assert method.accepted_cards == "Visa or MasterCard, debit or credit"
        assert method.needs_name and method.needs_doc_id and method.needs_facility
        assert method.speed == Speed.FASTEST


def test_no_fee_is_recorded_because_none_is_known(missouri):
    assert set(DepositMethod.objects.values_list("fee", flat=True)) == {""}


def test_a_provider_staff_changed_is_kept_when_the_data_is_loaded_again(missouri):
    DepositMethod.objects.filter(key__in=["phone", "online"]).update(
        provider_name="JPay", provider_phone="800-555-0100"
    )
    call_command("load_missouri", stdout=io.StringIO())
    assert set(DepositMethod.objects.values_list("provider_name", flat=True)) == {
        "JPay",
        "",
    }


def test_a_way_staff_deleted_stays_deleted(missouri):
    DepositMethod.objects.filter(key="phone").delete()
    call_command("load_missouri", stdout=io.StringIO())
    assert not DepositMethod.objects.filter(key="phone").exists()
