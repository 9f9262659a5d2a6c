"""Decisions about phone calls, as plain functions of the family's answers and the rules.

Nothing here reads the database: views fetch the rules in force and pass them in,
so each decision can be tested on unsaved records.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from django.db import models
from django.utils.translation import gettext_lazy as _

from phones.models import (
    CallRate,
    CallRule,
    CallRuleKind,
    CallType,
    Payer,
    PhoneKind,
    PhoneProvider,
)
from portal.models import Facility

CENT = Decimal("0.01")


class PhoneChoice(models.TextChoices):
    CELL = "cell", _("A cell phone")
    LANDLINE = "landline", _("A home landline")
    BOTH = "both", _("Both: a cell phone and a home landline")


class PayChoice(models.TextChoices):
    AHEAD = "ahead", _("Pay ahead")
    BILLED = "billed", _("Be billed for each call")


PHONES = {
    PhoneChoice.CELL: (PhoneKind.CELL,),
    PhoneChoice.LANDLINE: (PhoneKind.LANDLINE,),
    PhoneChoice.BOTH: (PhoneKind.CELL, PhoneKind.LANDLINE),
}
PAYER = {PayChoice.AHEAD: Payer.YOU_AHEAD, PayChoice.BILLED: Payer.YOU_BILLED}


class Verdict(StrEnum):
    YES = "yes"  # calls paid your way can ring on every phone you named
    PARTLY = "partly"  # on some of your phones only
    NO = "no"  # on none of your phones


class Reach(StrEnum):
    YES = "yes"  # rings on at least one of your phones, with what you will set up
    NEEDS_ACCOUNT = "needs_account"  # would ring, but only with an account you are not opening
    NO = "no"  # can never ring on any of your phones


@dataclass(frozen=True)
class CallTypeAnswer:
    call_type: CallType
    reaches: tuple[str, ...]  # which of your phones it can ring on (PhoneKind values)
    misses: tuple[str, ...]  # which of your phones it can never ring on
    status: Reach
    in_your_plan: bool  # paid the way you chose

    @property
    def reaches_labels(self) -> list[str]:
        return [PhoneKind(p).label for p in self.reaches]

    @property
    def misses_labels(self) -> list[str]:
        return [PhoneKind(p).label for p in self.misses]


@dataclass(frozen=True)
class PhoneAdvice:
    verdict: Verdict
    phone: str  # a PhoneChoice value
    pay: str  # a PayChoice value
    provider: PhoneProvider | None
    paid_your_way: tuple[CallType, ...]  # every kind of call paid the way you chose
    plan: tuple[CallType, ...]  # paid your way, and can ring on at least one of your phones
    covered: tuple[str, ...]  # your phones the plan reaches
    uncovered: tuple[str, ...]  # your phones the plan can never reach
    open_account: bool  # the plan needs an account with the provider
    instead: tuple[CallType, ...]  # paid by you another way, and reach your uncovered phones
    instead_needs_account: bool
    call_types: tuple[CallTypeAnswer, ...]
    settings_to_turn_off: tuple[CallRule, ...]
    good_to_know: tuple[CallRule, ...]  # monitoring, and when the person may not call
    local_tip: CallRule | None
    facility: Facility | None

    @property
    def covered_labels(self) -> list[str]:
        return [PhoneKind(p).label for p in self.covered]

    @property
    def uncovered_labels(self) -> list[str]:
        return [PhoneKind(p).label for p in self.uncovered]

    @property
    def cell_only(self) -> bool:
        return self.phone == PhoneChoice.CELL

    @property
    def paid_your_way_names(self) -> list[str]:
        return [t.plural_name for t in self.paid_your_way]

    @property
    def plan_names(self) -> list[str]:
        return [t.plural_name for t in self.plan]

    @property
    def instead_names(self) -> list[str]:
        return [t.plural_name for t in self.instead]

    @property
    def account_name(self) -> str:
        return self.provider.account_name if self.provider else ""


def _start(rule) -> date:
    return rule.effective_from or date.min


def latest(rules: Iterable, key=lambda rule: None) -> list:
    """The newest rule in force for each `key` (by first day), keeping the input order.

    Two records may be in force at once when staff add a new version before ending
    the old one; the one that started last wins.
    """
    newest: dict = {}
    for rule in rules:
        group = key(rule)
        if group not in newest or _start(rule) > _start(newest[group]):
            newest[group] = rule
    chosen = set(map(id, newest.values()))
    return [rule for rule in rules if id(rule) in chosen]


def pick_provider(providers: Iterable[PhoneProvider]) -> PhoneProvider | None:
    found = latest(list(providers))
    return found[0] if found else None


def current_call_types(call_types: Iterable[CallType]) -> list[CallType]:
    return latest(list(call_types), key=lambda t: t.kind)


def sources(*groups: Iterable) -> list[tuple[str, date | None]]:
    """Each distinct (source, last reviewed) of the records shown, in first-seen order."""
    found: list[tuple[str, date | None]] = []
    for group in groups:
        for record in group:
            if record is None or not (record.source or record.last_reviewed):
                continue
            pair = (record.source, record.last_reviewed)
            if pair not in found:
                found.append(pair)
    return found


def rules_of_kind(rules: Iterable[CallRule], kind: str) -> list[CallRule]:
    return [rule for rule in rules if rule.kind == kind]


def advise(
    phone: str,
    pay: str,
    call_types: Iterable[CallType],
    rules: Iterable[CallRule],
    provider: PhoneProvider | None,
    facility: Facility | None = None,
) -> PhoneAdvice:
    """Which account to open, and which calls will and will not reach the phones you have.

    `phone` is a PhoneChoice value, `pay` a PayChoice value. `call_types` and `rules`
    are the ones in force.
    """
    phones = PHONES[PhoneChoice(phone)]
    payer = PAYER[PayChoice(pay)]
    call_types = current_call_types(call_types)
    rules = list(rules)

    paid_your_way = tuple(t for t in call_types if t.payer == payer)
    plan = tuple(t for t in paid_your_way if any(t.reaches(p) for p in phones))
    covered = tuple(p for p in phones if any(t.reaches(p) for t in plan))
    uncovered = tuple(p for p in phones if p not in covered)
    open_account = any(t.needs_account for t in plan)

    # For the phones your way of paying cannot reach: the other way you could pay.
    instead = tuple(
        t
        for t in call_types
        if t.payer != Payer.PERSON and t.payer != payer and any(t.reaches(p) for p in uncovered)
    )
    instead_needs_account = any(t.needs_account for t in instead)

    answers = []
    for t in call_types:
        reaches = tuple(p for p in phones if t.reaches(p))
        misses = tuple(p for p in phones if p not in reaches)
        if not reaches:
            status = Reach.NO
        elif t.needs_account and not open_account:
            status = Reach.NEEDS_ACCOUNT
        else:
            status = Reach.YES
        answers.append(CallTypeAnswer(t, reaches, misses, status, t.payer == payer))

    if not uncovered:
        verdict = Verdict.YES
    elif covered:
        verdict = Verdict.PARTLY
    else:
        verdict = Verdict.NO

    local_tips = rules_of_kind(rules, CallRuleKind.LOCAL_NUMBER)
    return PhoneAdvice(
        verdict=verdict,
        phone=phone,
        pay=pay,
        provider=provider,
        paid_your_way=paid_your_way,
        plan=plan,
        covered=covered,
        uncovered=uncovered,
        open_account=open_account,
        instead=instead,
        instead_needs_account=instead_needs_account,
        call_types=tuple(answers),
        settings_to_turn_off=tuple(rules_of_kind(rules, CallRuleKind.DROPS_CALL)),
        good_to_know=tuple(
            rule
            for rule in rules
            if rule.kind in (CallRuleKind.MONITORED, CallRuleKind.LIMITS_CALLS)
        ),
        local_tip=local_tips[0] if local_tips else None,
        facility=facility,
    )


# ---------- cost estimate ----------


@dataclass(frozen=True)
class CostEstimate:
    """The cost of `calls` calls of `minutes` minutes each, at one rate, step by step."""

    rate: CallRate
    calls: int
    minutes: int
    minutes_cost: Decimal  # minutes × rate per minute, for one call
    per_call: Decimal  # fee + minutes_cost
    total: Decimal  # per_call × calls, exact
    rounded_total: Decimal  # to the cent

    @property
    def is_rounded(self) -> bool:
        return self.rounded_total != self.total


def estimate_cost(rate: CallRate, calls: int, minutes: int) -> CostEstimate:
    if calls < 1 or minutes < 1:
        raise ValueError("calls and minutes must be at least 1")
    minutes_cost = rate.per_minute * minutes
    per_call = rate.fee_per_call + minutes_cost
    total = per_call * calls
    return CostEstimate(
        rate=rate,
        calls=calls,
        minutes=minutes,
        minutes_cost=minutes_cost,
        per_call=per_call,
        total=total,
        rounded_total=total.quantize(CENT, rounding=ROUND_HALF_UP),
    )


def current_rates(rates: Iterable[CallRate]) -> list[CallRate]:
    """One rate per kind of call: the newest in force."""
    return latest(list(rates), key=lambda r: (r.facility_id, r.call_type.kind))


def estimate_all(rates: Iterable[CallRate], calls: int, minutes: int) -> list[CostEstimate]:
    return [estimate_cost(rate, calls, minutes) for rate in current_rates(rates)]
