"""Video visits: the guide, the planner, its print view and its calendar file.

Views only gather rule objects and the visitor's answers; the decisions are in
visits/video_rules.py.
"""

from datetime import timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Q
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from portal import clock
from portal.cache import cached_page, fragment_key
from portal.forms import bind_get_form
from portal.ics import Event, Reminder, ics_response
from portal.models import Facility, FacilityAlert
from portal.views import render_form_page
from visits import video_rules
from visits.models.video import (
    VideoAnswer,
    VideoEligibilityRule,
    VideoKind,
    VideoPointTopic,
    VideoVisitPoint,
    VideoVisitRules,
)
from visits.video_forms import VideoPlanForm


def _default_rules(now) -> VideoVisitRules | None:
    return video_rules.current_rules(
        VideoVisitRules.objects.filter(agency__slug=settings.DEFAULT_AGENCY_SLUG), now
    )


def _unavailable(request):
    return render(request, "visits/video/unavailable.html", status=503)


def _points_by_topic(agency_id, now, topics=None) -> dict[str, list[VideoVisitPoint]]:
    points = VideoVisitPoint.objects.current(now).filter(agency_id=agency_id)
    if topics:
        points = points.filter(topic__in=topics)
    grouped: dict[str, list[VideoVisitPoint]] = {}
    for point in points.order_by("order", "key"):
        grouped.setdefault(point.topic, []).append(point)
    return grouped


def _eligibility(agency_id, now) -> list[VideoEligibilityRule]:
    return list(
        VideoEligibilityRule.objects.current(now)
        .filter(agency_id=agency_id)
        .select_related("only_if")
        .order_by("order", "key")
    )


@require_safe
@cached_page
def index(request):
    now = clock.now()
    rules = _default_rules(now)
    if rules is None:
        return _unavailable(request)
    points = _points_by_topic(rules.agency_id, now)
    facilities = list(
        Facility.objects.active()
        .filter(agency_id=rules.agency_id)
        .filter(Q(onsite_video_visits=True) | Q(remote_video_visits=True))
    )
    context = {
        "rules": rules,
        "agency": rules.agency,
        "general": points.get(VideoPointTopic.GENERAL, []),
        "setup": points.get(VideoPointTopic.SETUP, []),
        "prohibited": points.get(VideoPointTopic.PROHIBITED, []),
        "consequences": points.get(VideoPointTopic.CONSEQUENCE, []),
        "refunds": points.get(VideoPointTopic.REFUND, []),
        "eligibility": [r for r in _eligibility(rules.agency_id, now) if r.rule],
        "facilities": facilities,
    }
    return render(request, "visits/video/index.html", context)


def _who_query(form) -> str:
    """The query that fills in the same person or facility on another guide."""
    if form.person is not None:
        return f"doc_id={form.person.doc_id}"
    facility = form.chosen_facility
    return f"facility={facility.slug}" if facility else ""


def _with_query(url: str, query: str) -> str:
    if not query or not url.startswith("/"):
        return url
    return f"{url}{'&' if '?' in url else '?'}{query}"


def _answer(request, form, rules, eligibility, now, tz) -> dict:
    """Everything the answer shows, for the planner, its print view and its calendar."""
    facility = form.chosen_facility
    kind = form.cleaned_data["kind"]
    blocks = form.cleaned_data.get("blocks") or 1
    if facility.agency_id != rules.agency_id:
        # A facility of another agency follows that agency's rules.
        rules = video_rules.current_rules(
            VideoVisitRules.objects.filter(agency_id=facility.agency_id), now
        )
        if rules is None:
            return {"answer": None}
        tz = ZoneInfo(rules.agency.time_zone)
        eligibility = _eligibility(rules.agency_id, now)

    offered = video_rules.offers(facility, kind)
    findings = video_rules.check_eligibility(eligibility, form.answers, kind)
    plan = video_rules.plan_visit(rules, kind, form.start, blocks, now, tz) if offered else None
    verdict = video_rules.verdict(offered, findings, plan)
    who = _who_query(form)
    other_kind = VideoKind.ONSITE if kind == VideoKind.REMOTE else VideoKind.REMOTE

    context = {
        "answer": True,
        "rules": rules,
        "tz_name": rules.agency.time_zone,
        "facility": facility,
        "person": form.person,
        "kind": kind,
        "is_remote": kind == VideoKind.REMOTE,
        "offered": offered,
        "other_kind_offered": video_rules.offers(facility, other_kind),
        "plan": plan,
        "verdict": verdict,
        "stops": [
            (f, _with_query(f.rule.next_url, who))
            for f in findings
            if f.outcome == video_rules.STOPS
        ],
        "checks": [
            (f, _with_query(f.rule.next_url, who))
            for f in findings
            if f.outcome == video_rules.CHECK
        ],
        "answered": [
            (f.rule.question, VideoAnswer(f.answer).label)
            for f in findings
            if f.outcome != video_rules.SKIPPED and f.answer
        ],
        "who_query": who,
        "in_person_url": _with_query(reverse("visits:plan"), who),
    }
    if not offered:
        field = "remote_video_visits" if kind == VideoKind.REMOTE else "onsite_video_visits"
        context["alternatives"] = list(
            Facility.objects.active().filter(agency_id=facility.agency_id, **{field: True})
        )
        return context

    if verdict in (video_rules.YES, video_rules.CHECK_FIRST):
        points = _points_by_topic(
            rules.agency_id, now, topics=[VideoPointTopic.SETUP, VideoPointTopic.REFUND]
        )
        context["setup"] = [p for p in points.get(VideoPointTopic.SETUP, []) if p.applies(kind)]
        context["refunds"] = [p for p in points.get(VideoPointTopic.REFUND, []) if p.applies(kind)]
    context["alerts"] = list(
        (
            FacilityAlert.objects.current(now)
            | FacilityAlert.objects.overlapping_day(plan.start.date(), tz)
        ).for_facility(facility)
    )
    query = request.GET.copy()
    query["go"] = "1"
    context["ics_url"] = f"{reverse('visits:video_plan_ics')}?{query.urlencode()}"
    context["print_url"] = f"{reverse('visits:video_plan_print')}?{query.urlencode()}"
    if plan.same_time_later is not None:
        later = query.copy()
        later["day"] = plan.same_time_later.strftime("%Y-%m-%d")
        later["start_time"] = plan.same_time_later.strftime("%H:%M")
        context["later_url"] = f"{reverse('visits:video_plan')}?{later.urlencode()}#answer"
    return context


def _planner(request):
    """The bound planner form and its answer, or (None, response) to send at once."""
    now = clock.now()
    rules = _default_rules(now)
    if rules is None:
        return None, _unavailable(request)
    tz = ZoneInfo(rules.agency.time_zone)
    eligibility = _eligibility(rules.agency_id, now)
    form = bind_get_form(
        VideoPlanForm, request, rules=rules, eligibility_rules=eligibility, now=now, tz=tz
    )
    context = {
        "form": form,
        "rules": rules,
        "agency": rules.agency,
        "tz_name": rules.agency.time_zone,
        "now": now,
    }
    if form.is_bound and form.is_valid():
        context.update(_answer(request, form, rules, eligibility, now, tz))
    return context, None


@require_safe
@cached_page(per_minute=True)
def plan(request):
    context, response = _planner(request)
    if response is not None:
        return response
    # The form reads the same all minute long unless it shows errors (which can say
    # "that time has passed"): then it is drawn each time.
    context["form_key"] = "" if context["form"].errors else fragment_key(request)
    context["form_seconds"] = settings.PAGE_CACHE_SECONDS
    return render_form_page(request, "visits/video/plan.html", context, context["form"])


def _back_to_planner(request):
    query = request.GET.urlencode()
    return redirect(f"{reverse('visits:video_plan')}{'?' + query if query else ''}")


@require_safe
@cached_page(per_minute=True)
def plan_print(request):
    """The answer alone, for paper: no form, no links that only work on a screen."""
    context, response = _planner(request)
    if response is not None:
        return response
    if not context.get("answer"):
        return _back_to_planner(request)
    return render(request, "visits/video/plan_print.html", context)


@require_safe
def plan_ics(request):
    """The planned visit as a calendar file, with its reminders."""
    context, response = _planner(request)
    if response is not None:
        return response
    if not context.get("answer") or context["verdict"] not in (
        video_rules.YES,
        video_rules.CHECK_FIRST,
    ):
        return _back_to_planner(request)
    return ics_response(
        [_calendar_event(context)], stamp=context["now"], filename="video-visit.ics"
    )


def _when(moment, tz) -> str:
    local = moment.astimezone(tz)
    return f"{date_format(local, 'l, F j, Y')} {date_format(local, 'g:i a')}"


def _calendar_event(context) -> Event:
    plan, rules, facility = context["plan"], context["rules"], context["facility"]
    tz = ZoneInfo(rules.agency.time_zone)
    person = context["person"]
    if context["is_remote"]:
        summary = (
            _("Video visit from home with %(name)s") % {"name": person.full_name}
            if person
            else _("Video visit from home, %(facility)s") % {"facility": facility.name}
        )
        location = rules.provider_name
    else:
        summary = (
            _("Video visit at %(facility)s with %(name)s")
            % {"facility": facility.name, "name": person.full_name}
            if person
            else _("Video visit at %(facility)s") % {"facility": facility.name}
        )
        location = ", ".join(facility.address_lines)

    lines = [
        _("You can log in from: %(time)s") % {"time": _when(plan.visitor_login, tz)},
        _("The visit ends: %(time)s") % {"time": _when(plan.end, tz)},
    ]
    if plan.cost.is_free:
        lines.append(_("Cost: free"))
    else:
        lines.append(
            _("Cost: %(blocks)s x $%(price)s = $%(total)s")
            % {
                "blocks": plan.cost.blocks,
                "price": video_rules.money(plan.cost.price_per_block),
                "total": video_rules.money(plan.cost.total),
            }
        )
    if plan.cancel_by:
        lines.append(
            _("Last time to cancel for a credit: %(time)s") % {"time": _when(plan.cancel_by, tz)}
        )
    lines.append(
        _("Last time to book it through %(provider)s: %(time)s")
        % {"provider": rules.provider_name, "time": _when(plan.book_by, tz)}
    )

    reminders = []
    if plan.cancel_by and not plan.cancel_deadline_passed:
        reminders.append(
            Reminder(
                _("Last chance to cancel this video visit and get a credit."), at=plan.cancel_by
            )
        )
    reminders.append(
        Reminder(
            _("Your video visit starts soon. You can log in at %(time)s, not earlier.")
            % {"time": date_format(plan.visitor_login.astimezone(tz), "g:i a")},
            before=timedelta(
                minutes=rules.visitor_early_login_minutes + rules.reminder_minutes_before_login
            ),
        )
    )
    start_utc = plan.start.astimezone(tz).strftime("%Y%m%dT%H%M")
    return Event(
        uid=f"video-{plan.kind}-{facility.code}-{start_utc}@staying-connected",
        start=plan.start,
        end=plan.end,
        summary=summary,
        description="\n".join(str(line) for line in lines),
        location=location,
        reminders=reminders,
    )
