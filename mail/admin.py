"""Staff edit every mail rule here: addresses, what may be sent, photo size, delivery.

Each admin is a `RuleAdmin`: history and revert, the lost-update guard, the
"in force" column and filter, the review filter and action, and CSV.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from mail.models import DeliveryMethod, MailDestination, MailItemRule, PhotoLimit
from portal.admin_base import RuleAdmin

WHEN = (_("When it applies"), {"fields": ["effective_from", "effective_until"]})
SOURCE = (_("Source and review"), {"fields": ["source", "last_reviewed"]})


@admin.register(MailDestination)
class MailDestinationAdmin(RuleAdmin):
    list_display = [
        "name",
        "purpose",
        "uses_facility_address",
        "effective_from",
        "effective_until",
        "last_reviewed",
    ]
    list_filter = ["agency", "purpose", "uses_facility_address", "effective_from"]
    search_fields = ["name", "key", "care_of_line", "po_box", "city", "source"]
    fieldsets = [
        (None, {"fields": ["agency", "key", "purpose", "name", "explanation"]}),
        (
            _("Address"),
            {
                "fields": [
                    "recipient_line_format",
                    "uses_facility_address",
                    "care_of_line",
                    "po_box",
                    "city",
                    "state",
                    "zip_code",
                ]
            },
        ),
        WHEN,
        SOURCE,
    ]


@admin.register(MailItemRule)
class MailItemRuleAdmin(RuleAdmin):
    list_display = [
        "item",
        "allowed",
        "send_to",
        "effective_from",
        "effective_until",
        "position",
        "last_reviewed",
    ]
    list_filter = ["agency", "item", "allowed", "send_to", "effective_from"]
    search_fields = ["key", "item", "reason", "instead", "source"]
    list_editable = ["position"]
    fieldsets = [
        (None, {"fields": ["agency", "key", "item", "position"]}),
        (_("The rule"), {"fields": ["allowed", "send_to", "reason", "instead"]}),
        WHEN,
        SOURCE,
    ]


@admin.register(PhotoLimit)
class PhotoLimitAdmin(RuleAdmin):
    list_display = ["__str__", "content_rule", "effective_from", "effective_until", "last_reviewed"]
    list_filter = ["agency", "effective_from"]
    search_fields = ["key", "content_rule", "source"]
    fieldsets = [
        (None, {"fields": ["agency", "key", "short_side", "long_side", "content_rule"]}),
        WHEN,
        SOURCE,
    ]


@admin.register(DeliveryMethod)
class DeliveryMethodAdmin(RuleAdmin):
    list_display = ["name", "position", "effective_from", "effective_until", "last_reviewed"]
    list_filter = ["agency", "effective_from"]
    search_fields = ["name", "description", "key", "source"]
    fieldsets = [
        (None, {"fields": ["agency", "key", "name", "description", "position"]}),
        WHEN,
        SOURCE,
    ]
