"""The mail guide: where each kind of mail goes, a photo size check, and an envelope."""

from django.conf import settings
from django.shortcuts import render
from django.utils.http import urlencode
from django.utils.translation import gettext
from django.views.decorators.http import require_safe

from mail import rules
from mail.forms import EnvelopeForm, MailForm, PhotoSizeForm
from mail.models import DeliveryMethod, MailDestination, MailItem, MailItemRule, PhotoLimit, SendTo
from portal import clock
from portal.cache import cached_page
from portal.forms import SUBMITTED, bind_get_form
from portal.models import Inmate
from portal.ratelimit import count_doc_id_lookup
from portal.text import is_doc_id, normalize_doc_id
from portal.views import render_form_page


def _rules(model, at):
    """This agency's rows in force at `at`: one query each."""
    return list(model.objects.current(at).filter(agency__slug=settings.DEFAULT_AGENCY_SLUG))


def _newest_review(*groups):
    dates = [row.last_reviewed for group in groups for row in group if row.last_reviewed]
    return max(dates, default=None)


def _source(*groups):
    return next((row.source for group in groups for row in group if row.source), "")


def _prefilled(form_class, request):
    """An unbound form filled in from a link's ?doc_id=, ?facility= or ?name=."""
    initial = {key: request.GET.get(key, "")[:100] for key in ("doc_id", "facility", "name")}
    return form_class(initial={key: value for key, value in initial.items() if value})


@require_safe
@cached_page
def index(request):
    at = clock.now()
    day = clock.local_date(at)
    destinations = _rules(MailDestination, at)
    item_rules = _rules(MailItemRule, at)
    limits = _rules(PhotoLimit, at)
    deliveries = _rules(DeliveryMethod, at)
    labels = dict(MailItem.choices)
    allowed = [r for r in item_rules if r.allowed]
    context = {
        # The form sends its answers to mail:answer; here it is only pre-filled from a link.
        "form": _prefilled(MailForm, request),
        "personal": rules.destination_for(SendTo.PERSONAL, destinations, day),
        "facility_mail": rules.destination_for(SendTo.FACILITY, destinations, day),
        "personal_rules": [(labels[r.item], r) for r in allowed if r.send_to == SendTo.PERSONAL],
        "facility_rules": [(labels[r.item], r) for r in allowed if r.send_to == SendTo.FACILITY],
        "refused_rules": [(labels[r.item], r) for r in item_rules if not r.allowed],
        "photo_limit": next(iter(rules.in_force(limits, day)), None),
        "deliveries": rules.deliveries_on(deliveries, day),
        "reviewed": _newest_review(destinations, item_rules, limits, deliveries),
        "source": _source(destinations, item_rules),
        "sample_lines": None,
    }
    personal = context["personal"]
    if personal and not personal.uses_facility_address:
        # Shows the layout with placeholders; the form below fills in the real person.
        context["sample_lines"] = [
            personal.recipient_line(gettext("Their full name"), gettext("DOC ID number")),
            *personal.street_lines(None),
        ]
    person = _linked_person(request)
    if person:
        # From a person's page: their own addresses, ready to copy.
        context["person"] = person
        if personal:
            context["person_lines"] = rules.address_block(
                personal, person.full_name, person.doc_id, person.facility
            )
        if context["facility_mail"]:
            context["person_facility_lines"] = rules.address_block(
                context["facility_mail"], person.full_name, person.doc_id, person.facility
            )
    return render(request, "mail/index.html", context)


def _linked_person(request) -> Inmate | None:
    doc_id = normalize_doc_id(request.GET.get("doc_id", "")[:32])
    if not is_doc_id(doc_id):
        return None
    count_doc_id_lookup(request)  # it shows their name: the search's limit applies
    return (
        Inmate.objects.select_related("facility")
        .filter(doc_id=doc_id, agency__slug=settings.DEFAULT_AGENCY_SLUG)
        .first()
    )


@require_safe
@cached_page
def answer(request):
    form = bind_get_form(MailForm, request)
    context = {"form": form}
    if form.is_bound and form.is_valid():
        at = clock.now()
        day = clock.local_date(at)
        items = form.chosen_items()
        destinations = _rules(MailDestination, at)
        item_rules = _rules(MailItemRule, at)
        wants_photo = any(item == MailItem.PHOTO for item, _label in items)
        limits = _rules(PhotoLimit, at) if wants_photo else []
        doc_id = form.person.doc_id if form.person else ""
        result = rules.answer_mail(
            items,
            item_rules,
            destinations,
            day,
            form.recipient_name,
            doc_id,
            form.chosen_facility,
        )
        context.update(
            {
                "result": result,
                "person": form.person,
                "facility": form.chosen_facility,
                "photo_limit": limits[0] if limits else None,
                "who": _who_query(form),
                "reviewed": _newest_review(destinations, item_rules, limits),
                "source": _source(destinations, item_rules),
            }
        )
        return render(request, "mail/answer.html", context)
    return render_form_page(request, "mail/form.html", context, form)


def _who_query(form) -> str:
    """The person, for links to the envelope: their DOC ID, or name and facility."""
    if form.person:
        return urlencode({"doc_id": form.person.doc_id})
    facility = form.chosen_facility
    return urlencode({"name": form.recipient_name, "facility": facility.slug if facility else ""})


@require_safe
@cached_page
def photo_size(request):
    form = PhotoSizeForm(request.GET) if request.GET.get(SUBMITTED) else PhotoSizeForm()
    at = clock.now()
    limits = _rules(PhotoLimit, at)
    context = {"form": form, "verdict": None, "limit": limits[0] if limits else None}
    if form.is_bound and form.is_valid():
        context["verdict"] = rules.check_photo(
            form.cleaned_data["width"], form.cleaned_data["height"], limits, clock.local_date(at)
        )
        context["width"] = form.cleaned_data["width"]
        context["height"] = form.cleaned_data["height"]
    if limits:
        context.update(reviewed=limits[0].last_reviewed, source=limits[0].source)
    return render_form_page(request, "mail/photo_size.html", context, form)


@require_safe
@cached_page
def envelope(request):
    form = bind_get_form(EnvelopeForm, request)
    if not form.is_bound and request.GET.get("item") in MailItem.values:
        form.initial["item"] = request.GET["item"]
    context = {"form": form}
    if form.is_bound and form.is_valid():
        at = clock.now()
        day = clock.local_date(at)
        item = form.cleaned_data["item"]
        doc_id = form.person.doc_id if form.person else ""
        context["item_answer"] = rules.answer_item(
            item,
            dict(MailItem.choices)[item],
            _rules(MailItemRule, at),
            _rules(MailDestination, at),
            day,
            form.recipient_name,
            doc_id,
            form.chosen_facility,
        )
        context["missing_doc_id"] = not doc_id
        return render(request, "mail/envelope.html", context)
    return render_form_page(request, "mail/envelope_form.html", context, form)
