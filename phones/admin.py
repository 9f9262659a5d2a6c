from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from phones.models import CallRate, CallRule, CallType, PhoneProvider

DATES = (
    _("Source and dates"),
    {"fields": ["source", "last_reviewed", "effective_from", "effective_until"]},
)


@admin.register(PhoneProvider)
class PhoneProviderAdmin(admin.ModelAdmin):
    list_display = ["name", "agency", "phone", "account_name", "effective_from", "last_reviewed"]
    list_filter = ["agency"]
    fieldsets = [
        (None, {"fields": ["agency", "key", "name", "phone", "website", "account_name"]}),
        DATES,
    ]


@admin.register(CallType)
class CallTypeAdmin(admin.ModelAdmin):
    list_display = [
        "kind",
        "agency",
        "payer",
        "reaches_cell",
        "reaches_landline",
        "needs_account",
        "effective_from",
        "last_reviewed",
    ]
    list_filter = ["agency", "kind"]
    fieldsets = [
        (None, {"fields": ["agency", "key", "kind", "payer", "sort_order"]}),
        (_("Phones it reaches"), {"fields": ["reaches_cell", "reaches_landline", "needs_account"]}),
        DATES,
    ]


@admin.register(CallRule)
class CallRuleAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "agency", "sort_order", "effective_from", "last_reviewed"]
    list_filter = ["agency", "kind"]
    search_fields = ["title", "text"]
    fieldsets = [
        (None, {"fields": ["agency", "key", "kind", "title", "text", "sort_order"]}),
        DATES,
    ]


@admin.register(CallRate)
class CallRateAdmin(admin.ModelAdmin):
    list_display = [
        "facility",
        "call_type",
        "fee_per_call",
        "per_minute",
        "effective_from",
        "effective_until",
    ]
    list_filter = ["call_type__kind", "facility"]
    list_select_related = ["facility", "call_type"]
    autocomplete_fields = ["facility"]
    fieldsets = [
        (None, {"fields": ["facility", "call_type", "fee_per_call", "per_minute"]}),
        DATES,
    ]
