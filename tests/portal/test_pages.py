from datetime import timedelta

import pytest
from django.db import DatabaseError
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from portal.models import AlertKind, Facility, FacilityAlert
from portal.seed import DATA

CODES = [line.split(",", 1)[0] for line in DATA.read_text().splitlines()[1:]]


def test_home_offers_search_facilities_and_the_guides(
    missouri, client, django_assert_max_num_queries
):
    with django_assert_max_num_queries(2):
        response = client.get("/")
    body = response.content.decode()
    assert response.status_code == 200
    assert 'action="/people/"' in body
    assert "Algoa Correctional Center" in body
    for url in ["/mail/", "/money/", "/phones/", "/visits/", "/visits/video/"]:
        assert f'href="{url}"' in body


def test_every_page_sends_a_strict_content_security_policy(missouri, client):
    policy = client.get("/")["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "unsafe-inline" not in policy


@pytest.mark.parametrize("code", CODES)
def test_every_facility_page_renders(missouri, client, code, django_assert_max_num_queries):
    facility = Facility.objects.get(code=code)
    with django_assert_max_num_queries(3):
        response = client.get(f"/facilities/{facility.slug}/")
    body = response.content.decode()
    assert response.status_code == 200
    assert escape(facility.name) in body
    assert facility.street in body
    assert facility.phone in body
    assert f"?facility={facility.slug}" in body
    assert "Last reviewed September 28, 2025" in body
    assert "Visiting hours" in body
    video_link = reverse("visits:video_plan")
    assert (video_link in body) is facility.offers_video_visits


@pytest.mark.parametrize("code", CODES)
def test_every_facility_has_a_working_person_page(
    make_person, client, code, django_assert_max_num_queries
):
    person = make_person("Ana", "García", facility_code=code)
    # Drawn from nothing: the person, then the person with facility and agency, then
    # alerts. With the page kept for the facility, the first alone (tests/perf).
    with django_assert_max_num_queries(3):
        response = client.get(f"/people/{person.doc_id}/")
    body = response.content.decode()
    assert response.status_code == 200
    assert "Ana García" in body
    assert person.doc_id in body
    assert person.facility.street in body
    assert f"?doc_id={person.doc_id}" in body
    assert "made-up demo person" in body


def test_person_without_facility_gets_next_steps(make_person, client):
    person = make_person("Ana", "García", facility_code=None)
    body = client.get(f"/people/{person.doc_id}/").content.decode()
    assert "We do not know where this person is held" in body
    assert "offender search" in body


@pytest.mark.parametrize("doc_id", ["999999999", "12ab", "١٢٣"])
def test_unknown_person_is_a_plain_404(missouri, client, doc_id):
    response = client.get(f"/people/{doc_id}/")
    assert response.status_code == 404
    assert "We cannot find that page" in response.content.decode()


def test_current_alert_shows_on_facility_and_person_pages(make_person, client):
    person = make_person(facility_code="PCC")
    facility = person.facility
    now = timezone.now()
    FacilityAlert.objects.create(
        agency=facility.agency,
        facility=facility,
        kind=AlertKind.LOCKDOWN,
        title="Lockdown: visiting cancelled",
        message="No visits this weekend.",
        starts_at=now - timedelta(hours=1),
        ends_at=now + timedelta(days=2),
    )
    FacilityAlert.objects.create(
        agency=facility.agency,
        facility=facility,
        kind=AlertKind.OTHER,
        title="Old notice",
        message="Over.",
        starts_at=now - timedelta(days=5),
        ends_at=now - timedelta(days=4),
    )
    for url in [facility.get_absolute_url(), person.get_absolute_url()]:
        body = client.get(url).content.decode()
        assert "Lockdown: visiting cancelled" in body
        assert "Old notice" not in body
    other = Facility.objects.get(code="ACC")
    assert "Lockdown" not in client.get(other.get_absolute_url()).content.decode()


def test_agency_wide_alert_shows_on_every_facility(missouri, client):
    FacilityAlert.objects.create(
        agency=missouri,
        kind=AlertKind.VISITING_CANCELLED,
        title="Statewide: visiting cancelled",
        message="Storm.",
        starts_at=timezone.now() - timedelta(minutes=1),
    )
    for facility in Facility.objects.all():
        assert (
            "Statewide: visiting cancelled"
            in client.get(facility.get_absolute_url()).content.decode()
        )


@pytest.mark.parametrize(
    ("params", "count"),
    [
        ({}, 19),
        ({"video": "any"}, 15),
        ({"video": "remote"}, 15),
        ({"kind": "treatment"}, 1),
        ({"kind": "reception_and_correctional"}, 3),
        ({"q": "jefferson"}, 2),
        ({"q": "JCCC"}, 1),
        ({"q": "Licking"}, 1),
        ({"q": "Fulton", "video": "onsite"}, 1),
        ({"q": "Maryville", "video": "any"}, 0),
    ],
)
def test_facility_list_filters(missouri, client, params, count, django_assert_max_num_queries):
    with django_assert_max_num_queries(1):
        response = client.get("/facilities/", params)
    assert response.status_code == 200
    assert len(response.context["facilities"]) == count


@pytest.mark.parametrize("params", [{"video": "bogus"}, {"kind": "prison"}, {"q": "x" * 500}])
def test_facility_list_bad_filter_is_a_400_with_a_message(missouri, client, params):
    response = client.get("/facilities/", params)
    assert response.status_code == 400
    assert "There is a problem" in response.content.decode()


def test_healthz_is_200_with_the_database(db, client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_healthz_is_503_without_the_database(db, client, monkeypatch):
    class NoDatabase:
        def cursor(self):
            raise DatabaseError("database is down")

    monkeypatch.setattr("portal.views.connection", NoDatabase())
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "unreachable"


def test_server_error_page_is_plain_words(rf):
    from portal.views import server_error

    response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert "Sorry, something went wrong" in response.content.decode()


def test_posting_to_a_page_is_refused_politely(missouri, client):
    assert client.post("/").status_code == 405


def test_a_doc_id_shared_by_two_agencies_still_gives_a_persons_page(make_person, client):
    from portal.models import Agency, Inmate

    person = make_person("Ana", "García", doc_id="7200001")
    other = Agency.objects.create(
        name="Another department", short_name="Other", slug="other", state="KS"
    )
    Inmate.objects.create(agency=other, doc_id="7200001", first_name="Bo", last_name="Zed")
    response = client.get(f"/people/{person.doc_id}/")
    assert response.status_code == 200
    assert "Ana García" in response.content.decode()
