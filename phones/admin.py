"""Staff edit the phone provider, the kinds of call, the call rules and the rates here."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from phones.models import CallRate, CallRule, CallType, PhoneProvider
from portal.admin_base import RuleAdmin

WHEN = (_("When it applies"), {"fields": ["effective_from", "effective_until"]})
SOURCE = (_("Source and review"), {"fields": ["source", "last_reviewed"]})


@admin.register(PhoneProvider)
class PhoneProviderAdmin(RuleAdmin):
    list_display = ["name", "agency", "phone", "account_name", "effective_from", "last_reviewed"]
    list_filter = ["agency"]
    fieldsets = [
        (None, {"fields": ["agency", "key", "name", "phone", "website", "account_name"]}),
        WHEN,
        SOURCE,
    ]


@admin.register(CallType)
class CallTypeAdmin(RuleAdmin):
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
        WHEN,
        SOURCE,
    ]


@admin.register(CallRule)
class CallRuleAdmin(RuleAdmin):
    list_display = ["title", "kind", "agency", "sort_order", "effective_from", "last_reviewed"]
    list_filter = ["agency", "kind"]
    search_fields = ["title", "text"]
    fieldsets = [
        (None, {"fields": ["agency", "key", "kind", "title", "text", "sort_order"]}),
        WHEN,
        SOURCE,
    ]


@admin.register(CallRate)
class CallRateAdmin(RuleAdmin):
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
        WHEN,
        SOURCE,
    ]
