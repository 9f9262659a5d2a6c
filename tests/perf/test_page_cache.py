"""Cached pages are never stale: staff edits show on the next request, and
alerts and dated rules appear and disappear on time."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.cache import caches
from django.db import connection, transaction
from django.http import HttpResponse
from django.test.utils import CaptureQueriesContext
from django.utils.cache import patch_cache_control

from portal import cache as page_cache
from portal.models import Agency, AlertKind, Facility, FacilityAlert, Inmate, SeedRecord
from tests.pages import SAMPLE_DOC_ID, all_sample_urls

CENTRAL = ZoneInfo("America/Chicago")
NOON = datetime(2026, 3, 10, 12, 0, tzinfo=CENTRAL)
FACILITY_URL = "/facilities/algoa-correctional-center/"
PERSON_URL = f"/people/{SAMPLE_DOC_ID}/"
PEOPLE_URLS = ["/people/?q=garcia", f"/people/?q={SAMPLE_DOC_ID}", PERSON_URL]
FOUNDATION_URLS = ["/", "/people/", *PEOPLE_URLS, "/facilities/", "/facilities/?video=any"]
FOUNDATION_URLS += [FACILITY_URL]


pytestmark = pytest.mark.usefixtures("page_caching")


@pytest.fixture
def algoa(missouri):
    return Facility.objects.get(agency=missouri, code="ACC")


def alert(facility, starts_at, ends_at=None, title="Visiting cancelled today"):
    return FacilityAlert.objects.create(
        agency=facility.agency,
        facility=facility,
        kind=AlertKind.VISITING_CANCELLED,
        title=title,
        message="Count is running late.",
        starts_at=starts_at,
        ends_at=ends_at,
    )


# A people page is never kept under its address (most are asked once): asked again,
# the person (or the search) is looked up again, and the page around them reused.
@pytest.mark.parametrize(
    ("url", "queries_again"), [(url, int(url in PEOPLE_URLS)) for url in FOUNDATION_URLS]
)
def test_a_page_asked_again_is_served_from_the_cache(sample_person, client, url, queries_again):
    first = client.get(url)
    with CaptureQueriesContext(connection) as queries:
        second = client.get(url)
    assert first.status_code == second.status_code == 200
    assert len(queries) == queries_again, [q["sql"] for q in queries]
    assert second.content == first.content


@pytest.mark.parametrize("asked", ["last name", "DOC ID", "person"])
def test_what_a_family_looked_up_is_not_kept_in_the_cache(missouri, make_person, client, asked):
    person = make_person("Quillon", "Xylandré")
    url = {
        "last name": "/people/?q=Xylandr%C3%A9",
        "DOC ID": f"/people/?q={person.doc_id}",
        "person": f"/people/{person.doc_id}/",
    }[asked]
    assert "Quillon Xylandré".encode() in client.get(url).content
    kept = caches["default"]._cache  # local memory: the entries, pickled
    assert kept, "the page around the person is kept"
    words = [b"Xyland", b"Quillon", person.doc_id.encode()]
    assert not [word for entry in kept.values() for word in words if word in entry]


def test_a_browser_asking_again_for_a_persons_page_gets_a_304_until_it_changes(
    sample_person, client
):
    page = client.get(PERSON_URL)
    etag = page["ETag"]
    assert "private" in page["Cache-Control"]
    again = client.get(PERSON_URL, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    assert "private" in again["Cache-Control"]
    sample_person.first_name = "Anita"
    sample_person.save()
    changed = client.get(PERSON_URL, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert b"Anita" in changed.content


def test_two_people_at_one_facility_never_share_an_etag(sample_person, make_person, client):
    other = make_person("Zed", "Other")
    mine = client.get(PERSON_URL)["ETag"]
    theirs = client.get(f"/people/{other.doc_id}/")
    assert theirs["ETag"] != mine
    assert client.get(f"/people/{other.doc_id}/", HTTP_IF_NONE_MATCH=mine).status_code == 200


def test_two_searches_finding_different_people_never_share_an_etag(make_person, client):
    # Each finds one person at one facility: the page around them is the same kept
    # page, and only what was typed and the result line differ.
    make_person("Zoë", "Ñandú")
    make_person("Zed", "Nandy")
    first = client.get("/people/?q=%C3%B1and%C3%BA")
    second = client.get("/people/?q=nandy")
    assert "Zoë Ñandú".encode() in first.content
    assert b"Zed Nandy" in second.content
    assert first["ETag"] != second["ETag"]
    again = client.get("/people/?q=nandy", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200
    assert client.get("/people/?q=nandy", HTTP_IF_NONE_MATCH=second["ETag"]).status_code == 304


@pytest.mark.parametrize("url", all_sample_urls())
def test_every_sample_page_reads_the_same_from_the_cache(
    sample_person, client, url, django_assert_max_num_queries
):
    # The clock held mid-minute: a page kept by the minute (the video planner) must
    # not turn to the next minute between the two requests.
    with time_machine.travel(datetime.now(CENTRAL).replace(second=30), tick=False):
        # The time window costs one query once per content version and process, shared
        # by every page: read it first, so what is counted is the page's own cost.
        page_cache.time_window(page_cache.content_token())
        with django_assert_max_num_queries(6):
            cold = client.get(url)
        warm = client.get(url)
    assert cold.status_code == warm.status_code == 200
    assert warm.content == cold.content


def test_renaming_a_facility_shows_on_the_next_request(sample_person, algoa, client):
    assert b"Algoa Correctional Center" in client.get(FACILITY_URL).content
    client.get(PERSON_URL)
    algoa.name = "Algoa Renamed Center"
    algoa.save()
    assert b"Algoa Renamed Center" in client.get(FACILITY_URL).content
    assert b"Algoa Renamed Center" in client.get(PERSON_URL).content
    assert b"Algoa Renamed Center" in client.get("/facilities/").content


def test_a_staff_edit_in_the_admin_shows_on_the_next_request(sample_person, admin_client, client):
    assert b"Ana" in client.get(PERSON_URL).content
    change_url = f"/admin/portal/inmate/{sample_person.pk}/change/"
    form = admin_client.get(change_url).context["adminform"].form
    data = {name: form[name].value() or "" for name in form.fields}
    data["first_name"] = "Beatriz"
    data["is_fictional"] = "on"
    response = admin_client.post(change_url, data)
    assert response.status_code == 302, response.content[:2000]
    assert b"Beatriz Garc" in client.get(PERSON_URL).content


def test_a_person_moved_by_import_shows_at_the_new_facility(sample_person, client):
    assert b"Algoa" in client.get(PERSON_URL).content
    sample_person.facility = Facility.objects.get(code="JCCC")
    sample_person.save()
    assert b"Jefferson City" in client.get(PERSON_URL).content


def test_a_deleted_alert_disappears_on_the_next_request(algoa, client):
    notice = alert(algoa, starts_at=datetime(2020, 1, 1, tzinfo=CENTRAL))
    assert b"Visiting cancelled today" in client.get(FACILITY_URL).content
    notice.delete()
    assert b"Visiting cancelled today" not in client.get(FACILITY_URL).content


def test_a_new_person_is_found_by_a_search_cached_before(missouri, make_person, client):
    assert b"No one found" in client.get("/people/?q=zuniga").content
    make_person("Zoe", "Zúñiga")
    assert b"Zoe" in client.get("/people/?q=zuniga").content


def test_an_alert_appears_when_it_starts_and_goes_when_it_ends(algoa, client):
    alert(algoa, starts_at=NOON + timedelta(hours=2), ends_at=NOON + timedelta(hours=3))
    with time_machine.travel(NOON, tick=False):
        assert b"Visiting cancelled today" not in client.get(FACILITY_URL).content
    with time_machine.travel(NOON + timedelta(hours=2), tick=False):
        assert b"Visiting cancelled today" in client.get(FACILITY_URL).content
    with time_machine.travel(NOON + timedelta(hours=2, minutes=59), tick=False):
        assert b"Visiting cancelled today" in client.get(FACILITY_URL).content
    with time_machine.travel(NOON + timedelta(hours=3), tick=False):
        assert b"Visiting cancelled today" not in client.get(FACILITY_URL).content


def test_the_time_window_ends_at_local_midnight_for_dated_rules(missouri):
    late = datetime(2026, 3, 10, 23, 30, tzinfo=CENTRAL)
    with time_machine.travel(late, tick=False):
        start, until = page_cache.time_window(page_cache.content_token())
    assert start == late
    assert until == datetime(2026, 3, 11, 0, 0, tzinfo=CENTRAL)


def test_the_time_window_costs_one_query(missouri, django_assert_num_queries):
    with django_assert_num_queries(1):
        page_cache.time_window(page_cache.content_token())


def test_the_time_window_is_computed_again_after_travelling_back(missouri):
    token = page_cache.content_token()
    with time_machine.travel(NOON, tick=False):
        later = page_cache.time_window(token)
    with time_machine.travel(NOON - timedelta(days=3), tick=False):
        earlier = page_cache.time_window(token)
    assert earlier[1] <= later[0]


def test_an_unchanged_page_answers_304_to_its_etag(algoa, client):
    first = client.get(FACILITY_URL)
    etag = first["ETag"]
    assert "no-cache" in first["Cache-Control"]
    again = client.get(FACILITY_URL, headers={"if-none-match": etag})
    assert again.status_code == 304
    assert again.content == b""


@pytest.mark.parametrize(
    ("header", "status"),
    [
        ("if-none-match", 304),  # the browser's copy is current
        ("if-match", 412),  # the page asked for is not the one there now
    ],
)
def test_a_conditional_header_is_answered_on_a_kept_page(algoa, client, header, status):
    current = client.get(FACILITY_URL)["ETag"]
    etag = current if header == "if-none-match" else '"another-version"'
    assert client.get(FACILITY_URL, headers={header: etag}).status_code == status


@pytest.mark.parametrize(
    ("before", "directives"),
    [
        (None, {"no_cache": True}),
        ("no-cache", {"private": True}),
        ("no-cache, private", {"no_cache": True}),
        ("public, max-age=600", {"private": True}),
        ("max-age=600", {"max_age": 60}),
    ],
)
def test_cache_control_is_patched_as_django_patches_it(before, directives):
    ours, djangos = HttpResponse(), HttpResponse()
    for response in (ours, djangos):
        if before is not None:
            response["Cache-Control"] = before
    page_cache._patch_cache_control(ours, **directives)
    patch_cache_control(djangos, **directives)
    assert ours["Cache-Control"] == djangos["Cache-Control"]


def test_an_edit_changes_the_etag(algoa, client):
    etag = client.get(FACILITY_URL)["ETag"]
    algoa.phone = "(573) 555-0100"
    algoa.save()
    response = client.get(FACILITY_URL, headers={"if-none-match": etag})
    assert response.status_code == 200
    assert response["ETag"] != etag
    assert b"555-0100" in response.content


def test_a_form_with_errors_is_not_cached(missouri, client):
    assert client.get("/people/?q=%20%20").status_code == 400
    assert client.get("/people/?q=%20%20").status_code == 400
    assert not any(key.startswith(":1:page:") for key in caches["default"]._cache)


def test_an_unknown_person_is_not_cached_and_appears_once_created(missouri, make_person, client):
    assert client.get("/people/7999999/").status_code == 404
    make_person("Lia", "Moreno", doc_id="7999999")
    assert client.get("/people/7999999/").status_code == 200


def test_saves_in_one_transaction_leave_one_bump_for_the_commit(missouri):
    before = page_cache.content_token()
    Facility.objects.get(code="ACC").save()
    after_save = page_cache.content_token()
    Facility.objects.get(code="JCCC").save()
    pending = [
        func
        for _sids, func, _robust in connection.run_on_commit
        if func is page_cache.bump_content_version
    ]
    assert after_save != before
    assert len(pending) == 1


@pytest.mark.django_db(transaction=True)
def test_the_version_changes_again_when_the_transaction_commits():
    with transaction.atomic():
        Agency.objects.create(name="Test agency", short_name="Test", slug="test", state="MO")
        inside = page_cache.content_token()
    assert page_cache.content_token() != inside


def test_loader_bookkeeping_does_not_invalidate_pages(missouri):
    before = page_cache.content_token()
    SeedRecord.objects.create(model="x", key="y", values={})
    assert page_cache.content_token() == before


def test_page_caching_can_be_turned_off(settings, sample_person, client):
    settings.PAGE_CACHE_SECONDS = 0
    client.get(PERSON_URL)
    Inmate.objects.filter(pk=sample_person.pk).update(first_name="Carla")
    assert b"Carla" in client.get(PERSON_URL).content


@pytest.mark.parametrize("path", ["/bench/floor", "/bench/floor-query"])
def test_the_benchmark_floor_is_not_public(client, path):
    assert client.get(path).status_code == 404


def test_the_version_file_is_shared_by_every_process(settings, tmp_path, algoa, client):
    settings.CONTENT_VERSION_FILE = str(tmp_path / "cache" / "content-version")
    first = page_cache.content_token()
    assert (tmp_path / "cache" / "content-version").read_text() == first
    client.get(FACILITY_URL)
    # Another process saving writes the file; this one reads it on the next request.
    (tmp_path / "cache" / "content-version").write_text("changed-elsewhere")
    assert page_cache.content_token() == "changed-elsewhere"
    algoa.name = "Algoa Renamed Center"
    algoa.save()
    assert page_cache.content_token() != "changed-elsewhere"
    assert b"Algoa Renamed Center" in client.get(FACILITY_URL).content


def test_a_page_is_kept_apart_for_each_host_name(settings, missouri, client):
    # The guides print their own web address on paper: one host's page is not another's.
    settings.ALLOWED_HOSTS = ["one.example", "two.example"]
    assert b"one.example" in client.get("/visits/", HTTP_HOST="one.example").content
    page = client.get("/visits/", HTTP_HOST="two.example").content
    assert b"two.example" in page
    assert b"one.example" not in page
