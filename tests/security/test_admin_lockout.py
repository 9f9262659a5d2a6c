"""Admin sign-in: repeated failures lock out, every attempt is recorded, sessions expire."""

import logging

import pytest
from axes.models import AccessAttempt, AccessLog
from django.contrib.auth import get_user_model

LOGIN = "/admin/login/?next=/admin/"
PASSWORD = "a long staff pass phrase 42"  # noqa: S105


@pytest.fixture
def staff(db, settings):
    settings.AXES_ENABLED = True
    settings.AUTHENTICATION_BACKENDS = [
        "axes.backends.AxesStandaloneBackend",
        "django.contrib.auth.backends.ModelBackend",
    ]
    # A fast hasher: these tests are about counting attempts, not hashing.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return get_user_model().objects.create_superuser("staffer", "staff@example.org", PASSWORD)


def sign_in(client, password, username="staffer", address="198.51.100.20"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def test_tests_sign_in_without_the_lock_out_by_default(db, settings, client):
    assert settings.AXES_ENABLED is False
    get_user_model().objects.create_user("plain", password=PASSWORD)
    assert client.login(username="plain", password=PASSWORD)


def test_correct_password_signs_in(staff, client):
    response = sign_in(client, PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def test_five_wrong_passwords_lock_out_even_the_right_one(staff, settings, client):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, "wrong").status_code == 200  # the form again, with an error
    assert sign_in(client, "wrong").status_code == 429
    assert sign_in(client, PASSWORD).status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_user_name_is_locked_from_any_address(staff, settings, client):
    for n in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "wrong", address=f"198.51.100.{n}")
    assert sign_in(client, PASSWORD, address="203.0.113.1").status_code == 429


def test_the_address_is_locked_whatever_the_user_name(staff, settings, client):
    for n in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "wrong", username=f"guess{n}")
    assert sign_in(client, PASSWORD).status_code == 429


def test_failed_attempts_are_recorded_without_the_password(staff, client):
    sign_in(client, "wrong-secret-1")
    sign_in(client, "wrong-secret-2")
    attempt = AccessAttempt.objects.get(username="staffer")
    assert attempt.failures_since_start == 2
    assert attempt.ip_address == "198.51.100.20"
    assert "wrong-secret" not in attempt.post_data


def test_successful_sign_ins_are_logged(staff, client):
    sign_in(client, PASSWORD)
    assert AccessLog.objects.filter(username="staffer", ip_address="198.51.100.20").exists()


def test_admin_sessions_expire(settings, staff, client):
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE is True
    assert settings.SESSION_COOKIE_AGE <= 60 * 60 * 8
    sign_in(client, PASSWORD)
    assert client.session.get_expire_at_browser_close() is True
    assert client.session.get_expiry_age() == settings.SESSION_COOKIE_AGE


def test_public_pages_set_no_session(missouri, client):
    response = client.get("/facilities/")
    assert "sessionid" not in response.cookies


def test_failed_attempts_and_lock_outs_are_logged_without_the_password(staff, settings, caplog):
    from django.test import Client

    axes_logger = logging.getLogger("axes")
    axes_logger.addHandler(caplog.handler)  # the "axes" logger does not propagate
    try:
        client = Client()
        for _ in range(settings.AXES_FAILURE_LIMIT):
            sign_in(client, "wrong-secret")
    finally:
        axes_logger.removeHandler(caplog.handler)
    assert caplog.text.count("User login failed") == settings.AXES_FAILURE_LIMIT
    assert "Locking out" in caplog.text
    # The console log masks who and where (the admin shows them); never a password.
    assert "wrong-secret" not in caplog.text
    assert "staffer" not in caplog.text
