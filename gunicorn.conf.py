"""Gunicorn settings for production: `gunicorn -c gunicorn.conf.py portal.wsgi`.

Every value can be set from the environment, so each app server behind the load
balancer runs the same file.
"""

import gc
import multiprocessing
import os

wsgi_app = "portal.wsgi:application"

# Listen where the load balancer can reach us. 127.0.0.1 when it runs on this host.
bind = os.environ.get("GUNICORN_BIND", f"127.0.0.1:{os.environ.get('PORT', '8000')}")

# Threads let one worker wait on the database for one request while serving another.
# One process per core and one more, two threads each: at least as many requests in
# flight as gunicorn's usual 2 x cores + 1 single-threaded workers, in fewer
# processes. Each process more is more switching between them on the same cores: on
# 2 cores, 5 processes spent 5 to 10% more CPU per request than 3 on a page that
# asks the database (a new person, a search), and their p99 was higher. 2 processes
# did no better than 3.
worker_class = "gthread"
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))

# One request per connection (no keep-alive), two threads, and at most four clients
# per thread in one worker. A kept-alive connection stays with the worker that took
# it however busy that worker is, and a worker's threads share one core (Python's
# lock): with keep-alive, four threads and sixteen clients each, one worker could
# hold most of the connections and queue them on one core while other workers idled.
# A cached page's p99 at 32 connections on 2 cores was then 110-746 ms in 6 of 11
# ten-second runs. Without keep-alive a worker whose threads are busy is slower to
# accept the next connection, so it goes to one with room: p99 59-61 ms in 4 of 4
# runs, and 64 connections are served without errors. The cost: a connection per
# request. In the whole benchmark the median page's p99 fell from 104 to 63 ms and
# its requests per second by 11%.
# Behind a load balancer this costs one TCP connection per request on the local
# network. GUNICORN_KEEPALIVE (seconds) turns keep-alive back on.
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
