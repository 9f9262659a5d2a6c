"""Video visiting rules: provider, prices, blocks, lead times, conduct.

Whether a facility offers on-site or remote video visits is on the shared
`Facility` model. Everything else a family relies on lives here, per agency,
with its source and the dates it is in force:

- `VideoVisitRules`: the provider and every number (price, block lengths,
  booking lead time, cancel-for-credit window, early log-in minutes).
- `VideoEligibilityRule`: a check that can stop a video visit, with the plain
  question the planner asks and what to do when it stops the visit.
- `VideoVisitPoint`: the rest of the guide as short points (set-up steps,
  conduct, prohibited conduct, what happens when rules are broken, refunds).
"""

from datetime import datetime
from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from portal.models import Agency, DatedQuerySet, DatedRule

# Only these names reach `visits.models`, beside the in-person models.
__all__ = [
    "VideoAnswer",
    "VideoAppliesTo",
    "VideoEligibilityRule",
    "VideoKind",
    "VideoPointTopic",
    "VideoVisitPoint",
    "VideoVisitRules",
]


class VideoKind(models.TextChoices):
    ONSITE = "onsite", _("On-site, at the facility")
    REMOTE = "remote", _("Remote, from your own device")


class VideoAppliesTo(models.TextChoices):
    BOTH = "both", _("Both kinds of video visit")
    ONSITE = "onsite", _("On-site video visits only")
    REMOTE = "remote", _("Remote video visits only")


def _applies(applies_to: str, kind: str) -> bool:
    return applies_to == VideoAppliesTo.BOTH or applies_to == kind


class VideoVisitRulesQuerySet(DatedQuerySet):
    def in_force(self, at: datetime | None = None):
        """The rules in force at `at`, the most recent start first."""
        return self.current(at).order_by(F("effective_from").desc(nulls_last=True), "-pk")


class VideoVisitRules(DatedRule):
    """One agency's video-visit numbers. To change a price from a date, add a row
    that starts on that date (and end the old one the day before), or edit in place."""

    agency = models.ForeignKey(
        Agency,
        on_delete=models.CASCADE,
        related_name="video_rules",
        help_text=_("The department this rule belongs to."),
    )
    key = models.SlugField(
        _("key"),
        max_length=80,
        help_text=_("A short name for this set of rules, such as video-visits-2025."),
    )
    provider_name = models.CharField(
        _("provider"), max_length=100, help_text=_("The company that runs video visits.")
    )
    provider_website = models.URLField(
        _("provider's website"),
        blank=True,
        help_text=_("Where families open an account and book, starting https://."),
    )
    provider_phone = models.CharField(
        _("provider's phone"),
        max_length=30,
        blank=True,
        help_text=_("The number families call to open an account with the provider."),
    )
    remote_price_per_block = models.DecimalField(
        _("remote price per block (US$)"),
        max_digits=6,
        decimal_places=2,
        help_text=_("What one remote block costs, such as 7.95. Enter 0 if free."),
    )
    remote_block_minutes = models.PositiveSmallIntegerField(
        _("remote block length (minutes)"),
        validators=[MinValueValidator(1)],
        help_text=_("How long one remote block lasts, such as 30."),
    )
    onsite_price_per_block = models.DecimalField(
        _("on-site price per block (US$)"),
        max_digits=6,
        decimal_places=2,
        default=Decimal("0"),
        help_text=_("0 means free."),
    )
    onsite_block_minutes = models.PositiveSmallIntegerField(
        _("on-site block length (minutes)"),
        validators=[MinValueValidator(1)],
        help_text=_("How long one on-site block lasts, such as 120."),
    )
    booking_lead_hours = models.PositiveSmallIntegerField(
        _("book at least this many hours ahead"),
        help_text=_("Counted in real hours, so a change of clocks is taken into account."),
    )
    cancel_credit_hours = models.PositiveSmallIntegerField(
        _("cancel at least this many hours ahead to get a credit"),
        help_text=_("Applies to remote visits, which are paid for."),
    )
    visitor_early_login_minutes = models.PositiveSmallIntegerField(
        _("visitor may log in this many minutes early"),
        help_text=_("How many minutes before the start the visitor may log in."),
    )
    person_early_login_minutes = models.PositiveSmallIntegerField(
        _("the person may log in this many minutes early"),
        help_text=_("How many minutes before the start the person in prison may log in."),
    )
    planner_max_blocks = models.PositiveSmallIntegerField(
        _("planner: most remote blocks worked out at once"),
        default=8,
        validators=[MinValueValidator(1), MaxValueValidator(48)],
        help_text=_("A limit of this site's planner, not a department rule."),
    )
    planner_horizon_days = models.PositiveSmallIntegerField(
        _("planner: how many days ahead a visit can be planned"),
        default=365,
        validators=[MinValueValidator(1), MaxValueValidator(1000)],
        help_text=_("A limit of this site's planner, not a department rule."),
    )
    reminder_minutes_before_login = models.PositiveSmallIntegerField(
        _("calendar: remind this many minutes before log-in"),
        default=10,
        validators=[MaxValueValidator(24 * 60)],
        help_text=_(
            "For the calendar file families download. A limit of this site, not a department rule."
        ),
    )

    objects = VideoVisitRulesQuerySet.as_manager()

    # One set of video-visit numbers for an agency on any day.
    overlap_fields = ("agency",)
    non_negative_fields = (
        "remote_price_per_block",
        "onsite_price_per_block",
        "remote_block_minutes",
        "onsite_block_minutes",
        "booking_lead_hours",
        "cancel_credit_hours",
        "visitor_early_login_minutes",
        "person_early_login_minutes",
        "planner_max_blocks",
        "planner_horizon_days",
        "reminder_minutes_before_login",
    )

    class Meta:
        verbose_name = _("video visit rules")
        verbose_name_plural = _("video visit rules")
        ordering = ["agency", "-effective_from"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "key"], name="video_rules_key_per_agency")
        ]

    def __str__(self) -> str:
        return f"{self.agency.short_name if self.agency_id else ''} {self.key}".strip()

    def block_minutes(self, kind: str) -> int:
        return self.remote_block_minutes if kind == VideoKind.REMOTE else self.onsite_block_minutes

    def price_per_block(self, kind: str) -> Decimal:
        return (
            self.remote_price_per_block if kind == VideoKind.REMOTE else self.onsite_price_per_block
        )


class VideoAnswer(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")
    NOT_SURE = "not_sure", _("I am not sure")


class VideoEligibilityRule(DatedRule):
    """A check that can stop a video visit, asked as a plain yes-or-no question."""

    STOPS_WHEN_CHOICES = [
        (VideoAnswer.YES, _("The answer is Yes")),
        (VideoAnswer.NO, _("The answer is No")),
        ("", _("Never on its own (it only decides whether a later question counts)")),
    ]

    agency = models.ForeignKey(
        Agency,
        on_delete=models.CASCADE,
        related_name="video_eligibility_rules",
        help_text=_("The department this rule belongs to."),
    )
    key = models.SlugField(_("key"), max_length=80, help_text=_("A short name that never changes."))
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("The planner asks lower numbers first.")
    )
    applies_to = models.CharField(
        _("applies to"),
        max_length=10,
        choices=VideoAppliesTo.choices,
        default=VideoAppliesTo.BOTH,
        help_text=_("On-site visits, remote visits, or both."),
    )
    rule = models.CharField(
        _("the rule, in plain words"),
        max_length=300,
        blank=True,
        help_text=_("Shown in the guide under “Who can take part”. Leave empty to hide."),
    )
    question = models.CharField(
        _("question the planner asks"),
        max_length=200,
        help_text=_("A yes-or-no question, in the second person."),
    )
    hint = models.CharField(
        _("hint under the question"),
        max_length=300,
        blank=True,
        help_text=_("Extra words that help a visitor answer. Optional."),
    )
    stops_when = models.CharField(
        _("the visit is refused when"),
        max_length=10,
        choices=STOPS_WHEN_CHOICES,
        blank=True,
        help_text=_("The answer that means the visit cannot go ahead."),
    )
    only_if = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="follow_ups",
        verbose_name=_("counts only if this question is answered Yes"),
        help_text=_("For a follow-up question. Leave empty for most rules."),
    )
    refusal = models.CharField(
        _("why the visit is refused"),
        max_length=300,
        blank=True,
        help_text=_("Shown when the answer stops the visit."),
    )
    next_step = models.CharField(
        _("what to do instead"),
        max_length=300,
        blank=True,
        help_text=_("Shown when the answer stops the visit, or when the visitor is not sure."),
    )
    next_url = models.CharField(
        _("link for the next step"),
        max_length=200,
        blank=True,
        help_text=_("A page of this site, such as /visits/plan/, or a full web address."),
    )
    next_label = models.CharField(
        _("text of that link"),
        max_length=100,
        blank=True,
        help_text=_("The words of the link, such as “Plan an in-person visit”."),
    )

    overlap_fields = ("agency", "question")

    class Meta:
        verbose_name = _("video visit eligibility rule")
        verbose_name_plural = _("video visit eligibility rules")
        ordering = ["agency", "order", "key"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "key"], name="video_eligibility_key_per_agency"
            )
        ]

    def __str__(self) -> str:
        return self.question

    def applies(self, kind: str) -> bool:
        return _applies(self.applies_to, kind)


class VideoPointTopic(models.TextChoices):
    GENERAL = "general", _("How video visits work")
    SETUP = "setup", _("Set-up for a remote visit (the planner's checklist)")
    PROHIBITED = "prohibited", _("Not allowed during a video visit")
    CONSEQUENCE = "consequence", _("What happens when rules are broken")
    REFUND = "refund", _("Refunds and credits")


class VideoVisitPoint(DatedRule):
    """One short point of the video-visit guide, in plain words."""

    agency = models.ForeignKey(
        Agency,
        on_delete=models.CASCADE,
        related_name="video_points",
        help_text=_("The department this rule belongs to."),
    )
    key = models.SlugField(_("key"), max_length=80, help_text=_("A short name that never changes."))
    topic = models.CharField(
        _("topic"),
        max_length=20,
        choices=VideoPointTopic.choices,
        help_text=_("The heading this point shows under."),
    )
    applies_to = models.CharField(
        _("applies to"),
        max_length=10,
        choices=VideoAppliesTo.choices,
        default=VideoAppliesTo.BOTH,
        help_text=_("On-site visits, remote visits, or both."),
    )
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Lower numbers come first.")
    )
    text = models.CharField(
        _("text"), max_length=400, help_text=_("One or two short sentences. Second person.")
    )

    # Each point is its own rule: the same point twice on one day is a mistake.
    overlap_fields = ("agency", "topic", "applies_to", "text")

    class Meta:
        verbose_name = _("video visit point")
        verbose_name_plural = _("video visit points")
        ordering = ["agency", "topic", "order", "key"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "key"], name="video_point_key_per_agency")
        ]

    def __str__(self) -> str:
        return self.text

    def applies(self, kind: str) -> bool:
        return _applies(self.applies_to, kind)
