import pytest
from django.urls import reverse

from portal.models import Inmate

SEARCH = reverse("portal:people_search")


@pytest.fixture
def people(make_person):
    return {
        "jose": make_person("José", "García", doc_id="1100001", facility_code="ACC"),
        "sean": make_person("Sean", "O'Brien", doc_id="1100002", facility_code="JCCC"),
        "maria": make_person("María", "De La Cruz", doc_id="1100003", facility_code="PCC"),
        "other": make_person("Jose", "Smith", doc_id="1100004", facility_code="BCC"),
    }


@pytest.mark.parametrize(
    ("query", "first", "expected"),
    [
        ("1100001", "", ["jose"]),
        (" 1100-001 ", "", ["jose"]),
        ("García", "", ["jose"]),
        ("garcia", "", ["jose"]),
        ("GARCIA", "jose", ["jose"]),
        ("Garcia", "Maria", []),
        ("José García", "", ["jose"]),
        ("Garcia, Jose", "", ["jose"]),
        ("O'Brien", "", ["sean"]),
        ("OBrien", "", ["sean"]),
        ("o’brien", "", ["sean"]),
        ("de la cruz", "", ["maria"]),
        ("María De La Cruz", "", ["maria"]),
        ("Smith", "José", ["other"]),
        ("11000", "", []),
    ],
)
def test_search_by_doc_id_or_name(people, query, first, expected):
    found = list(Inmate.objects.search(query, first))
    assert found == [people[key] for key in expected]


def test_search_shows_at_most_twenty(make_person, client):
    for n in range(25):
        make_person("Alex", "Nguyen", doc_id=str(2_000_000 + n))
    response = client.get(SEARCH, {"q": "Nguyen"})
    assert response.status_code == 200
    assert response.context["found"] == 20
    assert response.content.count(b'class="result-list__name"') == 20
    assert "We show the first 20" in response.content.decode()


def test_search_result_lists_name_doc_id_and_facility(people, client):
    body = client.get(SEARCH, {"q": "garcia"}).content.decode()
    assert "José García" in body
    assert "1100001" in body
    assert "Algoa Correctional Center" in body
    assert "Demo person, not real" in body


def test_no_match_gives_next_steps(people, client):
    response = client.get(SEARCH, {"q": "Zzyzx"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "No one found" in body
    assert "Check the DOC ID" in body
    assert "https://web.mo.gov/doc/offSearchWeb/" in body
    assert reverse("portal:facilities") in body


@pytest.mark.parametrize(
    "params",
    [{"q": ""}, {"q": "   "}, {"q": "x" * 5000}, {"q": "ab\x00cd"}, {"q": "!!!"}, {"first": "Ana"}],
)
def test_bad_search_input_gets_a_message_and_400(missouri, client, params):
    response = client.get(SEARCH, params)
    assert response.status_code == 400
    assert "There is a problem" in response.content.decode()


def test_search_page_queries_are_bounded(people, client, django_assert_max_num_queries):
    # The people, the facilities' names and the agency: with pages kept, the names
    # and the agency are read once per content version (tests/perf).
    with django_assert_max_num_queries(3):
        client.get(SEARCH, {"q": "garcia"})
