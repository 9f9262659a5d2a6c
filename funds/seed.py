"""Missouri's ways to add money to a person's account, loaded by `manage.py load_missouri`.

Facts F1-F8 of the money section. The source does not date them, so they carry
no effective dates: staff add dates when a rule or provider changes.
"""

from datetime import date

from funds.models import Channel, DepositMethod, Speed
from portal.models import Agency
from portal.seeding import Seeder

SOURCE = "Missouri Inmate Phones/Sending Money & Mail: Sending Money to Inmates in Missouri"
WEBSITE_SOURCE = SOURCE + "; website address from Access Corrections"
REVIEWED = date(2025, 9, 28)

# F4: exactly as it goes on the envelope.
FINANCE_OFFICE_ADDRESS = "\n".join(
    [
        "Offender Finance Office",
        "Missouri Department of Corrections",
        "P.O. Box 1609",
        "Jefferson City, MO 65102",
    ]
)

# F7, F8: the electronic provider, shared by the phone and online rows.
ACCESS_CORRECTIONS = {
    "provider_name": "Access Corrections",
    "provider_phone": "866-345-1884",
    "provider_website": "https://www.accesscorrections.com/",
    "accepted_cards": "Visa or MasterCard, debit or credit",
    "speed": Speed.FASTEST,
    "needs_name": True,
    "needs_doc_id": True,
    "needs_facility": True,
    "source": WEBSITE_SOURCE,
    "last_reviewed": REVIEWED,
}


def load(seeder: Seeder, agency: Agency) -> None:
    """Upsert this app's Missouri rules through `seeder` (see portal.seeding)."""
    seeder.upsert(
        DepositMethod,
        {"agency": agency, "key": "mail"},
        {
            "channel": Channel.MAIL,
            "position": 10,
            "speed": Speed.BY_POST,
            # F2: the slip comes from the person inside; it is not online.
            "needs_deposit_slip": True,
            "deposit_slip_url": "",
            "needs_name": True,
            "needs_doc_id": True,
            "needs_facility": False,
            # F3
            "money_order_from": "US Postal Service",
            "payee": "Missouri Department of Corrections",
            "memo_name": True,
            "memo_doc_id": True,
            # F5
            "pen_colours": "blue or black",
            # F4
            "mail_to": FINANCE_OFFICE_ADDRESS,
            "mail_nothing_else": True,
            # F6
            "questions_name": "Offender Finance Office",
            "questions_phone": "573-526-6445",
            "fee": "",
            "source": SOURCE,
            "last_reviewed": REVIEWED,
        },
    )
    seeder.upsert(
        DepositMethod,
        {"agency": agency, "key": "phone"},
        {"channel": Channel.PHONE, "position": 20, **ACCESS_CORRECTIONS},
    )
    seeder.upsert(
        DepositMethod,
        {"agency": agency, "key": "online"},
        {"channel": Channel.ONLINE, "position": 30, **ACCESS_CORRECTIONS},
    )
