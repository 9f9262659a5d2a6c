"""Decisions of the money guide, as plain functions of plain inputs and rule rows.

Nothing here queries the database: views pass in the `DepositMethod` rows in
force and a `Recipient` built from the form. Every fact in the answers comes
from those rows; only the wording lives here.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from funds.models import Channel, DepositMethod

# What a family writes in by hand when we do not know a value (printed as a line).
BLANK = "____________"

YES, WARN, NO = "yes", "warn", "no"


@dataclass(frozen=True)
class Recipient:
    """Who the money is for, as far as we know."""

    name: str
    doc_id: str = ""
    facility_name: str = ""
    # True when the name came from the department's record (a DOC ID was given):
    # then an empty facility means the record shows none (released or unknown).
    from_record: bool = False

    @property
    def display_name(self) -> str:
        return self.name or _("the person")

    @property
    def facility_unknown(self) -> bool:
        return not self.facility_name


@dataclass
class Step:
    """One line of the checklist: tick it on screen or on paper."""

    key: str
    text: str
    copy: str = ""  # exact words to write or type, shown as-is
    lines: list[str] = field(default_factory=list)  # an address, line by line
    href: str = ""
    link_text: str = ""


@dataclass
class Answer:
    kind: str  # YES, WARN or NO: the colour of the verdict
    verdict: str
    reason: str
    next_step: str
    steps: list[Step] = field(default_factory=list)
    memo: str = ""
    show_money_order: bool = False


def memo_text(method: DepositMethod, recipient: Recipient) -> str:
    """The memo line, such as "Ana García, 7000001"; a blank line for what we lack."""
    parts = []
    if method.memo_name:
        parts.append(recipient.name or BLANK)
    if method.memo_doc_id:
        parts.append(recipient.doc_id or BLANK)
    return ", ".join(parts)


def fee_text(method: DepositMethod) -> str:
    """The fee staff recorded, or a plain statement that none is on record (never a guess)."""
    if method.fee:
        return method.fee
    return _("No fee is on record here. Ask before you pay.")


def needs(method: DepositMethod) -> list[str]:
    """What to have before you start, in plain words, for the comparison."""
    items = []
    if method.needs_deposit_slip:
        if method.deposit_slip_url:
            items.append(_("A deposit slip, printed from the department's website"))
        else:
            items.append(_("A deposit slip the person mails you (it is not online)"))
    if method.money_order_from:
        items.append(_("A money order from the %(seller)s") % {"seller": method.money_order_from})
    if method.pen_colours:
        items.append(_("A %(colours)s pen") % {"colours": method.pen_colours})
    if method.accepted_cards:
        items.append(_("A card: %(cards)s") % {"cards": method.accepted_cards})
    known = [
        label
        for wanted, label in (
            (method.needs_name, _("full name")),
            (method.needs_doc_id, _("DOC ID")),
            (method.needs_facility, _("facility")),
        )
        if wanted
    ]
    if known:
        items.append(_("The person's %(things)s") % {"things": _join(known)})
    return items


def how_to_pay(method: DepositMethod) -> str:
    if method.channel == Channel.MAIL:
        return _("A money order payable to “%(payee)s”") % {"payee": method.payee}
    if method.channel == Channel.PHONE:
        return _("Call %(provider)s at %(phone)s and pay by card") % {
            "provider": method.provider_name,
            "phone": method.provider_phone,
        }
    return _("Pay by card on the %(provider)s website") % {"provider": method.provider_name}


def where_it_goes(method: DepositMethod) -> str:
    if method.channel == Channel.MAIL:
        return _("By post to %(address)s") % {"address": ", ".join(method.address_lines)}
    return _("Straight to %(provider)s. Nothing goes by mail.") % {"provider": method.provider_name}


def checklist(method: DepositMethod, recipient: Recipient) -> list[Step]:
    """The steps for this way of paying, filled in for this person."""
    if method.channel == Channel.MAIL:
        return _mail_steps(method, recipient)
    return _electronic_steps(method, recipient)


def _mail_steps(method: DepositMethod, recipient: Recipient) -> list[Step]:
    name = recipient.display_name
    steps = []
    if method.needs_deposit_slip:
        if method.deposit_slip_url:
            steps.append(
                Step(
                    "slip",
                    _("Print a deposit slip."),
                    href=method.deposit_slip_url,
                    link_text=_("Get the deposit slip"),
                )
            )
        else:
            steps.append(
                Step(
                    "slip",
                    _(
                        "Ask %(name)s to mail you a deposit slip. It is not online: "
                        "only they can send you one."
                    )
                    % {"name": name},
                )
            )
    if method.money_order_from:
        steps.append(
            Step(
                "money-order",
                _("Buy a money order from the %(seller)s.") % {"seller": method.money_order_from},
            )
        )
    if method.payee:
        steps.append(Step("payee", _("On the money order, make it payable to:"), copy=method.payee))
    memo = memo_text(method, recipient)
    if memo:
        steps.append(Step("memo", _("In the memo field, write:"), copy=memo))
    if method.pen_colours:
        what = _("the deposit slip") if method.needs_deposit_slip else _("everything")
        steps.append(
            Step(
                "pen",
                _("Fill in %(what)s in %(colours)s pen.")
                % {"what": what, "colours": method.pen_colours},
            )
        )
    if method.mail_nothing_else:
        text = _("Put the money order and the deposit slip in an envelope. Put nothing else in it.")
    else:
        text = _("Put the money order and the deposit slip in an envelope.")
    steps.append(Step("envelope", text))
    if method.address_lines:
        steps.append(Step("address", _("Mail it to this address:"), lines=method.address_lines))
    return steps


def _electronic_steps(method: DepositMethod, recipient: Recipient) -> list[Step]:
    steps = []
    if method.accepted_cards:
        steps.append(
            Step("card", _("Have your card ready: %(cards)s.") % {"cards": method.accepted_cards})
        )
    if method.needs_name:
        steps.append(Step("name", _("Have their full name ready:"), copy=recipient.name or BLANK))
    if method.needs_doc_id:
        steps.append(Step("doc-id", _("Have their DOC ID ready:"), copy=recipient.doc_id or BLANK))
    if method.needs_facility:
        steps.append(
            Step(
                "facility",
                _("Have the facility they are in now ready:"),
                copy=recipient.facility_name or BLANK,
            )
        )
    if method.channel == Channel.PHONE and method.provider_phone:
        steps.append(
            Step(
                "contact",
                _("Call %(provider)s:") % {"provider": method.provider_name},
                href=method.provider_phone_href,
                link_text=method.provider_phone,
            )
        )
    elif method.provider_website:
        steps.append(
            Step(
                "contact",
                _("Go to the %(provider)s website:") % {"provider": method.provider_name},
                href=method.provider_website,
                link_text=method.provider_website,
            )
        )
    return steps


def answer(method: DepositMethod, recipient: Recipient) -> Answer:
    """Verdict first, the reason, the next step, and the filled-in checklist."""
    name = recipient.display_name
    how = method.get_channel_display().lower()
    if recipient.from_record and recipient.facility_unknown:
        return Answer(
            kind=NO,
            verdict=_("Wait: we do not know where %(name)s is held.") % {"name": name},
            reason=_(
                "Our records show no facility for them. They may have been released, "
                "or moved, or our list may be out of date."
            ),
            next_step=_(
                "Find out where they are before you send money. "
                "Check the department's offender search, or ask them or their family."
            ),
        )
    steps = checklist(method, recipient)
    memo = memo_text(method, recipient)
    show_money_order = bool(method.payee)
    wants_doc_id = method.needs_doc_id or method.memo_doc_id
    if wants_doc_id and not recipient.doc_id:
        return Answer(
            kind=WARN,
            verdict=_("Almost: you also need %(name)s's DOC ID number.") % {"name": name},
            reason=_("You need it to add money %(how)s. Write it on the blank line below.")
            % {"how": how},
            next_step=_(
                "Find it with the department's offender search, or ask them or their family."
            ),
            steps=steps,
            memo=memo,
            show_money_order=show_money_order,
        )
    return Answer(
        kind=YES,
        verdict=_("Yes, you can add money to %(name)s's account %(how)s.")
        % {"name": name, "how": how},
        reason=_("Everything below is filled in for %(name)s. Tick each step as you go.")
        % {"name": name},
        next_step=_("Start with step 1: %(step)s") % {"step": steps[0].text} if steps else "",
        steps=steps,
        memo=memo,
        show_money_order=show_money_order,
    )


def _join(items: list[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} {_('and')} {items[-1]}"
