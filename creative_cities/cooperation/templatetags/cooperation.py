"""Filters of the cooperation pages: shares as percentages, figures with a fixed precision."""

from django import template

from .. import presentation

register = template.Library()


@register.filter
def percent(share) -> str:
    """0.4213 → "42.1 %" (in the reader's number format); an empty share (no links) → "–"."""
    return presentation.percent(share)


@register.filter
def figure(value, digits: int = 3) -> str:
    """A ratio such as a density or a betweenness, with ``digits`` decimals; "–" when undefined."""
    return presentation.fixed(value, digits)
