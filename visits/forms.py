"""The in-person visit guide's GET forms: the planner, the list check, the carry-all check."""

from crispy_forms_gds.layout import Field, Fieldset, Layout, Size
from django import forms
from django.utils.translation import gettext_lazy as _

from portal import clock
from portal.forms import PersonOrFacilityForm, plain_helper
from visits import rules

# Plans are for real trips: not before today, and not more than a year ahead,
# when no one can know the hours yet.
MAX_DAYS_AHEAD = 366
VISITOR_ROWS = 5
YES_NO = [("yes", _("Yes")), ("no", _("No"))]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class FacilityChoiceField(forms.ModelChoiceField):
    """Reads the facility list at most once, for checking the choice and drawing the menu.

    The planner's answer page needs every query it can spare (at most six).
    Build one per form instance: the cache must not outlive the request.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._facilities = None
        self.choices = self._choice_list  # a callable: read only when drawn

    def _all(self):
        if self._facilities is None:
            self._facilities = list(self.queryset)
        return self._facilities

    def _choice_list(self):
        return [("", self.empty_label)] + [(f.slug, str(f)) for f in self._all()]

    def to_python(self, value):
        if value in self.empty_values:
            return None
        found = next((f for f in self._all() if f.slug == str(value)), None)
        if found is None:
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return found


class PlanForm(PersonOrFacilityForm):
    name_required = False

    date = forms.DateField(
        label=_("The day you want to visit"),
        widget=DateInput(),
        input_formats=["%Y-%m-%d", "%m/%d/%Y"],
        help_text=_("For example 2026-12-05, or 12/05/2026."),
        error_messages={
            "required": _("Enter the day you want to visit."),
            "invalid": _("Enter a real date, such as 12/05/2026."),
        },
    )
    baby = forms.BooleanField(label=_("We are bringing a baby"), required=False)
    medicine = forms.BooleanField(
        label=_("Someone needs life-sustaining medicine, such as insulin or an inhaler"),
        required=False,
    )
    equipment = forms.BooleanField(
        label=_("Someone uses a walker, a wheelchair or has a metal implant"), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["doc_id"].help_text = _(
            "Digits only. Or leave it empty and choose the facility below."
        )
        old = self.fields["facility"]
        self.fields["facility"] = FacilityChoiceField(
            queryset=old.queryset,
            label=_("Or the facility"),
            to_field_name="slug",
            required=False,
            empty_label=old.empty_label,
            widget=old.widget,
        )
        visitor_sets = []
        for n in range(1, VISITOR_ROWS + 1):
            self.fields[f"age_{n}"] = forms.IntegerField(
                label=_("Age"),
                required=n == 1,
                min_value=0,
                max_value=120,
                help_text=_("In years. A baby under 1 is 0.") if n == 1 else "",
                error_messages={
                    "required": _("Enter the age of the first visitor."),
                    "invalid": _("Enter the age as a whole number, such as 34."),
                    "min_value": _("The age cannot be below 0."),
                    "max_value": _("Enter an age of 120 or less."),
                },
            )
            self.fields[f"married_{n}"] = forms.BooleanField(
                label=_("Married to the person"), required=False
            )
            legend = _("Visitor %(n)s") % {"n": n}
            if n > 1:
                legend = _("Visitor %(n)s (optional)") % {"n": n}
            visitor_sets.append(
                Fieldset(
                    Field.text(f"age_{n}", field_width=3),
                    Field.checkbox(f"married_{n}", small=True),
                    legend=legend,
                    legend_size=Size.SMALL,
                )
            )
        self.helper = plain_helper()
        self.helper.layout = Layout(
            self.who_fieldset(_("Who you are visiting")),
            Field.text("date", field_width=10),
            Fieldset(
                *visitor_sets,
                legend=_("Who is coming"),
                legend_size=Size.MEDIUM,
            ),
            Fieldset(
                Field.checkbox("baby"),
                Field.checkbox("medicine"),
                Field.checkbox("equipment"),
                legend=_("Anything else"),
                legend_size=Size.MEDIUM,
            ),
        )

    def clean_date(self):
        day = self.cleaned_data["date"]
        problem = rules.date_problem(day, clock.today(), MAX_DAYS_AHEAD)
        if problem == rules.TOO_EARLY:
            raise forms.ValidationError(_("That day has passed. Choose today or a later day."))
        if problem == rules.TOO_LATE:
            raise forms.ValidationError(
                _("Choose a day within the next year. Hours so far ahead are not known yet.")
            )
        return day

    def clean(self):
        cleaned = super().clean()
        if self.person is not None and self.person.facility is None:
            self.add_error(
                "doc_id",
                _(
                    "We do not know where this person is held now. Choose the facility "
                    "instead, or check the department's search."
                ),
            )
        return cleaned

    def hide_facility_menu(self) -> None:
        """Once the person is found, the menu is not needed to change the answers."""
        self.fields["facility"].widget = forms.HiddenInput()
        self.fields["facility"].choices = []

    @property
    def visitors(self) -> list[tuple[int, bool]]:
        data = self.cleaned_data
        return [
            (data[f"age_{n}"], bool(data.get(f"married_{n}")))
            for n in range(1, VISITOR_ROWS + 1)
            if data.get(f"age_{n}") is not None
        ]


class ListCheckForm(forms.Form):
    on_other_list = forms.ChoiceField(
        label=_("Are you already on another person's visitor list?"),
        choices=YES_NO,
        widget=forms.RadioSelect,
        error_messages={"required": _("Tell us if you are on another person's list.")},
    )
    family_of_both = forms.ChoiceField(
        label=_("If so: are you immediate family of both people?"),
        help_text=_("Spouse, child, parent, brother or sister, grandparent or step relation."),
        choices=YES_NO,
        widget=forms.RadioSelect,
        required=False,
    )
    supervised = forms.ChoiceField(
        label=_("Have you been in prison, or are you on probation or parole?"),
        choices=YES_NO,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Tell us if you have been in prison or are on probation or parole.")
        },
    )
    married = forms.ChoiceField(
        label=_("Are you married to the person?"),
        choices=YES_NO,
        widget=forms.RadioSelect,
        error_messages={"required": _("Tell us if you are married to the person.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = plain_helper()
        self.helper.layout = Layout(
            *(
                Field.radios(name, legend_size=Size.SMALL, inline=True)
                for name in ("on_other_list", "family_of_both", "supervised", "married")
            )
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("on_other_list") == "yes" and not cleaned.get("family_of_both"):
            self.add_error(
                "family_of_both", _("Tell us if you are immediate family of both people.")
            )
        return cleaned

    def answers(self) -> dict[str, bool]:
        data = self.cleaned_data
        return {
            "on_other_list": data["on_other_list"] == "yes",
            "family_of_both": data.get("family_of_both") == "yes",
            "supervised": data["supervised"] == "yes",
            "married": data["married"] == "yes",
        }


class CarryAllForm(forms.Form):
    """One number box per item allowed in the infant carry-all (the items are data)."""

    def __init__(self, *args, items=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.items = list(items)
        for item in self.items:
            self.fields[self.field_name(item)] = forms.IntegerField(
                label=item.name,
                required=False,
                min_value=0,
                max_value=999,
                error_messages={
                    "invalid": _("Enter a whole number, such as 2."),
                    "min_value": _("Enter 0 or more."),
                    "max_value": _("Enter 999 or less."),
                },
            )
        self.helper = plain_helper()
        self.helper.layout = Layout(
            *(Field.text(self.field_name(item), field_width=3) for item in self.items)
        )

    @staticmethod
    def field_name(item) -> str:
        return "qty_" + item.key.replace("-", "_")

    def clean(self):
        cleaned = super().clean()
        if not self.errors and all(cleaned.get(self.field_name(i)) is None for i in self.items):
            raise forms.ValidationError(_("Enter how many of at least one item you will bring."))
        return cleaned

    def quantities(self) -> dict[str, int]:
        return {
            item.key: self.cleaned_data[self.field_name(item)]
            for item in self.items
            if self.cleaned_data.get(self.field_name(item)) is not None
        }
