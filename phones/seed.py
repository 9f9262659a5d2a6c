"""Missouri's phone rules, loaded by `manage.py load_missouri`.

No call rates are loaded: the source gives none, so the site shows none until
staff record one in the admin.
"""

from datetime import date

from phones.models import CallKind, CallRule, CallRuleKind, CallType, Payer, PhoneProvider
from portal.models import Agency
from portal.seeding import Seeder

SOURCE = "Missouri Inmate Phones/Sending Money & Mail: Missouri Inmate Phone Calls"
REVIEWED = date(2025, 9, 28)


def _sourced(**values) -> dict:
    return {"source": SOURCE, "last_reviewed": REVIEWED, **values}


def load(seeder: Seeder, agency: Agency) -> None:
    """Upsert this app's Missouri rules through `seeder` (see portal.seeding)."""
    seeder.upsert(
        PhoneProvider,
        {"agency": agency, "key": "securus"},
        _sourced(
            name="Securus",
            phone="1-800-844-6591",
            website="https://securustech.net/",
            account_name="Advance Connect",
        ),
    )

    # Who pays is what each kind of call means; which phones each reaches and the
    # need for an account are from the source.
    call_types = [
        ("collect", CallKind.COLLECT, Payer.YOU_BILLED, False, True, False),
        ("prepaid", CallKind.PREPAID, Payer.YOU_AHEAD, True, True, True),
        ("debit", CallKind.DEBIT, Payer.PERSON, True, True, True),
    ]
    for order, (key, kind, payer, cell, landline, account) in enumerate(call_types, start=1):
        seeder.upsert(
            CallType,
            {"agency": agency, "key": key},
            _sourced(
                kind=kind,
                payer=payer,
                reaches_cell=cell,
                reaches_landline=landline,
                needs_account=account,
                sort_order=order,
            ),
        )

    rules = [
        (
            "they-call-you",
            CallRuleKind.THEY_CALL_YOU,
            "You cannot call them",
            "You cannot call a person in prison. They call you. "
            "It can be a collect call, a debit call or a prepaid call.",
        ),
        (
            "monitored",
            CallRuleKind.MONITORED,
            "Calls are monitored and recorded",
            "Any call may be listened to and recorded.",
        ),
        (
            "call-waiting",
            CallRuleKind.DROPS_CALL,
            "Call waiting",
            "If call waiting is on, the call will drop. Turn it off on the phone "
            "you take calls on.",
        ),
        (
            "three-way-calling",
            CallRuleKind.DROPS_CALL,
            "Three-way calling",
            "If you add another person to the call, the call will drop. Turn off "
            "three-way calling, and do not add anyone to the call.",
        ),
        (
            "restricted-status",
            CallRuleKind.LIMITS_CALLS,
            "Restricted status",
            "People who are not on restricted status can use the phones throughout "
            "the day. A person on restricted status may not be able to.",
        ),
        (
            "segregation",
            CallRuleKind.LIMITS_CALLS,
            "Segregation",
            "A person in segregation can use the phone less than other people.",
        ),
        (
            "fee-and-minutes",
            CallRuleKind.COST,
            "A fee plus a rate per minute",
            "The phone company charges a fee for each call, plus a rate for each minute.",
        ),
        (
            "local-number",
            CallRuleKind.LOCAL_NUMBER,
            "Use a phone number local to the facility",
            "Set up your account with a phone number that is local to the facility. "
            "Then the calls to you are local calls, and they may cost a lot less.",
        ),
    ]
    for order, (key, kind, title, text) in enumerate(rules, start=1):
        seeder.upsert(
            CallRule,
            {"agency": agency, "key": key},
            _sourced(kind=kind, title=title, text=text, sort_order=order),
        )
