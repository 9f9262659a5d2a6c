"""When the database is away, answer every page with a plain 503, not a crash."""

import logging

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader

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
    """Turn a lost database connection in any view into the 503 page.

    Django closes a connection that raised such an error at the end of the request,
    so the next request opens a fresh one: the site recovers by itself as soon as
    the database is back.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, (OperationalError, InterfaceError)):
            # The class name only: the message can hold connection details.
            logger.error("Database unavailable: %s", type(exception).__name__)
            return database_unavailable()
        return None
