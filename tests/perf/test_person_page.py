"""A person's page is drawn once per facility and each person's name and DOC ID put
in: the page reads exactly as if drawn for them, and costs one query."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

PEOPLE = [
    # first, middle, last, facility code, fictional
    ("Ana", "", "García", "ACC", True),
    ("Séan", "Patrick", "O'Brien", "ACC", True),
    ("Zoë", "", 'De La Cruz "Jr" <b>', "ACC", False),
    ("", "", "Nguyen", "ACC", True),
    ("Li", "Wei", "Chen", "JCCC", True),
    ("Alex", "", "Unplaced", None, True),
    ("Two  Spaces", "", "Kept", "ACC", True),
]


pytestmark = pytest.mark.usefixtures("page_caching")


@pytest.fixture
def people(make_people):
    return make_people(PEOPLE)


def test_every_persons_page_reads_as_if_drawn_for_them(client, drawn_directly, people):
    for person in people:  # each person's page drawn fresh, with no cache at all
        person.expected = drawn_directly(f"/people/{person.doc_id}/")
    for person in people:  # pages drawn once per facility, each person's own put in
        served = client.get(f"/people/{person.doc_id}/")
        assert served.status_code == person.expected.status_code == 200
        assert served.content == person.expected.content, person.full_name
        assert b"StandIn" not in served.content


def test_a_second_person_at_the_same_facility_costs_one_query(client, make_person):
    first = make_person("First", "Person")
    second = make_person("Second", "Person")
    client.get(f"/people/{first.doc_id}/")
    with CaptureQueriesContext(connection) as queries:
        page = client.get(f"/people/{second.doc_id}/")
    assert len(queries) == 1
    assert b"Second Person" in page.content
    assert second.doc_id.encode() in page.content
    assert b"First Person" not in page.content


def test_a_person_moved_to_another_facility_shows_the_new_one(client, make_person):
    from portal.models import Facility

    person = make_person("Moving", "Person")
    assert b"Algoa" in client.get(f"/people/{person.doc_id}/").content
    person.facility = Facility.objects.get(code="JCCC")
    person.save()
    page = client.get(f"/people/{person.doc_id}/").content
    assert b"Jefferson City" in page
    assert b"Algoa" not in page


def test_an_unknown_doc_id_is_still_a_404(client, missouri):
    assert client.get("/people/9999999/").status_code == 404


@pytest.fixture
def shared_reads(monkeypatch):
    """Every key this test asks of the shared cache. In tests the content version is
    kept there too (CONTENT_VERSION_FILE is empty), so each reading of it shows."""
    from django.core.cache import caches

    asked = []
    shared = caches["default"]
    real_get, real_get_many = shared.get, shared.get_many
    inside_get_many = []  # local memory's get_many() asks get() for each key

    def get(key, *args, **kwargs):
        if not inside_get_many:
            asked.append(key)
        return real_get(key, *args, **kwargs)

    def get_many(keys, *args, **kwargs):
        asked.extend(keys)
        inside_get_many.append(True)
        try:
            return real_get_many(keys, *args, **kwargs)
        finally:
            inside_get_many.pop()

    monkeypatch.setattr(shared, "get", get)
    monkeypatch.setattr(shared, "get_many", get_many)
    return asked


def test_the_content_version_is_read_once_for_a_persons_page(client, make_person, shared_reads):
    from portal import cache

    person = make_person("Once", "Only")
    # The facility's page it is drawn from, and the version it must be drawn under.
    assert client.get(f"/people/{person.doc_id}/").status_code == 200
    assert shared_reads.count(cache.VERSION_KEY) == 1


def test_the_facilitys_page_is_read_from_memory_for_the_next_person(
    client, make_person, shared_reads
):
    first = make_person("First", "Reader")
    second = make_person("Second", "Reader")
    client.get(f"/people/{first.doc_id}/")
    shared_reads.clear()
    page = client.get(f"/people/{second.doc_id}/")
    assert b"Second Reader" in page.content
    # Nothing but the content version is asked of the shared cache: the page drawn
    # for the facility comes from this process's memory, and no page is kept under
    # a person's own address.
    assert not [key for key in shared_reads if key.startswith("page:")]


def test_the_pages_held_in_memory_are_emptied_when_full_or_when_content_changes():
    from portal import cache

    cache._remembered.clear()
    for n in range(cache.PAGES_IN_MEMORY):
        cache._remember(f"page:{n}", ())
    assert len(cache._remembered) == cache.PAGES_IN_MEMORY
    cache._remember("page:one-more", ())
    assert list(cache._remembered) == ["page:one-more"]
    cache.bump_content_version()
    assert cache._remembered == {}


def test_a_page_held_in_memory_is_drawn_again_once_another_process_changes_the_content(
    client, make_person
):
    from django.core.cache import caches

    from portal import cache
    from portal.models import Facility

    first = make_person("First", "Held")
    second = make_person("Second", "Held")
    assert b"Algoa" in client.get(f"/people/{first.doc_id}/").content  # the facility's page, held
    # Another server saves a new name: it replaces the shared content version, but
    # this process's memory still holds the page drawn with the old name.
    Facility.objects.filter(code="ACC").update(name="Algoa Renamed Center")
    caches["default"].set(cache.VERSION_KEY, "changed-by-another-server", None)
    assert cache._remembered
    page = client.get(f"/people/{second.doc_id}/").content
    assert b"Algoa Renamed Center" in page
    assert b"Second Held" in page
