"""The phone guide's questions: the phone you have, how you pay, and (optionally) who calls."""

from crispy_forms_gds.layout import Field, Fieldset, Layout, Size
from django import forms
from django.utils.translation import gettext_lazy as _

from phones.rules import PayChoice, PhoneChoice
from portal.forms import PersonOrFacilityForm

MAX_CALLS = 1000
MAX_MINUTES = 600


class RadioChoiceField(forms.ChoiceField):
    # The shared error summary links radio errors to the first option (id_<name>_1).
    widget = forms.RadioSelect


class PhoneForm(PersonOrFacilityForm):
    """Which account to open for the phone you have. The person is optional."""

    name_required = False
    facility_required = False
    name = None  # the town of their facility is all this guide needs

    phone = RadioChoiceField(
        label=_("What phone will you take calls on?"),
        choices=PhoneChoice.choices,
        error_messages={
            "required": _("Choose the phone you will take calls on."),
            "invalid_choice": _("Choose one of the phones in the list."),
        },
    )
    pay = RadioChoiceField(
        label=_("How do you want to pay for calls?"),
        help_text=_(
            "Pay ahead: you put money in an account before the calls. "
            "Be billed: you pay for each call after you accept it."
        ),
        choices=PayChoice.choices,
        error_messages={
            "required": _("Choose how you want to pay for calls."),
            "invalid_choice": _("Choose one of the ways to pay in the list."),
        },
    )

    field_order = ["phone", "pay", "doc_id", "facility"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["facility"].label = _("Or the facility they are in")
        self.fields["facility"].help_text = _("We use it to tell you the facility's town.")
        self.helper.layout = Layout(
            Field.radios("phone", legend_size=Size.MEDIUM),
            Field.radios("pay", legend_size=Size.MEDIUM),
            Fieldset(
                Field.text("doc_id"),
                Field.select("facility"),
                legend=_("Who will call you? (You can skip this.)"),
                legend_size=Size.MEDIUM,
            ),
        )


class CountField(forms.IntegerField):
    """A whole number; only spaces counts as empty, so it gets the "enter" message."""

    def to_python(self, value):
        return super().to_python(value.strip() if isinstance(value, str) else value)


def _count_field(label, help_text, limit, required):
    return CountField(
        label=label,
        help_text=help_text,
        min_value=1,
        max_value=limit,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
        error_messages={
            "required": required,
            "invalid": _("Enter a whole number, such as 15."),
            "min_value": _("Enter 1 or more."),
            "max_value": _("Enter %(limit_value)s or fewer."),
        },
    )


class CostForm(PersonOrFacilityForm):
    """A cost estimate: how many calls, how long, and from which facility."""

    name_required = False
    name = None

    calls = _count_field(
        _("How many calls?"),
        _("For example, 20 calls in a month."),
        MAX_CALLS,
        _("Enter how many calls."),
    )
    minutes = _count_field(
        _("How many minutes is each call?"),
        _("Count whole minutes, such as 15."),
        MAX_MINUTES,
        _("Enter how many minutes each call lasts."),
    )

    field_order = ["doc_id", "facility", "calls", "minutes"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["facility"].label = _("Or the facility they are in")
        self.helper.layout = Layout(
            Fieldset(
                Field.text("doc_id"),
                Field.select("facility"),
                legend=_("Who will call you?"),
                legend_size=Size.MEDIUM,
            ),
            Field.text("calls", field_width=5),
            Field.text("minutes", field_width=5),
        )
