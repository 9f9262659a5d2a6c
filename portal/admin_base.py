"""What every staff admin page shares: history, safe saves, schedule, freshness, CSV.

An app's admin gets all of it by subclassing `RuleAdmin`:

    from portal.admin_base import RuleAdmin, RuleResource

    class VisitingSessionResource(RuleResource):        # optional: CSV columns
        class Meta(RuleResource.Meta):
            model = VisitingSession
            import_id_fields = ["facility", "weekday", "starts_at"]

    @admin.register(VisitingSession)
    class VisitingSessionAdmin(RuleAdmin):
        resource_classes = [VisitingSessionResource]   # leave out for all columns by id
        list_display = ["facility", "weekday", "starts_at", "ends_at"]

`RuleAdmin` adds, for any model:
- history of every change with who and when, and revert (django-simple-history);
- a guard against lost updates: a save based on an out-of-date form is refused;
- warnings after a save, from the model's `admin_warnings()`;
- for dated rules, an "In force / Takes effect on ... / Ended on ..." column and filter;
- for sourced facts, a "needs review" filter and a "Mark reviewed today" action;
- CSV import (with a preview and per-row errors, all or nothing) and export.
"""

from __future__ import annotations

import hashlib
import json
from datetime import timedelta

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import flatten_fieldsets
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import router, transaction
from django.db.models import Q
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from import_export import resources
from import_export.admin import ImportExportMixin
from import_export.formats.base_formats import CSV
from simple_history.admin import SimpleHistoryAdmin

from portal import clock, validation
from portal.models import DatedRule, Sourced

LOCK_FIELD = "lock_token"


# ---------- lost updates ----------


def row_fingerprint(model, pk) -> str:
    """A short hash of what the database holds for one row right now."""
    row = model._default_manager.filter(pk=pk).values().first()
    if row is None:
        return ""
    text = json.dumps(row, sort_keys=True, cls=DjangoJSONEncoder)
    return hashlib.sha256(text.encode()).hexdigest()[:32]


class LockedModelForm(forms.ModelForm):
    """A model form that refuses to save over a change made since it was opened.

    The form carries a fingerprint of the row as it was when staff opened it. On
    save, the row is read again (locked until the save ends); if anyone changed it
    in between, the save is refused with a clear message instead of silently
    overwriting their work. No extra model field is needed.
    """

    lock_token = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None and not self.is_bound:
            # From the database, not the instance: a history "revert" form shows
            # old values but must be checked against the row as it is now.
            self.initial[LOCK_FIELD] = row_fingerprint(type(self.instance), self.instance.pk)

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is None:
            return cleaned
        model = type(self.instance)
        # Hold the row until this save commits (the admin saves inside a transaction).
        if transaction.get_connection(router.db_for_write(model)).in_atomic_block:
            # No ordering: a default ordering over a nullable relation would join it,
            # and PostgreSQL cannot lock the nullable side of an outer join.
            list(model._default_manager.select_for_update().filter(pk=self.instance.pk).order_by())
        if self.cleaned_data.get(LOCK_FIELD) != row_fingerprint(model, self.instance.pk):
            raise ValidationError(
                _(
                    "Someone else saved a change to this %(thing)s after you opened it, so "
                    "your changes were not saved. Open it again to see their change, "
                    "then make yours."
                ),
                code="stale",
                params={"thing": model._meta.verbose_name},
            )
        return cleaned


# ---------- list filters and actions ----------


class ScheduleFilter(admin.SimpleListFilter):
    title = _("in force")
    parameter_name = "schedule"

    def lookups(self, request, model_admin):
        return [
            ("now", _("In force today")),
            ("future", _("Takes effect later")),
            ("ended", _("Ended")),
        ]

    def queryset(self, request, queryset):
        today = clock.today()
        if self.value() == "now":
            return queryset.current(today)
        if self.value() == "future":
            return queryset.filter(effective_from__gt=today)
        if self.value() == "ended":
            return queryset.filter(effective_until__lt=today)
        return queryset


def review_cutoff():
    return clock.today() - timedelta(days=settings.REVIEW_AFTER_DAYS)


def needs_review_q() -> Q:
    return Q(last_reviewed__isnull=True) | Q(last_reviewed__lt=review_cutoff())


class ReviewFilter(admin.SimpleListFilter):
    title = _("review")
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [
            ("due", _("Needs review")),
            ("ok", _("Reviewed recently")),
        ]

    def queryset(self, request, queryset):
        if self.value() == "due":
            return queryset.filter(needs_review_q())
        if self.value() == "ok":
            return queryset.exclude(needs_review_q())
        return queryset


@admin.action(description=_("Mark reviewed today"), permissions=["change"])
def mark_reviewed(modeladmin, request, queryset):
    today = clock.today()
    count = 0
    # One save each, so the history records who reviewed what.
    for obj in queryset:
        obj.last_reviewed = today
        obj.save(update_fields=["last_reviewed"])
        count += 1
    modeladmin.message_user(
        request,
        ngettext("Marked %(n)d item reviewed.", "Marked %(n)d items reviewed.", count)
        % {"n": count},
        messages.SUCCESS,
    )


# ---------- CSV ----------


class RuleResource(resources.ModelResource):
    """CSV columns for a model. Each row is checked like an admin save (full_clean),
    and one bad row rolls the whole file back."""

    class Meta:
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True
        use_transactions = True

    def import_data(self, *args, **kwargs):
        kwargs["rollback_on_validation_errors"] = True
        return super().import_data(*args, **kwargs)


def resource_for(model) -> type[RuleResource]:
    """A `RuleResource` with every column, rows matched by id."""
    meta = type("Meta", (RuleResource.Meta,), {"model": model})
    return type(f"{model.__name__}Resource", (RuleResource,), {"Meta": meta})


# ---------- the admin base ----------


class RuleAdmin(ImportExportMixin, SimpleHistoryAdmin):
    form = LockedModelForm
    formats = [CSV]
    # Shown first in the list for dated rules and sourced facts.
    schedule_column = True

    def __init__(self, model, admin_site):
        super().__init__(model, admin_site)
        if issubclass(model, Sourced) and mark_reviewed not in (self.actions or ()):
            self.actions = [*(self.actions or ()), mark_reviewed]

    # --- CSV ---
    def get_resource_classes(self, request):
        return list(self.resource_classes) or [resource_for(self.model)]

    # --- lists ---
    def _is_dated(self) -> bool:
        return issubclass(self.model, DatedRule)

    def _is_sourced(self) -> bool:
        return issubclass(self.model, Sourced)

    def get_list_display(self, request):
        columns = list(super().get_list_display(request))
        if self._is_dated() and self.schedule_column and "schedule_status" not in columns:
            columns.append("schedule_status")
        if self._is_sourced() and "last_reviewed" not in columns:
            columns.append("last_reviewed")
        return columns

    def get_list_filter(self, request):
        filters = list(super().get_list_filter(request))
        if self._is_dated() and ScheduleFilter not in filters:
            filters.insert(0, ScheduleFilter)
        if self._is_sourced() and ReviewFilter not in filters:
            filters.append(ReviewFilter)
        return filters

    @admin.display(description=_("in force"))
    def schedule_status(self, obj):
        return validation.schedule_status(obj)

    # --- forms ---
    def get_form(self, request, obj=None, **kwargs):
        form = kwargs.get("form") or self.form
        if not issubclass(form, LockedModelForm):
            # An app's own form still gets the lost-update guard.
            kwargs["form"] = type(form.__name__, (LockedModelForm, form), {})
        return super().get_form(request, obj, **kwargs)

    def get_fieldsets(self, request, obj=None):
        if self.fieldsets:
            fieldsets = list(super().get_fieldsets(request, obj))
        else:
            fieldsets = self.default_fieldsets(self.get_fields(request, obj))
        if obj is not None and LOCK_FIELD not in flatten_fieldsets(fieldsets):
            name, options = fieldsets[0]
            fieldsets[0] = (name, {**options, "fields": [*options["fields"], LOCK_FIELD]})
        if obj is None:
            fieldsets = [
                (name, {**opts, "fields": [f for f in opts["fields"] if f != LOCK_FIELD]})
                for name, opts in fieldsets
            ]
        return fieldsets

    @staticmethod
    def default_fieldsets(fields):
        """Without declared fieldsets: the rule itself, then its dates, then its source."""
        dated = [f for f in ("effective_from", "effective_until") if f in fields]
        sourced = [f for f in ("source", "last_reviewed") if f in fields]
        fieldsets = [(None, {"fields": [f for f in fields if f not in dated + sourced]})]
        if dated:
            fieldsets.append((_("When it applies"), {"fields": dated}))
        if sourced:
            fieldsets.append((_("Source and review"), {"fields": sourced}))
        return fieldsets

    def get_fields(self, request, obj=None):
        fields = [f for f in super().get_fields(request, obj) if f != LOCK_FIELD]
        return [*fields, LOCK_FIELD] if obj is not None else fields

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        warn = getattr(obj, "admin_warnings", None)
        for text in warn() if warn else []:
            self.message_user(request, text, messages.WARNING)


# ---------- the site and the freshness dashboard ----------


def models_to_review(site) -> list:
    """Registered sourced models, each with its rows not reviewed recently."""
    groups = []
    for model in site._registry:
        if not issubclass(model, Sourced):
            continue
        rows = model._default_manager.filter(needs_review_q())
        if issubclass(model, DatedRule):
            # A rule that has ended no longer reaches families: nothing to check.
            rows = rows.exclude(effective_until__lt=clock.today())
        rows = list(rows.order_by("last_reviewed")[:200])
        if not rows:
            continue
        opts = model._meta
        groups.append(
            {
                "name": opts.verbose_name_plural,
                "changelist": reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
                + "?review=due",
                "rows": [
                    {
                        "obj": row,
                        "url": reverse(
                            f"admin:{opts.app_label}_{opts.model_name}_change", args=[row.pk]
                        ),
                    }
                    for row in rows
                ],
            }
        )
    groups.sort(key=lambda g: str(g["name"]))
    return groups


class StaffAdminSite(admin.AdminSite):
    site_header = _("Staying Connected: staff admin")
    site_title = _("Staying Connected admin")
    index_title = _("Rules, facilities and people")
    index_template = "admin/staff_index.html"

    def get_urls(self):
        return [
            path("freshness/", self.admin_view(self.freshness_view), name="freshness"),
            *super().get_urls(),
        ]

    def freshness_view(self, request):
        context = {
            **self.each_context(request),
            "title": _("Facts to review"),
            "groups": models_to_review(self),
            "days": settings.REVIEW_AFTER_DAYS,
            "cutoff": review_cutoff(),
            "today": clock.today(),
        }
        return TemplateResponse(request, "admin/freshness.html", context)
