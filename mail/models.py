"""Mail rules as data: where each kind of mail goes, what may be sent, photo limits, delivery.

Staff edit every row in the admin. Each row carries its source and the dates it
is in force, so that a rule that changes on a date changes on the site that day.
"""

from decimal import Decimal
from string import Formatter

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.models import Agency, DatedRule, Facility, zip_validator

key_help = _("A short fixed name the data loader uses to find this row. Do not change it.")
RECIPIENT_FIELDS = {"name", "doc_id"}


def shared_errors(clean) -> dict:
    """The errors of the shared checks (such as overlapping dates), as a dict, so a
    model's own errors are shown with them rather than hidden until they are fixed."""
    try:
        clean()
    except ValidationError as error:
        return error.update_error_dict({})
    return {}


class SendTo(models.TextChoices):
    PERSONAL = "personal", _("The agency's address for personal mail")
    FACILITY = "facility", _("The facility's own mailing address")


class MailItem(models.TextChoices):
    """The kinds of mail a family asks about, in the order the form lists them."""

    LETTER = "letter", _("A letter")
    CARD = "card", _("A greeting card")
    PHOTO = "photo", _("Photos")
    PUBLICATION = "publication", _("A book or magazine")
    LEGAL = "legal", _("Legal mail")
    GOVERNMENT = "government", _("Mail from a government agency")
    CERTIFIED = "certified", _("Certified mail")
    VISITOR_APPLICATION = "visitor_application", _("A visitor application")
    STAMPS_PAPER = "stamps_paper", _("Stamps, writing paper or envelopes")
    OTHER_ITEMS = "other_items", _("Any other item, such as a gift")


def validate_recipient_format(value: str) -> None:
    try:
        fields = {name for _text, name, _spec, _conv in Formatter().parse(value) if name}
    except ValueError as error:
        raise ValidationError(_("Check the curly brackets: %(error)s") % {"error": error}) from None
    unknown = fields - RECIPIENT_FIELDS
    if unknown:
        raise ValidationError(
            _("Use only {name} and {doc_id} in curly brackets, not: %(unknown)s")
            % {"unknown": ", ".join(sorted(unknown))}
        )
    if "name" not in fields:
        raise ValidationError(_("The first line must include {name}."))


class MailDestination(DatedRule):
    """An address mail goes to: the agency's central one, or the facility's own."""

    agency = models.ForeignKey(
        Agency,
        on_delete=models.CASCADE,
        related_name="mail_destinations",
        help_text=_("The department this rule belongs to."),
    )
    key = models.SlugField(_("key"), max_length=60, unique=True, help_text=key_help)
    purpose = models.CharField(
        _("used for"),
        max_length=20,
        choices=SendTo.choices,
        help_text=_(
            "Personal mail: letters, cards and photos. Facility: the kinds of mail the facility "
            "still takes itself. Only one row of each kind should be in force on any day."
        ),
    )
    name = models.CharField(
        _("name"),
        max_length=120,
        help_text=_("What families call this place, such as “Digital Mail Center”."),
    )
    uses_facility_address = models.BooleanField(
        _("use the facility's own address"),
        default=False,
        help_text=_(
            "Tick when mail goes to the street address of the person's facility (from the "
            "facility's record). Then leave the address lines below empty."
        ),
    )
    recipient_line_format = models.CharField(
        _("first line"),
        max_length=120,
        default="{name}, {doc_id}",
        validators=[validate_recipient_format],
        help_text=_(
            "How to write the person on the first line. {name} is their full name and "
            "{doc_id} their DOC ID number, such as “{name}, {doc_id}”."
        ),
    )
    care_of_line = models.CharField(
        _("care-of line"),
        max_length=120,
        blank=True,
        help_text=_("The line after the name, such as “C/O Digital Mail Center-Missouri DOC”."),
    )
    po_box = models.CharField(
        _("PO box line"), max_length=60, blank=True, help_text=_("Such as “PO Box 25678”.")
    )
    city = models.CharField(
        _("city"),
        max_length=100,
        blank=True,
        help_text=_(
            "The city of the PO box, such as Tampa. Leave empty when using the facility's address."
        ),
    )
    state = models.CharField(
        _("state"),
        max_length=2,
        blank=True,
        validators=[RegexValidator(r"^[A-Z]{2}\Z", _("Two capital letters, such as FL."))],
        help_text=_(
            "Two capital letters, such as FL. Leave empty when using the facility's address."
        ),
    )
    zip_code = models.CharField(
        _("ZIP code"),
        max_length=10,
        blank=True,
        validators=[zip_validator],
        help_text=_("ZIP+4 when the agency gives it, such as 33622-5678."),
    )
    explanation = models.TextField(
        _("why families send mail here"),
        blank=True,
        help_text=_("One or two plain sentences shown on the mail guide."),
    )

    # One address for each use in force on any day.
    overlap_fields = ("agency", "purpose")

    class Meta:
        verbose_name = _("mail address")
        verbose_name_plural = _("mail addresses")
        ordering = ["purpose", "effective_from"]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_purpose_display()})"

    def clean(self):
        errors = shared_errors(super().clean)
        if not self.uses_facility_address:
            for field in ("po_box", "city", "state", "zip_code"):
                if not getattr(self, field):
                    errors.setdefault(field, []).append(
                        _("Fill this in, or tick “use the facility's own address”.")
                    )
        if errors:
            raise ValidationError(errors)

    def admin_warnings(self) -> list[str]:
        warnings = super().admin_warnings()
        lines = (self.care_of_line, self.po_box, self.city, self.state, self.zip_code)
        if self.uses_facility_address and any(lines):
            warnings.append(
                _(
                    "“Use the facility's own address” is ticked, so families do not see "
                    "the address lines you entered."
                )
            )
        return warnings

    def recipient_line(self, name: str, doc_id: str) -> str:
        return self.recipient_line_format.format(name=name, doc_id=doc_id).strip()

    def street_lines(self, facility: Facility | None) -> list[str] | None:
        """The lines below the recipient; None when the facility is needed but unknown."""
        if self.uses_facility_address:
            if facility is None:
                return None
            return list(facility.address_lines)
        lines = [self.care_of_line, self.po_box, f"{self.city}, {self.state} {self.zip_code}"]
        return [line for line in lines if line]


class MailItemRule(DatedRule):
    """Whether one kind of mail may be sent, where it goes, and what to do instead."""

    agency = models.ForeignKey(
        Agency,
        on_delete=models.CASCADE,
        related_name="mail_item_rules",
        help_text=_("The department this rule belongs to."),
    )
    key = models.SlugField(_("key"), max_length=60, unique=True, help_text=key_help)
    item = models.CharField(
        _("kind of mail"),
        max_length=30,
        choices=MailItem.choices,
        help_text=_("Only one rule for each kind should be in force on any day."),
    )
    allowed = models.BooleanField(
        _("may be sent"), help_text=_("Untick when this kind of mail is refused.")
    )
    send_to = models.CharField(
        _("send to"),
        max_length=20,
        choices=SendTo.choices,
        blank=True,
        help_text=_("Where it goes when it may be sent. Leave empty when it is refused."),
    )
    reason = models.TextField(
        _("reason"),
        help_text=_("Why, in one or two plain sentences, such as “Mail is scanned in Tampa”."),
    )
    instead = models.TextField(
        _("what to do instead"),
        blank=True,
        help_text=_(
            "The next step when it is refused, such as “The person buys it from the commissary”."
        ),
    )
    position = models.PositiveSmallIntegerField(
        _("order on the page"), default=0, help_text=_("Lower numbers come first.")
    )

    # One rule for each kind of mail in force on any day.
    overlap_fields = ("agency", "item")

    class Meta:
        verbose_name = _("mail rule")
        verbose_name_plural = _("mail rules")
        ordering = ["position", "item", "effective_from"]

    def __str__(self) -> str:
        verdict = _("may be sent") if self.allowed else _("refused")
        return f"{self.get_item_display()}: {verdict}"

    def clean(self):
        errors = shared_errors(super().clean)
        if self.allowed and not self.send_to:
            errors.setdefault("send_to", []).append(_("Choose where this mail goes."))
        if not self.allowed and not self.instead:
            errors.setdefault("instead", []).append(
                _("Tell families what to do instead, so they are never stuck.")
            )
        if errors:
            raise ValidationError(errors)


class PhotoLimit(DatedRule):
    """The largest photo a family may send, in inches, either way round."""

    agency = models.ForeignKey(
        Agency,
        on_delete=models.CASCADE,
        related_name="photo_limits",
        help_text=_("The department this rule belongs to."),
    )
    key = models.SlugField(_("key"), max_length=60, unique=True, help_text=key_help)
    short_side = models.DecimalField(
        _("short side (inches)"),
        max_digits=4,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01"))],
        help_text=_("Such as 4 for a 4 x 6 inch photo."),
    )
    long_side = models.DecimalField(
        _("long side (inches)"),
        max_digits=4,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01"))],
        help_text=_("Such as 6 for a 4 x 6 inch photo."),
    )
    content_rule = models.CharField(
        _("what photos must not show"),
        max_length=200,
        help_text=_("Plain words, such as “No nudity.”"),
    )

    # One photo limit in force on any day.
    overlap_fields = ("agency",)
    non_negative_fields = ("short_side", "long_side")

    class Meta:
        verbose_name = _("photo size limit")
        verbose_name_plural = _("photo size limits")
        ordering = ["effective_from"]

    def __str__(self) -> str:
        return f"{self.short_side:g} x {self.long_side:g} in"

    def clean(self):
        super().clean()
        if self.short_side and self.long_side and self.short_side > self.long_side:
            raise ValidationError({"long_side": _("The long side cannot be shorter.")})


class DeliveryMethod(DatedRule):
    """How the person receives the mail sent to them."""

    agency = models.ForeignKey(
        Agency,
        on_delete=models.CASCADE,
        related_name="mail_deliveries",
        help_text=_("The department this rule belongs to."),
    )
    key = models.SlugField(_("key"), max_length=60, unique=True, help_text=key_help)
    name = models.CharField(
        _("name"), max_length=120, help_text=_("Such as “Scanned to their tablet”.")
    )
    description = models.TextField(
        _("description"), help_text=_("Who gets mail this way, in plain words.")
    )
    position = models.PositiveSmallIntegerField(
        _("order on the page"), default=0, help_text=_("Lower numbers come first.")
    )

    # The key never changes, so the name is what two versions of one method share.
    overlap_fields = ("agency", "name")

    class Meta:
        verbose_name = _("mail delivery method")
        verbose_name_plural = _("mail delivery methods")
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name
