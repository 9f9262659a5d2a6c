"""The site's URLs plus the benchmark's floor: the least a Django view can do.

Used only by the benchmark's settings (bench/settings.py), so the floor is never
public in production.
"""

from django.http import HttpResponse
from django.urls import path
from django.views.decorators.http import require_safe

from portal.urls import handler500  # noqa: F401
from portal.urls import urlpatterns as site_urlpatterns


@require_safe
def floor(request):
    return HttpResponse(b"ok\n", content_type="text/plain; charset=utf-8")


# Last, so that finding it costs as much URL matching as any page of the site.
urlpatterns = [*site_urlpatterns, path("bench/floor", floor, name="bench_floor")]
