"""Small display helpers for the phone guide: money and word lists."""

from decimal import Decimal

from django import template
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def usd(value) -> str:
    """$1.25; a rate with more precision keeps it: $0.0525 (never rounded away)."""
    if value is None or value == "":
        return ""
    amount = Decimal(value)
    exponent = amount.normalize().as_tuple().exponent
    places = max(2, -exponent) if isinstance(exponent, int) else 2
    return f"${amount:,.{places}f}"


@register.filter
def and_list(items) -> str:
    """["a", "b", "c"] -> "a, b and c"."""
    words = [str(item) for item in items]
    if len(words) <= 1:
        return "".join(words)
    return _("%(first)s and %(last)s") % {"first": ", ".join(words[:-1]), "last": words[-1]}
