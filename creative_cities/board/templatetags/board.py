"""The board on other apps' pages: a city's open calls, without touching their views."""

from django import template

from creative_cities.board.selectors import call_list_for_city

register = template.Library()


@register.simple_tag
def city_open_calls(city) -> list:
    """The open calls the city published, nearest deadline first."""
    return list(call_list_for_city(city=city))


@register.filter
def days_until(day, today) -> int:
    """Whole days from ``today`` to ``day`` (negative once it has passed)."""
    return (day - today).days
