"""The video visit planner at /visits/video/plan/: answers, bad input, print view, calendar."""

import html
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse

from portal.models import Facility, FacilityAlert
from tests.visits.test_video_helpers import chicago, planner_query
from visits.models.video import VideoEligibilityRule, VideoVisitRules

NOW = chicago(2026, 11, 23, 9, 0)
PLAN = "/visits/video/plan/"


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield NOW


@pytest.fixture
def ask(client, sample_person, frozen):
    """GET the planner with a complete answer, changed by keyword."""

    def get(url=PLAN, **changes):
        return client.get(url, planner_query(**changes))

    return get


def text(response) -> str:
    return " ".join(html.unescape(response.content.decode()).split())


def test_the_named_urls_exist():
    assert reverse("visits:video") == "/visits/video/"
    assert reverse("visits:video_plan") == PLAN
    assert reverse("visits:video_plan_print") == "/visits/video/plan/print/"
    assert reverse("visits:video_plan_ics") == "/visits/video/plan/video-visit.ics"


# ---------- the questions ----------


def test_the_questions_page_asks_everything(client, missouri, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        response = client.get(PLAN)
    page = text(response)
    assert response.status_code == 200
    for words in (
        "Their DOC ID number",
        "Which kind of video visit?",
        "$7.95 for each 30-minute block.",
        "Free. One block of 120 minutes.",
        "The date you want",
        "The start time you want",
        "Are you on the approved visitor list",
        "private visit between a lawyer and their client",
        "Will a child under 18 take part",
        "sexual crime against a child",
    ):
        assert words in page, words
    assert 'name="go" value="1"' in page


def test_a_link_from_the_person_page_fills_in_the_doc_id(client, sample_person):
    response = client.get(PLAN, {"doc_id": "7000001"})
    assert response.status_code == 200
    assert 'value="7000001"' in response.content.decode()
    assert "There is a problem" not in text(response)


def test_a_link_from_the_facility_page_fills_in_the_facility(client, missouri):
    response = client.get(PLAN, {"facility": "boonville-correctional-center"})
    assert response.status_code == 200
    assert 'value="boonville-correctional-center" selected' in response.content.decode()


# ---------- yes ----------


def test_a_remote_visit_far_enough_ahead_gets_every_time_and_the_cost(
    ask, django_assert_max_num_queries
):
    with django_assert_max_num_queries(6):
        response = ask()
    page = text(response)
    assert response.status_code == 200
    assert "Yes. You can book this video visit." in page
    assert "Next step: book it through Securus Technologies." in page
    assert "The last time to book is Monday, December 7, 2026, 10:00 a.m., Missouri time." in page
    assert "2 blocks × $7.95 = $15.90" in page
    assert "Thursday, December 10, 2026, 10:00 a.m." in page  # starts
    assert "Thursday, December 10, 2026, 11:00 a.m. (60 minutes)" in page  # ends
    assert "9:59 a.m. (1 minute early)" in page
    assert "9:58 a.m. (2 minutes early)" in page
    assert "Tuesday, December 8, 2026, 10:00 a.m. (48 hours before)" in page
    assert "Ana García" in page
    assert "Before the visit: your checklist" in page
    assert "Pick a place where no one else can be seen" in page
    assert 'class="checklist"' in page
    assert "Your answers about who takes part" in page
    assert "their client?</dt><dd>No</dd>" in page


def test_the_answer_shows_the_time_line_in_order(ask):
    page = text(ask())
    page = page[page.index("Your visit, step by step") :]
    steps = [
        "Last time to book",
        "Last time to cancel for a credit",
        "You can log in",
        "The visit starts",
        "The visit ends",
    ]
    positions = [page.index(step) for step in steps]
    assert positions == sorted(positions)
    assert 'datetime="2026-12-10T10:00:00-06:00"' in page


@pytest.mark.parametrize(
    ("blocks", "arithmetic"),
    [
        ("1", "1 block × $7.95 = $7.95"),
        ("2", "2 blocks × $7.95 = $15.90"),
        ("4", "4 blocks × $7.95 = $31.80"),
    ],
)
def test_the_cost_is_shown_as_arithmetic(ask, blocks, arithmetic):
    assert arithmetic in text(ask(blocks=blocks))


def test_an_onsite_visit_is_free_two_hours_and_has_no_cancel_deadline(ask):
    page = text(ask(kind="onsite", blocks=None))
    assert "Yes. You can book this video visit." in page
    assert "Free" in page
    assert "12:00 p.m. (120 minutes)" in page
    assert "Cancel for a credit by" not in page


def test_a_facility_with_a_notice_on_the_visit_day_shows_it(ask, missouri):
    FacilityAlert.objects.create(
        agency=missouri,
        facility=Facility.objects.get(code="ACC"),
        kind="visiting_cancelled",
        title="Video visits cancelled",
        message="No video visits this week.",
        starts_at=chicago(2026, 12, 9, 0, 0),
        ends_at=chicago(2026, 12, 11, 0, 0),
    )
    assert "Video visits cancelled" in text(ask())


# ---------- the 72-hour edge ----------


@pytest.mark.parametrize(
    ("day", "start_time", "bookable"),
    [
        ("2026-11-26", "08:59", False),  # 71 hours 59 minutes ahead
        ("2026-11-26", "09:00", True),  # exactly 72 hours
        ("2026-11-26", "09:01", True),
        ("2026-11-24", "10:00", False),
    ],
)
def test_the_72_hour_edge(ask, day, start_time, bookable):
    page = text(ask(day=day, start_time=start_time))
    assert ("Yes. You can book this video visit." in page) is bookable
    assert ("No. It is too late to book this time." in page) is not bookable


def test_too_soon_gives_the_earliest_time_and_a_link_to_plan_it(ask):
    response = ask(day="2026-11-26", start_time="08:59")
    page = text(response)
    assert response.status_code == 200
    assert "only 71 hours and 59 minutes from now" in page
    assert "The earliest start you can book now is Thursday, November 26, 2026, 9:00 a.m." in page
    assert "the same time, 8:59 a.m., can still be booked on Friday, November 27, 2026" in page
    assert "day=2026-11-27" in page
    assert "start_time=08%3A59" in page


def test_a_visit_later_today_is_too_soon_in_plain_words(ask):
    page = text(ask(day="2026-11-23", start_time="10:30"))
    assert "is only 1 hour and 30 minutes from now." in page


def test_fall_back_weekend_deadline_is_72_real_hours(client, sample_person):
    with time_machine.travel(chicago(2026, 10, 29, 10, 30), tick=False):
        page = text(client.get(PLAN, planner_query(day="2026-11-01", start_time="10:00")))
    # 10:00 a.m. CST on Sunday is 73 real hours after 10:00 a.m. CDT on Thursday.
    assert "Yes. You can book this video visit." in page
    assert "Thursday, October 29, 2026, 11:00 a.m. (72 hours before)" in page
    assert "Friday, October 30, 2026, 11:00 a.m. (48 hours before)" in page


def test_spring_forward_weekend_deadline_is_72_real_hours(client, sample_person):
    with time_machine.travel(chicago(2027, 3, 11, 9, 30), tick=False):
        page = text(client.get(PLAN, planner_query(day="2027-03-14", start_time="10:00")))
    # 10:00 a.m. CDT on Sunday is only 71 real hours after 10:00 a.m. CST on Thursday.
    assert "No. It is too late to book this time." in page
    assert "only 71 hours and 30 minutes from now" in page
    assert "Sunday, March 14, 2027, 10:30 a.m." in page  # the earliest, in CDT


# ---------- not offered ----------


@pytest.mark.parametrize("code", ["CCC", "FCC", "MTC", "WRDCC"])
@pytest.mark.parametrize("kind", ["remote", "onsite"])
def test_a_facility_without_video_visits_says_so_and_points_elsewhere(
    client, missouri, frozen, code, kind, django_assert_max_num_queries
):
    facility = Facility.objects.get(code=code)
    query = planner_query(doc_id=None, facility=facility.slug, kind=kind)
    with django_assert_max_num_queries(6):
        response = client.get(PLAN, query)
    page = text(response)
    assert response.status_code == 200
    assert f"No. {facility.name} does not offer video visits" in page
    assert f'href="/visits/plan/?facility={facility.slug}"' in page
    assert f'href="/facilities/?video={kind}"' in page
    assert "/facilities/algoa-correctional-center/" in page
    assert "Cost" not in page


def test_a_facility_with_only_onsite_visits_suggests_that_kind(client, missouri, frozen):
    Facility.objects.filter(code="ACC").update(remote_video_visits=False)
    query = planner_query(doc_id=None, facility="algoa-correctional-center")
    page = text(client.get(PLAN, query))
    assert "does not offer video visits from home" in page
    assert "It does offer video visits at the facility." in page


# ---------- eligibility ----------


def test_not_on_the_visitor_list_is_refused_with_the_next_step(ask):
    page = text(ask(q_on_visitor_list="no"))
    assert "No. This video visit would be refused." in page
    assert "Only visitors on the person's approved visitor list" in page
    assert 'href="/visits/list/?doc_id=7000001"' in page


def test_an_attorney_visit_is_refused_and_sent_to_in_person_planning(ask):
    page = text(ask(q_attorney_visit="yes"))
    assert "No. This video visit would be refused." in page
    assert 'href="/visits/plan/?doc_id=7000001"' in page


def test_a_child_visitor_is_refused_where_the_person_has_a_child_sexual_offense(ask):
    page = text(ask(q_child_taking_part="yes", q_child_sexual_offense="yes"))
    assert "No. This video visit would be refused." in page
    assert "cannot have video visits with children" in page


def test_a_child_visitor_is_fine_otherwise(ask):
    page = text(ask(q_child_taking_part="yes", q_child_sexual_offense="no"))
    assert "Yes. You can book this video visit." in page


def test_not_sure_asks_to_check_first(ask):
    page = text(ask(q_on_visitor_list="not_sure"))
    assert "Maybe. Check this before you book." in page
    assert "You said you are not sure." in page
    assert "2 blocks × $7.95 = $15.90" in page


def test_a_child_visitor_needs_the_follow_up_answered(ask):
    response = ask(q_child_taking_part="yes")
    assert response.status_code == 400
    assert "Answer this question too." in text(response)


def test_an_eligibility_rule_ended_by_staff_is_no_longer_asked(ask, missouri):
    VideoEligibilityRule.objects.filter(key="attorney-visit").update(
        effective_until=chicago(2026, 11, 1, 0, 0).date()
    )
    page = text(ask(q_attorney_visit="yes"))
    assert "lawyer" not in page
    assert "Yes. You can book this video visit." in page


# ---------- bad input ----------


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"day": "2026-11-22"}, "This date and time have passed."),
        ({"day": "2026-11-23", "start_time": "08:59"}, "This date and time have passed."),
        ({"day": "2020-01-01"}, "This date and time have passed."),
        ({"day": "2027-11-24"}, "Choose a date within the next 365 days."),
        ({"day": "3026-01-01"}, "Choose a date within the next 365 days."),
        ({"day": "2026-02-30"}, "Enter a real date"),
        ({"day": "tomorrow"}, "Enter a real date"),
        ({"day": ""}, "Enter the date you want."),
        ({"day": "2026-12-10\x00"}, "Enter a real date"),
        ({"day": "9" * 5000}, "Enter a real date"),
        ({"start_time": "25:00"}, "Enter a time such as 14:30"),
        ({"start_time": "noon-ish"}, "Enter a time such as 14:30"),
        ({"start_time": ""}, "Enter the start time you want."),
        ({"blocks": "0"}, "Enter at least 1 block."),
        ({"blocks": "-1"}, "Enter at least 1 block."),
        ({"blocks": "9"}, "Enter 8 blocks or fewer."),
        ({"blocks": "99999999999999999999"}, "Enter 8 blocks or fewer."),
        ({"blocks": "9" * 5000}, "Enter a whole number of blocks"),
        ({"blocks": "two"}, "Enter a whole number of blocks"),
        ({"blocks": "1.5"}, "Enter a whole number of blocks"),
        ({"blocks": ""}, "Enter how many blocks you want"),
        ({"kind": "teleport"}, "Select a valid choice"),
        ({"kind": None}, "Choose a kind of video visit."),
        ({"q_on_visitor_list": None}, "Answer this question."),
        ({"q_attorney_visit": "maybe"}, "Select a valid choice"),
        ({"doc_id": "123456789"}, "We cannot find DOC ID 123456789"),
        ({"doc_id": "12ab"}, "A DOC ID has digits only"),
        ({"doc_id": "1\x002"}, "Null characters are not allowed"),
        ({"doc_id": None}, "Choose the facility they are in."),
        ({"doc_id": None, "facility": "no-such-place"}, "Select a valid choice"),
        ({"day": "2027-03-14", "start_time": "02:30"}, "Clocks move forward on March 14, 2027"),
        ({"day": "2026-11-01", "start_time": "01:30"}, "Clocks move back on November 1, 2026"),
    ],
)
def test_bad_input_gets_a_clear_message_and_a_400(ask, changes, message):
    response = ask(**changes)
    assert response.status_code == 400
    page = text(response)
    assert "There is a problem" in page
    assert message in page


def test_errors_link_to_their_fields(ask):
    page = ask(kind=None, q_attorney_visit=None).content.decode()
    assert 'href="#id_kind_1"' in page
    assert 'id="id_kind"' in page
    assert 'href="#id_q_attorney_visit_1"' in page
    assert 'id="id_q_attorney_visit"' in page


def test_a_person_with_no_known_facility_is_asked_for_one(ask, make_person):
    make_person("Lee", "Moved", facility_code=None, doc_id="7000002")
    response = ask(doc_id="7000002")
    assert response.status_code == 400
    assert "We do not know where this person is held now." in text(response)


def test_only_get_is_allowed(client, missouri):
    assert client.post(PLAN).status_code == 405


# ---------- print view ----------


def test_the_print_view_shows_the_answer_without_the_form(ask):
    response = ask(url="/visits/video/plan/print/")
    page = text(response)
    assert response.status_code == 200
    assert "Your video visit" in page
    assert "Yes. You can book this video visit." in page
    assert "2 blocks × $7.95 = $15.90" in page
    assert "<form" not in page
    assert "Last reviewed September 28, 2025." in page


def test_the_print_view_of_bad_input_goes_back_to_the_planner(ask):
    response = ask(url="/visits/video/plan/print/", blocks="0")
    assert response.status_code == 302
    assert response["Location"].startswith(PLAN + "?")


# ---------- calendar file ----------


def unfolded(response) -> str:
    return response.content.decode().replace("\r\n ", "")


def test_the_calendar_file_has_the_visit_and_two_reminders(ask):
    response = ask(url="/visits/video/plan/video-visit.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert 'filename="video-visit.ics"' in response["Content-Disposition"]
    ics = unfolded(response)
    lines = ics.split("\r\n")
    assert "DTSTART:20261210T160000Z" in lines
    assert "DTEND:20261210T170000Z" in lines
    assert "SUMMARY:Video visit from home with Ana García" in lines
    # Cancel-for-credit deadline, 48 hours before; and just before log-in (1 + 10 minutes).
    assert "TRIGGER;VALUE=DATE-TIME:20261208T160000Z" in lines
    assert "TRIGGER:-PT11M" in lines
    assert ics.count("BEGIN:VALARM") == 2
    assert "Cost: 2 x $7.95 = $15.90" in ics


def test_the_calendar_file_across_the_clock_change_uses_real_hours(client, sample_person):
    with time_machine.travel(chicago(2026, 10, 20, 9, 0), tick=False):
        response = client.get(
            "/visits/video/plan/video-visit.ics",
            planner_query(day="2026-11-02", start_time="10:00"),
        )
    lines = unfolded(response).split("\r\n")
    assert "DTSTART:20261102T160000Z" in lines  # 10:00 CST
    assert "TRIGGER;VALUE=DATE-TIME:20261031T160000Z" in lines  # 11:00 CDT on Oct 31


def test_an_onsite_calendar_file_has_the_address_and_no_cancel_reminder(ask):
    ics = unfolded(ask(url="/visits/video/plan/video-visit.ics", kind="onsite", blocks=None))
    assert "LOCATION:Algoa Correctional Center\\, 8501 No More Victims Road" in ics
    assert ics.count("BEGIN:VALARM") == 1


@pytest.mark.parametrize(
    "changes",
    [
        {"day": "2026-11-24"},  # too soon
        {"q_on_visitor_list": "no"},  # refused
        {"doc_id": None, "facility": "chillicothe-correctional-center"},  # not offered
        {"blocks": "0"},  # bad input
    ],
)
def test_no_calendar_file_for_a_visit_that_cannot_happen(ask, changes):
    response = ask(url="/visits/video/plan/video-visit.ics", **changes)
    assert response.status_code == 302
    assert response["Location"].startswith(PLAN + "?")


# ---------- rules changed in data ----------


def test_a_price_changed_in_the_admin_shows_everywhere(admin_client, client, ask, missouri):
    rules = VideoVisitRules.objects.get(agency=missouri)
    change_url = reverse("admin:visits_videovisitrules_change", args=[rules.pk])
    form = admin_client.get(change_url).context["adminform"].form
    data = {name: form[name].value() for name in form.fields}
    data = {k: ("" if v is None else v) for k, v in data.items()}
    data["remote_price_per_block"] = "8.50"
    response = admin_client.post(change_url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert VideoVisitRules.objects.get(pk=rules.pk).remote_price_per_block == Decimal("8.50")

    assert "$8.50 for each 30-minute block." in text(client.get("/visits/video/"))
    assert "$8.50 for each 30-minute block." in text(client.get(PLAN))
    assert "2 blocks × $8.50 = $17.00" in text(ask())
    assert "2 blocks × $8.50 = $17.00" in text(ask(url="/visits/video/plan/print/"))
    assert "Cost: 2 x $8.50 = $17.00" in unfolded(ask(url="/visits/video/plan/video-visit.ics"))
    assert "7.95" not in text(ask())


def test_a_new_price_from_a_date_takes_over_on_that_date(client, sample_person, missouri):
    old = VideoVisitRules.objects.get(agency=missouri)
    old.effective_until = chicago(2026, 12, 31, 0, 0).date()
    old.save()
    new = VideoVisitRules.objects.get(pk=old.pk)
    new.pk = None
    new.key = "video-visits-2027"
    new.remote_price_per_block = Decimal("6.00")
    new.effective_from = chicago(2027, 1, 1, 0, 0).date()
    new.effective_until = None
    new.save()
    query = planner_query(day="2027-01-20")
    with time_machine.travel(chicago(2026, 12, 31, 23, 59), tick=False):
        assert "2 blocks × $7.95 = $15.90" in text(client.get(PLAN, query))
    with time_machine.travel(chicago(2027, 1, 1, 0, 0), tick=False):
        assert "2 blocks × $6.00 = $12.00" in text(client.get(PLAN, query))


def test_booking_lead_time_changed_in_data(ask, missouri):
    VideoVisitRules.objects.filter(agency=missouri).update(booking_lead_hours=24)
    page = text(ask(day="2026-11-24", start_time="10:00"))
    assert "Yes. You can book this video visit." in page
    assert "(24 hours before)" in page


def test_without_rules_the_pages_say_so_instead_of_failing(client, missouri):
    VideoVisitRules.objects.all().delete()
    for url in ("/visits/video/", PLAN, "/visits/video/plan/video-visit.ics"):
        response = client.get(url)
        assert response.status_code == 503
        assert "call the facility" in text(response)


@pytest.mark.parametrize(
    "url",
    [
        "/admin/visits/videovisitrules/",
        "/admin/visits/videoeligibilityrule/",
        "/admin/visits/videovisitpoint/",
        "/admin/visits/videovisitpoint/?topic=prohibited",
    ],
)
def test_staff_can_list_every_video_rule_in_the_admin(admin_client, missouri, url):
    assert admin_client.get(url).status_code == 200


def test_staff_can_open_each_video_rule_in_the_admin(admin_client, missouri):
    for model in (VideoVisitRules, VideoEligibilityRule):
        for pk in model.objects.values_list("pk", flat=True):
            name = model._meta.model_name
            response = admin_client.get(reverse(f"admin:visits_{name}_change", args=[pk]))
            assert response.status_code == 200
