"""In-person visits: the guide with weekly hours, the visitor list, the planner, the carry-all."""

from collections import defaultdict
from datetime import timedelta
from zoneinfo import ZoneInfo

from django.http import HttpResponseBadRequest
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.formats import time_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from portal import clock
from portal.cache import cached_page
from portal.forms import bind_get_form
from portal.ics import Event, Reminder, ics_response
from portal.models import Facility, FacilityAlert
from portal.views import default_agency, render_form_page
from visits import rules
from visits.forms import CarryAllForm, ListCheckForm, PlanForm
from visits.models import (
    CarryAllItem,
    IdRule,
    Topic,
    VisitingSession,
    VisitorListPolicy,
    VisitRule,
)

# The planner's checklist: these topics become tick boxes, in this order.
CHECKLIST_TOPICS = [Topic.BRING, Topic.LEAVE, Topic.DRESS]
# The guide's sections after the hours, in reading order.
GUIDE_TOPICS = [
    Topic.BRING,
    Topic.LEAVE,
    Topic.MEDICINE,
    Topic.EQUIPMENT,
    Topic.INFANT,
    Topic.DRESS,
    Topic.CONTACT,
    Topic.SEARCH,
    Topic.FOOD,
    Topic.PHOTOS,
    Topic.VENDING,
    Topic.SANCTIONS,
]


def _rules_by_topic(agency, at) -> dict[str, list[VisitRule]]:
    grouped = defaultdict(list)
    for rule in VisitRule.objects.current(at).filter(agency=agency):
        grouped[rule.topic].append(rule)
    return grouped


def _rules_by_key(grouped, agency) -> dict[str, VisitRule]:
    """Rules by the end of their key ("missouri-doc-list-officer" -> "list-officer")."""
    out = {}
    for topic_rules in grouped.values():
        for rule in topic_rules:
            out[rule.key.removeprefix(f"{agency.slug}-").replace("-", "_")] = rule
    return out


def _latest_review(*groups):
    days = [r.last_reviewed for group in groups for r in group if r.last_reviewed]
    return max(days) if days else None


def facility_hours_context(facility: Facility, at=None) -> dict:
    """What `visits/_hours_table.html` needs for one facility (one query).

    For the facility page: add `**facility_hours_context(facility)` to its context
    and include the template in its `facility_extra` block.
    """
    today = clock.local_date(at)
    rows = list(VisitingSession.objects.filter(agency_id=facility.agency_id))
    return {"hours": rules.weekly_hours(facility, rows, today), "hours_facility": facility}


@require_safe
@cached_page
def index(request):
    agency = default_agency()
    at = clock.now()
    groups, grouped_rules, policy = [], {}, None
    if agency:
        facilities = list(Facility.objects.active().filter(agency=agency))
        rows = list(VisitingSession.objects.filter(agency=agency))
        today = clock.local_date(at)
        by_signature: dict[tuple, dict] = {}
        for facility in facilities:
            hours = rules.weekly_hours(facility, rows, today)
            key = (hours.signature, tuple(s.pk for s in hours.upcoming))
            group = by_signature.setdefault(key, {"hours": hours, "facilities": []})
            group["facilities"].append(facility)
        groups = sorted(by_signature.values(), key=lambda g: -len(g["facilities"]))
        grouped_rules = _rules_by_topic(agency, at)
        policy = VisitorListPolicy.objects.current(at).filter(agency=agency).first()
    context = {
        "agency": agency,
        "groups": groups,
        "rules": grouped_rules,
        "before": grouped_rules.get(Topic.BEFORE, []),
        "hour_rules": grouped_rules.get(Topic.HOURS, []),
        "sections": [(t.value, t.label, grouped_rules.get(t, [])) for t in GUIDE_TOPICS],
        "policy": policy,
        "reviewed": _latest_review(*grouped_rules.values()),
    }
    return render(request, "visits/index.html", context)


@require_safe
@cached_page
def visitor_list(request):
    agency = default_agency()
    at = clock.now()
    form = bind_get_form(ListCheckForm, request)
    grouped = _rules_by_topic(agency, at) if agency else {}
    policy = VisitorListPolicy.objects.current(at).filter(agency=agency).first() if agency else None
    result = None
    if form.is_bound and form.is_valid():
        result = rules.list_eligibility(**form.answers(), policy=policy)
    context = {
        "form": form,
        "result": result,
        "policy": policy,
        "steps": grouped.get(Topic.VISITOR_LIST, []),
        "by_key": _rules_by_key(grouped, agency) if agency else {},
        "before": grouped.get(Topic.BEFORE, []),
        "reviewed": policy.last_reviewed if policy else None,
        "source": policy.source if policy else "",
    }
    return render_form_page(request, "visits/list.html", context, form)


def _plan(form, at) -> dict:
    """Everything the answer needs, for the page, the print view and the calendar file."""
    facility = form.chosen_facility
    agency = facility.agency
    tz = ZoneInfo(agency.time_zone)
    day = form.cleaned_data["date"]
    rows = list(VisitingSession.objects.filter(agency=agency))
    answer = rules.day_answer(facility, rows, day)
    upcoming = [] if answer.is_open else rules.next_open_days(facility, rows, day)
    alerts = list(FacilityAlert.objects.for_facility(facility).overlapping_day(day, tz))
    visitors = rules.check_visitors(
        form.visitors, list(IdRule.objects.current(day).filter(agency=agency))
    )
    items = (
        list(CarryAllItem.objects.current(day).filter(agency=agency))
        if form.cleaned_data.get("baby")
        else []
    )
    grouped = _rules_by_topic(agency, day)
    checklist = [(topic.label, grouped.get(topic, [])) for topic in CHECKLIST_TOPICS]
    if form.cleaned_data.get("medicine"):
        checklist.append((Topic.MEDICINE.label, grouped.get(Topic.MEDICINE, [])))
    if form.cleaned_data.get("equipment"):
        checklist.append((Topic.EQUIPMENT.label, grouped.get(Topic.EQUIPMENT, [])))
    if form.cleaned_data.get("baby"):
        checklist.append((Topic.INFANT.label, grouped.get(Topic.INFANT, [])))
    return {
        "facility": facility,
        "tz": tz,
        "day": day,
        "day_answer": answer,
        "upcoming": upcoming,
        "alerts": alerts,
        "visitors": visitors,
        "stopped": any(v.stopped for v in visitors),
        "carry_all": items,
        "checklist": checklist,
        "rules": grouped,
        "reviewed": _latest_review(*grouped.values()),
    }


@require_safe
@cached_page
def plan(request):
    form = bind_get_form(PlanForm, request)
    context = {"form": form, "print_view": request.GET.get("print") == "1"}
    if form.is_bound and form.is_valid():
        context.update(_plan(form, clock.now()))
        if form.person is not None:
            form.hide_facility_menu()
        query = request.GET.copy()
        query.pop("print", None)
        query.pop("session", None)
        context["query"] = query.urlencode()
        query.pop("date", None)
        context["query_without_date"] = query.urlencode()
    template = (
        "visits/plan_print.html"
        if context["print_view"] and "day" in context
        else "visits/plan.html"
    )
    return render_form_page(request, template, context, form)


@require_safe
def plan_ics(request):
    """The visit as a calendar file: one session of the planned day."""
    form = PlanForm(request.GET, request=request)
    if not form.is_valid():
        message = " ".join(str(e) for errors in form.errors.values() for e in errors)
        return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
    plan_data = _plan(form, clock.now())
    answer = plan_data["day_answer"]
    if not answer.is_open:
        return HttpResponseBadRequest(
            _("There is no visiting at this facility on that day."),
            content_type="text/plain; charset=utf-8",
        )
    try:
        index = int(request.GET.get("session", "1")) - 1
    except ValueError:
        index = -1
    if not 0 <= index < len(answer.sessions):
        return HttpResponseBadRequest(
            _("Choose one of the sessions listed on the plan."),
            content_type="text/plain; charset=utf-8",
        )
    session = answer.sessions[index]
    facility = plan_data["facility"]
    start, end = rules.session_moments(answer.day, session, plan_data["tz"])
    description = render_to_string(  # plain text: autoescape is off in the template
        "visits/plan_event.txt", {**plan_data, "session": session}, request=request
    ).strip()
    event = Event(
        uid=f"visit-{facility.code}-{answer.day:%Y%m%d}-{index + 1}@stayingconnected",
        start=start,
        end=end,
        summary=_("Visit at %(facility)s") % {"facility": facility.name},
        description=description,
        location=", ".join(facility.address_lines),
        reminders=[
            Reminder(
                _("Visit tomorrow: check for notices and pack your ID."), before=timedelta(days=1)
            ),
            Reminder(
                _("Visit starts at %(time)s. Do not arrive before then.")
                % {"time": time_format(session.start, "P")},
                before=timedelta(hours=2),
            ),
        ],
    )
    filename = f"visit-{facility.code.lower()}-{answer.day:%Y-%m-%d}.ics"
    return ics_response([event], clock.now(), filename)


@require_safe
@cached_page
def carry_all(request):
    agency = default_agency()
    at = clock.now()
    items = list(CarryAllItem.objects.current(at).filter(agency=agency)) if agency else []
    form = bind_get_form(CarryAllForm, request, items=items)
    verdicts = None
    if form.is_bound and form.is_valid():
        verdicts = rules.carry_all_verdicts(form.quantities(), items)
    context = {
        "form": form,
        "items": items,
        "verdicts": verdicts,
        "all_ok": verdicts is not None and all(v.ok for v in verdicts),
        "intro": (
            list(VisitRule.objects.current(at).filter(agency=agency, topic=Topic.INFANT))
            if agency
            else []
        ),
        "reviewed": _latest_review(items),
        "source": items[0].source if items else "",
    }
    return render_form_page(request, "visits/carry_all.html", context, form)
