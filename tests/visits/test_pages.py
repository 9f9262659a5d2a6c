"""The in-person visit pages: guide, visitor list, planner, calendar file, carry-all."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.template.loader import render_to_string

from portal.models import AlertKind, Facility, FacilityAlert
from visits.models import CarryAllItem, EntryKind, VisitingSession
from visits.views import facility_hours_context

CHICAGO = ZoneInfo("America/Chicago")
NOW = datetime(2026, 11, 23, 12, 0, tzinfo=CHICAGO)  # a Monday


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def plan_url(date="2026-12-04", doc_id="7000001", **extra):
    params = {"go": "1", "doc_id": doc_id, "date": date, "age_1": "40", **extra}
    return "/visits/plan/?" + "&".join(f"{k}={v}" for k, v in params.items())


# ---------- the guide ----------


def test_guide_shows_weekly_hours_grouped_by_facility(
    sample_person, client, django_assert_max_num_queries
):
    with django_assert_max_num_queries(6):
        response = client.get("/visits/")
    body = response.content.decode()
    assert response.status_code == 200
    assert "9:30 a.m. to 1:30 p.m." in body and "2:30 p.m. to 6:30 p.m." in body
    assert "17 facilities" in body  # everyone but Fulton and Maryville
    assert body.count("Call the facility to confirm the visiting days and times.") == 2
    assert "Eastern Reception, Diagnostic and Correctional Center" in body
    assert "up to 20 visitors" in body


def test_guide_lists_a_closed_date_under_its_facility(sample_person, client):
    VisitingSession.objects.create(
        key="test-closed-acc",
        agency=sample_person.agency,
        facility=sample_person.facility,
        entry=EntryKind.CLOSED,
        date=datetime(2026, 12, 25).date(),
        note="Holiday.",
    )
    body = client.get("/visits/").content.decode()
    assert "16 facilities" in body
    assert "Friday, December 25, 2026:</strong>" in body and "Holiday." in body


def test_hours_include_for_the_facility_page(missouri, django_assert_max_num_queries):
    algoa = Facility.objects.get(code="ACC")
    with django_assert_max_num_queries(1):
        html = render_to_string("visits/_hours_table.html", facility_hours_context(algoa))
    assert "Visiting hours at Algoa Correctional Center" in html
    assert html.count("No visiting") == 4
    fulton = Facility.objects.get(code="FRDC")
    html = render_to_string("visits/_hours_table.html", facility_hours_context(fulton))
    assert "Call the facility to confirm" in html and fulton.phone in html


# ---------- the planner ----------


@pytest.mark.parametrize("query", ["doc_id=7000001", "facility=algoa-correctional-center"])
def test_planner_is_prefilled_from_person_and_facility_links(sample_person, client, query):
    response = client.get(f"/visits/plan/?{query}")
    body = response.content.decode()
    assert response.status_code == 200
    assert 'value="7000001"' in body or 'value="algoa-correctional-center" selected' in body
    assert "There is a problem" not in body


def test_open_day_gives_sessions_arrival_id_and_checklist(
    sample_person, client, django_assert_max_num_queries
):
    with django_assert_max_num_queries(6):
        response = client.get(plan_url(age_2="15", baby="on", medicine="on", equipment="on"))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Yes, Algoa Correctional Center has visiting on Friday, December 4, 2026." in body
    assert "Arrive at 9:30 a.m. at the earliest." in body
    assert "Do not arrive on the grounds before visiting hours begin." in body
    assert "driver&#x27;s license" in body and "school photo ID" in body
    assert "Must come with an approved adult visitor." in body
    assert 'type="checkbox"' in body
    assert "6 × Diapers" in body
    assert "Tell staff about the medicine when you arrive." in body
    assert "bring a statement from your doctor" in body
    assert "One hug and a short kiss" in body
    assert "visit.ics?" in body and "print=1" in body


def test_planning_by_facility_stays_within_six_queries(
    missouri, client, django_assert_max_num_queries
):
    url = plan_url(doc_id="", facility="algoa-correctional-center", baby="on")
    with django_assert_max_num_queries(6):
        response = client.get(url)
    assert response.status_code == 200
    assert "Yes, Algoa Correctional Center has visiting" in response.content.decode()


def test_day_without_visiting_offers_the_next_three(sample_person, client):
    body = client.get(plan_url(date="2026-12-07")).content.decode()
    assert "No, Algoa Correctional Center has no visiting on Monday, December 7, 2026." in body
    for day in (
        "Friday, December 11, 2026",
        "Saturday, December 12, 2026",
        "Sunday, December 13, 2026",
    ):
        assert day in body
    assert "date=2026-12-11" in body


def test_closed_date_is_refused_with_its_reason(sample_person, client):
    VisitingSession.objects.create(
        key="test-closed",
        agency=sample_person.agency,
        facility=sample_person.facility,
        entry=EntryKind.CLOSED,
        date=datetime(2026, 12, 5).date(),
        note="Staff training day.",
    )
    body = client.get(plan_url(date="2026-12-05")).content.decode()
    assert "has no visiting on Saturday, December 5, 2026" in body
    assert "Staff training day." in body
    assert "Sunday, December 6, 2026" in body


def test_alert_for_that_day_is_shown_and_other_days_are_not(sample_person, client):
    FacilityAlert.objects.create(
        agency=sample_person.agency,
        facility=sample_person.facility,
        kind=AlertKind.LOCKDOWN,
        title="Lockdown",
        message="No visits this weekend.",
        starts_at=datetime(2026, 12, 4, 6, 0, tzinfo=CHICAGO),
        ends_at=datetime(2026, 12, 6, 6, 0, tzinfo=CHICAGO),
    )
    body = client.get(plan_url(date="2026-12-05")).content.decode()
    assert "No visits this weekend." in body and "answer--warn" in body
    body = client.get(plan_url(date="2026-12-11")).content.decode()
    assert "No visits this weekend." not in body and "answer--yes" in body


def test_person_with_no_known_facility_is_asked_for_one(make_person, client):
    person = make_person("Sam", "Lee", facility_code=None)
    response = client.get(plan_url(doc_id=person.doc_id))
    assert response.status_code == 400
    assert "We do not know where this person is held now." in response.content.decode()


def test_treatment_center_says_call_to_confirm(missouri, client):
    body = client.get(plan_url(doc_id="", facility="maryville-treatment-center")).content.decode()
    assert "Call the facility to confirm before you go." in body


@pytest.mark.parametrize(
    ("ages", "stop"),
    [
        ({"age_1": "17"}, True),
        ({"age_1": "12"}, True),
        ({"age_1": "17", "married_1": "on"}, False),
        ({"age_1": "18"}, False),
        ({"age_1": "13", "age_2": "18"}, False),
    ],
)
def test_minor_without_adult_is_a_clear_stop(sample_person, client, ages, stop):
    params = {"go": "1", "doc_id": "7000001", "date": "2026-12-04", **ages}
    query = "&".join(f"{k}={v}" for k, v in params.items())
    body = client.get(f"/visits/plan/?{query}").content.decode()
    assert ("No: this visit will be refused as planned." in body) is stop
    assert ("must come with an approved adult visitor, and no one" in body) is stop


def test_print_view_has_the_answer_without_the_form(sample_person, client):
    response = client.get(plan_url(print="1"))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Visit to Algoa Correctional Center, Friday, December 4, 2026" in body
    assert "Plan my visit" not in body
    assert 'class="checklist"' in body


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"date": "2026-11-22"}, "That day has passed."),
        ({"date": "2027-11-25"}, "Choose a day within the next year."),
        ({"date": "2026-02-30"}, "Enter a real date"),
        ({"date": "nonsense"}, "Enter a real date"),
        ({"date": ""}, "Enter the day you want to visit."),
        ({"date": "2026-12-04%00"}, "Enter a real date"),
        ({"doc_id": "9999999"}, "We cannot find DOC ID 9999999."),
        ({"doc_id": "1" * 5000}, "Ensure this value has at most"),
        ({"doc_id": "abc"}, "A DOC ID has digits only"),
        ({"doc_id": "", "name": "%20%20%20"}, "Choose the facility they are in."),
        ({"doc_id": "", "facility": "no-such-place"}, "Select a valid choice."),
        ({"doc_id": ""}, "Choose the facility they are in."),
        ({"age_1": "-1"}, "The age cannot be below 0."),
        ({"age_1": "99999999999999999999"}, "Enter an age of 120 or less."),
        ({"age_1": ""}, "Enter the age of the first visitor."),
        ({"age_1": "x%00"}, "Enter the age as a whole number"),
    ],
)
def test_bad_input_gets_a_clear_message_and_400(sample_person, client, params, message):
    response = client.get(plan_url(**params))
    assert response.status_code == 400
    assert message in response.content.decode()


# ---------- the calendar file ----------


def ics_url(**extra):
    return plan_url(**extra).replace("/visits/plan/?", "/visits/plan/visit.ics?")


def test_calendar_file_holds_the_session_in_utc_with_place_and_reminders(sample_person, client):
    response = client.get(ics_url(date="2026-12-04", age_2="15", session="2"))
    text = response.content.decode()
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert 'filename="visit-acc-2026-12-04.ics"' in response["Content-Disposition"]
    lines = text.replace("\r\n ", "").split("\r\n")
    assert "DTSTART:20261204T203000Z" in lines  # 2:30 p.m. CST
    assert "DTEND:20261205T003000Z" in lines
    assert "SUMMARY:Visit at Algoa Correctional Center" in lines
    assert any(line.startswith("LOCATION:Algoa Correctional Center\\, 8501") for line in lines)
    description = next(line for line in lines if line.startswith("DESCRIPTION:Arrive"))
    assert "2:30 p.m." in description and "school photo ID" in description
    assert "TRIGGER:-PT1440M" in lines and "TRIGGER:-PT120M" in lines


@pytest.mark.parametrize(
    ("date", "start"),
    [
        ("2026-10-31", "DTSTART:20261031T143000Z"),  # Saturday: still daylight time
        ("2026-11-01", "DTSTART:20261101T153000Z"),  # Sunday: standard time from 2 a.m.
        ("2027-03-13", "DTSTART:20270313T153000Z"),  # Saturday: standard time
        ("2027-03-14", "DTSTART:20270314T143000Z"),  # Sunday: daylight time from 2 a.m.
    ],
)
def test_calendar_file_follows_daylight_saving(sample_person, client, date, start):
    when = datetime(2026, 10, 20, 12, 0, tzinfo=CHICAGO)
    if date.startswith("2027"):
        when = datetime(2027, 3, 1, 12, 0, tzinfo=CHICAGO)
    with time_machine.travel(when, tick=False):
        response = client.get(ics_url(date=date))
    assert response.status_code == 200
    assert start in response.content.decode().split("\r\n")


@pytest.mark.parametrize(
    "params",
    [
        {"date": "2026-12-07"},
        {"date": "nonsense"},
        {"session": "3"},
        {"session": "x"},
        {"doc_id": "9999999"},
    ],
)
def test_calendar_file_for_a_bad_plan_is_a_400(sample_person, client, params):
    assert client.get(ics_url(**params)).status_code == 400


# ---------- the visitor list ----------


def list_url(**answers):
    return "/visits/list/?go=1&" + "&".join(f"{k}={v}" for k, v in answers.items())


def test_list_page_explains_the_steps(missouri, client, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        response = client.get("/visits/list/")
    body = response.content.decode()
    assert response.status_code == 200
    assert "up to 20 visitors" in body
    assert "Do not send it to the person." in body
    assert "You may be on only one person" in body


@pytest.mark.parametrize(
    ("answers", "verdict", "detail"),
    [
        (
            {"on_other_list": "no", "supervised": "no", "married": "no"},
            "Yes, you can ask to be added.",
            "mail you a visiting application",
        ),
        (
            {"on_other_list": "yes", "family_of_both": "no", "supervised": "no", "married": "no"},
            "No, you cannot be added as things are.",
            "take you off their list",
        ),
        (
            {"on_other_list": "yes", "family_of_both": "yes", "supervised": "no", "married": "no"},
            "Yes, you can ask to be added, but read",
            "you may be on both lists",
        ),
        (
            {"on_other_list": "no", "supervised": "yes", "married": "no"},
            "Yes, you can ask to be added, but read",
            "probation and parole officer",
        ),
        (
            {"on_other_list": "no", "supervised": "no", "married": "yes"},
            "Yes, you can ask to be added, but read",
            "marriage license",
        ),
    ],
)
def test_list_eligibility_answers(missouri, client, answers, verdict, detail):
    response = client.get(list_url(**answers))
    body = response.content.decode()
    assert response.status_code == 200
    assert verdict in body and detail in body


@pytest.mark.parametrize(
    "answers",
    [
        {},
        {"on_other_list": "yes", "supervised": "no", "married": "no"},
        {"on_other_list": "maybe\x00", "supervised": "no", "married": "no"},
    ],
)
def test_list_check_with_missing_answers_is_a_400(missouri, client, answers):
    response = client.get("/visits/list/", {"go": "1", **answers})
    assert response.status_code == 400
    assert "There is a problem" in response.content.decode()


# ---------- the infant carry-all ----------


def field(key):
    return "qty_missouri_doc_" + key.replace("-", "_")


@pytest.mark.parametrize(("diapers", "ok"), [(6, True), (7, False)])
def test_carry_all_diapers(missouri, client, diapers, ok, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        response = client.get(
            "/visits/carry-all/", {"go": "1", field("diapers"): diapers, field("blanket"): 1}
        )
    body = response.content.decode()
    assert response.status_code == 200
    assert "One clear carry-all for the baby" in body
    if ok:
        assert "Yes, these amounts are allowed." in body
    else:
        assert "No, some items are over the limit." in body and "Take out 1." in body


def test_carry_all_limits_come_from_the_data(missouri, client):
    CarryAllItem.objects.filter(key="missouri-doc-diapers").update(max_quantity=8)
    body = client.get("/visits/carry-all/", {"go": "1", field("diapers"): 7}).content.decode()
    assert "Yes, these amounts are allowed." in body


@pytest.mark.parametrize(
    "params", [{}, {field("diapers"): "-1"}, {field("diapers"): "1e9"}, {field("diapers"): "\x00"}]
)
def test_carry_all_bad_input_is_a_400(missouri, client, params):
    response = client.get("/visits/carry-all/", {"go": "1", **params})
    assert response.status_code == 400
    assert "There is a problem" in response.content.decode()
