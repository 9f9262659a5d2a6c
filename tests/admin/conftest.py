import io
from datetime import datetime

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.utils import timezone

from tests.admin.testapp.models import SampleRule


@pytest.fixture
def roles(db):
    call_command("setup_roles", stdout=io.StringIO())


def _staff(username, group_name):
    user = User.objects.create_user(username, password="a long staff password 1", is_staff=True)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def editor(roles):
    return _staff("editor", "Content editor")


@pytest.fixture
def viewer(roles):
    return _staff("viewer", "Viewer")


@pytest.fixture
def editor_client(client, editor, missouri):
    client.force_login(editor)
    return client


@pytest.fixture
def sample_rules(db, settings):
    """The test-only SampleRule, with a staff site that lists it."""
    settings.ROOT_URLCONF = "tests.admin.urls"
    return SampleRule


def form_data(response) -> dict:
    """The POST data of an admin change form as it was shown (main form and inlines)."""
    data = {}

    def add_form(form):
        for name, field in form.fields.items():
            bound = form[name]
            value = bound.value()
            key = bound.html_name
            if value is None:
                value = ""
            if isinstance(value, bool):
                if value:
                    data[key] = "on"
                continue
            if isinstance(value, datetime):
                local = timezone.localtime(value)
                data[key + "_0"] = local.date().isoformat()
                data[key + "_1"] = local.time().isoformat()
                continue
            if isinstance(value, list):
                data[key] = value
                continue
            data[key] = value.isoformat() if hasattr(value, "isoformat") else value

    add_form(response.context["adminform"].form)
    inlines = response.context.get("inline_admin_formsets") or []
    for inline in inlines:
        formset = inline.formset
        add_form(formset.management_form)
        for form in formset.forms:
            add_form(form)
    return data
