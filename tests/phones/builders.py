"""Unsaved phone rules for the decision tests: Missouri's, as the seed loads them."""

import re
from decimal import Decimal
from html import unescape

from phones.models import (
    CallKind,
    CallRate,
    CallRule,
    CallRuleKind,
    CallType,
    Payer,
    PhoneProvider,
)


def call_type(kind, payer, cell, landline, account, **extra):
    return CallType(
        key=kind,
        kind=kind,
        payer=payer,
        reaches_cell=cell,
        reaches_landline=landline,
        needs_account=account,
        **extra,
    )


def missouri_call_types():
    return [
        call_type(CallKind.COLLECT, Payer.YOU_BILLED, cell=False, landline=True, account=False),
        call_type(CallKind.PREPAID, Payer.YOU_AHEAD, cell=True, landline=True, account=True),
        call_type(CallKind.DEBIT, Payer.PERSON, cell=True, landline=True, account=True),
    ]


def missouri_rules():
    return [
        CallRule(key="monitored", kind=CallRuleKind.MONITORED, title="Monitored", text="."),
        CallRule(key="call-waiting", kind=CallRuleKind.DROPS_CALL, title="Call waiting", text="."),
        CallRule(
            key="three-way-calling",
            kind=CallRuleKind.DROPS_CALL,
            title="Three-way calling",
            text=".",
        ),
        CallRule(key="segregation", kind=CallRuleKind.LIMITS_CALLS, title="Segregation", text="."),
        CallRule(key="local-number", kind=CallRuleKind.LOCAL_NUMBER, title="Local", text="."),
    ]


def securus(**extra):
    values = {
        "key": "securus",
        "name": "Securus",
        "phone": "1-800-844-6591",
        "website": "https://securustech.net/",
        "account_name": "Advance Connect",
    }
    return PhoneProvider(**(values | extra))


def rate(fee, per_minute, kind=CallKind.PREPAID, facility_id=1, start=None):
    return CallRate(
        facility_id=facility_id,
        call_type=call_type(kind, Payer.YOU_AHEAD, True, True, True),
        fee_per_call=Decimal(fee),
        per_minute=Decimal(per_minute),
        effective_from=start,
    )


def verdict_of(response) -> str:
    html = response.content.decode()
    found = re.search(
        r'<section class="answer[^"]*"[^>]*>\s*<h2 class="answer__verdict"[^>]*>(.*?)</h2>',
        html,
        re.S,
    )
    assert found, "the answer must open with its verdict"
    return " ".join(unescape(found.group(1)).split())


def text_of(response) -> str:
    """The page's words, without tags and with spaces tidied."""
    html = response.content.decode()
    html = re.sub(r"<select.*?</select>", " ", html, flags=re.S)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())
