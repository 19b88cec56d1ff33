"""Template helpers used by every page."""

from functools import lru_cache

from django import template
from django.conf import settings
from django.urls import NoReverseMatch, get_script_prefix, reverse, translate_url
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_info

from creative_cities.core import languages
from creative_cities.core.links import address_in_language

register = template.Library()

# The main navigation's pages, by the names base.html gives them.
NAV_PAGES = {
    "home": "cities:home",
    "directory": "cities:city_list",
    "map": "cities:city_map",
    "fields": "cities:field_list",
    "countries": "cities:country_list",
    "knowledge": "knowledge:search",
    "organisations": "organisations:organisation_list",
    "projects": "projects:project_list",
    "board": "board:call_list",
    "cooperation": "cooperation:network",
    "monitoring": "monitoring:report_list",
    "indicators": "indicators:network_dashboard",
    "login": "account_login",
    "my_roles": "accounts:my_roles",
    "notifications": "notifications:notification_list",
    "profile": "accounts:profile",
    "secretariat": "secretariat:home",
    "logout": "account_logout",
    "review_queue": "knowledge:review_queue",
    "field_colours": "field_colours_css",
}


@lru_cache(maxsize=16)
def _nav_urls(language: str, script_prefix: str) -> dict[str, str]:
    with translation.override(language):
        urls = {name: reverse(url_name) for name, url_name in NAV_PAGES.items()}
        urls.update(csv=reverse("cities:city_export", args=["csv"]), json=reverse("cities:city_export", args=["json"]))
    return urls


@register.simple_tag
def nav_urls() -> dict[str, str]:
    """The addresses of the navigation in the active language, reversed once per process (every page shows them)."""
    return _nav_urls(get_language(), get_script_prefix())


def _page_in(request, code: str) -> str:
    """The current page's path in another language: reversed from the match the request already has."""
    match = request.resolver_match
    if match is None or match.url_name is None:
        return translate_url(request.path, code)
    with translation.override(code):
        try:
            return reverse(match.view_name, args=match.args, kwargs=match.kwargs)
        except NoReverseMatch:
            return request.path


@register.simple_tag(takes_context=True)
def language_links(context) -> list[dict]:
    """The current page in each interface language, query string kept."""
    request = context["request"]
    query = request.META.get("QUERY_STRING", "")
    current = get_language()
    links = []
    for code, _name in settings.LANGUAGES:
        url = _page_in(request, code)
        links.append(
            {
                "code": code,
                "name": get_language_info(code)["name_local"],
                "url": f"{url}?{query}" if query else url,
                "current": code == current,
            }
        )
    return links


def absolute(path: str) -> str:
    """A path of the platform as a full address at its public name (SITE_URL)."""
    if not path.startswith("/") or path.startswith("//"):
        return path
    return settings.SITE_URL.rstrip("/") + path


@register.filter(name="absolute_url")
def absolute_url(value) -> str:
    """``/en/cities/`` → ``https://cities.example.org/en/cities/``; full addresses are left as they are."""
    return absolute(str(value).strip())


@register.simple_tag(takes_context=True)
def canonical_url(context) -> str:
    """The page's own full address: its path, and of its query only the page number of a list."""
    request = context["request"]
    page = request.GET.get("page", "")
    suffix = f"?page={page}" if page.isdigit() and page != "1" else ""
    return absolute(request.path + suffix)


@register.simple_tag(takes_context=True)
def language_neutral_url(context) -> str:
    """The page without its language prefix: the platform answers it in the visitor's language (hreflang x-default)."""
    path = context["request"].path
    prefix, _slash, rest = path.lstrip("/").partition("/")
    if prefix in dict(settings.LANGUAGES):
        path = "/" + rest
    return absolute(path)


OG_LOCALES = {"en": "en_GB", "fr": "fr_FR", "es": "es_ES"}


@register.filter
def og_locale(code) -> str:
    """The Open Graph locale of an interface language (``fr`` → ``fr_FR``)."""
    return OG_LOCALES.get(str(code), str(code))


class CaptureNode(template.Node):
    def __init__(self, nodelist, name: str):
        self.nodelist, self.name = nodelist, name

    def render(self, context) -> str:
        # The nodes escaped what they printed; stripping the spaces around keeps it safe.
        context[self.name] = mark_safe(self.nodelist.render(context).strip())  # noqa: S308
        return ""


@register.tag
def capture(parser, token):
    """``{% capture as name %}…{% endcapture %}``: what the content renders to, kept in ``name``.

    base.html uses it to write a page's title block once and show it in <title> and og:title.
    """
    bits = token.split_contents()
    if len(bits) != 3 or bits[1] != "as":
        raise template.TemplateSyntaxError("usage: {% capture as name %}…{% endcapture %}")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[2])


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
def markdown(text):
    """Markdown rendered and sanitised (core.markdown)."""
    from creative_cities.core.markdown import render_markdown

    return render_markdown(text)


@register.simple_tag(takes_context=True)
def query_with_added(context, key: str, value) -> str:
    """The current query string with one more value of a repeatable parameter (a facet), back to page 1."""
    params = context["request"].GET.copy()
    values = params.getlist(key)
    if str(value) not in values:
        params.setlist(key, [*values, str(value)])
    params.pop("page", None)
    return f"?{params.urlencode()}"


@register.simple_tag(takes_context=True)
def query_without(context, key: str, value) -> str:
    """The current query string without one value of a repeatable parameter, back to page 1."""
    params = context["request"].GET.copy()
    params.setlist(key, [v for v in params.getlist(key) if v != str(value)])
    params.pop("page", None)
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.filter
def language_name(code) -> str:
    """A language's name for running text, in the interface's language ("fr" → "French", "français", "francés")."""
    return languages.language_name(code)


@register.filter
def language_label(code) -> str:
    """A language's name on its own, as in a list ("fr" → "French", "Français", "Francés")."""
    return languages.language_label(code)


@register.filter
def localise_path(path: str) -> str:
    """A platform path stored in one language (/en/…) in the interface's language."""
    return address_in_language(path, get_language())
