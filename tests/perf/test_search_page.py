"""A search's page is drawn once for each number of people found, and each search's
own words and result lines are put in: the page reads exactly as if drawn for that
search, and a new search costs only the search itself."""

from html import escape
from urllib.parse import quote

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from portal.models import full_name
from portal.views import _in_address, result_lines

PEOPLE = [
    # first, middle, last, facility code, fictional
    ("Ana", "", "García", "ACC", True),
    ("José", "", "García", "ACC", True),
    ("Séan", "Patrick", "O'Brien", "JCCC", True),
    ("Zoë", "", 'De La Cruz "Jr" <b>', "ACC", False),
    ("Alex", "", "Unplaced", None, True),
]

SEARCHES = [
    {"q": "garcia"},
    {"q": "García", "first": "ana"},
    {"q": "garcia, jose"},
    {"q": "Ana Garcia"},
    {"q": "O'Brien"},
    {"q": 'de la cruz "jr" <b>'},
    {"q": "unplaced"},
    {"q": "nobody"},
    {"q": "<script>nobody</script>"},
    {"q": "Nobody & Co"},
    {"q": "5000001"},
    {"q": "  garcia  "},
    {"q": "garcia", "first": "  an"},
    {"q": "garcia", "extra": "ignored"},
]


pytestmark = pytest.mark.usefixtures("page_caching")


@pytest.fixture
def people(make_people):
    return make_people(PEOPLE)


def test_every_search_reads_as_if_drawn_for_it(client, drawn_directly, people):
    expected = [drawn_directly("/people/", params) for params in SEARCHES]
    for params, page in zip(SEARCHES, expected, strict=True):
        served = client.get("/people/", params)
        assert served.status_code == page.status_code == 200
        assert served.content == page.content, params
        assert b"StandIn" not in served.content


def test_a_new_search_finding_as_many_people_costs_one_query(client, people):
    client.get("/people/", {"q": "garcia", "first": "ana"})
    with CaptureQueriesContext(connection) as queries:
        page = client.get("/people/", {"q": "obrien", "first": "sean"})
    assert len(queries) == 1
    assert b"O&#x27;Brien" in page.content or b"O&#39;Brien" in page.content
    assert b"Ana Garc" not in page.content


def test_a_renamed_person_shows_renamed_on_the_next_search(client, people):
    ana = people[0]
    assert b"Ana Garc" in client.get("/people/", {"q": "garcia"}).content
    ana.first_name = "Anabel"
    ana.save()
    page = client.get("/people/", {"q": "garcia", "n": "2"}).content
    assert b"Anabel Garc" in page


def test_a_renamed_facility_shows_renamed_on_the_next_search(client, people):
    assert b"Algoa Correctional Center" in client.get("/people/", {"q": "garcia"}).content
    facility = people[0].facility
    facility.name = "Algoa Correctional Centre"
    facility.save()
    page = client.get("/people/", {"q": "garcia"}).content
    assert b"Algoa Correctional Centre" in page


def test_a_facility_added_since_the_last_search_is_named(client, people, missouri):
    client.get("/people/", {"q": "garcia"})
    new = missouri.facilities.create(name="New Hope Center", code="NHC", slug="new-hope-center")
    ana = people[0]
    ana.facility = new
    ana.save()
    page = client.get("/people/", {"q": "garcia"}).content
    assert b"New Hope Center" in page


def test_a_typed_stand_in_word_is_shown_as_typed(client, people):
    page = client.get("/people/", {"q": "ZqQStandInQz"})
    assert page.status_code == 200
    assert page.content.count(b"ZqQStandInQz") >= 2  # in the box and in "no one found"


@pytest.mark.parametrize(
    ("doc_id", "in_address"),
    [
        ("1100001", "1100001"),
        ("A-1/2 3", "A-1%2F2%203"),
        ("١٢٣", "%D9%A1%D9%A2%D9%A3"),  # digits, but not plain ASCII ones
        ("<b>", "%3Cb%3E"),
    ],
)
def test_a_doc_id_is_put_in_a_persons_address_encoded_unless_plain_digits(doc_id, in_address):
    assert _in_address(doc_id) == in_address == quote(doc_id, safe="")


def reference_line(first, middle, last, doc_id, fictional, facility) -> str:
    """A result line drawn the plain way: Django's escaping, full_name, and the
    person's address with the DOC ID percent-encoded whole."""
    name = full_name(first, middle, last)
    link = reverse("portal:person", args=["0"]).replace("0", quote(doc_id, safe=""))
    place = facility or "Facility not known"
    tag = ' <span class="tag">Demo person, not real</span>' if fictional else ""
    return format_html(
        '<li><a href="{}" class="result-list__name">{}</a> <span>DOC ID {}</span>'
        " <span>{}</span>{}</li>\n",
        link,
        name,
        doc_id,
        place,
        mark_safe(tag),  # noqa: S308  # nosec: the site's own words
    )


@pytest.mark.parametrize(
    "row",
    [
        ("Ana", "", "García", "1100001", True, "Algoa Correctional Center"),
        ("Séan", "Patrick", "O'Brien", "1100002", False, "Jefferson City Correctional Center"),
        ("", "", "Madonna", "1100003", True, None),
        ("Cher", "", "", "1100004", True, "A & B <Center> \"East\" 'West'"),
        ("Zoë", "", 'De La Cruz "Jr" <b>', "A-1/2 3", False, "Algoa Correctional Center"),
        ("Ana", "B", "Núñez", "١٢٣", True, "Algoa Correctional Center"),
        ("Ana", "B", "Núñez", "<b>&", True, "Algoa Correctional Center"),
    ],
)
def test_a_result_line_reads_as_drawn_the_plain_way(missouri, row):
    # A search's rows name the facility by id, and its name, escaped, comes from
    # the names (as FACILITY_NAMES keeps them).
    *person, facility = row
    names = {} if facility is None else {7: escape(facility)}
    found = (*person, None if facility is None else 7)
    with translation.override("en"):
        assert result_lines([found], names) == reference_line(*row)
        assert result_lines([found, found], names) == reference_line(*row) * 2
