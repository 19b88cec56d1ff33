"""Telling people: in the platform and by e-mail, each as they chose, each in their language."""

from django.db import transaction
from django.utils import timezone

from creative_cities.core.mail import mail_people

from . import kinds
from .models import Notification, NotificationPreference


def _plain(context: dict) -> dict:
    """Values as text: what a notification keeps must read the same years later."""
    return {name: str(value) for name, value in context.items()}


@transaction.atomic
def notify(
    *, people, kind: str, context: dict, url: str = "", mail_template: str = "", mail_context: dict | None = None
) -> int:
    """Tell each person (once, if active) of something of ``kind``; returns how many notifications were made.

    ``context`` fills the kind's message; ``url`` is the platform's path to what it is
    about. E-mail goes after the transaction commits. News that needs more than one
    line by e-mail (a reviewer's comments) names its own pair of templates,
    ``mail_template`` (as ``core.mail.mail_people`` takes it), rendered with
    ``mail_context`` besides the usual values.
    """
    kinds.get(kind)  # fail now, in the caller, for a kind nobody registered
    people = list({person.pk: person for person in people if person is not None and person.is_active}.values())
    chosen = {pref.user_id: pref for pref in NotificationPreference.objects.filter(user__in=people, kind=kind)}
    values = _plain(context)
    shown = [person for person in people if person.pk not in chosen or chosen[person.pk].in_app]
    mailed = [person for person in people if person.pk not in chosen or chosen[person.pk].by_email]
    Notification.objects.bulk_create(
        [Notification(user=person, kind=kind, context=values, url=url) for person in shown]
    )
    if mailed:
        mail_people(
            people=mailed,
            template=mail_template or "notifications/email/notification",
            context={**(mail_context or {}), "kind": kind, "values": values, "url": url},
        )
    return len(shown)


def notification_mark_read(*, user, ids: list[int] | None = None) -> int:
    """Mark the person's unread notifications (those given, or all) as read; how many were."""
    unread = Notification.objects.filter(user=user, read_at__isnull=True)
    if ids is not None:
        unread = unread.filter(pk__in=ids)
    return unread.update(read_at=timezone.now())


@transaction.atomic
def preferences_save(*, user, choices: dict[str, tuple[bool, bool]]) -> None:
    """Save (in the platform, by e-mail) for each kind; the defaults (both) need no row."""
    for code, (in_app, by_email) in choices.items():
        kinds.get(code)
        if in_app and by_email:
            NotificationPreference.objects.filter(user=user, kind=code).delete()
        else:
            NotificationPreference.objects.update_or_create(
                user=user, kind=code, defaults={"in_app": in_app, "by_email": by_email}
            )
