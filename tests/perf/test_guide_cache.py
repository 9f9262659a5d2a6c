"""The guides' pages are cached, and never stale: a staff edit shows on the next
request, answers that depend on the time of day are never served after it has
moved on, and nothing a family types or a member of staff previews is kept."""

import html
from datetime import timedelta

import pytest
import time_machine
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from funds.models import DepositMethod
from mail.models import MailDestination
from phones.models import PhoneProvider
from portal.models import AlertKind, Facility, FacilityAlert
from tests.visits.test_video_helpers import chicago, planner_query
from visits.models import CarryAllItem, VisitRule
from visits.models.video import VideoVisitRules

# Half a minute past the hour: inside a minute, where a minute's answers agree.
NOW = chicago(2026, 11, 23, 9, 0, 30)
PLAN = "/visits/video/plan/"


pytestmark = pytest.mark.usefixtures("page_caching")


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def text(response) -> str:
    return " ".join(html.unescape(response.content.decode()).split())


def served_from_cache(client, url, data=None) -> bool:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, data)
    assert response.status_code == 200
    return len(queries) == 0


def test_video_rules_are_cached_per_minute_and_a_staff_edit_shows(client, sample_person, frozen):
    """Cached per minute and never stale after a staff edit."""
    assert "at least 72 hours ahead" in text(client.get(PLAN))
    assert served_from_cache(client, PLAN)
    rules = VideoVisitRules.objects.get()
    rules.booking_lead_hours = 48
    rules.save()
    assert "at least 48 hours ahead" in text(client.get(PLAN))


# ---------- a staff edit shows on the next request, on each guide ----------


def _rename_mail(missouri):
    row = MailDestination.objects.current().filter(uses_facility_address=False).first()
    row.city = "Renamedville"
    row.save()
    return "Renamedville"


def _rename_deposit(missouri):
    row = DepositMethod.objects.exclude(provider_name="").first()
    row.provider_name = "Renamed Payments"
    row.save()
    return "Renamed Payments"


def _rename_phone_provider(missouri):
    row = PhoneProvider.objects.first()
    row.name = "Renamed Phones"
    row.save()
    return "Renamed Phones"


def _reword_visit_rule(missouri):
    row = VisitRule.objects.filter(topic="bring").first()
    row.text = "Bring one photo ID, newly reworded."
    row.save()
    return "Bring one photo ID, newly reworded."


def _rename_carry_all_item(missouri):
    row = CarryAllItem.objects.first()
    row.name = "Renamed carry item"
    row.save()
    return "Renamed carry item"


@pytest.mark.parametrize(
    ("url", "edit"),
    [
        ("/mail/?doc_id=7000001", _rename_mail),
        ("/money/", _rename_deposit),
        ("/money/checklist/?go=1&doc_id=7000001&method=online", _rename_deposit),
        ("/phones/", _rename_phone_provider),
        ("/visits/", _reword_visit_rule),
        ("/visits/carry-all/", _rename_carry_all_item),
    ],
)
def test_a_staff_edit_shows_on_the_next_request(client, sample_person, url, edit):
    before = client.get(url)
    assert served_from_cache(client, url)
    shown = edit(sample_person.agency)
    assert shown not in before.content.decode()
    assert shown in text(client.get(url))


# ---------- answers that depend on the time ----------


def test_a_video_answer_is_reused_within_its_minute_only(client, sample_person, frozen):
    # 72 hours and 1 minute ahead of 9:00: bookable until 9:01 on the dot.
    query = planner_query(day="2026-11-26", start_time="09:01")
    assert "Yes. You can book this video visit." in text(client.get(PLAN, query))
    frozen.shift(timedelta(seconds=20))  # 9:00:50, the same minute
    assert served_from_cache(client, PLAN, query)
    frozen.shift(timedelta(seconds=20))  # 9:01:10: 71 hours 59 minutes ahead
    page = text(client.get(PLAN, query))
    assert "No. It is too late to book this time." in page
    assert "only 71 hours and 59 minutes from now" in page


def test_the_video_form_is_drawn_once_and_reused_the_next_minute(client, sample_person, frozen):
    query = planner_query(day="2026-12-10", start_time="10:00")
    first = client.get(PLAN, query)
    frozen.shift(timedelta(minutes=1))  # a new minute: the page is drawn again
    with CaptureQueriesContext(connection) as queries:
        later = client.get(PLAN, query)
    assert later.content == first.content
    assert len(queries) > 0  # the answer was worked out again
    kept = [key for key in caches["default"]._cache if "template.cache.video_plan_form" in key]
    assert len(kept) == 1  # and the form came from its kept copy


def test_the_kept_video_form_follows_a_staff_edit(client, sample_person, frozen):
    query = planner_query(day="2026-12-10", start_time="10:00")
    client.get(PLAN, query)
    rules = VideoVisitRules.objects.get()
    rules.provider_name = "Renamed Video Co"
    rules.save()
    # The form's own words name the provider ("on a ... screen").
    assert "on a Renamed Video Co screen" in text(client.get(PLAN, query))


def test_a_video_form_with_errors_is_never_kept(client, sample_person, frozen):
    query = planner_query(day="2026-11-20", start_time="10:00")  # in the past
    assert client.get(PLAN, query).status_code == 400
    kept = [key for key in caches["default"]._cache if "template.cache.video_plan_form" in key]
    assert kept == []


def test_a_video_answer_asked_on_the_minute_mark_is_not_kept(client, sample_person):
    # At 9:01:00.000 exactly a start at 9:01 + 72 hours is bookable; a moment later
    # it is not, so this page must not be kept for the rest of the minute.
    query = planner_query(day="2026-11-26", start_time="09:01")
    with time_machine.travel(chicago(2026, 11, 23, 9, 1), tick=False) as traveller:
        first = client.get(PLAN, query)
        assert "Yes. You can book this video visit." in text(first)
        assert "ETag" not in first
        traveller.shift(timedelta(seconds=1))
        assert "No. It is too late to book this time." in text(client.get(PLAN, query))


def test_a_current_alert_shows_on_a_cached_video_answer_when_it_starts(
    client, sample_person, frozen
):
    facility = Facility.objects.get(code="ACC")
    FacilityAlert.objects.create(
        agency=facility.agency,
        facility=facility,
        kind=AlertKind.VISITING_CANCELLED,
        title="Video visits stopped for a count",
        message="Try again later.",
        starts_at=NOW + timedelta(seconds=10),
        ends_at=NOW + timedelta(hours=1),  # over long before the planned day
    )
    query = planner_query()
    assert "Video visits stopped for a count" not in text(client.get(PLAN, query))
    frozen.shift(timedelta(seconds=15))  # the same minute, after the alert starts
    assert "Video visits stopped for a count" in text(client.get(PLAN, query))


def test_a_visit_plan_for_tomorrow_is_not_reused_after_midnight(client, sample_person):
    url = "/visits/plan/?go=1&doc_id=7000001&date=2026-11-24&age_1=40"
    with time_machine.travel(chicago(2026, 11, 23, 23, 59, 30), tick=False) as traveller:
        evening = client.get(url)
        assert served_from_cache(client, url)
        traveller.shift(timedelta(minutes=1))  # 00:00:30 on the 24th: "tomorrow" is today
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
    assert evening.status_code == 200
    assert len(queries) > 0  # rendered again for the new day, not read from the cache


# ---------- never kept ----------


def test_a_refused_answer_is_never_kept(client, missouri):
    url = "/phones/cost/?go=1&facility=algoa-correctional-center&calls=-1&minutes=5"
    assert client.get(url).status_code == 400
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 400
    assert len(queries) > 0


@pytest.mark.parametrize("url", ["/phones/", "/facilities/algoa-correctional-center/"])
def test_a_staff_preview_is_never_kept_or_shown_to_a_family(admin_client, client, missouri, url):
    day = NOW.date().isoformat()  # a preview of today: the same key as a family's page
    with time_machine.travel(NOW, tick=False):
        admin_client.get("/", {"preview_date": day})  # the day is kept in the session
        preview = admin_client.get(url)
        assert "Preview of" in text(preview)
        public = client.get(url)
    assert "Preview of" not in text(public)
