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
    from portal.models import Agency

    if not Agency.objects.filter(slug="missouri-doc").exists():
        call_command("load_missouri", stdout=io.StringIO())
    return Agency.objects.get(slug="missouri-doc")


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


@pytest.fixture(params=list(VIEWPORTS))
def page(request, chromium):
    """A fresh browser page at a phone and at a desktop size; fails on console errors.

    The page sweeps (tests/design, every facility page, the error pages) run at both
    sizes. A guide's step-by-step journey runs on the phone, where families are and
    where it is hardest; the staff admin runs at desktop size, where staff work.
    """
    size = ONE_SIZE.get(request.node.path.parent.name)
    if size and request.param != size:
        pytest.skip(f"this journey runs at {size} size only; the page sweeps cover both")
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
