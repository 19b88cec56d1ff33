"""Template helpers about people and their roles."""

from django import template

from creative_cities.accounts.selectors import user_is_secretariat

register = template.Library()


@register.filter
def is_secretariat(user) -> bool:
    """Whether to show the Secretariat's link; the pages check the same policy themselves."""
    return user_is_secretariat(user)
