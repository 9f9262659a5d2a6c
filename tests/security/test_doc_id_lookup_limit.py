"""Every guide form that looks up a DOC ID spends the people search's budget.

A guided form that answers "we cannot find DOC ID ..." tells whether someone has
that number, just as the people search does. So each lookup counts in the same
"people" limit per client address, and past it the client gets the same 429 page
with Retry-After: the guides are no way around the search's limit.
"""

from urllib.parse import urlencode

import pytest
import time_machine
from django.core.cache import cache
from django.urls import get_resolver, reverse

from tests.security.guide_forms import GUIDE_FORMS, KNOWN, NOW, UNKNOWN, answer_url


@pytest.fixture
def limited(settings):
    """Rate limits on, at three people requests a minute."""
    settings.RATE_LIMIT_ENABLED = True
    settings.RATE_LIMITS = {"people": [(3, 60), (100, 3600)]}
    cache.clear()
    yield settings
    cache.clear()


# A wrong DOC ID sends the print and calendar views of the video planner back to it.
REFUSED = (400, 302)


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize("form", GUIDE_FORMS)
def test_fourth_doc_id_lookup_in_a_minute_gets_the_plain_429(limited, sample_person, client, form):
    assert client.get(answer_url(form, KNOWN)).status_code == 200
    assert client.get(answer_url(form, UNKNOWN)).status_code in REFUSED
    assert client.get(answer_url(form, KNOWN)).status_code == 200
    response = client.get(answer_url(form, KNOWN))
    assert response.status_code == 429
    assert response["Retry-After"] == "60"
    assert response["Cache-Control"] == "no-store"
    assert "Please try again in 1 minute." in response.content.decode()
    # An unknown DOC ID is refused with the very same page: the refusal tells nothing.
    unknown = client.get(answer_url(form, UNKNOWN))
    assert unknown.status_code == 429
    assert unknown.content == response.content
    assert sorted(unknown.headers.items()) == sorted(response.headers.items())


@time_machine.travel(NOW, tick=False)
def test_the_mail_guide_opened_from_a_person_page_counts_too(limited, sample_person, client):
    for _ in range(3):
        assert "Ana García" in client.get(f"/mail/?doc_id={KNOWN}").content.decode()
    assert client.get(f"/mail/?doc_id={KNOWN}").status_code == 429


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize("form", ["mail answer", "visit calendar", "video plan"])
def test_guide_lookups_and_the_search_share_one_budget(limited, sample_person, client, form):
    assert client.get(f"/people/?q={KNOWN}").status_code == 200
    assert client.get(answer_url(form)).status_code == 200
    assert client.get(f"/people/{KNOWN}/").status_code == 200
    assert client.get(answer_url(form)).status_code == 429
    assert client.get("/people/?q=garcia").status_code == 429


@time_machine.travel(NOW, tick=False)
def test_answers_by_facility_spend_nothing(limited, sample_person, client):
    url = "/money/checklist/?go=1&name=Ana+Garcia&facility=algoa-correctional-center&method=mail"
    for _ in range(5):
        assert client.get(url).status_code == 200
    assert client.get(f"/people/?q={KNOWN}").status_code == 200


@time_machine.travel(NOW, tick=False)
def test_a_malformed_doc_id_spends_nothing(limited, sample_person, client):
    for _ in range(5):
        assert client.get(answer_url("mail answer", "12ab")).status_code == 400
    assert client.get(f"/people/?q={KNOWN}").status_code == 200


def test_limits_off_let_every_lookup_through(settings, sample_person, client):
    settings.RATE_LIMIT_ENABLED = False
    for _ in range(5):
        assert client.get(answer_url("mail answer")).status_code == 200


def guide_paths() -> list[str]:
    """Every address of every guide, read from the URL configuration."""
    resolver = get_resolver()
    paths = []
    for namespace in ("mail", "funds", "phones", "visits"):
        _prefix, guide = resolver.namespace_dict[namespace]
        paths += [reverse(f"{namespace}:{pattern.name}") for pattern in guide.url_patterns]
    return paths


def test_every_guide_address_is_checked_here():
    """A new guide address that binds a "who is it for" form belongs in GUIDE_FORMS."""
    checked = {path for path, _answers in GUIDE_FORMS.values()}
    without_person = {
        "/mail/",  # only the link's DOC ID: test_the_mail_guide_opened_from_a_person_page...
        "/mail/photo-size/",
        "/money/",  # a submitted form goes on to the checklist
        "/phones/",
        "/visits/",
        "/visits/list/",
        "/visits/carry-all/",
        "/visits/video/",
    }
    assert set(guide_paths()) == checked | without_person


def test_with_the_budget_spent_no_guide_address_tells_who_exists(settings, sample_person, client):
    settings.RATE_LIMIT_ENABLED = True
    settings.RATE_LIMITS = {"people": [(0, 60)]}
    for path in guide_paths():
        answers = {}
        for form_path, form_answers in GUIDE_FORMS.values():
            if form_path == path:
                answers.update(form_answers)
        known, unknown = ask(client, path, answers, KNOWN), ask(client, path, answers, UNKNOWN)
        assert known == unknown, path
        assert "Ana" not in known[1], path


def ask(client, path, answers, doc_id):
    """Status, page and redirect of one submitted answer, with the DOC ID blanked out."""
    cache.clear()
    response = client.get(f"{path}?{urlencode({'go': '1', 'doc_id': doc_id, **answers})}")
    body = response.content.decode().replace(doc_id, "DOC-ID")
    location = response.get("Location", "").replace(doc_id, "DOC-ID")
    return response.status_code, body, location
