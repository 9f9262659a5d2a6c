"""Admin for the in-person visiting rules.

Each admin is a `RuleAdmin` (history and revert, the lost-update guard, the
"in force" column and filter, the review filter and action, CSV). Visiting
sessions have CSV columns of their own, readable by staff: the agency's slug,
the facility's code, the day's name and times as 09:30.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from import_export import fields, widgets

from portal.admin_base import RuleAdmin, RuleResource
from portal.models import Agency, Facility
from visits.models import (
    CarryAllItem,
    IdRule,
    VisitingSession,
    VisitorListPolicy,
    VisitRule,
    Weekday,
)

WHEN = (_("When it applies"), {"fields": ("effective_from", "effective_until")})
SOURCE = (_("Source and review"), {"fields": ("source", "last_reviewed")})


# ---------- CSV columns for visiting sessions ----------


class WeekdayWidget(widgets.Widget):
    """A day as its English name ("Friday") in the file; a number 0-6 is read too."""

    def clean(self, value, row=None, **kwargs):
        text = str(value or "").strip()
        if not text:
            return None
        for day in Weekday:
            if text.lower() in (day.name.lower(), str(day.label).lower(), str(day.value)):
                return day.value
        raise ValueError(_("Write a day of the week, such as Friday."))

    def render(self, value, obj=None, **kwargs):
        return Weekday(value).name.title() if value is not None else ""


class ShortTimeWidget(widgets.TimeWidget):
    """Times written as 09:30 (seconds are read but never written)."""

    def render(self, value, obj=None, **kwargs):
        return value.strftime("%H:%M") if value else ""


class VisitingSessionResource(RuleResource):
    """One row per session or date, matched on its key (the name that never changes).

    A new row may leave the key empty: it is made from the scope, the day and the
    start, such as "acc-weekly-friday-0930", so the same line imported twice is
    one session, not two.
    """

    agency = fields.Field(
        attribute="agency", column_name="agency", widget=widgets.ForeignKeyWidget(Agency, "slug")
    )
    facility = fields.Field(
        attribute="facility",
        column_name="facility_code",
        widget=widgets.ForeignKeyWidget(Facility, "code"),
    )
    weekday = fields.Field(attribute="weekday", column_name="weekday", widget=WeekdayWidget())
    start = fields.Field(attribute="start", column_name="start", widget=ShortTimeWidget())
    end = fields.Field(attribute="end", column_name="end", widget=ShortTimeWidget())

    class Meta(RuleResource.Meta):
        model = VisitingSession
        import_id_fields = ["key"]
        fields = [
            "key",
            "agency",
            "facility",
            "facility_kind",
            "entry",
            "weekday",
            "date",
            "start",
            "end",
            "who",
            "note",
            "effective_from",
            "effective_until",
            "source",
            "last_reviewed",
        ]

    def before_import_row(self, row, **kwargs):
        if not str(row.get("key") or "").strip():
            row["key"] = natural_key(row)

    def import_instance(self, instance, row, **kwargs):
        super().import_instance(instance, row, **kwargs)
        # An empty cell is an empty text, never a missing value, for these fields.
        for name in ("facility_kind", "note", "source"):
            if getattr(instance, name) is None:
                setattr(instance, name, "")


def natural_key(row) -> str:
    """A key for a new row from what identifies it: scope, type, day or date, start."""
    parts = [
        row.get("facility_code") or row.get("facility_kind") or row.get("agency") or "",
        row.get("entry") or "weekly",
        row.get("weekday") or row.get("date") or "",
        str(row.get("start") or "").replace(":", "")[:4],
        str(row.get("effective_from") or ""),
    ]
    text = "-".join(str(p).strip() for p in parts if str(p).strip())
    return "".join(ch if ch.isalnum() else "-" for ch in text.lower()).strip("-")[:80]


# ---------- admins ----------


@admin.register(VisitingSession)
class VisitingSessionAdmin(RuleAdmin):
    resource_classes = [VisitingSessionResource]
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
    list_select_related = ("facility", "agency")
    search_fields = ("key", "note", "facility__name", "facility__code")
    date_hierarchy = "date"
    autocomplete_fields = ("facility",)
    fieldsets = (
        (
            _("Where it applies"),
            {"fields": ("key", "agency", "facility", "facility_kind", "entry")},
        ),
        (_("Day and hours"), {"fields": ("weekday", "date", "start", "end")}),
        (_("Who may come"), {"fields": ("who", "note")}),
        WHEN,
        SOURCE,
    )


@admin.register(VisitorListPolicy)
class VisitorListPolicyAdmin(RuleAdmin):
    list_display = ("agency", "max_visitors", "changes_per_year", "effective_from", "last_reviewed")
    fieldsets = (
        (None, {"fields": ("agency",)}),
        (_("The visitor list"), {"fields": ("max_visitors", "changes_per_year", "one_list_only")}),
        (_("Approval"), {"fields": ("supervised_need_officer_approval",)}),
        WHEN,
        SOURCE,
    )


@admin.register(IdRule)
class IdRuleAdmin(RuleAdmin):
    list_display = (
        "key",
        "min_age",
        "max_age",
        "id_needed",
        "needs_approved_adult",
        "last_reviewed",
    )
    list_editable = ("id_needed",)
    fieldsets = (
        (None, {"fields": ("agency", "key")}),
        (_("Ages"), {"fields": ("min_age", "max_age")}),
        (_("What the visitor needs"), {"fields": ("id_needed", "needs_approved_adult")}),
        WHEN,
        SOURCE,
    )


@admin.register(CarryAllItem)
class CarryAllItemAdmin(RuleAdmin):
    list_display = ("name", "max_quantity", "order", "effective_from", "last_reviewed")
    list_editable = ("max_quantity", "order")
    search_fields = ("name", "key")
    fieldsets = (
        (None, {"fields": ("agency", "key", "name", "max_quantity", "order")}),
        WHEN,
        SOURCE,
    )


@admin.register(VisitRule)
class VisitRuleAdmin(RuleAdmin):
    list_display = ("key", "topic", "order", "text", "effective_from", "last_reviewed")
    list_filter = ("topic",)
    search_fields = ("key", "text", "source")
    list_editable = ("order",)
    fieldsets = (
        (None, {"fields": ("agency", "key", "topic", "order", "text")}),
        WHEN,
        SOURCE,
    )
