"""With REDIS_URL the page cache and the content version live in Redis, shared by
every server: an edit saved on one shows on all of them at the next request."""

import shutil
import socket
import subprocess
import time

import pytest
import redis
from django.core.cache import caches

from portal import cache as page_cache
from portal.models import Facility

FACILITY_URL = "/facilities/algoa-correctional-center/"


@pytest.fixture(scope="module")
def redis_url():
    binary = shutil.which("redis-server")
    if not binary:
        pytest.skip("No redis-server: install Debian's redis-server to test the Redis cache.")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    try:
        for _ in range(50):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture
def redis_cache(settings, redis_url):
    settings.CACHES = {
        "default": {
            "BACKEND": "portal.redis_cache.RedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": "sc-test",
        }
    }
    settings.CONTENT_VERSION_FILE = ""
    settings.PAGE_CACHE_SECONDS = 3600
    caches["default"].clear()
    page_cache._windows.clear()
    page_cache._remembered.clear()
    yield caches["default"]
    caches["default"].clear()
    page_cache._remembered.clear()


def test_pages_and_the_version_are_kept_in_redis(redis_cache, missouri, client):
    first = client.get(FACILITY_URL)
    assert redis_cache.get(page_cache.VERSION_KEY) == page_cache.content_token()
    assert client.get(FACILITY_URL, headers={"if-none-match": first["ETag"]}).status_code == 304
    facility = Facility.objects.get(code="ACC")
    facility.name = "Algoa Renamed Center"
    facility.save()
    assert b"Algoa Renamed Center" in client.get(FACILITY_URL).content


@pytest.fixture
def redis_commands(monkeypatch):
    """The name of every command sent to Redis from now on."""
    commands = []
    real = redis.Redis.execute_command

    def counted(self, *args, **kwargs):
        commands.append(args[0])
        return real(self, *args, **kwargs)

    monkeypatch.setattr(redis.Redis, "execute_command", counted)
    return commands


@pytest.mark.parametrize(
    "drawn_by, commands",
    [
        # Held in this process's memory: only the content version is read.
        ("this process", ["GET"]),
        # Kept by another process: the version and the page, together.
        ("another process", ["MGET"]),
    ],
)
def test_a_kept_page_costs_one_request_to_redis(
    redis_cache, missouri, client, redis_commands, drawn_by, commands
):
    client.get(FACILITY_URL)  # now kept, and held here
    if drawn_by == "another process":
        page_cache._remembered.clear()
    redis_commands.clear()
    assert client.get(FACILITY_URL).status_code == 200
    assert redis_commands == commands


def test_a_page_held_in_memory_is_read_again_from_redis_after_another_servers_edit(
    redis_cache, missouri, client, redis_commands, django_assert_num_queries
):
    client.get(FACILITY_URL)  # kept, and held here
    # Another server renames the facility, writes a new content version, and draws
    # the page again: Redis holds the new page, this process's memory the old one.
    Facility.objects.filter(code="ACC").update(name="Algoa Renamed Center")
    redis_cache.set(page_cache.VERSION_KEY, "from-another-server", None)
    held = dict(page_cache._remembered)
    page_cache._remembered.clear()
    assert b"Algoa Renamed Center" in client.get(FACILITY_URL).content
    page_cache._remembered.update(held)
    redis_commands.clear()
    with django_assert_num_queries(0):
        page = client.get(FACILITY_URL)
    assert b"Algoa Renamed Center" in page.content
    assert redis_commands == ["GET", "GET"]  # the version, then the page


def test_a_kept_page_builds_no_new_redis_client(redis_cache, missouri, client, monkeypatch):
    client.get(FACILITY_URL)  # kept, and the cache's client built
    page_cache._remembered.clear()  # read from Redis, not from this process's memory
    built = []
    real = redis.Redis.__init__

    def counted(self, *args, **kwargs):
        built.append(args)
        real(self, *args, **kwargs)

    monkeypatch.setattr(redis.Redis, "__init__", counted)
    for _ in range(3):
        assert client.get(FACILITY_URL).status_code == 200
    # Building one cost more than the round trip itself (portal/redis_cache.py).
    assert built == []


def test_every_cache_call_on_one_server_shares_one_redis_client(redis_cache):
    backend = redis_cache._cache
    first = backend.get_client()
    assert backend.get_client() is first
    assert backend.get_client(write=True) is first
    assert first.connection_pool is backend._get_connection_pool(write=True)


@pytest.fixture
def limited(redis_cache, settings):
    """Rate limits on, counted in Redis: two requests a minute, a hundred an hour."""
    settings.RATE_LIMIT_ENABLED = True
    settings.RATE_LIMITS = {"people": [(2, 60), (100, 3600)]}
    return redis_cache


def test_a_persons_page_costs_one_round_trip_to_redis(limited, make_person, client, monkeypatch):
    make_person("Ana", "García", doc_id="1100001")
    client.get("/people/1100001/")  # the facility's page, now kept
    sent = []
    real = redis.connection.Connection.send_packed_command

    def counted(self, command, *args, **kwargs):
        sent.append(command)
        return real(self, command, *args, **kwargs)

    monkeypatch.setattr(redis.connection.Connection, "send_packed_command", counted)
    assert client.get("/people/1100001/").status_code == 200
    # The rate limit's two windows and the content version, together.
    assert len(sent) == 1
    assert b"content-version" in b"".join(sent[0])


def test_an_edit_on_another_server_shows_on_a_persons_page_read_with_the_rate_limit(
    limited, make_person, client
):
    person = make_person("Ana", "García", doc_id="1100001")
    assert b"Algoa Correctional Center" in client.get("/people/1100001/").content
    # Another server renames the facility: it writes the row, then a new content
    # version in Redis. This server still holds the facility's page in memory.
    Facility.objects.filter(pk=person.facility_id).update(name="Algoa Renamed Center")
    caches["default"].set(page_cache.VERSION_KEY, "from-another-server", None)
    page = client.get("/people/1100001/").content
    assert b"Algoa Renamed Center" in page
    assert b"Algoa Correctional Center" not in page


def test_the_rate_limit_counts_in_redis_and_forgets_an_old_window(
    limited, redis_url, missouri, client
):
    for _ in range(2):
        assert client.get("/people/?q=garcia").status_code == 200
    assert client.get("/people/?q=garcia").status_code == 429
    server = redis.Redis.from_url(redis_url)
    keys = [key.decode() for key in server.keys("sc-test:*ratelimit:people:*")]
    windows = sorted(int(key.split(":")[4]) for key in keys)
    assert windows == [60, 3600]
    # Each count is dropped a little after its window ends.
    for key in keys:
        window = int(key.split(":")[4])
        assert window < server.ttl(key) <= window + 5


def test_the_rate_limit_still_counts_after_redis_forgets_its_script(
    limited, redis_url, missouri, client
):
    assert client.get("/people/?q=garcia").status_code == 200
    redis.Redis.from_url(redis_url).script_flush()  # as after a restart
    assert client.get("/people/?q=garcia").status_code == 200
    assert client.get("/people/?q=garcia").status_code == 429


def test_the_rate_limit_counts_on_the_server_the_cache_writes_to(settings):
    from portal.ratelimit import _redis

    settings.CACHES = {
        "default": {
            "BACKEND": "portal.redis_cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:6390/2;redis://127.0.0.1:6391/0",
        }
    }
    where = _redis(caches["default"]).connection_pool.connection_kwargs
    assert (where["port"], where.get("db", 0)) == (6390, 2)


def test_the_rate_limit_counts_with_the_caches_own_redis_client(redis_cache):
    from portal.ratelimit import _redis

    assert _redis(caches["default"]) is redis_cache._cache.get_client(write=True)


def test_with_djangos_own_redis_backend_the_rate_limit_counts_through_the_cache(settings):
    # That backend builds a client for every call: nothing of it is kept.
    from portal.ratelimit import _redis

    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:6390/2",
        }
    }
    assert _redis(caches["default"]) is None


def test_replies_from_redis_are_parsed_by_hiredis(redis_cache):
    # redis-py's own parser is Python: hiredis (redis[hiredis]) parses in C.
    connection = redis_cache._cache.get_client().connection_pool.get_connection()
    try:
        assert type(connection._parser).__name__ == "_HiredisParser"
    finally:
        redis_cache._cache.get_client().connection_pool.release(connection)


def test_production_with_redis_url_uses_the_backend_that_keeps_its_client():
    from tests.security.production import run_manage

    code = "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])"
    result = run_manage("shell", "-c", code, env={"REDIS_URL": "redis://127.0.0.1:6379/9"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "portal.redis_cache.RedisCache"
