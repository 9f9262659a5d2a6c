"""Unsaved rule objects and planner answers shared by the video visit tests (no tests here)."""

from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from portal.models import Agency, Facility
from visits.models.video import VideoEligibilityRule, VideoVisitRules

CHICAGO = ZoneInfo("America/Chicago")


def chicago(*args) -> datetime:
    return datetime(*args, tzinfo=CHICAGO)


def missouri_rules(**changes) -> VideoVisitRules:
    """Missouri's video-visit numbers as an unsaved object."""
    values = {
        "agency": Agency(name="Missouri DOC", short_name="MO DOC", slug="mo", state="MO"),
        "key": "video-visits",
        "provider_name": "Securus Technologies",
        "remote_price_per_block": Decimal("7.95"),
        "remote_block_minutes": 30,
        "onsite_price_per_block": Decimal("0.00"),
        "onsite_block_minutes": 120,
        "booking_lead_hours": 72,
        "cancel_credit_hours": 48,
        "visitor_early_login_minutes": 1,
        "person_early_login_minutes": 2,
        "planner_max_blocks": 8,
        "planner_horizon_days": 365,
        "reminder_minutes_before_login": 10,
    }
    values.update(changes)
    return VideoVisitRules(**values)


def facility(onsite=True, remote=True) -> Facility:
    return Facility(
        code="ACC",
        name="Algoa Correctional Center",
        onsite_video_visits=onsite,
        remote_video_visits=remote,
    )


def eligibility_rules() -> list[VideoEligibilityRule]:
    """The four Missouri questions, unsaved, linked as in the data."""
    on_list = VideoEligibilityRule(
        key="on-visitor-list", question="On the list?", stops_when="no", refusal="Not on list."
    )
    attorney = VideoEligibilityRule(
        key="attorney-visit", question="Attorney visit?", stops_when="yes", refusal="Attorney."
    )
    child = VideoEligibilityRule(key="child-taking-part", question="Child?", stops_when="")
    offense = VideoEligibilityRule(
        key="child-sexual-offense",
        question="Sexual crime against a child?",
        stops_when="yes",
        only_if=child,
        refusal="No video visits with children.",
    )
    return [on_list, attorney, child, offense]


def planner_query(**changes) -> dict:
    """A complete planner answer for DOC ID 7000001; pass a value of None to leave it out."""
    query = {
        "go": "1",
        "doc_id": "7000001",
        "kind": "remote",
        "day": "2026-12-10",
        "start_time": "10:00",
        "blocks": "2",
        "q_on_visitor_list": "yes",
        "q_attorney_visit": "no",
        "q_child_taking_part": "no",
    }
    query.update(changes)
    return {k: v for k, v in query.items() if v is not None}
