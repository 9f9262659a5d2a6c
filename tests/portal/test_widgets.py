"""The facility menu is drawn in Python, and reads exactly as Django would draw it."""

import pytest
from django import forms
from django.test.html import parse_html

from portal.forms import PersonOrFacilityForm
from portal.widgets import QuickSelect

CHOICES = [("", "Choose"), ("a", "Algoa & Co"), ("b", 'The "B" <Center>')]


@pytest.mark.parametrize("value", [None, "", "a", "b", "missing"])
@pytest.mark.parametrize("attrs", [{}, {"id": "id_f", "class": "govuk-select", "required": True}])
def test_a_quick_select_draws_what_django_draws(value, attrs):
    ours = QuickSelect(choices=CHOICES).render("f", value, attrs)
    django = forms.Select(choices=CHOICES).render("f", value, attrs)
    assert parse_html(ours) == parse_html(django)


def test_the_facility_menu_lists_every_active_facility_and_marks_the_choice(missouri):
    form = PersonOrFacilityForm({"facility": "algoa-correctional-center"})
    html = str(form["facility"])
    assert html.count("<option") == 20  # "Choose a facility" and the 19 institutions
    assert '<option value="algoa-correctional-center" selected>' in html
