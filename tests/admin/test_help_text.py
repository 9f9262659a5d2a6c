"""Every field staff edit explains itself, and every content admin uses the shared base."""

import pytest
from django.apps import apps
from django.contrib import admin

from portal.admin_base import RuleAdmin
from portal.models import Agency, Facility, FacilityAlert, Inmate

GUIDE_APPS = ("mail", "funds", "phones", "visits")


def guide_models():
    return [
        model
        for label in GUIDE_APPS
        for model in apps.get_app_config(label).get_models()
        if not model._meta.model_name.startswith("historical")
    ]


MODELS = [Agency, Facility, FacilityAlert, Inmate, *guide_models()]


def fields_missing_help_text(model):
    return [
        f.name
        for f in model._meta.get_fields()
        if getattr(f, "editable", False)
        and getattr(f, "concrete", False)
        and not f.auto_created
        and not str(getattr(f, "help_text", ""))
    ]


def test_every_guide_app_has_rule_models():
    assert {m._meta.app_label for m in guide_models()} == set(GUIDE_APPS)


@pytest.mark.parametrize("model", MODELS, ids=[m._meta.label for m in MODELS])
def test_every_field_has_help_text_for_staff(model):
    assert fields_missing_help_text(model) == []


@pytest.mark.parametrize("model", MODELS, ids=[m._meta.label for m in MODELS])
def test_every_content_admin_uses_the_shared_rule_admin(model):
    assert isinstance(admin.site._registry[model], RuleAdmin)


@pytest.mark.parametrize("model", guide_models(), ids=[m._meta.label for m in guide_models()])
def test_each_guide_rule_names_what_makes_it_the_same_rule(model):
    assert model.overlap_fields, model
    for name in model.overlap_fields:
        model._meta.get_field(name)


@pytest.mark.parametrize("model", guide_models(), ids=[m._meta.label for m in guide_models()])
def test_each_guide_admin_groups_its_fields_with_dates_and_source_apart(model, rf, admin_user):
    request = rf.get("/")
    request.user = admin_user
    groups = admin.site._registry[model].get_fieldsets(request)
    names = [str(name) for name, _opts in groups]
    assert "When it applies" in names
    assert "Source and review" in names
    every = [f for _name, opts in groups for f in opts["fields"]]
    assert len(every) == len(set(every))
