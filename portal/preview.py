"""Staff preview: see any public page as it will look on a chosen day.

A member of staff adds `?preview_date=YYYY-MM-DD` to any public address. The day
is kept in their session, so they can click around; `?preview_date=off` ends it.
Everyone else's `preview_date` is ignored: a family always sees today.
The admin itself always works on today.
"""

from datetime import date

from django.urls import reverse
from django.utils.cache import patch_cache_control

from portal import clock

PARAM = "preview_date"
SESSION_KEY = "portal_preview_date"
OFF = ("", "off", "0")


def parse_day(value: str) -> date | None:
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


class PreviewDateMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.preview_date = None
        # A visitor without a session cookie cannot be staff: skip the lookups.
        if not request.COOKIES or request.path.startswith(reverse("admin:index")):
            return self.get_response(request)
        user = getattr(request, "user", None)
        if user is None or not user.is_staff:
            return self.get_response(request)
        day = self._chosen_day(request)
        request.preview_date = day
        with clock.previewing(day):
            response = self.get_response(request)
        if day is not None:
            # A page of another day must never be kept by a cache and shown to anyone.
            patch_cache_control(response, private=True, no_store=True)
        return response

    @staticmethod
    def _chosen_day(request) -> date | None:
        if PARAM in request.GET:
            value = request.GET[PARAM]
            day = None if value.strip().lower() in OFF else parse_day(value)
            if day is None:
                request.session.pop(SESSION_KEY, None)
            else:
                request.session[SESSION_KEY] = day.isoformat()
            return day
        stored = request.session.get(SESSION_KEY)
        return parse_day(stored) if stored else None
