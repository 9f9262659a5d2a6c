"""The people search and person pages are limited per client address."""

import pytest
import time_machine
from django.core.cache import cache
from django.test import RequestFactory

from portal.ratelimit import client_ip, client_key, seconds_to_wait


@pytest.fixture
def limited(settings):
    """Rate limits on, at three searches a minute and ten an hour."""
    settings.RATE_LIMIT_ENABLED = True
    settings.RATE_LIMITS = {"people": [(3, 60), (10, 3600)]}
    cache.clear()
    yield settings
    cache.clear()


def test_tests_are_not_rate_limited_by_default(settings):
    assert settings.RATE_LIMIT_ENABLED is False


@time_machine.travel("2026-03-02 10:00:00 +0000", tick=False)
def test_fourth_search_in_a_minute_gets_a_plain_429_with_retry_after(limited, missouri, client):
    for _ in range(3):
        assert client.get("/people/?q=garcia").status_code == 200
    response = client.get("/people/?q=garcia")
    assert response.status_code == 429
    assert response["Retry-After"] == "60"
    assert response["Cache-Control"] == "no-store"
    body = response.content.decode()
    assert "Please try again in 1 minute." in body
    assert "Other pages of this site still work" in body


@time_machine.travel("2026-03-02 10:00:40 +0000", tick=False)
def test_retry_after_counts_down_to_the_end_of_the_window(limited, missouri, client):
    for _ in range(3):
        client.get("/people/?q=garcia")
    assert client.get("/people/?q=garcia")["Retry-After"] == "20"


def test_search_and_person_pages_share_one_count(limited, sample_person, client):
    with time_machine.travel("2026-03-02 10:00:00 +0000", tick=False):
        assert client.get("/people/?q=garcia").status_code == 200
        assert client.get("/people/7000001/").status_code == 200
        assert client.get("/people/9999999/").status_code == 404
        assert client.get("/people/7000001/").status_code == 429


def test_the_limit_lifts_in_the_next_window(limited, missouri, client):
    with time_machine.travel("2026-03-02 10:00:00 +0000", tick=False):
        for _ in range(3):
            client.get("/people/?q=garcia")
        assert client.get("/people/?q=garcia").status_code == 429
    with time_machine.travel("2026-03-02 10:01:00 +0000", tick=False):
        assert client.get("/people/?q=garcia").status_code == 200


def test_the_hourly_limit_holds_across_minutes(limited, missouri, client):
    for minute in range(4):
        with time_machine.travel(f"2026-03-02 10:0{minute}:00 +0000", tick=False):
            for _ in range(3):
                client.get("/people/?q=garcia")
    with time_machine.travel("2026-03-02 10:05:00 +0000", tick=False):
        response = client.get("/people/?q=garcia")
    assert response.status_code == 429
    assert response["Retry-After"] == str(55 * 60)
    assert "Please try again in 55 minutes." in response.content.decode()


@time_machine.travel("2026-03-02 10:00:00 +0000", tick=False)
def test_each_address_has_its_own_count(limited, missouri, client):
    for _ in range(4):
        client.get("/people/?q=garcia", REMOTE_ADDR="198.51.100.7")
    assert client.get("/people/?q=garcia", REMOTE_ADDR="198.51.100.7").status_code == 429
    assert client.get("/people/?q=garcia", REMOTE_ADDR="198.51.100.8").status_code == 200


@time_machine.travel("2026-03-02 10:00:00 +0000", tick=False)
def test_other_pages_are_not_limited(limited, missouri, client):
    for _ in range(5):
        assert client.get("/facilities/").status_code == 200
        assert client.get("/").status_code == 200


@time_machine.travel("2026-03-02 10:00:00 +0000", tick=False)
def test_a_forged_forwarded_for_header_does_not_reset_the_count(limited, missouri, client):
    for n in range(3):
        client.get("/people/?q=garcia", HTTP_X_FORWARDED_FOR=f"203.0.113.{n}")
    response = client.get("/people/?q=garcia", HTTP_X_FORWARDED_FOR="203.0.113.99")
    assert response.status_code == 429


def request_from(remote, forwarded=None):
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {}
    return RequestFactory().get("/", REMOTE_ADDR=remote, **extra)


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "203.0.113.5", "10.0.0.2"),  # no proxy: the header is ignored
        (1, "203.0.113.5", "203.0.113.5"),
        (1, "6.6.6.6, 203.0.113.5", "203.0.113.5"),  # the client wrote 6.6.6.6
        (2, "6.6.6.6, 203.0.113.5, 10.0.0.9", "203.0.113.5"),
        (1, "not-an-address", "unknown"),
    ],
)
def test_client_address_trusts_only_our_own_proxies(settings, proxies, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = proxies
    assert client_ip(request_from("10.0.0.2", forwarded)) == expected


def test_an_ipv6_client_is_counted_by_its_64_network():
    first = client_key(request_from("2001:db8:1:2::1"))
    second = client_key(request_from("2001:db8:1:2:ffff::9"))
    assert first == second == "2001:db8:1:2::/64"
    assert client_key(request_from("::ffff:198.51.100.7")) == "198.51.100.7"


def test_a_cache_outage_lets_families_through(limited, missouri, client, monkeypatch):
    def down(*args, **kwargs):
        raise ConnectionError("cache down")

    monkeypatch.setattr(cache, "incr", down)
    monkeypatch.setattr(cache, "add", down)
    for _ in range(5):
        assert client.get("/people/?q=garcia").status_code == 200


def test_a_count_another_server_starts_at_the_same_moment_is_added_to(limited, monkeypatch):
    real_incr = cache.incr
    raced = []

    def incr_losing_a_race(key, *args, **kwargs):
        if not raced:
            raced.append(key)
            cache.add(key, 1, timeout=60)  # another server counts its request first
            raise ValueError(key)
        return real_incr(key, *args, **kwargs)

    monkeypatch.setattr(cache, "incr", incr_losing_a_race)
    assert seconds_to_wait(request_from("198.51.100.7"), "people") == 0
    assert cache.get(raced[0]) == 2
