import datetime
import io
import os
import shutil

# Before Django is set up: test settings, and Playwright's sync API (which runs an
# event loop in the test thread) must not trip Django's async-safety check.
os.environ.setdefault("DJANGO_TESTING", "true")
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import pytest  # noqa: E402
from django.core.management import call_command  # noqa: E402

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
BROWSER_REQUIRED = os.environ.get("REQUIRE_BROWSER_TESTS", "").lower() in {"1", "true", "yes"}

VIEWPORTS = {
    "phone": {"width": 320, "height": 640},
    "desktop": {"width": 1280, "height": 900},
}


def load_missouri_once():
    """Missouri's data in the test database: loaded by the command the first time,
    then copied back from a snapshot after each flush (a browser or transactional
    test empties every table when it ends)."""
    from portal.models import Agency

    if not Agency.objects.filter(slug="missouri-doc").exists() and not _restore_snapshot():
        call_command("load_missouri", stdout=io.StringIO())
        _take_snapshot()
    return Agency.objects.get(slug="missouri-doc")


# Every table's rows right after the first load: {table: (columns, rows)}.
_snapshot: dict[str, tuple[list[str], list[tuple]]] = {}


def _rows(cursor, table: str) -> tuple[list[str], list[tuple]]:
    cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 - names from introspection
    return [column[0] for column in cursor.description], cursor.fetchall()


def _same(rows: list[tuple], others: list[tuple]) -> bool:
    return sorted(map(repr, rows)) == sorted(map(repr, others))


def _take_snapshot() -> None:
    from django.db import connection

    _snapshot.clear()
    with connection.cursor() as cursor:
        for table in connection.introspection.django_table_names(only_existing=True):
            columns, rows = _rows(cursor, table)
            if rows:
                _snapshot[table] = (columns, rows)


def _insertable(value):
    """A value as read, ready to write back: PostgreSQL reads JSON as dicts, and
    SQLite reads times as `time` but cannot write one (Django stores the text)."""
    if isinstance(value, dict | list):
        from psycopg2.extras import Json

        return Json(value)
    if isinstance(value, datetime.time):
        return value.isoformat()
    return value


def _restore_snapshot() -> bool:
    """Put the snapshot back; False, with nothing written, when there is none.

    A flush empties every table, then fills a few again itself (content types and
    permissions, under new ids): those are replaced by the snapshot's rows, which
    the rest of the snapshot refers to.
    """
    from django.apps import apps
    from django.core.management.color import no_style
    from django.db import IntegrityError, connection, transaction

    from portal.cache import bump_content_version

    if not _snapshot:
        return False
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            for table, (columns, rows) in _snapshot.items():
                now = _rows(cursor, table)[1]
                if now and _same(now, rows):
                    continue
                if now:
                    cursor.execute(f'DELETE FROM "{table}"')  # noqa: S608
                names = ", ".join(f'"{column}"' for column in columns)
                marks = ", ".join(["%s"] * len(columns))
                cursor.executemany(
                    f'INSERT INTO "{table}" ({names}) VALUES ({marks})',  # noqa: S608
                    [tuple(map(_insertable, row)) for row in rows],
                )
            # The next row each table makes gets an id after the copied ones.
            for statement in connection.ops.sequence_reset_sql(no_style(), apps.get_models()):
                cursor.execute(statement)
    except IntegrityError:  # something outside the snapshot refers to a replaced row
        return False
    bump_content_version()  # as the command's saves would have: the data is new
    return True


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load Missouri's data once into the test database.

    Tests in a transaction see it and roll back their own changes. Tests that
    flush the database (live server, transactional) load it again through
    `missouri` or `live_site`.
    """
    with django_db_blocker.unblock():
        load_missouri_once()


@pytest.fixture
def missouri(db):
    """The Missouri agency with its 19 facilities and every rule loaded."""
    return load_missouri_once()


@pytest.fixture
def make_person(missouri):
    """Create a fictional person: make_person("Ana", "García", facility_code="ACC")."""
    from portal.models import Facility, Inmate

    counter = iter(range(5_000_001, 6_000_000))

    def make(first="Alex", last="Example", facility_code="ACC", doc_id=None, **extra):
        facility = (
            Facility.objects.get(agency=missouri, code=facility_code) if facility_code else None
        )
        return Inmate.objects.create(
            agency=missouri,
            doc_id=doc_id or str(next(counter)),
            first_name=first,
            last_name=last,
            facility=facility,
            is_fictional=True,
            **extra,
        )

    return make


@pytest.fixture
def sample_person(make_person):
    """The fictional person the sample URLs in tests/*/sample_urls*.py refer to."""
    from tests.pages import SAMPLE_DOC_ID

    return make_person("Ana", "García", facility_code="ACC", doc_id=SAMPLE_DOC_ID)


# ---------- browser tests ----------


@pytest.fixture(scope="session")
def chromium():
    if not (shutil.which(CHROMIUM) or os.path.exists(CHROMIUM)):
        if BROWSER_REQUIRED:
            pytest.fail(f"Browser tests are required but no Chromium was found at {CHROMIUM}.")
        pytest.skip(f"No Chromium at {CHROMIUM}: install Debian's chromium to run browser tests.")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def live_site(live_server, transactional_db):
    """The live test server's address, with Missouri's data loaded."""
    load_missouri_once()
    return live_server.url


# Folders whose browser tests run at one size (see `page`).
ONE_SIZE = {"mail": "phone", "funds": "phone", "phones": "phone", "visits": "phone"}
ONE_SIZE["admin"] = "desktop"


def pytest_generate_tests(metafunc):
    """Each browser test (one asking for `page`) runs at the sizes its folder needs.

    The page sweeps (tests/design, every facility page, the error pages) run at both
    sizes. A guide's step-by-step journey runs on the phone, where families are and
    where it is hardest; the staff admin runs at desktop size, where staff work. A
    check that reads the same at every size says so: `@pytest.mark.size("phone")`.
    Chosen here, when tests are collected, so no other size is even set up.
    """
    if "page" in metafunc.fixturenames:
        marker = metafunc.definition.get_closest_marker("size")
        size = marker.args[0] if marker else ONE_SIZE.get(metafunc.definition.path.parent.name)
        metafunc.parametrize("page", [size] if size else list(VIEWPORTS), indirect=True)


@pytest.fixture
def page(request, chromium):
    """A fresh browser page at the size the test is collected for (phone or desktop);
    fails on console errors."""
    context = chromium.new_context(viewport=VIEWPORTS[request.param], accept_downloads=True)
    browser_page = context.new_page()
    browser_page.console_errors = []
    browser_page.on(
        "console",
        lambda msg: browser_page.console_errors.append(msg.text) if msg.type == "error" else None,
    )
    browser_page.on("pageerror", lambda exc: browser_page.console_errors.append(str(exc)))
    browser_page.viewport_name = request.param
    yield browser_page
    context.close()
