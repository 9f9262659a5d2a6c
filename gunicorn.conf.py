"""Gunicorn settings for production: `gunicorn -c gunicorn.conf.py portal.wsgi`.

Every value can be set from the environment, so each app server behind the load
balancer runs the same file.
"""

import gc
import ipaddress
import multiprocessing
import os

import dj_database_url

wsgi_app = "portal.wsgi:application"

# Listen where the load balancer can reach us. 127.0.0.1 when it runs on this host.
bind = os.environ.get("GUNICORN_BIND", f"127.0.0.1:{os.environ.get('PORT', '8000')}")


def database_is_local(database_url: str | None) -> bool:
    """Whether the database runs on this machine: SQLite (no DATABASE_URL), or a
    server on a loopback address or a local socket (no host, or a folder). The
    address is read as the site's settings read it (dj_database_url)."""
    if not database_url:
        return True
    host = dj_database_url.parse(database_url)["HOST"]
    if host in ("", "localhost") or host.startswith("/"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:  # a host name
        return False


def default_workers(database_url: str | None, cores: int) -> int:
    return cores if database_is_local(database_url) else 2 * cores


# Each process serves one request at a time (gunicorn's sync worker). Measured on 2
# cores against three processes of two threads each (gthread), in three alternating
# rounds: the floor and a kept page served 20-33% more requests a second, a new
# person's page 4-43% more and a new search 10-59% more, and every p99 was about
# half (a new search: 30-40 ms, not 52-64 ms). Threads in one process take turns
# on one core (Python's lock), and handing it between them cost more than it saved.
# GUNICORN_THREADS above 1 makes gunicorn use threads again (gthread).
#
# How many processes (WEB_CONCURRENCY, or default_workers above): two per core
# where the database is on another machine, so that while one waits on it, the
# core runs another. One per core where the database runs on this machine: its
# own work fills those waits. Measured on 2 cores (AMD EPYC) with PostgreSQL on
# 127.0.0.1, in alternating rounds, two processes against four: 8-13% more
# requests a second on the floor, 8-12% on kept pages and 14-22% on people pages,
# and every p99 lower (the floor: 12-13 ms, not 17-21). Fewer processes switch
# less, and each finds more of its own work still in the processor's caches.
#
# A sync worker reads a request whole before it serves another, so a client that
# sends slowly holds a worker: the load balancer must read each request whole
# before passing it on (README: Deployment). Pages are small, so sending one never
# waits on the client.
worker_class = "sync"
workers = int(
    os.environ.get(
        "WEB_CONCURRENCY",
        default_workers(os.environ.get("DATABASE_URL"), multiprocessing.cpu_count()),
    )
)
threads = int(os.environ.get("GUNICORN_THREADS", "1"))

# One request per connection: a sync worker never keeps a connection alive. With
# threads (GUNICORN_THREADS), none is kept alive either unless GUNICORN_KEEPALIVE
# (seconds) says so: a kept-alive connection stays with the worker that took it
# however busy that worker is, and with four threads and sixteen clients each, one
# worker held most of the connections and queued them on one core while others
# idled (a cached page's p99 was 110-746 ms in 6 of 11 ten-second runs, not 59-61).
# At most four clients per thread in one worker.
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "0"))
worker_connections = int(os.environ.get("GUNICORN_WORKER_CONNECTIONS", str(4 * threads)))

# Load the app once before forking: a bad setting stops start-up at once, and the
# workers share the loaded code's memory.
preload_app = True

# A request that takes longer than this is stuck: the worker is replaced.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30

# Optional recycling after N requests (0 = never), a guard against slow leaks.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "0"))
max_requests_jitter = max_requests // 10

# Only the load balancer's addresses may tell us the client used HTTPS.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# No access log: request lines carry query strings, which can hold what a family
# typed (a name, a DOC ID). Errors go to standard error.
accesslog = None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "warning")

# Refuse oversized request lines and headers early.
limit_request_line = 8190
limit_request_fields = 100
limit_request_field_size = 8190


def when_ready(server):
    """Compile the templates and work out the site's addresses once, in the process
    the workers are forked from, so that no worker does it on its first requests
    (portal/warmup.py)."""
    if server.cfg.preload_app:  # otherwise each worker loads the site itself
        from portal.warmup import warm_up

        warm_up()


def pre_fork(server, worker):
    """Move what the master loaded out of the garbage collector's reach.

    That code and its objects live as long as the worker does. Scanned at every full
    collection, they made each one pause every request in the worker for about
    26 ms; frozen, a full collection takes about 5 ms. The memory also stays shared
    with the master instead of being copied into each worker.
    """
    gc.freeze()
