"""The ways a family can add money to a person's account, as data staff edit.

One `DepositMethod` row per way (by mail, electronically by phone, electronically
online). Each row carries every fact a family needs for that way: the provider
and how to reach it, the cards it takes, what to have ready, the exact payee and
memo, the mailing address, the pen rule, the questions line and any fee. Changing
the electronic provider is an edit of these rows, never a code change.
"""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.models import Agency, DatedRule, phone_validator


class Channel(models.TextChoices):
    MAIL = "mail", _("By mail")
    PHONE = "phone", _("Electronically, by phone")
    ONLINE = "online", _("Electronically, online")


class Speed(models.TextChoices):
    FASTEST = "fastest", _("Fastest")
    BY_POST = "by_post", _("Slower: your money order travels by post first")


def _phone_href(phone: str) -> str:
    return "tel:+1" + "".join(ch for ch in phone if ch.isdigit())[-10:] if phone else ""


class DepositMethod(DatedRule):
    agency = models.ForeignKey(
        Agency,
        on_delete=models.PROTECT,
        related_name="deposit_methods",
        help_text=_("The department this rule belongs to."),
    )
    key = models.SlugField(
        _("key"),
        max_length=60,
        help_text=_(
            "A short fixed name for this way of paying, such as mail or online. "
            "To replace a provider on a date, add a new row with a new key and dates."
        ),
    )
    channel = models.CharField(
        _("how the family pays"),
        max_length=10,
        choices=Channel.choices,
        help_text=_(
            "By mail, by phone or online. Only one row of each should be in force on any day."
        ),
    )
    position = models.PositiveSmallIntegerField(
        _("order on the page"), default=0, help_text=_("Lower numbers come first.")
    )
    speed = models.CharField(
        _("speed"),
        max_length=10,
        choices=Speed.choices,
        help_text=_("Shown to families to help them choose a way to pay."),
    )

    # Electronic deposits: who takes the money and how to reach them.
    provider_name = models.CharField(
        _("provider name"), max_length=100, blank=True, help_text=_("Such as Access Corrections.")
    )
    provider_phone = models.CharField(
        _("provider phone"),
        max_length=20,
        blank=True,
        validators=[phone_validator],
        help_text=_("The number families call to pay, such as 866-345-1884."),
    )
    provider_website = models.URLField(
        _("provider website"),
        blank=True,
        help_text=_("Where families pay online, starting https://."),
    )
    accepted_cards = models.CharField(
        _("cards accepted"),
        max_length=200,
        blank=True,
        help_text=_("As families should read it, such as “Visa or MasterCard, debit or credit”."),
    )

    # What to have ready before paying.
    needs_name = models.BooleanField(
        _("needs the person's full name"),
        default=False,
        help_text=_("Tick if the family must give the person's full name."),
    )
    needs_doc_id = models.BooleanField(
        _("needs the person's DOC ID"),
        default=False,
        help_text=_("Tick if the family must give the person's DOC ID."),
    )
    needs_facility = models.BooleanField(
        _("needs the facility the person is in now"),
        default=False,
        help_text=_("Tick if the family must say which facility the person is in now."),
    )
    needs_deposit_slip = models.BooleanField(
        _("needs a deposit slip"),
        default=False,
        help_text=_("Tick if a deposit slip must go with the money order."),
    )
    deposit_slip_url = models.URLField(
        _("deposit slip online"),
        blank=True,
        help_text=_(
            "Leave empty while the slip is not online: the page then tells families "
            "to ask the person to mail them one."
        ),
    )

    # Paying by mail.
    money_order_from = models.CharField(
        _("buy the money order from"),
        max_length=100,
        blank=True,
        help_text=_("Such as the US Postal Service. Leave empty if no money order is needed."),
    )
    payee = models.CharField(
        _("payee, exactly as written"),
        max_length=200,
        blank=True,
        help_text=_("Shown to families word for word, in quotes."),
    )
    memo_name = models.BooleanField(
        _("memo has the person's name"),
        default=False,
        help_text=_("Tick if the person's name goes on the memo line."),
    )
    memo_doc_id = models.BooleanField(
        _("memo has the person's DOC ID"),
        default=False,
        help_text=_("Tick if the person's DOC ID goes on the memo line."),
    )
    pen_colours = models.CharField(
        _("pen colours allowed"),
        max_length=60,
        blank=True,
        help_text=_("Such as “blue or black”. Leave empty if there is no rule."),
        validators=[RegexValidator(r"^[^\n]*\Z", _("One line only."))],
    )
    mail_to = models.TextField(
        _("mail to (one line per line of the address)"),
        blank=True,
        help_text=_("Exactly as it goes on the envelope."),
    )
    mail_nothing_else = models.BooleanField(
        _("nothing else may be sent to this address"),
        default=False,
        help_text=_(
            "Tick if only the money order (and the slip) may go in the envelope: nothing else."
        ),
    )

    # Help and cost.
    questions_name = models.CharField(
        _("who answers questions"),
        max_length=100,
        blank=True,
        help_text=_("Such as Offender Finance Office."),
    )
    questions_phone = models.CharField(
        _("questions phone"),
        max_length=20,
        blank=True,
        validators=[phone_validator],
        help_text=_("The number families call with questions, such as 573-526-6445."),
    )
    fee = models.CharField(
        _("fee"),
        max_length=200,
        blank=True,
        help_text=_(
            "Only a fee the source states, such as “$2.95 per deposit”. Leave empty when "
            "none is known: the page then says no fee is on record."
        ),
    )

    # One row for each way of paying in force on any day. A new provider gets a
    # new row (and key) that starts the day after the old one ends.
    overlap_fields = ("agency", "channel")
    # The fee is text as the source states it, so there is no number to check here.

    class Meta:
        verbose_name = _("way to add money")
        verbose_name_plural = _("ways to add money")
        ordering = ["position", "key"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "key"], name="deposit_method_key_per_agency")
        ]

    def __str__(self) -> str:
        label = self.get_channel_display()
        return f"{label} ({self.provider_name})" if self.provider_name else str(label)

    def clean(self):
        """Refuse a row that would leave families with half an answer."""
        super().clean()
        errors = {}
        if self.channel == Channel.MAIL:
            if not self.payee:
                errors["payee"] = _("Mail needs the payee, exactly as it must be written.")
            if not self.address_lines:
                errors["mail_to"] = _("Mail needs the address to send it to.")
        elif self.channel:
            if not self.provider_name:
                errors["provider_name"] = _("Name the provider that takes the money.")
            if self.channel == Channel.PHONE and not self.provider_phone:
                errors["provider_phone"] = _("Paying by phone needs the provider's phone.")
            if self.channel == Channel.ONLINE and not self.provider_website:
                errors["provider_website"] = _("Paying online needs the provider's website.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_electronic(self) -> bool:
        return self.channel != Channel.MAIL

    @property
    def address_lines(self) -> list[str]:
        return [line.strip() for line in self.mail_to.splitlines() if line.strip()]

    @property
    def provider_phone_href(self) -> str:
        return _phone_href(self.provider_phone)

    @property
    def questions_phone_href(self) -> str:
        return _phone_href(self.questions_phone)
