"""Admin for the in-person visiting rules."""

from django.contrib import admin

from visits.models import CarryAllItem, IdRule, VisitingSession, VisitorListPolicy, VisitRule

DATED = ("source", "last_reviewed", "effective_from", "effective_until")


@admin.register(VisitingSession)
class VisitingSessionAdmin(admin.ModelAdmin):
    list_display = (
        "key",
        "facility",
        "facility_kind",
        "entry",
        "weekday",
        "date",
        "start",
        "end",
        "who",
        "effective_from",
        "effective_until",
    )
    list_filter = ("entry", "facility_kind", "weekday", "who", "facility")
    search_fields = ("key", "note", "facility__name", "facility__code")
    date_hierarchy = "date"
    autocomplete_fields = ("facility",)
    fieldsets = (
        (None, {"fields": ("key", "agency", "facility", "facility_kind", "entry")}),
        ("When", {"fields": ("weekday", "date", "start", "end", "who", "note")}),
        ("Source and dates", {"fields": DATED}),
    )


@admin.register(VisitorListPolicy)
class VisitorListPolicyAdmin(admin.ModelAdmin):
    list_display = ("agency", "max_visitors", "changes_per_year", "effective_from", "last_reviewed")


@admin.register(IdRule)
class IdRuleAdmin(admin.ModelAdmin):
    list_display = (
        "key",
        "min_age",
        "max_age",
        "id_needed",
        "needs_approved_adult",
        "last_reviewed",
    )
    list_editable = ("id_needed",)


@admin.register(CarryAllItem)
class CarryAllItemAdmin(admin.ModelAdmin):
    list_display = ("name", "max_quantity", "order", "effective_from", "last_reviewed")
    list_editable = ("max_quantity", "order")


@admin.register(VisitRule)
class VisitRuleAdmin(admin.ModelAdmin):
    list_display = ("key", "topic", "order", "text", "effective_from", "last_reviewed")
    list_filter = ("topic",)
    search_fields = ("key", "text", "source")
    list_editable = ("order",)
