"""E-mail to people, each in their own language, sent once the transaction commits.

Templates come in pairs, ``<name>_subject.txt`` and ``<name>_message.txt``, rendered
with the recipient's language active so that dates, names of fields, the text itself
and the addresses of pages (``{% url %}``, ``/fr/…``) read in that language. Subjects
begin with the platform's name (``EMAIL_SUBJECT_PREFIX``), as allauth's e-mails do.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation


def mail_message(*, template: str, context: dict, language: str) -> tuple[str, str]:
    """The subject (on one line, after the platform's name) and body of a message, written in ``language``."""
    with translation.override(language):
        full = {**context, "site_url": settings.SITE_URL.rstrip("/")}
        subject = " ".join(render_to_string(f"{template}_subject.txt", full).split())
        body = render_to_string(f"{template}_message.txt", full)
        return f"{settings.EMAIL_SUBJECT_PREFIX}{subject}", body


def mail_address(*, email: str, template: str, context: dict, language: str) -> None:
    """Send one message to an address that may have no account yet (an invitation), in ``language``."""
    subject, body = mail_message(template=template, context=context, language=language)
    transaction.on_commit(lambda: send_mail(subject, body, None, [email]))


def mail_people(*, people, template: str, context: dict) -> int:
    """Send one message per person, in their preferred language; returns how many are queued."""
    messages = []
    for person in people:
        if not person.email or not person.is_active:
            continue
        language = getattr(person, "preferred_language", None) or settings.LANGUAGE_CODE
        subject, body = mail_message(template=template, context={**context, "recipient": person}, language=language)
        messages.append((subject, body, person.email))
    transaction.on_commit(lambda: [send_mail(s, b, None, [to]) for s, b, to in messages])
    return len(messages)
