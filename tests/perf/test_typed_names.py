"""A page asked with a name the family typed is quick, exact, and keeps no trace of it.

The page is rendered once with a stand-in word where the name goes, kept, and the
name is put in place of the stand-in as each page leaves.
"""

import pickle
from urllib.parse import quote_plus

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ACC = "algoa-correctional-center"
# Every guide page a typed name reaches, with "{}" where the name goes.
NAMED_URLS = [
    f"/mail/?name={{}}&facility={ACC}",
    f"/mail/answer/?go=1&name={{}}&facility={ACC}&items=letter&items=card&items=legal",
    f"/mail/envelope/?go=1&name={{}}&facility={ACC}&item=letter",
    f"/money/?name={{}}&facility={ACC}",
    f"/money/checklist/?go=1&name={{}}&facility={ACC}&method=mail",
    f"/money/checklist/print/?go=1&name={{}}&facility={ACC}&method=mail",
    # These two ask no name, but a link may carry one.
    f"/phones/answer/?go=1&phone=cell&pay=billed&name={{}}&facility={ACC}",
    f"/visits/plan/?name={{}}&facility={ACC}",
    f"/visits/video/plan/?name={{}}&facility={ACC}",
]
NAMES = ["Ana García", "O'Brien & <b>Sons</b>", 'Zoë "Z" Smith/Jones+1', "李 小龍", "x" * 100]


pytestmark = pytest.mark.usefixtures("page_caching")


def get(client, template, name):
    return client.get(template.format(quote_plus(name)))


def rendered_directly(client, settings, template, name):
    """The page as the view draws it for this name, with no cache involved."""
    settings.PAGE_CACHE_SECONDS = 0
    try:
        return get(client, template, name)
    finally:
        settings.PAGE_CACHE_SECONDS = 3600


def stored_bytes() -> bytes:
    """Everything the page cache holds, as stored."""
    cache = caches["default"]
    return b"".join(pickle.dumps(value) for value in cache._cache.values())


@pytest.mark.parametrize("template", NAMED_URLS)
@pytest.mark.parametrize("name", NAMES)
def test_a_page_for_a_typed_name_is_the_page_drawn_for_that_name(
    client, settings, missouri, template, name
):
    expected = rendered_directly(client, settings, template, name)
    get(client, template, "Someone Else")  # the stand-in's page is now kept
    served = get(client, template, name)
    assert served.status_code == expected.status_code == 200
    assert served.content == expected.content
    if not template.startswith(("/phones/", "/visits/video/")):
        assert escape(name).encode() in served.content


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(name=st.text(min_size=1, max_size=120))
def test_any_name_gets_the_page_drawn_for_it(client, settings, missouri, name):
    template = NAMED_URLS[4]
    expected = rendered_directly(client, settings, template, name)
    served = get(client, template, name)
    assert served.status_code == expected.status_code
    assert served.content == expected.content


@pytest.mark.parametrize("template", NAMED_URLS)
def test_a_typed_name_is_never_stored(client, missouri, template):
    name = "Quentin Zebedee-Ostrowski"
    assert get(client, template, name).status_code == 200
    assert get(client, template, name).status_code == 200
    kept = stored_bytes()
    assert kept  # the stand-in's page is kept
    for form in (name, quote_plus(name), "Zebedee"):
        assert form.encode() not in kept


def test_a_second_family_is_answered_from_the_kept_page_with_their_own_name(client, missouri):
    template = NAMED_URLS[1]
    get(client, template, "First Family")
    with CaptureQueriesContext(connection) as queries:
        second = get(client, template, "Second Family")
    assert len(queries) == 0
    assert b"Second Family" in second.content
    assert b"First Family" not in second.content
    assert b"StandIn" not in second.content


def test_a_page_for_a_typed_name_has_no_etag_to_share(client, missouri):
    response = get(client, NAMED_URLS[1], "Ana García")
    assert "ETag" not in response
    assert "private" in response["Cache-Control"]


@pytest.mark.parametrize("name", ["Ana  García", " Ana García", "x" * 101, "Ana\tGarcía"])
def test_a_name_the_form_would_tidy_is_drawn_as_asked_and_never_kept(client, missouri, name):
    template = NAMED_URLS[1]
    response = get(client, template, name)
    assert response.status_code in (200, 400)
    assert b"StandIn" not in response.content
    assert name.split()[0][:20].encode() not in stored_bytes()


# Query strings as browsers and other clients send them: the name is read as Django
# reads it, or the page is drawn as asked.
RAW_QUERIES = [
    "name=Ana+Garc%C3%ADa",
    "name=Ana%20Garc%C3%ADa",  # a space as %20, not +
    "n%61me=Ana+Garc%C3%ADa",  # the field's own name encoded
    "name=Ana+Garc%C3%ADa&name=Bob",  # given twice: the last counts
    "name=Bob&n%61me=Ana",
    "name=&name=Bob",
    "name=Ana+García",  # raw UTF-8, not encoded
    "name=Ana%ZZ",  # a broken escape
    "name=%E9t%E9",  # Latin-1 escapes, not UTF-8
    "name",  # no "=" at all
    "name=++",
]


@pytest.mark.parametrize("query", RAW_QUERIES)
def test_a_name_in_any_form_of_query_string_gets_the_page_drawn_for_it(
    client, settings, missouri, query
):
    address = f"/money/checklist/?go=1&facility={ACC}&method=mail&{query}"
    settings.PAGE_CACHE_SECONDS = 0
    expected = client.get(address)
    settings.PAGE_CACHE_SECONDS = 3600
    get(client, NAMED_URLS[4], "Someone Else")  # the stand-in's page is kept
    for _ in range(2):
        served = client.get(address)
        assert served.status_code == expected.status_code
        assert served.content == expected.content
    kept = stored_bytes()
    assert b"Ana" not in kept
    assert b"Bob" not in kept
