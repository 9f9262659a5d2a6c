"""Queries per page stay the same whatever the number of people and facilities."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.models import Facility, Inmate
from tests.pages import SAMPLE_DOC_ID

URLS = [
    "/",
    "/people/?q=garcia",
    "/people/?q=garcia&first=ana",
    "/people/?q=Ana+Garcia",
    f"/people/?q={SAMPLE_DOC_ID}",
    f"/people/{SAMPLE_DOC_ID}/",
    "/facilities/",
    "/facilities/algoa-correctional-center/",
]


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200, url
    return len(queries)


def add_people(agency, n, start):
    facilities = list(Facility.objects.filter(agency=agency))
    people = [
        Inmate(
            agency=agency,
            doc_id=str(start + i),
            first_name="Ana",
            last_name="García",
            facility=facilities[i % len(facilities)],
            is_fictional=True,
        )
        for i in range(n)
    ]
    for person in people:
        person.refresh_keys()
    Inmate.objects.bulk_create(people)


@pytest.mark.parametrize("url", URLS)
def test_queries_do_not_grow_with_the_number_of_people(sample_person, client, url):
    few = count_queries(client, url)
    add_people(sample_person.agency, 60, start=7_100_000)
    many = count_queries(client, url)
    assert few == many <= 6


@pytest.mark.parametrize(
    "prefix, upper",
    [("garcia", "garcib"), ("smiz", "smj"), ("a9", "aa"), ("zz", ""), ("b", "c"), ("", "")],
)
def test_a_name_prefix_has_an_upper_bound_in_the_key_alphabet(prefix, upper):
    from portal.models import _prefix_upper_bound

    assert _prefix_upper_bound(prefix) == upper


@pytest.mark.parametrize("query", ["zz", "Zúñiga", "garcia", "a9", "garcib"])
def test_names_at_the_edges_of_the_alphabet_are_found(missouri, make_person, query):
    from portal.text import search_key

    for first, last in [("Ana", "Zzyzx"), ("Zoe", "Zúñiga"), ("Ana", "García"), ("Al", "A9b")]:
        make_person(first, last)
    make_person("Bo", "Garcib")
    make_person("Cy", "Garcia9")
    expected = sorted(
        p.last_key for p in Inmate.objects.all() if p.last_key.startswith(search_key(query))
    )
    found = sorted(p.last_key for p in Inmate.objects.search(query))
    assert found == expected
    assert found


@pytest.mark.parametrize("first", ["zz", "Zoë", "ana", "a9", "anb", "Ana Maria"])
def test_first_names_at_the_edges_of_the_alphabet_are_found(missouri, make_person, first):
    from portal.text import search_key

    for given in ["Zzyzx", "Zoë", "Ana", "A9b", "Anb", "Ana-María", "Anastasia", "Bo"]:
        make_person(given, "García")
    expected = sorted(
        p.first_key
        for p in Inmate.objects.all()
        if p.last_key == "garcia" and p.first_key.startswith(search_key(first))
    )
    for found in (
        Inmate.objects.search("garcia", first),
        Inmate.objects.search(f"garcia, {first}"),
    ):
        assert sorted(p.first_key for p in found) == expected
    assert expected
