"""Two staff editing the same facility: the second save is refused, not lost."""

from portal.models import Facility
from tests.admin.conftest import form_data


def change_url(facility):
    return f"/admin/portal/facility/{facility.pk}/change/"


def test_second_save_of_the_same_facility_is_refused_with_a_clear_error(editor_client, missouri):
    facility = Facility.objects.get(code="ACC")
    first = form_data(editor_client.get(change_url(facility)))
    second = form_data(editor_client.get(change_url(facility)))

    first["phone"] = "(573) 555-0101"
    response = editor_client.post(change_url(facility), first)
    assert response.status_code == 302

    second["phone"] = "(573) 555-0202"
    response = editor_client.post(change_url(facility), second)
    assert response.status_code == 200
    assert "Someone else saved a change to this facility after you opened it" in (
        response.content.decode()
    )
    facility.refresh_from_db()
    assert facility.phone == "(573) 555-0101"


def test_saving_again_after_reopening_works(editor_client, missouri):
    facility = Facility.objects.get(code="ACC")
    data = form_data(editor_client.get(change_url(facility)))
    data["phone"] = "(573) 555-0101"
    assert editor_client.post(change_url(facility), data).status_code == 302

    data = form_data(editor_client.get(change_url(facility)))
    data["phone"] = "(573) 555-0303"
    assert editor_client.post(change_url(facility), data).status_code == 302
    facility.refresh_from_db()
    assert facility.phone == "(573) 555-0303"


def test_a_form_without_its_token_is_refused(editor_client, missouri):
    facility = Facility.objects.get(code="ACC")
    data = form_data(editor_client.get(change_url(facility)))
    data.pop("lock_token")
    data["phone"] = "(573) 555-0101"
    response = editor_client.post(change_url(facility), data)
    assert response.status_code == 200
    facility.refresh_from_db()
    assert facility.phone != "(573) 555-0101"
