"""The database goes away: every page answers a plain 503, and the site recovers alone.

The test runs its own PostgreSQL (initdb in a temporary folder, a spare loopback
port), points Django at it, stops it, and starts it again. The shared server, if
any, is never touched. Without initdb the test is skipped, except in CI, where it
must run.
"""

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from contextlib import contextmanager, suppress
from pathlib import Path

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.management import call_command
from django.db import connections
from django.db.utils import load_backend
from django.test import RequestFactory

from portal.env import database_config

REQUIRED = any(
    os.environ.get(name, "").lower() in {"1", "true", "yes"}
    for name in ("CI", "REQUIRE_BROWSER_TESTS")
)

PAGES = ["/", "/facilities/", "/facilities/algoa-correctional-center/", "/people/?q=garcia"]


def find_initdb() -> Path | None:
    candidates = [
        os.environ.get("INITDB", ""),
        "/usr/local/bin/initdb",
        *sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True),
        shutil.which("initdb") or "",
    ]
    for candidate in candidates:
        if candidate and os.access(candidate, os.X_OK):
            # pg_ctl beside the real binary, not beside a symlink to it.
            return Path(candidate).resolve()
    return None


def spare_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class PrivatePostgres:
    """A throwaway PostgreSQL cluster owned by this test alone."""

    def __init__(self, bin_dir: Path):
        self.bin_dir = bin_dir
        self.port = spare_port()
        self.root = Path(tempfile.mkdtemp(prefix="sc-outage-pg-"))
        self.data = self.root / "data"
        # PostgreSQL refuses to run as root: use its own account when we are root.
        self.user = None
        if os.geteuid() == 0:
            for name in ("postgres", "nobody"):
                try:
                    shutil.chown(self.root, user=name)
                    self.user = name
                    break
                except LookupError:
                    continue

    def run(self, *args: str):
        command = [str(self.bin_dir / args[0]), *args[1:]]
        if self.user:
            command = ["runuser", "-u", self.user, "--", *command]
        subprocess.run(command, check=True, capture_output=True, timeout=120)

    def init(self):
        self.run(
            "initdb",
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "--auth=trust",
            "-E",
            "UTF8",
            "--no-sync",
        )

    def start(self):
        options = f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.root} -c fsync=off"
        self.run("pg_ctl", "-D", str(self.data), "-o", options, "-l",
                 str(self.root / "log"), "-w", "start")  # fmt: skip

    def stop(self):
        self.run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/postgres"

    def remove(self):
        with suppress(subprocess.CalledProcessError):  # already stopped
            self.stop()
        shutil.rmtree(self.root, ignore_errors=True)


@pytest.fixture
def private_postgres():
    initdb = find_initdb()
    if initdb is None:
        message = "initdb not found: install PostgreSQL to run the database outage test."
        if REQUIRED:
            pytest.fail(message)
        pytest.skip(message)
    server = PrivatePostgres(initdb.parent)
    try:
        server.init()
        server.start()
        yield server
    finally:
        server.remove()


@contextmanager
def django_using(url: str, django_db_blocker):
    """Point Django's default connection at `url`, as production would configure it."""
    config = database_config(url)
    config = connections.configure_settings({"default": config})["default"]
    wrapper = load_backend(config["ENGINE"]).DatabaseWrapper(config, "default")
    previous = connections["default"]
    connections["default"] = wrapper
    try:
        with django_db_blocker.unblock():
            call_command("migrate", run_syncdb=True, verbosity=0)
            call_command("load_missouri", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
            yield
    finally:
        wrapper.close()
        connections["default"] = previous


class Site:
    """Requests through Django's real WSGI handler, as gunicorn sends them.

    Unlike the test client, it opens and closes database connections at the start
    and end of each request exactly as production does, which is how the site
    notices a lost connection and opens a fresh one.
    """

    def __init__(self):
        self.handler = WSGIHandler()

    def get(self, path: str):
        environ = RequestFactory().get(path, HTTP_HOST="127.0.0.1").environ
        started = {}

        def start_response(status, headers, exc_info=None):
            started["status"] = int(status.split()[0])
            started["headers"] = dict(headers)

        result = self.handler(environ, start_response)
        try:
            body = b"".join(result)
        finally:
            result.close()
        return Answer(started["status"], started["headers"], body.decode())


class Answer:
    def __init__(self, status_code, headers, body):
        self.status_code = status_code
        self.headers = headers
        self.body = body


def test_lost_database_gives_503_everywhere_and_the_site_recovers_alone(
    private_postgres, django_db_blocker
):
    client = Site()
    with django_using(private_postgres.url, django_db_blocker):
        assert client.get("/healthz").status_code == 200
        for page in PAGES:
            assert client.get(page).status_code == 200, page

        private_postgres.stop()

        health = client.get("/healthz")
        assert health.status_code == 503
        assert '"database": "unreachable"' in health.body
        for page in PAGES:
            response = client.get(page)
            assert response.status_code == 503, page
            assert response.headers["Retry-After"] == "30"
            body = response.body
            assert "Sorry, this site cannot answer right now" in body
            assert "Please try again in a minute or two." in body
            # Nothing about the database or its address reaches the family.
            assert "OperationalError" not in body
            assert str(private_postgres.port) not in body

        private_postgres.start()

        assert client.get("/healthz").status_code == 200
        for page in PAGES:
            assert client.get(page).status_code == 200, page


@pytest.mark.parametrize("error", ["OperationalError", "InterfaceError"])
def test_a_view_that_loses_the_database_answers_the_plain_503(db, client, monkeypatch, error):
    import django.db

    def lost(*args, **kwargs):
        raise getattr(django.db, error)("server closed the connection unexpectedly")

    monkeypatch.setattr("portal.views.Facility.objects.active", lost)
    response = client.get("/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "Sorry, this site cannot answer right now" in response.content.decode()
    assert "closed the connection" not in response.content.decode()


def test_a_database_restart_is_not_seen_by_families(private_postgres, django_db_blocker):
    # Each kept connection is checked before its first query in a request: one the
    # server closed is replaced, so no family gets the 503 page after a restart.
    client = Site()
    with django_using(private_postgres.url, django_db_blocker):
        for page in ["/healthz", *PAGES]:
            assert client.get(page).status_code == 200, page

        private_postgres.stop()
        private_postgres.start()

        for page in ["/healthz", *PAGES]:
            assert client.get(page).status_code == 200, page
