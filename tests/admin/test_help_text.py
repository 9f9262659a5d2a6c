"""Every field staff edit explains itself, and every portal admin uses the shared base."""

import pytest
from django.contrib import admin

from portal.admin_base import RuleAdmin
from portal.models import Agency, Facility, FacilityAlert, Inmate


def fields_missing_help_text(model):
    return [
        f.name
        for f in model._meta.get_fields()
        if getattr(f, "editable", False)
        and getattr(f, "concrete", False)
        and not f.auto_created
        and not str(getattr(f, "help_text", ""))
    ]


@pytest.mark.parametrize("model", [Agency, Facility, FacilityAlert, Inmate])
def test_every_field_has_help_text_for_staff(model):
    assert fields_missing_help_text(model) == []


@pytest.mark.parametrize("model", [Agency, Facility, FacilityAlert, Inmate])
def test_portal_admins_use_the_shared_rule_admin(model):
    assert isinstance(admin.site._registry[model], RuleAdmin)
