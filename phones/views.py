"""The phone guide: how calls work, what to set up for your phone, and what calls cost."""

from django.conf import settings
from django.shortcuts import render
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from phones.forms import CostForm, PhoneForm
from phones.models import CallRate, CallRule, CallRuleKind, CallType, PhoneProvider
from phones.rules import (
    PayChoice,
    PhoneChoice,
    advise,
    current_call_types,
    current_rates,
    estimate_all,
    pick_provider,
    rules_of_kind,
    sources,
)
from portal import clock
from portal.cache import cached_page
from portal.forms import bind_get_form
from portal.views import render_form_page


def _agency_filter(facility) -> dict:
    """Rules of the facility's agency, or of the default agency when no facility is known."""
    if facility is not None:
        return {"agency_id": facility.agency_id}
    return {"agency__slug": settings.DEFAULT_AGENCY_SLUG}


def _provider(at, facility=None) -> PhoneProvider | None:
    return pick_provider(PhoneProvider.objects.current(at).filter(**_agency_filter(facility)))


def _call_types(at, facility=None) -> list[CallType]:
    return current_call_types(CallType.objects.current(at).filter(**_agency_filter(facility)))


def _phone_rules(at, facility=None):
    rules = list(CallRule.objects.current(at).filter(**_agency_filter(facility)))
    return _provider(at, facility), _call_types(at, facility), rules


def _rates(at, facility, call_types) -> list[CallRate]:
    """Rates recorded for the facility, for the kinds of call in force."""
    if facility is None:
        return []
    in_force = {t.pk: t for t in call_types}
    rates = [
        rate
        for rate in CallRate.objects.current(at).filter(facility=facility)
        if rate.call_type_id in in_force
    ]
    for rate in rates:  # the kinds of call are already loaded
        rate.call_type = in_force[rate.call_type_id]
        rate.facility = facility
    return current_rates(rates)


def _who_query(form) -> str:
    """The part of a link that keeps who the answer is for."""
    if form.person is not None:
        return f"doc_id={form.person.doc_id}"
    if form.chosen_facility is not None:
        return f"facility={form.chosen_facility.slug}"
    return ""


@require_safe
@cached_page
def index(request):
    at = clock.now()
    form = PhoneForm(initial=bind_get_form(PhoneForm, request).initial)
    provider, call_types, rules = _phone_rules(at)
    context = {
        "form": form,
        "provider": provider,
        "call_types": call_types,
        "they_call_you": rules_of_kind(rules, CallRuleKind.THEY_CALL_YOU),
        "drops": rules_of_kind(rules, CallRuleKind.DROPS_CALL),
        "monitored": rules_of_kind(rules, CallRuleKind.MONITORED),
        "limits": rules_of_kind(rules, CallRuleKind.LIMITS_CALLS),
        "cost": rules_of_kind(rules, CallRuleKind.COST),
        "local_tips": rules_of_kind(rules, CallRuleKind.LOCAL_NUMBER),
        "prefill_query": _prefill_query(request),
        "sources": sources([provider], call_types, rules),
    }
    return render(request, "phones/index.html", context)


def _prefill_query(request) -> str:
    """?doc_id=... or ?facility=... as the page was opened with, for onward links."""
    for key in ("doc_id", "facility"):
        value = request.GET.get(key, "")[:100]
        if value:
            return urlencode({key: value})
    return ""


@require_safe
@cached_page
def answer(request):
    at = clock.now()
    form = bind_get_form(PhoneForm, request)
    if not form.is_bound:
        # "Change your answers" links carry the earlier answers back into the form.
        for key, choices in (("phone", PhoneChoice), ("pay", PayChoice)):
            if request.GET.get(key) in choices.values:
                form.initial[key] = request.GET[key]
    if not (form.is_bound and form.is_valid()):
        return render_form_page(request, "phones/questions.html", {"form": form}, form)

    facility = form.chosen_facility
    provider, call_types, rules = _phone_rules(at, facility)
    advice = advise(
        form.cleaned_data["phone"],
        form.cleaned_data["pay"],
        call_types,
        rules,
        provider,
        facility,
    )
    who = _who_query(form)
    rates = _rates(at, facility, call_types)
    context = {
        "advice": advice,
        "person": form.person,
        "facility": facility,
        "provider": provider,
        "rates": rates,
        "sources": sources([provider], call_types, rules, rates),
        "who_query": who,
        "change_query": "&".join(
            part
            for part in (
                f"phone={advice.phone}",
                f"pay={advice.pay}",
                who,
            )
            if part
        ),
        "today": clock.local_date(at),
    }
    return render(request, "phones/answer.html", context)


@require_safe
@cached_page
def cost(request):
    at = clock.now()
    form = bind_get_form(CostForm, request)
    context = {"form": form}
    if form.is_bound and form.is_valid():
        facility = form.chosen_facility
        if facility is None:
            # A DOC ID of someone whose facility we do not know.
            form.add_error(
                "doc_id",
                _(
                    "We do not know where this person is held. Leave the DOC ID empty "
                    "and choose the facility they are in."
                ),
            )
        else:
            provider = _provider(at, facility)
            rates = _rates(at, facility, _call_types(at, facility))
            context.update(
                {
                    "facility": facility,
                    "person": form.person,
                    "provider": provider,
                    "calls": form.cleaned_data["calls"],
                    "minutes": form.cleaned_data["minutes"],
                    "estimates": estimate_all(
                        rates, form.cleaned_data["calls"], form.cleaned_data["minutes"]
                    ),
                    "who_query": _who_query(form),
                    "sources": sources([provider], rates),
                }
            )
    return render_form_page(request, "phones/cost.html", context, form)
