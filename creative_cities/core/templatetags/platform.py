"""Template helpers used by every page."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context) -> list[dict]:
    """The current page in each interface language, query string kept."""
    request = context["request"]
    query = request.META.get("QUERY_STRING", "")
    current = get_language()
    links = []
    for code, _name in settings.LANGUAGES:
        url = translate_url(request.path, code)
        links.append(
            {
                "code": code,
                "name": get_language_info(code)["name_local"],
                "url": f"{url}?{query}" if query else url,
                "current": code == current,
            }
        )
    return links


@register.simple_tag(takes_context=True)
def query_with(context, **changes) -> str:
    """The current query string with some parameters replaced (None removes one)."""
    params = context["request"].GET.copy()
    for key, value in changes.items():
        if value is None or value == "":
            params.pop(key, None)
        else:
            params[key] = value
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.filter
def percent_of(value, total) -> float:
    try:
        return round(100 * float(value) / float(total), 1) if total else 0
    except (TypeError, ValueError):
        return 0


@register.filter
def is_secretariat(user) -> bool:
    """Whether to show the Secretariat's link; the pages check the same policy themselves."""
    from creative_cities.accounts.selectors import user_is_secretariat

    return user_is_secretariat(user)
