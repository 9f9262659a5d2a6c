"""An alert takes one admin form, shows at once on the facility's pages, and goes when it ends."""

from datetime import timedelta

from django.utils import timezone

from portal import clock
from portal.models import Facility, FacilityAlert
from tests.admin.conftest import form_data


def local_parts(moment):
    local = timezone.localtime(moment)
    return local.date().isoformat(), local.time().strftime("%H:%M:%S")


def test_the_add_form_starts_now_for_the_only_agency(editor_client, missouri):
    form = editor_client.get("/admin/portal/facilityalert/add/").context["adminform"].form
    assert form.initial["agency"] == missouri.pk
    assert abs(form.initial["starts_at"] - clock.now()) < timedelta(minutes=1)


def test_an_alert_made_in_one_form_shows_at_once_then_goes_when_ended(
    editor_client, missouri, sample_person
):
    facility = Facility.objects.get(code="ACC")
    start_date, start_time = local_parts(clock.now() - timedelta(minutes=1))
    response = editor_client.post(
        "/admin/portal/facilityalert/add/",
        {
            "agency": missouri.pk,
            "facility": facility.pk,
            "kind": "lockdown",
            "title": "Lockdown: no visits",
            "message": "Visits are cancelled until further notice. Call before you drive.",
            "starts_at_0": start_date,
            "starts_at_1": start_time,
        },
        follow=True,
    )
    assert response.status_code == 200
    assert any("has no end" in str(m) for m in response.context["messages"])
    assert "Lockdown: no visits" in editor_client.get(facility.get_absolute_url()).content.decode()
    assert (
        "Lockdown: no visits"
        in editor_client.get(sample_person.get_absolute_url()).content.decode()
    )
    other = Facility.objects.get(code="JCCC")
    assert "Lockdown: no visits" not in editor_client.get(other.get_absolute_url()).content.decode()

    alert = FacilityAlert.objects.get(title="Lockdown: no visits")
    url = f"/admin/portal/facilityalert/{alert.pk}/change/"
    data = form_data(editor_client.get(url))
    data["ends_at_0"], data["ends_at_1"] = local_parts(clock.now() - timedelta(seconds=1))
    assert editor_client.post(url, data).status_code == 302
    assert (
        "Lockdown: no visits" not in editor_client.get(facility.get_absolute_url()).content.decode()
    )
