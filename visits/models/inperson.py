"""In-person visiting rules: sessions, closures, visitor list, ID, what to bring.

Visiting hours live in one table, `VisitingSession`, so that a page can read a
facility's whole calendar in one query. Each row has a scope (the whole agency,
one kind of facility, or one facility) and is one of: a weekly session, an extra
date, a closed date, or "no set hours yet: call the facility".
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.models import Agency, DatedRule, Facility, FacilityKind

__all__ = [
    "CarryAllItem",
    "EntryKind",
    "IdRule",
    "Topic",
    "VisitRule",
    "VisitingSession",
    "VisitorListPolicy",
    "Weekday",
    "WhoMayCome",
]


class Weekday(models.IntegerChoices):
    # Python's date.weekday() numbering, so a date maps straight to a row.
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class WhoMayCome(models.TextChoices):
    EVERYONE = "everyone", _("Everyone on the visitor list")
    IMMEDIATE_FAMILY = "immediate_family", _("Immediate family only")
    ONE_DESIGNATED = "one_designated", _("One designated visitor only")


class EntryKind(models.TextChoices):
    WEEKLY = "weekly", _("Weekly session")
    EXTRA = "extra", _("Extra or changed date")
    CLOSED = "closed", _("Closed date")
    ASK = "ask", _("No set hours yet: call the facility")


class VisitingSession(DatedRule):
    """One line of a visiting calendar.

    Which rows apply to a facility: its own rows if it has any weekly or "call"
    rows; otherwise the rows for its kind; otherwise the agency's. Extra and closed
    dates from every scope apply. An extra date replaces that day's weekly sessions.
    """

    key = models.SlugField(
        _("key"), max_length=80, unique=True, help_text=_("A short name that never changes.")
    )
    agency = models.ForeignKey(
        Agency,
        on_delete=models.CASCADE,
        related_name="visiting_sessions",
        help_text=_("The department this rule belongs to."),
    )
    facility = models.ForeignKey(
        Facility,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="visiting_sessions",
        help_text=_("Leave empty for the agency's usual hours."),
    )
    facility_kind = models.CharField(
        _("kind of facility"),
        max_length=32,
        choices=FacilityKind.choices,
        blank=True,
        help_text=_("Only with no facility: hours for every facility of this kind."),
    )
    entry = models.CharField(
        _("type"),
        max_length=16,
        choices=EntryKind.choices,
        default=EntryKind.WEEKLY,
        help_text=_(
            "A weekly session, an extra or changed date, a closed date, or “call the facility”."
        ),
    )
    weekday = models.PositiveSmallIntegerField(
        _("day of the week"),
        choices=Weekday.choices,
        null=True,
        blank=True,
        help_text=_("For a weekly session."),
    )
    date = models.DateField(
        _("date"), null=True, blank=True, help_text=_("For an extra or a closed date.")
    )
    start = models.TimeField(_("starts"), null=True, blank=True, help_text=_("Central time."))
    end = models.TimeField(_("ends"), null=True, blank=True, help_text=_("Central time."))
    who = models.CharField(
        _("who may come"),
        max_length=24,
        choices=WhoMayCome.choices,
        default=WhoMayCome.EVERYONE,
        help_text=_("Everyone on the visitor list, or only some visitors on this session."),
    )
    note = models.CharField(
        _("note for families"),
        max_length=300,
        blank=True,
        help_text=_("Shown with this line, such as the reason for a closed date."),
    )

    # The same line of a calendar: same scope, type, day or date and start. Two
    # sessions on one day start at different times.
    overlap_fields = ("agency", "facility", "facility_kind", "entry", "weekday", "date", "start")
    ordered_fields = (("start", "end"),)
    usual_hours_fields = ("start", "end")

    class Meta:
        verbose_name = _("visiting session or date")
        verbose_name_plural = _("visiting sessions and dates")
        ordering = ["agency", "facility", "facility_kind", "entry", "weekday", "date", "start"]

    def __str__(self) -> str:
        scope = (
            self.facility.code
            if self.facility_id
            else self.get_facility_kind_display() or _("all facilities")
        )
        when = self.get_weekday_display() if self.weekday is not None else self.date or ""
        hours = f" {self.start:%H:%M}-{self.end:%H:%M}" if self.start and self.end else ""
        return f"{scope}: {self.get_entry_display()} {when}{hours}"

    def clean(self):
        super().clean()
        errors = {}
        if self.facility_id and self.facility_kind:
            errors["facility_kind"] = _("Choose a facility or a kind of facility, not both.")
        if self.entry == EntryKind.WEEKLY and self.weekday is None:
            errors["weekday"] = _("A weekly session needs a day of the week.")
        if self.entry in (EntryKind.EXTRA, EntryKind.CLOSED) and self.date is None:
            errors["date"] = _("An extra or closed date needs a date.")
        # An end before the start is refused by `ordered_fields`.
        has_hours = self.start and self.end
        if self.entry in (EntryKind.WEEKLY, EntryKind.EXTRA) and not has_hours:
            errors["end"] = _("Enter when the session starts and ends.")
        if errors:
            raise ValidationError(errors)

    def admin_warnings(self) -> list[str]:
        warnings = super().admin_warnings()
        if self.entry in (EntryKind.CLOSED, EntryKind.ASK) and (self.start or self.end):
            warnings.append(
                _(
                    "A closed date or a “call the facility” line shows no hours, so "
                    "families do not see the times you entered."
                )
            )
        return warnings


class VisitorListPolicy(DatedRule):
    """The numbers and yes/no rules of getting on a person's visitor list."""

    agency = models.ForeignKey(
        Agency,
        on_delete=models.CASCADE,
        related_name="visitor_policies",
        help_text=_("The department this rule belongs to."),
    )
    max_visitors = models.PositiveSmallIntegerField(
        _("most visitors on one list"),
        validators=[MinValueValidator(1)],
        help_text=_("The most people one person may have on their visitor list."),
    )
    changes_per_year = models.PositiveSmallIntegerField(
        _("list changes a year"), help_text=_("How many times a year the person may change it.")
    )
    one_list_only = models.BooleanField(
        _("one list only"),
        default=True,
        help_text=_("A visitor may be on one person's list only, unless immediate family of each."),
    )
    supervised_need_officer_approval = models.BooleanField(
        _("people on probation or parole need their officer's approval"),
        default=True,
        help_text=_("Tick if a visitor on probation or parole needs their officer's approval."),
    )

    overlap_fields = ("agency",)

    class Meta:
        verbose_name = _("visitor list policy")
        verbose_name_plural = _("visitor list policies")

    def __str__(self) -> str:
        return f"{self.agency.short_name}: {self.max_visitors}"


class IdRule(DatedRule):
    """The ID a visitor of a given age must bring."""

    key = models.SlugField(
        _("key"), max_length=80, unique=True, help_text=_("A short name that never changes.")
    )
    agency = models.ForeignKey(
        Agency,
        on_delete=models.CASCADE,
        related_name="visit_id_rules",
        help_text=_("The department this rule belongs to."),
    )
    min_age = models.PositiveSmallIntegerField(
        _("from age"),
        validators=[MaxValueValidator(130)],
        help_text=_("The youngest age this rule covers, such as 13."),
    )
    max_age = models.PositiveSmallIntegerField(
        _("to age"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(130)],
        help_text=_("Inclusive. Leave empty for no upper limit."),
    )
    id_needed = models.CharField(
        _("ID to bring"), max_length=300, blank=True, help_text=_("Plain words for families.")
    )
    needs_approved_adult = models.BooleanField(
        _("must come with an approved adult"),
        default=False,
        help_text=_("Unless married to the person."),
    )

    # The age band starts at `min_age`; one rule for it on any day.
    overlap_fields = ("agency", "min_age")

    class Meta:
        verbose_name = _("ID rule")
        verbose_name_plural = _("ID rules")
        ordering = ["min_age"]

    def __str__(self) -> str:
        upper = self.max_age if self.max_age is not None else "+"
        return f"{self.min_age}-{upper}: {self.id_needed}"

    def clean(self):
        super().clean()
        if self.max_age is not None and self.max_age < self.min_age:
            raise ValidationError({"max_age": _("The upper age cannot be below the lower age.")})

    def covers(self, age: int) -> bool:
        return self.min_age <= age and (self.max_age is None or age <= self.max_age)


class CarryAllItem(DatedRule):
    """One thing allowed in the clear infant carry-all, with its limit."""

    key = models.SlugField(
        _("key"), max_length=80, unique=True, help_text=_("A short name that never changes.")
    )
    agency = models.ForeignKey(
        Agency,
        on_delete=models.CASCADE,
        related_name="carry_all_items",
        help_text=_("The department this rule belongs to."),
    )
    name = models.CharField(
        _("item"),
        max_length=200,
        help_text=_("What families may bring, in plain words, such as “Diapers”."),
    )
    max_quantity = models.PositiveSmallIntegerField(
        _("most allowed"), help_text=_("How many of this item are allowed, such as 6.")
    )
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Lower numbers come first.")
    )

    overlap_fields = ("agency", "name")
    non_negative_fields = ("max_quantity",)

    class Meta:
        verbose_name = _("infant carry-all item")
        verbose_name_plural = _("infant carry-all items")
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return f"{self.name} (≤ {self.max_quantity})"


class Topic(models.TextChoices):
    BEFORE = "before", _("Before you go")
    VISITOR_LIST = "visitor_list", _("Visitor list")
    HOURS = "hours", _("Hours and arrival")
    BRING = "bring", _("What you may bring")
    LEAVE = "leave", _("Leave in the car")
    MEDICINE = "medicine", _("Medicine")
    EQUIPMENT = "equipment", _("Medical equipment")
    INFANT = "infant", _("Babies and children")
    DRESS = "dress", _("Dress code")
    CONTACT = "contact", _("Contact")
    SEARCH = "search", _("Searches")
    FOOD = "food", _("Food visits")
    PHOTOS = "photos", _("Photographs")
    VENDING = "vending", _("Vending and restrooms")
    SANCTIONS = "sanctions", _("Sanctions and appeal")


class VisitRule(DatedRule):
    """One plain sentence of a visiting rule, grouped by topic.

    The planner turns the topics "bring", "leave", "dress", "medicine",
    "equipment" and "infant" into tick boxes.
    """

    key = models.SlugField(
        _("key"), max_length=80, unique=True, help_text=_("A short name that never changes.")
    )
    agency = models.ForeignKey(
        Agency,
        on_delete=models.CASCADE,
        related_name="visit_rules",
        help_text=_("The department this rule belongs to."),
    )
    topic = models.CharField(
        _("topic"),
        max_length=24,
        choices=Topic.choices,
        help_text=_("The heading this sentence shows under. Some topics become tick boxes."),
    )
    text = models.TextField(_("text"), help_text=_("Plain words, second person, short."))
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Lower numbers come first.")
    )

    # Each sentence is its own rule: the same sentence twice on one day is a mistake.
    overlap_fields = ("agency", "topic", "text")

    class Meta:
        verbose_name = _("visiting rule")
        verbose_name_plural = _("visiting rules")
        ordering = ["topic", "order", "key"]

    def __str__(self) -> str:
        return f"{self.get_topic_display()}: {self.text[:60]}"
