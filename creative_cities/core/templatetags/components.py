"""Helpers of the shared components in templates/components/ (``{% load components %}``)."""

from urllib.parse import quote

from django import forms, template

register = template.Library()

# Colours of status tags, by the status's value, whichever app it comes from. A status not
# named here is neutral (grey): a draft, something withdrawn or closed.
STATUS_TONES = {
    "success": {"published", "approved", "accepted", "completed", "done", "verified", "active", "open", "member"},
    "info": {"submitted", "under_review", "pending", "in_progress", "seeking", "planned"},
    "warning": {"returned", "changes_requested", "overdue"},
    "error": {"rejected", "declined", "refused", "failed"},
}
TONE_OF_STATUS = {status: tone for tone, statuses in STATUS_TONES.items() for status in statuses}
TONES = {"neutral", "info", "success", "warning", "error", "field"}

# Fields of a filter form that order or page the list rather than narrow it.
NOT_FILTERS = {"sort", "order", "page", "page_size", "mode"}


@register.filter
def status_tone(status) -> str:
    """The colour of a status tag: ``published`` → ``success``, ``returned`` → ``warning``…"""
    return TONE_OF_STATUS.get(str(status), "neutral")


@register.filter
def tone(value) -> str:
    """A badge's tone as given, or ``neutral`` for anything unknown."""
    return value if value in TONES else "neutral"


@register.filter
def fields_named(form, names: str) -> list:
    """The bound fields of ``form`` named in ``names`` ("start_year,end_year"), in that order."""
    return [form[name.strip()] for name in names.split(",") if name.strip()]


def _default_value(field: forms.Field):
    """What a filter shows when nothing was chosen: its initial value, or a select's first choice."""
    if field.initial not in (None, ""):
        return str(field.initial)
    choices = getattr(field, "choices", None)
    if isinstance(field, forms.ChoiceField) and not isinstance(field, forms.MultipleChoiceField) and choices:
        for value, _label in choices:
            return str(value)
    return ""


@register.filter
def active_filter_count(form) -> int:
    """How many filters narrow the list: each value chosen that is not the filter's default.

    Sorting and paging do not count; each ticked box of a list of checkboxes counts one.
    """
    if form is None or not getattr(form, "is_bound", False):
        return 0
    count = 0
    for name, field in form.fields.items():
        if name in NOT_FILTERS or field.widget.is_hidden:
            continue
        key = form.add_prefix(name)
        if isinstance(field, forms.MultipleChoiceField):
            count += len([value for value in form.data.getlist(key) if value.strip()])
        elif isinstance(field, forms.BooleanField):
            count += 1 if form.data.get(key) not in (None, "", "false", "0", "off") else 0
        else:
            value = (form.data.get(key) or "").strip()
            count += 1 if value and value != _default_value(field) else 0
    return count


@register.filter
def step_index(steps, current) -> int:
    """The position of ``current`` among (value, words) ``steps``, or -1 when it is not one of them."""
    for index, (value, _words) in enumerate(steps):
        if str(value) == str(current):
            return index
    return -1


@register.filter
def page_numbers(page) -> list:
    """The page numbers a pagination shows: the first and last, two on each side of the current, ellipses between."""
    return list(page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1))


@register.simple_tag
def list_of(*values) -> list:
    """``{% list_of demo_label pilot_label as badges %}``: the values given, empty ones left out."""
    return [value for value in values if value not in (None, "", False)]


@register.simple_tag
def pairs(*values) -> list[tuple]:
    """``{% pairs "draft" _("Draft") "published" _("Published") as steps %}``: values taken two by two."""
    if len(values) % 2:
        raise template.TemplateSyntaxError("pairs takes an even number of values")
    return list(zip(values[::2], values[1::2], strict=True))


@register.simple_tag
def share_urls(url: str, title: str = "") -> dict[str, str]:
    """Addresses that share ``url`` by e-mail or on a few networks: plain links, nothing is loaded from them."""
    link, text = quote(url, safe=""), quote(title, safe="")
    return {
        "email": f"mailto:?subject={text}&body={quote(title + chr(10) + url, safe='')}",
        "linkedin": f"https://www.linkedin.com/sharing/share-offsite/?url={link}",
        "facebook": f"https://www.facebook.com/sharer/sharer.php?u={link}",
        "x": f"https://x.com/intent/post?url={link}&text={text}",
        "bluesky": f"https://bsky.app/intent/compose?text={quote(title + ' ' + url, safe='')}",
        "whatsapp": f"https://wa.me/?text={quote(title + ' ' + url, safe='')}",
    }
