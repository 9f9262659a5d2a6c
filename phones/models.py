"""Phone calls as data: the provider, the kinds of call, the call rules and rates.

Staff edit all of it in the admin. Each record carries its source and the dates
it is in force, so a new provider or a new rate shows on the site from its first day.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.models import Agency, DatedRule, Facility, phone_validator


class PhoneKind(models.TextChoices):
    """A phone a family member takes calls on."""

    CELL = "cell", _("cell phone")
    LANDLINE = "landline", _("home landline")


class PhoneProvider(DatedRule):
    """The company that runs the phones for an agency, and how to open an account."""

    agency = models.ForeignKey(
        Agency,
        on_delete=models.CASCADE,
        related_name="phone_providers",
        help_text=_("The department this rule belongs to."),
    )
    key = models.SlugField(
        _("key"),
        max_length=60,
        help_text=_("A short fixed name for this record, such as securus. Do not change it."),
    )
    name = models.CharField(_("name"), max_length=120, help_text=_("Such as Securus."))
    phone = models.CharField(
        _("phone to open an account"),
        max_length=20,
        validators=[phone_validator],
        help_text=_("The number families call to set up an account, such as 1-800-844-6591."),
    )
    website = models.URLField(
        _("website"), help_text=_("Where families can set up an account online.")
    )
    account_name = models.CharField(
        _("account name"),
        max_length=120,
        help_text=_(
            "The name of the account a family opens to get calls on any phone, "
            "such as Advance Connect."
        ),
    )

    # One phone provider for an agency on any day.
    overlap_fields = ("agency",)

    class Meta:
        verbose_name = _("phone provider")
        verbose_name_plural = _("phone providers")
        ordering = ["agency", "-effective_from", "name"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "key"], name="phone_provider_key_unique")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.agency.short_name})" if self.agency_id else self.name

    @property
    def phone_href(self) -> str:
        return "tel:+1" + "".join(ch for ch in self.phone if ch.isdigit())[-10:]

    @property
    def website_label(self) -> str:
        """The address as people say it: securustech.net."""
        label = self.website.split("://", 1)[-1].rstrip("/")
        return label.removeprefix("www.")


class CallKind(models.TextChoices):
    COLLECT = "collect", _("Collect call")
    DEBIT = "debit", _("Debit call")
    PREPAID = "prepaid", _("Prepaid call")


# For sentences such as "Collect calls can never reach a cell phone."
CALL_KIND_PLURAL = {
    CallKind.COLLECT: _("collect calls"),
    CallKind.DEBIT: _("debit calls"),
    CallKind.PREPAID: _("prepaid calls"),
}


class Payer(models.TextChoices):
    YOU_BILLED = "you_billed", _("You pay for each call you accept. You are billed after.")
    YOU_AHEAD = "you_ahead", _("You pay ahead, from money you put in your account.")
    PERSON = "person", _("The person in prison pays, from their own phone account.")


class CallType(DatedRule):
    """One way the person can call you, who pays for it, and which phones it reaches."""

    agency = models.ForeignKey(
        Agency,
        on_delete=models.CASCADE,
        related_name="call_types",
        help_text=_("The department this rule belongs to."),
    )
    key = models.SlugField(
        _("key"),
        max_length=60,
        help_text=_("A short fixed name for this record, such as collect. Do not change it."),
    )
    kind = models.CharField(
        _("kind of call"),
        max_length=20,
        choices=CallKind.choices,
        help_text=_("Collect, debit or prepaid. One row of each kind in force on any day."),
    )
    payer = models.CharField(
        _("who pays"),
        max_length=20,
        choices=Payer.choices,
        help_text=_("Who pays for this kind of call, as families read it."),
    )
    reaches_cell = models.BooleanField(
        _("can reach a cell phone"),
        help_text=_("Untick if this kind of call can never ring on a cell phone."),
    )
    reaches_landline = models.BooleanField(
        _("can reach a home landline"),
        help_text=_("Untick if this kind of call can never ring on a home landline."),
    )
    needs_account = models.BooleanField(
        _("needs an account with the provider"),
        help_text=_("Tick if you must open an account with the phone provider to get these calls."),
    )
    sort_order = models.PositiveSmallIntegerField(
        _("order on the page"), default=0, help_text=_("Lower numbers come first.")
    )

    overlap_fields = ("agency", "kind")

    class Meta:
        verbose_name = _("kind of call")
        verbose_name_plural = _("kinds of call")
        ordering = ["sort_order", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "key"], name="call_type_key_unique")
        ]

    def __str__(self) -> str:
        return str(self.get_kind_display())

    @property
    def plural_name(self) -> str:
        return CALL_KIND_PLURAL[CallKind(self.kind)]

    def reaches(self, phone: str) -> bool:
        """Whether this kind of call can ring on `phone` (a PhoneKind value)."""
        if phone == PhoneKind.CELL:
            return self.reaches_cell
        if phone == PhoneKind.LANDLINE:
            return self.reaches_landline
        raise ValueError(f"Unknown phone kind: {phone!r}")


class CallRuleKind(models.TextChoices):
    THEY_CALL_YOU = "they_call_you", _("How calls work")
    MONITORED = "monitored", _("Calls are listened to")
    DROPS_CALL = "drops_call", _("Drops the call (a phone setting to turn off)")
    LIMITS_CALLS = "limits_calls", _("Limits when the person can call")
    COST = "cost", _("What calls cost")
    LOCAL_NUMBER = "local_number", _("Tip: a phone number local to the facility")


class CallRule(DatedRule):
    """A rule about calls, in plain words, such as "call waiting drops the call"."""

    agency = models.ForeignKey(
        Agency,
        on_delete=models.CASCADE,
        related_name="call_rules",
        help_text=_("The department this rule belongs to."),
    )
    key = models.SlugField(
        _("key"),
        max_length=60,
        help_text=_("A short fixed name for this record, such as call-waiting. Do not change it."),
    )
    kind = models.CharField(
        _("kind of rule"),
        max_length=20,
        choices=CallRuleKind.choices,
        help_text=_("Decides where the rule shows on the phones guide."),
    )
    title = models.CharField(
        _("short title"),
        max_length=120,
        help_text=_(
            "A few words. For a rule that drops the call, name the phone setting, "
            "such as Call waiting."
        ),
    )
    text = models.TextField(
        _("rule in plain words"),
        help_text=_("Short sentences, to the family: “you”. No more than a few lines."),
    )
    sort_order = models.PositiveSmallIntegerField(
        _("order on the page"), default=0, help_text=_("Lower numbers come first.")
    )

    # Several rules share a kind (more than one setting drops a call); the title
    # names the rule.
    overlap_fields = ("agency", "kind", "title")

    class Meta:
        verbose_name = _("call rule")
        verbose_name_plural = _("call rules")
        ordering = ["sort_order", "key"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "key"], name="call_rule_key_unique")
        ]

    def __str__(self) -> str:
        return self.title


class CallRate(DatedRule):
    """What one kind of call costs from one facility: a fee per call plus a rate per minute."""

    facility = models.ForeignKey(
        Facility,
        on_delete=models.CASCADE,
        related_name="call_rates",
        help_text=_("The facility the person calls from."),
    )
    call_type = models.ForeignKey(
        CallType,
        on_delete=models.CASCADE,
        related_name="rates",
        help_text=_("The kind of call this rate is for."),
    )
    fee_per_call = models.DecimalField(
        _("fee for each call (US dollars)"),
        max_digits=6,
        decimal_places=2,
        help_text=_("Such as 0.50. Enter 0 if there is no fee."),
    )
    per_minute = models.DecimalField(
        _("rate per minute (US dollars)"),
        max_digits=6,
        decimal_places=4,
        help_text=_("Such as 0.0525. Up to 4 digits after the point."),
    )

    # One rate for each kind of call at a facility on any day.
    overlap_fields = ("facility", "call_type")
    non_negative_fields = ("fee_per_call", "per_minute")

    class Meta:
        verbose_name = _("call rate")
        verbose_name_plural = _("call rates")
        ordering = ["facility", "call_type__sort_order", "-effective_from"]

    def __str__(self) -> str:
        return f"{self.call_type} · {self.facility}" if self.facility_id else str(self.call_type)

    def clean(self):
        super().clean()
        if (
            self.facility_id
            and self.call_type_id
            and self.facility.agency_id != self.call_type.agency_id
        ):
            raise ValidationError(
                {"call_type": _("This kind of call belongs to another agency's rules.")}
            )
