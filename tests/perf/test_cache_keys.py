"""The local-memory cache checks keys as quickly as it can, and warns about a key
memcached would refuse exactly as Django does."""

import warnings

import pytest
from django.conf import settings
from django.core.cache import CacheKeyWarning
from django.core.cache.backends.base import memcache_key_warnings

from portal.locmem_cache import LocMemCache


def make_cache() -> LocMemCache:
    return LocMemCache("test-keys", {})


@pytest.mark.parametrize(
    "key",
    ["a" * 251, "a" * 247 + "é", "two words", "tab\there", "new\nline", "bell\x07", "del\x7f"],
)
def test_a_key_memcached_would_refuse_warns_as_django_warns(key):
    cache = make_cache()
    full_key = cache.make_key(key)
    expected = list(memcache_key_warnings(full_key))
    with pytest.warns(CacheKeyWarning) as caught:
        cache.set(key, 1)
    assert [str(warning.message) for warning in caught] == expected


@pytest.mark.parametrize(
    "key",
    ["ratelimit:people:60:1764000000:127.0.0.1", "page:" + "0" * 32, "a" * 247, "García"],
)
def test_a_key_memcached_takes_is_kept_without_a_warning(key):
    cache = make_cache()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        cache.set(key, 1)
        assert cache.incr(key) == 2


def test_the_site_uses_it_without_redis():
    if settings.CACHES["default"]["BACKEND"].endswith("RedisCache"):
        pytest.skip("the site's cache is Redis here")
    assert settings.CACHES["default"]["BACKEND"] == "portal.locmem_cache.LocMemCache"
