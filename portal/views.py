"""Lookup in, guidance out: home, people search, person hub, facilities, health."""

from functools import lru_cache
from html import escape as escape_html
from urllib.parse import quote

from django.conf import settings
from django.db import connection
from django.db.models import Q
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import get_script_prefix, reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from portal.cache import PerVersion, cached_page, page_with_stand_ins
from portal.compiled import CompiledQuery
from portal.forms import FacilityFilterForm, PeopleSearchForm
from portal.models import (
    DOC_ID_SEARCH,
    Agency,
    Facility,
    FacilityAlert,
    Inmate,
    full_name,
    search_plan,
)
from portal.ratelimit import rate_limit
from portal.text import is_doc_id

# What a person's page shows of the person, besides whether they are fictional.
PERSON_FIELDS = ("first_name", "middle_name", "last_name", "doc_id")
PERSON_KEY_FIELDS = PERSON_FIELDS + ("is_fictional", "agency_id", "facility_id")
# A facility's id, not its name: the name comes from FACILITY_NAMES, not from a
# join on every search (PostgreSQL's time per surname search: about 150 down to
# about 125 microseconds).
RESULT_FIELDS = PERSON_FIELDS + ("is_fictional", "facility_id")


def _person_by_doc_id(doc_id: str):
    # Only the columns that pick a person's page and fill it in: the wide facility
    # and agency rows are read only when the page is drawn (once per facility), not
    # for every person asked.
    return Inmate.objects.filter(doc_id=doc_id).values_list(*PERSON_KEY_FIELDS)[:1]


def _search_results(*values: str, shape: tuple, limit: int):
    # Only what a result line shows: a facility row is wide (address, notes).
    found = Inmate.objects.planned_search(*values, shape=shape)[:limit]
    return found.values_list(*RESULT_FIELDS)


def _one_plan_fits(shape: tuple, limit: int) -> bool:
    # A DOC ID, or a last name alone: every person in the index's range matches, in
    # order, so walking the index to the limit is best whatever was typed. With a
    # first name too, or a name read two ways, the best plan depends on how many
    # people match each part (a one-letter surname and a rare first name took 125 ms
    # on the index walk, not 0.4 ms): PostgreSQL plans those with each search's values.
    return shape == DOC_ID_SEARCH or (len(shape) == 1 and len(shape[0]) == 1)


# Their SQL is made once and run with each request's values (portal/compiled.py).
PERSON_BY_DOC_ID = CompiledQuery(_person_by_doc_id)
SEARCH_RESULTS = CompiledQuery(_search_results, plan_once=_one_plan_fits)


def default_agency() -> Agency | None:
    return Agency.objects.filter(slug=settings.DEFAULT_AGENCY_SLUG).first()


def render_form_page(request, template: str, context: dict, form) -> HttpResponse:
    """Render a page with a form; a submitted form with errors answers 400."""
    status = 400 if form.is_bound and form.errors else 200
    return render(request, template, context, status=status)


@require_safe
@cached_page
def home(request):
    facilities = Facility.objects.active().only("name", "slug", "code")
    return render(
        request,
        "portal/home.html",
        {"search_form": PeopleSearchForm(), "facilities": facilities, "agency": default_agency()},
    )


@rate_limit("people")
@require_safe
def people_search(request):
    terms = PeopleSearchForm.terms(request.GET)
    if terms is None:  # nothing asked yet, or the form says what to change
        return _search_form(request)
    plan = search_plan(terms["q"], terms["first"])
    results = []
    if plan is not None:
        shape, values = plan
        results = SEARCH_RESULTS.rows(*values, shape=shape, limit=settings.PEOPLE_SEARCH_LIMIT)

    def draw(shown: dict[str, str]) -> HttpResponse:
        shown_form = PeopleSearchForm({"q": shown["q"], "first": shown["first"]})
        shown_form.is_valid()
        context = {"form": shown_form, "found": len(results), "result_lines": shown["results"]}
        context |= {"limit": settings.PEOPLE_SEARCH_LIMIT, "agency": default_agency()}
        return render(request, "portal/people_search.html", context)

    # One search's page differs from another's with as many people found only in
    # what was typed and the result lines: the rest is drawn once and reused.
    lines = result_lines(results, FACILITY_NAMES.get(request) if results else {})
    values = {"q": request.GET["q"], "first": request.GET.get("first", ""), "results": lines}
    return page_with_stand_ins(request, f"search|{len(results)}", values, draw)


@cached_page
def _search_form(request):
    # The form alone is the same for every family, so it is kept like a guide. A
    # form with errors answers 400 and is never kept.
    form = PeopleSearchForm(request.GET or None)
    context = {"form": form, "found": None, "agency": default_agency()}
    return render_form_page(request, "portal/people_search.html", context, form)


def _facility_names() -> dict[int, str]:
    return {pk: escape_html(name) for pk, name in Facility.objects.values_list("pk", "name")}


# Every facility's name by id, escaped, read once per content version: a rename
# shows on the next search, and a search shows one of a few names twenty times.
FACILITY_NAMES = PerVersion(_facility_names)


def result_lines(rows: list[tuple], facility_names: dict[int, str]) -> SafeString:
    """One <li> per person found (rows of RESULT_FIELDS): their name (a link to their
    page), DOC ID and facility (its name from `facility_names`, by id, escaped),
    and a tag on a demo person.

    Drawn in Python, not with a template: twenty lines through the template engine
    took longer than the rest of a search, page included. For the same reason the
    rows are plain values, not model instances, the words and the address around
    each DOC ID are worked out once per language (_result_words), and each value is
    escaped with the standard library's html.escape, which Django's escape calls too.
    Each call counts here, twenty times a search: a DOC ID of plain digits is neither
    escaped nor encoded, and a facility's name (one of a few) is escaped once per
    content version (FACILITY_NAMES).
    """
    doc_id_label, unknown, demo, before, after = _result_words(get_language(), get_script_prefix())
    lines = []
    for first, middle, last, doc_id, fictional, facility_id in rows:
        facility = facility_names.get(facility_id)
        if is_doc_id(doc_id):  # plain digits read the same escaped and encoded
            shown = in_address = doc_id
        else:
            shown, in_address = escape_html(doc_id), _in_address(doc_id)
        lines.append(
            f'<li><a href="{before}{in_address}{after}" class="result-list__name">'
            f"{escape_html(full_name(first, middle, last))}</a>"
            f" <span>{doc_id_label} {shown}</span>"
            f" <span>{facility or unknown}</span>"
            f"{demo if fictional else ''}</li>\n"
        )
    # Safe: every value in the lines is escaped above, or percent-encoded (_in_address).
    return mark_safe("".join(lines))  # noqa: S308  # nosec


# Stands for a DOC ID in a person's address while the rest of it is worked out.
_DOC_ID_SLOT = "0DocIdSlot0"


@lru_cache(maxsize=32)
def _result_words(language: str | None, script_prefix: str) -> tuple[str, ...]:
    """The words and the person's address around each result line, escaped: worked
    out once per language (and site prefix), not for every search."""
    doc_id_label = escape_html(gettext("DOC ID"))
    unknown = escape_html(gettext("Facility not known"))
    demo = f' <span class="tag">{escape_html(gettext("Demo person, not real"))}</span>'
    before, _slot, after = reverse("portal:person", args=[_DOC_ID_SLOT]).partition(_DOC_ID_SLOT)
    return doc_id_label, unknown, demo, escape_html(before), escape_html(after)


def _in_address(doc_id: str) -> str:
    # A DOC ID of plain digits reads the same encoded; anything else is encoded. Either
    # way it holds no character HTML would escape (quote() encodes & < > " ').
    return doc_id if is_doc_id(doc_id) else quote(doc_id, safe="")


@rate_limit("people")
@require_safe
def person(request, doc_id: str):
    # A malformed DOC ID runs the same query as an unknown one (for the empty string,
    # which no one has), so both answer the same 404 page in the same time: the
    # address tells nothing more than the public search does.
    lookup = doc_id if is_doc_id(doc_id) else ""
    found = PERSON_BY_DOC_ID.rows(lookup)
    if not found:
        raise Http404
    row = dict(zip(PERSON_KEY_FIELDS, found[0], strict=True))

    def draw(shown: dict[str, str]) -> HttpResponse:
        # The same person again (a DOC ID is unique within its agency), now with
        # their facility and agency.
        full = get_object_or_404(
            Inmate.objects.select_related("facility", "agency"),
            doc_id=lookup,
            agency_id=row["agency_id"],
        )
        facility, agency = full.facility, full.agency
        person = Inmate(**shown, facility=facility, agency=agency)
        person.is_fictional = full.is_fictional
        alerts = list(FacilityAlert.objects.current().for_facility(facility)) if facility else []
        context = {"person": person, "facility": facility, "alerts": alerts}
        return render(request, "portal/person.html", {**context, "agency": agency})

    # One person's page differs from another's at the same facility only in the
    # name and DOC ID: it is drawn once per facility and the person's own put in.
    basis = f"person|{row['agency_id']}|{row['facility_id']}|{row['is_fictional']}"
    values = {field: row[field] for field in PERSON_FIELDS}
    return page_with_stand_ins(request, basis, values, draw)


@require_safe
@cached_page
def facility_list(request):
    form = FacilityFilterForm(request.GET or None)
    facilities = Facility.objects.active()
    if form.is_valid():
        data = form.cleaned_data
        if query := data["q"].strip():
            facilities = facilities.filter(
                Q(name__icontains=query) | Q(code__iexact=query) | Q(city__icontains=query)
            )
        video = data["video"]
        if video == "any":
            facilities = facilities.filter(
                Q(onsite_video_visits=True) | Q(remote_video_visits=True)
            )
        elif video == "onsite":
            facilities = facilities.filter(onsite_video_visits=True)
        elif video == "remote":
            facilities = facilities.filter(remote_video_visits=True)
        if data["kind"]:
            facilities = facilities.filter(kind=data["kind"])
    else:
        facilities = facilities if not form.is_bound else facilities.none()
    context = {"form": form, "facilities": list(facilities)}
    return render_form_page(request, "portal/facility_list.html", context, form)


@require_safe
@cached_page
def facility_detail(request, slug: str):
    facility = get_object_or_404(Facility.objects.select_related("agency"), slug=slug)
    from visits.views import facility_hours_context  # visits builds on portal, not the reverse

    alerts = list(FacilityAlert.objects.current().for_facility(facility))
    context = {"facility": facility, "alerts": alerts, "agency": facility.agency}
    return render(
        request, "portal/facility_detail.html", {**context, **facility_hours_context(facility)}
    )


@require_safe
@cached_page
def robots_txt(request):
    """What search engines may read: every guide, but not the people (a family's
    search, or a person's page, is nobody else's business) and not the staff admin."""
    return render(request, "robots.txt", content_type="text/plain; charset=utf-8")


@never_cache
@require_safe
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # any database failure means "not healthy"
        return JsonResponse({"status": "unavailable", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def server_error(request):
    """The 500 page, rendered without context processors that might touch the database."""
    from django.template import loader

    return HttpResponse(loader.get_template("500.html").render(), status=500)
