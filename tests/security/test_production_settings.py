"""Production mode: the deployment checks pass, and every protective header is sent."""

import gc
import multiprocessing
import runpy
import sys
from pathlib import Path

import pytest

from tests.security.production import hardening_settings, run_in_production, run_manage

HOST = "staying-connected.example.org"
GUNICORN_CONF = str(Path(__file__).resolve().parents[2] / "gunicorn.conf.py")


def test_deployment_check_passes_with_production_environment():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_missing_secret_key_stops_production_start_up():
    result = run_manage("check", drop=("DJANGO_SECRET_KEY",))
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is required" in result.stderr


def test_missing_allowed_hosts_stops_production_start_up():
    result = run_manage("check", drop=("DJANGO_ALLOWED_HOSTS",))
    assert result.returncode != 0
    assert "DJANGO_ALLOWED_HOSTS is required" in result.stderr


def test_production_uses_a_real_mail_server():
    code = "from django.core import mail; print(type(mail.mailers.default).__module__)"
    result = run_manage("shell", "-c", code, env={"DJANGO_EMAIL_HOST": "smtp.example.org"})
    assert result.returncode == 0, result.stderr
    assert "django.core.mail.backends.smtp" in result.stdout


@pytest.fixture
def production(settings):
    for name, value in hardening_settings().items():
        setattr(settings, name, value)
    return settings


def test_production_settings_are_hardened(production):
    assert production.DEBUG is False
    assert production.SECURE_SSL_REDIRECT is True
    assert production.SECURE_HSTS_SECONDS >= 31_536_000
    assert production.SESSION_COOKIE_SECURE is True
    assert production.CSRF_COOKIE_SECURE is True
    assert production.ALLOWED_HOSTS == [HOST]
    assert production.AXES_ENABLED is True
    assert production.AUTHENTICATION_BACKENDS[0] == "axes.backends.AxesStandaloneBackend"
    assert production.RATE_LIMIT_ENABLED is True
    assert production.SESSION_EXPIRE_AT_BROWSER_CLOSE is True
    assert production.SESSION_COOKIE_AGE == 60 * 60
    # Django's own slow hash for staff passwords (the tests use a fast one).
    assert production.PASSWORD_HASHERS[0].endswith("PBKDF2PasswordHasher")


def test_gunicorn_configuration_loads_the_production_app():
    result = run_in_production(
        [
            str(Path(sys.executable).with_name("gunicorn")),
            "-c",
            "gunicorn.conf.py",
            "--check-config",
        ]
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_plain_http_is_redirected_to_https(production, missouri, client):
    response = client.get("/facilities/", HTTP_HOST=HOST)
    assert response.status_code == 301
    assert response["Location"] == f"https://{HOST}/facilities/"


def test_unknown_host_is_refused(production, missouri, client):
    response = client.get("/", HTTP_HOST="evil.example.com", HTTP_X_FORWARDED_PROTO="https")
    assert response.status_code == 400


def test_every_protective_header_is_on_a_real_page(production, missouri, client):
    response = client.get("/", HTTP_HOST=HOST, HTTP_X_FORWARDED_PROTO="https")
    assert response.status_code == 200
    assert response["Strict-Transport-Security"] == ("max-age=31536000; includeSubDomains; preload")
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_admin_cookies_are_secure_and_http_only(production, client):
    response = client.get("/admin/login/", HTTP_HOST=HOST, HTTP_X_FORWARDED_PROTO="https")
    assert response.status_code == 200
    cookie = response.cookies["csrftoken"]
    assert cookie["secure"] is True
    assert cookie["samesite"] == "Lax"


def test_health_check_answers_the_load_balancer_over_plain_http(production, db, client):
    response = client.get("/healthz", HTTP_HOST=HOST)
    assert response.status_code == 200


def test_gunicorn_freezes_what_the_master_loaded_before_each_fork():
    hooks = runpy.run_path(GUNICORN_CONF)
    try:
        hooks["pre_fork"](server=None, worker=None)
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


def test_one_gunicorn_worker_cannot_take_every_connection():
    config = runpy.run_path(GUNICORN_CONF)
    # Room to keep connections alive beyond the threads, but a bounded share each.
    assert config["threads"] < config["worker_connections"] <= 4 * config["threads"]


def test_gunicorn_keeps_no_connection_alive_unless_asked(monkeypatch):
    assert runpy.run_path(GUNICORN_CONF)["keepalive"] == 0
    monkeypatch.setenv("GUNICORN_KEEPALIVE", "5")
    assert runpy.run_path(GUNICORN_CONF)["keepalive"] == 5


@pytest.mark.parametrize(
    ("database_url", "per_core"),
    [
        ("postgres://app@db.internal:5432/portal", 2),  # another machine: fill its waits
        ("postgres://app@10.0.0.5/portal", 2),
        ("postgres://postgres@127.0.0.1:5432/portal", 1),  # this machine: its work fills them
        ("postgres://postgres@localhost/portal", 1),
        ("postgres://postgres@[::1]:5432/portal", 1),
        ("postgres:///portal", 1),  # the local socket
        ("postgres://%2Fvar%2Frun%2Fpostgresql/portal", 1),
        ("", 1),  # SQLite
    ],
)
def test_gunicorn_runs_single_request_processes_per_core_by_where_the_database_is(
    monkeypatch, database_url, per_core
):
    monkeypatch.delenv("WEB_CONCURRENCY", raising=False)
    monkeypatch.delenv("GUNICORN_THREADS", raising=False)
    monkeypatch.setenv("DATABASE_URL", database_url)
    config = runpy.run_path(GUNICORN_CONF)
    assert config["worker_class"] == "sync"
    assert config["threads"] == 1
    assert config["workers"] == per_core * multiprocessing.cpu_count()


def test_gunicorn_runs_as_many_processes_as_told(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgres://app@db.internal:5432/portal")
    monkeypatch.setenv("WEB_CONCURRENCY", "7")
    assert runpy.run_path(GUNICORN_CONF)["workers"] == 7
