"""Mail decisions on unsaved rule objects, with the clock frozen."""

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine

from mail import rules
from mail.models import DeliveryMethod, MailDestination, MailItem, MailItemRule, PhotoLimit, SendTo
from portal import clock
from portal.models import Facility

CHICAGO = ZoneInfo("America/Chicago")
DMC_START = date(2022, 7, 1)
BAN = date(2023, 9, 25)


def at(day: date, hour: int = 12):
    return time_machine.travel(
        datetime(day.year, day.month, day.day, hour, tzinfo=CHICAGO), tick=False
    )


def facility(
    code="ACC",
    name="Algoa Correctional Center",
    street="8501 No More Victims Road",
    city="Jefferson City",
    zip_code="65101",
):
    return Facility(code=code, name=name, street=street, city=city, state="MO", zip_code=zip_code)


def destinations():
    return [
        MailDestination(
            key="before",
            purpose=SendTo.PERSONAL,
            name="The facility",
            uses_facility_address=True,
            effective_until=date(2022, 6, 30),
        ),
        MailDestination(
            key="dmc",
            purpose=SendTo.PERSONAL,
            name="Digital Mail Center",
            recipient_line_format="{name}, {doc_id}",
            care_of_line="C/O Digital Mail Center-Missouri DOC",
            po_box="PO Box 25678",
            city="Tampa",
            state="FL",
            zip_code="33622-5678",
            effective_from=DMC_START,
        ),
        MailDestination(
            key="own", purpose=SendTo.FACILITY, name="The facility", uses_facility_address=True
        ),
    ]


def item_rules():
    personal, own = SendTo.PERSONAL, SendTo.FACILITY
    return [
        MailItemRule(
            key="letter", item=MailItem.LETTER, allowed=True, send_to=personal, reason="r"
        ),
        MailItemRule(key="photo", item=MailItem.PHOTO, allowed=True, send_to=personal, reason="r"),
        MailItemRule(
            key="pub-old",
            item=MailItem.PUBLICATION,
            allowed=True,
            send_to=personal,
            reason="r",
            effective_until=date(2023, 9, 24),
        ),
        MailItemRule(
            key="pub-new",
            item=MailItem.PUBLICATION,
            allowed=False,
            send_to="",
            reason="refused",
            instead="The person buys it.",
            effective_from=BAN,
        ),
        MailItemRule(key="legal", item=MailItem.LEGAL, allowed=True, send_to=own, reason="r"),
        MailItemRule(
            key="stamps",
            item=MailItem.STAMPS_PAPER,
            allowed=False,
            send_to="",
            reason="refused",
            instead="The commissary.",
        ),
    ]


def answer(item, day, facility_=None, name="Ana García", doc_id="7000001"):
    return rules.answer_item(
        item, item, item_rules(), destinations(), day, name, doc_id, facility_ or facility()
    )


DMC_LINES = [
    "Ana García, 7000001",
    "C/O Digital Mail Center-Missouri DOC",
    "PO Box 25678",
    "Tampa, FL 33622-5678",
]


def test_letter_today_goes_to_the_digital_mail_center_line_by_line():
    with at(date(2025, 10, 1)):
        result = answer(MailItem.LETTER, clock.today())
    assert result.allowed
    assert result.lines == DMC_LINES


def test_letter_before_july_2022_went_to_the_facility():
    result = answer(MailItem.LETTER, date(2022, 6, 30))
    assert result.lines == [
        "Ana García, 7000001",
        "Algoa Correctional Center",
        "8501 No More Victims Road",
        "Jefferson City, MO 65101",
    ]


def test_letter_from_july_1_2022_goes_to_tampa():
    assert answer(MailItem.LETTER, DMC_START).lines == DMC_LINES


def test_legal_mail_uses_the_facility_street_address_with_name_and_doc_id():
    fulton = facility(
        "FRDC", "Fulton Reception and Diagnostic Center", "1393 State Route O", "Fulton", "65251"
    )
    result = answer(MailItem.LEGAL, date(2025, 10, 1), fulton)
    assert result.allowed
    assert result.lines == [
        "Ana García, 7000001",
        "Fulton Reception and Diagnostic Center",
        "1393 State Route O",
        "Fulton, MO 65251",
    ]


def test_legal_mail_without_a_known_facility_says_to_find_it():
    result = rules.answer_item(
        MailItem.LEGAL,
        "Legal",
        item_rules(),
        destinations(),
        date(2025, 10, 1),
        "Ana",
        "7000001",
        None,
    )
    assert result.lines is None
    assert "facility" in str(result.problem)


@pytest.mark.parametrize(
    ("day", "allowed"),
    [(date(2023, 9, 24), True), (BAN, False), (date(2026, 1, 1), False)],
)
def test_publications_are_refused_from_september_25_2023(day, allowed):
    result = answer(MailItem.PUBLICATION, day)
    assert result.allowed is allowed
    if not allowed:
        assert result.lines is None
        assert result.rule.instead == "The person buys it."


def test_stamps_are_refused_and_point_to_the_commissary():
    result = answer(MailItem.STAMPS_PAPER, date(2025, 10, 1))
    assert not result.allowed
    assert "commissary" in result.rule.instead


def test_kind_with_no_rule_in_force_says_to_call_first():
    result = answer(MailItem.CERTIFIED, date(2025, 10, 1))
    assert result.rule is None and result.problem


def test_missing_doc_id_leaves_a_line_to_fill_in():
    result = answer(MailItem.LETTER, date(2025, 10, 1), doc_id="")
    assert result.lines[0] == f"Ana García, {rules.DOC_ID_BLANK}"
    assert rules.answer_mail(
        [(MailItem.LETTER, "A letter")],
        item_rules(),
        destinations(),
        date(2025, 10, 1),
        "Ana",
        "",
        None,
    ).missing_doc_id


def test_recipient_line_follows_the_format_staff_set():
    dmc = destinations()[1]
    dmc.recipient_line_format = "{name} #{doc_id}"
    assert rules.address_block(dmc, "Ana García", "7000001", None)[0] == "Ana García #7000001"


def test_answer_keeps_the_order_given():
    result = rules.answer_mail(
        [(MailItem.LETTER, "A letter"), (MailItem.STAMPS_PAPER, "Stamps")],
        item_rules(),
        destinations(),
        date(2025, 10, 1),
        "Ana",
        "1",
        facility(),
    )
    assert [a.item for a in result.items] == [MailItem.LETTER, MailItem.STAMPS_PAPER]
    assert not result.all_allowed and not result.none_allowed


LIMIT = PhotoLimit(
    key="4x6", short_side=Decimal("4"), long_side=Decimal("6"), content_rule="No nudity."
)


@pytest.mark.parametrize(
    ("width", "height", "fits"),
    [
        ("4", "6", True),
        ("6", "4", True),
        ("3.5", "5", True),
        ("4", "6.5", False),
        ("6.5", "4", False),
        ("5", "7", False),
        ("4.01", "6", False),
        ("6", "6", False),
    ],
)
def test_photo_size_either_way_round(width, height, fits):
    with at(date(2025, 10, 1)):
        verdict = rules.check_photo(Decimal(width), Decimal(height), [LIMIT], clock.today())
    assert verdict.fits is fits
    assert verdict.limit is LIMIT


def test_photo_with_no_limit_in_force_does_not_pass():
    future = PhotoLimit(
        short_side=Decimal("4"), long_side=Decimal("6"), effective_from=date(2030, 1, 1)
    )
    verdict = rules.check_photo(Decimal("1"), Decimal("1"), [future], date(2025, 10, 1))
    assert not verdict.fits and verdict.limit is None


def test_delivery_methods_start_with_digital_mail():
    tablet = DeliveryMethod(key="tablet", name="Tablet", effective_from=DMC_START)
    assert rules.deliveries_on([tablet], date(2022, 6, 30)) == []
    assert rules.deliveries_on([tablet], DMC_START) == [tablet]
