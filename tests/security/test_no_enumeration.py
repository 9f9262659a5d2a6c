"""A person's address tells nothing beyond what the public search shows.

An unknown DOC ID and a malformed one get the same 404 page, byte for byte, after
the same single database query, so neither the answer nor its timing tells an
attacker which kind of wrong they typed. Only a DOC ID that exists gives a
different answer, and the public search already answers that question.
"""

from urllib.parse import urlencode

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.security.guide_forms import GUIDE_FORMS, KNOWN, NOW, UNKNOWN, answer_url

MALFORMED_DOC_ID = "12ab"
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


# The guides' "who is it for" forms must say when a DOC ID is unknown: a family needs
# to know they mistyped it. That is what the public search tells too, from the same
# rate limit (test_doc_id_lookup_limit.py). Beyond it, the answer is shaped like any
# other mistake: the same status and headers, one error on the DOC ID field, the same
# page around it, after the same work as a known DOC ID whose other answers are wrong.

MESSAGES = {
    UNKNOWN: (
        f"We cannot find DOC ID {UNKNOWN}. Check the number, or leave it empty and give "
        "their name and facility instead."
    ),
    MALFORMED_DOC_ID: "A DOC ID has digits only, such as 1234567.",
}


def shape(response, doc_id):
    """The answer with the DOC ID's own error message and the DOC ID itself blanked."""
    body = response.content.decode().replace(MESSAGES[doc_id], "ERROR").replace(doc_id, "ID")
    headers = {k: v for k, v in response.headers.items() if k != "Content-Length"}
    headers["Location"] = headers.get("Location", "").replace(doc_id, "ID")
    return response.status_code, headers, body


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize("form", GUIDE_FORMS)
def test_an_unknown_doc_id_answers_like_a_malformed_one(sample_person, client, form):
    unknown = client.get(answer_url(form, UNKNOWN))
    malformed = client.get(answer_url(form, MALFORMED_DOC_ID))
    assert unknown.status_code in (400, 302)
    assert shape(unknown, UNKNOWN) == shape(malformed, MALFORMED_DOC_ID)


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize("form", [f for f in GUIDE_FORMS if "calendar" not in f])
def test_the_unknown_doc_id_error_is_the_only_error_and_links_to_its_field(
    sample_person, client, form
):
    response = client.get(answer_url(form, UNKNOWN), follow=True)
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert list(errors) == ["doc_id"]
    assert errors["doc_id"] == [MESSAGES[UNKNOWN]]
    assert 'href="#id_doc_id"' in response.content.decode()


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize("form", GUIDE_FORMS)
def test_an_unknown_doc_id_costs_the_queries_of_a_known_one_with_a_wrong_answer(
    sample_person, client, form
):
    path, answers = GUIDE_FORMS[form]
    # The known DOC ID, with its first other answer wrong: an error, not an answer.
    wrong = dict(answers)
    first = next(iter(wrong))
    wrong[first] = "wrong"
    known = f"{path}?{urlencode({'go': '1', 'doc_id': KNOWN, **wrong})}"
    with CaptureQueriesContext(connection) as unknown_queries:
        client.get(answer_url(form, UNKNOWN))
    with CaptureQueriesContext(connection) as known_queries:
        response = client.get(known)
    assert response.status_code in (400, 302)
    assert len(unknown_queries) == len(known_queries)
