"""Forms shared by every guide: people search, facility filter, and "who is it for"."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Field, Fieldset, Size
from django import forms
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from portal.models import Facility, FacilityKind, Inmate
from portal.ratelimit import count_doc_id_lookup
from portal.text import is_doc_id, normalize_doc_id
from portal.widgets import QuickSelect

# A submitted guided form carries this flag, so that a link that only fills in
# the person (?doc_id=...) shows the questions instead of an error.
SUBMITTED = "go"


def plain_helper() -> FormHelper:
    """Crispy rendering of fields only: the template owns <form> and its button."""
    helper = FormHelper()
    helper.form_tag = False
    helper.disable_csrf = True
    return helper


def bind_get_form(form_class, request, **kwargs):
    """A guided GET form: bound once submitted, otherwise pre-filled from the link.

    The form keeps the request: a DOC ID lookup counts against the client's limit.
    """
    if request.GET.get(SUBMITTED):
        form = form_class(request.GET, **kwargs)
    else:
        initial = {k: request.GET.get(k, "")[:100] for k in ("doc_id", "facility", "name")}
        form = form_class(initial={k: v for k, v in initial.items() if v}, **kwargs)
    form.request = request
    return form


def find_person(request, doc_id: str) -> Inmate | None:
    """The person with this DOC ID, or None; each call spends one "people" request.

    A guided form that answers "we cannot find DOC ID ..." tells the same thing as
    the people search, so it shares the search's limit per client address (past
    it, RateLimited: the 429 page). The count comes first, for a known and an
    unknown DOC ID alike, so the refusal itself tells nothing.
    """
    if request is None:
        # Without the request the lookup could not be counted: a way around the limit.
        raise ImproperlyConfigured(
            "Looking up a DOC ID needs the request: use bind_get_form(), or pass request=."
        )
    count_doc_id_lookup(request)
    people = Inmate.objects.select_related("facility", "facility__agency")
    return people.filter(doc_id=doc_id).first()


class PeopleSearchForm(forms.Form):
    q = forms.CharField(
        label=_("DOC ID or last name"),
        max_length=100,
        help_text=_("For example 1234567, or García. You can add a first name: José García."),
    )
    first = forms.CharField(label=_("First name (optional)"), max_length=100, required=False)

    def clean_q(self):
        return _search_text(self.cleaned_data["q"])

    @classmethod
    def terms(cls, data) -> dict[str, str] | None:
        """What a search asks, cleaned as `is_valid()` cleans it, or None where the
        form would not be valid: the view then makes the form, to show why.

        Worked out without making a form: a form copies its fields each time it is
        made, and for a valid search that took longer than its twenty result lines.
        It cleans as the form does only while the form has no other clean method:
        tests/portal/test_search_terms.py checks that both agree.
        """
        cleaned = {}
        try:
            for name, field in cls.base_fields.items():
                cleaned[name] = field.clean(field.widget.value_from_datadict(data, {}, name))
            cleaned["q"] = _search_text(cleaned["q"])
        except forms.ValidationError:
            return None
        return cleaned


def _search_text(value: str) -> str:
    value = value.strip()
    if not value:
        raise forms.ValidationError(_("Enter a DOC ID or a last name."))
    if not any(ch.isalnum() for ch in value):
        raise forms.ValidationError(_("Enter letters or digits."))
    return value


class FacilityFilterForm(forms.Form):
    VIDEO_CHOICES = [
        ("", _("Any")),
        ("any", _("Any video visits")),
        ("onsite", _("On-site video visits")),
        ("remote", _("Video visits from home")),
    ]
    q = forms.CharField(label=_("Name, code or town"), max_length=100, required=False)
    video = forms.ChoiceField(
        label=_("Video visits"), choices=VIDEO_CHOICES, required=False, widget=QuickSelect
    )
    kind = forms.ChoiceField(
        label=_("Kind of facility"),
        choices=[("", _("Any kind"))] + list(FacilityKind.choices),
        required=False,
        widget=QuickSelect,
    )


class PersonOrFacilityForm(forms.Form):
    """Who the answer is for: their DOC ID, or their name and facility.

    Subclasses add their own questions. After `is_valid()`:
    `person` (an Inmate or None), `chosen_facility` (a Facility or None) and
    `recipient_name` (the name to write, from the record or as typed).
    Set `name_required = False` where only the facility matters.
    """

    name_required = True
    facility_required = True

    doc_id = forms.CharField(
        label=_("Their DOC ID number"),
        max_length=32,
        required=False,
        help_text=_("Digits only. Leave empty if you do not know it."),
    )
    name = forms.CharField(
        label=_("Or their full name"),
        max_length=200,
        required=False,
        help_text=_("As the department has it, such as Alex M. Smith."),
    )
    facility = forms.ModelChoiceField(
        label=_("And the facility they are in"),
        queryset=Facility.objects.active().select_related("agency"),
        to_field_name="slug",
        required=False,
        empty_label=_("Choose a facility"),
        widget=QuickSelect,
    )

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, **kwargs)
        # Set here or by bind_get_form(): the DOC ID lookup is counted per client.
        self.request = request
        self.person: Inmate | None = None
        self.recipient_name = ""
        self.helper = plain_helper()

    def who_fieldset(self, legend) -> Fieldset:
        """The "who is it for" questions as one fieldset, for a guide's layout."""
        fields = [Field.text("doc_id", field_width=10)]
        if "name" in self.fields:
            fields.append(Field.text("name"))
        fields.append(Field.select("facility"))
        return Fieldset(*fields, legend=legend, legend_size=Size.MEDIUM)

    def clean_doc_id(self):
        raw = normalize_doc_id(self.cleaned_data.get("doc_id", ""))
        if raw and not is_doc_id(raw):
            raise forms.ValidationError(_("A DOC ID has digits only, such as 1234567."))
        return raw

    def clean_name(self):
        name = " ".join(self.cleaned_data.get("name", "").split())
        if self.cleaned_data.get("name") and not name:
            raise forms.ValidationError(_("Enter a name, not only spaces."))
        return name

    def clean(self):
        cleaned = super().clean()
        doc_id = cleaned.get("doc_id")
        if doc_id:
            # An unknown DOC ID tells the family only that no one has it, which the
            # people search tells too, from the same budget (find_person counts first).
            # Nothing else sets it apart from other mistakes: the same 400 form page
            # with the same headers, one error on this field that names no facility
            # and no status, after the same single query a known DOC ID costs. A
            # malformed one is refused before any lookup; its message says no more
            # than the field's hint does (digits only).
            self.person = find_person(self.request, doc_id)
            if self.person is None:
                self.add_error(
                    "doc_id",
                    _(
                        "We cannot find DOC ID %(doc_id)s. Check the number, or leave it "
                        "empty and give their name and facility instead."
                    )
                    % {"doc_id": doc_id},
                )
                return cleaned
            self.recipient_name = self.person.full_name
            cleaned["facility"] = self.person.facility
            return cleaned
        if "doc_id" in self.errors or "name" in self.errors:
            return cleaned
        if self.name_required and not cleaned.get("name"):
            self.add_error("name", _("Enter their DOC ID, or their full name."))
        if self.facility_required and not cleaned.get("facility"):
            self.add_error("facility", _("Choose the facility they are in."))
        self.recipient_name = cleaned.get("name", "")
        return cleaned

    @property
    def chosen_facility(self) -> Facility | None:
        """The person's facility, or the one chosen (None until valid)."""
        if not hasattr(self, "cleaned_data"):
            return None
        return self.cleaned_data.get("facility")
