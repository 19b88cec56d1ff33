from django import template

from .. import kinds

register = template.Library()


@register.simple_tag
def notification_message(kind: str, values: dict) -> str:
    """A notification's message in the active language (e-mails render in the recipient's)."""
    return kinds.render(kind, values)
