"""The shared model: agencies, their facilities, the people held there, and alerts.

Every app builds its rules on the abstract bases here: `Sourced` (where a fact
comes from and when staff last checked it) and `DatedRule` (the dates a rule is
in force, asked about any moment with `.current(at=...)`).
"""

from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from portal import clock, validation
from portal.text import looks_like_doc_id, normalize_doc_id, search_key

zip_validator = RegexValidator(
    r"^[0-9]{5}(-[0-9]{4})?\Z", _("Enter a ZIP code as 5 digits, or ZIP+4 as 12345-6789.")
)
phone_validator = RegexValidator(
    r"^(1[ -])?\(?[0-9]{3}\)?[ -.]?[0-9]{3}[ -.][0-9]{4}\Z",
    _("Enter a US phone number such as (573) 751-3911 or 573-751-3911."),
)
doc_id_validator = RegexValidator(r"^[0-9]+\Z", _("A DOC ID has digits only."))


class Sourced(models.Model):
    source = models.CharField(
        _("source"),
        max_length=300,
        blank=True,
        help_text=_("Where this fact comes from: the document's title or the web address."),
    )
    last_reviewed = models.DateField(
        _("last reviewed"),
        null=True,
        blank=True,
        help_text=_("The day a member of staff last checked this against its source."),
    )

    # Who changed what and when, for every subclass in every app (one history
    # table per model; the admin shows it and can revert to any version).
    history = HistoricalRecords(inherit=True)

    # Generic checks run by clean(); subclasses set these class attributes.
    # Pairs of (start, end) fields where the end must come after the start.
    ordered_fields: tuple[tuple[str, str], ...] = ()
    # Number fields that can never be below zero. When empty, fields named like
    # a price (price, fee, cost, amount, charge) are found automatically.
    non_negative_fields: tuple[str, ...] = ()
    # Time fields that usually fall between 6 a.m. and 10 p.m.: a value outside
    # is saved, but the admin shows a warning.
    usual_hours_fields: tuple[str, ...] = ()

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        validation.check_ordered(self)
        validation.check_non_negative(self)

    def admin_warnings(self) -> list[str]:
        """Messages the admin shows after a save: suspicious, but allowed."""
        return validation.usual_hours_warnings(self)


class DatedQuerySet(models.QuerySet):
    def current(self, at: datetime | date | None = None):
        """Rules in force on the local date of `at` (now when not given)."""
        day = at if isinstance(at, date) and not isinstance(at, datetime) else None
        day = day or clock.local_date(at)
        return self.filter(
            Q(effective_from__isnull=True) | Q(effective_from__lte=day),
            Q(effective_until__isnull=True) | Q(effective_until__gte=day),
        )


class DatedRule(Sourced):
    effective_from = models.DateField(
        _("in force from"),
        null=True,
        blank=True,
        help_text=_("First day this applies. Leave empty if it has always applied."),
    )
    effective_until = models.DateField(
        _("in force until"),
        null=True,
        blank=True,
        help_text=_("Last day this applies. Leave empty while it still applies."),
    )

    objects = DatedQuerySet.as_manager()

    # The fields that name "the same rule": two rows with equal values here must
    # not be in force on the same day, e.g. ("agency", "kind"). Empty: no check.
    overlap_fields: tuple[str, ...] = ()

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if (
            self.effective_from
            and self.effective_until
            and self.effective_until < self.effective_from
        ):
            raise ValidationError(
                {"effective_until": _("The last day cannot be before the first day.")}
            )
        validation.check_no_overlap(self)

    def admin_warnings(self) -> list[str]:
        return super().admin_warnings() + validation.schedule_warnings(self)

    def in_force_on(self, day: date) -> bool:
        return (self.effective_from is None or self.effective_from <= day) and (
            self.effective_until is None or day <= self.effective_until
        )


class Agency(Sourced):
    name = models.CharField(_("name"), max_length=200, help_text=_("The official name."))
    short_name = models.CharField(
        _("short name"), max_length=60, help_text=_("Used in headings, such as “Missouri DOC”.")
    )
    slug = models.SlugField(
        _("slug"), max_length=80, unique=True, help_text=_("Used in web addresses.")
    )
    state = models.CharField(_("state"), max_length=2, help_text=_("Two-letter code, such as MO."))
    website = models.URLField(
        _("website"), blank=True, help_text=_("The agency's home page, starting https://.")
    )
    offender_search_url = models.URLField(
        _("offender search address"),
        blank=True,
        help_text=_("The agency's own public search for a person in its custody."),
    )
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default="America/Chicago",
        help_text=_("Hours and alert times are in this zone. Missouri: America/Chicago."),
    )

    class Meta:
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class FacilityKind(models.TextChoices):
    CORRECTIONAL = "correctional", _("Correctional center")
    RECEPTION_DIAGNOSTIC = "reception_diagnostic", _("Reception and diagnostic center")
    RECEPTION_AND_CORRECTIONAL = (
        "reception_and_correctional",
        _("Reception, diagnostic and correctional center"),
    )
    TREATMENT = "treatment", _("Treatment center")
    COMMUNITY_RELEASE = "community_release", _("Community release center")


class FacilityQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class Facility(Sourced):
    agency = models.ForeignKey(
        Agency,
        on_delete=models.PROTECT,
        related_name="facilities",
        help_text=_("The department that runs this facility."),
    )
    code = models.CharField(
        _("code"),
        max_length=12,
        validators=[RegexValidator(r"^[A-Z0-9]+$", _("Use capital letters and digits only."))],
        help_text=_("The agency's short code, such as ACC or JCCC."),
    )
    slug = models.SlugField(
        _("slug"), max_length=80, unique=True, help_text=_("Used in web addresses.")
    )
    name = models.CharField(
        _("full name"),
        max_length=200,
        help_text=_("The official name, such as “Algoa Correctional Center”."),
    )
    kind = models.CharField(
        _("kind"),
        max_length=32,
        choices=FacilityKind.choices,
        help_text=_("The type of facility, as the department names it."),
    )
    street = models.CharField(
        _("street address"),
        max_length=200,
        help_text=_("Where visitors go. Mail addresses are set in the mail rules."),
    )
    city = models.CharField(
        _("city"), max_length=100, help_text=_("The city of the street address.")
    )
    state = models.CharField(_("state"), max_length=2, help_text=_("Two-letter code, such as MO."))
    zip_code = models.CharField(
        _("ZIP code"),
        max_length=10,
        validators=[zip_validator],
        help_text=_("5 digits, or ZIP+4 such as 65101-1234."),
    )
    phone = models.CharField(
        _("phone"),
        max_length=20,
        validators=[phone_validator],
        help_text=_("The main number families call, such as (573) 751-3911."),
    )
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        help_text=_("For the map and directions. Optional."),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        help_text=_("For the map and directions; negative in Missouri. Optional."),
    )
    onsite_video_visits = models.BooleanField(
        _("on-site video visits"),
        default=False,
        help_text=_("Visitors can use the provider's video device at this facility."),
    )
    remote_video_visits = models.BooleanField(
        _("remote video visits"),
        default=False,
        help_text=_("Visitors can join a video visit from their own device at home."),
    )
    is_active = models.BooleanField(
        _("active"), default=True, help_text=_("Untick to hide a closed facility from families.")
    )
    staff_notes = models.TextField(
        _("notes for staff"), blank=True, help_text=_("Never shown to the public.")
    )

    objects = FacilityQuerySet.as_manager()

    class Meta:
        verbose_name = _("facility")
        verbose_name_plural = _("facilities")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "code"], name="facility_code_unique_per_agency"
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("portal:facility", args=[self.slug])

    @property
    def offers_video_visits(self) -> bool:
        return self.onsite_video_visits or self.remote_video_visits

    @property
    def address_lines(self) -> list[str]:
        return [self.name, self.street, f"{self.city}, {self.state} {self.zip_code}"]

    @property
    def phone_href(self) -> str:
        return "tel:+1" + "".join(ch for ch in self.phone if ch.isdigit())[-10:]

    def clean(self):
        super().clean()
        if self.code:
            self.code = self.code.upper()


# The shape of a search by DOC ID (see search_plan).
DOC_ID_SEARCH = ("doc_id",)


class InmateQuerySet(models.QuerySet):
    def search(self, query: str, first: str = "", limit: int = 20):
        """People whose DOC ID is `query` (exact), or whose name matches.

        Names match from the start, ignoring case, accents, spaces and punctuation.
        "Garcia, Jose" and "Jose Garcia" both find José García.
        """
        plan = search_plan(query, first)
        if plan is None:
            return self.none()
        shape, values = plan
        return self.planned_search(*values, shape=shape)[:limit]

    def planned_search(self, *values: str, shape: tuple):
        """The search a `search_plan` describes, by its shape and values.

        A name is matched as a range of keys ("garcia" <= key < "garcib"), not with
        LIKE: an ordinary index then gives the rows already in order, and the search
        stops after `limit` rows instead of sorting every match (thousands for a
        common surname among a million people). The range alone: with LIKE as well,
        PostgreSQL counted the same condition twice, expected a hundred Garcías
        instead of nine thousand, and read and sorted them all (34 ms, not 0.3 ms).
        """
        if shape == DOC_ID_SEARCH:
            return self.filter(doc_id=values[0]).select_related("facility")
        remaining = iter(values)
        conditions = Q()
        for alternative in shape:
            condition = Q()
            for field, bounded in alternative:
                condition &= Q(**{f"{field}__gte": next(remaining)})
                if bounded:
                    condition &= Q(**{f"{field}__lt": next(remaining)})
            conditions |= condition
        return (
            self.filter(conditions)
            .select_related("facility")
            .order_by("last_key", "first_key", "doc_id")
        )


def search_plan(query: str, first: str = "") -> tuple[tuple, tuple[str, ...]] | None:
    """What a people search asks: its shape and the values that fill it in, or None
    when it can match no one.

    The shape is DOC_ID_SEARCH, or one tuple per way of reading the name ("Ana
    Garcia" is Ana García or Garcia Ana), each a tuple of (key field, has an upper
    bound). The values are the DOC ID, or each range's bounds in order. Searches of
    one shape differ only in their values, so their SQL is made once
    (portal/compiled.py).
    """
    query = (query or "").strip()
    if looks_like_doc_id(query):
        return DOC_ID_SEARCH, (normalize_doc_id(query),)
    if "," in query:
        last, _sep, given = query.partition(",")
        readings = [_name_ranges(last, given or first)]
    else:
        words = query.split()
        if not words:
            return None
        readings = [_name_ranges(query, first)]
        if len(words) > 1 and not first:
            readings.append(_name_ranges(" ".join(words[1:]), words[0]))
    readings = [ranges for ranges in readings if ranges]
    if not readings:
        return None
    shape = tuple(tuple((field, bool(high)) for field, _low, high in r) for r in readings)
    values = tuple(bound for r in readings for _f, low, high in r for bound in (low, high) if bound)
    return shape, values


def _name_ranges(last: str, first: str) -> list[tuple[str, str, str]]:
    """(key field, lowest key, key above the last match or "") for each name part given.

    A range on the first name too: checked inside the index, so only the matching
    people are read (not every García, to keep the Anas). Only "z", "zz"... have no
    upper bound: no character of a key sorts after "z", so every key from "zz" on
    starts with "zz".
    """
    last_key = search_key(last)
    if not last_key:
        return []
    ranges = [("last_key", last_key, _prefix_upper_bound(last_key))]
    if first_key := search_key(first):
        ranges.append(("first_key", first_key, _prefix_upper_bound(first_key)))
    return ranges


_KEY_ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz"  # every character of a search key


def _prefix_upper_bound(prefix: str) -> str:
    """The least key above every key that starts with `prefix` ("" when there is none).

    "garcia" -> "garcib", "smiz" -> "smj", "a9" -> "aa". It steps through the key
    alphabet rather than byte values, so it holds in any collation that orders
    digits before letters.
    """
    chars = list(prefix)
    while chars:
        position = _KEY_ALPHABET.find(chars[-1])
        if 0 <= position < len(_KEY_ALPHABET) - 1:
            chars[-1] = _KEY_ALPHABET[position + 1]
            return "".join(chars)
        chars.pop()
    return ""


def full_name(first: str, middle: str, last: str) -> str:
    """A person's name as the site shows it: the parts they have, in order."""
    # Most people have a first and a last name: joined directly, which took a third
    # as long as joining the parts found (a search shows twenty names).
    if first and last:
        return f"{first} {middle} {last}" if middle else f"{first} {last}"
    return " ".join(filter(None, (first, middle, last)))


class Inmate(models.Model):
    """A person in the agency's custody. Shown to families as “the person”."""

    agency = models.ForeignKey(
        Agency,
        on_delete=models.PROTECT,
        related_name="people",
        help_text=_("The department holding this person."),
    )
    doc_id = models.CharField(
        _("DOC ID"),
        max_length=32,
        validators=[doc_id_validator],
        help_text=_("The department's number for this person: digits only, any length."),
    )
    first_name = models.CharField(
        _("first name"), max_length=100, help_text=_("As in the department's records.")
    )
    middle_name = models.CharField(
        _("middle name"), max_length=100, blank=True, help_text=_("Optional.")
    )
    last_name = models.CharField(
        _("last name"), max_length=100, help_text=_("As in the department's records.")
    )
    facility = models.ForeignKey(
        Facility,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="people",
        help_text=_("Where the person is held now. Leave empty if released or not known."),
    )
    is_fictional = models.BooleanField(
        _("fictional (demo)"),
        default=False,
        help_text=_("Ticked for made-up demo people; their pages say so."),
    )
    first_key = models.CharField(max_length=100, editable=False, db_index=True)
    last_key = models.CharField(max_length=100, editable=False)

    objects = InmateQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("person in custody")
        verbose_name_plural = _("people in custody")
        ordering = ["last_name", "first_name"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "doc_id"], name="doc_id_unique_per_agency")
        ]
        indexes = [
            # Name search in result order: the range on last_key, then the order.
            models.Index(fields=["last_key", "first_key", "doc_id"], name="inmate_name_order_idx"),
            # Search and the person page look a DOC ID up without the agency, so the
            # (agency, doc_id) unique index cannot serve them.
            models.Index(fields=["doc_id"], name="inmate_doc_id_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.full_name} ({self.doc_id})"

    def save(self, *args, **kwargs):
        self.refresh_keys()
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("portal:person", args=[self.doc_id])

    def refresh_keys(self) -> None:
        self.first_key = search_key(self.first_name)[:100]
        self.last_key = search_key(self.last_name)[:100]

    @property
    def full_name(self) -> str:
        return full_name(self.first_name, self.middle_name, self.last_name)


class AlertKind(models.TextChoices):
    VISITING_CANCELLED = "visiting_cancelled", _("Visiting cancelled")
    LOCKDOWN = "lockdown", _("Lockdown")
    CHANGED_HOURS = "changed_hours", _("Changed hours")
    OTHER = "other", _("Other notice")


class AlertQuerySet(models.QuerySet):
    def current(self, at: datetime | None = None):
        moment = at or clock.now()
        return self.filter(
            Q(starts_at__lte=moment), Q(ends_at__isnull=True) | Q(ends_at__gt=moment)
        )

    def overlapping_day(self, day: date, tz):
        """Alerts in force at any time on `day` in the time zone `tz`."""
        start = datetime.combine(day, datetime.min.time(), tzinfo=tz)
        end = datetime.combine(day, datetime.max.time(), tzinfo=tz)
        return self.filter(Q(starts_at__lte=end), Q(ends_at__isnull=True) | Q(ends_at__gt=start))

    def for_facility(self, facility: Facility):
        return self.filter(
            Q(facility=facility) | Q(facility__isnull=True, agency_id=facility.agency_id)
        )


class FacilityAlert(models.Model):
    agency = models.ForeignKey(
        Agency,
        on_delete=models.CASCADE,
        related_name="alerts",
        help_text=_("The department the alert is about."),
    )
    facility = models.ForeignKey(
        Facility,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="alerts",
        help_text=_("Leave empty for a notice about every facility of the agency."),
    )
    kind = models.CharField(
        _("kind"),
        max_length=32,
        choices=AlertKind.choices,
        help_text=_("Pick the closest; “Other notice” for anything else."),
    )
    title = models.CharField(
        _("headline"), max_length=120, help_text=_("Short and plain, such as “Visiting cancelled”.")
    )
    message = models.TextField(
        _("message"), help_text=_("What families need to know and what to do. Plain words.")
    )
    starts_at = models.DateTimeField(_("shown from"), help_text=_("Central time."))
    ends_at = models.DateTimeField(
        _("shown until"),
        null=True,
        blank=True,
        help_text=_("Central time. Leave empty to show until you remove it."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = AlertQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("facility alert")
        verbose_name_plural = _("facility alerts")
        ordering = ["-starts_at"]

    def __str__(self) -> str:
        where = self.facility.code if self.facility_id else _("all facilities")
        return f"{self.title} ({where})"

    def clean(self):
        super().clean()
        if self.ends_at and self.starts_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The end must be after the start.")})
        if self.facility_id and self.agency_id and self.facility.agency_id != self.agency_id:
            raise ValidationError({"facility": _("This facility belongs to another agency.")})

    def admin_warnings(self) -> list[str]:
        warnings = []
        if self.facility_id is None:
            warnings.append(_("This alert shows on the page of every facility."))
        if self.ends_at is None:
            warnings.append(_("This alert has no end: it shows until you remove it or end it."))
        return [str(text) for text in warnings]

    def is_current(self, at: datetime | None = None) -> bool:
        moment = at or clock.now()
        return self.starts_at <= moment and (self.ends_at is None or moment < self.ends_at)


class SeedRecord(models.Model):
    """What the data loader last wrote for one record, field by field.

    The loader compares the record's fields with these values: a field that
    differs was changed by staff and is kept. A record staff deleted stays deleted.
    """

    model = models.CharField(max_length=100)
    key = models.CharField(max_length=300)
    values = models.JSONField(default=dict)
    loaded_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["model", "key"], name="seed_record_unique")]

    def __str__(self) -> str:
        return f"{self.model} {self.key}"
