"""A person's address tells nothing beyond what the public search shows.

An unknown DOC ID and a malformed one get the same 404 page, byte for byte, after
the same single database query, so neither the answer nor its timing tells an
attacker which kind of wrong they typed. Only a DOC ID that exists gives a
different answer, and the public search already answers that question.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

UNKNOWN = "9999999"
MALFORMED = ["abc", "12%2034", "%C2%B2", "1" * 300, "%00", "-1", "1.5", "%3Cb%3E"]


def not_found(client, doc_id):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/people/{doc_id}/")
    return response, len(queries)


@pytest.mark.parametrize("malformed", MALFORMED)
def test_malformed_and_unknown_doc_ids_answer_identically(sample_person, client, malformed):
    unknown, unknown_queries = not_found(client, UNKNOWN)
    response, queries = not_found(client, malformed)
    assert response.status_code == unknown.status_code == 404
    assert response.content == unknown.content
    assert queries == unknown_queries
    assert sorted(response.headers) == sorted(unknown.headers)


def test_the_404_page_does_not_repeat_the_doc_id(sample_person, client):
    response, _ = not_found(client, "7000002")
    assert b"7000002" not in response.content


def test_a_known_doc_id_shows_the_person(sample_person, client):
    assert client.get("/people/7000001/").status_code == 200
