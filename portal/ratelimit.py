"""A small cache-backed rate limit per client address, so the roster cannot be scraped.

Each limited page belongs to a named bucket (settings.RATE_LIMITS), and a bucket
has one or more fixed windows such as "60 requests a minute" and "1,000 an hour".
Counters live in the shared cache (Redis in production), so every app server
counts the same client together. Without Redis the cache is each process's own
memory: every gunicorn worker then counts by itself (README: Rate limits).

Two ways in: the `rate_limit` decorator counts every request to a view (the people
search and person pages), and `count_doc_id_lookup` counts one lookup of a DOC ID
wherever it happens (every guide's "who is it for" question), raising
`RateLimited`, which the middleware answers with the same 429 page. Both spend the
same "people" budget: a guide form that says "we cannot find DOC ID ..." answers
the same question as the search, so it must not be a way around its limit.

A family on a shared network (a phone company's shared address, a library) shares
one count with its neighbours, so the default limits are generous: far above what
a person looking someone up ever does, far below what copying the roster needs.
"""

import functools
import ipaddress
import logging
import math
import time

from django.conf import settings
from django.core.cache import DEFAULT_CACHE_ALIAS, caches
from django.http import HttpResponse
from django.template import loader

from portal import cache as page_cache
from portal.redis_cache import RedisCache

logger = logging.getLogger("portal.ratelimit")


def client_ip(request) -> str:
    """The client's address as text, or "unknown" (see _client_address)."""
    parsed = _client_address(*_address_headers(request))
    return "unknown" if parsed is None else str(parsed)


def _address_headers(request) -> tuple[str, str, int]:
    meta = request.META
    remote = meta.get("REMOTE_ADDR", "") or ""
    return remote, meta.get("HTTP_X_FORWARDED_FOR", ""), settings.TRUSTED_PROXY_COUNT


def _client_address(remote: str, forwarded: str, hops: int):
    """The client's address, trusting X-Forwarded-For only from our own proxies
    (None when it is not an address).

    Behind `hops` load balancers (settings.TRUSTED_PROXY_COUNT), the client is the
    N-th address from the right of X-Forwarded-For: anything further left was
    written by the client and can be forged. With no proxy, REMOTE_ADDR is the client.
    """
    if hops > 0:
        parts = [part.strip() for part in forwarded.split(",") if part.strip()]
        if len(parts) >= hops:
            remote = parts[-hops]
    try:
        return ipaddress.ip_address(remote)
    except ValueError:
        return None


def client_key(request) -> str:
    """One key per client: the address, or its /64 network for IPv6.

    One home or phone gets a whole IPv6 /64 and can pick any address in it, so
    counting single IPv6 addresses would let one client look like millions.
    """
    return _client_key(*_address_headers(request))


# Worked out once per address, not on every people page: parsing and writing out
# an address took a third as long as counting the request.
@functools.lru_cache(maxsize=1024)
def _client_key(remote: str, forwarded: str, hops: int) -> str:
    parsed = _client_address(remote, forwarded, hops)
    if parsed is None:
        return "unknown"
    if parsed.version == 4:
        return str(parsed)
    if parsed.ipv4_mapped:
        return str(parsed.ipv4_mapped)
    return str(ipaddress.ip_network(f"{parsed}/64", strict=False))


def seconds_to_wait(request, bucket: str, now: float | None = None) -> int:
    """Count this request in every window of the bucket; 0 when it may go ahead.

    Otherwise, the seconds until the fullest window that is over its limit resets.
    """
    now = time.time() if now is None else now
    who = client_key(request)
    windows = [
        (limit, window, int(now // window) * window)
        for limit, window in settings.RATE_LIMITS.get(bucket, ())
    ]
    # The timeout lets the cache drop a window's count once the window is over.
    counters = [
        (f"ratelimit:{bucket}:{window}:{started}:{who}", window + 5)
        for _l, window, started in windows
    ]
    wait = 0
    counts = _add_one(counters, request)
    for (limit, window, started), count in zip(windows, counts, strict=True):
        if count > limit:
            wait = max(wait, math.ceil(started + window - now))
    return max(wait, 1) if wait else 0


def _add_one(counters: list[tuple[str, int]], request=None) -> list[int]:
    """Add one to each counter (its key, and the seconds it is kept once made) and
    return the new counts."""
    # The backend itself, looked up once: the `cache` proxy looks it up again for
    # every call (a thread-local read), which was a third of counting a request.
    backend = caches[DEFAULT_CACHE_ALIAS]
    server = _redis(backend)
    if server is not None:
        # The keys are the cache's own (its prefix and version), the counts plain
        # numbers as it keeps them. A limited page is a people page, which reads the
        # content version next (portal/cache.py): read in the same command.
        keys = [backend.make_and_validate_key(key) for key, _timeout in counters]
        version = page_cache.shared_version_key(request) if request is not None else None
        done = _count_script(server)(
            keys=keys if version is None else [*keys, version],
            args=[timeout for _key, timeout in counters],
        )
        if version is not None:
            page_cache.note_content_token(request, done.pop())
        return done
    counts = []
    for key, timeout in counters:
        # incr() first: one cache call for every request but a window's first.
        try:
            count = backend.incr(key)
        except ValueError:  # the window's first request, or the count was evicted
            # add() only sets a missing key.
            count = 1 if backend.add(key, 1, timeout=timeout) else backend.incr(key)
        counts.append(count)
    return counts


def _redis(backend):
    """The Redis client `backend` (the default cache) writes with, or None where it
    is not Redis. Only with the site's backend (portal.redis_cache), which keeps its
    client: Django's own builds one for every call, and counts then go through the
    cache API.
    """
    if not isinstance(backend, RedisCache):
        return None
    # The first of the servers in LOCATION takes the writes.
    return backend._cache.get_client(write=True)


# Every window counted in one command, on the server: a missing counter is made
# with its expiry (SET NX), then each is added to (INCR); a key after the counters'
# (the content version) is read as well. KEYS are the counters then that key,
# ARGV each counter's seconds. One script, not a pipeline of five commands: redis-py
# packs and parses each command in Python, and the pipeline cost the client more
# than twice as much. Through the cache API each window took two round trips.
COUNT_SCRIPT = """
local counts = {}
for i, seconds in ipairs(ARGV) do
  redis.call('SET', KEYS[i], 0, 'EX', seconds, 'NX')
  counts[i] = redis.call('INCR', KEYS[i])
end
if #KEYS > #ARGV then
  counts[#ARGV + 1] = redis.call('GET', KEYS[#KEYS])
end
return counts
"""


@functools.cache
def _count_script(server):
    """The script, sent by its digest (EVALSHA); redis-py loads it again where the
    server has lost it (a restart)."""
    return server.register_script(COUNT_SCRIPT)


# The budget every way of asking "is there a person with this DOC ID?" shares.
PEOPLE = "people"


class RateLimited(Exception):
    """Raised mid-view when a client is over its limit; the middleware answers 429."""

    def __init__(self, wait: int):
        super().__init__(wait)
        self.wait = wait


def wait_before(request, bucket: str) -> int:
    """Count this request in the bucket: 0 to go ahead, else the seconds to wait.

    Always 0 when limits are off, or when the cache does not answer: families are
    served rather than refused.
    """
    if not settings.RATE_LIMIT_ENABLED:
        return 0
    try:
        return seconds_to_wait(request, bucket)
    except Exception:  # the cache is down: serve families, do not fail
        logger.exception("Rate limit skipped: the cache did not answer")
        return 0


def count_doc_id_lookup(request) -> None:
    """Count one DOC ID lookup in the "people" budget; raise RateLimited when over.

    Call it before the query, whatever the DOC ID, so a known and an unknown one
    are counted (and refused) alike.
    """
    wait = wait_before(request, PEOPLE)
    if wait:
        raise RateLimited(wait)


def too_many_requests(request, wait: int) -> HttpResponse:
    minutes = max(1, math.ceil(wait / 60))
    body = loader.render_to_string(
        "429.html", {"wait_seconds": wait, "wait_minutes": minutes}, request=request
    )
    response = HttpResponse(body, status=429)
    response["Retry-After"] = str(wait)
    # Never cache a refusal: the next try may well succeed.
    response["Cache-Control"] = "no-store"
    return response


def rate_limit(bucket: str):
    """Limit a view by client address, counting in the named bucket."""

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            wait = wait_before(request, bucket)
            if wait:
                return too_many_requests(request, wait)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
