"""The mail guide's questions: who it is for, what you are sending, and a photo's size."""

from decimal import Decimal

from crispy_forms_gds.layout import Field, Layout, Size
from django import forms
from django.core.validators import MaxValueValidator
from django.utils.translation import gettext_lazy as _

from mail.models import MailItem
from portal.forms import PersonOrFacilityForm, plain_helper

# Beyond this a "photo" is a poster: the number is almost surely a typing slip.
LARGEST_PHOTO_INCHES = Decimal("100")


class MailForm(PersonOrFacilityForm):
    items = forms.MultipleChoiceField(
        label=_("What are you sending?"),
        help_text=_("Choose all that apply."),
        choices=MailItem.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Choose at least one thing you are sending."),
            "invalid_choice": _("Choose from the list."),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.layout = Layout(
            self.who_fieldset(_("Who is it for?")),
            Field.checkboxes("items", legend_size=Size.MEDIUM),
        )

    def chosen_items(self) -> list[tuple[str, str]]:
        """The chosen kinds of mail with their labels, in the form's order."""
        chosen = set(self.cleaned_data.get("items", []))
        return [(value, label) for value, label in MailItem.choices if value in chosen]


class EnvelopeForm(PersonOrFacilityForm):
    item = forms.ChoiceField(
        label=_("What goes in the envelope?"),
        choices=MailItem.choices,
        initial=MailItem.LETTER,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose what goes in the envelope."),
            "invalid_choice": _("Choose from the list."),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper.layout = Layout(
            self.who_fieldset(_("Who is it for?")),
            Field.radios("item", legend_size=Size.MEDIUM),
        )


def inches_field(label):
    return forms.DecimalField(
        label=label,
        max_digits=6,
        decimal_places=2,
        validators=[MaxValueValidator(LARGEST_PHOTO_INCHES)],
        help_text=_("In inches, such as 4 or 6.5."),
        error_messages={
            "required": _("Enter the size in inches, such as 4."),
            "invalid": _("Enter a number of inches, such as 4 or 6.5."),
            "max_digits": _("Enter a number of inches, such as 4 or 6.5."),
            "max_decimal_places": _("Use no more than 2 digits after the point, such as 6.25."),
            "max_whole_digits": _("That is far too large for a photo. Check the number."),
            "max_value": _("That is far too large for a photo. Check the number."),
        },
    )


class PhotoSizeForm(forms.Form):
    width = inches_field(_("Width"))
    height = inches_field(_("Height"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = plain_helper()
        self.helper.layout = Layout(
            Field.text("width", field_width=5), Field.text("height", field_width=5)
        )

    def _positive(self, name):
        value = self.cleaned_data[name]
        if value <= 0:
            raise forms.ValidationError(_("Enter a size larger than 0 inches."))
        return value

    def clean_width(self):
        return self._positive("width")

    def clean_height(self):
        return self._positive("height")
