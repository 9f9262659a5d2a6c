import pytest
from django.core.exceptions import ImproperlyConfigured

from portal.env import env_bool, env_int, env_list


@pytest.mark.parametrize(
    ("raw", "value"), [("true", True), ("1", True), ("Off", False), ("no", False)]
)
def test_booleans_are_read_strictly(monkeypatch, raw, value):
    monkeypatch.setenv("DJANGO_DEBUG", raw)
    assert env_bool("DJANGO_DEBUG") is value


@pytest.mark.parametrize("raw", ["ture", "2", "enabled", "yes please"])
def test_a_bad_boolean_is_an_error_not_a_default(monkeypatch, raw):
    monkeypatch.setenv("DJANGO_DEBUG", raw)
    with pytest.raises(ImproperlyConfigured, match="DJANGO_DEBUG"):
        env_bool("DJANGO_DEBUG")


def test_a_bad_number_is_an_error(monkeypatch):
    monkeypatch.setenv("PEOPLE_SEARCH_LIMIT", "twenty")
    with pytest.raises(ImproperlyConfigured, match="PEOPLE_SEARCH_LIMIT"):
        env_int("PEOPLE_SEARCH_LIMIT", 20)


def test_lists_are_comma_separated(monkeypatch):
    monkeypatch.setenv("DJANGO_ALLOWED_HOSTS", "example.org, www.example.org,")
    assert env_list("DJANGO_ALLOWED_HOSTS") == ["example.org", "www.example.org"]


def test_settings_use_central_time_and_time_zone_support(settings):
    assert settings.TIME_ZONE == "America/Chicago"
    assert settings.USE_TZ is True
