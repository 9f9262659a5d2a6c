from crispy_forms_gds.layout import Div, Field, Layout, Size
from django import forms
from django.utils.translation import gettext_lazy as _

from funds.models import Channel, DepositMethod
from funds.rules import Recipient
from portal.forms import PersonOrFacilityForm


def method_label(method: DepositMethod) -> str:
    if method.channel == Channel.MAIL:
        return _("By mail, with a money order")
    return f"{method.get_channel_display()}: {method.provider_name}"


class DepositForm(PersonOrFacilityForm):
    """Who the money is for, and which way to send it."""

    method = forms.ChoiceField(
        label=_("How do you want to add money?"),
        choices=(),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose how you want to add money."),
            # The default message repeats what was sent; a long or odd value stays out.
            "invalid_choice": _("Choose one of the ways listed."),
        },
    )

    def __init__(self, *args, methods=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.methods = {method.key: method for method in methods}
        self.fields["method"].choices = [(m.key, method_label(m)) for m in methods]
        self.helper.layout = Layout(
            self.who_fieldset(_("Who is the money for?")),
            # The error summary links to #id_method; radios have their own ids.
            Div(Field.radios("method", legend_size=Size.MEDIUM), css_id="id_method"),
        )

    @property
    def chosen_method(self) -> DepositMethod | None:
        if not hasattr(self, "cleaned_data"):
            return None
        return self.methods.get(self.cleaned_data.get("method"))

    def recipient(self) -> Recipient:
        """Who we are answering for, as plain values (call after `is_valid()`)."""
        if self.person is not None:
            facility = self.person.facility
            known = facility is not None and facility.is_active
            return Recipient(
                name=self.person.full_name,
                doc_id=self.person.doc_id,
                facility_name=facility.name if known else "",
                from_record=True,
            )
        facility = self.chosen_facility
        return Recipient(name=self.recipient_name, facility_name=facility.name if facility else "")
