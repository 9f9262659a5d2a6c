"""Checks every rule model shares, driven by class attributes on the model.

`Sourced.clean()` and `DatedRule.clean()` call these, so the admin form, a CSV
import and `full_clean()` all refuse the same mistakes with the same message.
A model opts in by naming its fields:

    class VisitingSession(DatedRule):
        overlap_fields = ("facility", "weekday", "housing")   # "the same rule"
        ordered_fields = (("starts_at", "ends_at"),)          # end after start
        usual_hours_fields = ("starts_at", "ends_at")         # warn outside 6-22
        non_negative_fields = ("price",)                      # optional, see below

Warnings do not stop a save: `admin_warnings()` returns them and the admin
shows them after saving.
"""

from __future__ import annotations

from datetime import date, time

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from portal import clock

USUAL_FIRST_HOUR = time(6, 0)
USUAL_LAST_HOUR = time(22, 0)
DAY_FORMAT = "F j, Y"
MONEY_WORDS = ("price", "fee", "cost", "amount", "charge")
NUMBER_FIELDS = (models.DecimalField, models.IntegerField, models.FloatField)


def _label(instance, name: str) -> str:
    return str(instance._meta.get_field(name).verbose_name)


def check_ordered(instance) -> None:
    """Each (start, end) pair in `ordered_fields`: the end must come after the start."""
    errors = {}
    for start_name, end_name in getattr(instance, "ordered_fields", ()):
        start, end = getattr(instance, start_name), getattr(instance, end_name)
        if start is not None and end is not None and end <= start:
            errors[end_name] = _("“%(end)s” must be after “%(start)s”.") % {
                "end": _label(instance, end_name),
                "start": _label(instance, start_name),
            }
    if errors:
        raise ValidationError(errors)


def non_negative_field_names(model) -> tuple[str, ...]:
    declared = getattr(model, "non_negative_fields", ())
    if declared:
        return tuple(declared)
    return tuple(
        field.name
        for field in model._meta.concrete_fields
        if isinstance(field, NUMBER_FIELDS)
        and not field.primary_key
        and any(word in field.name for word in MONEY_WORDS)
    )


def check_non_negative(instance) -> None:
    errors = {}
    for name in non_negative_field_names(type(instance)):
        value = getattr(instance, name)
        if value is not None and value < 0:
            errors[name] = _("“%(field)s” cannot be below zero.") % {
                "field": _label(instance, name)
            }
    if errors:
        raise ValidationError(errors)


def _field_value(instance, name: str):
    """The value to compare on: the id for a foreign key, the value otherwise."""
    field = instance._meta.get_field(name)
    return getattr(instance, field.attname)


def overlapping(instance):
    """Other rows of the same rule (same `overlap_fields`) in force on a shared day."""
    names = getattr(instance, "overlap_fields", ())
    if not names:
        return None
    lookup = {}
    for name in names:
        value = _field_value(instance, name)
        if value is None and not instance._meta.get_field(name).null:
            return None  # not filled in yet: the field's own error says so
        lookup[instance._meta.get_field(name).attname] = value
    start, until = instance.effective_from, instance.effective_until
    others = type(instance)._default_manager.filter(**lookup)
    if instance.pk is not None:
        others = others.exclude(pk=instance.pk)
    # Two periods share a day unless one ends before the other begins. An empty
    # end runs for ever; an empty start has always applied.
    if until is not None:
        others = others.filter(Q(effective_from__isnull=True) | Q(effective_from__lte=until))
    if start is not None:
        others = others.filter(Q(effective_until__isnull=True) | Q(effective_until__gte=start))
    return others


def _period(rule) -> str:
    start = date_format(rule.effective_from, DAY_FORMAT) if rule.effective_from else _("always")
    until = (
        date_format(rule.effective_until, DAY_FORMAT) if rule.effective_until else _("no end date")
    )
    return f"{start} – {until}"


def check_no_overlap(instance) -> None:
    others = overlapping(instance)
    if others is None:
        return
    clash = others.order_by("effective_from").first()
    if clash is None:
        return
    raise ValidationError(
        _(
            "These dates overlap “%(other)s” (in force %(period)s), which is the same rule. "
            "End the other one the day before this one starts, or change these dates."
        )
        % {"other": clash, "period": _period(clash)}
    )


def usual_hours_warnings(instance) -> list[str]:
    warnings = []
    for name in getattr(instance, "usual_hours_fields", ()):
        value = getattr(instance, name)
        if hasattr(value, "time") and not isinstance(value, time):
            value = clock.localtime(value).time()
        if isinstance(value, time) and not (USUAL_FIRST_HOUR <= value <= USUAL_LAST_HOUR):
            warnings.append(
                _(
                    "“%(field)s” is %(value)s, outside the usual 6 a.m. to 10 p.m. "
                    "It was saved: check it is right."
                )
                % {"field": _label(instance, name), "value": value.strftime("%H:%M")}
            )
    return warnings


def schedule_warnings(instance) -> list[str]:
    today = clock.today()
    warnings = []
    if instance.effective_from and instance.effective_from > today:
        warnings.append(
            _("This takes effect on %(day)s. Families see the current rule until then.")
            % {"day": date_format(instance.effective_from, DAY_FORMAT)}
        )
    if instance.effective_until and instance.effective_until < today:
        warnings.append(
            _("This ended on %(day)s, so families no longer see it.")
            % {"day": date_format(instance.effective_until, DAY_FORMAT)}
        )
    return warnings


def schedule_status(instance, today: date | None = None) -> str:
    """'In force', 'Takes effect on ...' or 'Ended on ...' for the admin list."""
    today = today or clock.today()
    if instance.effective_from and instance.effective_from > today:
        return _("Takes effect on %(day)s") % {
            "day": date_format(instance.effective_from, DAY_FORMAT)
        }
    if instance.effective_until and instance.effective_until < today:
        return _("Ended on %(day)s") % {"day": date_format(instance.effective_until, DAY_FORMAT)}
    return _("In force")
