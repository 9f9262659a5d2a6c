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
