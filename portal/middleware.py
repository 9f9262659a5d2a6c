"""Plain answers instead of crashes: a 503 when the database is away, and the 429
page when a view finds mid-way that a client is over its limit."""

import logging

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader

from portal.ratelimit import RateLimited, too_many_requests

logger = logging.getLogger("portal.database")

# How long a client should wait before trying again, in seconds.
RETRY_AFTER_SECONDS = 30


def database_unavailable() -> HttpResponse:
    # Rendered without the request: context processors and anything else that might
    # touch the database stay out of the way.
    response = HttpResponse(loader.render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailableMiddleware:
    """Turn what a view cannot finish into a plain page.

    A lost database connection gives the 503 page; a client found over its limit
    mid-view (RateLimited) gives the 429 page.

    Django closes a connection that raised such an error at the end of the request,
    so the next request opens a fresh one: the site recovers by itself as soon as
    the database is back.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, RateLimited):
            # A guide form's DOC ID lookup spent the client's "people" budget: the
            # same 429 page and Retry-After as the people search.
            return too_many_requests(request, exception.wait)
        if isinstance(exception, (OperationalError, InterfaceError)):
            # The class name only: the message can hold connection details.
            logger.error("Database unavailable: %s", type(exception).__name__)
            return database_unavailable()
        return None
