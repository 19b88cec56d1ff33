"""E-mail to people, each in their own language, sent once the transaction commits.

Templates come in pairs, ``<name>_subject.txt`` and ``<name>_message.txt``, rendered
with the recipient's preferred language active so that dates, names of fields and
the text itself read in that language.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation


def mail_people(*, people, template: str, context: dict) -> int:
    """Send one message per person, in their preferred language; returns how many are queued."""
    messages = []
    for person in people:
        if not person.email or not person.is_active:
            continue
        with translation.override(getattr(person, "preferred_language", None) or settings.LANGUAGE_CODE):
            full = {**context, "recipient": person, "site_url": settings.SITE_URL.rstrip("/")}
            subject = " ".join(render_to_string(f"{template}_subject.txt", full).split())
            body = render_to_string(f"{template}_message.txt", full)
        messages.append((subject, body, person.email))
    transaction.on_commit(lambda: [send_mail(s, b, None, [to]) for s, b, to in messages])
    return len(messages)
