"""Staff edit the mail rules in the admin; bad rules are stopped with a clear message."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from mail.models import MailDestination, MailItem, MailItemRule, PhotoLimit, SendTo
from portal.models import Agency
from portal.seeding import Seeder


def test_missouri_mail_rules_are_loaded_with_source_and_dates(missouri):
    dmc = MailDestination.objects.get(key="personal-digital-mail-center")
    assert dmc.effective_from == date(2022, 7, 1)
    assert [dmc.care_of_line, dmc.po_box, dmc.city, dmc.state, dmc.zip_code] == [
        "C/O Digital Mail Center-Missouri DOC",
        "PO Box 25678",
        "Tampa",
        "FL",
        "33622-5678",
    ]
    assert dmc.recipient_line_format == "{name}, {doc_id}"
    ban = MailItemRule.objects.get(item=MailItem.PUBLICATION, allowed=False)
    assert ban.effective_from == date(2023, 9, 25)
    limit = PhotoLimit.objects.get()
    assert (limit.short_side, limit.long_side) == (4, 6)
    for model in (MailDestination, MailItemRule, PhotoLimit):
        assert not model.objects.filter(source="").exists()
        assert not model.objects.filter(last_reviewed__isnull=True).exists()


def test_loading_again_keeps_what_staff_changed(missouri):
    MailDestination.objects.filter(key="personal-digital-mail-center").update(po_box="PO Box 1")
    from mail import seed

    seed.load(Seeder(), missouri)
    assert MailDestination.objects.get(key="personal-digital-mail-center").po_box == "PO Box 1"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("{name}, {inmate}", "Use only {name} and {doc_id}"),
        ("{doc_id}", "must include {name}"),
        ("{name", "Check the curly brackets"),
    ],
)
def test_first_line_format_is_checked(missouri, value, message):
    dmc = MailDestination.objects.get(key="personal-digital-mail-center")
    dmc.recipient_line_format = value
    with pytest.raises(ValidationError, match=message):
        dmc.full_clean()


def test_central_address_needs_its_lines(db):
    # An agency of its own, so no address already in force overlaps this one.
    agency = Agency.objects.create(name="Test DOC", short_name="Test", slug="test", state="MO")
    row = MailDestination(agency=agency, key="x", purpose=SendTo.PERSONAL, name="X")
    with pytest.raises(ValidationError) as error:
        row.full_clean()
    assert {"po_box", "city", "state", "zip_code"} <= set(error.value.message_dict)


def test_refused_rule_must_say_what_to_do_instead(missouri):
    rule = MailItemRule(agency=missouri, key="x", item=MailItem.CARD, allowed=False, reason="No.")
    with pytest.raises(ValidationError, match="what to do instead"):
        rule.full_clean()


def test_allowed_rule_must_say_where_it_goes(missouri):
    rule = MailItemRule(agency=missouri, key="x", item=MailItem.CARD, allowed=True, reason="Yes")
    with pytest.raises(ValidationError) as error:
        rule.full_clean()
    assert "send_to" in error.value.message_dict


def test_photo_limit_sides_in_order(missouri):
    limit = PhotoLimit(agency=missouri, key="x", short_side=7, long_side=5, content_rule="x")
    with pytest.raises(ValidationError):
        limit.full_clean()


@pytest.mark.parametrize(
    "name", ["maildestination", "mailitemrule", "photolimit", "deliverymethod"]
)
def test_staff_can_list_search_filter_and_edit_mail_rules(missouri, admin_client, name):
    base = f"/admin/mail/{name}/"
    assert admin_client.get(base).status_code == 200
    assert admin_client.get(base, {"q": "Missouri"}).status_code == 200
    assert admin_client.get(base, {"effective_from__isnull": "True"}).status_code == 200
    assert admin_client.get(base + "add/").status_code == 200
    from django.apps import apps

    row = apps.get_model("mail", name).objects.first()
    assert admin_client.get(f"{base}{row.pk}/change/").status_code == 200
