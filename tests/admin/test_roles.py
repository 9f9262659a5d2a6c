"""`manage.py setup_roles`: editors edit content, viewers only read, neither touches users."""

import io

from django.apps import apps
from django.contrib.auth.models import Group
from django.core.management import call_command

from portal.management.commands.setup_roles import CONTENT_APPS
from portal.models import Facility


def codenames(name):
    return set(Group.objects.get(name=name).permissions.values_list("codename", flat=True))


def test_both_groups_cover_every_model_of_the_content_apps(roles):
    editor, viewer = codenames("Content editor"), codenames("Viewer")
    for label in CONTENT_APPS:
        for model in apps.get_app_config(label).get_models():
            assert f"view_{model._meta.model_name}" in viewer
            assert f"view_{model._meta.model_name}" in editor


def test_the_editor_edits_rules_facilities_alerts_and_people(roles):
    editor = codenames("Content editor")
    for action in ("add", "change", "delete"):
        for model in ("facility", "facilityalert", "inmate", "agency"):
            assert f"{action}_{model}" in editor
    assert "change_seedrecord" not in editor
    assert "change_historicalfacility" not in editor


def test_the_viewer_only_reads(roles):
    assert all(code.startswith("view_") for code in codenames("Viewer"))


def test_neither_group_may_touch_users_groups_or_permissions(roles):
    for name in ("Content editor", "Viewer"):
        apps_of_perms = set(
            Group.objects.get(name=name).permissions.values_list(
                "content_type__app_label", flat=True
            )
        )
        assert apps_of_perms <= set(CONTENT_APPS)


def test_running_it_again_changes_nothing(roles):
    before = codenames("Content editor")
    out = io.StringIO()
    call_command("setup_roles", stdout=out)
    assert "Updated “Content editor”" in out.getvalue()
    assert codenames("Content editor") == before


def test_an_editor_cannot_open_users(editor_client):
    assert editor_client.get("/admin/auth/user/").status_code == 403
    assert editor_client.get("/admin/auth/group/").status_code == 403


def test_a_viewer_can_read_but_not_change_a_facility(client, viewer, missouri):
    client.force_login(viewer)
    facility = Facility.objects.get(code="ACC")
    url = f"/admin/portal/facility/{facility.pk}/change/"
    assert client.get(url).status_code == 200
    assert client.post(url, {"phone": "(573) 555-0101"}).status_code == 403
    assert client.get("/admin/portal/facility/import/").status_code == 403
