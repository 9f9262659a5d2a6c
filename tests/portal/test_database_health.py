"""A kept PostgreSQL connection is checked by reading its socket, not by a query."""

import time

import pytest
from django.db import connection
from django.db.backends.postgresql import base as django_postgresql
from django.db.utils import load_backend

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the check is PostgreSQL's own"
)


@pytest.fixture
def kept_connection(db, django_db_blocker):
    """A connection of the site's own backend, outside the test's transaction: idle
    between requests, as a kept connection is."""
    settings_dict = dict(connection.settings_dict, ENGINE="portal.postgresql")
    wrapper = load_backend("portal.postgresql").DatabaseWrapper(settings_dict, "kept")
    with django_db_blocker.unblock():
        wrapper.ensure_connection()
        yield wrapper
        wrapper.close()


def test_the_site_uses_the_backend_with_the_quick_check():
    assert connection.settings_dict["ENGINE"] == "portal.postgresql"


def test_a_healthy_idle_connection_is_usable_without_a_query(kept_connection, monkeypatch):
    def query(self):
        raise AssertionError("SELECT 1 was sent")

    monkeypatch.setattr(django_postgresql.DatabaseWrapper, "is_usable", query)
    assert kept_connection.is_usable()


def test_a_connection_the_server_closed_is_not_usable(kept_connection):
    with kept_connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        [(pid,)] = cursor.fetchall()
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
    # The server's last message reaches the socket soon after; wait for it.
    waited = 0
    while kept_connection.is_usable() and waited < 50:
        time.sleep(0.05)
        waited += 1
    assert not kept_connection.is_usable()


def test_a_closed_connection_is_not_usable(kept_connection):
    kept_connection.connection.close()
    assert not kept_connection.is_usable()
