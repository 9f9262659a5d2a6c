"""What any app's admin gets by subclassing RuleAdmin."""

from django import forms
from django.contrib import admin
from django.test import RequestFactory

from portal.admin_base import LOCK_FIELD, LockedModelForm, RuleAdmin
from portal.models import Facility


def test_without_fieldsets_the_dates_and_the_source_get_their_own_groups(sample_rules, admin_user):
    from tests.admin.urls import site

    request = RequestFactory().get("/")
    request.user = admin_user
    model_admin = site._registry[sample_rules]
    groups = model_admin.get_fieldsets(request)
    assert [name for name, _ in groups] == [None, "When it applies", "Source and review"]
    assert groups[1][1]["fields"] == ["effective_from", "effective_until"]
    assert groups[2][1]["fields"] == ["source", "last_reviewed"]
    assert LOCK_FIELD not in groups[0][1]["fields"]  # nothing to guard when adding


def test_an_apps_own_form_still_gets_the_lost_update_guard(missouri, admin_user):
    class OwnForm(forms.ModelForm):
        class Meta:
            model = Facility
            fields = ["name", "phone"]

    class OwnAdmin(RuleAdmin):
        form = OwnForm

    request = RequestFactory().get("/")
    request.user = admin_user
    facility = Facility.objects.get(code="ACC")
    form_class = OwnAdmin(Facility, admin.site).get_form(request, facility)
    assert issubclass(form_class, LockedModelForm)
    assert issubclass(form_class, OwnForm)
    assert form_class(instance=facility).initial[LOCK_FIELD]


def test_the_schedule_column_and_filter_come_with_dated_rules_only(sample_rules, admin_user):
    from tests.admin.urls import site

    request = RequestFactory().get("/")
    request.user = admin_user
    rules = site._registry[sample_rules]
    assert "schedule_status" in rules.get_list_display(request)
    facilities = site._registry[Facility]
    assert "schedule_status" not in facilities.get_list_display(request)
    assert "last_reviewed" in facilities.get_list_display(request)
