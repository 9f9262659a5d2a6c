import io

import pytest
from django.core.management import call_command

from portal.models import Agency, Facility


def load() -> str:
    out = io.StringIO()
    call_command("load_missouri", stdout=out)
    return out.getvalue()


@pytest.fixture
def loaded(db):
    load()


def test_loads_the_19_missouri_institutions(loaded):
    assert Facility.objects.count() == 19
    assert Agency.objects.get().name == "Missouri Department of Corrections"


def test_exactly_15_facilities_offer_video_visits(loaded):
    video = Facility.objects.filter(onsite_video_visits=True, remote_video_visits=True)
    assert video.count() == 15
    assert set(Facility.objects.exclude(pk__in=video).values_list("code", flat=True)) == {
        "CCC",
        "FCC",
        "MTC",
        "WRDCC",
    }


def test_facility_fields_come_from_the_data_file(loaded):
    jccc = Facility.objects.get(code="JCCC")
    assert jccc.name == "Jefferson City Correctional Center"
    assert jccc.street == "8200 No More Victims Road"
    assert (jccc.city, jccc.state, jccc.zip_code) == ("Jefferson City", "MO", "65101")
    assert jccc.phone == "(573) 751-3224"
    assert jccc.slug == "jefferson-city-correctional-center"
    assert jccc.get_kind_display() == "Correctional center"
    assert Facility.objects.get(code="MTC").get_kind_display() == "Treatment center"


def test_loading_twice_changes_nothing(loaded):
    before = list(Facility.objects.order_by("code").values())
    output = load()
    assert "0 created, 0 updated" in output
    assert list(Facility.objects.order_by("code").values()) == before


def test_a_field_staff_changed_is_kept_on_reload(loaded):
    Facility.objects.filter(code="ACC").update(phone="(573) 555-0100")
    output = load()
    assert "1 kept staff edits" in output
    assert Facility.objects.get(code="ACC").phone == "(573) 555-0100"


def test_fields_staff_did_not_change_are_still_updated(loaded, monkeypatch):
    from portal import seed

    Facility.objects.filter(code="ACC").update(phone="(573) 555-0100")
    original = seed.DATA.read_text()
    new_data = original.replace("8501 No More Victims Road", "8502 No More Victims Road")
    fake = seed.DATA.parent / "missouri_facilities.test.csv"
    fake.write_text(new_data)
    try:
        monkeypatch.setattr(seed, "DATA", fake)
        load()
    finally:
        fake.unlink()
    acc = Facility.objects.get(code="ACC")
    assert acc.street == "8502 No More Victims Road"
    assert acc.phone == "(573) 555-0100"


def test_a_facility_staff_deleted_is_not_brought_back(loaded):
    Facility.objects.filter(code="MTC").delete()
    output = load()
    assert "1 deleted by staff" in output
    assert not Facility.objects.filter(code="MTC").exists()
