"""Missouri's video visit rules as loaded by `manage.py load_missouri`."""

import io
from decimal import Decimal

from django.core.management import call_command

from portal.models import Facility
from visits.models.video import (
    VideoEligibilityRule,
    VideoPointTopic,
    VideoVisitPoint,
    VideoVisitRules,
)


def test_missouri_video_numbers_are_loaded_with_their_source(missouri):
    rules = VideoVisitRules.objects.get(agency=missouri)
    assert rules.provider_name == "Securus Technologies"
    assert rules.remote_price_per_block == Decimal("7.95")
    assert isinstance(rules.remote_price_per_block, Decimal)
    assert rules.remote_block_minutes == 30
    assert rules.onsite_block_minutes == 120
    assert rules.onsite_price_per_block == Decimal("0")
    assert rules.booking_lead_hours == 72
    assert rules.cancel_credit_hours == 48
    assert rules.visitor_early_login_minutes == 1
    assert rules.person_early_login_minutes == 2
    assert rules.source.startswith("Missouri DOC, Video Visits guidelines")
    assert rules.last_reviewed.isoformat() == "2025-09-28"


def test_fifteen_facilities_offer_video_visits(missouri):
    offering = Facility.objects.filter(onsite_video_visits=True, remote_video_visits=True)
    assert offering.count() == 15
    without = set(
        Facility.objects.filter(onsite_video_visits=False, remote_video_visits=False).values_list(
            "code", flat=True
        )
    )
    assert without == {"CCC", "FCC", "MTC", "WRDCC"}


def test_eligibility_rules_and_the_prohibited_list_are_data(missouri):
    keys = list(VideoEligibilityRule.objects.values_list("key", flat=True))
    assert keys == [
        "on-visitor-list",
        "attorney-visit",
        "child-taking-part",
        "child-sexual-offense",
    ]
    follow_up = VideoEligibilityRule.objects.get(key="child-sexual-offense")
    assert follow_up.only_if.key == "child-taking-part"
    assert VideoVisitPoint.objects.filter(topic=VideoPointTopic.PROHIBITED).count() == 14
    assert all(p.source and p.last_reviewed for p in VideoVisitPoint.objects.all())


def test_loading_again_keeps_a_price_staff_changed(missouri):
    VideoVisitRules.objects.update(remote_price_per_block=Decimal("8.25"))
    call_command("load_missouri", stdout=io.StringIO())
    assert VideoVisitRules.objects.get().remote_price_per_block == Decimal("8.25")


def test_loading_again_does_not_bring_back_a_point_staff_deleted(missouri):
    VideoVisitPoint.objects.filter(key="no-driving").delete()
    call_command("load_missouri", stdout=io.StringIO())
    assert not VideoVisitPoint.objects.filter(key="no-driving").exists()
