"""Django's Redis cache backend, with one Redis client per connection pool.

Django's RedisCacheClient builds a new redis.Redis for every cache call. Building
one fills in its table of about 170 response callbacks, and that took longer than
the round trip to Redis itself. A client holds nothing but its pool and is safe to
share between threads, so one per pool is built and reused. The pool still
belongs to Django's client (and redis-py makes it again in a forked process).
"""

from django.core.cache.backends import redis as django_redis


class RedisCacheClient(django_redis.RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        # By id(): a pool lives in self._pools as long as this object does.
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class RedisCache(django_redis.RedisCache):
    """Use as CACHES["default"]["BACKEND"] = "portal.redis_cache.RedisCache"."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient
