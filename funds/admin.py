"""Staff edit the ways to add money here, one row per way of paying."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from funds.models import DepositMethod
from portal.admin_base import RuleAdmin


@admin.register(DepositMethod)
class DepositMethodAdmin(RuleAdmin):
    list_display = [
        "__str__",
        "key",
        "position",
        "provider_phone",
        "effective_from",
        "effective_until",
        "last_reviewed",
    ]
    list_filter = ["agency", "channel"]
    search_fields = ["key", "provider_name", "payee"]
    fieldsets = [
        (None, {"fields": ["agency", "key", "channel", "position", "speed"]}),
        (
            _("Electronic provider"),
            {
                "description": _(
                    "To change the provider, edit these fields on every electronic row, "
                    "or add new rows with the date the new provider starts."
                ),
                "fields": [
                    "provider_name",
                    "provider_phone",
                    "provider_website",
                    "accepted_cards",
                ],
            },
        ),
        (
            _("What families need ready"),
            {
                "fields": [
                    "needs_name",
                    "needs_doc_id",
                    "needs_facility",
                    "needs_deposit_slip",
                    "deposit_slip_url",
                ]
            },
        ),
        (
            _("By mail"),
            {
                "fields": [
                    "money_order_from",
                    "payee",
                    "memo_name",
                    "memo_doc_id",
                    "pen_colours",
                    "mail_to",
                    "mail_nothing_else",
                ]
            },
        ),
        (_("Questions and fees"), {"fields": ["questions_name", "questions_phone", "fee"]}),
        (_("When it applies"), {"fields": ["effective_from", "effective_until"]}),
        (_("Source and review"), {"fields": ["source", "last_reviewed"]}),
    ]
