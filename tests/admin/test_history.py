"""Who changed what and when: viewable and revertible from the admin."""

from portal.models import Facility, FacilityAlert, Inmate
from tests.admin.conftest import form_data


def test_every_portal_model_keeps_history():
    from portal.models import Agency

    for model in (Agency, Facility, FacilityAlert, Inmate):
        assert hasattr(model, "history"), model


def test_every_dated_rule_in_any_app_keeps_history(sample_rules):
    assert sample_rules.history.model.__name__ == "HistoricalSampleRule"


def test_an_admin_edit_records_who_and_what(editor_client, editor):
    facility = Facility.objects.get(code="ACC")
    url = f"/admin/portal/facility/{facility.pk}/change/"
    data = form_data(editor_client.get(url))
    old_phone = facility.phone
    data["phone"] = "(573) 555-0101"
    assert editor_client.post(url, data).status_code == 302

    latest = facility.history.latest()
    assert latest.history_user == editor
    assert latest.phone == "(573) 555-0101"
    assert latest.history_date is not None
    delta = latest.diff_against(latest.prev_record)
    assert [(c.field, c.old, c.new) for c in delta.changes] == [
        ("phone", old_phone, "(573) 555-0101")
    ]

    page = editor_client.get(f"/admin/portal/facility/{facility.pk}/history/")
    assert page.status_code == 200
    assert "editor" in page.content.decode()


def test_staff_can_revert_to_an_earlier_version(editor_client):
    facility = Facility.objects.get(code="ACC")
    old_phone = facility.phone
    url = f"/admin/portal/facility/{facility.pk}/change/"
    data = form_data(editor_client.get(url))
    data["phone"] = "(573) 555-0101"
    editor_client.post(url, data)

    before = facility.history.order_by("history_date").filter(phone=old_phone).last()
    revert_url = f"/admin/portal/facility/{facility.pk}/history/{before.history_id}/"
    form = editor_client.get(revert_url)
    assert form.status_code == 200
    response = editor_client.post(revert_url, form_data(form))
    assert response.status_code == 302
    facility.refresh_from_db()
    assert facility.phone == old_phone


def test_people_changes_are_recorded(sample_person):
    sample_person.last_name = "Garza"
    sample_person.save()
    assert [h.last_name for h in sample_person.history.order_by("history_date")] == [
        "García",
        "Garza",
    ]
