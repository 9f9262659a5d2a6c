"""Form widgets drawn in Python where Django's per-option templates cost too much."""

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join


class QuickSelect(forms.Select):
    """A plain <select> (no option groups), drawn without a template per option.

    Django draws every <option> through its own template: for the list of
    facilities that took longer than all the rest of a guide's form. The HTML is
    the same as Django's: the field's attributes, then one option per choice with
    `selected` on the chosen value.
    """

    def render(self, name, value, attrs=None, renderer=None):
        chosen = {str(v) for v in self.format_value(value)}
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (key, " selected" if str(key) in chosen else "", label)
                for key, label in self.choices
            ),
        )
        final_attrs = self.build_attrs(self.attrs, attrs)
        return format_html("<select{}>{}</select>", flatatt({"name": name, **final_attrs}), options)
