import pytest
from django.core.cache import caches

from portal import cache as page_cache


@pytest.fixture
def page_caching(settings):
    """Pages kept an hour, in a cache emptied before and after the test."""
    settings.PAGE_CACHE_SECONDS = 3600
    caches["default"].clear()
    page_cache._windows.clear()
    page_cache._remembered.clear()
    yield
    caches["default"].clear()
    page_cache._remembered.clear()


@pytest.fixture
def drawn_directly(client, settings):
    """A page as drawn with no cache at all: what a cached page must equal."""

    def draw(url: str, params: dict | None = None):
        kept = settings.PAGE_CACHE_SECONDS
        settings.PAGE_CACHE_SECONDS = 0
        try:
            return client.get(url, params)
        finally:
            settings.PAGE_CACHE_SECONDS = kept

    return draw


@pytest.fixture
def make_people(make_person):
    """People from rows of (first, middle, last, facility code, fictional)."""

    def make(rows):
        made = []
        for first, middle, last, code, fictional in rows:
            person = make_person(first, last, facility_code=code, middle_name=middle)
            if not fictional:
                person.is_fictional = False
                person.save()
            made.append(person)
        return made

    return make
