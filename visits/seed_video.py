"""Missouri's video visiting rules (see visits/seed.py).

Which facilities offer video visits is loaded with the facilities themselves
(portal/seed.py). The facts below are numbered VV1-VV21 in the project's fact list.
"""

from datetime import date
from decimal import Decimal

from portal.models import Agency
from portal.seeding import Seeder
from visits.models.video import (
    VideoAnswer,
    VideoAppliesTo,
    VideoEligibilityRule,
    VideoPointTopic,
    VideoVisitPoint,
    VideoVisitRules,
)

SOURCE = "Missouri DOC, Video Visits guidelines"
PHONES_SOURCE = "Missouri DOC, Inmate Phones, Sending Money and Mail"
REVIEWED = date(2025, 9, 28)

BOTH = VideoAppliesTo.BOTH
REMOTE = VideoAppliesTo.REMOTE

# (key, topic, applies to, text), in the order shown. Each is one fact, in plain words.
POINTS = [
    # VV2, VV3, VV18, VV19
    (
        "same-rules-as-in-person",
        VideoPointTopic.GENERAL,
        BOTH,
        "The same rules apply as at an in-person visit: dress code, behavior and language. "
        "All other department rules apply too.",
    ),
    (
        "privilege",
        VideoPointTopic.GENERAL,
        BOTH,
        "A video visit is a privilege, not a right. You and the person you visit must both "
        "behave well the whole time.",
    ),
    (
        "recorded",
        VideoPointTopic.GENERAL,
        BOTH,
        "Every video visit is recorded. Staff watch visits to check that the rules are kept.",
    ),
    (
        "not-excused-from-work",
        VideoPointTopic.GENERAL,
        BOTH,
        "The person does not get time off work or classes for a video visit. Ask them when "
        "they are free before you book.",
    ),
    # VV13, VV7, VV21: the remote set-up checklist
    (
        "own-account",
        VideoPointTopic.SETUP,
        REMOTE,
        "Open your own Securus account. You book and join the visit with it. Never use "
        "someone else's account.",
    ),
    (
        "own-device",
        VideoPointTopic.SETUP,
        REMOTE,
        "Have your own phone, tablet or computer with a camera.",
    ),
    (
        "internet",
        VideoPointTopic.SETUP,
        REMOTE,
        "Have an internet connection that is good enough for video.",
    ),
    (
        "empty-background",
        VideoPointTopic.SETUP,
        REMOTE,
        "Pick a place where no one else can be seen or heard behind you.",
    ),
    (
        "only-you",
        VideoPointTopic.SETUP,
        REMOTE,
        "Only you may take part. No other adult may join, even for a moment.",
    ),
    (
        "dress",
        VideoPointTopic.SETUP,
        REMOTE,
        "Dress as you would for a visit at the facility.",
    ),
    (
        "other-devices",
        VideoPointTopic.SETUP,
        REMOTE,
        "Put away other phones, games and tablets.",
    ),
    (
        "not-driving",
        VideoPointTopic.SETUP,
        REMOTE,
        "Do not drive during the visit. Stay parked or at home.",
    ),
    (
        "setup-no-recording",
        VideoPointTopic.SETUP,
        REMOTE,
        "Do not record the visit.",
    ),
    # VV21: not allowed, for the visitor or the person
    (
        "no-sexual-behavior",
        VideoPointTopic.PROHIBITED,
        BOTH,
        "Sexual behavior or any nudity, by you or the person.",
    ),
    ("no-improper-dress", VideoPointTopic.PROHIBITED, BOTH, "Clothes that break the dress code."),
    (
        "no-weapons-drugs",
        VideoPointTopic.PROHIBITED,
        BOTH,
        "Showing or using weapons, drugs, alcohol, cigarettes or vapes, or anything used "
        "with them, even in a picture.",
    ),
    (
        "no-unlawful-activity",
        VideoPointTopic.PROHIBITED,
        BOTH,
        "Anything against the law, or showing it.",
    ),
    (
        "no-gang-signs",
        VideoPointTopic.PROHIBITED,
        BOTH,
        "Gang signs, or pictures or items linked to a gang (a Security Threat Group).",
    ),
    (
        "no-other-devices",
        VideoPointTopic.PROHIBITED,
        BOTH,
        "Using or showing other electronic devices, such as cell phones, video games or tablets.",
    ),
    (
        "no-bad-language",
        VideoPointTopic.PROHIBITED,
        BOTH,
        "Cursing, threats, or rude behavior toward staff or anyone else, or anything others "
        "would find offensive.",
    ),
    (
        "no-breaking-child-rules",
        VideoPointTopic.PROHIBITED,
        BOTH,
        "Breaking the rules on children visiting a person convicted of a sexual crime "
        "against a child.",
    ),
    (
        "no-other-adult",
        VideoPointTopic.PROHIBITED,
        BOTH,
        "Another adult taking part in the visit.",
    ),
    (
        "no-other-account",
        VideoPointTopic.PROHIBITED,
        BOTH,
        "Using an account that is not yours.",
    ),
    ("no-recording", VideoPointTopic.PROHIBITED, BOTH, "Recording the visit."),
    ("no-driving", VideoPointTopic.PROHIBITED, BOTH, "Driving during the visit."),
    (
        "no-breaking-visit-rules",
        VideoPointTopic.PROHIBITED,
        BOTH,
        "Not following the visiting rules.",
    ),
    (
        "no-safety-risk",
        VideoPointTopic.PROHIBITED,
        BOTH,
        "Anything else that puts safety or security at risk.",
    ),
    # VV20
    (
        "ended-during-visit",
        VideoPointTopic.CONSEQUENCE,
        BOTH,
        "Staff can end a video visit while it is going on if a rule is broken.",
    ),
    (
        "privileges-suspended",
        VideoPointTopic.CONSEQUENCE,
        BOTH,
        "You can lose video visits for a time or for good. You can lose in-person visits too.",
    ),
    (
        "warnings",
        VideoPointTopic.CONSEQUENCE,
        BOTH,
        "A warning is only a courtesy for a small problem. For anything worse there is no warning.",
    ),
    (
        "unapproved-visitor",
        VideoPointTopic.CONSEQUENCE,
        BOTH,
        "Letting someone who is not an approved visitor take part can get your video visits "
        "suspended.",
    ),
    # VV8, VV10 (the cancel-for-credit window is a number on the rules)
    (
        "no-refund-when-ended",
        VideoPointTopic.REFUND,
        REMOTE,
        "You get no money back if staff end your visit because a rule was broken.",
    ),
    (
        "no-refund-no-show",
        VideoPointTopic.REFUND,
        REMOTE,
        "You get no money back if you or the person do not join during the booked block.",
    ),
    (
        "department-cancels",
        VideoPointTopic.REFUND,
        BOTH,
        "If the department cancels the visit, you pay nothing. Securus sends you a notice.",
    ),
]


def load(seeder: Seeder, agency: Agency) -> None:
    """Upsert the rules through `seeder` (see portal.seeding)."""
    sourced = {"source": SOURCE, "last_reviewed": REVIEWED}

    # VV4, VV5, VV6, VV9, VV11, VV16, VV17; the provider's phone and website: P6.
    seeder.upsert(
        VideoVisitRules,
        {"agency": agency, "key": "video-visits"},
        {
            "provider_name": "Securus Technologies",
            "provider_website": "https://securustech.net/",
            "provider_phone": "1-800-844-6591",
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
            "source": f"{SOURCE}; provider's phone and website: {PHONES_SOURCE}",
            "last_reviewed": REVIEWED,
        },
    )

    # VV12, VV14, VV15
    seeder.upsert(
        VideoEligibilityRule,
        {"agency": agency, "key": "on-visitor-list"},
        {
            "order": 10,
            "applies_to": BOTH,
            "rule": "Only visitors on the person's approved visitor list can take part.",
            "question": "Are you on the approved visitor list of the person you want to visit?",
            "hint": "The person tells you when you have been approved.",
            "stops_when": VideoAnswer.NO,
            "refusal": "Only visitors on the person's approved visitor list can take part in "
            "a video visit.",
            "next_step": "Ask the person to add you to their visitor list. Book once they tell "
            "you that you are approved.",
            "next_url": "/visits/list/",
            "next_label": "How to get on the visitor list",
            **sourced,
        },
    )
    seeder.upsert(
        VideoEligibilityRule,
        {"agency": agency, "key": "attorney-visit"},
        {
            "order": 20,
            "applies_to": BOTH,
            "rule": "A private visit between a lawyer and their client cannot be a video visit. "
            "It stays an in-person visit.",
            "question": "Is this a private visit between a lawyer and their client?",
            "hint": "",
            "stops_when": VideoAnswer.YES,
            "refusal": "A private visit between a lawyer and their client cannot be a video visit.",
            "next_step": "Plan an in-person visit instead.",
            "next_url": "/visits/plan/",
            "next_label": "Plan an in-person visit",
            **sourced,
        },
    )
    child = seeder.upsert(
        VideoEligibilityRule,
        {"agency": agency, "key": "child-taking-part"},
        {
            "order": 30,
            "applies_to": BOTH,
            "rule": "",
            "question": "Will a child under 18 take part in the visit?",
            "hint": "",
            "stops_when": "",
            "refusal": "",
            "next_step": "",
            "next_url": "",
            "next_label": "",
            **sourced,
        },
    )
    seeder.upsert(
        VideoEligibilityRule,
        {"agency": agency, "key": "child-sexual-offense"},
        {
            "order": 40,
            "applies_to": BOTH,
            "rule": "A person who committed a sexual crime against a child cannot have video "
            "visits with children.",
            "question": "Was the person you want to visit convicted of a sexual crime against "
            "a child?",
            "hint": "Answer only if a child will take part.",
            "stops_when": VideoAnswer.YES,
            "only_if": child,
            "refusal": "A person who committed a sexual crime against a child cannot have "
            "video visits with children.",
            "next_step": "Book the video visit without the child. If you are not sure, ask "
            "the person or the facility's visiting staff first.",
            "next_url": "",
            "next_label": "",
            **sourced,
        },
    )

    for order, (key, topic, applies_to, text) in enumerate(POINTS, start=1):
        seeder.upsert(
            VideoVisitPoint,
            {"agency": agency, "key": key},
            {
                "topic": topic,
                "applies_to": applies_to,
                "order": order * 10,
                "text": text,
                **sourced,
            },
        )
