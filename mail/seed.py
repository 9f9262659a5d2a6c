"""Missouri's mail rules, loaded by `manage.py load_missouri`."""

from datetime import date
from decimal import Decimal

from mail.models import DeliveryMethod, MailDestination, MailItem, MailItemRule, PhotoLimit, SendTo
from portal.models import Agency
from portal.seeding import Seeder

SOURCE = "“Sending Mail to Inmates in Missouri”, Missouri Inmate Phones / Sending Money & Mail"
REVIEWED = date(2025, 9, 28)
DIGITAL_MAIL_START = date(2022, 7, 1)
PUBLICATIONS_BAN = date(2023, 9, 25)

PERSONAL_REASON = "This is personal mail. Send it to the address for personal mail."
FACILITY_REASON = "The facility still takes this kind of mail at its own address."
REFUSED_ITEMS_REASON = (
    "You may never send stamps, paper, envelopes or any other items. Mail with them is refused."
)
COMMISSARY = "The person buys these from the commissary (the prison store)."


def load(seeder: Seeder, agency: Agency) -> None:
    common = {"source": SOURCE, "last_reviewed": REVIEWED}

    destinations = [
        (
            "personal-facility-before-2022",
            {
                "purpose": SendTo.PERSONAL,
                "name": "The facility",
                "uses_facility_address": True,
                "explanation": (
                    "Before July 1, 2022, personal mail went to the facility where the person "
                    "was held."
                ),
                "effective_from": None,
                "effective_until": date(2022, 6, 30),
            },
        ),
        (
            "personal-digital-mail-center",
            {
                "purpose": SendTo.PERSONAL,
                "name": "Digital Mail Center",
                "uses_facility_address": False,
                "recipient_line_format": "{name}, {doc_id}",
                "care_of_line": "C/O Digital Mail Center-Missouri DOC",
                "po_box": "PO Box 25678",
                "city": "Tampa",
                "state": "FL",
                "zip_code": "33622-5678",
                "explanation": (
                    "All personal mail goes to one mail center in Tampa, Florida, not to the "
                    "prison. Staff there scan it and send it on to the person."
                ),
                "effective_from": DIGITAL_MAIL_START,
                "effective_until": None,
            },
        ),
        (
            "facility-own-address",
            {
                "purpose": SendTo.FACILITY,
                "name": "The facility",
                "uses_facility_address": True,
                "explanation": (
                    "The facility still takes legal mail, mail from another government agency, "
                    "certified mail and visitor applications at its own address."
                ),
                "effective_from": None,
                "effective_until": None,
            },
        ),
    ]
    for key, values in destinations:
        seeder.upsert(MailDestination, {"key": key}, {"agency": agency, **values, **common})

    def rule(key, item, position, allowed, send_to, reason, instead="", start=None, end=None):
        seeder.upsert(
            MailItemRule,
            {"key": key},
            {
                "agency": agency,
                "item": item,
                "position": position,
                "allowed": allowed,
                "send_to": send_to,
                "reason": reason,
                "instead": instead,
                "effective_from": start,
                "effective_until": end,
                **common,
            },
        )

    personal = SendTo.PERSONAL
    facility = SendTo.FACILITY
    rule("letter", MailItem.LETTER, 10, True, personal, PERSONAL_REASON)
    rule("card", MailItem.CARD, 20, True, personal, PERSONAL_REASON)
    rule(
        "photo",
        MailItem.PHOTO,
        30,
        True,
        personal,
        "Photos are personal mail: they go to the same address as letters.",
    )
    rule(
        "publication-before-2023",
        MailItem.PUBLICATION,
        40,
        True,
        personal,
        "Before September 25, 2023, you could send books and magazines.",
        end=PUBLICATIONS_BAN.replace(day=24),
    )
    rule(
        "publication-refused-2023",
        MailItem.PUBLICATION,
        40,
        False,
        "",
        "No one may send books, magazines or other publications. "
        "The department says this is to keep drugs and contraband out.",
        "The person buys books and magazines directly, themselves.",
        start=PUBLICATIONS_BAN,
    )
    rule(
        "legal",
        MailItem.LEGAL,
        50,
        True,
        facility,
        "Legal mail still goes to the facility's own address, not to the mail center.",
    )
    rule(
        "government",
        MailItem.GOVERNMENT,
        60,
        True,
        facility,
        "Mail from another government agency still goes to the facility's own address.",
    )
    rule(
        "certified",
        MailItem.CERTIFIED,
        70,
        True,
        facility,
        "Certified mail still goes to the facility's own address, not to the mail center.",
    )
    rule(
        "visitor-application",
        MailItem.VISITOR_APPLICATION,
        80,
        True,
        facility,
        "Visitor applications still go to the facility's own address.",
    )
    rule(
        "stamps-paper",
        MailItem.STAMPS_PAPER,
        90,
        False,
        "",
        REFUSED_ITEMS_REASON,
        COMMISSARY,
    )
    rule(
        "other-items",
        MailItem.OTHER_ITEMS,
        100,
        False,
        "",
        REFUSED_ITEMS_REASON,
        "The person buys what they need from the commissary (the prison store). "
        "You can add money to their account for it.",
    )

    seeder.upsert(
        PhotoLimit,
        {"key": "photo-4x6"},
        {
            "agency": agency,
            "short_side": Decimal("4.00"),
            "long_side": Decimal("6.00"),
            "content_rule": "No nudity.",
            **common,
        },
    )

    deliveries = [
        (
            "tablet",
            10,
            "Scanned to their tablet",
            "Most people read their mail as a scan on their tablet (media player).",
        ),
        (
            "printout",
            20,
            "Printed on paper",
            "A person who has no tablet or other electronic device gets a printed copy.",
        ),
    ]
    for key, position, name, description in deliveries:
        seeder.upsert(
            DeliveryMethod,
            {"key": key},
            {
                "agency": agency,
                "position": position,
                "name": name,
                "description": description,
                "effective_from": DIGITAL_MAIL_START,
                **common,
            },
        )
