"""Admin for the video visiting rules."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from portal.admin_base import RuleAdmin
from visits.models.video import VideoEligibilityRule, VideoVisitPoint, VideoVisitRules

WHEN = (_("When it applies"), {"fields": ("effective_from", "effective_until")})
SOURCE = (_("Source and review"), {"fields": ("source", "last_reviewed")})


@admin.register(VideoVisitRules)
class VideoVisitRulesAdmin(RuleAdmin):
    list_display = (
        "key",
        "agency",
        "provider_name",
        "remote_price_per_block",
        "remote_block_minutes",
        "onsite_block_minutes",
        "booking_lead_hours",
        "effective_from",
        "effective_until",
    )
    list_filter = ("agency",)
    fieldsets = (
        (None, {"fields": ("agency", "key")}),
        (
            _("Provider"),
            {"fields": ("provider_name", "provider_website", "provider_phone")},
        ),
        (
            _("Prices and block lengths"),
            {
                "fields": (
                    "remote_price_per_block",
                    "remote_block_minutes",
                    "onsite_price_per_block",
                    "onsite_block_minutes",
                )
            },
        ),
        (
            _("Booking, cancelling and logging in"),
            {
                "fields": (
                    "booking_lead_hours",
                    "cancel_credit_hours",
                    "visitor_early_login_minutes",
                    "person_early_login_minutes",
                )
            },
        ),
        (
            _("This site's planner"),
            {
                "fields": (
                    "planner_max_blocks",
                    "planner_horizon_days",
                    "reminder_minutes_before_login",
                )
            },
        ),
        WHEN,
        SOURCE,
    )


@admin.register(VideoEligibilityRule)
class VideoEligibilityRuleAdmin(RuleAdmin):
    list_display = ("question", "stops_when", "applies_to", "order", "agency", "effective_until")
    list_filter = ("agency", "applies_to")
    ordering = ("agency", "order")
    fieldsets = (
        (None, {"fields": ("agency", "key", "order", "applies_to", "rule")}),
        (
            _("The planner's question"),
            {"fields": ("question", "hint", "stops_when", "only_if")},
        ),
        (
            _("When it stops the visit"),
            {"fields": ("refusal", "next_step", "next_url", "next_label")},
        ),
        WHEN,
        SOURCE,
    )


@admin.register(VideoVisitPoint)
class VideoVisitPointAdmin(RuleAdmin):
    list_display = ("text", "topic", "applies_to", "order", "effective_until")
    list_filter = ("agency", "topic", "applies_to")
    search_fields = ("text", "key")
    ordering = ("agency", "topic", "order")
    fieldsets = (
        (None, {"fields": ("agency", "key", "topic", "applies_to", "order", "text")}),
        WHEN,
        SOURCE,
    )
