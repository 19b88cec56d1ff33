"""Filters of the cooperation pages: shares as percentages, figures with a fixed precision."""

from django import template
from django.template.defaultfilters import floatformat

register = template.Library()


@register.filter
def percent(share) -> str:
    """0.4213 → "42.1 %" (in the reader's number format); an empty share (no links) → "–"."""
    if share is None:
        return "–"
    return f"{floatformat(share * 100, 1)}\u00a0%"  # a no-break space: the sign never wraps alone


@register.filter
def figure(value, digits: int = 3) -> str:
    """A ratio such as a density or a betweenness, with ``digits`` decimals; "–" when undefined."""
    if value is None:
        return "–"
    return floatformat(value, digits)
