"""Unsaved deposit methods shaped like Missouri's, for the rules tests."""

from funds.models import Channel, DepositMethod, Speed

ADDRESS = [
    "Offender Finance Office",
    "Missouri Department of Corrections",
    "P.O. Box 1609",
    "Jefferson City, MO 65102",
]


def mail_method(**overrides) -> DepositMethod:
    values = {
        "key": "mail",
        "channel": Channel.MAIL,
        "speed": Speed.BY_POST,
        "needs_deposit_slip": True,
        "needs_name": True,
        "needs_doc_id": True,
        "money_order_from": "US Postal Service",
        "payee": "Missouri Department of Corrections",
        "memo_name": True,
        "memo_doc_id": True,
        "pen_colours": "blue or black",
        "mail_to": "\n".join(ADDRESS),
        "mail_nothing_else": True,
        "questions_name": "Offender Finance Office",
        "questions_phone": "573-526-6445",
    }
    return DepositMethod(**{**values, **overrides})


def electronic_method(channel=Channel.ONLINE, **overrides) -> DepositMethod:
    values = {
        "key": str(channel),
        "channel": channel,
        "speed": Speed.FASTEST,
        "provider_name": "Access Corrections",
        "provider_phone": "866-345-1884",
        "provider_website": "https://www.accesscorrections.com/",
        "accepted_cards": "Visa or MasterCard, debit or credit",
        "needs_name": True,
        "needs_doc_id": True,
        "needs_facility": True,
    }
    return DepositMethod(**{**values, **overrides})
