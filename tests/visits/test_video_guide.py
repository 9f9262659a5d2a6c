"""The video visit guide at /visits/video/."""

import html

import pytest

from portal.models import Facility
from visits.models.video import VideoVisitPoint, VideoVisitRules


def text(response) -> str:
    return " ".join(html.unescape(response.content.decode()).split())


@pytest.fixture
def guide(client, missouri, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        response = client.get("/visits/video/")
    assert response.status_code == 200
    return text(response)


def test_the_guide_compares_onsite_and_remote_side_by_side(guide):
    for words in (
        "At the facility (on-site)",
        "From home (remote)",
        "A Securus Technologies screen at the facility.",
        "Your own phone, tablet or computer",
        "Free.",
        "$7.95 for each 30-minute block.",
        "A block of 120 minutes.",
        "Blocks of 30 minutes.",
        "With your own Securus Technologies account.",
        "1-800-844-6591",
    ):
        assert words in guide, words


def test_the_guide_gives_the_booking_and_log_in_rules(guide):
    assert "Book through Securus Technologies at least 72 hours ahead." in guide
    assert "You can log in 1 minute before the start." in guide
    assert "The person can log in 2 minutes early." in guide


def test_the_guide_says_who_can_take_part(guide):
    assert "Only visitors on the person's approved visitor list can take part." in guide
    assert "cannot be a video visit. It stays an in-person visit." in guide
    assert "cannot have video visits with children." in guide


def test_the_guide_lists_set_up_conduct_consequences_and_refunds(guide):
    assert "Pick a place where no one else can be seen or heard behind you." in guide
    assert "Every video visit is recorded." in guide
    assert "Driving during the visit." in guide
    assert "Gang signs" in guide
    assert "For anything worse there is no warning." in guide
    assert "Cancel a visit from home at least 48 hours before it starts to get a credit." in guide
    assert "If the department cancels the visit, you pay nothing." in guide


def test_the_guide_lists_the_15_facilities_that_offer_video_visits(guide):
    assert "15 facilities offer video visits." in guide
    assert "Algoa Correctional Center" in guide
    assert "Chillicothe Correctional Center" not in guide
    assert "/visits/video/plan/?facility=algoa-correctional-center" in guide


def test_the_guide_shows_its_source_and_review_date(guide):
    assert "Last reviewed September 28, 2025." in guide
    assert "Missouri DOC, Video Visits guidelines" in guide


def test_a_point_ended_by_staff_leaves_the_guide(client, missouri):
    VideoVisitPoint.objects.filter(key="no-driving").update(effective_until="2020-01-01")
    assert "Driving during the visit." not in text(client.get("/visits/video/"))


def test_a_facility_that_stops_video_visits_leaves_the_list(client, missouri):
    Facility.objects.filter(code="ACC").update(onsite_video_visits=False, remote_video_visits=False)
    page = text(client.get("/visits/video/"))
    assert "14 facilities offer video visits." in page
    assert "Algoa Correctional Center" not in page


def test_a_provider_changed_in_data_shows_in_the_guide(client, missouri):
    VideoVisitRules.objects.update(provider_name="Example Video Co")
    page = text(client.get("/visits/video/"))
    assert "Example Video Co runs every video visit." in page
    assert "Securus Technologies" not in page
