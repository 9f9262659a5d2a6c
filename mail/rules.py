"""Mail decisions as plain functions over rule objects (saved or not).

Callers pass the rules in force (or a wider list and a day); nothing here reads
the database or the clock, so every answer can be tested for any date.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from mail.models import DeliveryMethod, MailDestination, MailItemRule, PhotoLimit, SendTo
from portal.models import Facility

# Shown on the first line when the family has not given a DOC ID: a gap to fill in.
DOC_ID_BLANK = "__________"


def in_force[T](rules: Iterable[T], day: date) -> list[T]:
    return [rule for rule in rules if rule.in_force_on(day)]


def destination_for(
    send_to: str, destinations: Iterable[MailDestination], day: date
) -> MailDestination | None:
    """The address in force on `day` for personal mail or for facility mail."""
    for destination in in_force(destinations, day):
        if destination.purpose == send_to:
            return destination
    return None


def rule_for(item: str, rules: Iterable[MailItemRule], day: date) -> MailItemRule | None:
    for rule in in_force(rules, day):
        if rule.item == item:
            return rule
    return None


def address_block(
    destination: MailDestination, name: str, doc_id: str, facility: Facility | None
) -> list[str] | None:
    """The address to write, line by line; None when it needs a facility we do not know."""
    street = destination.street_lines(facility)
    if street is None:
        return None
    return [destination.recipient_line(name, doc_id or DOC_ID_BLANK), *street]


@dataclass
class ItemAnswer:
    item: str
    label: str
    rule: MailItemRule | None
    destination: MailDestination | None = None
    lines: list[str] | None = None
    problem: str = ""

    @property
    def allowed(self) -> bool:
        return bool(self.rule and self.rule.allowed)


def answer_item(
    item: str,
    label: str,
    rules: Iterable[MailItemRule],
    destinations: Iterable[MailDestination],
    day: date,
    name: str,
    doc_id: str,
    facility: Facility | None,
) -> ItemAnswer:
    """Allowed or not, why, and the exact address block (or what to do instead)."""
    rule = rule_for(item, rules, day)
    answer = ItemAnswer(item=item, label=label, rule=rule)
    if rule is None:
        answer.problem = _(
            "We have no rule for this on this date. Call the facility and ask before you send it."
        )
        return answer
    if not rule.allowed:
        return answer
    answer.destination = destination_for(rule.send_to, destinations, day)
    if answer.destination is None:
        answer.problem = _("We have no address for this on this date. Call the facility and ask.")
        return answer
    answer.lines = address_block(answer.destination, name, doc_id, facility)
    if answer.lines is None:
        answer.problem = _(
            "This goes to the facility where the person is held, and we do not know which one "
            "that is. Find the person first, or choose their facility."
        )
    return answer


@dataclass
class MailAnswer:
    items: list[ItemAnswer] = field(default_factory=list)
    missing_doc_id: bool = False

    @property
    def all_allowed(self) -> bool:
        return all(answer.allowed for answer in self.items)

    @property
    def none_allowed(self) -> bool:
        return not any(answer.allowed for answer in self.items)


def answer_mail(
    items: list[tuple[str, str]],
    rules: Iterable[MailItemRule],
    destinations: Iterable[MailDestination],
    day: date,
    name: str,
    doc_id: str,
    facility: Facility | None,
) -> MailAnswer:
    """One answer for each (item, label) the family chose, in the order given."""
    rules, destinations = list(rules), list(destinations)
    return MailAnswer(
        items=[
            answer_item(item, label, rules, destinations, day, name, doc_id, facility)
            for item, label in items
        ],
        missing_doc_id=not doc_id,
    )


@dataclass
class PhotoVerdict:
    fits: bool
    limit: PhotoLimit | None


def check_photo(width: Decimal, height: Decimal, limits: Iterable[PhotoLimit], day: date):
    """Does a width x height photo fit the limit in force, turned either way round?"""
    current = in_force(limits, day)
    limit = current[0] if current else None
    if limit is None:
        return PhotoVerdict(fits=False, limit=None)
    short, long = sorted((width, height))
    return PhotoVerdict(fits=short <= limit.short_side and long <= limit.long_side, limit=limit)


def personal_mail_summary(destinations: Iterable[MailDestination], day: date):
    """The personal-mail address in force on `day` (for the guide page)."""
    return destination_for(SendTo.PERSONAL, destinations, day)


def deliveries_on(methods: Iterable[DeliveryMethod], day: date) -> list[DeliveryMethod]:
    return in_force(methods, day)
