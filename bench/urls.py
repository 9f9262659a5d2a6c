"""The site's URLs plus the benchmark's floor: the least a Django view can do; and
the floor with one query: the least a page that reads the database can do.

Used only by the benchmark's settings (bench/settings.py), so neither is ever
public in production.
"""

from django.http import HttpResponse
from django.urls import path
from django.views.decorators.http import require_safe

from portal.urls import handler500  # noqa: F401
from portal.urls import urlpatterns as site_urlpatterns
from portal.views import PERSON_BY_DOC_ID
from tests.pages import SAMPLE_DOC_ID


@require_safe
def floor(request):
    return HttpResponse(b"ok\n", content_type="text/plain; charset=utf-8")


@require_safe
def floor_with_query(request):
    # The one query a person's page makes, as it makes it (a prepared statement),
    # and nothing else: what the database's round trip alone costs a page.
    PERSON_BY_DOC_ID.rows(SAMPLE_DOC_ID)
    return HttpResponse(b"ok\n", content_type="text/plain; charset=utf-8")


# Last, so that finding them costs as much URL matching as any page of the site.
urlpatterns = [
    *site_urlpatterns,
    path("bench/floor", floor, name="bench_floor"),
    path("bench/floor-query", floor_with_query, name="bench_floor_query"),
]
