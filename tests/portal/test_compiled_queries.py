"""A query compiled once gives what its queryset gives, for any value and shape."""

import pytest
from django.db import DatabaseError, connection
from django.db.backends.utils import CursorWrapper
from django.test.utils import CaptureQueriesContext

from portal.compiled import CompiledQuery
from portal.models import Agency, Inmate, search_plan
from portal.views import (
    PERSON_BY_DOC_ID,
    PERSON_KEY_FIELDS,
    RESULT_FIELDS,
    SEARCH_RESULTS,
    _one_plan_fits,
)


@pytest.fixture
def people(make_person):
    make_person("José", "García", doc_id="1100001", facility_code="ACC")
    make_person("Ana", "García", doc_id="1100002", facility_code="JCCC")
    make_person("Sean", "O'Brien", doc_id="1100003", facility_code="PCC")
    make_person("Zed", "Zzyzx", doc_id="1100004", facility_code="BCC")
    make_person("Garcia", "Ana", doc_id="1100005", facility_code="ACC")
    make_person("No", "Facility", doc_id="1100006", facility_code=None)
    Inmate.objects.filter(doc_id="1100003").update(is_fictional=False)


@pytest.mark.parametrize("doc_id", ["1100001", "1100003", "1100006", "9999999", ""])
def test_a_person_is_read_as_the_queryset_reads_them(people, doc_id):
    expected = list(Inmate.objects.filter(doc_id=doc_id).values_list(*PERSON_KEY_FIELDS)[:1])
    assert PERSON_BY_DOC_ID.rows(doc_id) == expected


def test_a_yes_or_no_column_comes_back_as_true_or_false(people):
    # SQLite stores booleans as 1 and 0: they are converted as Django converts them.
    [found] = PERSON_BY_DOC_ID.rows("1100003")
    assert found[PERSON_KEY_FIELDS.index("is_fictional")] is False


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("1100001", ""),
        (" 1100-002 ", ""),
        ("García", ""),
        ("garcia", "ana"),
        ("Ana García", ""),  # two readings: Ana García and García Ana
        ("García, José", ""),
        ("o'brien", ""),
        ("zz", ""),  # no upper bound
        ("zzyzx", "z"),
        ("nobody", ""),
    ],
)
def test_a_search_reads_what_the_search_queryset_reads(people, settings, query, first):
    shape, values = search_plan(query, first)
    limit = settings.PEOPLE_SEARCH_LIMIT
    expected = list(Inmate.objects.search(query, first, limit).values_list(*RESULT_FIELDS))
    assert SEARCH_RESULTS.rows(*values, shape=shape, limit=limit) == expected


def test_a_search_with_a_new_limit_is_compiled_for_it(people):
    shape, values = search_plan("garcia")
    assert len(SEARCH_RESULTS.rows(*values, shape=shape, limit=1)) == 1
    assert len(SEARCH_RESULTS.rows(*values, shape=shape, limit=20)) == 2


@pytest.mark.parametrize("query", ["", "   ", "'", ","])
def test_a_search_for_nothing_has_no_plan(query):
    assert search_plan(query) is None


def test_each_shape_is_compiled_once_and_each_call_is_one_query(people):
    built = []

    def build(doc_id):
        built.append(doc_id)
        return Inmate.objects.filter(doc_id=doc_id).values_list("last_name")

    query = CompiledQuery(build)
    with CaptureQueriesContext(connection) as queries:
        assert query.rows("1100001") == [("García",)]
        assert query.rows("1100003") == [("O'Brien",)]
    assert len(built) == 1
    assert len(queries) == 2


def test_a_value_the_sql_would_change_is_refused_when_compiled(db):
    # A pattern wraps the value ("%value%"): it is not a parameter as it is.
    query = CompiledQuery(lambda name: Inmate.objects.filter(last_name__contains=name))
    with pytest.raises(ValueError, match="one SQL parameter"):
        query.rows("García")


postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="prepared statements are PostgreSQL's"
)


def agency_slugs(slug):
    return Agency.objects.filter(slug=slug).values_list("slug")


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_each_shape_is_prepared_once_per_connection_in_the_same_query():
    Agency.objects.create(slug="kept", name="Kept", state="MO")
    query = CompiledQuery(agency_slugs)
    connection.close()  # a new connection, as a worker's first request has
    with CaptureQueriesContext(connection) as queries:
        assert query.rows("kept") == [("kept",)]
        assert query.rows("other") == []
    first, second = (q["sql"] for q in queries)
    assert "PREPARE " in first and "EXECUTE " in first
    assert second.startswith("EXECUTE ")

    connection.close()  # the database forgets prepared statements with the session
    with CaptureQueriesContext(connection) as queries:
        assert query.rows("kept") == [("kept",)]
    assert "PREPARE " in queries[0]["sql"]


@postgresql_only
def test_prepared_statements_can_be_turned_off(db, settings):
    settings.DATABASE_PREPARED_STATEMENTS = False
    with CaptureQueriesContext(connection) as queries:
        assert CompiledQuery(agency_slugs).rows("none") == []
    assert queries[0]["sql"].startswith("SELECT ")


@postgresql_only
def test_a_value_with_quotes_and_percent_signs_is_sent_as_a_value(db):
    Agency.objects.create(slug="50%-o'k", name="Odd", state="MO")
    assert CompiledQuery(agency_slugs).rows("50%-o'k") == [("50%-o'k",)]


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_a_first_run_that_fails_after_preparing_is_not_prepared_twice(monkeypatch):
    # Such as a query cancelled after its PREPARE took effect: the statement is there,
    # and preparing it again would fail on every later request on the connection.
    Agency.objects.create(slug="kept", name="Kept", state="MO")
    query = CompiledQuery(agency_slugs)
    connection.close()
    real = CursorWrapper.execute

    def fails_after_running(self, sql, params=None):
        real(self, sql, params)
        raise DatabaseError("canceling statement due to user request")

    monkeypatch.setattr(CursorWrapper, "execute", fails_after_running)
    with pytest.raises(DatabaseError):
        query.rows("kept")
    monkeypatch.undo()
    assert query.rows("kept") == [("kept",)]


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_a_statement_the_database_forgot_is_prepared_again():
    # As after a session reset (a pooler's DISCARD ALL), or a PREPARE that failed.
    Agency.objects.create(slug="kept", name="Kept", state="MO")
    query = CompiledQuery(agency_slugs)
    assert query.rows("kept") == [("kept",)]
    with connection.cursor() as cursor:
        cursor.execute("DEALLOCATE ALL")
    assert query.rows("kept") == [("kept",)]
    assert query.rows("other") == []


def _plans(statement_sql: str) -> tuple[int, int]:
    """(generic, custom) plans PostgreSQL has made for the statement with this SQL."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT generic_plans, custom_plans FROM pg_prepared_statements"
            " WHERE statement LIKE %s",
            ["%" + statement_sql + "%"],
        )
        return cursor.fetchone()


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_a_prepared_statement_is_planned_once_whatever_its_values():
    # Left to choose, PostgreSQL plans some statements again on every run.
    connection.close()  # a session of its own, holding only this test's statement
    query = CompiledQuery(agency_slugs)
    for slug in ["a", "b", "c", "d", "e", "f", "g"]:
        assert query.rows(slug) == []
    assert _plans('FROM "portal_agency"') == (7, 0)


@postgresql_only
def test_a_shape_whose_best_plan_depends_on_its_values_is_not_prepared(db):
    query = CompiledQuery(agency_slugs, plan_once=lambda **shape: False)
    with CaptureQueriesContext(connection) as queries:
        assert query.rows("none") == []
        assert query.rows("other") == []
    assert [q["sql"][:7] for q in queries] == ["SELECT ", "SELECT "]


@pytest.mark.parametrize(
    ("query", "first", "planned_once"),
    [
        ("1100001", "", True),
        ("García", "", True),
        ("zz", "", True),  # no upper bound, still one range
        ("garcia", "ana", False),
        ("Ana García", "", False),  # two readings
        ("García, José", "", False),
    ],
)
def test_only_a_doc_id_or_a_last_name_alone_is_planned_once(query, first, planned_once):
    shape, _values = search_plan(query, first)
    assert _one_plan_fits(shape=shape, limit=20) is planned_once


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_the_plan_shown_for_a_surname_is_the_one_made_once_for_every_value(settings):
    shape, values = search_plan("García")
    plan = SEARCH_RESULTS.explain(*values, shape=shape, limit=settings.PEOPLE_SEARCH_LIMIT)
    assert "$1" in plan and "garcia" not in plan
    assert "Index Scan using inmate_name_order_idx" in plan


@postgresql_only
def test_the_plan_shown_for_a_name_read_two_ways_is_made_with_its_values(db, settings):
    shape, values = search_plan("Ana García")
    plan = SEARCH_RESULTS.explain(*values, shape=shape, limit=settings.PEOPLE_SEARCH_LIMIT)
    assert "$1" not in plan and "'garcia'" in plan


def test_plans_are_shown_only_for_postgresql(db):
    if connection.vendor == "postgresql":
        pytest.skip("SQLite's case")
    with pytest.raises(NotImplementedError):
        PERSON_BY_DOC_ID.explain("1100001")
