"""Template helpers of the board."""

from django import template

register = template.Library()


@register.filter
def days_until(day, today) -> int:
    """Whole days from ``today`` to ``day`` (negative once it has passed)."""
    return (day - today).days
