"""The money guide: compare the ways to add money, then a checklist for one person."""

import re
from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from funds import rules
from funds.forms import DepositForm
from funds.models import DepositMethod, Speed
from portal import clock
from portal.cache import cached_page
from portal.forms import SUBMITTED, bind_get_form
from portal.text import is_doc_id, normalize_doc_id
from portal.views import default_agency, render_form_page

SLUG = re.compile(r"[-a-z0-9_]+")


def methods_in_force(at=None) -> list[DepositMethod]:
    return list(
        DepositMethod.objects.current(at)
        .filter(agency__slug=settings.DEFAULT_AGENCY_SLUG)
        .select_related("agency")
    )


def _agency(methods):
    return methods[0].agency if methods else default_agency()


def _facts(methods) -> dict:
    """The footer's "last reviewed" (the oldest review) and every source used."""
    reviewed = [m.last_reviewed for m in methods if m.last_reviewed]
    # Rows often share a source, or extend one ("<source>; <more>"): name each part once.
    sources = list(dict.fromkeys(p.strip() for m in methods for p in m.source.split(";")))
    sources = [s for s in sources if s]
    return {"reviewed": min(reviewed) if reviewed else None, "source": "; ".join(sources)}


def _questions(methods) -> DepositMethod | None:
    return next((m for m in methods if m.questions_phone), None)


def _prefill_query(request) -> str:
    """The person part of the address (?doc_id=... or ?facility=...), kept on links.

    Only a well-formed DOC ID or facility slug is carried over; anything else is dropped.
    """
    kept = {}
    doc_id = normalize_doc_id(request.GET.get("doc_id", "")[:32])
    if is_doc_id(doc_id):
        kept["doc_id"] = doc_id
    facility = request.GET.get("facility", "")[:80]
    if SLUG.fullmatch(facility):
        kept["facility"] = facility
    return urlencode(kept)


def _with_method(form, request, methods):
    """Pre-select the way to pay from ?method= on an unsubmitted form."""
    key = request.GET.get("method", "")
    if not form.is_bound and any(m.key == key for m in methods):
        form.initial["method"] = key
    return form


@require_safe
@cached_page
def index(request):
    if request.GET.get(SUBMITTED):
        # An answer asked of this page: the checklist page gives it.
        return redirect(reverse("funds:checklist") + "?" + request.GET.urlencode())
    methods = methods_in_force(clock.now())
    form = _with_method(bind_get_form(DepositForm, request, methods=methods), request, methods)
    compared = [
        {
            "method": method,
            "fastest": method.speed == Speed.FASTEST,
            "needs": rules.needs(method),
            "how": rules.how_to_pay(method),
            "where": rules.where_it_goes(method),
            "fee": rules.fee_text(method),
        }
        for method in methods
    ]
    context = {
        "form": form,
        "compared": compared,
        "questions": _questions(methods),
        "agency": _agency(methods),
        "prefill": _prefill_query(request),
        **_facts(methods),
    }
    return render(request, "funds/index.html", context)


def _answer_context(request, print_view: bool):
    methods = methods_in_force(clock.now())
    form = _with_method(bind_get_form(DepositForm, request, methods=methods), request, methods)
    context = {
        "form": form,
        "questions": _questions(methods),
        "agency": _agency(methods),
        "print_view": print_view,
        **_facts(methods),
    }
    if form.is_bound and form.is_valid():
        method = form.chosen_method
        recipient = form.recipient()
        context.update(
            method=method,
            recipient=recipient,
            answer=rules.answer(method, recipient),
            print_query=_answer_query(form),
            **_facts([method]),
        )
    return form, context


def _answer_query(form) -> str:
    """The checklist's own address, rebuilt from clean values only."""
    query = {SUBMITTED: "1"}
    if form.person is not None:
        query["doc_id"] = form.person.doc_id
    else:
        query["name"] = form.recipient_name
        if form.chosen_facility is not None:
            query["facility"] = form.chosen_facility.slug
    query["method"] = form.chosen_method.key
    return urlencode(query)


# Answers name the person: no browser or proxy may share a copy. (The page cache on
# the server keeps an answer for a DOC ID, never one asked with a typed name.)
@cache_control(private=True)
@require_safe
@cached_page
def checklist(request):
    form, context = _answer_context(request, print_view=False)
    return render_form_page(request, "funds/checklist.html", context, form)


@cache_control(private=True)
@require_safe
@cached_page
def print_view(request):
    form, context = _answer_context(request, print_view=True)
    if "answer" not in context:
        # Nothing to print yet: ask the questions (with any errors) first.
        return render_form_page(request, "funds/checklist.html", context, form)
    return render(request, "funds/print.html", context)
